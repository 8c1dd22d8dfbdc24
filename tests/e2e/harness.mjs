// Shared set-up for the end-to-end tests: a static server for dist/ (and test fixtures), and
// Debian's Chromium through playwright-core. Nothing here sleeps: tests wait for conditions.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
// FOLIO_DIST lets a test run use another build than dist/.
export const dist = path.resolve(process.env.FOLIO_DIST || path.join(root, 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/// Serves dist/ at `prefix` (default /), tests/fixtures at /fixtures/, and lets a test add handlers
/// for other paths. `headers` are sent with every file (e.g. a Content-Security-Policy).
export async function startServer({ prefix = '/', headers = {} } = {}) {
  const handlers = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const custom = handlers.get(url.pathname);
    if (custom) return custom(req, res);
    let base = dist, rel = url.pathname;
    if (!rel.startsWith('/fixtures/')) {
      if (!rel.startsWith(prefix)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      rel = '/' + rel.slice(prefix.length);
    }
    if (rel.startsWith('/fixtures/')) { base = path.join(root, 'tests/fixtures'); rel = rel.slice('/fixtures'.length); }
    let file = path.join(base, path.normalize(decodeURIComponent(rel)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, handlers, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.FOLIO_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/// A context that never reaches outside 127.0.0.1 (sample images point at example hosts), and that
/// collects page errors and console errors so tests can assert there were none.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-US', ...options });
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
  context.problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (e) => context.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (/panicked|internal error/i.test(m.text())) context.problems.push(`console: ${m.text()}`); });
  });
  return context;
}

export const headline = (page) => page.locator('article h1');
