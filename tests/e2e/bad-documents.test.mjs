// Bad documents from JavaScript, where the native tests cannot reach: what objects hold that JSON
// text cannot (cycles, BigInt, throwing getters, Dates, NaN), lone UTF-16 surrogates, 10,000 levels
// of nesting and 20 MB of text, as objects and as text. Each gets a role="alert" and a folio:error naming the
// path, the page stays responsive, and the same mount renders a valid document afterwards.
// (Wrong types in every field, counts, levels, timestamps, roots and trailing text are pinned
// natively in tests/bad_documents.rs and tests/properties.rs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newContext, headline } from './harness.mjs';

let server, browser, context, page;
before(async () => {
  server = await startServer();
  browser = await launch();
  context = await newContext(browser);
  page = await context.newPage();
  await page.goto(`${server.origin}/?src=/fixtures/minimal.json`);
  await headline(page).waitFor();
});
after(async () => { await browser.close(); await server.close(); });

/// In the page: renders each case's document into a fresh mount and reports the event, the alert,
/// how long `folio.render` held the page, and whether a valid update renders afterwards.
async function run(cases) {
  const VALID = { headline: 'Valid after all', datePublished: '2026-01-01T00:00:00Z', body: [] };
  const next = (mount) => new Promise((resolve) => {
    for (const type of ['folio:rendered', 'folio:error']) mount.addEventListener(type, (e) => resolve({ type, detail: e.detail }), { once: true });
  });
  const results = [];
  for (const { name, make } of cases) {
    const mount = document.body.appendChild(document.createElement('div'));
    const article = new Function(`return (${make})`)()();
    const event = next(mount);
    const started = performance.now();
    let handle, threw = null;
    try { handle = window.folio.render(mount, article); } catch (e) { threw = String(e); }
    const blocked = performance.now() - started;
    const outcome = threw ? null : await event;
    // The page answers: two frames, so the first one's style, layout and paint are counted.
    const frameStarted = performance.now();
    for (let f = 0; f < 2; f += 1) await new Promise((r) => requestAnimationFrame(() => r()));
    const frame = performance.now() - frameStarted;
    const alert = mount.querySelector('[role="alert"]')?.textContent ?? null;
    const rendered = mount.querySelector('article h1')?.textContent ?? null;
    const paragraphs = mount.querySelectorAll('article p').length;
    let recovered = null;
    if (handle) {
      const again = next(mount);
      handle.update(VALID);
      recovered = (await again).type === 'folio:rendered' && mount.querySelector('article h1')?.textContent === VALID.headline && !mount.querySelector('[role="alert"]');
      handle.destroy();
    }
    mount.remove();
    results.push({ name, threw, outcome, alert, rendered, paragraphs, recovered, blocked, frame });
  }
  return results;
}

