//! Custom hooks.
mod use_now;
pub use use_now::use_now;
