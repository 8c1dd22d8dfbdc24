// Trunk post-build hook: replaces the inline module script Trunk writes into index.html with
// `<script type="module" src="./folio-start.js">`, so the built site runs under a strict
// Content-Security-Policy without 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').
// static/folio-start.js does what the inline script did: load the wasm, which starts Folio.
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('trunk-post-build: TRUNK_STAGING_DIR is not set (run by Trunk only)');
  process.exit(1);
}
const file = path.join(staging, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const inline = /<script type="module">\s*import init, \* as bindings from[\s\S]*?<\/script>/;
if (!inline.test(html)) {
  console.error('trunk-post-build: no inline loader found in index.html; Trunk changed its output?');
  process.exit(1);
}
fs.writeFileSync(file, html.replace(inline, '<script type="module" src="./folio-start.js"></script>'));
