//! From JSON (text, or a `serde_json::Value`; JavaScript objects arrive as `JSON.stringify` text)
//! to a checked [`Article`], or a [`DocError`] that names the path of the first bad field. The
//! text is read by the model's own reader (`json.rs`, `read.rs`).
//!
//! Untrusted input meets limits here, each refused with a message that names it: documents over
//! [`MAX_DOCUMENT_BYTES`], lists and objects nested deeper than [`MAX_DEPTH`], and lone UTF-16
//! surrogates (which JavaScript strings may hold but Unicode text may not). Messages quote parts
//! of the document, so they are clipped to a readable length.

use super::block::Block;
use super::json::{line_and_column, path_text, Fault, Json, Kind, Step};
use super::{read, Article, ListStyle};
use serde_json::Value;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

/// The largest document read, in bytes of JSON text (for a JavaScript object: of its
/// `JSON.stringify` text). A news article is rarely over 1 MB; building a page from many times
/// that would keep the reader's browser busy for seconds, so larger documents are refused at
/// once with a message that says so.
pub const MAX_DOCUMENT_BYTES: usize = 5_000_000;

/// How deeply lists and objects may nest in a `serde_json::Value` given to [`parse_value`], the
/// document's own object included, checked before anything else: writing a value out recurses, as
/// does serde_json's own parser, which refuses the 128th level. An article needs fewer than 10
/// levels. JSON text needs no such limit: unknown fields are skipped without recursion, and every
/// field Folio reads has a fixed shape, so a deep value there is refused as a wrong type at its
/// first wrong level.
pub const MAX_DEPTH: usize = 127;

/// Longest message kept. Messages quote at most 40 characters of a value; this is the safeguard
/// for anything else that might make one long.
const MAX_MESSAGE_CHARS: usize = 300;

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

/// Parses JSON text. Malformed JSON gives an error with line and column; trailing text after the
/// document is malformed JSON too.
pub fn parse_text(text: &str) -> Result<Parsed, DocError> {
    let (article, blocks) = read_document(text)?;
    Ok(Parsed { warnings: warnings(&blocks, &article), article })
}

/// Reads a document, and tells where in `text` each body block is and what it was read as (for
/// [`super::Reading`], which reads a later version of the document by what changed).
pub(crate) fn read_document(text: &str) -> Result<(Article, Vec<BlockText>), DocError> {
    read_object_text(text, "document", DocError::root, read::article)
}

/// Reads all of `text`, the `what` ("document", "list"), with `read`: text over the size limit, a
/// root that is not an object (`not_object` words that, given what the root is) and anything
/// after the value are refused.
pub(crate) fn read_object_text<T>(
    text: &str,
    what: &str,
    not_object: impl FnOnce(&'static str) -> DocError,
    read: impl FnOnce(&mut Json) -> Result<T, Fault>,
) -> Result<T, DocError> {
    check_size(text.len(), what)?;
    let mut json = Json::new(text);
    match json.kind() {
        Ok(Kind::Object) => {}
        Ok(found) => return Err(not_object(found.name())),
        Err(fault) => return Err(doc_error(fault, text, what)),
    }
    let read = read(&mut json).and_then(|value| json.end().map(|()| value));
    read.map_err(|fault| doc_error(fault, text, what))
}

/// The message for a fault found reading `text`, the `what` ("document", "list", "block").
fn doc_error(fault: Fault, text: &str, what: &str) -> DocError {
    match fault {
        Fault::Syntax { at, message } => {
            let (line, column) = line_and_column(text, at);
            DocError {
                path: String::new(),
                message: clip(format!("the {what} is not well-formed JSON: {message} at line {line} column {column}")),
                position: Some((line, column)),
            }
        }
        Fault::Value { path, message } => DocError { path: path_text(&path), message: clip(message), position: None },
    }
}

/// Checks a JSON value already parsed, by writing it out and reading that text: one reader, so the
/// two forms agree on every message (a value has no syntax errors to place, and no lone surrogates).
pub fn parse_value(value: Value) -> Result<Parsed, DocError> {
    if !value.is_object() {
        return Err(DocError::root(describe(&value)));
    }
    // Writing a `Value` out recurses, and so does dropping one.
    if nesting(&value) > MAX_DEPTH {
        drop_flat(value);
        return Err(DocError { path: String::new(), message: too_deep_message(), position: None });
    }
    parse_text(&value.to_string())
}

/// A short description of a JSON value's kind, for messages, in the words the reader uses.
fn describe(value: &Value) -> &'static str {
    let kind = match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Boolean,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::Text,
        Value::Array(_) => Kind::List,
        Value::Object(_) => Kind::Object,
    };
    kind.name()
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

