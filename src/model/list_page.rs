//! A page of related items fetched from a list's `src`: `{ "items": [...], "next": "..." }`.
//! It meets the same limits as an article (size, depth, objects only; see `parse.rs`).

use super::json_text::read_text;
use super::lists::RelatedItem;
use super::parse::{check_size, read_with, DocError};
use super::rules::object_list;
use serde::{Deserialize, Deserializer};
use std::fmt;

/// Items to append to a related list, and where the following page is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ListPage {
    /// The items of this page; absent or `null` means none.
    #[serde(default, deserialize_with = "object_list")]
    pub items: Vec<RelatedItem>,
    /// The next page, if there is one.
    #[serde(default)]
    pub next: Option<String>,
}

/// Parses a list page from JSON text, naming the path of the first bad field.
pub fn parse_list_page(text: &str) -> Result<ListPage, DocError> {
    check_size(text.len(), "list")?;
    read_text(text, "list", not_an_object, PAGE)
}

/// Reads a list page from any serde deserializer (in the browser, a JavaScript value).
pub fn read_list_page<'de, D>(deserializer: D) -> Result<ListPage, DocError>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
{
    read_with(deserializer, not_an_object, PAGE)
}

/// What a list page's root is called in messages.
const PAGE: &str = "a list page object";

fn not_an_object(found: &str) -> DocError {
    DocError {
        path: String::new(),
        message: format!("a list page must be an object ({{ \"items\": [...] }}), found {found}"),
        position: None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_list_page;

    #[test]
    fn reads_items_and_next() {
        let page = parse_list_page(r#"{ "items": [ { "title": "a", "url": "/a" } ], "next": "page2.json" }"#).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.next.as_deref(), Some("page2.json"));
        assert!(parse_list_page(r#"{ "items": null }"#).unwrap().items.is_empty());
    }

    #[test]
    fn names_the_bad_item() {
        assert_eq!(parse_list_page(r#"{ "items": [ { "title": "a" } ] }"#).unwrap_err().path, "items[0].url");
        assert!(parse_list_page("{ \"items\": [").unwrap_err().position.is_some());
    }

    #[test]
    fn refuses_a_root_or_item_that_is_not_an_object() {
        let root = parse_list_page(r#"[ { "title": "a", "url": "/a" } ]"#).unwrap_err();
        assert_eq!(root.path, "");
        assert!(root.message.contains("must be an object") && root.message.contains("a list"), "{}", root.message);
        // A list of field values is not an item: a list page has objects.
        assert_eq!(parse_list_page(r#"{ "items": [ [ "a", "/a" ] ] }"#).unwrap_err().path, "items[0]");
    }
}
