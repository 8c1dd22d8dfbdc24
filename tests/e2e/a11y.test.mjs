// Accessibility of the built page, for every reader: axe-core finds nothing on any sample or
// contract example, in the light and the dark scheme, on a phone and a desktop; the loading,
// error and list states pass too; every control works from the keyboard with a visible focus
// ring; reduced motion is honoured; times read out in full.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newContext, headline, root } from './harness.mjs';

const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const samplesDir = path.join(root, 'static/samples');
const contractDir = path.resolve(root, '../shared/contract/examples');

/// Every document of the matrix: the samples as they are in the tree (not as last copied into a
/// build), and the contract's example articles when ../shared is there (list pages are not
/// articles and are left out).
function documents() {
  const docs = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: `samples/${f}`, url: `/a11y/samples/${f}` }));
  if (fs.existsSync(contractDir)) {
    for (const f of fs.readdirSync(contractDir).filter((f) => f.endsWith('.json')).sort()) {
      const json = JSON.parse(fs.readFileSync(path.join(contractDir, f), 'utf8'));
      if (json && typeof json.headline === 'string') docs.push({ name: `contract/${f}`, url: `/a11y/contract/${f}` });
    }
  }
  return docs;
}

/// Serves a folder's JSON files under a path of the test server.
function serveJson(server, prefix, dir) {
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    server.handlers.set(`${prefix}/${f}`, (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' })
      .end(fs.readFileSync(path.join(dir, f))));
  }
}

