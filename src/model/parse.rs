//! From JSON (text, or a `serde_json::Value`) to a checked [`Article`], or a [`DocError`] that
//! names the path of the first bad field. serde_json reads the text into the model's types, and
//! `serde_path_to_error` keeps the path of the field where reading stopped.
//!
//! Untrusted input meets limits here, each refused with a message that names it: documents over
//! [`MAX_DOCUMENT_BYTES`], lists and objects nested deeper than [`MAX_DEPTH`], and lone UTF-16
//! surrogates (which JavaScript strings may hold but Unicode text may not). Messages quote parts
//! of the document, so they are clipped to a readable length.

use super::article::{Article, ArticleOf};
use super::block::{split_field_path, BodyItem};
use super::lists::ListStyle;
use super::rules::{object_named, path_prefix_text, path_text, quoted};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::fmt;
use std::rc::Rc;

/// The largest document read, in bytes of JSON text (for a JavaScript object: of its
/// `JSON.stringify` text). A news article is rarely over 1 MB; building a page from many times
/// that would keep the reader's browser busy for seconds, so larger documents are refused at
/// once with a message that says so.
pub const MAX_DOCUMENT_BYTES: usize = 5_000_000;

/// How deeply lists and objects may nest, the document's own object included: serde_json's
/// recursion limit (it refuses the 128th level), which keeps the parser's recursion far from the
/// end of the stack (1 MB in WebAssembly). An article needs fewer than 10 levels. A
/// `serde_json::Value` given to [`parse_value`] is checked against it before anything else.
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

