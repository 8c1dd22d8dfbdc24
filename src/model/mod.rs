//! The article document of the contract (version 1), as plain Rust: serde types and the checks
//! that make a parsed value trustworthy. The types are the one place the document's shape is
//! written: serde reads them, and with the `schema` feature schemars writes the JSON Schema from the
//! same attributes. No Yew, no DOM: everything here compiles and is tested natively.
//!
//! Invariants once [`parse_text`] or [`parse_value`] return `Ok`:
//! - `headline` is not blank, `version` is absent or 1, every timestamp is RFC 3339 with offset;
//! - every heading level is 2 or 3, every count is a whole number of 0 or more;
//! - unknown block types have been dropped (and reported in [`Parsed::warnings`]).
//!
//! The reading rules the types share are at the top of `rules.rs`; the limits on untrusted input
//! (size, nesting) at the top of `parse.rs`.

mod article;
mod block;
mod body_item;
mod json_text;
mod list_page;
mod lists;
mod messages;
mod outline;
mod parse;
mod rules;
mod sharing;
pub mod time;

pub use article::{Article, ArticleOf, ContractVersion, Headline, Link, Person, Publisher};
pub use block::{Block, HeadingLevel, Image, Inline, ListItem, Span};
pub use json_text::{describe, parse_text, parse_value};
pub use list_page::{parse_list_page, read_list_page, ListPage};
pub use lists::{Comment, Comments, Count, ListStyle, RelatedItem, RelatedList};
pub use outline::{reading_minutes, BlockCounts, Outline, OutlineHeading, CJK_CHARS_PER_MINUTE, SLUG_CHARS, WORDS_PER_MINUTE};
#[cfg(target_arch = "wasm32")]
pub(crate) use parse::check_size;
pub use parse::{read_document, DocError, Parsed, MAX_DEPTH, MAX_DOCUMENT_BYTES};
pub use time::Timestamp;
