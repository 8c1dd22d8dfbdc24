//! Folio renders news articles handed over as JSON into accessible HTML, in the browser, with a
//! Yew component tree compiled to WebAssembly.
//!
//! - [`model`]: the document, parsed and checked (plain Rust, tested natively);
//! - [`components`]: the Yew components, one per file;
//! - [`i18n`]: UI words, one table per language;
//! - [`url`]: the one sanitiser every document URL passes;
//! - [`platform`]: what components need from the browser, behind a trait;
//! - [`progressive`]: how a long body reaches the screen in steps;
//! - [`hydration`]: how the browser checks a prerendered article before adopting it;
//! - `browser` (wasm only): `Intl`, fetch, the `window.folio` API and events;
//! - `prerender` (native only): static HTML pages of articles, with ICU4X dates;
//! - `convert` (native only): ANS stories and Portable Text bodies into article documents;
//! - `command_input` (native only): what the commands share, reading their input.

pub mod components;
pub mod hooks;
pub mod hydration;
pub mod i18n;
pub mod model;
pub mod options;
pub mod platform;
pub mod progressive;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(not(target_arch = "wasm32"))]
pub mod command_input;
#[cfg(not(target_arch = "wasm32"))]
pub mod convert;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
