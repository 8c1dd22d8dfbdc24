// The static-site example: `make dist` (Trunk's post-build hook, scripts/prerender-site.sh)
// prerenders static/samples/ into dist/articles/, with an index page. Each page is the whole
// article without JavaScript, styled by the build's folio.css, and loads Folio's scripts without an
// error when JavaScript is on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dist, root, startServer, launch, newContext } from './harness.mjs';

const samples = fs.readdirSync(path.join(root, 'static/samples')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the build holds a prerendered page per sample and an index of them', () => {
  const index = fs.readFileSync(path.join(dist, 'articles/index.html'), 'utf8');
  const links = [...index.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, samples.map((name) => `${name}.html`));
  for (const name of samples) assert.ok(fs.existsSync(path.join(dist, 'articles', `${name}.html`)), name);
});

test('without JavaScript each page is the whole article, styled', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  for (const name of samples) {
    const document = JSON.parse(fs.readFileSync(path.join(root, 'static/samples', `${name}.json`), 'utf8'));
    await page.goto(`${server.origin}/articles/${name}.html`);
    assert.equal(await page.locator('article h1').textContent(), document.headline, name);
    assert.equal(await page.locator('article .folio-body > * > *').count() > 0, true, `${name}: body blocks`);
    assert.equal(await page.locator('article time').first().getAttribute('datetime'), document.datePublished, name);
    // folio.css applies: the article is laid out in its measure, not full width.
    const width = await page.locator('article .folio-body').evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(width < 1000, `${name}: body width ${width}`);
  }
  await context.close();
});

test('with JavaScript the page loads Folio without an error and keeps the article', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/articles/zh-TW.html`);
  await page.waitForFunction(() => window.folio);
  assert.equal(await page.locator('article h1').count(), 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(context.problems, []);
  await context.close();
});
