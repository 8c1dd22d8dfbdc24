// Folio as a guest in someone else's page: a strict CSP, a sub-path, two instances side by side
// (data-folio-src and <folio-article>), styles that do not leak either way, and destroy() or
// element removal releasing every listener and timer.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newContext, headline } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; media-src 'self' https:";
let browser;
const servers = [];
async function server(options) { const s = await startServer(options); servers.push(s); return s; }
after(async () => { if (browser) await browser.close(); for (const s of servers) await s.close(); });
async function context(options) { browser = browser || await launch(); return newContext(browser, options); }
/** The examples page (one declarative mount, one <folio-article>) under the strict CSP. */
async function examplesPage() {
  const site = await server({ headers: { 'Content-Security-Policy': CSP } });
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(`${site.origin}/examples/`);
  return { ctx, page };
}

test('the built page runs under script-src \'self\' \'wasm-unsafe-eval\' sent as a response header', async () => {
  const site = await server({ headers: { 'Content-Security-Policy': CSP } });
  const ctx = await context();
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${site.origin}/`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await headline(page).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await ctx.close();
});

test('the built site works from a sub-path', async () => {
  const site = await server({ prefix: '/news/folio/' });
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(`${site.origin}/news/folio/?src=samples/en.json`);
  await headline(page).waitFor();
  assert.match(await headline(page).textContent(), /lido/i);
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test('a host page embeds two independent articles, one declarative and one custom element', async () => {
  const { ctx, page } = await examplesPage();
  const declarative = page.locator('#declarative article h1');
  const element = page.locator('#element article h1'); // Playwright pierces open shadow roots
  await declarative.waitFor();
  await element.waitFor();
  const facts = await page.evaluate(() => {
    const host = document.querySelector('#element');
    const shadowP = host.shadowRoot.querySelector('.folio-body p');
    const shadowSection = host.shadowRoot.querySelector('section');
    const ids = [...document.querySelectorAll('[id]'), ...host.shadowRoot.querySelectorAll('[id]')].map((e) => e.id);
    return {
      inShadow: !!host.shadowRoot.querySelector('article'),
      lightArticles: document.querySelectorAll('article').length,
      shadowParagraphColor: getComputedStyle(shadowP).color,
      shadowSectionBorder: getComputedStyle(shadowSection).borderTopStyle,
      hostParagraphColor: getComputedStyle(document.querySelector('.card > p')).color,
      duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      lang: host.shadowRoot.querySelector('article').lang,
    };
  });
  assert.ok(facts.inShadow, '<folio-article> renders into its shadow root');
  assert.equal(facts.lightArticles, 1, 'the declarative article is the only one in the light DOM');
  assert.notEqual(facts.shadowParagraphColor, 'rgb(106, 76, 147)', "the host's `p` colour does not reach into the shadow root");
  assert.notEqual(facts.shadowSectionBorder, 'dashed', "the host's `section` border does not reach in");
  assert.equal(facts.hostParagraphColor, 'rgb(106, 76, 147)', "Folio's stylesheet does not restyle the host's own paragraphs");
  assert.deepEqual(facts.duplicateIds, []);
  assert.equal(facts.lang, 'zh-TW');
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test('<folio-article toc> sets the table of contents option, and changing it renders again', async () => {
  const { ctx, page } = await examplesPage();
  const headline = page.locator('#element article h1');
  await headline.waitFor();
  const contents = page.locator('#element nav.folio-toc');
  assert.equal(await contents.count(), 0, 'a short article shows none by default');
  await page.evaluate(() => document.querySelector('#element').setAttribute('toc', 'show'));
  await contents.waitFor({ timeout: 5000 });
  assert.ok((await contents.getByRole('link').count()) > 0, 'toc="show" shows one, with links to the sections');
  await page.evaluate(() => document.querySelector('#element').setAttribute('toc', 'hide'));
  await contents.waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test('events from <folio-article> reach the host page, retargeted to the element', async () => {
  const site = await server();
  const ctx = await context();
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__targets = [];
    window.addEventListener('folio:rendered', (e) => window.__targets.push(e.target.id || e.target.localName));
  });
  await page.goto(`${site.origin}/examples/`);
  await page.waitForFunction(() => window.__targets.includes('element') && window.__targets.includes('declarative'));
  await ctx.close();
});

/// Active intervals and DOM event listeners, counted through wrapped timer functions and CDP.
async function counters(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { listeners: dom.jsEventListeners, intervals: await page.evaluate(() => window.__intervals.size) };
}

async function pageWithCounters(ctx, url) {
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    const active = window.__intervals = new Set();
    const set = window.setInterval, clear = window.clearInterval;
    window.setInterval = function (...args) { const id = set.apply(this, args); active.add(id); return id; };
    window.clearInterval = function (id) { active.delete(id); return clear.call(this, id); };
  });
  await page.goto(url);
  return page;
}

test('destroy() releases every listener and timer it added', async () => {
  const site = await server();
  const ctx = await context();
  const page = await pageWithCounters(ctx, `${site.origin}/?src=/fixtures/minimal.json`);
  await headline(page).waitFor();
  const cdp = await ctx.newCDPSession(page);
  const before = await counters(page, cdp);
  await page.evaluate(async () => {
    const doc = await (await fetch('/fixtures/every-field.json')).json();
    for (let i = 0; i < 20; i++) {
      const mount = document.createElement('div');
      document.body.append(mount);
      const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
      const handle = window.folio.render(mount, doc);
      await rendered;
      handle.destroy();
      mount.remove();
    }
  });
  const afterwards = await counters(page, cdp);
  assert.equal(afterwards.intervals, before.intervals, 'no relative-time interval left running');
  assert.ok(afterwards.listeners <= before.listeners, `listeners went from ${before.listeners} to ${afterwards.listeners}`);
  await ctx.close();
});

test('removing a <folio-article> releases it, and putting one back renders again', async () => {
  const site = await server();
  const ctx = await context();
  const page = await pageWithCounters(ctx, `${site.origin}/examples/`);
  await page.locator('#element article h1').waitFor();
  await page.locator('#declarative article h1').waitFor();
  const cdp = await ctx.newCDPSession(page);
  const withBoth = await counters(page, cdp);
  await page.evaluate(() => { window.__kept = document.querySelector('#element'); window.__kept.remove(); });
  const removed = await counters(page, cdp);
  assert.equal(removed.intervals, withBoth.intervals - 1, "the element's relative-time interval stopped");
  assert.equal(await page.evaluate(() => window.__kept.shadowRoot.querySelector('.folio-host').childElementCount), 0);
  await page.evaluate(() => document.querySelector('main').append(window.__kept));
  await page.locator('#element article h1').waitFor();
  await ctx.close();
});
