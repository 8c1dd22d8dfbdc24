//! What follows the body: related-news lists (given inline, or fetched page by page from `src`)
//! and reader comments.

use super::rules::{object_list, whole};
use super::time::Timestamp;
use serde::{Deserialize, Deserializer};

/// How a related list is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// A plain list of links.
    Plain,
    /// Numbered 01, 02, ... in an `<ol>`.
    Ranked,
    /// Video items with thumbnail and duration.
    Video,
}

/// A related-news list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RelatedList {
    /// The publisher's id for the list.
    #[serde(default)]
    pub id: Option<String>,
    /// The list's title, e.g. "最新消息".
    pub title: String,
    /// How the list is shown: `plain` (the default), `ranked` (numbered 01, 02, ...) or `video`.
    /// Kept as written: any other value is shown as plain, with a warning.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("examples" = ["plain", "ranked", "video"])))]
    pub style: Option<String>,
    /// The items given inline.
    #[serde(default, deserialize_with = "object_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<RelatedItem>>"))]
    pub items: Vec<RelatedItem>,
    /// Where more items can be fetched.
    #[serde(default)]
    pub src: Option<String>,
    /// The "see more" address.
    #[serde(default)]
    pub more_url: Option<String>,
}

impl RelatedList {
    /// The style to show; an unknown style is shown as plain (and reported when parsing).
    pub fn style(&self) -> ListStyle {
        match self.style.as_deref() {
            Some("ranked") => ListStyle::Ranked,
            Some("video") => ListStyle::Video,
            _ => ListStyle::Plain,
        }
    }
}

/// One entry of a related list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RelatedItem {
    /// The linked article's title.
    pub title: String,
    /// Where the link goes.
    pub url: String,
    /// The publisher shown beside the title.
    #[serde(default)]
    pub source: Option<String>,
    /// When the linked article was published.
    #[serde(default)]
    pub date_published: Option<Timestamp>,
    /// A thumbnail.
    #[serde(default)]
    pub image: Option<String>,
    /// For videos: an ISO 8601 duration such as `PT3M20S`.
    #[serde(default)]
    pub duration: Option<String>,
    /// The JSON document of the linked article, for in-place navigation.
    #[serde(default)]
    pub article: Option<String>,
}

/// The comments block.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comments {
    /// How many comments there are (may exceed the items given).
    pub count: Count,
    /// Where the full discussion lives.
    #[serde(default)]
    pub url: Option<String>,
    /// The comments shown.
    #[serde(default, deserialize_with = "object_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<Comment>>"))]
    pub items: Vec<Comment>,
}

/// A reader's comment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    /// Who wrote it.
    pub author: String,
    /// What they wrote, as plain text.
    pub text: String,
    /// When.
    #[serde(default)]
    pub date_published: Option<Timestamp>,
}

/// A whole number of 0 or more. JSON numbers arrive as floats from JavaScript, so `3.0` is
/// accepted while `-1` and `2.5` are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        whole(deserializer, "a count", "a whole number of 0 or more", |_| true).map(Count)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Count {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A whole number of 0 or more (`3.0` counts as 3).",
            "type": "integer",
            "minimum": 0,
            "maximum": 9_007_199_254_740_991_u64
        })
    }
}
