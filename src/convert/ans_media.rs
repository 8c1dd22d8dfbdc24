//! ANS media elements into Folio blocks: images (also the story's lead image), videos, galleries
//! and oEmbed responses. An embed becomes a paragraph with a link to what it shows: its HTML (a
//! script, an iframe) is never carried over.

use super::inline_html::{inline_from_html, plain_from_html};
use super::source::{field_path, item_path, list_field, pixels, text_field};
use super::spans::{InlineText, Marks};
use crate::url::{is_loadable, sanitize};
use serde_json::{json, Map, Value};

/// The fields of a Folio image from an ANS image at `path` (the block's `type` is the caller's to
/// add), or `None`, reported, when it has no URL Folio may load.
pub(crate) fn image(element: &Value, path: &str, warnings: &mut Vec<String>) -> Option<Map<String, Value>> {
    let Some(url) = text_field(element, "url") else {
        warnings.push(format!("{path}: an image without a url skipped"));
        return None;
    };
    let Some(src) = resource(url) else {
        warnings.push(format!("{path}.url: an unsafe URL: the image is skipped"));
        return None;
    };
    let mut image = Map::new();
    image.insert("src".into(), json!(src));
    let alt = text_field(element, "alt_text").map(plain_from_html).unwrap_or_default();
    if alt.is_empty() {
        warnings.push(format!("{path}: no alt_text: the image is shown with an empty alt, as a decorative image is"));
    }
    image.insert("alt".into(), json!(alt));
    if let Some(caption) = text_field(element, "caption") {
        let caption = inline_from_html(caption, &field_path(path, "caption"), warnings);
        if !caption.is_empty() {
            image.insert("caption".into(), caption.into_value());
        }
    }
    if let Some(credit) = names(element.get("credits").unwrap_or(&Value::Null)) {
        image.insert("credit".into(), json!(credit));
    }
    for side in ["width", "height"] {
        if let Some(size) = pixels(element, side) {
            image.insert(side.into(), json!(size));
        }
    }
    Some(image)
}

/// The names in ANS credits' `by` list, joined; references to people are not resolved.
fn names(credits: &Value) -> Option<String> {
    let names: Vec<String> = list_field(credits, "by")
        .iter()
        .filter_map(|person| text_field(person, "name").or_else(|| text_field(person, "byline")))
        .map(plain_from_html)
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// A URL Folio may load (not only link to), after the one sanitiser.
fn resource(url: &str) -> Option<String> {
    sanitize(url).filter(|url| is_loadable(url))
}

/// A video: its first stream a browser plays (an MP4 before HLS, which few play natively), the
/// promo image as poster, the description as caption. Without a stream, a link to its page.
pub(crate) fn video(element: &Value, path: &str, warnings: &mut Vec<String>) -> Option<Value> {
    let src = list_field(element, "streams")
        .iter()
        .filter_map(|stream| Some((text_field(stream, "url").and_then(resource)?, stream.get("streamType").and_then(Value::as_str))))
        .min_by_key(|(_, kind)| if *kind == Some("mp4") { 0 } else { 1 })
        .map(|(url, _)| url);
    let description = element.get("description").and_then(|d| text_field(d, "basic"));
    let title = element.get("headlines").and_then(|h| text_field(h, "basic"));
    let Some(src) = src else {
        let page = text_field(element, "canonical_url").and_then(sanitize);
        let Some(page) = page else {
            warnings.push(format!("{path}: a video without a stream or page URL Folio may use skipped"));
            return None;
        };
        warnings.push(format!("{path}: a video without a stream Folio may play: a link to its page instead"));
        let text = title.or(description).map(plain_from_html).unwrap_or_else(|| page.clone());
        let mut link = InlineText::default();
        link.push(&text, &Marks { href: Some(page), ..Marks::default() });
        return Some(json!({ "type": "paragraph", "text": link.into_value() }));
    };
    let mut block = json!({ "type": "video", "src": src });
    let poster = element.get("promo_image").or_else(|| element.get("promo_items").and_then(|p| p.get("basic")));
    if let Some(poster) = poster.and_then(|p| text_field(p, "url")).and_then(resource) {
        block["poster"] = json!(poster);
    }
    let caption_path = if description.is_some() { "description.basic" } else { "headlines.basic" };
    if let Some(caption) = description.or(title) {
        let caption = inline_from_html(caption, &field_path(path, caption_path), warnings);
        if !caption.is_empty() {
            block["caption"] = caption.into_value();
        }
    }
    Some(block)
}

/// A gallery's images, each an image block.
pub(crate) fn gallery(element: &Value, path: &str, warnings: &mut Vec<String>) -> Vec<Value> {
    let elements_path = field_path(path, "content_elements");
    let mut blocks = Vec::new();
    for (index, item) in list_field(element, "content_elements").iter().enumerate() {
        let at = item_path(&elements_path, index);
        if item.get("type").and_then(Value::as_str) != Some("image") {
            warnings.push(format!("{at}: an element of a gallery that is not an image skipped"));
        } else if let Some(mut image) = image(item, &at, warnings) {
            image.insert("type".into(), json!("image"));
            blocks.push(Value::Object(image));
        }
    }
    if list_field(element, "content_elements").is_empty() {
        warnings.push(format!("{path}: a gallery without images skipped"));
    }
    blocks
}

/// An oEmbed response as a paragraph with a link to the embedded page: provider and title.
pub(crate) fn oembed(element: &Value, path: &str, warnings: &mut Vec<String>) -> Option<Value> {
    let raw = element.get("raw_oembed").unwrap_or(&Value::Null);
    let referent = element.get("referent").and_then(|r| text_field(r, "id")).filter(|id| is_web_address(id));
    let url = text_field(raw, "url").or(referent);
    let href = url.and_then(sanitize);
    let provider = text_field(raw, "provider_name").map(plain_from_html);
    let title = text_field(raw, "title").or_else(|| text_field(raw, "author_name")).map(plain_from_html);
    let text = match (provider, title) {
        (Some(provider), Some(title)) => format!("{provider}: {title}"),
        (provider, title) => match provider.or(title).or_else(|| href.clone()) {
            Some(text) => text,
            None => {
                warnings.push(format!("{path}: an embed without a URL or title skipped"));
                return None;
            }
        },
    };
    if href.is_none() {
        warnings.push(format!("{path}: an embed without a URL Folio may link to: its title is kept as text"));
    }
    let mut link = InlineText::default();
    link.push(&text, &Marks { href, ..Marks::default() });
    Some(json!({ "type": "paragraph", "text": link.into_value() }))
}

/// Whether `text` is an absolute http(s) address (an id that is one can be linked to).
fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
