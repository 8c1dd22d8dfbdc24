// The body's blocks come in parts of 32 (`div.folio-body-part`). A part has no box of its own, so
// the space between two blocks is the same whether a part's edge lies between them or not; this
// holds it to that for every pair of block kinds, at a phone's width and a desktop's (laying parts
// out on their own, as `content-visibility` would, breaks it unless the parts take the margins).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newContext, headline } from './harness.mjs';

const PART = 32;
const KINDS = {
  paragraph: { type: 'paragraph', text: 'A paragraph of the body, long enough to wrap onto a second line on a narrow phone screen.' },
  heading2: { type: 'heading', text: 'A section heading' },
  heading3: { type: 'heading', level: 3, text: 'A smaller heading' },
  quote: { type: 'quote', text: 'Something somebody said.', cite: 'Somebody' },
  list: { type: 'list', items: ['one item', 'another item'] },
  numbered: { type: 'list', ordered: true, items: ['first', 'second'] },
  image: { type: 'image', src: '/fixtures/none.jpg', alt: 'A picture', caption: 'What it shows', credit: 'Photograph: Folio', width: 1200, height: 800 },
  video: { type: 'video', src: '/fixtures/none.mp4', caption: 'What it shows' },
  divider: { type: 'divider' },
};

/** One part per pair of kinds (X, Y): X and Y side by side inside the part, and X again as the
 * part's last block, with Y first in the next part. */
function pairsDocument() {
  const names = Object.keys(KINDS);
  const pairs = names.flatMap((x) => names.map((y) => [x, y]));
  const filler = () => ({ ...KINDS.paragraph });
  const body = [];
  pairs.forEach(([x, y], i) => {
    const part = [i === 0 ? filler() : { ...KINDS[pairs[i - 1][1]] }, filler(), filler(), { ...KINDS[x] }, { ...KINDS[y] }];
    while (part.length < PART - 1) part.push(filler());
    part.push({ ...KINDS[x] });
    body.push(...part);
  });
  body.push({ ...KINDS[pairs.at(-1)[1]] }, filler());
  return { pairs, doc: { headline: 'Spacing at the edges of parts', datePublished: '2026-05-05T00:00:00Z', body } };
}

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

for (const width of [390, 1280]) {
  test(`blocks are spaced alike inside a part and across a part's edge (${width} px)`, async () => {
    const context = await newContext(browser, { viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/?src=/fixtures/minimal.json`);
    await headline(page).waitFor();
    const { pairs, doc } = pairsDocument();
    const gaps = await page.evaluate(async ([doc, size]) => {
      const mount = document.body.appendChild(document.createElement('div'));
      const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
      window.folio.render(mount, doc, { now: '2026-05-05T00:00:00Z' });
      await rendered;
      const parts = [...mount.querySelectorAll('.folio-body > .folio-body-part')];
      const gap = (a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().bottom;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const gaps = [];
      // A part off screen is not laid out (that is the point), so each edge is brought on screen
      // and measured once the browser has drawn it.
      for (const [i, part] of parts.slice(0, -1).entries()) {
        const blocks = part.children;
        blocks[size - 1].scrollIntoView({ block: 'center' });
        await frame();
        const inside = gap(blocks[3], blocks[4]);
        gaps.push({ size: blocks.length, inside, across: gap(blocks[size - 1], parts[i + 1].children[0]) });
      }
      return gaps;
    }, [doc, PART]);
    assert.equal(gaps.length, pairs.length, 'one part per pair, and one more');
    const wrong = gaps.flatMap(({ inside, across }, i) => (Math.abs(inside - across) > 0.5 ? [`${pairs[i].join(' → ')}: ${inside} inside, ${across} across`] : []));
    assert.deepEqual(wrong, [], 'the same space between the same two kinds of block');
    assert.ok(gaps.every(({ size }) => size === PART), 'every part holds 32 blocks');
    assert.deepEqual(context.problems, []);
    await context.close();
  });
}

test('every part of a long article is in the accessibility tree and found by find-in-page', async () => {
  // `content-visibility: auto` on the parts would skip laying out those off screen, and Chromium
  // then leaves their contents out of the accessibility tree: a screen reader would not reach them
  // (measured: 582 nodes against 13,101 for this document). This keeps it out.
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=/fixtures/minimal.json`);
  await headline(page).waitFor();
  const { doc } = pairsDocument();
  doc.body.push({ type: 'paragraph', text: 'The very last words of a long article.' });
  await page.evaluate(async (doc) => {
    const mount = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'long' }));
    const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
    window.folio.render(mount, doc, { now: '2026-05-05T00:00:00Z' });
    await rendered;
    mount.querySelector('.folio-body-part').scrollIntoView();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, doc);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const named = (query) => cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, ...query }).then((r) => r.nodes.filter((n) => !n.ignored));
  assert.equal((await named({ accessibleName: 'The very last words of a long article.' })).length, 1, 'a screen reader reaches the last paragraph');
  const headings = doc.body.filter((block) => block.type === 'heading').length;
  assert.ok((await named({ role: 'heading' })).length > headings, 'and every section heading');
  assert.ok(await page.evaluate(() => window.find('The very last words of a long article')), 'find-in-page reaches it');
  assert.deepEqual(context.problems, []);
  await context.close();
});
