//! From JSON (text, or a `serde_json::Value`; JavaScript objects arrive as `JSON.stringify` text)
//! to a checked [`Article`], or a [`DocError`] that names the path of the first bad field.
//!
//! Untrusted input meets limits here, each refused with a message that names it: documents over
//! [`MAX_DOCUMENT_BYTES`], lists and objects nested deeper than [`MAX_DEPTH`], and lone UTF-16
//! surrogates (which JavaScript strings may hold but Unicode text may not). Messages quote parts
//! of the document, so they are clipped to a readable length.

use super::block::{Block, BlockRead};
use super::{Article, ArticleOf, ListStyle, Object};
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

/// The largest document read, in bytes of JSON text (for a JavaScript object: of its
/// `JSON.stringify` text). A news article is rarely over 1 MB; building a page from many times
/// that would keep the reader's browser busy for seconds, so larger documents are refused at
/// once with a message that says so.
pub const MAX_DOCUMENT_BYTES: usize = 5_000_000;

/// How deeply lists and objects may nest, the document's own object included: serde_json's
/// recursion limit (it refuses the 128th level), which keeps the parser's recursion far from the
/// end of the stack (1 MB in WebAssembly). An article needs fewer than 10 levels. Unknown fields
/// are skipped without recursion, and every field Folio reads has a fixed shape, so in JSON text a
/// deep value is refused as a wrong type at its first wrong level; the limit matters for a
/// `serde_json::Value` given to [`parse_value`], which is checked against it before anything else.
pub const MAX_DEPTH: usize = 127;

/// Longest message kept: serde quotes the offending value, which may be megabytes long.
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

/// Renders a serde_path_to_error path the way JavaScript would write it: `body[1].text`.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    path_prefix_text(path, usize::MAX)
}

/// The first `segments` segments of a path, as [`path_text`] writes them.
fn path_prefix_text(path: &serde_path_to_error::Path, segments: usize) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter().take(segments) {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// serde reports a missing or repeated field at the object that holds it; the reader wants the
/// field itself.
pub(crate) fn missing_field_path(path: String, message: String) -> (String, String) {
    let field_of = |prefix: &str| message.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_owned);
    let (field, text) = if let Some(field) = field_of("missing field `") {
        (field, "this required field is missing")
    } else if let Some(field) = field_of("duplicate field `") {
        (field, "this field is given twice; write it once")
    } else {
        return (path, message);
    };
    (join(&path, &field), text.to_owned())
}

fn join(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => rest.to_owned(),
        (false, false) => format!("{prefix}.{rest}"),
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
    check_size(text.len(), "document")?;
    check(text, read(text)?)
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

/// A short description of a JSON value's kind, for messages.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
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
            "the {what} is {:.1} MB of JSON, more than the {} MB Folio reads{}",
            bytes as f64 / 1e6,
            MAX_DOCUMENT_BYTES / 1_000_000,
            if what == "document" { " (an article is rarely over 1 MB)" } else { "" }
        ),
        position: None,
    })
}

fn syntax_error(e: &serde_json::Error, what: &str) -> DocError {
    DocError {
        path: String::new(),
        message: clip(format!("the {what} is not well-formed JSON: {e}")),
        position: Some((e.line(), e.column())),
    }
}

fn too_deep_message() -> String {
    format!("lists and objects are nested more than {MAX_DEPTH} levels deep here; Folio stops reading there (an article needs fewer than 10)")
}

/// A serde_json error that is not about the types: malformed JSON, nesting past [`MAX_DEPTH`], or
/// a lone surrogate escape (`\ud800`, which is what `JSON.stringify` writes for half a character).
/// `text` is the JSON text, where there is one, to recognise the surrogate.
pub(crate) fn json_error(path: Option<&serde_path_to_error::Path>, e: &serde_json::Error, text: Option<&str>, what: &str) -> DocError {
    let path_prefix = |segments| path.map(|p| path_prefix_text(p, segments)).unwrap_or_default();
    if e.to_string().starts_with("recursion limit exceeded") {
        // The full path would be over a hundred segments long; the part an article has is enough
        // to find it, better than a column in JSON.stringify's output would.
        let path = path_prefix(6);
        let position = path.is_empty().then(|| (e.line(), e.column()));
        return DocError { path, message: too_deep_message(), position };
    }
    if let Some(unit) = text.and_then(|t| lone_surrogate_near(t, e.line(), e.column())) {
        let path = path_prefix(usize::MAX);
        // A path finds the text better than a column in JSON.stringify's output would.
        let position = path.is_empty().then(|| (e.line(), e.column()));
        return DocError {
            path,
            message: format!("the text contains a lone UTF-16 surrogate (\\u{unit:04x}), half of a character: it is not valid Unicode"),
            position,
        };
    }
    syntax_error(e, what)
}

