// Network faults for articles (the static page's ?src=) and related-list pages: no answer within
// 20 seconds (on Playwright's page clock, so nothing waits 20 real seconds), HTTP errors, bodies
// that are not JSON (an HTML error page, an image, cut-off JSON) and documents that break the
// contract. Each shows what went wrong with Retry, and a failing list leaves the article as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newContext, headline } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const ARTICLE = { headline: 'Network fixture', datePublished: '2026-01-01T00:00:00Z', body: [{ type: 'paragraph', text: 'Body text.' }] };
const json = (body) => (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));

/// A handler that answers only when told to; `arrived` resolves when the request is in.
function held() {
  const waiting = [];
  let arrive;
  const arrived = new Promise((resolve) => { arrive = resolve; });
  return {
    arrived,
    handler: (req, res) => { waiting.push(res); arrive(); },
    /// Ends the held responses (the browser has usually given up on them by then).
    release: () => { for (const res of waiting.splice(0)) res.destroy(); },
  };
}

async function open(context, src) {
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=${encodeURIComponent(src)}`);
  return page;
}

async function alertOf(page) {
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  return { text: await alert.textContent(), retry: await alert.getByRole('button', { name: 'Retry' }).count() };
}

test('an article that does not answer within 20 seconds shows a timeout with Retry, and Retry loads it', async () => {
  const context = await newContext(browser);
  const slow = held();
  server.handlers.set('/net/slow.json', slow.handler);
  try {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${server.origin}/?src=/net/slow.json`);
    await slow.arrived;
    await page.locator('.folio-loading').waitFor();
    await page.clock.runFor(19_000);
    assert.equal(await page.locator('[role=alert]').count(), 0, 'still waiting after 19 seconds');
    await page.clock.runFor(1_000);
    const { text, retry } = await alertOf(page);
    assert.match(text, /\/net\/slow\.json: no answer within 20 seconds/);
    assert.equal(retry, 1);
    server.handlers.set('/net/slow.json', json(ARTICLE));
    await page.getByRole('button', { name: 'Retry' }).click();
    await headline(page).waitFor();
    assert.equal(await headline(page).textContent(), ARTICLE.headline);
    assert.deepEqual(context.problems, []);
  } finally {
    slow.release();
    server.handlers.delete('/net/slow.json');
    await context.close();
  }
});

/// In one page (a page load costs a second): for each path, renders a mount whose related item
/// points there and clicks it, so the document is fetched in place, as a reader's click does.
/// Returns what each mount then shows.
async function fetchedInPlace(page, paths) {
  return page.evaluate(async (paths) => {
    const once = (mount) => new Promise((resolve) => {
      for (const type of ['folio:rendered', 'folio:error']) mount.addEventListener(type, (e) => resolve(type), { once: true });
    });
    const out = [];
    for (const path of paths) {
      const mount = document.body.appendChild(document.createElement('div'));
      let event = once(mount);
      const handle = window.folio.render(mount, { headline: 'Start', datePublished: '2026-01-01T00:00:00Z', body: [], lists: [{ title: 'Next', items: [{ title: 'Go', url: '#go', article: path }] }] });
      await event;
      event = once(mount);
      [...mount.querySelectorAll('a')].find((a) => a.textContent === 'Go').click();
      const type = await event;
      const alert = mount.querySelector('[role=alert]');
      out.push({
        type, alert: alert?.textContent ?? null,
        retry: alert ? [...alert.querySelectorAll('button')].filter((b) => b.textContent === 'Retry').length : 0,
        headline: mount.querySelector('article h1')?.textContent ?? null,
      });
      handle.destroy();
      mount.remove();
    }
    return out;
  }, paths);
}

test('HTTP errors for an article name the status and offer Retry', async () => {
  const context = await newContext(browser);
  const statuses = [[403, 'Forbidden'], [404, 'Not Found'], [410, 'Gone'], [429, 'Too Many Requests'], [500, 'Internal Server Error'], [502, 'Bad Gateway'], [503, 'Service Unavailable'], [504, 'Gateway Timeout']];
  statuses.forEach(([status, reason], i) => server.handlers.set(`/net/status-${i}.json`, (req, res) => res.writeHead(status, reason, { 'Content-Type': 'text/html' }).end('<h1>error page</h1>')));
  try {
    const page = await open(context, '/fixtures/minimal.json');
    await headline(page).waitFor();
    const results = await fetchedInPlace(page, statuses.map((_, i) => `/net/status-${i}.json`));
    results.forEach((r, i) => {
      const [status, reason] = statuses[i];
      assert.equal(r.type, 'folio:error', `${status}`);
      assert.match(r.alert, new RegExp(`/net/status-${i}\\.json: HTTP ${status} ${reason}`), r.alert);
      assert.equal(r.retry, 1, `${status} has Retry`);
    });
    assert.deepEqual(context.problems, []);
  } finally {
    statuses.forEach((_, i) => server.handlers.delete(`/net/status-${i}.json`));
    await context.close();
  }
});

