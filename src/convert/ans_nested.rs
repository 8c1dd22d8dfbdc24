//! ANS elements made of other elements: quotes (their text elements joined, a line each), lists
//! (a nested list under the item before it), link lists and tables.

use super::ans_body::Body;
use super::inline_html::plain_from_html;
use super::list_items::{list_block, Item};
use super::source::{field_path, item_path, list_field, quoted_name, text_field};
use super::spans::{InlineText, Marks};
use super::MAX_LIST_DEPTH;
use serde_json::{json, Value};

/// A quote: the text of its elements, one line each (a nested quote's too, then its
/// citation), and its citation as `cite`. A deprecated `blockquote` holds HTML `content`.
pub(crate) fn quote(body: &mut Body, element: &Value, path: &str) {
    let mut text = InlineText::default();
    quote_text(body, element, path, &mut text);
    text.trim();
    if text.is_empty() {
        return body.warn(path, "a quote without text skipped");
    }
    let mut block = json!({ "type": "quote", "text": text.into_value() });
    if let Some(cite) = citation(body, element, path) {
        block["cite"] = json!(cite);
    }
    body.blocks.push(block);
}

fn quote_text(body: &mut Body, element: &Value, path: &str, text: &mut InlineText) {
    if let Some(html) = element.get("content").and_then(Value::as_str) {
        let line = body.inline(html, &field_path(path, "content"));
        add_line(text, line);
    }
    let inner_path = field_path(path, "content_elements");
    for (index, inner) in list_field(element, "content_elements").iter().enumerate() {
        let inner_at = item_path(&inner_path, index);
        match inner.get("type").and_then(Value::as_str) {
            Some("text") => {
                if let Some(line) = body.content(inner, &inner_at) {
                    add_line(text, line);
                }
            }
            Some("quote" | "blockquote") => {
                quote_text(body, inner, &inner_at, text);
                if let Some(cite) = citation(body, inner, &inner_at) {
                    add_line(text, InlineText::plain(&format!("— {cite}")));
                }
            }
            Some(other) => body.warn(&inner_at, format_args!("{} inside a quote skipped", quoted_name(other))),
            None => body.warn(&inner_at, "an element without a type skipped"),
        }
    }
}

/// A quote's citation: a text element, as ANS has it, or (leniently) plain text.
fn citation(body: &mut Body, element: &Value, path: &str) -> Option<String> {
    let citation = element.get("citation")?;
    let cite = match citation {
        Value::String(text) => {
            body.warn(&field_path(path, "citation"), "text rather than a text element; read as text");
            plain_from_html(text)
        }
        _ => plain_from_html(text_field(citation, "content")?),
    };
    (!cite.is_empty()).then_some(cite)
}

/// A list, its nested lists under the item before each.
pub(crate) fn list(body: &mut Body, element: &Value, path: &str) {
    let items = list_items(body, element, path, 1);
    if items.is_empty() {
        return body.warn(path, "a list without items skipped");
    }
    body.blocks.push(list_block(is_ordered(element), items));
}

/// The items of an ANS list at `depth`, with nested lists under the item before them.
fn list_items(body: &mut Body, list: &Value, path: &str, depth: usize) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let items_path = field_path(path, "items");
    for (index, element) in list_field(list, "items").iter().enumerate() {
        let at = item_path(&items_path, index);
        match element.get("type").and_then(Value::as_str) {
            Some("text") => {
                if let Some(text) = body.content(element, &at) {
                    items.push(Item::new(text.into_value()));
                }
            }
            Some("interstitial_link") => items.push(Item::new(body.link(element, &at).into_value())),
            Some("list") => {
                let nested = list_items(body, element, &at, depth + 1);
                match items.last_mut() {
                    Some(last) if depth < MAX_LIST_DEPTH => {
                        if last.items.is_empty() {
                            last.ordered = is_ordered(element);
                        }
                        last.items.extend(nested);
                    }
                    _ => {
                        body.warn(&at, "a nested list with no item before it (or too deep) joined the list around it");
                        items.extend(nested);
                    }
                }
            }
            Some(other) => body.warn(&at, format_args!("{} inside a list skipped", quoted_name(other))),
            None => body.warn(&at, "an element without a type skipped"),
        }
    }
    items
}

/// A link list: its title as a bold paragraph, then a list of its links.
pub(crate) fn link_list(body: &mut Body, element: &Value, path: &str) {
    let items = list_items(body, element, path, MAX_LIST_DEPTH);
    if items.is_empty() {
        return body.warn(path, "a link list without items skipped");
    }
    if let Some(title) = text_field(element, "title").map(plain_from_html) {
        let mut text = InlineText::default();
        text.push(&title, &Marks { bold: true, ..Marks::default() });
        body.blocks.push(json!({ "type": "paragraph", "text": text.into_value() }));
    }
    body.blocks.push(list_block(false, items));
}

/// A table: the header, when there is one, as its first row; each cell a text element.
pub(crate) fn table(body: &mut Body, element: &Value, path: &str) {
    let mut rows = Vec::new();
    let header = element.get("header").and_then(Value::as_array).filter(|cells| !cells.is_empty());
    if let Some(cells) = header {
        rows.push(table_row(body, cells, &field_path(path, "header")));
    }
    let rows_path = field_path(path, "rows");
    for (index, row) in list_field(element, "rows").iter().enumerate() {
        match row.as_array() {
            Some(cells) => rows.push(table_row(body, cells, &item_path(&rows_path, index))),
            None => body.warn(&item_path(&rows_path, index), "a row that is not a list of cells skipped"),
        }
    }
    if rows.iter().all(|row: &Vec<Value>| row.is_empty()) {
        return body.warn(path, "a table without cells skipped");
    }
    let mut block = json!({ "type": "table", "rows": rows });
    if header.is_some() {
        block["header"] = json!(true);
    }
    body.blocks.push(block);
}

fn table_row(body: &mut Body, cells: &[Value], path: &str) -> Vec<Value> {
    let mut row = Vec::with_capacity(cells.len());
    for (index, cell) in cells.iter().enumerate() {
        let at = item_path(path, index);
        let text = match cell.get("type").and_then(Value::as_str) {
            Some("text") => body.content(cell, &at).unwrap_or_default(),
            _ => {
                body.warn(&at, "a cell that is not a text element left empty");
                InlineText::default()
            }
        };
        row.push(text.into_value());
    }
    row
}

/// Adds `line` to `text` on a line of its own.
fn add_line(text: &mut InlineText, line: InlineText) {
    if line.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.line_break();
    }
    text.append(line);
}

/// Whether an ANS list is numbered (`list_type` "ordered"; anything else is bulleted).
fn is_ordered(list: &Value) -> bool {
    list.get("list_type").and_then(Value::as_str) == Some("ordered")
}
