// Hydration: a prerendered page taken over by Folio, against the same document rendered by Folio
// in the browser (the demo page, `?src=`). For the seed (the zh-TW sample) and the 5,000-block
// generated article: navigation → folio:rendered, and the longest main-thread task from
// navigation until a second after it (the Long Tasks API, which sees tasks over 50 ms).
//
//   node bench/hydration.mjs [--dist dist] [--runs 7]
//
// Needs a release build (`make dist`) and its target/release/folio-prerender. Prints the medians
// and writes bench/results/hydration.md (the latest summary).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, OFFLINE_ARGS, benchDir, root, startBenchServer, isolatedContext } from './lib.mjs';
import { generateArticle } from './generate.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };
const dist = path.resolve(arg('dist', path.join(root, 'dist')));
const RUNS = Number(arg('runs', 7));
const binary = path.join(root, 'target/release/folio-prerender');

const documents = {
  seed: fs.readFileSync(path.join(root, 'static/samples/zh-TW.json'), 'utf8'),
  huge: JSON.stringify(generateArticle({ blocks: 5000, seed: 1 })),
};
const data = new Map();
for (const [name, text] of Object.entries(documents)) {
  data.set(`/hydration/${name}.json`, text);
  data.set(`/hydration/${name}.html`, execFileSync(binary, ['--assets', '/', '-'], { input: text, encoding: 'utf8', maxBuffer: 256 << 20 }));
}

const PROBE = () => {
  const h = (window.__h = { tasks: [], rendered: null });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) h.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('folio:rendered', () => { h.rendered ??= performance.now(); }, true);
};

async function load(browser, url) {
  const context = await isolatedContext(browser, {}, { route: false });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__h && window.__h.rendered != null, null, { timeout: 120_000, polling: 50 });
  await page.waitForTimeout(1000);
  const h = await page.evaluate(() => window.__h);
  if (context.problems.length) throw new Error(`${url}: ${context.problems.join('; ')}`);
  await context.close();
  return { rendered: h.rendered, longestTask: Math.max(0, ...h.tasks) };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const browser = await chromium.launch({ executablePath: process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
const server = await startBenchServer(dist, data);
const samples = {};
try {
  const pages = Object.keys(documents).flatMap((name) => [
    [name, 'hydrated', `${server.origin}/hydration/${name}.html`],
    [name, 'client', `${server.origin}/?src=/hydration/${name}.json`],
  ]);
  for (const [, , url] of pages) await load(browser, url); // first use of each page, unrecorded
  for (let run = 0; run < RUNS; run++) {
    for (const [name, how, url] of run % 2 ? [...pages].reverse() : pages) {
      const r = await load(browser, url);
      for (const [key, value] of Object.entries(r)) ((samples[`${name} ${how}`] ||= {})[key] ||= []).push(value);
    }
    console.error(`run ${run + 1}/${RUNS}`);
  }
} finally {
  await server.close();
  await browser.close();
}

const ms = (x) => `${x.toFixed(0)} ms`;
const rows = Object.keys(documents).map((name) => {
  const h = samples[`${name} hydrated`], c = samples[`${name} client`];
  const [hr, cr, ht, ct] = [median(h.rendered), median(c.rendered), median(h.longestTask), median(c.longestTask)];
  return `| ${name} | ${ms(hr)} | ${ms(cr)} | ${(hr / cr).toFixed(2)}× | ${ms(ht)} (${ms(Math.min(...h.longestTask))}–${ms(Math.max(...h.longestTask))}) | ${ms(ct)} |`;
});
const summary = [
  '# Hydration (bench/hydration.mjs)',
  '',
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${RUNS} loads of each page, medians (range for the hydrated page's longest task); `
    + 'the client page is the demo page with `?src=` (the wasm, then a fetch of the JSON); the prerendered page carries its document.',
  '',
  '| article | navigation → folio:rendered, prerendered + hydrated | same, rendered in the browser | ratio | longest task, hydrated | longest task, rendered in the browser |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
].join('\n');
console.log(summary);
fs.writeFileSync(path.join(benchDir, 'results/hydration.md'), summary);