/// Parses JSON text. Malformed JSON gives an error with line and column; trailing text after the
/// document is malformed JSON too.
pub fn parse_text(text: &str) -> Result<Parsed, DocError> {
    check_size(text.len(), "document")?;
    read_text(text, "document", DocError::root, ARTICLE).map(Parsed::from_document)
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
const ARTICLE: &str = "an article object";

impl Parsed {
    /// The article of a document as read: the blocks to show, each shared, and a warning for each
    /// block skipped and each list style shown as plain.
    fn from_document(mut document: ArticleOf<BodyItem>) -> Parsed {
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

/// Reads all of `text`, the `what` ("document", "list"), as a `T` from an object, called
/// `expected` in messages; `not_object` words the refusal of a root that is not an object, given
/// what it is. Anything after the value is malformed JSON.
pub(crate) fn read_text<T: DeserializeOwned>(
    text: &str,
    what: &str,
    not_object: impl FnOnce(&'static str) -> DocError,
    expected: &'static str,
) -> Result<T, DocError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let read = object_named(serde_path_to_error::Deserializer::new(&mut deserializer, &mut track), expected);
    let value = read.map_err(|e: serde_json::Error| {
        let path = track.path();
        if e.is_syntax() || e.is_eof() {
            return json_error(Some(&path), &e, Some(text), what);
        }
        value_error(&path, without_position(&e), not_object)
    })?;
    deserializer.end().map_err(|e| json_error(None, &e, Some(text), what))?;
    Ok(value)
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
fn value_error(path: &serde_path_to_error::Path, message: String, not_object: impl FnOnce(&'static str) -> DocError) -> DocError {
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

/// serde_json's message without the line and column it adds: the path places the fault better.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => message,
    }
}

/// serde's "invalid type: integer `7`, expected a string" in the words of the contract: "expected
/// text, found a number (7)". Other messages are kept as they are.
fn in_plain_words(message: String) -> String {
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "))
    else {
        return message;
    };
    let expected = match expected {
        "a string" => "text",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        other => other,
    };
    let quoted_value = |value: &str| quoted(value.trim_matches('`'));
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("text (\"{}\")", quoted(&unescape_debug(text)))
    } else if let Some(number) = found.strip_prefix("integer ").or_else(|| found.strip_prefix("floating point ")) {
        format!("a number ({})", quoted_value(number))
    } else if let Some(value) = found.strip_prefix("boolean ") {
        format!("a boolean ({})", quoted_value(value))
    } else {
        match found {
            "sequence" => "a list".to_owned(),
            "map" => "an object".to_owned(),
            "unit value" => "null".to_owned(),
            // What serde-wasm-bindgen says of a JavaScript value that is none of JSON's kinds.
            other if other.starts_with("JsValue(") => js_kind(other).to_owned(),
            other => other.to_owned(),
        }
    };
    format!("expected {expected}, found {found}")
}

/// What a JavaScript value written as `JsValue(Function(body))` is, in words.
fn js_kind(written: &str) -> &'static str {
    let inner = written.trim_start_matches("JsValue(");
    [("Object", "an object"), ("Function", "a function"), ("Symbol", "a symbol"), ("BigInt", "a BigInt")]
        .into_iter()
        .find_map(|(kind, words)| inner.starts_with(kind).then_some(words))
        .unwrap_or("a value of another kind")
}

/// The text of a string as Rust's `{:?}` writes it (serde quotes a wrong value so), as it was.
fn unescape_debug(written: &str) -> String {
    let inner = written.strip_prefix('"').and_then(|w| w.strip_suffix('"')).unwrap_or(written);
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => text.push('\n'),
            Some('r') => text.push('\r'),
            Some('t') => text.push('\t'),
            Some('0') => text.push('\0'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                text.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => text.push(other),
            None => {}
        }
    }
    text
}

/// serde reports a missing or repeated field at the object that holds it; the reader wants the
/// field itself.
fn missing_field_path(path: String, message: String) -> (String, String) {
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

fn syntax_error(e: &serde_json::Error, what: &str) -> DocError {
    DocError {
        path: String::new(),
        message: clip(format!("the {what} is not well-formed JSON: {e}")),
        position: Some((e.line(), e.column())),
    }
}

fn too_deep_message() -> String {
    format!(
        "lists and objects are nested more than {MAX_DEPTH} levels deep here; Folio stops reading there (an article needs fewer than 10)"
    )
}

/// A serde_json error that is not about the types: malformed JSON, nesting past [`MAX_DEPTH`], or
/// a lone surrogate escape (`\ud800`, which is what `JSON.stringify` writes for half a character).
/// `text` is the JSON text, where there is one, to recognise the surrogate.
fn json_error(path: Option<&serde_path_to_error::Path>, e: &serde_json::Error, text: Option<&str>, what: &str) -> DocError {
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

/// Shortens a message that quotes a long value, keeping its end (where the position is).
fn clip(message: String) -> String {
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

/// serde says "invalid type: sequence, expected an object" when the root is not an object.
fn root_kind(message: &str) -> Option<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::{in_plain_words, unescape_debug};

    #[test]
    fn serde_wrong_types_are_said_in_the_contracts_words() {
        let said = |m: &str| in_plain_words(m.to_owned());
        assert_eq!(said("invalid type: integer `7`, expected a string"), "expected text, found a number (7)");
        assert_eq!(said("invalid type: sequence, expected an object"), "expected an object, found a list");
        assert_eq!(said("invalid type: map, expected text or a list of spans"), "expected text or a list of spans, found an object");
        assert_eq!(said("invalid type: unit value, expected a string"), "expected text, found null");
        assert_eq!(said("invalid type: boolean `true`, expected a sequence"), "expected a list, found a boolean (true)");
        assert_eq!(said("invalid type: string \"7\", expected a boolean"), "expected true or false, found text (\"7\")");
        assert_eq!(said("invalid type: JsValue(Function(body)), expected a sequence"), "expected a list, found a function");
        assert_eq!(said("invalid type: JsValue(Object), expected a string"), "expected text, found an object");
        assert_eq!(said("this required field is missing"), "this required field is missing");
    }

    #[test]
    fn a_quoted_string_is_shown_as_it_was_written() {
        let text = "a \"quote\", a \\ backslash,\n\t<b>\u{0}\u{200b}";
        assert_eq!(unescape_debug(&format!("{text:?}")), text);
    }
}
