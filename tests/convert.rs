//! The converters (`folio::convert`, `folio-convert`, `folio-prerender --from`), natively: our own
//! fixtures (`tests/fixtures/convert/`) converted exactly; the shared ANS and Portable Text
//! fixtures (`../shared/formats`, read only when present) converted, and Portable Text rendered
//! by Folio and compared in structure with the reference renderer's HTML; arbitrary input never
//! panics.
//!
//! Tests in the `needs_model_extensions` modules read documents that use the contract's
//! extensions (headings 4 to 6, nested list items, tables, code, span marks beyond bold, italic
//! and code): until Folio's model reads them, they fail and name the shapes the document uses.
#![cfg(not(target_arch = "wasm32"))]

#[path = "convert/ans.rs"]
mod ans;
#[path = "convert/ans_shared.rs"]
mod ans_shared;
#[path = "convert/command.rs"]
mod command;
#[path = "convert/portable_text.rs"]
mod portable_text;
#[path = "convert/properties.rs"]
mod properties;
#[path = "convert/render.rs"]
mod render;

use folio::model::{parse_text, Parsed};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The text of one of our own fixtures.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/convert").join(name)).unwrap()
}

/// A folder of the shared fixtures (`../shared/formats/<folder>`), or `None` (said on standard
/// error) where this checkout has none; CI has them.
pub fn shared_formats(folder: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/formats").join(folder);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// The extensions of the contract that `document` uses, by name; none for a document that the
/// contract of today reads.
pub fn extension_shapes(document: &Value) -> BTreeSet<&'static str> {
    let mut shapes = BTreeSet::new();
    let mut stack = vec![document.get("body").unwrap_or(&Value::Null)];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items),
            Value::Object(fields) => {
                let shape = match fields.get("type").and_then(Value::as_str) {
                    Some("table") => Some("table block"),
                    Some("code") => Some("code block"),
                    Some("heading") if fields.get("level").and_then(Value::as_u64).is_some_and(|l| l > 3) => Some("heading level 4-6"),
                    None if fields.contains_key("items") => Some("nested list item"),
                    _ => None,
                };
                shapes.extend(shape);
                for (mark, name) in [
                    ("underline", "span underline"),
                    ("strike", "span strike"),
                    ("sup", "span sup"),
                    ("sub", "span sub"),
                    ("lineBreak", "span lineBreak"),
                ] {
                    if fields.contains_key(mark) {
                        shapes.insert(name);
                    }
                }
                stack.extend(fields.values());
            }
            _ => {}
        }
    }
    shapes
}

/// The converted `document` as Folio reads it, with every block kept; or why not, naming the
/// extensions of the contract the document uses (Folio's model may not read them yet).
pub fn folio_reads(document: &Value) -> Result<Parsed, String> {
    let blocks = document["body"].as_array().map_or(0, Vec::len);
    let shapes = extension_shapes(document);
    let needs = if shapes.is_empty() {
        String::new()
    } else {
        format!(" (the document uses the model extensions: {})", shapes.into_iter().collect::<Vec<_>>().join(", "))
    };
    match parse_text(&document.to_string()) {
        Ok(parsed) if parsed.article.body.len() == blocks && parsed.warnings.is_empty() => Ok(parsed),
        Ok(parsed) => Err(format!("Folio dropped blocks: {:?}{needs}", parsed.warnings)),
        Err(error) => Err(format!("Folio refused it: {error}{needs}")),
    }
}

/// Every piece of text in a converted document, each inline text joined up, separated by spaces:
/// what a reader can see.
pub fn visible_text(document: &Value) -> String {
    let mut text = String::new();
    let mut stack = vec![document];
    while let Some(value) = stack.pop() {
        match value {
            Value::String(s) => {
                text.push_str(s);
                text.push(' ');
            }
            Value::Array(items) if !items.is_empty() && items.iter().all(is_span) => {
                items.iter().filter_map(|span| span["text"].as_str()).for_each(|s| text.push_str(s));
                text.push(' ');
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(fields) => stack.extend(fields.values().rev()),
            _ => {}
        }
    }
    text
}

fn is_span(value: &Value) -> bool {
    value.get("text").is_some_and(Value::is_string) && value.get("items").is_none() && value.get("type").is_none()
}