const base = `headline: 'h', datePublished: '2026-01-01T00:00:00Z'`;
/// name, the document (a function run in the page), and what must happen: the error's path and a
/// pattern its message matches, or `render` for documents the contract accepts.
const CASES = [
  // Lone UTF-16 surrogates: wasm-bindgen turns each into U+FFFD as it reads a string (README).
  ['lone high surrogate in the headline (object)', `() => ({ headline: 'a\\uD800b', datePublished: '2026-01-01T00:00:00Z', body: [] })`, 'render', 'a\uFFFDb'],
  ['lone low surrogate in a span (object)', `() => ({ ${base}, body: [{ type: 'paragraph', text: [{ text: 'x' }, { text: '\\uDC00' }] }] })`, 'render'],
  ['surrogates in the wrong order in a comment (object)', `() => ({ ${base}, body: [], comments: { count: 1, items: [{ author: 'a', text: '\\uDE00\\uD83D' }] } })`, 'render'],
  ['lone surrogate in a field name (object)', `() => ({ ${base}, body: [], ['\\uD800']: 1 })`, 'render'],
  ['a proper pair is one character (object)', `() => ({ headline: '\\uD83D\\uDE00 ok', datePublished: '2026-01-01T00:00:00Z', body: [] })`, 'render', '\u{1F600} ok'],
  ['lone surrogate escape in JSON text', `() => '{ "headline": "a\\\\ud800", "datePublished": "2026-01-01T00:00:00Z", "body": [] }'`, 'render', 'a\uFFFD'],
  // What an object can hold that JSON text cannot: it is read as it is, never stringified.
  ['a cycle in a field Folio does not read', `() => { const a = { ${base}, body: [] }; a.self = a; return a; }`, 'render'],
  ['a cycle in a field Folio reads', `() => { const s = { name: 'x' }; s.name = s; return { ${base}, body: [], section: s }; }`, 'section.name', /expected text, found an object/],
  ['a cycle kept from before a block\'s type', `() => { const t = []; t.push(t); return { ${base}, body: [{ text: t, type: 'paragraph' }] }; }`, `body[0].text${'[0]'.repeat(15)}`, /nested more than 16 levels/],
  ['a BigInt as a count', `() => ({ ${base}, body: [], comments: { count: 10n } })`, 'render'],
  ['a Symbol as a count', `() => ({ ${base}, body: [], comments: { count: Symbol('n') } })`, 'comments.count', /expected a whole number of 0 or more, found a symbol/],
  ['a getter that throws', `() => ({ ${base}, body: [], get credits() { throw new Error('no credits for you'); } })`, '', /cannot be read: no credits for you/],
  ['NaN as a count', `() => ({ ${base}, body: [], comments: { count: NaN } })`, 'comments.count', /NaN is not a count/],
  ['Infinity as a heading level', `() => ({ ${base}, body: [{ type: 'heading', level: Infinity, text: 'x' }] })`, 'body[0].level', /Infinity is not a heading level/],
  ['a Date as datePublished (not a timestamp: toJSON is not called)', `() => ({ headline: 'h', datePublished: new Date(Date.UTC(2026, 0, 1)), body: [] })`, 'datePublished', /expected an RFC 3339 timestamp/],
  ['undefined fields are absent', `() => ({ ${base}, body: [], subheadline: undefined, image: undefined })`, 'render'],
  ['a function as the body', `() => ({ ${base}, body: () => [] })`, 'body', /expected a list, found a function/],
  ['a Map as the body (read as its entries)', `() => ({ ${base}, body: new Map([[1, 2]]) })`, 'body[0]', /expected a block object, found a list/],
  ['toJSON is not called', `() => ({ toJSON: () => ({ ${base}, body: [] }) })`, 'headline', /missing/],
  // Roots that are not an object.
  ['JSON text of a string', `() => '"just text"'`, '', /root must be an object.*text/],
  ['JSON text of a list', `() => '[{ "headline": "h" }]'`, '', /root must be an object.*a list/],
  ['an array', `() => [1, 2, 3]`, '', /root must be an object.*a list/],
  ['a number', `() => 42`, '', /root must be an object/],
  ['null', `() => null`, '', /root must be an object/],
  ['undefined', `() => undefined`, '', /root must be an object/],
  ['a boolean', `() => true`, '', /root must be an object/],
  ['a Symbol', `() => Symbol('article')`, '', /root must be an object/],
  ['empty text', `() => ''`, '', /not well-formed JSON/],
  ['trailing garbage', `() => '{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] } <script>'`, '', /not well-formed JSON/],
  // The contract's own refusals, from JavaScript.
  ['a negative count', `() => ({ ${base}, body: [], comments: { count: -1 } })`, 'comments.count', /not a count/],
  ['a fractional count', `() => ({ ${base}, body: [], comments: { count: 2.5 } })`, 'comments.count', /not a count/],
  ['heading level 1', `() => ({ ${base}, body: [{ type: 'heading', level: 1, text: 'x' }] })`, 'body[0].level', /expected 2, 3, 4, 5 or 6/],
  ['an image without alt', `() => ({ ${base}, body: [{ type: 'image', src: 'a.jpg' }] })`, 'body[0].alt', /missing/],
  ['a timestamp without offset', `() => ({ headline: 'h', datePublished: '2026-01-01T00:00:00', body: [] })`, 'datePublished', /with offset/],
  ['a list of field values for an object', `() => ({ ${base}, body: [], section: ['Science'] })`, 'section', /expected an object/],
  ['a wrong field before a block\'s type', `() => ({ ${base}, body: [{ text: [{ text: 'a', bold: 'yes' }], type: 'paragraph' }] })`, 'body[0].text[0].bold', /expected true or false/],
  // Nesting and size.
  ['10,000 levels of lists (object)', `() => { let v = 1; for (let i = 0; i < 10000; i += 1) v = [v]; return { ${base}, body: [v] }; }`, 'body[0]', /expected a block object, found a list$/],
  ['10,000 levels of objects (JSON text)', `() => '{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "quote", "text": ' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000) + ' } ] }'`, 'body[0].text', /expected text or a list of spans, found an object$/],
  ['10,000 levels in a block\'s unknown field (renders)', `() => { let v = 1; for (let i = 0; i < 10000; i += 1) v = [v]; return { ${base}, body: [{ type: 'divider', extra: v }] }; }`, 'render'],
  ['10,000 levels in an unknown field (renders)', `() => { let v = 1; for (let i = 0; i < 10000; i += 1) v = [v]; return { ${base}, body: [], extra: v }; }`, 'render'],
  ['a 20 MB document (JSON text)', `() => JSON.stringify({ headline: 'Large', datePublished: '2026-01-01T00:00:00Z', body: [], padding: 'x'.repeat(20000000) })`, '', /is 20\.0 MB of JSON, more than the 5 MB Folio reads/],
];

