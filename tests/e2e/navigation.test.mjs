// Related articles opened in place, and lists that load more items, on the static page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newContext, headline } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const FIRST = 'Fixture: the first article';
const SECOND = 'Fixture: the second article';

async function openFirst(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['folio:navigate', 'folio:rendered', 'folio:error']) {
      window.addEventListener(type, (e) => window.__events.push({ type, url: e.detail && e.detail.url }));
    }
  });
  await page.goto(`${server.origin}/?src=/fixtures/nav-first.json`);
  await headline(page).filter({ hasText: FIRST }).waitFor();
  await page.evaluate(() => { window.__marker = 42; window.__events.length = 0; });
  return page;
}

test('a plain click renders the related article in place, adds one history entry and moves focus', async () => {
  const context = await newContext(browser);
  const page = await openFirst(context);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'The second article' }).click();
  await headline(page).filter({ hasText: SECOND }).waitFor();
  const state = await page.evaluate(() => ({
    marker: window.__marker, length: history.length, search: location.search,
    focused: document.activeElement && document.activeElement.textContent, events: window.__events,
  }));
  assert.equal(state.marker, 42, 'no page load');
  assert.equal(state.length, before + 1);
  assert.equal(decodeURIComponent(state.search), `?src=${server.origin}/fixtures/nav-second.json`);
  assert.equal(state.focused, SECOND);
  assert.deepEqual(state.events.map((e) => e.type), ['folio:navigate', 'folio:rendered']);
  assert.equal(state.events[0].url, `${server.origin}/fixtures/nav-second.json`);
  await context.close();
});

test('Back and Forward bring the articles back in place', async () => {
  const context = await newContext(browser);
  const page = await openFirst(context);
  await page.getByRole('link', { name: 'The second article' }).click();
  await headline(page).filter({ hasText: SECOND }).waitFor();
  await page.goBack();
  await headline(page).filter({ hasText: FIRST }).waitFor();
  await page.goForward();
  await headline(page).filter({ hasText: SECOND }).waitFor();
  assert.equal(await page.evaluate(() => window.__marker), 42);
  await context.close();
});

test('a cancelled folio:navigate leaves the article where it is', async () => {
  const context = await newContext(browser);
  const page = await openFirst(context);
  await page.evaluate(() => window.addEventListener('folio:navigate', (e) => e.preventDefault(), { once: true }));
  await page.getByRole('link', { name: 'The second article' }).click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'folio:navigate'));
  assert.equal(await headline(page).textContent(), FIRST);
  assert.equal(await page.evaluate(() => window.__marker), 42);
  await context.close();
});

test('a ctrl-click keeps the browser behaviour and does not render in place', async () => {
  const context = await newContext(browser);
  const page = await openFirst(context);
  const popup = context.waitForEvent('page');
  await page.getByRole('link', { name: 'The second article' }).click({ modifiers: ['Control'] });
  await (await popup).close();
  assert.equal(await headline(page).textContent(), FIRST);
  assert.deepEqual(await page.evaluate(() => window.__events), []);
  await context.close();
});

test('a related article that fails to load keeps the current one and offers Retry', async () => {
  const context = await newContext(browser);
  const page = await openFirst(context);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'A missing article' }).click();
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /HTTP 404/);
  assert.equal(await headline(page).textContent(), FIRST, 'the current article is still shown');
  assert.equal(await page.evaluate(() => history.length), before, 'no history entry for a failed navigation');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'folio:error'));
  // Retry tries the same article again: once it exists, it renders.
  server.handlers.set('/fixtures/nav-missing.json', (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' })
    .end(JSON.stringify({ headline: 'Found on retry', datePublished: '2026-02-03T09:00:00Z', body: [] })));
  try {
    await page.getByRole('button', { name: 'Retry' }).click();
    await headline(page).filter({ hasText: 'Found on retry' }).waitFor();
    assert.equal(await alert.count(), 0);
  } finally {
    server.handlers.delete('/fixtures/nav-missing.json');
    await context.close();
  }
});

test('while the next article loads, the current one stays with a progress indicator', async () => {
  const context = await newContext(browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  server.handlers.set('/fixtures/nav-second.json', async (req, res) => {
    await held;
    res.writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ headline: SECOND, datePublished: '2026-02-02T09:00:00Z', body: [] }));
  });
  try {
    const page = await openFirst(context);
    await page.getByRole('link', { name: 'The second article' }).click();
    await page.locator('.folio-progress[role=status]').waitFor();
    assert.equal(await headline(page).textContent(), FIRST);
    release();
    await headline(page).filter({ hasText: SECOND }).waitFor();
    assert.equal(await page.locator('.folio-progress').count(), 0);
  } finally {
    release();
    server.handlers.delete('/fixtures/nav-second.json');
    await context.close();
  }
});

