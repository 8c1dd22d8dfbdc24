// The benchmark: Folio's built dist/ against bench/vanilla.js, a hand-written renderer of the same
// JSON with the same HTML, both in Debian's Chromium, runs interleaved (A B, B A, ...) so that
// machine noise falls on both alike. Prints a markdown table of medians and ratios Folio/vanilla
// and writes the raw samples to bench/results/<date>.json.
//
//   node bench/run.mjs [--dist dist] [--runs 7] [--cold-runs 14] [--memory-runs 3] [--cycles 1000] [--only size,cold,render,memory,trace]
//                      [--profile-dir DIR] [--extra-css CSS] [--out bench/results]
//
// --profile-dir: a folder with folio.js and folio_bg.wasm from the same build as --dist but with
// a name section (wasm-opt -Oz -g), used only for the CPU profile of the huge render, so the
// profile names Rust functions. Timing is never taken from it.
// --extra-css: a stylesheet added to both renderers' bench pages, for experiments (for example
// `content-visibility: auto` on body blocks); the results record it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, OFFLINE_ARGS, benchDir, root, startBenchServer, isolatedContext, openBenchPage, fileSizes } from './lib.mjs';
import { generateArticle } from './generate.mjs';

// ------------------------------------------------------------------ options

const argv = process.argv.slice(2);
const arg = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };
if (argv.includes('--help')) {
  console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).slice(0, 13).join('\n'));
  process.exit(0);
}
const dist = path.resolve(arg('dist', path.join(root, 'dist')));
const RUNS = Number(arg('runs', 7));
const COLD_RUNS = Number(arg('cold-runs', 14));
const MEMORY_RUNS = Number(arg('memory-runs', 3));
const CYCLES = Number(arg('cycles', 1000));
const ONLY = new Set((arg('only', 'size,cold,render,memory,trace')).split(','));
const OUT = path.resolve(arg('out', path.join(benchDir, 'results')));
const PROFILE_DIR = arg('profile-dir');
const EXTRA_CSS = arg('extra-css', '');
const KINDS = ['folio', 'vanilla'];
/** Folio first on even runs, vanilla first on odd ones. */
const order = (run) => (run % 2 === 0 ? KINDS : [...KINDS].reverse());

const SEED = fs.readFileSync(path.join(root, 'static/samples/zh-TW.json'), 'utf8');
const HUGE = JSON.stringify(generateArticle({ blocks: 5000, seed: 1 }));
const data = new Map([['/bench/data/seed.json', SEED], ['/bench/data/huge.json', HUGE]]);
/** Options for every timed render: a fixed clock, so both show the same relative times. */
const RENDER_OPTIONS = { now: '2026-02-14T23:50:00+08:00' };
/** Chrome DevTools' "Slow 4G" preset, the profile Lighthouse simulates for mobile. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// ------------------------------------------------------------------ statistics

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); const i = (s.length - 1) * q; return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i % 1); };
/** Relative spread: interquartile range over the median. */
const spread = (xs) => (xs.length > 2 ? (quantile(xs, 0.75) - quantile(xs, 0.25)) / median(xs) : NaN);

const samples = {};
const record = (metric, kind, value) => { ((samples[metric] ||= { folio: [], vanilla: [] })[kind]).push(value); };

// ------------------------------------------------------------------ size

function sizes(assets) {
  const sum = (parts) => Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, parts.reduce((a, p) => a + p[k], 0)]));
  const css = fileSizes(path.join(dist, assets.folioCss));
  const folioFiles = { wasm: fileSizes(path.join(dist, assets.wasm)), js: sum([assets.glue, ...assets.loaders].map((f) => fileSizes(path.join(dist, f)))), css };
  const vanillaFiles = { js: fileSizes(path.join(benchDir, 'vanilla.js')), css };
  return {
    folio: { ...folioFiles, total: sum(Object.values(folioFiles)), files: { wasm: assets.wasm, js: [assets.glue, ...assets.loaders], css: assets.folioCss } },
    vanilla: { ...vanillaFiles, total: sum(Object.values(vanillaFiles)), files: { js: 'bench/vanilla.js (as written: not minified)', css: assets.folioCss } },
    notCounted: Object.fromEntries(assets.otherCss.map((f) => [f, fileSizes(path.join(dist, f))])),
  };
}

// ------------------------------------------------------------------ cold load

