// Starts Folio: loads the WebAssembly module (whose start function installs window.folio, renders
// [data-folio-src] elements and the static page, then fires folio:ready) and defines the
// <folio-article> element. A file of its own rather than an inline script, so pages can use a
// Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
import init from './folio.js';

const here = (file) => new URL(file, import.meta.url).href;

// Start downloading the articles this page will show while the wasm compiles, instead of after:
// Folio's own fetch of the same URL (mode cors, same-origin credentials) then finds the response
// in the preload cache. The static page's article is `?src=` or its sample; declarative mounts
// name theirs.
function preload(url) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = url;
  document.head.append(link);
}
const page = document.querySelector('[data-folio-page]');
const pageSource = page && (new URLSearchParams(location.search).get('src') || page.getAttribute('data-folio-sample'));
for (const url of [pageSource, ...[...document.querySelectorAll('[data-folio-src]')].map((e) => e.getAttribute('data-folio-src'))]) {
  if (url && url.trim()) preload(url);
}

await init({ module_or_path: here('./folio_bg.wasm') });

/**
 * <folio-article src="article.json" lang="zh-TW" navigation="links" toc="show">
 *
 * Renders the article at `src` inside a shadow root that carries Folio's stylesheet, so the host
 * page's CSS does not reach in and Folio's does not leak out. Removing the element releases
 * everything (timers, observers, requests); changing `src` loads the new article. Folio's events
 * (folio:rendered, folio:error, folio:navigate) are composed and reach the host page, retargeted
 * to the element.
 */
class FolioArticleElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'navigation', 'toc'];

  connectedCallback() {
    if (!this.mount) {
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = here('./folio.css');
      this.mount = document.createElement('div');
      this.mount.className = 'folio-host';
      root.replaceChildren(style, this.mount);
    }
    this.load();
  }

  disconnectedCallback() {
    this.handle?.destroy();
    this.handle = null;
  }

  attributeChangedCallback() {
    if (this.isConnected && this.mount) this.load();
  }

  load() {
    this.handle?.destroy();
    this.handle = null;
    const src = this.getAttribute('src');
    if (!src) return;
    const options = {};
    for (const name of ['lang', 'navigation', 'toc']) {
      const value = this.getAttribute(name);
      if (value) options[name] = value;
    }
    this.handle = window.folio.load(this.mount, src, options);
  }
}

if (!customElements.get('folio-article')) customElements.define('folio-article', FolioArticleElement);
