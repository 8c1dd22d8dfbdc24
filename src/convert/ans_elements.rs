//! ANS content elements into Folio body blocks: the one place that matches on an element's type.
//! Elements made of elements are in `ans_nested.rs`, media in `ans_media.rs`. Element groups are
//! flattened into the body. What has no Folio block (raw HTML, unresolved references, unknown
//! types) is skipped and reported with its path: raw HTML is never carried over, in any form.

use super::ans_body::Body;
use super::ans_media::{gallery, image, oembed, video};
use super::ans_nested::{link_list, list, quote, table};
use super::source::{field_path, item_path, list_field, quoted_name, text_field};
use super::spans::{InlineText, Marks};
use serde_json::{json, Value};

/// Adds to `body` the blocks of the content elements `elements`, the list at `path`.
pub(crate) fn elements(body: &mut Body, elements: &[Value], path: &str) {
    for (index, element) in elements.iter().enumerate() {
        self::element(body, element, &item_path(path, index));
    }
}

fn element(body: &mut Body, element: &Value, path: &str) {
    let Some(kind) = element.get("type").and_then(Value::as_str) else {
        return body.warn(path, "an element without a type skipped");
    };
    match kind {
        "text" => {
            if let Some(text) = body.content(element, path).filter(|text| !text.is_empty()) {
                body.blocks.push(json!({ "type": "paragraph", "text": text.into_value() }));
            }
        }
        "header" => header(body, element, path),
        "image" => {
            if let Some(mut image) = image(element, path, &mut body.warnings) {
                image.insert("type".into(), json!("image"));
                body.blocks.push(Value::Object(image));
            }
        }
        "quote" | "blockquote" => quote(body, element, path),
        "list" => list(body, element, path),
        "divider" => body.blocks.push(json!({ "type": "divider" })),
        "video" => body.blocks.extend(video(element, path, &mut body.warnings)),
        "gallery" => body.blocks.extend(gallery(element, path, &mut body.warnings)),
        "table" => table(body, element, path),
        "code" => code(body, element, path),
        "interstitial_link" => {
            let text = body.link(element, path);
            body.blocks.push(json!({ "type": "paragraph", "text": text.into_value() }));
        }
        "link_list" => link_list(body, element, path),
        "correction" => correction(body, element, path),
        "oembed_response" => body.blocks.extend(oembed(element, path, &mut body.warnings)),
        "element_group" => elements(body, list_field(element, "content_elements"), &field_path(path, "content_elements")),
        "raw_html" => body.warn(path, "raw_html skipped"),
        "reference" => body.warn(path, "reference skipped: what it refers to is not in the document"),
        other => body.warn(path, format_args!("{} skipped: Folio has no block for it", quoted_name(other))),
    }
}

fn header(body: &mut Body, element: &Value, path: &str) {
    let Some(text) = body.content(element, path) else { return };
    // The headline is the page's one <h1>, so a level-1 header is the first level below it.
    let level = element.get("level").and_then(Value::as_u64).unwrap_or(2).clamp(2, 6);
    if level == 2 {
        body.blocks.push(json!({ "type": "heading", "text": text.into_value() }));
    } else {
        body.blocks.push(json!({ "type": "heading", "level": level, "text": text.into_value() }));
    }
}

fn code(body: &mut Body, element: &Value, path: &str) {
    let Some(code) = element.get("content").and_then(Value::as_str) else {
        return body.warn(path, "an element without text content skipped");
    };
    let mut block = json!({ "type": "code", "text": code });
    if let Some(language) = text_field(element, "language") {
        block["language"] = json!(language);
    }
    body.blocks.push(block);
}

/// Adds a correction to `body`: a paragraph that starts with a bold label.
pub(crate) fn correction(body: &mut Body, element: &Value, path: &str) {
    let Some(html) = element.get("text").and_then(Value::as_str) else {
        return body.warn(path, "a correction without text skipped");
    };
    let correction = body.inline(html, &field_path(path, "text"));
    let label = match element.get("correction_type").and_then(Value::as_str) {
        Some("clarification") => "Clarification:",
        _ => "Correction:",
    };
    let mut text = InlineText::default();
    text.push(label, &Marks { bold: true, ..Marks::default() });
    text.push(" ", &Marks::default());
    text.append(correction);
    body.blocks.push(json!({ "type": "paragraph", "text": text.into_value() }));
}