/// Runs axe on the page (every rule it has, best practices included) and returns the violations
/// as readable lines.
async function axeViolations(page, { skip = [] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
  const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
  const result = await page.evaluate((rules) => window.axe.run(document, { resultTypes: ['violations'], rules }), rules);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

/// Scrolls through the article so lazy lists load, then waits until nothing is busy.
async function settle(page) {
  await page.evaluate(async () => {
    for (const section of document.querySelectorAll('article section')) section.scrollIntoView();
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForFunction(() => !document.querySelector('article [aria-busy="true"], .folio-loading'), null, { timeout: 10000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

let server, browser;
const docs = documents();
before(async () => {
  server = await startServer();
  serveJson(server, '/a11y/samples', samplesDir);
  if (fs.existsSync(contractDir)) serveJson(server, '/a11y/contract', contractDir);
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

test('the matrix covers every sample in four languages and right to left', () => {
  const names = docs.map((d) => d.name);
  for (const sample of ['samples/zh-TW.json', 'samples/zh-CN.json', 'samples/en.json', 'samples/ja.json', 'samples/ar.json']) {
    assert.ok(names.includes(sample), `${sample} is in the matrix`);
  }
});

for (const width of [390, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violations at ${width}px in ${colorScheme} mode (${docs.length} documents)`, async () => {
      const context = await newContext(browser, { viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      const found = [];
      for (const doc of docs) {
        await page.goto(`${server.origin}/?src=${encodeURIComponent(doc.url)}`);
        await headline(page).waitFor();
        await settle(page);
        found.push(...(await axeViolations(page)).map((v) => `${doc.name}: ${v}`));
      }
      assert.deepEqual(found, []);
      assert.deepEqual(context.problems, []);
      await context.close();
    });
  }
}

// While a document loads, or when it failed, the page has no headline yet: axe's best practice
// that a page have an <h1> does not apply to those moments (the error's title is not a headline).
const NO_ARTICLE_YET = { skip: ['page-has-heading-one'] };

test('the loading placeholder, a failed document with Retry and a failed list page pass axe too', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await newContext(browser, { viewport: { width: 390, height: 900 }, colorScheme });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    server.handlers.set('/a11y/slow.json', async (req, res) => {
      await held;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(fs.readFileSync(path.join(samplesDir, 'en.json')));
    });
    server.handlers.set('/a11y/down.json', (req, res) => res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy'));
    server.handlers.set('/a11y/with-failing-list.json', (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({
      lang: 'zh-TW', headline: '清單載入失敗', datePublished: '2026-01-01T00:00:00Z', body: [{ type: 'paragraph', text: '內文' }],
      lists: [{ title: '最新消息', src: '/a11y/down.json', items: [{ title: '第一則', url: 'https://news.example.com/1' }] }],
    })));
    try {
      await page.goto(`${server.origin}/?src=/a11y/slow.json`);
      await page.locator('.folio-loading').waitFor();
      assert.deepEqual(await axeViolations(page, NO_ARTICLE_YET), [], `loading, ${colorScheme}`);
      release();
      await headline(page).waitFor();

      await page.goto(`${server.origin}/?src=/a11y/down.json`);
      await page.getByRole('button', { name: 'Retry' }).waitFor();
      assert.deepEqual(await axeViolations(page, NO_ARTICLE_YET), [], `failed document, ${colorScheme}`);

      await page.goto(`${server.origin}/?src=/a11y/with-failing-list.json`);
      await headline(page).waitFor();
      await page.getByRole('region', { name: '最新消息' }).scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: '重試' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], `failed list page, ${colorScheme}`);
    } finally {
      release();
      for (const p of ['/a11y/slow.json', '/a11y/down.json', '/a11y/with-failing-list.json']) server.handlers.delete(p);
      await context.close();
    }
  }
});

test('the outline: one h1, headings in order, lists and comments as sections named by their headings', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=/a11y/samples/ja.json`);
  await headline(page).waitFor();
  const outline = await page.evaluate(() => {
    const article = document.querySelector('article');
    const levels = [...article.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
    const sections = [...article.querySelectorAll('section, nav')].map((s) => {
      const label = document.getElementById(s.getAttribute('aria-labelledby'));
      return { tag: s.localName, named: !!label && s.contains(label) && /^H[2-6]$/.test(label.tagName) };
    });
    return { h1: article.querySelectorAll('h1').length, levels, sections };
  });
  assert.equal(outline.h1, 1);
  assert.equal(outline.levels[0], 1);
  for (let i = 1; i < outline.levels.length; i++) {
    assert.ok(outline.levels[i] <= outline.levels[i - 1] + 1, `heading levels ${outline.levels.join(',')} skip a level`);
  }
  assert.ok(outline.sections.length >= 5, 'table of contents, three lists and the comments');
  assert.ok(outline.sections.every((s) => s.named), JSON.stringify(outline.sections));
  await context.close();
});

test('every control in the article can be reached with Tab and shows a focus ring', async () => {
  // Reduced motion, so a section link that fades in on focus is read at full opacity at once.
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=/a11y/samples/ja.json`);
  await headline(page).waitFor();
  await settle(page);
  const expected = await page.evaluate(() => [...document.querySelectorAll('article a[href], article button, article video[controls]')].length);
  const seen = new Set();
  for (let i = 0; i < expected + 20 && seen.size < expected; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || !e.closest('article')) return null;
      const style = getComputedStyle(e);
      return { key: e.outerHTML.slice(0, 160), video: e.localName === 'video', outline: style.outlineStyle, width: parseFloat(style.outlineWidth), opacity: style.opacity };
    });
    if (!focused) continue;
    seen.add(focused.key);
    // Tab goes into a video's own controls, which the browser draws and rings itself.
    if (focused.video) continue;
    assert.notEqual(focused.outline, 'none', `no focus ring on ${focused.key}`);
    assert.ok(focused.width >= 2, `focus ring of ${focused.width}px on ${focused.key}`);
    assert.equal(focused.opacity, '1', `focused ${focused.key} is not fully visible`);
  }
  assert.equal(seen.size, expected, 'every link, button and video was reached');
  await context.close();
});

test('Retry works from the keyboard and the new headline takes the focus', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  let calls = 0;
  server.handlers.set('/a11y/flaky.json', (req, res) => {
    calls += 1;
    if (calls <= 2) { res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy'); return; }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ headline: 'Third time lucky', datePublished: '2026-01-01T00:00:00Z', body: [] }));
  });
  try {
    await page.goto(`${server.origin}/?src=/a11y/flaky.json`);
    const retry = page.getByRole('button', { name: 'Retry' });
    await retry.waitFor();
    await retry.evaluate((button) => { button.dataset.first = 'yes'; });
    await retry.focus();
    await page.keyboard.press('Enter');
    // It fails again: the new Retry button (not the first one) has the focus, so Space tries
    // once more.
    await page.waitForFunction(() => {
      const e = document.activeElement;
      return e && e.localName === 'button' && e.textContent === 'Retry' && !e.dataset.first;
    });
    await page.keyboard.press('Space');
    await headline(page).filter({ hasText: 'Third time lucky' }).waitFor();
    await page.waitForFunction(() => document.activeElement && document.activeElement.localName === 'h1');
    assert.equal(calls, 3);
  } finally {
    server.handlers.delete('/a11y/flaky.json');
    await context.close();
  }
});

test('Load more works from the keyboard and the focus moves to the first new item', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 400 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=/fixtures/nav-first.json`);
  await headline(page).waitFor();
  const section = page.getByRole('region', { name: 'More stories' });
  await section.scrollIntoViewIfNeeded();
  const more = section.getByRole('button', { name: 'Load more' });
  await more.waitFor();
  await more.focus();
  await page.keyboard.press('Enter');
  await section.getByRole('link', { name: 'Fetched second page' }).waitFor();
  await page.waitForFunction(() => document.activeElement && document.activeElement.textContent === 'Fetched second page');
  await context.close();
});

test('with reduced motion nothing moves; otherwise the placeholder shimmers', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const context = await newContext(browser, { reducedMotion });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    server.handlers.set('/a11y/held.json', async (req, res) => {
      await held;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(fs.readFileSync(path.join(samplesDir, 'ja.json')));
    });
    try {
      await page.goto(`${server.origin}/?src=/a11y/held.json`);
      await page.locator('.folio-skeleton').first().waitFor();
      const moving = await page.evaluate(() => [...document.querySelectorAll('.folio-skeleton, .folio-notice, .folio-progress')]
        .filter((e) => getComputedStyle(e).animationName !== 'none' && parseFloat(getComputedStyle(e).animationDuration) > 0.05).length);
      if (reducedMotion === 'reduce') assert.equal(moving, 0, 'no animation with reduced motion');
      else assert.ok(moving > 0, 'the placeholder shimmers otherwise');
      release();
      await headline(page).waitFor();
      const transitions = await page.evaluate(() => [...document.querySelectorAll('article *')]
        .filter((e) => parseFloat(getComputedStyle(e).transitionDuration) > 0).length);
      if (reducedMotion === 'reduce') assert.equal(transitions, 0, 'no transitions with reduced motion');
    } finally {
      release();
      server.handlers.delete('/a11y/held.json');
      await context.close();
    }
  }
});

test('times read out as a full date with weekday and zone, and show the short form', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=/a11y/samples/en.json`);
  await headline(page).waitFor();
  const times = await page.locator('article time').evaluateAll((times) => times.map((t) => ({
    title: t.title,
    visible: t.textContent,
    hidden: t.getAttribute('aria-hidden'),
    spoken: t.nextElementSibling.textContent.trim(),
    hiddenBox: t.nextElementSibling.getBoundingClientRect().width,
  })));
  assert.ok(times.length >= 2);
  for (const t of times) {
    assert.equal(t.hidden, 'true', 'the short form is not read as well');
    assert.equal(t.spoken, t.title);
    assert.match(t.spoken, /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/);
    assert.ok(t.spoken.length > t.visible.length, `${t.spoken} says more than ${t.visible}`);
    assert.ok(t.hiddenBox <= 1, 'the full date is not drawn');
  }
  // What assistive technology reads in the header: the full date, not the short one twice.
  const spoken = await page.locator('article header .folio-dates').ariaSnapshot();
  assert.ok(spoken.includes(times[0].title), spoken);
  if (!times[0].title.includes(times[0].visible)) assert.ok(!spoken.includes(times[0].visible), spoken);
  await context.close();
});
