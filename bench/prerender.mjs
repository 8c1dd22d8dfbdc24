// Prerender throughput: how many seed-sized articles `folio-prerender --out-dir` writes per second,
// on one core (taskset) and on all of them, including the process start and the file I/O.
//
//   node bench/prerender.mjs [--articles 2000] [--runs 5]
//
// Builds the release binary first. Prints the median of the runs; writes
// bench/results/prerender.md (the latest summary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { benchDir, root } from './lib.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };
const ARTICLES = Number(arg('articles', 2000));
const RUNS = Number(arg('runs', 5));

execFileSync('cargo', ['build', '--locked', '--release', '--quiet', '--bin', 'folio-prerender'], { cwd: root, stdio: 'inherit' });
const binary = path.join(root, 'target/release/folio-prerender');
const seed = fs.readFileSync(path.join(root, 'static/samples/zh-TW.json'));
// In memory where the machine has it: on this ext4 disk, creating files in a folder just emptied
// took half the time (the kernel's `ext4_create` in a profile), which is the disk's cost, not
// the prerenderer's.
const scratch = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const work = fs.mkdtempSync(path.join(scratch, 'folio-prerender-bench-'));
const inputs = [];
for (let i = 0; i < ARTICLES; i++) {
  const file = path.join(work, `a${i}.json`);
  fs.writeFileSync(file, seed);
  inputs.push(file);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const cores = os.cpus().length;
const rates = { one: [], all: [] };
for (let run = 0; run < RUNS; run++) {
  for (const which of run % 2 ? ['all', 'one'] : ['one', 'all']) {
    const out = path.join(work, `out-${which}`);
    fs.rmSync(out, { recursive: true, force: true });
    const command = which === 'one' ? ['taskset', ['-c', '0', binary]] : [binary, []];
    const t0 = process.hrtime.bigint();
    execFileSync(command[0], [...command[1], '--out-dir', out, ...inputs], { stdio: ['ignore', 'ignore', 'inherit'] });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (fs.readdirSync(out).length !== ARTICLES) throw new Error(`${which}: not every page was written`);
    rates[which].push(ARTICLES / seconds);
  }
}
fs.rmSync(work, { recursive: true, force: true });

const lines = [
  `Prerender throughput (bench/prerender.mjs), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus()[0]?.model} (${cores} cores).`,
  `${ARTICLES} copies of static/samples/zh-TW.json (${(seed.length / 1024).toFixed(1)} KB) through one \`folio-prerender --out-dir\`, files in ${scratch}, medians of ${RUNS} runs.`,
  '',
  '| cores | articles per second | per core |',
  '| ---: | ---: | ---: |',
  `| 1 (taskset -c 0) | ${median(rates.one).toFixed(0)} | ${median(rates.one).toFixed(0)} |`,
  `| ${cores} | ${median(rates.all).toFixed(0)} | ${(median(rates.all) / cores).toFixed(0)} |`,
];
fs.writeFileSync(path.join(benchDir, 'results', 'prerender.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
