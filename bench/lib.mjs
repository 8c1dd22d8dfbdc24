// What the benchmark and its correctness test share: the files of a Folio build, the pages that
// host each renderer, and a static server for both.
//
// Pages (all share Folio's stylesheets, so layout costs the same for both renderers):
//   /                       dist/index.html: Folio's static page, renders samples/zh-TW.json
//   /vanilla-index.html     the same page with vanilla.js instead of Folio's scripts
//   /bench/folio.html       an empty mount with window.bench = Folio's render API
//   /bench/vanilla.html     the same with the vanilla renderer
//   /bench/vanilla-minimal.html  the vanilla renderer with MINIMAL_CSS instead of Folio's stylesheets
// Both bench pages load bench/measure.js (window.M: timed render/update/destroy).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(benchDir, '..');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** What a file weighs as served: raw, gzip -9 and brotli quality 11 (bytes). */
export function fileSizes(file) {
  const bytes = fs.readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The files of a Folio build: the wasm, its wasm-bindgen glue, any other script index.html loads
 * (a start-up module), and the stylesheets index.html links (Folio's own, and the demo page's).
 * Works with Trunk's hashed names (folio-<hash>_bg.wasm) and with plain ones (folio_bg.wasm).
 */
export function distAssets(dist) {
  const files = fs.readdirSync(dist);
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  if (!wasm) throw new Error(`${dist}: no *_bg.wasm: is this a Trunk build of Folio?`);
  const glue = wasm.replace(/_bg\.wasm$/, '.js');
  if (!files.includes(glue)) throw new Error(`${dist}: ${glue} (the wasm-bindgen glue of ${wasm}) is missing`);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const local = (href) => href.replace(/^\.?\//, '');
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])
    .filter((tag) => /\brel="stylesheet"/.test(tag)).map((tag) => local(/\bhref="([^"]+)"/.exec(tag)[1]));
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => local(m[1]));
  const folioCss = stylesheets.find((s) => /^folio[-.]/.test(s));
  if (!folioCss) throw new Error(`${dist}/index.html links no folio*.css`);
  return { dist, wasm, glue, loaders: scripts.filter((s) => s !== glue), folioCss, otherCss: stylesheets.filter((s) => s !== folioCss), stylesheets };
}

/**
 * What a page that cares little for typography would have: a readable column, media that fit it,
 * one font stack. The stylesheet cost of a render is Folio's stylesheet against this.
 */
export const MINIMAL_CSS = 'body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 18px/1.6 sans-serif; } img, video, iframe { max-width: 100%; height: auto; }';

const head = (assets, title, extraCss, minimal = false) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${minimal ? `<style>${MINIMAL_CSS}</style>` : assets.stylesheets.map((s) => `<link rel="stylesheet" href="/${s}">`).join('\n')}${extraCss ? `\n<style>${extraCss}</style>` : ''}`;

const body = `</head>
<body>
<main class="page-main" id="mount"></main>
<script src="/bench/measure.js"></script>
</body>
</html>`;

/**
 * A page with an empty mount and `window.bench = { name, render, event, errorEvent, wasmBytes }`.
 * `extraCss` (for experiments, the same for both renderers) is added after the stylesheets.
 */
export function benchPage(kind, assets, extraCss = '', { minimal = false } = {}) {
  if (kind === 'folio') {
    return `${head(assets, 'bench: folio', extraCss)}
<script type="module">
import init from '/${assets.glue}';
const wasm = await init({ module_or_path: '/${assets.wasm}' });
window.bench = { name: 'folio', render: (t, d, o) => window.folio.render(t, d, o), event: 'folio:rendered', errorEvent: 'folio:error',
  wasmBytes: () => wasm.memory.buffer.byteLength };
document.documentElement.dataset.ready = 'yes';
</script>
${body}`;
  }
  return `${head(assets, 'bench: vanilla', extraCss, minimal)}
