// Text is text: every payload of tests/fixtures/xss/payloads.json goes into every text field of one
// article at once, rendered by window.folio.render in Chromium. Nothing may run (alert, confirm,
// prompt, print and open are trapped), no element or attribute that could run or load anything may
// appear (a MutationObserver watches the whole document), and every field shows its text exactly
// as written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newContext, headline, root } from './harness.mjs';

const { payloads } = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/xss/payloads.json'), 'utf8'));
const texts = payloads.map((p) => p.text);

let server, browser, context, page;

/// Runs before any page script: records every call a payload would use to show it ran.
function installTraps() {
  window.__calls = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = (...args) => { window.__calls.push(`${name}(${args.map(String).join(', ')})`); return null; };
  }
}

/// Watches the whole document from now on: an element that runs, loads or submits anything, an
/// event-handler attribute, or a link or source with another scheme than http(s) or mailto.
function watchDocument() {
  const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'svg', 'math',
    'base', 'form', 'meta', 'link', 'template', 'noscript', 'portal', 'input', 'textarea', 'select', 'isindex', 'keygen',
    'marquee', 'xmp', 'plaintext', 'listing', 'noembed', 'noframes', 'title', 'image', 'audio', 'source', 'details']);
  const URL_ATTRIBUTES = ['href', 'src', 'poster', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'background', 'ping', 'srcdoc'];
  window.__violations = [];
  const inspect = (el) => {
    if (FORBIDDEN.has(el.localName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') window.__violations.push(`<${el.localName}> (${el.namespaceURI})`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name) || name === 'srcdoc' || name === 'formaction') window.__violations.push(`<${el.localName} ${name}="${value}">`);
      if (name === 'style' && /url\(|expression|binding|@import/i.test(value)) window.__violations.push(`<${el.localName} style="${value}">`);
      if (URL_ATTRIBUTES.includes(name)) {
        let protocol = 'unparsable:';
        try { protocol = new URL(value, document.baseURI).protocol; } catch { /* an invalid URL loads nothing */ }
        if (!['http:', 'https:', 'mailto:', 'unparsable:'].includes(protocol)) window.__violations.push(`<${el.localName} ${name}="${value}">`);
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') { inspect(record.target); continue; }
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        inspect(node);
        node.querySelectorAll('*').forEach(inspect);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

before(async () => {
  server = await startServer();
  browser = await launch();
  context = await newContext(browser);
  page = await context.newPage();
  await page.addInitScript(installTraps);
  await page.goto(`${server.origin}/?src=/fixtures/minimal.json`);
  await headline(page).waitFor();
  await page.evaluate(watchDocument);
});
after(async () => { await browser.close(); await server.close(); });

/// In the page: renders `documents` one by one into fresh mounts, alternately as objects and as
/// JSON text, and returns, per document, what the reader sees and the mount's own problems.
async function renderAll(documents) {
  const NOW = '2026-05-05T00:00:00Z';
  const results = [];
  for (let i = 0; i < documents.length; i += 1) {
    const mount = document.body.appendChild(document.createElement('div'));
    const outcome = new Promise((resolve) => {
      for (const type of ['folio:rendered', 'folio:error']) mount.addEventListener(type, (e) => resolve({ type, detail: e.detail }), { once: true });
    });
    const handle = window.folio.render(mount, i % 2 ? JSON.stringify(documents[i]) : documents[i], { now: NOW, navigation: 'links' });
    const event = await outcome;
    const elements = [...mount.querySelectorAll('*')];
    results.push({
      event,
      text: mount.textContent,
      alts: elements.filter((e) => e.localName === 'img').map((e) => e.alt),
      lang: mount.querySelector('article')?.getAttribute('lang') ?? null,
      linkedTexts: elements.filter((e) => e.localName === 'a').map((a) => a.textContent),
      // Ids are prefixed per mount, so no text can clobber a global (window.folio, document.forms).
      strayIds: elements.map((e) => e.id).filter((id) => id && !/^folio\d+-/.test(id)),
      named: elements.filter((e) => e.hasAttribute('name')).map((e) => e.outerHTML.slice(0, 80)),
      alert: mount.querySelector('[role="alert"]')?.textContent ?? null,
    });
    handle.destroy();
    mount.remove();
  }
  return results;
}

/// An article with `p` in every text field, each marked with its number so a missing field shows.
function articleWith(p) {
  const t = (n) => `${p} #${n}`;
  return {
    lang: p, timeZone: p, id: p,
    section: { name: t(1), url: '/section' },
    headline: t(2),
    subheadline: t(3),
    publisher: { name: t(4), url: '/publisher', logo: '/fixtures/none.png' },
    authors: [{ name: t(5), url: '/author' }, { name: t(6) }],
    datePublished: '2026-05-04T20:00:00+02:00',
    dateModified: '2026-05-04T21:00:00+02:00',
    image: { src: '/fixtures/none.jpg', alt: t(7), caption: t(8), credit: t(9), width: 16, height: 9 },
    body: [
      { type: 'paragraph', text: t(10) },
      { type: 'paragraph', text: [{ text: t(11) }, { text: t(12), bold: true }, { text: t(13), italic: true, code: true }, { text: t(14), href: '/link' }] },
      { type: 'heading', text: t(15) },
      { type: 'heading', level: 3, text: [{ text: t(16), bold: true }] },
      { type: 'quote', text: t(17), cite: t(18) },
      { type: 'list', items: [t(19), [{ text: t(20), italic: true }]] },
      { type: 'list', ordered: true, items: [t(21)] },
      { type: 'image', src: '/fixtures/none.jpg', alt: t(22), caption: [{ text: t(23) }], credit: t(24) },
      { type: 'image', src: 'javascript:alert(1)', alt: t(25) },
      { type: 'video', src: '/fixtures/none.mp4', poster: '/fixtures/none.jpg', caption: t(26) },
      { type: 'divider' },
      { type: p, text: t(99) },
    ],
    credits: t(27),
    originalUrl: 'https://example.org/original',
    tags: [{ name: t(28), url: '/tag' }, { name: t(29) }],
    lists: [
      { title: t(30), style: 'ranked', moreUrl: '/more', items: [{ title: t(31), url: '/item', source: t(32), datePublished: '2026-05-04T18:00:00Z' }] },
      { title: t(33), style: 'video', items: [{ title: t(34), url: '/video', image: '/fixtures/none.jpg', duration: 'PT1M5S' }] },
      { title: t(35), style: p, items: [{ title: t(36), url: 'javascript:alert(1)', source: t(37) }] },
    ],
    comments: { count: 2, url: '/comments', items: [{ author: t(38), text: t(39) }, { author: t(40), text: t(41), datePublished: '2026-05-04T22:00:00+02:00' }] },
  };
}
const TEXT_FIELDS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41];
const ALT_FIELDS = [7, 22];

test(`${texts.length} XSS payloads in every text field are shown as written and never run`, async () => {
  assert.ok(texts.length >= 150, `${texts.length} payloads`);
  const results = await page.evaluate(renderAll, texts.map(articleWith));
  const failures = [];
  results.forEach((r, i) => {
    const p = texts[i];
    const t = (n) => `${p} #${n}`;
    if (r.event.type !== 'folio:rendered') { failures.push(`${JSON.stringify(p)}: ${r.event.type} ${JSON.stringify(r.event.detail)}`); return; }
    for (const n of TEXT_FIELDS) if (!r.text.includes(t(n))) failures.push(`${JSON.stringify(p)}: field #${n} not shown as written`);
    for (const n of ALT_FIELDS) if (!r.alts.includes(t(n))) failures.push(`${JSON.stringify(p)}: alt #${n} not kept as written`);
    if (r.lang !== p) failures.push(`${JSON.stringify(p)}: lang attribute is ${JSON.stringify(r.lang)}`);
    if (r.text.includes(t(99))) failures.push(`${JSON.stringify(p)}: the block of unknown type was shown`);
    if (r.linkedTexts.some((a) => a.includes(t(36)))) failures.push(`${JSON.stringify(p)}: the javascript: item became a link`);
    if (r.strayIds.length) failures.push(`${JSON.stringify(p)}: unprefixed ids ${r.strayIds}`);
    if (r.named.length) failures.push(`${JSON.stringify(p)}: name attributes ${r.named}`);
  });
  const { calls, violations, api } = await page.evaluate(() => ({
    calls: window.__calls, violations: window.__violations,
    api: typeof window.folio.render === 'function' && typeof document.getElementById === 'function' && document.forms.length === 0,
  }));
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  assert.deepEqual(calls, [], 'a payload ran');
  assert.deepEqual(violations, [], 'forbidden elements or attributes appeared');
  assert.ok(api, 'window.folio, document.getElementById and document.forms are untouched');
  assert.deepEqual(context.problems, []);
  console.log(`xss: ${texts.length} payloads x ${TEXT_FIELDS.length + ALT_FIELDS.length + 1} fields (text, alt, lang) shown as written`);
});

test('payloads quoted in error messages are shown as text too', async () => {
  // A wrong type quotes the value found (its first 40 characters), as does a bad timestamp.
  const documents = texts.flatMap((p) => [
    { version: p, headline: 'h', datePublished: '2026-01-01T00:00:00Z', body: [] },
    { headline: 'h', datePublished: p, body: [] },
  ]);
  const results = await page.evaluate(renderAll, documents);
  const failures = [];
  results.forEach((r, i) => {
    const p = texts[i >> 1];
    if (r.event.type !== 'folio:error' || r.alert === null) { failures.push(`${JSON.stringify(p)}: no alert`); return; }
    const expected = [...p].slice(0, 40).join('');
    if (!r.alert.includes(expected)) failures.push(`${JSON.stringify(p)}: alert "${r.alert.slice(0, 100)}" does not quote it`);
    if (!r.event.detail.message.includes(expected)) failures.push(`${JSON.stringify(p)}: folio:error message does not quote it`);
    if (r.event.detail.path !== (i % 2 ? 'datePublished' : 'version')) failures.push(`${JSON.stringify(p)}: path ${r.event.detail.path}`);
  });
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  assert.deepEqual(await page.evaluate(() => [window.__calls, window.__violations]), [[], []]);
});

test('payloads in a fetched list page are shown as text', async () => {
  const items = texts.map((p, i) => ({ title: `${p} #t${i}`, url: `/item/${i}`, source: `${p} #s${i}` }));
  server.handlers.set('/xss-list.json', (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ items })));
  try {
    const result = await page.evaluate(async () => {
      const mount = document.body.appendChild(document.createElement('div'));
      const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
      window.folio.render(mount, { headline: 'Lists', datePublished: '2026-01-01T00:00:00Z', body: [], lists: [{ title: 'More', src: '/xss-list.json' }] });
      await rendered;
      mount.scrollIntoView();
      const deadline = Date.now() + 10000;
      while (mount.querySelectorAll('.folio-related-item:not(.folio-placeholder)').length === 0 && Date.now() < deadline) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      return { text: mount.textContent, count: mount.querySelectorAll('.folio-related-item:not(.folio-placeholder)').length };
    });
    assert.equal(result.count, texts.length);
    const missing = items.filter((item) => !result.text.includes(item.title) || !result.text.includes(item.source));
    assert.deepEqual(missing.map((m) => m.title).slice(0, 10), []);
    assert.deepEqual(await page.evaluate(() => [window.__calls, window.__violations]), [[], []]);
  } finally {
    server.handlers.delete('/xss-list.json');
  }
});