test('a body that is not JSON says what it is and offers Retry; mislabelled JSON still renders', async () => {
  const context = await newContext(browser);
  const failing = [
    ['text/html; charset=utf-8', '<!doctype html><title>Proxy error</title><p>Try later.</p>', /the server sent text\/html, not a JSON document/],
    ['image/png', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', /the server sent image\/png, not a JSON document/],
    ['application/xml', '<?xml version="1.0"?><article/>', /the server sent application\/xml, not a JSON document/],
    // The browser's JSON.parse words what is wrong.
    ['application/json', 'Service temporarily unavailable', /not well-formed JSON: .*not valid JSON/],
    ['application/json', '{ "headline": "Cut short", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "paragraph", "te', /not well-formed JSON: .*JSON/],
    ['application/json', '', /not well-formed JSON: Unexpected end of JSON input/],
  ];
  // Servers label JSON files many ways; what parses renders.
  const rendering = ['text/plain', 'application/octet-stream', 'text/html', 'application/ld+json', null];
  const paths = [];
  failing.forEach(([type, body], i) => {
    server.handlers.set(`/net/body-${i}.json`, (req, res) => res.writeHead(200, { 'Content-Type': type }).end(body));
    paths.push(`/net/body-${i}.json`);
  });
  rendering.forEach((type, i) => {
    server.handlers.set(`/net/json-${i}.json`, (req, res) => res.writeHead(200, type ? { 'Content-Type': type } : {}).end(JSON.stringify(ARTICLE)));
    paths.push(`/net/json-${i}.json`);
  });
  try {
    const page = await open(context, '/fixtures/minimal.json');
    await headline(page).waitFor();
    const results = await fetchedInPlace(page, paths);
    failing.forEach(([type, body, message], i) => {
      assert.equal(results[i].type, 'folio:error', type);
      assert.match(results[i].alert, message, `${type}: ${results[i].alert}`);
      assert.equal(results[i].retry, 1, `${type} ${JSON.stringify(body.slice(0, 20))} has Retry`);
    });
    rendering.forEach((type, i) => assert.equal(results[failing.length + i].headline, ARTICLE.headline, `labelled ${type}`));
    assert.deepEqual(context.problems, []);
  } finally {
    for (const path of paths) server.handlers.delete(path);
    await context.close();
  }
});

test('a fetched document that breaks the contract names the bad field', async () => {
  const context = await newContext(browser);
  server.handlers.set('/net/invalid.json', json({ ...ARTICLE, comments: { count: -3 } }));
  try {
    const page = await open(context, '/net/invalid.json');
    const { text } = await alertOf(page);
    assert.match(text, /comments\.count/);
    assert.match(text, /-3 is not a count/);
  } finally {
    server.handlers.delete('/net/invalid.json');
    await context.close();
  }
});

test('a document over 5 MB is refused by its size', async () => {
  const context = await newContext(browser);
  const big = JSON.stringify({ ...ARTICLE, padding: 'x'.repeat(6_000_000) });
  server.handlers.set('/net/big.json', json(big));
  try {
    const page = await open(context, '/net/big.json');
    const { text } = await alertOf(page);
    assert.match(text, /the document is 6\.0 MB of JSON, more than the 5 MB Folio reads/);
  } finally {
    server.handlers.delete('/net/big.json');
    await context.close();
  }
});

/// The article with one lazy list whose page comes from `/net/list.json`.
const WITH_LIST = { ...ARTICLE, lists: [{ title: 'More stories', items: [{ title: 'Given inline', url: '/inline' }], src: '/net/list.json' }] };

async function articleIntact(page, section) {
  assert.equal(await headline(page).textContent(), ARTICLE.headline);
  assert.equal(await page.locator('article p', { hasText: 'Body text.' }).count(), 1);
  assert.equal(await section.getByRole('link', { name: 'Given inline' }).count(), 1, 'the items given inline stay');
}

test('a list page that does not answer within 20 seconds shows the timeout inside the list; the article stays', async () => {
  const context = await newContext(browser);
  const slow = held();
  server.handlers.set('/net/list.json', slow.handler);
  try {
    const page = await context.newPage();
    await page.clock.install();
    server.handlers.set('/net/with-list.json', json(WITH_LIST));
    await page.goto(`${server.origin}/?src=/net/with-list.json`);
    await headline(page).waitFor();
    const section = page.getByRole('region', { name: 'More stories' });
    await section.scrollIntoViewIfNeeded();
    await slow.arrived;
    await page.waitForFunction(() => document.querySelector('section.folio-related')?.getAttribute('aria-busy') === 'true');
    await page.clock.runFor(20_000);
    const alert = section.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /\/net\/list\.json: no answer within 20 seconds/);
    await articleIntact(page, section);
    server.handlers.set('/net/list.json', json({ items: [{ title: 'Arrived on retry', url: '/r' }] }));
    await section.getByRole('button', { name: 'Retry' }).click();
    await section.getByRole('link', { name: 'Arrived on retry' }).waitFor();
    assert.equal(await alert.count(), 0);
    await articleIntact(page, section);
  } finally {
    slow.release();
    server.handlers.delete('/net/list.json');
    await context.close();
  }
});