/** Runs in the page before its own scripts: headline-in-DOM time, LCP, FCP, rendered event. */
const COLD_PROBE = () => {
  const cold = (window.__cold = {});
  new MutationObserver((_, observer) => {
    if (document.querySelector('article h1')) { cold.headline = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { cold.lcp = e.startTime; cold.lcpElement = e.element ? `${e.element.tagName.toLowerCase()}.${e.element.className}` : '?'; }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') cold.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  for (const name of ['folio:rendered', 'vanilla:rendered']) {
    addEventListener(name, () => {
      cold.rendered ??= performance.now();
      cold.resources = performance.getEntriesByType('resource').filter((r) => new URL(r.name).hostname === '127.0.0.1')
        .map((r) => ({ file: new URL(r.name).pathname.split('/').pop(), start: r.startTime, end: r.responseEnd, bytes: r.transferSize }));
    });
  }
};

/** Pages of a cold load: Folio's, vanilla's, and Folio's prerendered article (`make dist`'s hook). */
const COLD_PAGES = { folio: '/', vanilla: '/vanilla-index.html', prerendered: '/articles/zh-TW.html' };

async function coldLoad(browser, origin, kind, throttle) {
  const context = await isolatedContext(browser, {}, { route: false });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  await page.addInitScript(COLD_PROBE);
  await page.goto(`${origin}${COLD_PAGES[kind]}`, { waitUntil: 'commit' });
  // A prerendered page counts its paint, and, once Folio has taken it over, its rendered event.
  await page.waitForFunction((prerendered) => window.__cold && window.__cold.headline != null && window.__cold.rendered != null && (!prerendered || window.__cold.lcp != null),
    kind === 'prerendered', { timeout: 60_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
  const cold = await page.evaluate(() => window.__cold);
  if (context.problems.length) throw new Error(`${kind} cold load: ${context.problems.join('; ')}`);
  await context.close();
  return cold;
}

// ------------------------------------------------------------------ renders and updates

/**
 * One run of every render and update on one renderer's bench page. `steps`: in how many frames
 * Folio showed the huge article in its last run, for vanilla's stepped insertion of the same DOM.
 */
async function renderSuite(browser, origin, kind, steps) {
  const context = await isolatedContext(browser, {}, { route: false });
  const page = await openBenchPage(context, origin, kind);
  const cdp = await context.newCDPSession(page);
  const gc = () => cdp.send('HeapProfiler.collectGarbage');
  await page.evaluate(async () => {
    await M.load('seed', '/bench/data/seed.json');
    await M.load('seedText', '/bench/data/seed.json', { text: true });
    M.changeParagraph('seedA', 'seed', 5, 'This paragraph was changed (A).');
    M.changeParagraph('seedB', 'seed', 5, 'This paragraph was changed (B).');
    M.asText('seedTextA', 'seedA');
    M.asText('seedTextB', 'seedB');
    await M.load('huge', '/bench/data/huge.json');
    await M.load('hugeText', '/bench/data/huge.json', { text: true });
    M.changeParagraph('hugeA', 'huge', 1600, 'This paragraph was changed (A).');
    M.changeParagraph('hugeB', 'huge', 1600, 'This paragraph was changed (B).');
    M.addParagraph('hugeC', 'hugeB', 40, 'This paragraph was added (C).');
    M.asText('hugeTextA', 'hugeA');
    M.asText('hugeTextB', 'hugeB');
  });
  const o = RENDER_OPTIONS;
  const out = {};
  // Besides wall time (the figure the issue asks for), the main thread's CPU time over the
  // operation and the frames that follow it until the page settles (Performance.getMetrics'
  // ThreadTime), and how much of that was style + layout. CPU time does not grow
  // when other processes take the machine's cores, so its ratio is the steadier one here.
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const timed = async (fn) => {
    await gc();
    // Style and layout left over from before (images of the example hosts failing to load after
    // the last render, say) are the page's, not the operation's: done before the clock starts.
    await page.evaluate(() => M.flush());
    const before = await metrics();
    const { ms } = await page.evaluate(fn.code, fn.arg);
    await page.evaluate(() => M.settle());
    const after = await metrics();
    const d = (k) => (after[k] - before[k]) * 1000;
    return { ms, cpu: d('ThreadTime'), styleLayout: d('RecalcStyleDuration') + d('LayoutDuration') };
  };
  const render = (name, layout = true) => ({ code: ([n, l, opts]) => M.render(n, { layout: l, options: opts }), arg: [name, layout, o] });
  const update = (name) => ({ code: (n) => M.update(n), arg: name });
  /** The median of each field of a list of timings. */
  const medians = (list) => Object.fromEntries(Object.keys(list[0]).map((k) => [k, median(list.map((x) => x[k]))]));

  // The seed-sized article: the first render in the page, then warm renders.
  out.seedFirst = await timed(render('seed'));
  const warm = [];
  for (let i = 0; i < 7; i++) warm.push(await timed(render('seed')));
  out.seedRender = medians(warm);
  const same = [], changed = [];
  for (let i = 0; i < 7; i++) same.push(await timed(update('seed')));
  for (let i = 0; i < 4; i++) changed.push(await timed(update('seedA')), await timed(update('seedB')));
  out.seedUpdateSame = medians(same);
  out.seedUpdateChanged = medians(changed);
  out.seedCounts = await page.evaluate(() => M.counts());
  // The same, passed as JSON text.
  await timed(render('seedText'));
  const sameText = [], changedText = [];
  for (let i = 0; i < 7; i++) sameText.push(await timed(update('seedText')));
  for (let i = 0; i < 4; i++) changedText.push(await timed(update('seedTextA')), await timed(update('seedTextB')));
  out.seedUpdateSameText = medians(sameText);
  out.seedUpdateChangedText = medians(changedText);

  // The 5,000-block article, as an object and as JSON text.
  const hugeObject = [], hugeString = [], hugeSame = [], hugeSameText = [], hugeChanged = [], hugeChangedText = [], hugeAdded = [];
  for (let i = 0; i < 2; i++) {
    hugeObject.push(await timed(render('huge')));
    if (i === 0) out.hugeCounts = await page.evaluate(() => M.counts());
    hugeSame.push(await timed(update('huge')));
    hugeChanged.push(await timed(update('hugeA')), await timed(update('hugeB')));
    hugeAdded.push(await timed(update('hugeC')));
  }
  for (let i = 0; i < 2; i++) {
    hugeString.push(await timed(render('hugeText')));
    hugeSameText.push(await timed(update('hugeText')));
    hugeChangedText.push(await timed(update('hugeTextA')), await timed(update('hugeTextB')));
  }
  Object.assign(out, { hugeObjectFirst: hugeObject[0], hugeObject: medians(hugeObject), hugeString: medians(hugeString),
    hugeUpdateSame: medians(hugeSame), hugeUpdateSameText: medians(hugeSameText), hugeUpdateChanged: medians(hugeChanged),
    hugeUpdateChangedText: medians(hugeChangedText), hugeUpdateAdded: medians(hugeAdded) });

  // A huge render left to the browser (no forced layout), timed to the end of the first frame
  // that shows the whole article; traced, for the longest main-thread task, which is either the
  // render's own task or the frame that lays it out and paints it.
  const expected = out.hugeCounts.elements;
  const toPaint = [], toEvent = [], toHeadline = [], toFirstScreen = [], frames = [], longest = [];
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => M.destroy());
    await gc();
    await page.evaluate(() => M.settle());
    await browser.startTracing(page, { categories: ['toplevel'] });
    const r = await page.evaluate(([opts, n]) => M.renderToPaint('huge', { expected: n, options: opts }), [o, expected]);
    await page.evaluate(() => M.settle());
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    toPaint.push(r.paintMs);
    toEvent.push(r.eventMs);
    toHeadline.push(r.headlineMs);
    toFirstScreen.push(r.firstScreenMs);
    frames.push(r.frames);
    longest.push(mainThreadTasks(events)[0] ?? 0);
    if (i === 0) {
      const { longtasks, frames } = await page.evaluate(([a]) => M.longTasks(a, performance.now()), [r.t0]);
      out.longTasksApi = longtasks;
      out.longFrames = frames.map(({ scripts, ...f }) => ({ ...f, scripts: scripts.slice(0, 5) }));
      out.longestTaskApi = longtasks.length ? Math.max(...longtasks.map((t) => t.duration)) : 0;
      out.topTasks = mainThreadTasks(events).slice(0, 6);
    }
  }
  Object.assign(out, { hugeToPaint: median(toPaint), hugeToEvent: median(toEvent), hugeToHeadline: median(toHeadline),
    hugeToFirstScreen: median(toFirstScreen), hugeFrames: median(frames), longestTask: Math.max(...longest) });
  if (kind === 'vanilla') {
    // The same DOM put into the page in as many frames as Folio took (built inside the clock).
    const inSteps = [];
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => M.destroy());
      await gc();
      await page.evaluate(() => M.settle());
      inSteps.push((await page.evaluate(([opts, n, k]) => M.renderToPaint('huge', { expected: n, options: opts, steps: k }), [o, expected, steps])).paintMs);
    }
    out.hugeToPaintInSteps = median(inSteps);
    out.stepsTaken = steps;
  }
  if (context.problems.length) throw new Error(`${kind} renders: ${context.problems.join('; ')}`);
  await context.close();
  if (kind === 'vanilla') out.seedRenderMinimalCss = await minimalCssRenders(browser, origin);
  return out;
}

