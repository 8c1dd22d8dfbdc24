//! The inline part of a Portable Text block: spans with decorators (`strong`, `em`, `code`,
//! `underline`, `strike-through`) and link annotations (a `markDefs` entry of `_type: "link"`
//! with an `href`, which passes the one URL sanitiser), hard breaks (`\n` in a span's text) and
//! inline objects. A mark Folio cannot show, and an inline object, keep their text (where they
//! have any) and are reported once per block.

use super::source::{field_path, item_path, list_field, quoted_name};
use super::spans::{InlineText, Marks};
use crate::url::sanitize;
use serde_json::Value;
use std::collections::HashMap;

/// What a mark key of the block's `markDefs` stands for.
enum Annotation {
    /// A link, to the target when it is safe.
    Link(Option<String>),
    /// An annotation type Folio has no mark for, at this index of `markDefs`.
    Other(usize),
}

/// The inline text of the block at `path`; what cannot be shown is reported in `warnings`.
pub(crate) fn block_text(block: &Value, path: &str, warnings: &mut Vec<String>) -> InlineText {
    let defs_path = field_path(path, "markDefs");
    let mut annotations = HashMap::new();
    for (index, def) in list_field(block, "markDefs").iter().enumerate() {
        let Some(key) = def.get("_key").and_then(Value::as_str) else { continue };
        let annotation = match def.get("_type").and_then(Value::as_str) {
            Some("link") => {
                let href = def.get("href").and_then(Value::as_str);
                let safe = href.and_then(sanitize);
                if safe.is_none() {
                    let why = if href.is_some() { "an unsafe URL" } else { "no href" };
                    warnings.push(format!("{}: a link with {why}: its text is kept, unlinked", item_path(&defs_path, index)));
                }
                Annotation::Link(safe)
            }
            _ => Annotation::Other(index),
        };
        annotations.insert(key, annotation);
    }
    let mut reported: Vec<&str> = Vec::new();
    let mut text = InlineText::default();
    let children_path = field_path(path, "children");
    for (index, child) in list_field(block, "children").iter().enumerate() {
        let at = item_path(&children_path, index);
        let child_text = child.get("text").and_then(Value::as_str);
        let kind = child.get("_type").and_then(Value::as_str);
        match kind {
            Some("span") => {
                let mut marks = Marks::default();
                for mark in list_field(child, "marks").iter().filter_map(Value::as_str) {
                    match mark {
                        "strong" => marks.bold = true,
                        "em" => marks.italic = true,
                        "code" => marks.code = true,
                        "underline" => marks.underline = true,
                        "strike-through" => marks.strike = true,
                        key => match annotations.get(key) {
                            Some(Annotation::Link(href)) => marks.href = href.clone(),
                            Some(Annotation::Other(def)) if !reported.contains(&key) => {
                                reported.push(key);
                                let kind = list_field(block, "markDefs")[*def].get("_type").and_then(Value::as_str).unwrap_or("");
                                warnings.push(format!(
                                    "{}: mark type {} not shown: its text is kept",
                                    item_path(&defs_path, *def),
                                    quoted_name(kind)
                                ));
                            }
                            None if !reported.contains(&key) => {
                                reported.push(key);
                                warnings.push(format!("{at}: unknown mark {}: its text is kept", quoted_name(key)));
                            }
                            _ => {}
                        },
                    }
                }
                text.push_lines(child_text.unwrap_or_default(), &marks);
            }
            _ => {
                let name = quoted_name(kind.unwrap_or(""));
                match child_text {
                    Some(inner) => {
                        warnings.push(format!("{at}: inline object {name} shown as its text"));
                        text.push_lines(inner, &Marks::default());
                    }
                    None => warnings.push(format!("{at}: inline object {name} skipped: Folio's text holds only text")),
                }
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::block_text;
    use serde_json::json;

    #[test]
    fn decorators_and_links_become_marks_and_unsafe_links_stay_text() {
        let block = json!({ "_type": "block", "children": [
            { "_type": "span", "text": "safe", "marks": ["strong", "ok"] },
            { "_type": "span", "text": " and ", "marks": [] },
            { "_type": "span", "text": "not", "marks": ["js", "underline", "strike-through"] }
        ], "markDefs": [
            { "_key": "ok", "_type": "link", "href": "https://example.org/" },
            { "_key": "js", "_type": "link", "href": "javascript:alert(1)" }
        ] });
        let mut warnings = Vec::new();
        assert_eq!(
            block_text(&block, "body[0]", &mut warnings).into_value(),
            json!([{ "text": "safe", "bold": true, "href": "https://example.org/" }, { "text": " and " }, { "text": "not", "underline": true, "strike": true }])
        );
        assert_eq!(warnings, ["body[0].markDefs[1]: a link with an unsafe URL: its text is kept, unlinked"]);
    }

    #[test]
    fn unknown_marks_and_inline_objects_keep_their_text_and_are_reported_once() {
        let block = json!({ "_type": "block", "children": [
            { "_type": "span", "text": "a", "marks": ["abc", "hl"] },
            { "_type": "span", "text": "b", "marks": ["abc", "hl"] },
            { "_type": "button", "text": "c" },
            { "_type": "rating", "rating": 5 }
        ], "markDefs": [{ "_key": "hl", "_type": "highlight" }] });
        let mut warnings = Vec::new();
        assert_eq!(block_text(&block, "body[2]", &mut warnings).into_value(), json!("abc"));
        assert_eq!(
            warnings,
            [
                "body[2].children[0]: unknown mark \"abc\": its text is kept",
                "body[2].markDefs[0]: mark type \"highlight\" not shown: its text is kept",
                "body[2].children[2]: inline object \"button\" shown as its text",
                "body[2].children[3]: inline object \"rating\" skipped: Folio's text holds only text"
            ]
        );
    }
}