test(`${CASES.length} bad documents from JavaScript each get an alert naming the path, and the mount recovers`, async () => {
  const results = await page.evaluate(run, CASES.map(([name, make]) => ({ name, make })));
  const failures = [];
  results.forEach((r, i) => {
    const [name, , expected, pattern] = CASES[i];
    if (r.threw) { failures.push(`${name}: folio.render threw ${r.threw}`); return; }
    if (expected === 'render') {
      if (r.outcome.type !== 'folio:rendered' || r.rendered === null) failures.push(`${name}: not rendered (${JSON.stringify(r.outcome.detail)})`);
      else if (typeof pattern === 'string' && r.rendered !== pattern) failures.push(`${name}: headline ${JSON.stringify(r.rendered)}, expected ${JSON.stringify(pattern)}`);
    } else {
      if (r.outcome.type !== 'folio:error') { failures.push(`${name}: ${r.outcome.type}, expected an error`); return; }
      if (r.outcome.detail.path !== expected) failures.push(`${name}: path ${JSON.stringify(r.outcome.detail.path)}, expected ${JSON.stringify(expected)}`);
      if (!pattern.test(r.outcome.detail.message)) failures.push(`${name}: message ${JSON.stringify(r.outcome.detail.message.slice(0, 160))} does not match ${pattern}`);
      if (r.alert === null) failures.push(`${name}: no role="alert"`);
      else if (expected && !r.alert.includes(expected)) failures.push(`${name}: the alert does not name ${expected}`);
      if (r.alert && r.alert.length > 1000) failures.push(`${name}: an alert of ${r.alert.length} characters`);
    }
    if (!r.recovered) failures.push(`${name}: a valid update did not render afterwards`);
  });
  assert.deepEqual(failures, []);
  assert.deepEqual(context.problems, []);
  const slowest = results.reduce((a, b) => (b.blocked > a.blocked ? b : a));
  console.log(`bad documents: ${CASES.length} from JavaScript; slowest render call ${Math.round(slowest.blocked)} ms (${slowest.name})`);
});

test('a document of almost 5 MB renders whole, and the page answers afterwards', async () => {
  const [result] = await page.evaluate(run, [{
    name: 'just under the limit',
    make: `() => ({ headline: 'Large', datePublished: '2026-01-01T00:00:00Z', body: Array.from({ length: 8000 }, (_, i) => ({ type: 'paragraph', text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(10) + i })) })`,
  }]);
  assert.equal(result.outcome.type, 'folio:rendered', JSON.stringify(result.outcome.detail));
  assert.ok(result.paragraphs >= 8000, `${result.paragraphs} paragraphs`);
  assert.ok(result.recovered);
  console.log(`a 4.9 MB article: folio.render returned in ${Math.round(result.blocked)} ms, drawn ${Math.round(result.frame)} ms later`);
});
