#!/bin/sh
# Builds four variants (none, only A, only B, both) into out/<variant>/ with wasm-bindgen and
# wasm-opt -Oz, as the project's release build does, and prints their sizes (raw, brotli 11), and
# makes the two documents the page reads: the seed sample and a 5,000-block article.
set -eu
cd "$(dirname "$0")"
root=../..
PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for v in none a b both; do
  case $v in none) F="--no-default-features";; a) F="--no-default-features --features a";;
             b) F="--no-default-features --features b";; both) F="";; esac
  cargo build --release --target wasm32-unknown-unknown $F
  rm -rf out/$v && mkdir -p out/$v
  wasm-bindgen --target web --out-dir out/$v target/wasm32-unknown-unknown/release/json_text_bench.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int out/$v/json_text_bench_bg.wasm -o out/$v/json_text_bench_bg.wasm
done
cp $root/static/samples/zh-TW.json site/seed.json
node $root/bench/generate.mjs --blocks 5000 --seed 1 --out site/huge.json
node -e '
const fs = require("fs"), zlib = require("zlib");
for (const v of ["none", "a", "b", "both"]) {
  const w = fs.readFileSync(`out/${v}/json_text_bench_bg.wasm`);
  console.log(v.padEnd(5), w.length, zlib.brotliCompressSync(w, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
}'
