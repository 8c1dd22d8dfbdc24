// Prints the size of what a reader downloads from dist/: raw, gzip -9 and brotli (quality 11).
//   node scripts/sizes.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css' };
const totals = {};
const rows = [];
for (const name of fs.readdirSync(dist).sort()) {
  const kind = kinds[path.extname(name)];
  if (!kind) continue;
  const data = fs.readFileSync(path.join(dist, name));
  const row = {
    file: name,
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  rows.push(row);
  for (const k of ['raw', 'gzip', 'brotli']) totals[k] = (totals[k] || 0) + row[k];
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const r of rows) console.log(`${r.file.padEnd(36)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`);
console.log(`${'total (raw, gzip, brotli)'.padEnd(36)} ${kb(totals.raw).padStart(10)} ${kb(totals.gzip).padStart(10)} ${kb(totals.brotli).padStart(10)}`);
