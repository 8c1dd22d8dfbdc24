// A long article reaches the screen in steps (src/progressive.rs): the top first, the rest in
// order, and `folio:rendered` only once all of it is there, when find-in-page and a shared link to
// a late section work. An update re-renders only what changed. No timing here (bench/ has that).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newContext, headline } from './harness.mjs';
import { generateArticle } from '../../bench/generate.mjs';

const LONG = generateArticle({ blocks: 3000, seed: 5 });
const NOW = '2026-05-05T00:00:00Z';

/** The body's blocks, in order (they come in parts: `div.folio-body-part`). */
const BLOCKS = ':scope > .folio-body-part > *';

/** The text a reader sees for one body block of the generated document. */
const plain = (text) => (typeof text === 'string' ? text : text.map((span) => span.text).join(''));

let server, browser, context;
before(async () => {
  server = await startServer();
  server.handlers.set('/long.json', (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(LONG)));
  browser = await launch();
  context = await newContext(browser);
});
after(async () => { await browser.close(); await server.close(); });

async function apiPage() {
  const page = await context.newPage();
  await page.goto(`${server.origin}/?src=/fixtures/minimal.json`);
  await headline(page).waitFor();
  return page;
}

test('a long article arrives in steps, in order, and folio:rendered comes once it is complete', async () => {
  const page = await apiPage();
  const seen = await page.evaluate(async ([doc, now, blocks]) => {
    const mount = document.body.appendChild(document.createElement('div'));
    // What the body held at each change, and whether it said it was still busy.
    const steps = [];
    let events = 0;
    new MutationObserver(() => {
      const body = mount.querySelector('.folio-body');
      if (body) steps.push({ blocks: body.querySelectorAll(blocks).length, busy: body.getAttribute('aria-busy'), events });
    }).observe(mount, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', () => { events += 1; resolve(); }));
    window.folio.render(mount, doc, { now });
    await rendered;
    const body = mount.querySelector('.folio-body');
    const atEvent = { blocks: body.querySelectorAll(blocks).length, busy: body.getAttribute('aria-busy'), texts: [...body.querySelectorAll(blocks)].map((b) => b.textContent) };
    // Two frames later: a step still pending would have run (steps go one per frame).
    for (let f = 0; f < 2; f += 1) await new Promise((r) => requestAnimationFrame(() => r()));
    const last = [...body.querySelectorAll(blocks)].filter((b) => b.localName === 'p').at(-1).textContent.trim().slice(0, 40);
    return { steps, atEvent, events, found: window.find(last) };
  }, [LONG, NOW, BLOCKS]);
  const partial = seen.steps.filter((s) => s.blocks > 0 && s.blocks < LONG.body.length);
  assert.ok(partial.length >= 2, `the body grew in steps: ${JSON.stringify(seen.steps.map((s) => s.blocks))}`);
  assert.ok(partial.every((s) => s.busy === 'true' && s.events === 0), 'aria-busy while it grows, and no event yet');
  const sizes = seen.steps.map((s) => s.blocks);
  assert.deepEqual(sizes, [...sizes].sort((a, b) => a - b), 'blocks are only ever added');
  assert.equal(seen.atEvent.blocks, LONG.body.length, 'every block is in when folio:rendered comes');
  assert.equal(seen.atEvent.busy, null, 'and the body is no longer busy');
  assert.equal(seen.events, 1, 'one folio:rendered for one render');
  LONG.body.forEach((block, i) => {
    const expected = block.text ? plain(block.text) : block.items ? block.items.map(plain).join('') : null;
    if (expected) assert.ok(seen.atEvent.texts[i].replace(/\s+/g, '').includes(expected.replace(/\s+/g, '')), `block ${i} in its place`);
  });
  assert.ok(seen.found, 'find-in-page finds the last paragraph');
  await page.close();
});

test('a shared link to a section far down a long article opens at that section', async () => {
  const page = await apiPage();
  // The id of the last section heading, as the static page names it.
  const id = await page.evaluate(async (doc) => {
    const mount = document.body.appendChild(document.createElement('div'));
    const rendered = new Promise((resolve) => mount.addEventListener('folio:rendered', resolve, { once: true }));
    window.folio.render(mount, doc, {});
    await rendered;
    const headings = mount.querySelectorAll('.folio-body h2[id], .folio-body h3[id]');
    return headings[headings.length - 1].id.replace(/^folio\d+-/, '');
  }, LONG);
  await page.close();
  const shared = await context.newPage();
  await shared.goto(`${server.origin}/?src=/long.json#folio1-${id}`);
  await shared.waitForFunction(() => !document.querySelector('.folio-body[aria-busy]') && document.querySelector('.folio-body')?.children.length > 0);
  // The scroll happens once the last step is in; give it a frame.
  await shared.waitForFunction((id) => {
    const top = document.getElementById(`folio1-${id}`)?.getBoundingClientRect().top;
    return top !== undefined && top >= -2 && top < window.innerHeight / 2;
  }, id, { timeout: 5000 });
  const scrolled = await shared.evaluate(() => window.scrollY);
  assert.ok(scrolled > 10_000, `the page scrolled far down to the section (${scrolled} px)`);
  await shared.close();
});

/**
 * Renders `doc` into a new mount on `page`, then updates it to `next`, each time up to
 * `folio:rendered`. For every body block element after the update: the index the same element had
 * before (-1 for one made anew), and its text; and whether the body is still busy.
 */
async function renderThenUpdate(page, doc, next) {
  return page.evaluate(async ([doc, next, now, blocks]) => {
    const mount = document.body.appendChild(document.createElement('div'));
    const once = (type) => new Promise((resolve) => mount.addEventListener(type, resolve, { once: true }));
    let rendered = once('folio:rendered');
    const handle = window.folio.render(mount, doc, { now });
    await rendered;
    const before = new Map([...mount.querySelector('.folio-body').querySelectorAll(blocks)].map((el, i) => [el, i]));
    rendered = once('folio:rendered');
    handle.update(next);
    await rendered;
    const after = [...mount.querySelector('.folio-body').querySelectorAll(blocks)];
    return {
      was: after.map((el) => before.get(el) ?? -1),
      texts: after.map((el) => el.textContent),
      busy: mount.querySelector('.folio-body').hasAttribute('aria-busy'),
    };
  }, [doc, next, NOW, BLOCKS]);
}

test('an update that changes one paragraph of a long article keeps every other block as it is', async () => {
  const page = await apiPage();
  const index = LONG.body.findIndex((b, i) => i > 2000 && b.type === 'paragraph');
  const changed = { ...LONG, body: LONG.body.map((b, i) => (i === index ? { ...b, text: 'This paragraph was changed.' } : b)) };
  const result = await renderThenUpdate(page, LONG, changed);
  assert.equal(result.was.length, LONG.body.length);
  assert.equal(result.texts[index], 'This paragraph was changed.');
  assert.equal(result.was.filter((was, i) => was === i).length, LONG.body.length, 'every block element is the one that was there (the changed one has new text)');
  await page.close();
});

test('an update that adds and removes blocks near the top keeps every other block element', async () => {
  const page = await apiPage();
  // One paragraph added after block 40, block 100 removed.
  const body = [...LONG.body.slice(0, 41), { type: 'paragraph', text: 'A paragraph added.' }, ...LONG.body.slice(41, 100), ...LONG.body.slice(101)];
  const result = await renderThenUpdate(page, LONG, { ...LONG, body });
  // Where each block was before: the new one nowhere, the ones between the two changes one earlier.
  const before = (i) => (i < 41 ? i : i === 41 ? -1 : i <= 100 ? i - 1 : i);
  // The parts the two changes fall in (32 blocks each) are updated in place; every block outside
  // them must be the element that was there, though the ones after 41 moved.
  const outside = (i) => i < 32 || (i >= 65 && i < 96) || i >= 128;
  const lost = result.was.map((was, i) => (outside(i) && was !== before(i) ? i : -1)).filter((i) => i >= 0);
  assert.equal(result.was.length, LONG.body.length);
  assert.equal(result.texts[41], 'A paragraph added.');
  assert.equal(result.busy, false, 'the whole article stays on screen');
  assert.deepEqual(lost, [], 'every block element outside the changed parts is the one that was there');
  await page.close();
});

test('a run of updates, by object and by text, shows each document as a fresh render of it would', async () => {
  const page = await apiPage();
  const mismatches = await page.evaluate(async ([doc, now]) => {
    const once = (mount, type) => new Promise((resolve) => mount.addEventListener(type, (e) => resolve(e.type), { once: true }));
    const outcome = (mount) => Promise.race([once(mount, 'folio:rendered'), once(mount, 'folio:error')]);
    // A mount's ids start with its own prefix (folio2-, folio3- ...): compared without it. The
    // body's parts have no box of their own, and an update may group the blocks otherwise than a
    // fresh render (blocks added make a part of their own): compared without them.
    const html = (mount) => {
      const copy = mount.cloneNode(true);
      for (const part of copy.querySelectorAll('.folio-body-part')) part.replaceWith(...part.childNodes);
      return copy.innerHTML.replace(/folio\d+-/g, 'folioN-');
    };
    const fresh = async (next) => {
      const mount = document.body.appendChild(document.createElement('div'));
      const done = outcome(mount);
      const handle = window.folio.render(mount, next, { now });
      await done;
      const shown = html(mount);
      handle.destroy();
      mount.remove();
      return shown;
    };
    const at = (blocks, index, block) => blocks.map((b, i) => (i === index ? block : b));
    const paragraph = doc.body.findIndex((b, i) => i > 1000 && b.type === 'paragraph');
    const heading = doc.body.findIndex((b, i) => i > 2000 && b.type === 'heading');
    const one = { ...doc, body: at(doc.body, paragraph, { type: 'paragraph', text: [{ text: 'A longer paragraph than it was, ' }, { text: 'with a span', bold: true }] }) };
    const two = { ...one, body: at(one.body, heading, { type: 'heading', text: 'A heading renamed' }) };
    const three = { ...two, body: [...two.body.slice(0, 10), { type: 'divider' }, ...two.body.slice(10)] };
    const broken = { ...three, body: at(three.body, 5, { type: 'paragraph', text: 7 }) };
    const four = { ...three, body: at(three.body, paragraph + 1, { type: 'poll', question: 'skipped' }) };
    const steps = [['one paragraph, as an object', one], ['one heading, as text', JSON.stringify(two)], ['a block added', three],
      ['a block that does not read', broken], ['the same again, read', JSON.stringify(three)], ['a block of an unknown type', four]];
    const mount = document.body.appendChild(document.createElement('div'));
    let done = outcome(mount);
    const handle = window.folio.render(mount, doc, { now });
    await done;
    const mismatches = [];
    for (const [name, next] of steps) {
      done = outcome(mount);
      handle.update(next);
      const type = await done;
      const expected = await fresh(next);
      if (html(mount) !== expected) mismatches.push(`${name}: the mount differs from a fresh render (${type})`);
    }
    return mismatches;
  }, [LONG, NOW]);
  assert.deepEqual(mismatches, []);
  await page.close();
});