/** Vanilla's warm seed renders on a page with MINIMAL_CSS instead of Folio's stylesheet. */
async function minimalCssRenders(browser, origin) {
  const context = await isolatedContext(browser, {}, { route: false });
  const page = await openBenchPage(context, origin, 'vanilla-minimal');
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => M.load('seed', '/bench/data/seed.json'));
  const times = [];
  for (let i = 0; i < 8; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => M.flush());
    const { ms } = await page.evaluate((opts) => M.render('seed', { options: opts }), RENDER_OPTIONS);
    await page.evaluate(() => M.settle());
    if (i > 0) times.push(ms);
  }
  if (context.problems.length) throw new Error(`vanilla, minimal stylesheet: ${context.problems.join('; ')}`);
  await context.close();
  return median(times);
}

/** Durations (ms) of the renderer main thread's top-level tasks in a trace, longest first. */
function mainThreadTasks(events) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
    .map((e) => e.dur / 1000).sort((a, b) => b - a);
}

// ------------------------------------------------------------------ memory

/**
 * Render/destroy cycles in a browser of their own (Chromium's DOM counters are per renderer
 * process, which other pages would share), with snapshots after 10 cycles, half way, and at the
 * end: growth from half way to the end is what a leak would show; the first half also holds
 * warm-up (JIT feedback, caches, and memory that waits for JS finalizers).
 */
async function memorySuite(origin, kind) {
  const browser = await chromium.launch({ executablePath: process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
  try {
    const context = await isolatedContext(browser, {}, { route: false });
    const page = await openBenchPage(context, origin, kind);
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => M.load('seed', '/bench/data/seed.json'));
    const snapshot = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      return { heapUsed: heap.usedSize, heapTotal: heap.totalSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents,
        wasmMemory: await page.evaluate(() => M.wasmBytes()) };
    };
    // Cycles without a fixed clock: each mount starts its relative-time timer, which destroy stops.
    let cyclesMs = 0;
    const cycles = async (n) => { const t = Date.now(); await page.evaluate((k) => M.cycles('seed', k), n); cyclesMs += Date.now() - t; };
    await cycles(10);
    const after10 = await snapshot();
    await cycles(CYCLES / 2 - 10);
    const afterHalf = await snapshot();
    await cycles(CYCLES / 2);
    const afterAll = await snapshot();
    if (context.problems.length) throw new Error(`${kind} memory: ${context.problems.join('; ')}`);
    return { after10, afterHalf, afterAll, cyclesMs };
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------ trace and profile

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel', 'loading'];

/**
 * The renderer main thread's tasks over 30 ms in a trace, in order, each with the events that took
 * most of its time (nested events overlap: RunMicrotasks contains FunctionCall, and
 * UpdateLifecycle contains UpdateLayoutTree (style), Layout, PrePaint and Paint).
 */
function summariseTrace(events) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const origin = tasks[0]?.ts ?? 0;
  const INTERESTING = new Set(['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'UpdateLifecycle',
    'WebFrameWidgetImpl::UpdateLifecycle', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest',
    'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase', 'ParseHTML', 'Blink.ForcedStyleAndLayout.UpdateTime',
    'InlineNode::ShapeTextIncludingFirstLine', 'ResourceFetcher::requestResource', 'v8.wasm.compiledModule', 'v8.compile']);
  const long = tasks.filter((t) => t.dur > 30_000).map((t) => {
    const by = {};
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur || !INTERESTING.has(e.name)) continue;
      (by[e.name] ||= { n: 0, ms: 0 });
      by[e.name].n++;
      by[e.name].ms += e.dur / 1000;
    }
    const inside = Object.entries(by).sort((a, b) => b[1].ms - a[1].ms).slice(0, 8).map(([name, v]) => `${name}${v.n > 1 ? ` ×${v.n}` : ''} ${v.ms.toFixed(0)} ms`);
    return { atMs: Math.round((t.ts - origin) / 1000), ms: Math.round(t.dur / 1000), inside };
  });
  return { longestMs: Math.max(0, ...long.map((t) => t.ms)), tasksOver30ms: long };
}