<script src="/bench/vanilla.js"></script>
<script>
window.bench = { name: 'vanilla', render: (t, d, o) => window.vanilla.render(t, d, o), event: 'vanilla:rendered', errorEvent: 'vanilla:error',
  wasmBytes: () => 0 };
document.documentElement.dataset.ready = 'yes';
</script>
${body}`;
}

/** dist/index.html with Folio's scripts and preloads replaced by vanilla.js and its start-up. */
export function vanillaIndex(assets) {
  const html = fs.readFileSync(path.join(assets.dist, 'index.html'), 'utf8');
  return html
    .replace(/<script\b[^>]*type="module"[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace('</head>', '<script defer src="./bench/vanilla.js"></script>\n<script type="module" src="./bench/vanilla-start.js"></script>\n</head>');
}

/**
 * A static server: dist/ at /, bench/ at /bench/, the generated pages above, and `data` (a map of
 * path to text, e.g. the generated article) in memory. Text responses are compressed the way a
 * production server would (brotli, else gzip, as the browser accepts), nothing is cached.
 */
export async function startBenchServer(dist, data = new Map(), { extraCss = '' } = {}) {
  const assets = distAssets(dist);
  const generated = new Map([
    ['/bench/folio.html', benchPage('folio', assets, extraCss)],
    ['/bench/vanilla.html', benchPage('vanilla', assets, extraCss)],
    ['/bench/vanilla-minimal.html', benchPage('vanilla', assets, extraCss, { minimal: true })],
    ['/vanilla-index.html', vanillaIndex(assets)],
  ]);
  const compressed = new Map();
  const encodings = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let content = generated.get(url.pathname) ?? data.get(url.pathname);
    let type = TYPES[path.extname(url.pathname)] || 'application/octet-stream';
    if (content === undefined) {
      let base = dist, rel = decodeURIComponent(url.pathname);
      if (rel.startsWith('/bench/')) { base = benchDir; rel = rel.slice('/bench'.length); }
      let file = path.join(base, path.normalize(rel));
      if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) { file = path.join(file, 'index.html'); type = TYPES['.html']; }
      if (!fs.existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      content = fs.readFileSync(file);
    }
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    const accept = String(req.headers['accept-encoding'] || '');
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const big = typeof content === 'string' ? content.length > 200_000 : content.length > 2_000_000;
    if (encoding && !big && !type.startsWith('image/')) {
      const key = `${encoding} ${url.pathname}`;
      if (!compressed.has(key)) {
        compressed.set(key, encoding === 'br'
          ? zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
          : zlib.gzipSync(content, { level: 9 }));
      }
      content = compressed.get(key);
      headers['Content-Encoding'] = encoding;
      encodings.add(encoding);
    }
    res.writeHead(200, headers).end(content);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, assets, data, encodings, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/**
 * Chromium flags that make every host but 127.0.0.1 unresolvable (the sample images point at
 * example hosts). Unlike Playwright's request routing this adds no per-request round trip to
 * Node, which would show in cold-load timings.
 */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** A context that never reaches outside 127.0.0.1: by routing unless the browser has OFFLINE_ARGS. */
export async function isolatedContext(browser, options = {}, { route = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-US', ...options });
  if (route) await context.route((url) => url.hostname !== '127.0.0.1', (r) => r.abort('blockedbyclient'));
  context.problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (e) => context.problems.push(`pageerror: ${e.message}`));
    // Images on the example hosts fail to load by design; anything else on the console's error
    // level is a problem.
    page.on('console', (m) => {
      if ((m.type() === 'error' && !/^Failed to load resource/.test(m.text())) || /panicked|internal error/i.test(m.text())) context.problems.push(`console: ${m.text()}`);
    });
  });
  return context;
}

/** Opens a bench page and waits until its renderer is ready. */
export async function openBenchPage(context, origin, kind) {
  const page = await context.newPage();
  await page.goto(`${origin}/bench/${kind}.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'yes' && window.M);
  return page;
}
