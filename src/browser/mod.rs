//! Everything that touches the browser beyond the DOM: `Intl` formatting, fetching documents,
//! DOM events, animation frames, the `window.folio` API, the panic hook and start-up. Only built
//! for wasm32.

mod api;
mod events;
mod fetch;
mod frame;
mod intl;
mod mount;
mod mount_state;
mod observer;
mod panic;
mod platform;
mod prerendered;
mod reading;

pub use api::{load, render, start, FolioHandle};
pub use platform::BrowserPlatform;
