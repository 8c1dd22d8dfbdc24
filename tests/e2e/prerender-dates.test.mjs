// Prerendered dates against the browser's: for every sample (and the contract's examples where
// ../shared is present), the absolute dates `folio-prerender` writes with ICU4X equal what Folio
// shows in Chromium with Intl for the same document, in the same zone (UTC where the document
// names none: the prerender's default, and this context's zone). The one difference known is
// listed below and in the README ("Prerendered pages"); the full dates of the tooltips and
// screen-reader text are compared and their differences printed, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { root, startServer, launch, newContext } from './harness.mjs';

/**
 * Where ICU4X's compiled data and Chromium's ICU write the same date differently: Simplified
 * Chinese with the 24-hour clock is "08:00" in ICU4X (CLDR's time pattern) and "8:00" in Chromium
 * (its pattern generator's "Hm"). Each maps a prerendered date to Chromium's.
 */
const KNOWN = [
  { lang: /^zh(-CN|-SG|-Hans.*)?$/, toChromium: (date) => date.replace(/ 0(\d:\d\d)$/, ' $1') },
];

const examples = path.resolve(root, '../shared/contract/examples');
const documents = [
  ...fs.readdirSync(path.join(root, 'static/samples')).filter((f) => f.endsWith('.json')).map((f) => path.join(root, 'static/samples', f)),
  ...(fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith('.json')).map((f) => path.join(examples, f)) : []),
].filter((file) => 'headline' in JSON.parse(fs.readFileSync(file, 'utf8'))).sort(); // articles, not list pages

const binary = path.join(root, 'target/debug/folio-prerender');
let server, browser;

before(async () => {
  execFileSync('cargo', ['build', '--locked', '--quiet', '--bin', 'folio-prerender'], { cwd: root, stdio: 'inherit' });
  server = await startServer();
  server.handlers.set('/blank.html', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(
    '<!doctype html><html><head><link rel="stylesheet" href="/folio.css"></head><body><div id="mount"></div><script type="module" src="/folio-start.js"></script></body></html>'));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** [datetime, full, absolute] of each `<time>` in the prerendered page. */
function prerenderedTimes(file) {
  const html = execFileSync(binary, [file], { encoding: 'utf8' });
  return [...html.matchAll(/<time datetime="([^"]*)" title="([^"]*)" aria-hidden="true">([^<]*)<\/time>/g)].map((m) => [m[1], decode(m[2]), decode(m[3])]);
}

test('prerendered absolute dates are the ones Chromium shows', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/blank.html`);
  await page.waitForFunction(() => window.folio);
  const tooltips = [];
  let compared = 0;
  for (const file of documents) {
    const text = fs.readFileSync(file, 'utf8');
    const browserTimes = await page.evaluate(async (doc) => {
      const mount = document.getElementById('mount');
      const done = new Promise((resolve, reject) => {
        mount.addEventListener('folio:rendered', resolve, { once: true });
        mount.addEventListener('folio:error', (e) => reject(new Error(e.detail.message)), { once: true });
      });
      const handle = window.folio.render(mount, doc, { now: '2030-01-01T00:00:00Z' });
      await done;
      const times = [...mount.querySelectorAll('time')].map((t) => [t.getAttribute('datetime'), t.title, t.textContent]);
      handle.destroy();
      return times;
    }, text);
    const prerendered = prerenderedTimes(file);
    const name = path.basename(file);
    const lang = JSON.parse(text).lang || 'en';
    const known = (date) => KNOWN.filter((k) => k.lang.test(lang)).reduce((d, k) => k.toChromium(d), date);
    assert.deepEqual(prerendered.map((t) => t[0]), browserTimes.map((t) => t[0]), `${name}: the same <time> elements`);
    prerendered.forEach(([datetime, full, absolute], i) => {
      assert.equal(known(absolute), browserTimes[i][2], `${name}: ${datetime}`);
      if (full !== browserTimes[i][1]) tooltips.push(`${name} ${datetime}: prerendered "${full}", Chromium "${browserTimes[i][1]}"`);
      compared++;
    });
  }
  assert.ok(compared > 10, `compared ${compared} dates`);
  assert.deepEqual(context.problems, []);
  if (tooltips.length) console.log(`full dates that differ (${tooltips.length}):\n${[...new Set(tooltips)].join('\n')}`);
  await context.close();
});
