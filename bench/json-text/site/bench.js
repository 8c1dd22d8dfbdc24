// Times path A (JSON.parse + serde-wasm-bindgen) against path B (String copy + serde_json) per call.
import init, { read_a, read_b } from './pkg/json_text_bench.js';

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function run() {
  await init();
  const params = new URLSearchParams(location.search);
  const order = params.get('order') ?? 'ab';
  let sink;
  const plan = [
    { name: 'seed', url: './seed.json', warmup: Number(params.get('seedWarmup') ?? 10), runs: Number(params.get('seedRuns') ?? 101) },
    { name: 'huge', url: './huge.json', warmup: Number(params.get('hugeWarmup') ?? 3), runs: Number(params.get('hugeRuns') ?? 31) },
  ];
  const results = { crossOriginIsolated: self.crossOriginIsolated, userAgent: navigator.userAgent, docs: {} };
  for (const doc of plan) {
    const text = await (await fetch(doc.url)).text(); // the JS string, made once, outside the timed region
    const blocksA = read_a(text), blocksB = read_b(text);
    for (let i = 0; i < doc.warmup; i++) { read_a(text); read_b(text); }
    const a = [], b = [], p = [];
    for (let i = 0; i < doc.runs; i++) {
      // order=ba swaps the pair (B then A) to check for an order effect; p times JSON.parse alone (JS only).
      let t, ra, rb;
      if (order === 'ba') { t = performance.now(); rb = read_b(text); b.push(performance.now() - t); }
      t = performance.now(); ra = read_a(text); a.push(performance.now() - t);
      if (order !== 'ba') { t = performance.now(); rb = read_b(text); b.push(performance.now() - t); }
      t = performance.now(); sink = JSON.parse(text); p.push(performance.now() - t);
      if (ra !== blocksA || rb !== blocksB) throw new Error('result changed');
    }
    results.docs[doc.name] = { chars: text.length, blocksA, blocksB, runs: doc.runs,
      medianA: median(a), medianB: median(b), minA: Math.min(...a), minB: Math.min(...b), medianJsonParse: median(p), order, a, b, p };
    if (!sink) throw new Error('no parse');
  }
  return results;
}
window.benchDone = run().then((r) => { document.getElementById('out').textContent = JSON.stringify(r, null, 1); return r; },
  (e) => { document.getElementById('out').textContent = String(e); throw e; });
