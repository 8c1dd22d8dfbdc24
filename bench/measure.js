// In-page half of the benchmark, loaded by /bench/folio.html and /bench/vanilla.html after the
// page has set `window.bench` (the renderer under test). Everything here treats both renderers
// alike: a render is timed from the call to the renderer's "rendered" event, plus a forced
// layout unless asked not to.
(() => {
  'use strict';
  const mount = document.getElementById('mount');
  const docs = new Map();
  let handle = null;

  // Long tasks (over 50 ms) and long animation frames, from the page's start.
  const longtasks = [];
  const frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* not supported */ }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: e.scripts.map((s) => ({ invoker: s.invoker, duration: s.duration, forcedStyleAndLayout: s.forcedStyleAndLayoutDuration })) });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* not supported */ }

  /** Resolves on the renderer's "rendered" event (with its time), rejects on its "error" event. */
  function settled() {
    return new Promise((resolve, reject) => {
      const ok = () => { off(); resolve(performance.now()); };
      const bad = (e) => { off(); reject(new Error(`${window.bench.errorEvent}: ${e.detail && e.detail.message}`)); };
      const off = () => { mount.removeEventListener(window.bench.event, ok); mount.removeEventListener(window.bench.errorEvent, bad); };
      mount.addEventListener(window.bench.event, ok);
      mount.addEventListener(window.bench.errorEvent, bad);
    });
  }

  /** Forces style and layout of the whole page. */
  const layout = () => document.documentElement.offsetHeight + mount.getBoundingClientRect().height;

  async function timed(start, forced) {
    const done = settled();
    // In the same task as the call: images of the example hosts failing to load keep changing
    // the page's layout for a while after a render, and that is not the operation's work.
    layout();
    const t0 = performance.now();
    start();
    await done;
    if (forced) layout();
    const t1 = performance.now();
    return { ms: t1 - t0, t0, t1 };
  }

  /**
   * True when the headline is in the mount and the body's last block so far starts below the
   * viewport: every block that reaches into the first screen is there.
   */
  function firstScreenShown() {
    const body = mount.querySelector('h1') && mount.querySelector('.folio-body');
    const last = body && body.lastElementChild;
    return Boolean(last) && last.getBoundingClientRect().top >= innerHeight;
  }

  /** vanilla.js's article built off the page, then its body parts put in over `steps` frames. */
  function insertInSteps(doc, options, steps) {
    const scratch = document.createElement('div');
    const built = window.bench.render(scratch, doc, options);
    handle = { update: (d) => built.update(d), destroy: () => { built.destroy(); mount.replaceChildren(); } };
    const body = scratch.querySelector('.folio-body');
    const parts = [...body.children];
    body.replaceChildren();
    mount.replaceChildren(...scratch.childNodes);
    const slice = Math.ceil(parts.length / steps);
    let next = 0;
    const step = () => {
      body.append(...parts.slice(next, next + slice));
      next += slice;
      if (next < parts.length) requestAnimationFrame(step);
    };
    step();
  }

  window.M = {
    /** Fetches a document into the page (outside any timing): as an object, or as text. */
    async load(name, url, { text = false } = {}) {
      const body = await (await fetch(url)).text();
      docs.set(name, text ? body : JSON.parse(body));
      return body.length;
    },
    /** A copy of document `from` whose paragraph number `index` (among paragraphs) says `text`. */
    changeParagraph(name, from, index, text) {
      const doc = docs.get(from);
      let seen = -1;
      const body = doc.body.map((block) => (block.type === 'paragraph' && ++seen === index ? { ...block, text } : block));
      docs.set(name, { ...doc, body });
    },
    /** A copy of document `from` with a paragraph saying `text` added before block `index`. */
    addParagraph(name, from, index, text) {
      const doc = docs.get(from);
      docs.set(name, { ...doc, body: [...doc.body.slice(0, index), { type: 'paragraph', text }, ...doc.body.slice(index)] });
    },
    async render(name, { layout: forced = true, options = {} } = {}) {
      if (handle) { handle.destroy(); handle = null; }
      const doc = docs.get(name);
      return timed(() => { handle = window.bench.render(mount, doc, options); }, forced);
    },
    /** Document `from` as JSON text, under `name` (an update passed as text). */
    asText(name, from) {
      docs.set(name, JSON.stringify(docs.get(from)));
    },
    /**
     * Time from the call to the end of the first frame that shows the complete article (`expected`
     * elements in the mount), left to the browser: no forced layout. Also returns when the
     * "rendered" event came, the end of the first frame that showed the headline, the end of the
     * first frame that showed the first screen (the headline and every body block that reaches
     * into the viewport), and in how many frames the article grew.
     *
     * With `steps` (for vanilla.js, which inserts at once), the renderer builds the article off
     * the page, inside the clock, and its body parts go into the page in `steps` equal slices, one
     * per frame: the same DOM, in as many steps as the renderer it is compared with.
     */
    async renderToPaint(name, { expected, options = {}, steps = 0 }) {
      if (handle) { handle.destroy(); handle = null; }
      const doc = docs.get(name);
      const done = steps ? Promise.resolve() : settled();
      const t0 = performance.now();
      if (steps) insertInSteps(doc, options, steps);
      else handle = window.bench.render(mount, doc, options);
      let headlineAt = null, firstScreenAt = null, frames = 0, lastCount = 0;
      const painted = new Promise((resolve) => {
        // A requestAnimationFrame callback runs before its frame's style, layout and paint; a task
        // posted from it runs after them.
        const frame = () => {
          const count = mount.getElementsByTagName('*').length;
          if (count > lastCount) { frames++; lastCount = count; }
          const complete = count >= expected;
          if (headlineAt === null && mount.querySelector('h1')) setTimeout(() => { headlineAt = performance.now(); }, 0);
          if (firstScreenAt === null && (complete || firstScreenShown())) setTimeout(() => { firstScreenAt = performance.now(); }, 0);
          if (complete) setTimeout(() => resolve(performance.now()), 0);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const [paintedAt, eventAt] = await Promise.all([painted, done]);
      return { t0, paintMs: paintedAt - t0, eventMs: steps ? paintedAt - t0 : eventAt - t0, headlineMs: (headlineAt ?? paintedAt) - t0,
        firstScreenMs: (firstScreenAt ?? paintedAt) - t0, frames };
    },
    async update(name, { layout: forced = true } = {}) {
      const doc = docs.get(name);
      return timed(() => handle.update(doc), forced);
    },
    destroy() {
      if (handle) handle.destroy();
      handle = null;
      return mount.childNodes.length;
    },
    /** Does the style and layout the page has pending, outside any timing. */
    flush: () => { layout(); },
    /** Two animation frames and a little more: lets pending rendering and observers report. */
    settle: () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))),
    /** Long tasks and long animation frames that overlap [t0, t1]. */
    longTasks(t0, t1) {
      const overlaps = (e) => e.start < t1 && e.start + e.duration > t0;
      return { longtasks: longtasks.filter(overlaps), frames: frames.filter(overlaps) };
    },
    /** Elements and nodes (all kinds) under the mount. */
    counts() {
      let nodes = 0;
      const walker = document.createTreeWalker(mount, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) nodes++;
      return { elements: mount.querySelectorAll('*').length, nodes };
    },
    /** `n` times: render, wait for the rendered event, destroy. */
    async cycles(name, n, options = {}) {
      const doc = docs.get(name);
      for (let i = 0; i < n; i++) {
        const done = settled();
        const h = window.bench.render(mount, doc, options);
        await done;
        h.destroy();
      }
      return mount.childNodes.length;
    },
    wasmBytes: () => window.bench.wasmBytes(),
  };
})();