/** Self time per function in a V8 CPU profile, grouped by where the code comes from. */
function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  const byFunction = new Map();
  const byOrigin = new Map();
  for (const [id, us] of self) {
    const { functionName, url } = byId.get(id).callFrame;
    const wasm = url.startsWith('wasm://') || /\.wasm\b/.test(url) || /^\$?func\d+$/.test(functionName);
    const where = wasm ? 'wasm' : /vanilla\.js/.test(url) ? 'vanilla.js' : /folio[^/]*\.js/.test(url) ? 'wasm-bindgen glue (JS)'
      : /measure\.js/.test(url) ? 'harness (forced layout)' : functionName.startsWith('(') ? functionName
        : url ? 'other JS' : 'browser built-ins (DOM, JSON, Intl …)';
    byOrigin.set(where, (byOrigin.get(where) || 0) + us);
    const key = `${(functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '')}${wasm ? ' [wasm]' : url ? ` [${url.split('/').pop()}]` : ''}`;
    byFunction.set(key, (byFunction.get(key) || 0) + us);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const ms = (us) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(total),
    byOrigin: Object.fromEntries([...byOrigin].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)])),
    topFunctions: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => [k.slice(0, 160), ms(v)]),
  };
}

async function traceSuite(browser, origin, kind, profileOrigin) {
  const result = {};
  const o = RENDER_OPTIONS;
  // A detailed trace of one huge render (object) left to the browser to lay out and paint.
  {
    const context = await isolatedContext(browser, {}, { route: false });
    const page = await openBenchPage(context, origin, kind);
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => M.load('huge', '/bench/data/huge.json'));
    await page.evaluate(([opts]) => M.render('huge', { options: opts }), [o]); // warm-up, as in the timed runs
    const expected = (await page.evaluate(() => M.counts())).elements;
    await page.evaluate(() => M.destroy());
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => M.settle());
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const r = await page.evaluate(([opts, n]) => M.renderToPaint('huge', { expected: n, options: opts }), [o, expected]);
    await page.evaluate(() => M.settle());
    const buffer = await browser.stopTracing();
    result.hugeRenderTrace = { paintMs: Math.round(r.paintMs), eventMs: Math.round(r.eventMs), ...summariseTrace(JSON.parse(buffer.toString('utf8')).traceEvents) };
    await context.close();
  }
  // CPU profiles (with a named wasm when --profile-dir is given): a huge render with forced
  // layout; three one-paragraph updates of it; twenty same-document updates of the seed.
  const context = await isolatedContext(browser, {}, { route: false });
  const page = await openBenchPage(context, kind === 'folio' && profileOrigin ? profileOrigin : origin, kind);
  const cdp = await context.newCDPSession(page);
  await page.evaluate(async () => {
    await M.load('huge', '/bench/data/huge.json');
    await M.load('seed', '/bench/data/seed.json');
    M.changeParagraph('hugeA', 'huge', 1600, 'This paragraph was changed (A).');
    M.changeParagraph('hugeB', 'huge', 1600, 'This paragraph was changed (B).');
  });
  await page.evaluate(([opts]) => M.render('huge', { options: opts }), [o]);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const profiled = async (label, fn, arg) => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(fn, arg);
    const { profile } = await cdp.send('Profiler.stop');
    result[label] = { ms: Math.round(ms * 10) / 10, namedWasm: Boolean(kind === 'folio' && profileOrigin), ...summariseProfile(profile) };
  };
  await page.evaluate(() => M.destroy());
  await profiled('hugeRenderProfile', async ([opts]) => (await M.render('huge', { options: opts })).ms, [o]);
  await profiled('hugeUpdateChangedProfile', async () => {
    let total = 0;
    for (const name of ['hugeA', 'hugeB', 'hugeA']) total += (await M.update(name)).ms;
    return total / 3;
  });
  await page.evaluate(([opts]) => M.render('seed', { options: opts }), [o]);
  await profiled('seedUpdateSameProfile', async () => {
    let total = 0;
    for (let i = 0; i < 20; i++) total += (await M.update('seed')).ms;
    return total / 20;
  });
  await context.close();
  return result;
}

// ------------------------------------------------------------------ report

