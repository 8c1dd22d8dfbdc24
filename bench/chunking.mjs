// What showing a long article in steps costs the browser, with no framework and no script in the
// timing: vanilla.js builds the 5,000-block article off the page (untimed), then its body (157
// parts of 32 blocks, as Folio writes them) goes into the page either at once or over N frames
// (equal slices of parts, one per requestAnimationFrame),
// and the clock stops after a forced layout. The ratio of N frames to one is the price of any
// renderer that keeps its tasks short (the issue's 200 ms) against one that blocks the page once,
// which is what the benchmark's huge-render ratio compares.
//
//   node bench/chunking.mjs [--dist dist] [--runs 7] [--steps 1,4,8,12,16] [--extra-css CSS] [--out bench/results]
//
// Prints, per number of steps: the median time from the first insertion to the forced layout
// after the last, its ratio to one step, the median of each run's longest frame (from one
// requestAnimationFrame to the next, the longest the page could not answer), and main-thread CPU.
// Writes bench/results/chunking.md (the latest summary) and raw/<date>-chunking.json (the samples).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, OFFLINE_ARGS, benchDir, root, startBenchServer, isolatedContext, openBenchPage } from './lib.mjs';
import { generateArticle } from './generate.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };
const dist = path.resolve(arg('dist', path.join(root, 'dist')));
const RUNS = Number(arg('runs', 7));
const STEPS = arg('steps', '1,4,8,12,16').split(',').map(Number);
const EXTRA_CSS = arg('extra-css', '');
const OUT = path.resolve(arg('out', path.join(benchDir, 'results')));
if (!STEPS.includes(1)) STEPS.unshift(1);

const HUGE = JSON.stringify(generateArticle({ blocks: 5000, seed: 1 }));
const server = await startBenchServer(dist, new Map([['/bench/data/huge.json', HUGE]]), { extraCss: EXTRA_CSS });
const browser = await chromium.launch({ executablePath: process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
const loadAtStart = os.loadavg();
const samples = Object.fromEntries(STEPS.map((n) => [n, { ms: [], longestFrame: [], cpu: [] }]));

/** In the page: the article built off the page, then its body put in over `steps` frames. */
async function insertInSteps(steps) {
  const mount = document.getElementById('mount');
  const layout = () => document.documentElement.offsetHeight + mount.getBoundingClientRect().height;
  const scratch = document.createElement('div');
  window.vanilla.render(scratch, window.hugeDocument, { now: '2026-02-14T23:50:00+08:00' });
  const body = scratch.querySelector('.folio-body');
  const parts = [...body.children];
  body.replaceChildren();
  layout();
  const t0 = performance.now();
  mount.replaceChildren(...scratch.childNodes);
  const slice = Math.ceil(parts.length / steps);
  let longestFrame = 0;
  let frameStart = t0;
  for (let i = 0; i < parts.length; i += slice) {
    body.append(...parts.slice(i, i + slice));
    if (steps === 1) break;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    longestFrame = Math.max(longestFrame, now - frameStart);
    frameStart = now;
  }
  layout();
  const t1 = performance.now();
  mount.replaceChildren();
  return { ms: t1 - t0, longestFrame: steps === 1 ? t1 - t0 : Math.max(longestFrame, t1 - frameStart) };
}

for (let run = 0; run < RUNS; run++) {
  const context = await isolatedContext(browser, {}, { route: false });
  const page = await openBenchPage(context, server.origin, 'vanilla');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  await page.evaluate(async () => { window.hugeDocument = await (await fetch('/bench/data/huge.json')).json(); });
  await page.evaluate(insertInSteps, 1); // warm-up
  for (const steps of run % 2 ? [...STEPS].reverse() : STEPS) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    const before = await threadMs();
    const result = await page.evaluate(insertInSteps, steps);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    samples[steps].ms.push(result.ms);
    samples[steps].longestFrame.push(result.longestFrame);
    samples[steps].cpu.push((await threadMs()) - before);
  }
  if (context.problems.length) throw new Error(context.problems.join('; '));
  await context.close();
  process.stderr.write(`run ${run + 1}/${RUNS}\n`);
}
await browser.close();
await server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const oneStep = median(samples[1].ms);
const date = new Date().toISOString().replace(/:/g, '-').replace(/\..*/, '');
const lines = [
  `Showing the 5,000-block article in steps, no framework (bench/chunking.mjs), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus()[0]?.model} (${os.cpus().length} cores).`,
  `Medians of ${RUNS} runs (steps interleaved, order reversed on odd runs); load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at end.${EXTRA_CSS ? ` Extra CSS on the page: \`${EXTRA_CSS}\`.` : ''}`,
  '',
  '| steps | first insertion → layout after the last | ratio to one step | per-run times | longest frame | main-thread CPU |',
  '| ---: | ---: | ---: | --- | ---: | ---: |',
  ...STEPS.map((n) => `| ${n} | ${median(samples[n].ms).toFixed(0)} ms | ${(median(samples[n].ms) / oneStep).toFixed(2)}× | ${samples[n].ms.map((x) => x.toFixed(0)).join(' ')} | ${median(samples[n].longestFrame).toFixed(0)} ms | ${median(samples[n].cpu).toFixed(0)} ms |`),
];
fs.mkdirSync(path.join(OUT, 'raw'), { recursive: true });
// The latest summary is kept in git; the samples stay out of it (bench/results/raw/ is ignored).
fs.writeFileSync(path.join(OUT, 'chunking.md'), `${lines.join('\n')}\n`);
fs.writeFileSync(path.join(OUT, 'raw', `${date}-chunking.json`), `${JSON.stringify({ runs: RUNS, steps: STEPS, extraCss: EXTRA_CSS, loadAtStart, samples }, null, 1)}\n`);
console.log(lines.join('\n'));