test('rapid clicks: the last one wins and a stale answer is dropped', async () => {
  const context = await newContext(browser);
  let release, answered;
  const held = new Promise((resolve) => { release = resolve; });
  const staleAnswered = new Promise((resolve) => { answered = resolve; });
  server.handlers.set('/fixtures/nav-second.json', async (req, res) => {
    await held;
    res.writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ headline: SECOND, datePublished: '2026-02-02T09:00:00Z', body: [] }));
    answered();
  });
  server.handlers.set('/fixtures/nav-missing.json', (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' })
    .end(JSON.stringify({ headline: 'The later click', datePublished: '2026-02-03T09:00:00Z', body: [] })));
  try {
    const page = await openFirst(context);
    const before = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: 'The second article' }).click();
    await page.getByRole('link', { name: 'A missing article' }).click();
    await headline(page).filter({ hasText: 'The later click' }).waitFor();
    release();
    // The first request was cancelled: its late answer must not replace the later article.
    await staleAnswered;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await headline(page).textContent(), 'The later click');
    assert.equal(await page.evaluate(() => history.length), before + 1, 'one history entry, for the article shown');
  } finally {
    release();
    server.handlers.delete('/fixtures/nav-second.json');
    server.handlers.delete('/fixtures/nav-missing.json');
    await context.close();
  }
});

test('navigation "links" leaves related articles as ordinary links', async () => {
  const context = await newContext(browser);
  const page = await openFirst(context);
  const outcome = await page.evaluate(async () => {
    const doc = await (await fetch('/fixtures/nav-first.json')).json();
    const mount = document.body.appendChild(document.createElement('div'));
    const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
    window.folio.render(mount, doc, { navigation: 'links' });
    await rendered;
    let prevented = null;
    // Runs after Folio's own handler; stops the real navigation so the test page stays.
    window.addEventListener('click', (e) => { prevented = e.defaultPrevented; e.preventDefault(); }, { once: true });
    const link = [...mount.querySelectorAll('a')].find((a) => a.textContent === 'The second article');
    link.click();
    return { prevented, navigates: window.__events.filter((e) => e.type === 'folio:navigate').length };
  });
  assert.equal(outcome.prevented, false, 'Folio did not take over the click');
  assert.equal(outcome.navigates, 0);
  assert.equal(await headline(page).first().textContent(), FIRST);
  await context.close();
});

test('a list with src loads its items when scrolled near, then further pages on request', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 400 } });
  const page = await openFirst(context);
  const section = page.getByRole('region', { name: 'More stories' });
  await section.scrollIntoViewIfNeeded();
  const first = section.getByRole('link', { name: 'Fetched first page' });
  await first.waitFor();
  // Relative URLs in a list page resolve against that page, not the article.
  assert.equal(await first.evaluate((a) => a.href), `${server.origin}/fixtures/lists/stories/one.html`);
  assert.equal(await section.getAttribute('aria-busy'), null);
  await section.getByRole('button', { name: 'Load more' }).click();
  await section.getByRole('link', { name: 'Fetched second page' }).waitFor();
  assert.equal(await section.getByRole('button', { name: 'Load more' }).count(), 0, 'no next page: no button');
  const titles = await section.locator('li a').allTextContents();
  assert.deepEqual(titles, ['Given inline', 'Fetched first page', 'Fetched second page']);
  await context.close();
});

test('a list whose page fails shows the error inside the list and Retry recovers', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 400 } });
  let calls = 0;
  server.handlers.set('/fixtures/lists/list-page-1.json', (req, res) => {
    calls += 1;
    if (calls === 1) { res.writeHead(500).end('oops'); return; }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ items: [{ title: 'After retry', url: 'https://news.example.com/r' }] }));
  });
  try {
    const page = await openFirst(context);
    const section = page.getByRole('region', { name: 'More stories' });
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('alert').waitFor();
    assert.equal(await headline(page).textContent(), FIRST, 'the article is untouched');
    await section.getByRole('button', { name: 'Retry' }).click();
    await section.getByRole('link', { name: 'After retry' }).waitFor();
    assert.equal(await section.getByRole('alert').count(), 0);
  } finally {
    server.handlers.delete('/fixtures/lists/list-page-1.json');
    await context.close();
  }
});