const fmtMs = (x) => (!Number.isFinite(x) ? '–' : x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const fmtKB = (x) => `${(x / 1024).toFixed(1)} KB`;
const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

function machine() {
  let chromium = '';
  try { chromium = execFileSync(process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* unknown */ }
  return { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    node: process.version, chromium, loadavgAtStart: os.loadavg() };
}

async function main() {
  const started = Date.now();
  const server = await startBenchServer(dist, data, { extraCss: EXTRA_CSS });
  let profileServer = null;
  if (PROFILE_DIR) {
    // Same pages, with the named wasm and its glue in place of dist's.
    const profileDist = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-profile-'));
    for (const f of fs.readdirSync(dist)) if (!f.endsWith('.wasm') && fs.statSync(path.join(dist, f)).isFile()) fs.copyFileSync(path.join(dist, f), path.join(profileDist, f));
    fs.copyFileSync(path.join(PROFILE_DIR, 'folio_bg.wasm'), path.join(profileDist, server.assets.wasm));
    fs.copyFileSync(path.join(PROFILE_DIR, 'folio.js'), path.join(profileDist, server.assets.glue));
    profileServer = await startBenchServer(profileDist, data, { extraCss: EXTRA_CSS });
  }
  const browser = await chromium.launch({ executablePath: process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
  const results = { date: new Date().toISOString(), machine: machine(), dist, assets: server.assets, options: { RUNS, MEMORY_RUNS, CYCLES, only: [...ONLY], extraCss: EXTRA_CSS },
    documents: { seed: { file: 'static/samples/zh-TW.json', bytes: Buffer.byteLength(SEED) }, huge: { generator: 'bench/generate.mjs blocks=5000 seed=1', bytes: Buffer.byteLength(HUGE) } } };
  const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s]`, ...a);
  try {
    if (ONLY.has('size')) results.sizes = sizes(server.assets);
    if (ONLY.has('cold') || ONLY.has('render')) {
      // One unrecorded load of each page first: the browser's own first-use costs fall on neither.
      if (ONLY.has('cold')) for (const kind of KINDS) await coldLoad(browser, server.origin, kind, null);
      const prerenderedPage = fs.existsSync(path.join(dist, COLD_PAGES.prerendered.slice(1)));
      if (!prerenderedPage) console.error(`no ${COLD_PAGES.prerendered} in ${dist}: the prerendered rows are left out (build with Trunk's hooks)`);
      let folioFrames = 1;
      const runs = Math.max(ONLY.has('render') ? RUNS : 0, ONLY.has('cold') ? COLD_RUNS : 0);
      for (let run = 0; run < runs; run++) {
        for (const kind of order(run)) {
          if (ONLY.has('cold') && run < COLD_RUNS) {
            const cold = await coldLoad(browser, server.origin, kind, null);
            record('coldHeadline', kind, cold.headline);
            record('coldLcp', kind, cold.lcp);
            record('coldFcp', kind, cold.fcp);
            record('coldRendered', kind, cold.rendered);
            (results.lcpElements ||= {})[kind] = cold.lcpElement;
            ((results.coldResources ||= { folio: [], vanilla: [] })[kind]).push(cold.resources);
            const slow = await coldLoad(browser, server.origin, kind, SLOW_4G);
            record('slow4gHeadline', kind, slow.headline);
            record('slow4gLcp', kind, slow.lcp);
            if (kind === 'folio' && prerenderedPage) {
              const pre = await coldLoad(browser, server.origin, 'prerendered', null);
              record('prerenderedLcp', 'folio', pre.lcp);
              record('prerenderedHydrated', 'folio', pre.rendered);
              const preSlow = await coldLoad(browser, server.origin, 'prerendered', SLOW_4G);
              record('prerenderedSlow4gLcp', 'folio', preSlow.lcp);
            }
          }
          if (ONLY.has('render') && run < RUNS) {
            const r = await renderSuite(browser, server.origin, kind, folioFrames);
            if (kind === 'folio') folioFrames = r.hugeFrames;
            for (const key of ['seedFirst', 'seedRender', 'seedRenderMinimalCss', 'seedUpdateSame', 'seedUpdateSameText', 'seedUpdateChanged',
              'seedUpdateChangedText', 'hugeObjectFirst', 'hugeObject', 'hugeString', 'hugeToPaint', 'hugeToPaintInSteps', 'hugeToEvent',
              'hugeToHeadline', 'hugeToFirstScreen', 'hugeFrames', 'hugeUpdateSame', 'hugeUpdateSameText', 'hugeUpdateChanged', 'hugeUpdateChangedText',
              'hugeUpdateAdded', 'longestTask', 'longestTaskApi']) {
              const value = r[key];
              if (value === undefined) continue;
              if (typeof value === 'number') { record(key, kind, value); continue; }
              record(key, kind, value.ms);
              for (const part of ['cpu', 'styleLayout']) record(`${key}:${part}`, kind, value[part]);
            }
            (results.domCounts ||= {})[kind] = { seed: r.seedCounts, huge: r.hugeCounts };
            ((results.longTasks ||= { folio: [], vanilla: [] })[kind]).push({ topTasks: r.topTasks, longtasksApi: r.longTasksApi, frames: r.longFrames });
          }
        }
        log(`run ${run + 1}/${runs} done`);
      }
      results.encodings = [...server.encodings];
    }
    if (ONLY.has('memory')) {
      results.memory = { folio: [], vanilla: [] };
      for (let run = 0; run < MEMORY_RUNS; run++) {
        for (const kind of order(run)) results.memory[kind].push(await memorySuite(server.origin, kind));
        log(`memory run ${run + 1}/${MEMORY_RUNS} done`);
      }
    }
    if (ONLY.has('trace')) {
      results.trace = {};
      for (const kind of KINDS) results.trace[kind] = await traceSuite(browser, server.origin, kind, profileServer?.origin);
      log('trace done');
    }
  } finally {
    await browser.close();
    await server.close();
    if (profileServer) await profileServer.close();
  }
  results.machine.loadavgAtEnd = os.loadavg();
  results.samples = samples;
  results.durationS = Math.round((Date.now() - started) / 1000);
  results.summary = summarise(results);
  // Raw samples and trace summaries stay out of git (bench/results/raw/ is ignored); a full run
  // with nothing added to the pages is the summary kept in git, bench/results/latest.md, and a
  // line of bench/results/history.md.
  const stamp = results.date.slice(0, 19).replace(/:/g, '-');
  const raw = path.join(OUT, 'raw');
  fs.mkdirSync(raw, { recursive: true });
  const file = path.join(raw, `${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  if (results.trace) fs.writeFileSync(file.replace(/\.json$/, '-trace-summary.json'), `${JSON.stringify(results.trace, null, 1)}\n`);
  const markdown = table(results);
  fs.writeFileSync(file.replace(/\.json$/, '.md'), `${markdown}\n`);
  const full = ['size', 'cold', 'render', 'memory', 'trace'].every((k) => ONLY.has(k)) && !EXTRA_CSS && !PROFILE_DIR;
  if (full) {
    fs.writeFileSync(path.join(OUT, 'latest.md'), `${markdown}\n`);
    appendHistory(path.join(OUT, 'history.md'), results);
  }
  console.log(markdown);
  console.error(`raw results: ${path.relative(process.cwd(), file)}${full ? `; summary: ${path.relative(process.cwd(), path.join(OUT, 'latest.md'))}` : ''}`);
}

/** The budget rows of a full run as one line of the history table (met rows plain, others bold). */
function appendHistory(file, results) {
  const s = results.summary;
  const budgeted = METRICS.filter(([key, , , budget]) => budget != null && s[key]);
  const header = ['date', 'commit', 'size (brotli)', ...budgeted.map(([key]) => key)];
  let commit = '';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
  const mark = (text, met) => (met ? text : `**${text}**`);
  const cells = [results.date.slice(0, 16).replace('T', ' '), commit, mark(fmtKB(s.sizeBrotli.folio), s.sizeBrotli.met),
    ...budgeted.map(([key, , kind]) => mark(kind === 'ratio' ? fmtRatio(s[key].ratio) : fmtMs(s[key].folio), s[key].met))];
  const headerLine = `| ${header.join(' | ')} |`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark history\n';
  let out = text.endsWith('\n') ? text : `${text}\n`;
  if (!out.includes(headerLine)) {
    // A new set of rows (the budgets changed): a new table under its own heading.
    out += `\n## Runs from ${cells[0]} (ratios Folio / vanilla, or Folio's times; a budget not met is in bold)\n\n${headerLine}\n|${header.map(() => ' --- ').join('|')}|\n`;
  }
  fs.writeFileSync(file, `${out}| ${cells.join(' | ')} |\n`);
}

// [key, label, kind, budget, samples]: kind 'ratio' (budget on Folio / vanilla), 'absolute' (budget
// in ms on Folio's median) or 'count'; budget null for figures reported without one (the
// performance issue's table sets the budgets); samples, when the row compares two different
// measurements, names them per renderer.
const METRICS = [
  ['coldHeadline', 'cold load: navigation → headline in DOM', 'ratio', 1.2],
  ['coldLcp', 'cold load: LCP', 'ratio', null],
  ['prerenderedLcp', 'cold load: LCP of the prerendered article / of vanilla\'s client-rendered page', 'ratio', 0.67,
    { folio: 'prerenderedLcp', vanilla: 'coldLcp' }],
  ['prerenderedHydrated', 'cold load: navigation → folio:rendered of the prerendered article (hydrated) / vanilla\'s rendered page', 'ratio', null,
    { folio: 'prerenderedHydrated', vanilla: 'coldRendered' }],
  ['coldRendered', 'cold load: navigation → rendered event', 'ratio', null],
  ['prerenderedSlow4gLcp', 'cold load, Slow 4G: LCP of the prerendered article / of vanilla\'s page', 'ratio', null,
    { folio: 'prerenderedSlow4gLcp', vanilla: 'slow4gLcp' }],
  ['slow4gHeadline', 'cold load, Slow 4G (150 ms, 1.6 Mbit/s): headline', 'ratio', null],
  ['slow4gLcp', 'cold load, Slow 4G: LCP', 'ratio', null],
  ['seedFirst', 'seed article: render + layout, first in page', 'ratio', null],
  ['seedRender', 'seed article: render → rendered event + the layout after it, same stylesheet', 'ratio', 1.3],
  ['seedRenderVsMinimal', 'seed article: Folio with its stylesheet / vanilla with a minimal one (bench/lib.mjs MINIMAL_CSS)', 'ratio', null,
    { folio: 'seedRender', vanilla: 'seedRenderMinimalCss' }],
  ['hugeObjectFirst', '5,000 blocks: render + layout, object, first in page (vanilla at once)', 'ratio', null],
  ['hugeObject', '5,000 blocks: render + layout, object (vanilla at once)', 'ratio', null],
  ['hugeString', '5,000 blocks: render + layout, JSON text (vanilla at once)', 'ratio', null],
  ['hugeToPaintInSteps', '5,000 blocks: whole article in the DOM and painted, vanilla in as many steps as Folio', 'ratio', 1.15,
    { folio: 'hugeToPaint', vanilla: 'hugeToPaintInSteps' }],
  ['hugeToPaint', '5,000 blocks: whole article painted (vanilla at once)', 'ratio', null],
  ['hugeToFirstScreen', '5,000 blocks: headline and first screen painted', 'ratio', 1.3],
  ['hugeToHeadline', '5,000 blocks: headline painted', 'ratio', null],
  ['hugeToEvent', '5,000 blocks: render() → rendered event (no forced layout)', 'ratio', null],
  ['hugeFrames', '5,000 blocks: frames in which the article grew', 'count', null],
  ['longestTask', '5,000 blocks: longest main-thread task (trace: the render task or a frame after it)', 'absolute', 200],
  ['longestTaskApi', '5,000 blocks: longest task as the Long Tasks API reports it', 'absolute', null],
  ['seedUpdateSame', 'update, same document, seed, object', 'absolute', 1],
  ['seedUpdateSameText', 'update, same document, seed, JSON text', 'absolute', 1],
  ['hugeUpdateSame', 'update, same document, 5,000 blocks, object', 'absolute', 16],
  ['hugeUpdateSameText', 'update, same document, 5,000 blocks, JSON text', 'absolute', 16],
  ['seedUpdateChanged', 'update, one paragraph changed, seed, object', 'absolute', 4],
  ['seedUpdateChangedText', 'update, one paragraph changed, seed, JSON text', 'absolute', 4],
  ['hugeUpdateChanged', 'update, one paragraph changed, 5,000 blocks, object', 'absolute', 16],
  ['hugeUpdateChangedText', 'update, one paragraph changed, 5,000 blocks, JSON text', 'absolute', 16],
  ['hugeUpdateAdded', 'update, one paragraph added near the top, 5,000 blocks, object', 'absolute', null],
];
const SIZE_BUDGET_KB = 140;

function summarise(results) {
  const summary = {};
  for (const [key, , kind, budget, keys] of METRICS) {
    const s = keys ? { folio: results.samples[keys.folio]?.folio, vanilla: results.samples[keys.vanilla]?.vanilla } : results.samples[key];
    if (!s || !s.folio || !s.vanilla) continue;
    const f = median(s.folio), v = median(s.vanilla);
    const pairs = s.folio.map((x, i) => x / s.vanilla[i]).filter(Number.isFinite);
    summary[key] = { folio: f, vanilla: v, ratio: f / v, pairedRatios: { min: Math.min(...pairs), max: Math.max(...pairs) },
      spread: { folio: spread(s.folio), vanilla: spread(s.vanilla) }, budget, met: budget == null ? null : kind === 'ratio' ? f / v <= budget : f <= budget };
    for (const part of ['cpu', 'styleLayout']) {
      const p = keys ? null : results.samples[`${key}:${part}`];
      if (p) summary[key][part] = { folio: median(p.folio), vanilla: median(p.vanilla), ratio: median(p.folio) / median(p.vanilla), spread: { folio: spread(p.folio), vanilla: spread(p.vanilla) } };
    }
  }
  if (results.sizes) summary.sizeBrotli = { folio: results.sizes.folio.total.brotli, vanilla: results.sizes.vanilla.total.brotli, budget: SIZE_BUDGET_KB * 1024, met: results.sizes.folio.total.brotli <= SIZE_BUDGET_KB * 1024 };
  if (results.memory) {
    for (const kind of KINDS) {
      const runs = results.memory[kind];
      const at = (snap, k) => median(runs.map((r) => r[snap][k]));
      const growth = (k) => median(runs.map((r) => r.afterAll[k] - r.afterHalf[k]));
      summary[`memory_${kind}`] = Object.fromEntries(['heapUsed', 'nodes', 'listeners', 'documents', 'wasmMemory'].map((k) => [k,
        { after10: at('after10', k), afterHalf: at('afterHalf', k), afterAll: at('afterAll', k), secondHalfGrowth: growth(k) }]));
      summary[`memory_${kind}`].msPerCycle = median(runs.map((r) => r.cyclesMs / CYCLES));
    }
  }
  return summary;
}

function table(results) {
  const s = results.summary;
  const m = results.machine;
  const lines = [];
  lines.push(`Folio vs vanilla JS, ${results.date.slice(0, 10)}, ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB), ${m.chromium}, Node ${m.node}.`);
  if (EXTRA_CSS) lines.push(`**Experiment**: both bench pages also have \`${EXTRA_CSS}\` (not in Folio's CSS).`);
  const measured = [ONLY.has('render') && `${RUNS} interleaved runs`, ONLY.has('cold') && `${COLD_RUNS} interleaved cold loads of each page`].filter(Boolean).join(', ');
  lines.push(`Medians of ${measured}${results.memory ? ` (memory: ${MEMORY_RUNS} runs of ${CYCLES} cycles)` : ''}; ratio = Folio / vanilla. Load average ${m.loadavgAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${m.loadavgAtEnd.map((x) => x.toFixed(1)).join(' ')} at end.`);
  lines.push('');
  lines.push('| metric | Folio | vanilla | ratio | per-run ratios | budget | met | main-thread CPU, Folio / vanilla (ratio) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |');
  if (results.sizes) {
    const f = results.sizes.folio, v = results.sizes.vanilla;
    for (const k of ['raw', 'gzip', 'brotli']) {
      const budget = k === 'brotli' ? `≤ ${SIZE_BUDGET_KB} KB` : '';
      const met = k === 'brotli' ? (s.sizeBrotli.met ? 'yes' : '**no**') : '';
      lines.push(`| size, wasm + JS + CSS, ${k} | ${fmtKB(f.total[k])} (wasm ${fmtKB(f.wasm[k])}, JS ${fmtKB(f.js[k])}, CSS ${fmtKB(f.css[k])}) | ${fmtKB(v.total[k])} (JS ${fmtKB(v.js[k])}, CSS ${fmtKB(v.css[k])}) | ${fmtRatio(f.total[k] / v.total[k])} | | ${budget} | ${met} | |`);
    }
  }
  for (const [key, label, kind, budget] of METRICS) {
    const x = s[key];
    if (!x) continue;
    const b = budget == null ? '' : kind === 'ratio' ? `≤ ${budget}× vanilla` : `≤ ${budget} ms`;
    const met = x.met == null ? '' : x.met ? 'yes' : '**no**';
    const cpu = x.cpu ? `${fmtMs(x.cpu.folio)} / ${fmtMs(x.cpu.vanilla)} (${fmtRatio(x.cpu.ratio)})` : '';
    const fmt = kind === 'count' ? (n) => (Number.isFinite(n) ? n.toFixed(0) : '–') : fmtMs;
    lines.push(`| ${label} | ${fmt(x.folio)} | ${fmt(x.vanilla)} | ${fmtRatio(x.ratio)} | ${fmtRatio(x.pairedRatios.min)}–${fmtRatio(x.pairedRatios.max)} | ${b} | ${met} | ${cpu} |`);
  }
  if (results.memory) {
    const f = s.memory_folio, v = s.memory_vanilla;
    const half = CYCLES / 2;
    const kbs = (x) => `${(x / 1024).toFixed(0)} KB`;
    const signed = (x, unit = kbs) => `${x >= 0 ? '+' : '−'}${unit(Math.abs(x))}`;
    const row = (label, k, unit, ok) => {
      const cell = (m) => (m[k].after10 == null ? '–' : `${unit(m[k].after10)} → ${unit(m[k].afterHalf)} → ${unit(m[k].afterAll)} (${signed(m[k].secondHalfGrowth, unit)})`);
      lines.push(`| ${label} after 10 → ${half} → ${CYCLES} render/destroy cycles (growth over the last ${half}) | ${cell(f)} | ${k === 'wasmMemory' ? '–' : cell(v)} | | | no growth | ${ok(f[k].secondHalfGrowth) ? 'yes' : '**no**'} | |`);
    };
    row('JS heap', 'heapUsed', kbs, (g) => g < 64 * 1024);
    // A leak of one node per render would add hundreds; a bounded cache settles (Yew keeps one
    // detached element per tag name to clone from).
    row('DOM nodes (renderer process)', 'nodes', String, (g) => g < CYCLES / 20);
    row('event listeners', 'listeners', String, (g) => g <= 0);
    row('wasm linear memory', 'wasmMemory', kbs, (g) => g <= 0);
    lines.push(`| one render/destroy cycle (seed, in the loop) | ${fmtMs(f.msPerCycle)} | ${fmtMs(v.msPerCycle)} | ${fmtRatio(f.msPerCycle / v.msPerCycle)} | | | | |`);
  }
  // ScriptDuration misses script run from DevTools' Runtime.callFunctionOn (how the harness calls
  // render), so script is not shown on its own: the rest of the CPU time is script, DOM calls,
  // paint and GC.
  const parts = METRICS.filter(([key]) => s[key]?.styleLayout).map(([key, label]) => {
    const x = s[key];
    return `${label}: CPU ${fmtMs(x.cpu.folio)} / ${fmtMs(x.cpu.vanilla)}, of which style + layout ${fmtMs(x.styleLayout.folio)} / ${fmtMs(x.styleLayout.vanilla)}`;
  });
  if (parts.length) {
    lines.push('');
    lines.push('Main-thread CPU time from the call until the page settled, and the style + layout part of it (medians, Folio / vanilla; Performance.getMetrics ThreadTime, RecalcStyleDuration + LayoutDuration):');
    for (const p of parts) lines.push(`- ${p}`);
  }
  if (results.domCounts) {
    const d = results.domCounts;
    lines.push('');
    lines.push(`DOM under the mount (elements / all nodes): seed ${d.folio.seed.elements}/${d.folio.seed.nodes} Folio, ${d.vanilla.seed.elements}/${d.vanilla.seed.nodes} vanilla; 5,000 blocks ${d.folio.huge.elements}/${d.folio.huge.nodes} Folio, ${d.vanilla.huge.elements}/${d.vanilla.huge.nodes} vanilla.`);
  }
  if (results.coldResources) {
    // When each file had arrived (responseEnd, median over runs), then the headline.
    for (const kind of KINDS) {
      const runs = results.coldResources[kind].filter(Boolean);
      const files = [...new Set(runs.flatMap((r) => r.map((x) => x.file)))];
      const arrivals = files.map((file) => [file, median(runs.map((r) => r.find((x) => x.file === file)?.end))]).sort((a, b) => a[1] - b[1]);
      lines.push(`Cold load, ${kind}: ${arrivals.map(([f, t]) => `${f} ${fmtMs(t)}`).join(' → ')} → headline ${fmtMs(s.coldHeadline?.[kind])}.`);
    }
  }
  if (results.encodings) lines.push(`Served with Content-Encoding: ${results.encodings.join(', ') || 'none'}${results.lcpElements ? `; LCP element: Folio ${results.lcpElements.folio}, vanilla ${results.lcpElements.vanilla}` : ''}.`);
  const spreads = Object.entries(s).filter(([, x]) => x && x.spread).map(([k, x]) => [k, Math.max(x.spread.folio, x.spread.vanilla)]).filter(([, x]) => Number.isFinite(x));
  if (spreads.length) {
    lines.push(`Noise (interquartile range / median, worst of the two): ${spreads.map(([k, x]) => `${k} ${(100 * x).toFixed(0)} %`).join(', ')}.`);
  }
  if (results.trace) {
    for (const kind of KINDS) {
      const t = results.trace[kind];
      if (!t) continue;
      const h = t.hugeRenderTrace;
      lines.push('');
      lines.push(`Trace, ${kind}, huge render (painted after ${h.paintMs} ms, event after ${h.eventMs} ms under tracing); main-thread tasks over 30 ms:`);
      for (const task of h.tasksOver30ms) lines.push(`- at ${task.atMs} ms, ${task.ms} ms: ${task.inside.join(', ')}`);
      for (const [label, what] of [['hugeRenderProfile', 'huge render + forced layout'], ['hugeUpdateChangedProfile', 'one-paragraph update (5,000 blocks)'], ['seedUpdateSameProfile', 'same-document update (seed)']]) {
        const p = t[label];
        lines.push(`CPU profile, ${kind}, ${what} (${p.ms} ms each): ${Object.entries(p.byOrigin).map(([k, v]) => `${k} ${v} ms`).join(', ')}.`);
      }
    }
  }
  return lines.join('\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