/// The lone surrogate escape (`\udXXX` not paired with its other half) that ends at or just before
/// `line`/`column` (1-based, in bytes, as serde_json counts them), if there is one.
fn lone_surrogate_near(text: &str, line: usize, column: usize) -> Option<u16> {
    let start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    let end = (start + column).min(text.len());
    let bytes = text.as_bytes();
    let escape_at = |i: usize| -> Option<u16> {
        let hex = bytes.get(i..i + 6)?;
        if &hex[..2] != b"\\u" {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let from = end.saturating_sub(14);
    (from..end).rev().find_map(|i| {
        let unit = escape_at(i)?;
        let paired = match unit {
            0xD800..=0xDBFF => escape_at(i + 6).is_some_and(|next| (0xDC00..=0xDFFF).contains(&next)),
            0xDC00..=0xDFFF => i >= 6 && escape_at(i - 6).is_some_and(|prev| (0xD800..=0xDBFF).contains(&prev)),
            _ => return None,
        };
        (!paired).then_some(unit)
    })
}

/// Shortens a message that quotes a long value, keeping its end (serde puts the position there).
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

/// Reads an article from JSON text, each body block kept as its text (JavaScript objects arrive as
/// `JSON.stringify` text, so serde_json is the only deserializer compiled in), up to its end.
fn read(text: &str) -> Result<ArticleOf<&RawValue>, DocError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let loose: Object<ArticleOf<&RawValue>> = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let json = e.inner();
        if json.is_syntax() || json.is_eof() {
            return json_error(Some(e.path()), json, Some(text), "document");
        }
        let path = path_text(e.path());
        let message = e.into_inner().to_string();
        if path.is_empty() {
            if let Some(found) = root_kind(&message) {
                return DocError::root(found);
            }
        }
        let (path, message) = missing_field_path(path, message);
        DocError { path, message: clip(message), position: None }
    })?;
    deserializer.end().map_err(|e| json_error(None, &e, Some(text), "document"))?;
    Ok(loose.0)
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

/// Reads body block `index` from its JSON text.
pub(crate) fn read_block(index: usize, json: &str) -> Result<BodyBlock, DocError> {
    match Block::from_json(json) {
        Ok(BlockRead::Known(block)) => Ok(BodyBlock::Shown(Rc::new(block))),
        Ok(BlockRead::Unknown(kind)) => Ok(BodyBlock::Skipped { kind }),
        Err((inner, message)) => Err(DocError { path: join(&format!("body[{index}]"), &inner), message: clip(message), position: None }),
    }
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

/// Reads the body blocks of `text` and checks what the first reading left loose.
fn check(text: &str, loose: ArticleOf<&RawValue>) -> Result<(Article, Vec<BlockText>), DocError> {
    let mut blocks = Vec::with_capacity(loose.body.len());
    for (index, json) in loose.body.into_iter().enumerate() {
        // The raw value borrows from `text`: its place there is the pointers' difference.
        let start = json.get().as_ptr() as usize - text.as_ptr() as usize;
        blocks.push(BlockText { span: start..start + json.get().len(), read: read_block(index, json.get())? });
    }
    let article = Article {
        version: loose.version,
        id: loose.id,
        lang: loose.lang,
        url: loose.url,
        section: loose.section,
        headline: loose.headline,
        subheadline: loose.subheadline,
        publisher: loose.publisher,
        authors: loose.authors,
        date_published: loose.date_published,
        date_modified: loose.date_modified,
        time_zone: loose.time_zone,
        image: loose.image,
        body: shown_blocks(&blocks),
        credits: loose.credits,
        original_url: loose.original_url,
        tags: loose.tags,
        lists: loose.lists,
        comments: loose.comments,
    };
    Ok((article, blocks))
}

/// serde says "invalid type: sequence, expected an object" when the root is not an object.
pub(crate) fn root_kind(message: &str) -> Option<&'static str> {
    let found = message.strip_prefix("invalid type: ")?.split(", expected an object").next()?;
    Some(match found {
        f if f.starts_with("sequence") => "a list",
        f if f.starts_with("string") => "text",
        f if f.starts_with("integer") || f.starts_with("floating") => "a number",
        f if f.starts_with("boolean") => "a boolean",
        f if f.starts_with("null") || f.starts_with("unit") => "null",
        _ => "something else",
    })
}
