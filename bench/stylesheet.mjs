// What Folio's stylesheet costs a render: the seed article rendered by vanilla.js (the same DOM as
// Folio's, with no framework in the clock) to a forced layout, on pages that differ only in their
// CSS. Variants run interleaved within each run, order reversed on odd runs.
//
//   node bench/stylesheet.mjs [--dist dist] [--runs 7] [--width 1280] [--out bench/results]
//
// Prints the median render + layout time per variant, its ratio to Folio's stylesheet as shipped,
// and the style + layout part of the main thread's time (Performance.getMetrics). Writes
// bench/results/stylesheet.md (the latest summary) and raw/<date>-stylesheet.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, OFFLINE_ARGS, benchDir, root, startBenchServer, isolatedContext, openBenchPage } from './lib.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };
const dist = path.resolve(arg('dist', path.join(root, 'dist')));
const RUNS = Number(arg('runs', 7));
const WIDTH = Number(arg('width', 1280));
const OUT = path.resolve(arg('out', path.join(benchDir, 'results')));

/** Each variant: Folio's stylesheet plus this CSS, or (minimal) the bench's minimal stylesheet. */
const VARIANTS = [
  ['as shipped', ''],
  ['no text-wrap: pretty / balance', '.folio-article, .folio-article * { text-wrap: wrap !important; }'],
  ['one font (sans-serif) instead of the stacks', '.folio-article, .folio-article * { font-family: sans-serif !important; }'],
  ['neither', '.folio-article, .folio-article * { text-wrap: wrap !important; font-family: sans-serif !important; }'],
  ['no container query (related lists)', '.folio-article * { container-type: normal !important; }'],
  ['minimal stylesheet instead of Folio\'s', null],
];

const SEED = fs.readFileSync(path.join(root, 'static/samples/zh-TW.json'), 'utf8');
const servers = [];
for (const [, css] of VARIANTS) servers.push(await startBenchServer(dist, new Map([['/bench/data/seed.json', SEED]]), { extraCss: css ?? '' }));
const browser = await chromium.launch({ executablePath: process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
const loadAtStart = os.loadavg();
const samples = VARIANTS.map(() => ({ ms: [], styleLayout: [] }));

async function measure(index) {
  const context = await isolatedContext(browser, { viewport: { width: WIDTH, height: 900 } }, { route: false });
  const page = await openBenchPage(context, servers[index].origin, VARIANTS[index][1] === null ? 'vanilla-minimal' : 'vanilla');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return (m.RecalcStyleDuration + m.LayoutDuration) * 1000;
  };
  await page.evaluate(() => M.load('seed', '/bench/data/seed.json'));
  const options = { now: '2026-02-14T23:50:00+08:00' };
  // The first render pays for fonts and the first shaping of each face: not counted.
  for (let i = 0; i < 2; i++) await page.evaluate((o) => M.render('seed', { options: o }), options);
  for (let i = 0; i < 5; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => M.flush());
    const before = await metric();
    const { ms } = await page.evaluate((o) => M.render('seed', { options: o }), options);
    const after = await metric();
    samples[index].ms.push(ms);
    samples[index].styleLayout.push(after - before);
    await page.evaluate(() => M.settle());
  }
  if (context.problems.length) throw new Error(context.problems.join('; '));
  await context.close();
}

for (let run = 0; run < RUNS; run++) {
  const order = VARIANTS.map((_, i) => i);
  for (const i of run % 2 ? order.reverse() : order) await measure(i);
  process.stderr.write(`run ${run + 1}/${RUNS}\n`);
}
await browser.close();
for (const s of servers) await s.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const base = median(samples[0].ms);
const lines = [
  `What Folio's stylesheet costs the seed article's render + layout (bench/stylesheet.mjs), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus()[0]?.model} (${os.cpus().length} cores), ${WIDTH} px wide.`,
  `vanilla.js renders Folio's DOM; medians of ${RUNS} runs × 5 renders, variants interleaved; load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at end.`,
  '',
  '| stylesheet | render + layout | ratio to as shipped | style + layout (CPU) |',
  '| --- | ---: | ---: | ---: |',
  ...VARIANTS.map(([name], i) => `| ${name} | ${median(samples[i].ms).toFixed(2)} ms | ${(median(samples[i].ms) / base).toFixed(2)}× | ${median(samples[i].styleLayout).toFixed(2)} ms |`),
];
const date = new Date().toISOString().replace(/:/g, '-').replace(/\..*/, '');
fs.mkdirSync(path.join(OUT, 'raw'), { recursive: true });
fs.writeFileSync(path.join(OUT, 'stylesheet.md'), `${lines.join('\n')}\n`);
fs.writeFileSync(path.join(OUT, 'raw', `${date}-stylesheet.json`), `${JSON.stringify({ runs: RUNS, width: WIDTH, variants: VARIANTS, loadAtStart, samples }, null, 1)}\n`);
console.log(lines.join('\n'));
