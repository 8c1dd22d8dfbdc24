// node bench/json-text/run.mjs [variant=both] [query]: serves site/ (and out/<variant> as pkg/) on
// 127.0.0.1 and runs site/index.html in headless Chromium; prints medians, writes results/ (not in git).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(new URL(import.meta.url).pathname);
const variant = process.argv[2] ?? 'both';
const query = process.argv[3] ?? '';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const file = url.pathname.startsWith('/pkg/')
    ? path.join(here, 'out', variant, url.pathname.slice(5))
    : path.join(here, 'site', url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    // COOP/COEP make the page cross-origin isolated, so performance.now() has 5 µs resolution instead of 100 µs.
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(data);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'json-text-bench-'));
// playwright refuses --user-data-dir in args; launchPersistentContext passes it as --user-data-dir=<fresh dir>.
const context = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });
const version = context.browser()?.version() ?? 'unknown';
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => console.error('[page]', m.text()));
  page.on('pageerror', (e) => console.error('[pageerror]', e));
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  const r = await page.evaluate(() => window.benchDone);
  const f = (x) => x.toFixed(3);
  console.log(`browser ${version} | ${r.userAgent} | crossOriginIsolated ${r.crossOriginIsolated} | variant ${variant}`);
  for (const [name, d] of Object.entries(r.docs)) {
    console.log(`${name.padEnd(5)} chars ${d.chars} blocks A=${d.blocksA} B=${d.blocksB} runs ${d.runs}: median A ${f(d.medianA)} ms, B ${f(d.medianB)} ms, B/A ${(d.medianB / d.medianA).toFixed(2)} (min A ${f(d.minA)}, B ${f(d.minB)}; JSON.parse alone ${f(d.medianJsonParse)}; order ${d.order})`);
  }
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  const out = path.join(here, 'results', `run-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify({ browser: version, variant, query, ...r }, null, 1));
  console.log('wrote', out);
} finally {
  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
