//! Reading a document with any serde deserializer (a JavaScript value in the browser, JSON text
//! natively: see `json_text.rs`) into a checked [`Article`], or a [`DocError`] that names the path
//! of the first bad field, which `serde_path_to_error` keeps. How faults are worded is in
//! `messages.rs`.

use super::article::{Article, ArticleOf};
use super::body_item::{split_field_path, BodyItem};
use super::lists::ListStyle;
use super::messages::{clip, in_plain_words, join, missing_field_path, root_kind};
use super::rules::{object_named, path_text, quoted};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::rc::Rc;

/// The largest document read, in bytes of JSON text (a string from JavaScript is counted in UTF-16
/// code units; an object has no text to measure). A news article is rarely over 1 MB; building a
/// page from many times that would keep the reader's browser busy for seconds, so larger
/// documents are refused at once with a message that says so.
pub const MAX_DOCUMENT_BYTES: usize = 5_000_000;

/// How deeply lists and objects may nest, the document's own object included: serde_json's
/// recursion limit (it refuses the 128th level), which keeps the parser's recursion far from the
/// end of the stack (1 MB in WebAssembly). An article needs fewer than 10 levels. A
/// `serde_json::Value` given to [`parse_value`] is checked against it before anything else.
pub const MAX_DEPTH: usize = 127;

/// A checked article and what was skipped on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The article, ready to render.
    pub article: Article,
    /// Things the reader will not miss but the publisher should know: unknown block types
    /// (skipped), unknown list styles (shown as plain).
    pub warnings: Vec<String>,
}

/// Why a document cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    /// JSON path of the first bad field (`body[1].text`); empty for a parse error or a bad root.
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
    /// For text that is not well-formed JSON: line and column (1-based) of the error.
    pub position: Option<(usize, usize)>,
}

impl DocError {
    /// A fault at `path` (a JSON path, empty for the root).
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> DocError {
        DocError { path: path.into(), message: message.into(), position: None }
    }

    /// The document is not an object; `found` says what it is ("a list", "text", ...).
    pub fn root(found: &str) -> DocError {
        DocError {
            path: String::new(),
            message: format!("the document root must be an object (an article), found {found}"),
            position: None,
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Reads a document from any serde deserializer: in the browser, a JavaScript value
/// (serde-wasm-bindgen), which has no text, so no size to check and no syntax to get wrong.
pub fn read_document<'de, D>(deserializer: D) -> Result<Parsed, DocError>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
{
    read_with(deserializer, DocError::root, ARTICLE).map(Parsed::from_document)
}

/// What the document's root is called in messages.
pub(crate) const ARTICLE: &str = "an article object";

impl Parsed {
    /// The article of a document as read: the blocks to show, each shared, and a warning for each
    /// block skipped and each list style shown as plain.
    pub(crate) fn from_document(mut document: ArticleOf<BodyItem>) -> Parsed {
        let mut warnings = Vec::new();
        let items = std::mem::take(&mut document.body);
        let mut body = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            match item {
                BodyItem::Shown(block) => body.push(Rc::new(block)),
                BodyItem::Skipped(kind) => warnings.push(format!("body[{index}]: unknown block type \"{}\" skipped", quoted(&kind))),
            }
        }
        let article = document.with_body(body);
        for (index, list) in article.lists.iter().enumerate() {
            if let Some(style) = &list.style {
                if list.style() == ListStyle::Plain && style != "plain" {
                    warnings.push(format!("lists[{index}].style: unknown style \"{}\" shown as plain", quoted(style)));
                }
            }
        }
        Parsed { article, warnings }
    }
}

/// Reads from any deserializer as [`read_text`] does from text.
pub(crate) fn read_with<'de, D, T>(
    deserializer: D,
    not_object: impl FnOnce(&'static str) -> DocError,
    expected: &'static str,
) -> Result<T, DocError>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
    T: Deserialize<'de>,
{
    let mut track = serde_path_to_error::Track::new();
    let read = object_named(serde_path_to_error::Deserializer::new(deserializer, &mut track), expected);
    read.map_err(|e| {
        // serde-wasm-bindgen's errors are JavaScript errors, written out as "Error: ...".
        let message = e.to_string();
        let message = message.strip_prefix("Error: ").map(str::to_owned).unwrap_or(message);
        value_error(&track.path(), message, not_object)
    })
}

/// The refusal of a value that is not what its place holds, at `path`.
pub(crate) fn value_error(
    path: &serde_path_to_error::Path,
    message: String,
    not_object: impl FnOnce(&'static str) -> DocError,
) -> DocError {
    let path = path_text(path);
    if path.is_empty() {
        if let Some(found) = root_kind(&message) {
            return not_object(found);
        }
    }
    let (path, message) = match split_field_path(&message) {
        Some((rest, message)) => (join(&path, rest), message.to_owned()),
        None => missing_field_path(path, message),
    };
    DocError { path, message: clip(in_plain_words(message)), position: None }
}

/// Refuses text over [`MAX_DOCUMENT_BYTES`] before anything is parsed. `what` is "document" or
/// "list".
pub(crate) fn check_size(bytes: usize, what: &str) -> Result<(), DocError> {
    if bytes <= MAX_DOCUMENT_BYTES {
        return Ok(());
    }
    Err(DocError {
        path: String::new(),
        message: format!(
            "the {what} is {} MB of JSON, more than the {} MB Folio reads{}",
            megabytes(bytes),
            MAX_DOCUMENT_BYTES / 1_000_000,
            if what == "document" { " (an article is rarely over 1 MB)" } else { "" }
        ),
        position: None,
    })
}

/// `bytes` in megabytes with one decimal, rounded half up ("20.0"): by hand, since formatting a
/// float would bring the float formatting code into the wasm for this one message.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{}", tenths / 10, tenths % 10)
}
