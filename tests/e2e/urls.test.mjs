// Hostile URLs: every URL of tests/fixtures/xss/urls.json goes into every URL field of an article.
// No element may carry an href, src or poster with another scheme than http(s) or mailto; the text
// the URL belonged to stays visible, unlinked; nothing is requested with a hostile scheme; links
// that open a new tab carry rel="noopener noreferrer".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newContext, headline, root } from './harness.mjs';

const corpus = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/xss/urls.json'), 'utf8'));
const all = [...corpus.hostile, ...corpus.inert];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/// The names whose URL field is `url(n)`; each must stay visible, and unlinked when it is hostile.
const NAMES = ['SECTION-NAME', 'PUBLISHER-NAME', 'AUTHOR-NAME', 'SPAN-TEXT', 'TAG-NAME', 'ITEM-TITLE'];

/// An article with URL field number n set to `url(n)`: 20 fields.
function articleWith(url) {
  return {
    headline: 'Hostile URLs', datePublished: '2026-05-04T20:00:00Z', url: url(0),
    section: { name: 'SECTION-NAME', url: url(1) },
    publisher: { name: 'PUBLISHER-NAME', url: url(2), logo: url(3) },
    authors: [{ name: 'AUTHOR-NAME', url: url(4) }],
    image: { src: url(5), alt: 'LEAD-ALT' },
    body: [
      { type: 'paragraph', text: [{ text: 'SPAN-TEXT', href: url(6) }] },
      { type: 'image', src: url(7), alt: 'FIGURE-ALT', caption: 'FIGURE-CAPTION' },
      { type: 'video', src: url(8), poster: url(9), caption: 'VIDEO-CAPTION' },
      { type: 'video', src: '/fixtures/none.mp4', poster: url(10) },
    ],
    originalUrl: url(11),
    tags: [{ name: 'TAG-NAME', url: url(12) }],
    lists: [
      { title: 'LIST-A', style: 'video', src: url(13), moreUrl: url(14), items: [{ title: 'ITEM-TITLE', url: url(15), image: url(16), article: url(17) }] },
      { title: 'LIST-B', items: [{ title: 'ITEM-SAFE', url: '#safe', article: url(18) }] },
    ],
    comments: { count: 1, url: url(19), items: [] },
  };
}
const FIELDS = 20;

/// In the page: every URL-bearing attribute in `root` with the protocol the browser reads.
function urlAttributes(root) {
  const NAMES = ['href', 'src', 'poster', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'background', 'ping', 'cite'];
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      if (!NAMES.includes(name)) continue;
      let protocol = 'unparsable:';
      try { protocol = new URL(value, document.baseURI).protocol; } catch { /* loads nothing */ }
      out.push({ element: el.localName, name, value, protocol });
    }
  }
  return out;
}

const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'unparsable:'];

async function pageWithRequests(context, url) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await headline(page).waitFor();
  return { page, requests };
}

