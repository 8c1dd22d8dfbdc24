// The benchmark compares like with like: for the same document and options, Folio (the built
// dist/, or FOLIO_DIST) and bench/vanilla.js show the same text and the same elements of the
// contract's HTML semantics (§3), so their timings measure the same work. No timing here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, newContext, dist, root } from './harness.mjs';
import { startBenchServer, openBenchPage } from '../../bench/lib.mjs';
import { generateArticle } from '../../bench/generate.mjs';

const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const OPTIONS = { now: '2026-05-04T20:00:00Z', timeZone: 'Asia/Taipei' };

let server, browser, context;
const pages = {};
before(async () => {
  server = await startBenchServer(dist);
  browser = await launch();
  context = await newContext(browser);
  for (const kind of ['folio', 'vanilla']) pages[kind] = await openBenchPage(context, server.origin, kind);
});
after(async () => { await browser.close(); await server.close(); });

/** Renders `doc` and reads what a reader gets: whitespace-normalised text, and the semantic elements. */
async function rendered(kind, doc, options) {
  return pages[kind].evaluate(async ([doc, options]) => {
    const mount = document.getElementById('mount');
    const done = new Promise((resolve, reject) => {
      mount.addEventListener(window.bench.event, resolve, { once: true });
      mount.addEventListener(window.bench.errorEvent, (e) => reject(new Error(e.detail.message)), { once: true });
    });
    const handle = window.bench.render(mount, doc, options);
    await done;
    const text = mount.textContent.replace(/\s+/g, ' ').trim();
    // The elements of the contract's §3, with the attributes a reader or assistive technology
    // meets (and the table of contents' <nav>); section names are resolved through
    // aria-labelledby, since ids differ per renderer.
    const TAGS = new Set(['ARTICLE', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'P', 'BLOCKQUOTE', 'CITE', 'UL', 'OL', 'LI',
      'FIGURE', 'IMG', 'FIGCAPTION', 'HR', 'TIME', 'SECTION', 'A', 'VIDEO', 'STRONG', 'EM', 'CODE', 'NAV']);
    const ATTRS = ['lang', 'dir', 'datetime', 'title', 'href', 'src', 'alt', 'width', 'height', 'poster', 'rel', 'target', 'role', 'aria-label', 'aria-hidden'];
    // Links within the article (`#folio1-where-to-look`) name ids, which start with the mount's
    // prefix: that prefix is written as `<mount>`, and the element the link leads to is named.
    const prefix = mount.querySelector('[id]')?.id.replace(/-[^]*$/, '-');
    const inPage = (href) => {
      const id = href.slice(1);
      const target = document.getElementById(id);
      const local = prefix && id.startsWith(prefix) ? `<mount>-${id.slice(prefix.length)}` : id;
      return `#${local}" to="${target && mount.contains(target) ? `${target.tagName.toLowerCase()}: ${target.textContent}` : 'nothing'}`;
    };
    const elements = [];
    for (const el of mount.querySelectorAll('*')) {
      if (!TAGS.has(el.tagName)) continue;
      let line = el.tagName.toLowerCase();
      for (const name of ATTRS) {
        if (!el.hasAttribute(name)) continue;
        const value = el.getAttribute(name);
        line += ` ${name}="${name === 'href' && value.startsWith('#') ? inPage(value) : value}"`;
      }
      const label = el.getAttribute('aria-labelledby');
      if (label) line += ` named="${document.getElementById(label)?.textContent}"`;
      elements.push(line);
    }
    handle.destroy();
    return { text, elements };
  }, [doc, options]);
}

/** Asserts equality, reporting the first difference rather than a 5,000-block diff. */
function sameList(actual, expected, what) {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      assert.fail(`${what} differ at #${i} (of ${actual.length} vs ${expected.length}):\n  folio:   ${actual[i]}\n  vanilla: ${expected[i]}`);
    }
  }
}

function sameText(folio, vanilla) {
  if (folio === vanilla) return;
  let i = 0;
  while (folio[i] === vanilla[i]) i++;
  assert.fail(`text differs at character ${i}:\n  folio:   …${folio.slice(Math.max(0, i - 60), i + 60)}\n  vanilla: …${vanilla.slice(Math.max(0, i - 60), i + 60)}`);
}

const documents = [
  ['the zh-TW sample (the typical render)', () => read('static/samples/zh-TW.json')],
  ['the English sample', () => read('static/samples/en.json')],
  ['the every-field fixture (unknown block and list style, unsafe URLs, markup in text)', () => read('tests/fixtures/every-field.json')],
  ['the minimal fixture', () => read('tests/fixtures/minimal.json')],
  ['a generated 300-block article', () => generateArticle({ blocks: 300, seed: 7 })],
  ['the benchmark\'s generated 5,000-block article', () => generateArticle({ blocks: 5000, seed: 1 })],
];

for (const [name, load] of documents) {
  test(`both renderers show the same text and elements for ${name}`, async () => {
    const doc = load();
    const folio = await rendered('folio', doc, OPTIONS);
    const vanilla = await rendered('vanilla', doc, OPTIONS);
    assert.ok(folio.text.includes(doc.headline.replace(/\s+/g, ' ')), 'Folio rendered the headline');
    sameText(folio.text, vanilla.text);
    sameList(folio.elements, vanilla.elements, 'elements');
  });
}

test('both renderers read a document given as JSON text like the same document given as an object', async () => {
  const text = fs.readFileSync(path.join(root, 'static/samples/zh-TW.json'), 'utf8');
  const folio = await rendered('folio', text, OPTIONS);
  const vanilla = await rendered('vanilla', text, OPTIONS);
  sameText(folio.text, vanilla.text);
  sameList(folio.elements, vanilla.elements, 'elements');
});

test('both renderers follow the host language and time zone where the document gives none', async () => {
  const doc = { headline: '標題', datePublished: '2026-05-04T18:00:00Z', body: [{ type: 'paragraph', text: 'x' }], comments: { count: 0 } };
  const folio = await rendered('folio', doc, { ...OPTIONS, lang: 'zh-TW' });
  const vanilla = await rendered('vanilla', doc, { ...OPTIONS, lang: 'zh-TW' });
  assert.match(folio.text, /發布/);
  sameText(folio.text, vanilla.text);
  sameList(folio.elements, vanilla.elements, 'elements');
});

test('the pages behind the cold-load comparison show the same article', async () => {
  const texts = {};
  for (const [kind, url] of [['folio', '/'], ['vanilla', '/vanilla-index.html']]) {
    const page = await context.newPage();
    await page.goto(`${server.origin}${url}`);
    await page.locator('article h1').waitFor();
    // Relative times follow the clock; compare everything else.
    texts[kind] = (await page.locator('article').textContent()).replace(/\s+/g, ' ').trim();
    await page.close();
  }
  const strip = (t) => t.replace(/\d+ (?:秒|分鐘|小時|天|週|個月|年)前|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago/g, '<ago>');
  sameText(strip(texts.folio), strip(texts.vanilla));
  assert.deepEqual(context.problems, []);
});
