// The vanilla renderer's version of Folio's static page (used for the cold-load comparison):
// renders ?src=, or the page's bundled sample, into [data-folio-page], resolving the document's
// relative URLs against its own address.
const page = document.querySelector('[data-folio-page]');
if (page) {
  const source = new URLSearchParams(location.search).get('src') || page.getAttribute('data-folio-sample');
  const response = await fetch(source);
  const text = await response.text();
  window.vanilla.render(page, text, { base: response.url });
}
