//! The state of converting ANS content elements: the blocks so far and what was reported, with
//! the readers every element converter shares (HTML text, an element's content, a link).

use super::inline_html::{inline_from_html, plain_from_html};
use super::source::{field_path, text_field};
use super::spans::{InlineText, Marks};
use crate::url::sanitize;
use serde_json::Value;
use std::fmt::Display;

/// The blocks read from content elements so far, and what was reported on the way.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// Folio blocks, in order.
    pub blocks: Vec<Value>,
    /// Warnings, each starting with the path in the source.
    pub warnings: Vec<String>,
}

impl Body {
    /// Reports `message` about the field at `path`.
    pub fn warn(&mut self, path: &str, message: impl Display) {
        self.warnings.push(format!("{path}: {message}"));
    }

    /// The inline text of the HTML `html`, at `path`.
    pub fn inline(&mut self, html: &str, path: &str) -> InlineText {
        inline_from_html(html, path, &mut self.warnings)
    }

    /// The inline text of an element's HTML `content`, or `None` (reported) when it has none.
    pub fn content(&mut self, element: &Value, path: &str) -> Option<InlineText> {
        match element.get("content").and_then(Value::as_str) {
            Some(html) => Some(self.inline(html, &field_path(path, "content"))),
            None => {
                self.warn(path, "an element without text content skipped");
                None
            }
        }
    }

    /// The text of an interstitial link, linked to its URL when that is safe.
    pub fn link(&mut self, element: &Value, path: &str) -> InlineText {
        let url = text_field(element, "url");
        let title = text_field(element, "content").map(plain_from_html).filter(|t| !t.is_empty());
        let href = url.and_then(sanitize);
        if url.is_some() && href.is_none() {
            self.warn(&field_path(path, "url"), "an unsafe URL: the link is kept as text");
        } else if url.is_none() {
            self.warn(path, "a link without a url kept as text");
        }
        let text = title.or_else(|| url.map(str::to_owned)).unwrap_or_default();
        let mut inline = InlineText::default();
        inline.push(&text, &Marks { href, ..Marks::default() });
        inline
    }
}
