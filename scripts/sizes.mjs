// The size of what a reader downloads from a build: the wasm, every script index.html loads and
// Folio's stylesheet (the demo page's own CSS aside), raw, gzip -9 and brotli (quality 11), file
// by file. With --check it is the build check `make test` runs: it fails when the brotli total is
// over the limit in scripts/size-budget.json, and says how far it is from the goal there.
//
//   node scripts/sizes.mjs [dist] [--check]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distAssets, fileSizes } from '../bench/lib.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) || 'dist';
const assets = distAssets(dist);
const files = [assets.wasm, assets.glue, ...assets.loaders, assets.folioCss];

const rows = files.map((file) => ({ file, ...fileSizes(path.join(dist, file)) }));
const total = Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, rows.reduce((a, r) => a + r[k], 0)]));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const line = (name, r) => `${name.padEnd(30)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`;
console.log(`${'file'.padEnd(30)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const r of rows) console.log(line(r.file, r));
console.log(line('total', total));
const notCounted = assets.otherCss.join(', ');
if (notCounted) console.log(`(not counted: ${notCounted}, the demo page's own stylesheet)`);

if (check) {
  const budgetFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'size-budget.json');
  const { limitKB, goalKB } = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
  const brotliKB = total.brotli / 1024;
  const toGoal = brotliKB <= goalKB ? 'within the goal' : `${(brotliKB - goalKB).toFixed(1)} KB over the goal`;
  if (brotliKB > limitKB) {
    console.error(`size check FAILED: ${kb(total.brotli)} brotli is over the limit of ${limitKB} KB (goal ${goalKB} KB; ${toGoal}).`);
    console.error('See docs/size.md for where the bytes go; raise the limit in scripts/size-budget.json only with a reason there.');
    process.exit(1);
  }
  console.log(`size check passed: ${kb(total.brotli)} brotli, limit ${limitKB} KB; goal ${goalKB} KB (${toGoal}).`);
}