test(`${all.length} obfuscated URLs in ${FIELDS} URL fields are never linked or loaded unless the browser reads http(s) or mailto`, async () => {
  assert.ok(corpus.hostile.length >= 40);
  const context = await newContext(browser);
  const { page, requests } = await pageWithRequests(context, `${server.origin}/?src=/fixtures/minimal.json`);
  const results = await page.evaluate(async ({ urls, docs, names, attributes }) => {
    const urlAttributes = new Function(`return (${attributes})`)();
    const out = [];
    for (let i = 0; i < urls.length; i += 1) {
      const raw = urls[i];
      let protocol = 'unparsable:';
      try { protocol = new URL(raw, document.baseURI).protocol; } catch { /* not a URL at all */ }
      const mount = document.body.appendChild(document.createElement('div'));
      const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
      const handle = window.folio.render(mount, docs[i], { now: '2026-05-05T00:00:00Z' });
      await rendered;
      const navigations = [];
      mount.addEventListener('folio:navigate', (e) => { navigations.push(e.detail.url); e.preventDefault(); });
      // The item whose own link is safe but whose `article` is not: a click is an ordinary link.
      [...mount.querySelectorAll('a')].find((a) => a.textContent === 'ITEM-SAFE')?.click();
      const links = [...mount.querySelectorAll('a')];
      out.push({
        raw, protocol,
        attributes: urlAttributes(mount),
        text: mount.textContent,
        linkedNames: names.filter((n) => links.some((a) => a.textContent.includes(n))),
        media: [...mount.querySelectorAll('img, video')].map((e) => e.outerHTML.slice(0, 120)),
        newTabs: links.filter((a) => a.target === '_blank').map((a) => a.rel),
        navigations,
      });
      handle.destroy();
      mount.remove();
    }
    return out;
  }, { urls: all, docs: all.map((u) => articleWith(() => u)), names: NAMES, attributes: urlAttributes.toString() });

  const failures = [];
  let hostileSeen = 0;
  for (const r of results) {
    const hostile = !SAFE_PROTOCOLS.includes(r.protocol);
    if (corpus.hostile.includes(r.raw) !== hostile) failures.push(`${JSON.stringify(r.raw)}: the corpus says ${corpus.hostile.includes(r.raw) ? 'hostile' : 'inert'}, the browser reads ${r.protocol}`);
    for (const a of r.attributes) {
      if (!SAFE_PROTOCOLS.includes(a.protocol)) failures.push(`${JSON.stringify(r.raw)}: <${a.element} ${a.name}="${a.value}">`);
    }
    for (const name of [...NAMES, 'FIGURE-CAPTION', 'VIDEO-CAPTION', 'ITEM-SAFE']) {
      if (!r.text.includes(name)) failures.push(`${JSON.stringify(r.raw)}: ${name} is not visible`);
    }
    for (const rel of r.newTabs) {
      if (!rel.split(/\s+/).includes('noopener') || !rel.split(/\s+/).includes('noreferrer')) failures.push(`${JSON.stringify(r.raw)}: a new-tab link has rel="${rel}"`);
    }
    // A URL the browser cannot read is no link and loads nothing either: no attribute carries it,
    // and its text stays plain (a click on such a link in a new tab is a blocked pop-up).
    for (const a of r.attributes) {
      if (a.protocol === 'unparsable:') failures.push(`${JSON.stringify(r.raw)}: <${a.element} ${a.name}="${a.value}"> does not parse`);
    }
    if (r.protocol === 'unparsable:' && r.linkedNames.length) failures.push(`${JSON.stringify(r.raw)}: ${r.linkedNames} became links though the URL does not parse`);
    if (hostile) {
      hostileSeen += 1;
      if (r.linkedNames.length) failures.push(`${JSON.stringify(r.raw)}: ${r.linkedNames} became links`);
      // An image that cannot be loaded shows its alt text in its place.
      for (const alt of ['LEAD-ALT', 'FIGURE-ALT']) if (!r.text.includes(alt)) failures.push(`${JSON.stringify(r.raw)}: ${alt} is not visible`);
      if (r.navigations.length) failures.push(`${JSON.stringify(r.raw)}: clicking an item with that article navigated in place to ${r.navigations}`);
      // Only the video with a safe source may remain, and without the poster.
      if (r.media.length !== 1 || !r.media[0].startsWith('<video') || r.media[0].includes('poster')) failures.push(`${JSON.stringify(r.raw)}: media ${r.media}`);
    }
  }
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  assert.equal(hostileSeen, corpus.hostile.length);
  // mailto: is allowed (an <img src="mailto:…"> loads nothing); any other scheme is not.
  const badRequests = requests.filter((u) => !/^(https?|mailto):/i.test(u));
  assert.deepEqual(badRequests, [], 'requests with another scheme');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !/^(https?|mailto):/i.test(n)));
  assert.deepEqual(loaded, [], 'resources loaded with another scheme');
  assert.deepEqual(context.problems, []);
  console.log(`urls: ${all.length} URLs (${corpus.hostile.length} hostile) x ${FIELDS} fields`);
  await context.close();
});

test('in fetched documents, where relative URLs resolve against the JSON, hostile URLs are refused too', async () => {
  const context = await newContext(browser);
  const failures = [];
  const requests = [];
  // Each document spreads the corpus over its fields, so four documents hold every URL.
  for (let offset = 0, n = 0; offset < all.length; offset += FIELDS, n += 1) {
    const doc = articleWith((field) => all[(offset + field) % all.length]);
    server.handlers.set(`/docs/hostile-${n}.json`, (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(doc)));
    const { page, requests: seen } = await pageWithRequests(context, `${server.origin}/?src=/docs/hostile-${n}.json`);
    const attributes = await page.evaluate(`(${urlAttributes})(document.querySelector('article'))`);
    for (const a of attributes) if (!SAFE_PROTOCOLS.includes(a.protocol)) failures.push(`document ${n}: <${a.element} ${a.name}="${a.value}">`);
    requests.push(...seen);
    await page.close();
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(requests.filter((u) => !/^(https?|mailto):/i.test(u)), []);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('safe URLs in every field become links and sources, and a new tab gets rel="noopener noreferrer"', async () => {
  const context = await newContext(browser);
  const { page } = await pageWithRequests(context, `${server.origin}/?src=/fixtures/minimal.json`);
  const result = await page.evaluate(async (doc) => {
    const mount = document.body.appendChild(document.createElement('div'));
    const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
    window.folio.render(mount, doc, { now: '2026-05-05T00:00:00Z' });
    await rendered;
    const links = [...mount.querySelectorAll('a[href]')];
    return {
      linked: links.map((a) => a.textContent),
      newTabs: links.filter((a) => a.target === '_blank').map((a) => ({ href: a.getAttribute('href'), rel: a.rel })),
      sources: [...mount.querySelectorAll('[src], [poster]')].map((e) => e.getAttribute('src') || e.getAttribute('poster')),
    };
  }, articleWith((n) => (n % 3 === 0 ? `https://example.org/${n}` : n % 3 === 1 ? `/fixtures/${n}.json` : `MAILTO:desk${n}@example.org`)));
  for (const name of ['SECTION-NAME', 'PUBLISHER-NAME', 'AUTHOR-NAME', 'SPAN-TEXT', 'TAG-NAME', 'ITEM-TITLE']) {
    assert.ok(result.linked.some((t) => t.includes(name)), `${name} is a link`);
  }
  // mailto: is a link, never something to load: those fields stay without a source.
  assert.deepEqual(result.sources.filter((u) => /^mailto:/i.test(u)), []);
  assert.ok(result.sources.length >= 3, `${result.sources.length} elements load something`);
  assert.ok(result.newTabs.length >= 1, 'the original article opens in a new tab');
  for (const { href, rel } of result.newTabs) assert.deepEqual(rel.split(/\s+/).sort(), ['noopener', 'noreferrer'], href);
  await context.close();
});
