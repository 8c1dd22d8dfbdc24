// The benchmark's huge article: the English sample's header, lists and comments around a
// generated body of mixed blocks (paragraphs plain and with spans, headings, quotes, lists,
// images, videos, dividers). Deterministic: the same seed gives the same document.
//
//   node bench/generate.mjs [--blocks 5000] [--seed 1] [--out huge.json]
// prints the document's size and block counts (and writes it with --out).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');

const WORDS = ('the council said on tuesday that work on the new bridge across the river would begin in spring after '
  + 'years of delay residents who have campaigned for a safer crossing welcomed the decision but warned that '
  + 'traffic during construction could cut the town in two engineers expect the steel deck to arrive by barge '
  + 'and the old span to close for six weeks while crews lift it into place local shops asked for clear signs '
  + 'and a shuttle bus a spokesperson for the transport authority promised weekly updates and a public meeting '
  + 'in the library hall the budget includes lighting cycle lanes wider pavements and a viewing platform '
  + 'funded partly by a national grant critics questioned the cost estimate and the timetable').split(' ');

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated article of `blocks` body blocks (about 200 bytes of JSON each). */
export function generateArticle({ blocks = 5000, seed = 1 } = {}) {
  const random = prng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (lo, hi) => Array.from({ length: int(lo, hi) }, () => pick(WORDS)).join(' ');
  const sentence = (lo, hi) => { const s = words(lo, hi); return `${s[0].toUpperCase()}${s.slice(1)}.`; };
  const spans = () => Array.from({ length: int(3, 7) }, (_, i) => {
    const span = { text: `${i ? ' ' : ''}${words(2, 9)}` };
    const kind = random();
    if (kind < 0.2) span.bold = true;
    else if (kind < 0.35) span.italic = true;
    else if (kind < 0.45) span.code = true;
    else if (kind < 0.6) span.href = `https://news.example.com/topic/${int(1, 999)}`;
    return span;
  });
  const text = (spanShare) => (random() < spanShare ? spans() : `${sentence(6, 14)} ${sentence(6, 14)}`);
  let figure = 0;
  const body = [];
  for (let i = 0; i < blocks; i++) {
    const r = random();
    if (r < 0.62) body.push({ type: 'paragraph', text: text(0.3) });
    else if (r < 0.67) body.push({ type: 'heading', text: sentence(3, 8) });
    else if (r < 0.70) body.push({ type: 'heading', level: 3, text: sentence(3, 8) });
    else if (r < 0.75) body.push(random() < 0.7 ? { type: 'quote', text: sentence(10, 24), cite: words(2, 4) } : { type: 'quote', text: sentence(10, 24) });
    else if (r < 0.83) body.push({ type: 'list', ordered: random() < 0.5, items: Array.from({ length: int(3, 6) }, () => (random() < 0.2 ? spans() : sentence(4, 12))) });
    else if (r < 0.91) {
      figure += 1;
      body.push({ type: 'image', src: `https://news.example.com/img/generated/${figure}.jpg`, alt: sentence(4, 10),
        caption: text(0.3), credit: `Photograph: ${words(2, 2)}`, width: 1200, height: 800 });
    } else if (r < 0.94) {
      figure += 1;
      body.push({ type: 'video', src: `https://news.example.com/video/generated/${figure}.mp4`,
        poster: `https://news.example.com/img/generated/${figure}-poster.jpg`, caption: sentence(6, 14) });
    } else if (r < 0.97) body.push({ type: 'divider' });
    else body.push({ type: 'paragraph', text: sentence(16, 32) });
  }
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'static/samples/en.json'), 'utf8'));
  return { ...sample, id: `generated-${blocks}-${seed}`, headline: `${sample.headline} (generated, ${blocks} blocks)`, body };
}

/** The same document with body paragraph number `index` (among paragraphs) given new text. */
export function withParagraphChanged(doc, index, text) {
  let seen = -1;
  const body = doc.body.map((block) => {
    if (block.type !== 'paragraph') return block;
    seen += 1;
    return seen === index ? { ...block, text } : block;
  });
  return { ...doc, body };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
  const doc = generateArticle({ blocks: Number(arg('blocks', 5000)), seed: Number(arg('seed', 1)) });
  const json = JSON.stringify(doc);
  const counts = {};
  for (const b of doc.body) counts[b.type] = (counts[b.type] || 0) + 1;
  console.log(`${doc.body.length} blocks, ${(json.length / 1e6).toFixed(2)} MB of JSON`, counts);
  const out = arg('out');
  if (out) fs.writeFileSync(out, json);
}
