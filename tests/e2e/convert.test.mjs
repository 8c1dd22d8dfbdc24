// Converted newsroom formats in Chromium: every good ANS story fixture (../shared/formats, read
// only when present; CI has them) that `folio-convert` converts is rendered by the browser build
// with its headline, byline, dates and the text of every paragraph, heading, list item, table cell
// and code block of the converted document; the Portable Text reference article too. The
// conversions themselves are checked natively (tests/convert.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { root, startServer, launch, newContext } from './harness.mjs';

const binary = path.join(root, 'target/debug/folio-convert');
const ans = path.join(root, '../shared/formats/ans/0.10.12');
let server, browser;

before(async () => {
  execFileSync('cargo', ['build', '--locked', '--quiet', '--bin', 'folio-convert'], { cwd: root, stdio: 'inherit' });
  server = await startServer();
  server.handlers.set('/blank.html', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(
    '<!doctype html><html><head><link rel="stylesheet" href="/folio.css"></head><body><div id="mount"></div><script type="module" src="/folio-start.js"></script></body></html>'));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Every text a reader should find in the article, from the converted document's body. */
function texts(document) {
  const out = [];
  const inline = (t) => { if (typeof t === 'string') out.push(t); else if (Array.isArray(t)) out.push(t.map((s) => s.text + (s.lineBreak ? ' ' : '')).join('')); };
  const item = (i) => { if (i && typeof i === 'object' && !Array.isArray(i)) { inline(i.text); (i.items || []).forEach(item); } else inline(i); };
  for (const block of document.body) {
    if (['paragraph', 'heading', 'quote'].includes(block.type)) inline(block.text);
    if (block.type === 'list') block.items.forEach(item);
    if (block.type === 'table') block.rows.flat().forEach(inline);
    if (block.type === 'code') out.push(block.text);
  }
  return out.map(squash).filter(Boolean);
}

async function rendered(page, document) {
  return page.evaluate(async (doc) => {
    const mount = document.getElementById('mount');
    const done = new Promise((resolve, reject) => {
      mount.addEventListener('folio:rendered', resolve, { once: true });
      mount.addEventListener('folio:error', (e) => reject(new Error(`${e.detail.path}: ${e.detail.message}`)), { once: true });
    });
    const handle = window.folio.render(mount, doc);
    await done;
    const article = mount.querySelector('article');
    const out = {
      headline: article.querySelector('h1').textContent,
      authors: [...article.querySelectorAll('.folio-authors a, .folio-authors span:not(.folio-authors)')].map((e) => e.textContent),
      times: [...article.querySelectorAll('time')].map((t) => t.getAttribute('datetime')),
      text: article.innerText,
      tables: article.querySelectorAll('table').length,
    };
    handle.destroy();
    return out;
  }, document);
}

test('every good ANS story that converts renders in Chromium with its headline, byline, dates and text', { skip: !fs.existsSync(ans) && 'no ../shared/formats here' }, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/blank.html`);
  await page.waitForFunction(() => window.folio);
  const stories = fs.readdirSync(ans).filter((f) => /^story-fixture-(good|references|tiny-house)/.test(f)).sort();
  let shown = 0;
  for (const file of stories) {
    let run = spawnSync(binary, ['--from', 'ans', path.join(ans, file)], { encoding: 'utf8' });
    // A draft (no date at all) converts with the date given; a story without a headline cannot.
    if (run.status !== 0 && /^folio-convert: .*display_date/m.test(run.stderr)) {
      run = spawnSync(binary, ['--from', 'ans', '--date', '2026-01-01T08:00:00Z', path.join(ans, file)], { encoding: 'utf8' });
    }
    if (run.status !== 0) { assert.match(run.stderr, /headlines\.basic/, `${file}: ${run.stderr}`); continue; }
    const document = JSON.parse(run.stdout);
    const seen = await rendered(page, document);
    assert.equal(seen.headline, document.headline, file);
    assert.deepEqual(seen.authors, (document.authors || []).map((a) => a.name), file);
    assert.equal(seen.times[0], document.datePublished, file);
    if (document.dateModified) assert.ok(seen.times.includes(document.dateModified), file);
    const text = squash(seen.text);
    for (const t of texts(document)) assert.ok(text.includes(t), `${file}: "${t.slice(0, 60)}" is not on the page`);
    shown++;
  }
  assert.ok(shown >= 10, `${shown} stories shown`);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a Portable Text article converts and renders with its nested lists, marks and line breaks', async () => {
  const run = spawnSync(binary, ['--from', 'portable-text', path.join(root, 'tests/fixtures/convert/pt-article.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const document = JSON.parse(run.stdout);
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/blank.html`);
  await page.waitForFunction(() => window.folio);
  const seen = await rendered(page, document);
  assert.equal(seen.headline, document.headline);
  const text = squash(seen.text);
  for (const t of texts(document)) assert.ok(text.includes(t), `"${t}" is not on the page`);
  assert.deepEqual(context.problems, []);
  await context.close();
});