fn too_deep_message() -> String {
    format!("lists and objects are nested more than {MAX_DEPTH} levels deep here; Folio stops reading there (an article needs fewer than 10)")
}

/// Shortens a message that quotes a long value, keeping its end (where the position is).
pub(crate) fn clip(message: String) -> String {
    let count = message.chars().count();
    if count <= MAX_MESSAGE_CHARS {
        return message;
    }
    let head: String = message.chars().take(MAX_MESSAGE_CHARS - 60).collect();
    let tail: String = message.chars().skip(count - 60).collect();
    format!("{head} … {tail}")
}

/// How many lists and objects are nested at the deepest point of `value`, counted without
/// recursion (a hostile value may be deeper than the stack).
fn nesting(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match value {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(fields) => Box::new(fields.values()),
            _ => continue,
        };
        deepest = deepest.max(depth + 1);
        if deepest > MAX_DEPTH {
            break;
        }
        stack.extend(children.map(|child| (child, depth + 1)));
    }
    deepest
}

/// Drops a value of any depth without recursing (serde_json's own drop recurses).
fn drop_flat(value: Value) {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items),
            Value::Object(fields) => stack.extend(fields.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// One body block: where its JSON text is in the document's, and what it was read as.
#[derive(Debug, Clone)]
pub(crate) struct BlockText {
    /// Byte range in the document's text.
    pub span: Range<usize>,
    /// The block, or the type of one this renderer does not know (skipped, with a warning).
    pub read: BodyBlock,
}

/// A body block as read: shown, or skipped for its unknown type.
#[derive(Debug, Clone)]
pub(crate) enum BodyBlock {
    Shown(Rc<Block>),
    Skipped { kind: String },
}

/// Reads body block `index` from its own JSON text, as the document's reading reads it in place.
pub(crate) fn read_block(index: usize, json: &str) -> Result<BodyBlock, DocError> {
    let mut reader = Json::new(json);
    let read = read::block(&mut reader).and_then(|block| reader.end().map(|()| block));
    read.map_err(|fault| doc_error(fault.at(Step::Item(index)).at(Step::Field("body")), json, "block"))
}

/// The blocks that are shown, in order.
pub(crate) fn shown_blocks(blocks: &[BlockText]) -> Vec<Rc<Block>> {
    blocks
        .iter()
        .filter_map(|b| match &b.read {
            BodyBlock::Shown(block) => Some(block.clone()),
            BodyBlock::Skipped { .. } => None,
        })
        .collect()
}

/// What was skipped or shown otherwise than written: unknown block types, unknown list styles.
pub(crate) fn warnings(blocks: &[BlockText], article: &Article) -> Vec<String> {
    let mut warnings = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        if let BodyBlock::Skipped { kind } = &block.read {
            warnings.push(format!("body[{index}]: unknown block type \"{}\" skipped", kind.chars().take(40).collect::<String>()));
        }
    }
    for (index, list) in article.lists.iter().enumerate() {
        if let Some(style) = &list.style {
            if list.style() == ListStyle::Plain && style != "plain" {
                let style: String = style.chars().take(40).collect();
                warnings.push(format!("lists[{index}].style: unknown style \"{style}\" shown as plain"));
            }
        }
    }
    warnings
}