test('list pages with HTTP errors, other content, broken JSON or bad items fail inside the list with Retry', async () => {
  const context = await newContext(browser);
  const cases = [
    [(req, res) => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no'), /HTTP 404/],
    [(req, res) => res.writeHead(500).end(), /HTTP 500/],
    [(req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>login'), /the server sent text\/html, not a JSON document/],
    [json('{ "items": [ { "title": "cut'), /the list is not well-formed JSON/],
    [json('[ { "title": "a", "url": "/a" } ]'), /a list page must be an object/],
    [json({ items: [{ title: 'no url' }] }), /items\[0\]\.url: this required field is missing/],
    [json({ items: [['a list', '/of/values']] }), /items\[0\]: expected an object, found a list/],
  ];
  cases.forEach(([handler], i) => server.handlers.set(`/net/list-${i}.json`, handler));
  try {
    const page = await open(context, '/fixtures/minimal.json');
    await headline(page).waitFor();
    // One mount per case, in one page: the list loads when scrolled near, and fails in place.
    const results = await page.evaluate(async ({ article, count }) => {
      const out = [];
      for (let i = 0; i < count; i += 1) {
        const mount = document.body.appendChild(document.createElement('div'));
        const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
        const handle = window.folio.render(mount, { ...article, lists: [{ ...article.lists[0], src: `/net/list-${i}.json` }] });
        await rendered;
        mount.querySelector('section').scrollIntoView();
        const deadline = performance.now() + 10000;
        while (!mount.querySelector('section [role=alert]') && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
        const section = mount.querySelector('section');
        out.push({
          alert: section.querySelector('[role=alert]')?.textContent ?? null,
          retry: [...section.querySelectorAll('[role=alert] button')].filter((b) => b.textContent === 'Retry').length,
          headline: mount.querySelector('article h1').textContent,
          body: mount.querySelector('.folio-body p').textContent,
          inline: [...section.querySelectorAll('a')].map((a) => a.textContent),
        });
        handle.destroy();
        mount.remove();
      }
      return out;
    }, { article: WITH_LIST, count: cases.length });
    results.forEach((r, i) => {
      assert.match(r.alert ?? '', cases[i][1], `case ${i}: ${r.alert}`);
      assert.equal(r.retry, 1, `case ${i} has Retry`);
      assert.deepEqual([r.headline, r.body, r.inline], [ARTICLE.headline, 'Body text.', ['Given inline']], 'the article is untouched');
    });
    assert.deepEqual(context.problems, []);
  } finally {
    cases.forEach((_, i) => server.handlers.delete(`/net/list-${i}.json`));
    await context.close();
  }
});

test('a host page update that cannot be read leaves the host page working and a later update renders', async () => {
  const context = await newContext(browser);
  const page = await open(context, '/fixtures/minimal.json');
  await headline(page).waitFor();
  const result = await page.evaluate(async (article) => {
    const mount = document.body.appendChild(document.createElement('div'));
    const next = () => new Promise((resolve) => {
      for (const type of ['folio:rendered', 'folio:error']) mount.addEventListener(type, (e) => resolve(type), { once: true });
    });
    let event = next();
    const handle = window.folio.render(mount, article);
    const first = await event;
    event = next();
    handle.update('{ "headline": "cut');
    const second = await event;
    const alert = !!mount.querySelector('[role=alert]');
    event = next();
    handle.update(article);
    const third = await event;
    return { first, second, alert, third, headline: mount.querySelector('h1')?.textContent, page: document.querySelector('main h1')?.textContent };
  }, ARTICLE);
  assert.deepEqual(result, {
    first: 'folio:rendered', second: 'folio:error', alert: true, third: 'folio:rendered', headline: ARTICLE.headline,
    page: 'Fixture: a headline and nothing else',
  });
  await context.close();
});
