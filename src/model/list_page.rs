//! A page of related items fetched from a list's `src`: `{ "items": [...], "next": "..." }`.
//! It meets the same limits as an article (size, depth, objects only; see `parse.rs`).

use super::parse::{check_size, clip, json_error, missing_field_path, path_text, root_kind};
use super::{object_list, DocError, Object, RelatedItem};
use serde::Deserialize;

/// Items to append to a related list, and where the following page is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ListPage {
    /// The items of this page.
    #[serde(default, deserialize_with = "object_list")]
    pub items: Vec<RelatedItem>,
    /// The next page, if there is one.
    #[serde(default)]
    pub next: Option<String>,
}

/// Parses a list page from JSON text, naming the path of the first bad field.
pub fn parse_list_page(text: &str) -> Result<ListPage, DocError> {
    check_size(text.len(), "list")?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let page: Object<ListPage> = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        if e.inner().is_syntax() || e.inner().is_eof() {
            return json_error(Some(e.path()), e.inner(), Some(text), "list");
        }
        let path = path_text(e.path());
        let message = e.into_inner().to_string();
        if let Some(found) = root_kind(&message).filter(|_| path.is_empty()) {
            return DocError {
                path,
                message: format!("a list page must be an object ({{ \"items\": [...] }}), found {found}"),
                position: None,
            };
        }
        let (path, message) = missing_field_path(path, message);
        DocError { path, message: clip(message), position: None }
    })?;
    deserializer.end().map_err(|e| json_error(None, &e, Some(text), "list"))?;
    Ok(page.0)
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
        // serde would read a list of field values as an item; a list page has objects.
        assert_eq!(parse_list_page(r#"{ "items": [ [ "a", "/a" ] ] }"#).unwrap_err().path, "items[0]");
    }
}
