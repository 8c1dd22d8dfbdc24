//! A page of related items fetched from a list's `src`: `{ "items": [...], "next": "..." }`.

use super::parse::{missing_field_path, path_text};
use super::{nullable, DocError, RelatedItem};
use serde::Deserialize;

/// Items to append to a related list, and where the following page is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ListPage {
    /// The items of this page.
    #[serde(default, deserialize_with = "nullable")]
    pub items: Vec<RelatedItem>,
    /// The next page, if there is one.
    #[serde(default)]
    pub next: Option<String>,
}

/// Parses a list page from JSON text, naming the path of the first bad field.
pub fn parse_list_page(text: &str) -> Result<ListPage, DocError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let page: ListPage = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = path_text(e.path());
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return DocError {
                path: String::new(),
                message: format!("the list is not well-formed JSON: {inner}"),
                position: Some((inner.line(), inner.column())),
            };
        }
        let (path, message) = missing_field_path(path, inner.to_string());
        DocError { path, message, position: None }
    })?;
    deserializer.end().map_err(|e| DocError {
        path: String::new(),
        message: format!("the list is not well-formed JSON: {e}"),
        position: Some((e.line(), e.column())),
    })?;
    Ok(page)
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
}
