// Attributes a wasm file's code bytes to crates (and Folio's own modules) by reading its name
// section. The dist/ wasm has no names (wasm-opt drops them), so analyse a build that keeps them:
//
//   wasm-opt -Oz -g target/wasm-bindgen/release/folio_bg.wasm -o /tmp/folio_named.wasm
//   node bench/wasm-size.mjs /tmp/folio_named.wasm [--top 30] [--json out.json]
//
// `-g` keeps names without changing the code, so the sizes are those of the shipped module.
import fs from 'node:fs';
import zlib from 'node:zlib';

function reader(bytes) {
  let pos = 0;
  const r = {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    u8: () => bytes[pos++],
    leb() {
      let result = 0, shift = 0, byte;
      do { byte = bytes[pos++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return result;
    },
    str() { const n = r.leb(); const s = Buffer.from(bytes.subarray(pos, pos + n)).toString('utf8'); pos += n; return s; },
  };
  return r;
}

/** Sections, imported function count, function body sizes and names. */
export function parseWasm(bytes) {
  const r = reader(bytes);
  r.pos = 8;
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  const offsets = [];
  const names = new Map();
  while (r.pos < bytes.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.pos;
    const end = start + size;
    let name = '';
    if (id === 0) name = r.str();
    sections.push({ id, name, size });
    if (id === 2) {
      const count = r.leb();
      for (let i = 0; i < count; i++) {
        r.str(); r.str();
        const kind = r.u8();
        if (kind === 0) { r.leb(); importedFunctions++; }
        else if (kind === 1) { r.u8(); const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
        else if (kind === 2) { const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
        else if (kind === 3) { r.u8(); r.u8(); }
        else if (kind === 4) { r.u8(); r.leb(); }
      }
    } else if (id === 10) {
      const count = r.leb();
      for (let i = 0; i < count; i++) {
        const bodyStart = r.pos;
        const len = r.leb();
        r.pos += len;
        bodies.push(r.pos - bodyStart);
        offsets.push(bodyStart);
      }
    } else if (id === 0 && name === 'name') {
      while (r.pos < end) {
        const sub = r.u8();
        const subSize = r.leb();
        const subEnd = r.pos + subSize;
        if (sub === 1) {
          const count = r.leb();
          for (let i = 0; i < count; i++) { const index = r.leb(); names.set(index, r.str()); }
        }
        r.pos = subEnd;
      }
    }
    r.pos = end;
  }
  return { sections, importedFunctions, bodies, offsets, names };
}

const PRIMITIVES = new Set(['f32', 'f64', 'char', 'str', 'bool', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'T', 'U', 'F']);

/** The crate a demangled Rust symbol's code belongs to (the Self type's crate for `<X as Y>::f`). */
export function crateOf(symbol) {
  let s = symbol.replace(/::h[0-9a-f]{16}$/, '');
  if (s.startsWith('core::ptr::drop_in_place')) return 'drop glue (core::ptr::drop_in_place)';
  while (s.startsWith('<')) {
    let depth = 0, i = 0, cut = -1;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '<') depth++;
      else if (c === '>') { depth--; if (depth === 0) { cut = i; break; } }
      else if (depth === 1 && s.startsWith(' as ', i)) { cut = i; break; }
    }
    s = s.slice(1, cut < 0 ? undefined : cut).replace(/^(&mut |&|\*const |\*mut |\[|\(|dyn )+/, '');
    if (s.startsWith('impl ')) s = s.slice(5);
  }
  const first = s.split('::')[0].replace(/<.*$/, '').replace(/\[[0-9a-f]+\]$/, '');
  // Methods on primitives and blanket impls (`<T as ...>`) are the standard library's code.
  if (PRIMITIVES.has(first)) return 'core';
  return first || symbol;
}

/** Folio's own code, by module (`model`, `components`, `browser` ...). */
function folioModule(symbol) {
  const m = /folio::([a-z0-9_]+)/.exec(symbol);
  return m ? `folio::${m[1]}` : 'folio';
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && process.argv[1].endsWith('wasm-size.mjs')) {
  const file = process.argv[2];
  if (!file) { console.error('usage: node bench/wasm-size.mjs <wasm with a name section> [--top N] [--json out.json]'); process.exit(2); }
  const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
  const bytes = fs.readFileSync(file);
  const { sections, importedFunctions, bodies, offsets, names } = parseWasm(bytes);
  if (names.size === 0) { console.error(`${file} has no name section: build it with wasm-opt -g`); process.exit(1); }
  const code = bodies.reduce((a, b) => a + b, 0);
  const byCrate = new Map();
  const byFolio = new Map();
  const crateBytes = new Map();
  const functions = [];
  bodies.forEach((size, i) => {
    const name = names.get(importedFunctions + i) || `func ${importedFunctions + i}`;
    const crate = crateOf(name);
    byCrate.set(crate, (byCrate.get(crate) || 0) + size);
    (crateBytes.get(crate) || crateBytes.set(crate, []).get(crate)).push(bytes.subarray(offsets[i], offsets[i] + size));
    if (crate === 'folio') { const m = folioModule(name); byFolio.set(m, (byFolio.get(m) || 0) + size); }
    // Function components' bodies are inlined into yew's generic lifecycle, one copy per component.
    if (/CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view$/.test(name.replace(/::h[0-9a-f]{16}$/, ''))) {
      byFolio.set('(component views, inlined into yew::…::CompStateInner::view, counted under yew)', (byFolio.get('(component views, inlined into yew::…::CompStateInner::view, counted under yew)') || 0) + size);
    }
    functions.push({ name: name.replace(/::h[0-9a-f]{16}$/, ''), size, crate });
  });
  const nameSection = sections.filter((s) => s.id === 0 && s.name === 'name').reduce((a, s) => a + s.size, 0);
  const data = sections.filter((s) => s.id === 11).reduce((a, s) => a + s.size, 0);
  const total = bytes.length - nameSection;
  const brotli = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${file}: ${kb(total)} without names (code ${kb(code)} in ${bodies.length} functions, data ${kb(data)}, ${importedFunctions} imports)`);
  console.log(`(brotli of this file with names: ${kb(brotli)}; shares below are of raw code bytes)\n`);
  // Each crate's code compressed on its own: an indication of what removing it would save in
  // transfer (the parts add up to more than the whole, which shares context).
  const alone = (crate) => zlib.brotliCompressSync(Buffer.concat(crateBytes.get(crate)), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log('| crate | code | share | brotli, alone |\n| --- | ---: | ---: | ---: |');
  const crates = [...byCrate].sort((a, b) => b[1] - a[1]);
  for (const [crate, size] of crates) if (size / code >= 0.004) console.log(`| ${crate} | ${kb(size)} | ${(100 * size / code).toFixed(1)} % | ${kb(alone(crate))} |`);
  const rest = crates.filter(([, size]) => size / code < 0.004).reduce((a, [, s]) => a + s, 0);
  console.log(`| (${crates.filter(([, size]) => size / code < 0.004).length} others) | ${kb(rest)} | ${(100 * rest / code).toFixed(1)} % | |`);
  console.log('\n| Folio module | code |\n| --- | ---: |');
  for (const [m, size] of [...byFolio].sort((a, b) => b[1] - a[1])) console.log(`| ${m} | ${kb(size)} |`);
  const top = Number(arg('top', 30));
  console.log(`\n| largest functions (top ${top}) | bytes |\n| --- | ---: |`);
  for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`| \`${f.name.slice(0, 140)}\` | ${f.size} |`);
  const out = arg('json');
  if (out) fs.writeFileSync(out, JSON.stringify({ file, total, code, data, byCrate: Object.fromEntries(crates), byFolio: Object.fromEntries(byFolio), top: functions.slice(0, 200) }, null, 1));
}
