// Hydration of prerendered pages (contract section 4): with JavaScript, Folio adopts the elements
// `folio-prerender` wrote instead of making them anew, tells the page once, and then the live
// parts work. A page that something changed after it was written (an extension, a proxy) is
// rendered afresh, never left broken. Pages are the build's dist/articles/ and pages written here
// by the same release binary the build used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { root, startServer, launch, newContext } from './harness.mjs';

const binary = path.join(root, 'target/release/folio-prerender');
const samples = fs.readdirSync(path.join(root, 'static/samples')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
let server, browser;

before(async () => {
  execFileSync('cargo', ['build', '--locked', '--quiet', '--release', '--bin', 'folio-prerender'], { cwd: root, stdio: 'inherit' });
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Serves `html` at `/written/<name>.html` (its assets at `/`). */
function serve(name, html) {
  server.handlers.set(`/written/${name}.html`, (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  return `${server.origin}/written/${name}.html`;
}

function prerender(document, args = []) {
  return execFileSync(binary, ['--assets', '/', ...args, '-'], { input: JSON.stringify(document), encoding: 'utf8', maxBuffer: 64 << 20 });
}

// Runs before the page's own scripts: marks every element of the article once the HTML is parsed,
// and records any that are removed, and every folio event.
function watchFromFirstByte() {
  const w = (window.__watch = { removed: 0, events: [], marked: 0, busy: 0 });
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.removedNodes) if (n.nodeType === 1 && n.__prerendered) w.removed++;
      if (r.type === 'attributes' && r.target.getAttribute('aria-busy')) w.busy++;
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  for (const type of ['folio:rendered', 'folio:error']) document.addEventListener(type, () => w.events.push(type), true);
  document.addEventListener('DOMContentLoaded', () => {
    for (const e of document.querySelectorAll('main *')) { e.__prerendered = true; w.marked++; }
    const h1 = document.querySelector('article h1');
    w.h1Top = h1 && h1.getBoundingClientRect().top;
  });
}

async function open(url, options = {}) {
  const context = await newContext(browser, options);
  await context.addInitScript(watchFromFirstByte);
  const page = await context.newPage();
  const requests = [], warnings = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.__watch.events.length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(300); // a second event, if any, would arrive meanwhile
  const state = await page.evaluate(() => {
    const all = [...document.querySelectorAll('main *')];
    const h1 = document.querySelector('article h1');
    return {
      ...window.__watch,
      total: all.length,
      adopted: all.filter((e) => e.__prerendered).length,
      articles: document.querySelectorAll('article').length,
      h1Moved: h1 ? Math.abs(h1.getBoundingClientRect().top - window.__watch.h1Top) : null,
      headline: h1 && h1.textContent,
      h1Adopted: !!(h1 && h1.__prerendered),
    };
  });
  return { context, page, state, requests, warnings };
}

test('each sample page is adopted: the same elements, one folio:rendered, no request for the article', async () => {
  for (const name of samples) {
    const { context, state, requests } = await open(`${server.origin}/articles/${name}.html`);
    assert.deepEqual(state.events, ['folio:rendered'], name);
    assert.equal(state.removed, 0, `${name}: prerendered elements removed`);
    assert.ok(state.marked > 50, `${name}: ${state.marked} elements written`);
    // Relative times are added after hydration; everything written is still there.
    assert.equal(state.adopted, state.marked, `${name}: ${state.adopted} of ${state.marked} elements adopted`);
    assert.equal(state.articles, 1, name);
    assert.equal(state.h1Moved, 0, `${name}: the headline moved`);
    assert.deepEqual(requests.filter((p) => p.endsWith('.json')), [], `${name}: documents requested`);
    assert.deepEqual(context.problems, [], name);
    await context.close();
  }
});

test('after hydration times say how long ago they were, in the page language', async () => {
  const { context, page } = await open(`${server.origin}/articles/en.html`);
  await page.locator('article .folio-relative').first().waitFor();
  assert.match(await page.locator('article .folio-relative').first().textContent(), /ago|yesterday|last|now/);
  // The prerendered page itself has none: they are true only while someone reads it.
  assert.doesNotMatch(fs.readFileSync(path.join(root, 'dist/articles/en.html'), 'utf8'), /folio-relative/);
  await context.close();
});

test('a page with an attribute added after it was written is still adopted', async () => {
  const html = fs.readFileSync(path.join(root, 'dist/articles/en.html'), 'utf8')
    .replace(/\.\.\//g, '/')
    .replace('<h1 class="folio-headline"', '<h1 data-extension-was-here="1" class="folio-headline"');
  const { context, state, warnings } = await open(serve('attribute', html));
  assert.deepEqual(state.events, ['folio:rendered']);
  assert.equal(state.removed, 0);
  assert.equal(state.adopted, state.marked);
  assert.deepEqual(warnings, []);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a page whose elements or comments changed outside the body is rendered afresh, with a warning and no panic', async () => {
  const original = fs.readFileSync(path.join(root, 'dist/articles/en.html'), 'utf8').replace(/\.\.\//g, '/');
  const touched = {
    'an element added': original.replace('<h1 class="folio-headline">', '<h1 class="folio-headline"><span class="added-by-an-extension"></span>'),
    'comments stripped by a proxy': original.replace(/<!--[\s\S]*?-->/g, ''),
    'an element removed': original.replace(/<p class="folio-kicker">[\s\S]*?<\/p>/, ''),
  };
  for (const [what, html] of Object.entries(touched)) {
    assert.notEqual(html, original, what);
    const { context, state, warnings } = await open(serve(what.replace(/ /g, '-'), html));
    assert.deepEqual(state.events, ['folio:rendered'], what);
    assert.equal(state.articles, 1, what);
    assert.equal(state.adopted, 0, `${what}: nothing adopted`);
    assert.equal(state.headline, JSON.parse(fs.readFileSync(path.join(root, 'static/samples/en.json'), 'utf8')).headline, what);
    assert.ok(warnings.some((w) => /rendered afresh/.test(w)), `${what}: ${warnings}`);
    assert.deepEqual(context.problems, [], what);
    await context.close();
  }
});

test('the body is adopted as it stands, even with an element added or removed in it', async () => {
  const original = fs.readFileSync(path.join(root, 'dist/articles/en.html'), 'utf8').replace(/\.\.\//g, '/');
  const html = original.replace(/<hr class="folio-divider">/, '').replace('<p>Eastbrook Lido', '<p><mark class="added-by-an-extension">!</mark>Eastbrook Lido');
  assert.notEqual(html, original);
  const { context, page, state, warnings } = await open(serve('body-touched', html));
  assert.deepEqual(state.events, ['folio:rendered']);
  assert.equal(state.removed, 0);
  assert.equal(state.adopted, state.marked);
  assert.equal(await page.locator('article .folio-body mark.added-by-an-extension').count(), 1, 'the body is as the page has it');
  assert.deepEqual(warnings, []);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a 5,000-block article is adopted whole, never stepped in again', async () => {
  const document = {
    headline: 'Five thousand paragraphs',
    datePublished: '2026-03-01T08:00:00Z',
    lang: 'en',
    body: Array.from({ length: 5000 }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i + 1}: ${'a few words of text '.repeat(8)}` })),
  };
  const { context, page, state } = await open(serve('long', prerender(document)));
  assert.deepEqual(state.events, ['folio:rendered']);
  assert.equal(state.removed, 0);
  assert.equal(state.busy, 0, 'the body was never marked busy (stepping)');
  assert.equal(await page.locator('article .folio-body p').count(), 5000);
  assert.equal(state.adopted, state.marked);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a bad document in a prerendered page shows the error, not a stale article', async () => {
  const html = fs.readFileSync(path.join(root, 'dist/articles/en.html'), 'utf8')
    .replace(/\.\.\//g, '/')
    .replace(/(<script type="application\/json" data-folio-document>)[\s\S]*?(<\/script>)/, '$1{"headline": 5}$2');
  const { context, page, state } = await open(serve('bad-document', html));
  assert.deepEqual(state.events, ['folio:error']);
  assert.equal(state.articles, 0);
  assert.match(await page.locator('[role="alert"]').textContent(), /headline/);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('after hydration a related article opens in place, Back returns to the page\'s own, and a reload keeps the one being read', async () => {
  const first = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/nav-first.json'), 'utf8'));
  const second = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/nav-second.json'), 'utf8'));
  // Beside the fixtures, so the related item's relative `article` finds nav-second.json.
  const html = prerender(first);
  server.handlers.set('/fixtures/first.html', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  const { context, page, state } = await open(`${server.origin}/fixtures/first.html`);
  assert.deepEqual(state.events, ['folio:rendered']);
  // Its lazy list has loaded a page meanwhile, in place of its placeholders.
  assert.equal(state.h1Adopted, true);
  await page.evaluate(() => { window.__stayed = true; });
  const length = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'The second article' }).click();
  await page.locator('article h1').filter({ hasText: second.headline }).waitFor();
  assert.equal(await page.evaluate(() => history.length), length + 1);
  assert.match(decodeURIComponent(new URL(page.url()).search), /^\?src=.*nav-second\.json$/);

  await page.goBack();
  await page.locator('article h1').filter({ hasText: first.headline }).waitFor();
  assert.equal(new URL(page.url()).search, '');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), first.headline, 'focus on the headline, as for any Back');
  await page.goForward();
  await page.locator('article h1').filter({ hasText: second.headline }).waitFor();
  assert.equal(await page.evaluate(() => window.__stayed), true, 'no page load');

  await page.reload();
  await page.locator('article h1').filter({ hasText: second.headline }).waitFor();
  assert.equal(await page.locator('article').count(), 1);
  assert.deepEqual(context.problems, []);
  await context.close();
});
