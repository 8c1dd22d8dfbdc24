// The published JSON Schema (static/article.schema.json, generated from the model types by
// tests/schema.rs) against real documents: it accepts every sample, fixture and contract example
// the renderer accepts, and refuses the documents the renderer refuses. No browser needed.
//
// `format` (date-time, uint32) is an annotation here unless ajv-formats happens to be installed;
// the schema's own patterns still check the shape of timestamps and headlines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contract = path.resolve(root, '../shared/contract');
const hasContract = fs.existsSync(contract);

let addFormats = null;
try {
  ({ default: addFormats } = await import('ajv-formats'));
} catch {
  // Not installed (and not a dependency on purpose): formats stay annotations.
}
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: addFormats !== null });
addFormats?.(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, 'static/article.schema.json'), 'utf8')));

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const jsonFiles = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));

function assertAccepted(doc, what) {
  assert.ok(validate(doc), `${what} should be accepted: ${ajv.errorsText(validate.errors)}`);
}

function assertRejected(doc, what) {
  assert.equal(validate(doc), false, `${what} should be refused`);
}

/// The smallest article the renderer accepts; each refusal below breaks one thing in it.
const minimal = () => ({ headline: 'A headline', datePublished: '2026-01-01T00:00:00Z', body: [] });

for (const file of [...jsonFiles(path.join(root, 'static/samples')), ...jsonFiles(path.join(root, 'tests/fixtures'))]) {
  test(`the schema accepts ${path.relative(root, file)}`, () => {
    assertAccepted(readJson(file), path.relative(root, file));
  });
}

test('the schema accepts every article among the contract examples', { skip: !hasContract && '../shared/contract not found' }, () => {
  const articles = jsonFiles(path.join(contract, 'examples')).filter((file) => 'headline' in readJson(file));
  assert.ok(articles.length > 0, 'the contract has example articles');
  for (const file of articles) assertAccepted(readJson(file), `examples/${path.basename(file)}`);
});

test('the schema refuses every well-formed document the contract lists as invalid', { skip: !hasContract && '../shared/contract not found' }, () => {
  let checked = 0;
  for (const file of jsonFiles(path.join(contract, 'invalid'))) {
    let doc;
    try {
      doc = readJson(file);
    } catch {
      continue; // Not JSON at all (truncated.json): a JSON parser refuses it before any schema.
    }
    assertRejected(doc, `invalid/${path.basename(file)}`);
    checked += 1;
  }
  assert.ok(checked > 0, 'the contract has invalid documents');
});

test('the minimal article the refusals below start from is accepted', () => {
  assertAccepted(minimal(), 'the minimal article');
});

test('unknown fields, unknown block types and unknown list styles are accepted for forward compatibility', () => {
  assertAccepted({
    ...minimal(),
    sponsor: { name: 'Someone' },
    body: [{ type: 'paragraph', text: 'Known.', align: 'centre' }, { type: 'carousel', slides: [1, 2] }],
    lists: [{ title: 'More', style: 'carousel', items: [] }],
  }, 'a document from a newer publisher');
});

test('null in an optional field means absent and is accepted', () => {
  assertAccepted({
    ...minimal(),
    version: null, lang: null, authors: null, tags: null, lists: null, image: null, comments: null,
    body: [{ type: 'heading', level: null, text: 'Title' }, { type: 'list', ordered: null, items: [[{ text: 'a', bold: null, href: null }]] }],
  }, 'optional fields set to null');
});

test('a document without a headline is refused', () => {
  const { headline, ...doc } = minimal();
  assertRejected(doc, 'no headline');
});

test('a blank headline is refused, including one of non-ASCII spaces', () => {
  assertRejected({ ...minimal(), headline: '   ' }, 'headline "   "');
  assertRejected({ ...minimal(), headline: '\u00a0\u3000\n' }, 'headline of no-break and ideographic spaces');
});

test('contract version 2 is refused', () => {
  assertRejected({ ...minimal(), version: 2 }, 'version 2');
});

test('heading level 7 is refused', () => {
  assertRejected({ ...minimal(), body: [{ type: 'heading', level: 7, text: 'Too deep' }] }, 'heading level 7');
});

test('a comment count of -1 is refused', () => {
  assertRejected({ ...minimal(), comments: { count: -1 } }, 'comments.count -1');
});

test('a paragraph whose text is a number is refused', () => {
  assertRejected({ ...minimal(), body: [{ type: 'paragraph', text: 42 }] }, 'body[0].text 42');
});

test('a timestamp without an offset is refused', () => {
  assertRejected({ ...minimal(), datePublished: '2026-01-01T00:00:00' }, 'datePublished without offset');
});

test('a root that is an array is refused', () => {
  assertRejected([minimal()], 'an array root');
});
