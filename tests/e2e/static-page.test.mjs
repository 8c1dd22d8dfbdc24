// The static site as a reader meets it: the bundled sample, ?src=, the notice for old browsers,
// errors with Retry, and the page at phone and desktop widths in both colour schemes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newContext, headline, root } from './harness.mjs';

const sample = (name) => JSON.parse(fs.readFileSync(path.join(root, 'static/samples', name), 'utf8'));
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test('without ?src the page shows its bundled zh-TW sample and fires folio:ready', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.addInitScript(() => { window.addEventListener('folio:ready', () => { window.__ready = true; }); });
  await page.goto(`${server.origin}/`);
  await headline(page).waitFor();
  assert.equal(await headline(page).textContent(), sample('zh-TW.json').headline);
  assert.equal(await page.evaluate(() => window.__ready === true && typeof window.folio.render), 'function');
  assert.equal(await page.locator('article').getAttribute('lang'), 'zh-TW');
  assert.equal(await page.locator('[data-folio-notice]').count(), 0, 'the update-your-browser notice is removed');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('?src= renders that document and resolves its relative URLs against it', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=${encodeURIComponent('/fixtures/every-field.json')}`);
  await headline(page).waitFor();
  assert.equal(await headline(page).textContent(), 'Fixture: a comet passes within sight of the observatory');
  // The lead image's "img/comet.jpg" is relative to the JSON, not to the page.
  assert.equal(await page.locator('.folio-figure-lead img').evaluate((img) => img.src), `${server.origin}/fixtures/img/comet.jpg`);
  assert.equal(await page.locator('article section[aria-labelledby]').count(), 4, 'three lists and the comments');
  await context.close();
});

test('a document that fails to load shows an alert with Retry, and Retry loads it', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  let calls = 0;
  server.handlers.set('/flaky.json', (req, res) => {
    calls += 1;
    if (calls === 1) { res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy'); return; }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ headline: 'Second try', datePublished: '2026-01-01T00:00:00Z', body: [] }));
  });
  await page.goto(`${server.origin}/?src=/flaky.json`);
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /HTTP 503/);
  await page.getByRole('button', { name: 'Retry' }).click();
  await headline(page).waitFor();
  assert.equal(await headline(page).textContent(), 'Second try');
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('an invalid document from ?src= names the bad path', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  server.handlers.set('/bad.json', (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' })
    .end('{ "headline": "x", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "heading", "level": 7, "text": "t" } ] }'));
  await page.goto(`${server.origin}/?src=/bad.json`);
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /body\[0\]\.level/);
  await context.close();
});

test('without JavaScript the page asks the reader to update the browser, in both languages', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const text = await page.locator('body').innerText();
  assert.match(text, /Please update your browser/);
  assert.match(text, /請更新您的瀏覽器/);
  assert.equal(await page.locator('[data-folio-notice]').evaluate((e) => getComputedStyle(e).opacity), '1');
  await context.close();
});

test('without WebAssembly the notice stays and no article appears', async () => {
  const context = await newContext(browser);
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const notice = page.locator('[data-folio-notice]');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-folio-notice]')).opacity === '1', null, { timeout: 10000 });
  assert.match(await notice.innerText(), /Please update your browser/);
  assert.equal(await page.locator('article').count(), 0);
  await context.close();
});

test('relative times move on while the page stays open', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-05-04T18:30:00Z') });
  await page.goto(`${server.origin}/?src=/fixtures/every-field.json`);
  await headline(page).waitFor();
  const first = page.locator('.folio-header .folio-relative').first();
  assert.equal(await first.textContent(), '30 minutes ago');
  await page.clock.runFor(60 * 60 * 1000);
  assert.equal(await first.textContent(), '1 hour ago');
  await context.close();
});

for (const width of [390, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`at ${width}px in ${colorScheme} mode nothing overflows sideways and the theme applies`, async () => {
      const context = await newContext(browser, { viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.origin}/?src=/fixtures/every-field.json`);
      await headline(page).waitFor();
      const layout = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        text: getComputedStyle(document.querySelector('.folio-article p')).color,
      }));
      assert.ok(layout.scroll <= layout.view, `page is ${layout.scroll}px wide in a ${layout.view}px viewport`);
      const [r, g, b] = layout.text.match(/\d+/g).map(Number);
      const light = (r + g + b) / 3 > 128;
      assert.equal(light, colorScheme === 'dark', `body text ${layout.text} in ${colorScheme} mode`);
      await context.close();
    });
  }
}
