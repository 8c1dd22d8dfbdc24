//! JSON text, read natively with serde_json (tests, the Rust API, the prerender tool): its syntax
//! errors placed by line and column, its nesting limit, lone surrogate escapes named by the field
//! that holds them, and a `serde_json::Value` read as the same document.

use super::messages::clip;
use super::parse::{check_size, value_error, DocError, Parsed, ARTICLE, MAX_DEPTH};
use super::rules::{object_named, path_prefix_text};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses JSON text. Malformed JSON gives an error with line and column; trailing text after the
/// document is malformed JSON too.
pub fn parse_text(text: &str) -> Result<Parsed, DocError> {
    check_size(text.len(), "document")?;
    read_text(text, "document", DocError::root, ARTICLE).map(Parsed::from_document)
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

/// serde_json's message without the line and column it adds: the path places the fault better.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => message,
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

/// A short description of a JSON value's kind, for messages ("a list", "text").
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
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
