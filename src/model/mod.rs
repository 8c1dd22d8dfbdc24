//! The article document of the contract (version 1), as plain Rust: the types, their readers
//! from JSON text (`json.rs`, `read.rs`) and the checks that make a parsed value trustworthy. No
//! Yew, no DOM: everything here compiles and is tested natively.
//!
//! Invariants once [`parse_text`] or [`parse_value`] return `Ok` (or a [`Reading`] has an article):
//! - `headline` is not blank, `version` is absent or 1, every timestamp is RFC 3339 with offset;
//! - every heading level is 2 or 3, every count is a whole number of 0 or more;
//! - unknown block types have been dropped (and reported in [`Parsed::warnings`]).
//!
//! `null` in an optional field means absent (the contract says so); the rules the readers share
//! are at the top of `read.rs`.
//!
//! Limits, each refused with a message that says so (see `parse.rs`): at most
//! [`MAX_DOCUMENT_BYTES`] of JSON text, and, for a `serde_json::Value`, lists and objects nested at
//! most [`MAX_DEPTH`] deep.
//!
//! With the `schema` feature the types also derive a JSON Schema (`schemars`), which reads the
//! `serde` attributes below for field names and defaults; nothing here is read through serde.

mod block;
mod json;
mod list_page;
mod parse;
mod read;
mod reading;
pub mod time;
mod utf16;

pub use list_page::{parse_list_page, ListPage};
pub use block::{Block, HeadingLevel, Image, Inline, Span};
pub use parse::{parse_text, parse_value, DocError, Parsed, MAX_DEPTH, MAX_DOCUMENT_BYTES};
pub use reading::Reading;
#[cfg(target_arch = "wasm32")]
pub(crate) use parse::check_size;
pub use time::Timestamp;
pub use utf16::json_text_from_utf16;

use std::rc::Rc;

/// An article document. `B` is the body block type: parsing first keeps each block as its JSON
/// text, then reads it by its `type` into a [`Block`], each with its own JSON path.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(rename_all = "camelCase"))]
pub struct ArticleOf<B> {
    /// Contract version; only 1 exists.
    #[cfg_attr(feature = "schema", serde(default))]
    pub version: Option<ContractVersion>,
    /// The publisher's id for the article.
    #[cfg_attr(feature = "schema", serde(default))]
    pub id: Option<String>,
    /// BCP 47 language tag; drives UI words and date formats. Absent means `en`.
    #[cfg_attr(feature = "schema", serde(default))]
    pub lang: Option<String>,
    /// Canonical address of the article.
    #[cfg_attr(feature = "schema", serde(default))]
    pub url: Option<String>,
    /// Category the article belongs to.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Link>"))]
    pub section: Option<Link>,
    /// The article's title: required, never blank.
    pub headline: Headline,
    /// A line under the headline.
    #[cfg_attr(feature = "schema", serde(default))]
    pub subheadline: Option<String>,
    /// Who published it.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Publisher>"))]
    pub publisher: Option<Publisher>,
    /// Who wrote it.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Vec<Person>>"))]
    pub authors: Vec<Person>,
    /// When it was first published.
    pub date_published: Timestamp,
    /// When it was last changed.
    #[cfg_attr(feature = "schema", serde(default))]
    pub date_modified: Option<Timestamp>,
    /// IANA time zone for absolute times; absent means the reader's.
    #[cfg_attr(feature = "schema", serde(default))]
    pub time_zone: Option<String>,
    /// The lead image.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Image>"))]
    pub image: Option<Image>,
    /// The article text, in order. May be empty, may not be missing.
    pub body: Vec<B>,
    /// Sources or reprint note shown after the body.
    #[cfg_attr(feature = "schema", serde(default))]
    pub credits: Option<String>,
    /// Where the article first appeared.
    #[cfg_attr(feature = "schema", serde(default))]
    pub original_url: Option<String>,
    /// Topic tags.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Vec<Link>>"))]
    pub tags: Vec<Link>,
    /// Related-news lists, in the order given.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Vec<RelatedList>>"))]
    pub lists: Vec<RelatedList>,
    /// Reader comments.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Comments>"))]
    pub comments: Option<Comments>,
}

/// An article whose body blocks have been checked. Each block is shared: an update that leaves a
/// block as it was keeps the same block (see [`Reading`]).
pub type Article = ArticleOf<Rc<Block>>;

impl Article {
    /// The language the article is written in (`en` when the document names none).
    pub fn lang(&self) -> &str {
        self.lang_or(None)
    }

    /// The article's language: its own `lang`, else the host's, else `en`.
    pub fn lang_or<'a>(&'a self, host: Option<&'a str>) -> &'a str {
        let named = |l: &&str| !l.trim().is_empty();
        self.lang.as_deref().filter(named).or(host.filter(named)).unwrap_or("en")
    }
}

/// The contract version field: the only accepted value is 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContractVersion;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ContractVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ContractVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The contract version: only 1 exists; another number is an error that says so.",
            "const": 1
        })
    }
}

/// A headline: text that is not blank.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline(pub String);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Headline {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Headline".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text that is not blank: at least one character that is not white space.",
            "type": "string",
            "pattern": non_blank_pattern()
        })
    }
}

/// A regular expression (ECMA-262, the dialect JSON Schema uses) that finds a character
/// `str::trim` would keep. The class is read from `char::is_whitespace`, the set `trim` removes,
/// so the schema and the check above cannot drift apart (JavaScript's `\S` is a different set).
#[cfg(feature = "schema")]
fn non_blank_pattern() -> String {
    let mut class = String::from("[^");
    let mut spaces = ('\0'..=char::MAX).filter(|c| c.is_whitespace()).peekable();
    while let Some(first) = spaces.next() {
        let mut last = first;
        while let Some(next) = spaces.next_if(|&c| c as u32 == last as u32 + 1) {
            last = next;
        }
        // Every white-space character is in the Basic Multilingual Plane, so `\uXXXX` fits.
        class.push_str(&format!("\\u{:04x}", first as u32));
        if last != first {
            class.push_str(&format!("-\\u{:04x}", last as u32));
        }
    }
    class.push(']');
    class
}

/// A name with an optional address (section, tag).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// What the reader sees.
    pub name: String,
    /// Where it leads.
    #[cfg_attr(feature = "schema", serde(default))]
    pub url: Option<String>,
}

/// An author.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// The author's name.
    pub name: String,
    /// The author's page.
    #[cfg_attr(feature = "schema", serde(default))]
    pub url: Option<String>,
}

/// The publisher of the article.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Publisher {
    /// The publisher's name.
    pub name: String,
    /// The publisher's home page.
    #[cfg_attr(feature = "schema", serde(default))]
    pub url: Option<String>,
    /// A logo image.
    #[cfg_attr(feature = "schema", serde(default))]
    pub logo: Option<String>,
}

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
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(rename_all = "camelCase"))]
pub struct RelatedList {
    /// The publisher's id for the list.
    #[cfg_attr(feature = "schema", serde(default))]
    pub id: Option<String>,
    /// The list's title, e.g. "最新消息".
    pub title: String,
    /// How the list is shown: `plain` (the default), `ranked` (numbered 01, 02, ...) or `video`.
    /// Kept as written: any other value is shown as plain, with a warning.
    #[cfg_attr(feature = "schema", serde(default), schemars(extend("examples" = ["plain", "ranked", "video"])))]
    pub style: Option<String>,
    /// The items given inline.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Vec<RelatedItem>>"))]
    pub items: Vec<RelatedItem>,
    /// Where more items can be fetched.
    #[cfg_attr(feature = "schema", serde(default))]
    pub src: Option<String>,
    /// The "see more" address.
    #[cfg_attr(feature = "schema", serde(default))]
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
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(rename_all = "camelCase"))]
pub struct RelatedItem {
    /// The linked article's title.
    pub title: String,
    /// Where the link goes.
    pub url: String,
    /// The publisher shown beside the title.
    #[cfg_attr(feature = "schema", serde(default))]
    pub source: Option<String>,
    /// When the linked article was published.
    #[cfg_attr(feature = "schema", serde(default))]
    pub date_published: Option<Timestamp>,
    /// A thumbnail.
    #[cfg_attr(feature = "schema", serde(default))]
    pub image: Option<String>,
    /// For videos: an ISO 8601 duration such as `PT3M20S`.
    #[cfg_attr(feature = "schema", serde(default))]
    pub duration: Option<String>,
    /// The JSON document of the linked article, for in-place navigation.
    #[cfg_attr(feature = "schema", serde(default))]
    pub article: Option<String>,
}

/// The comments block.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comments {
    /// How many comments there are (may exceed the items given).
    pub count: Count,
    /// Where the full discussion lives.
    #[cfg_attr(feature = "schema", serde(default))]
    pub url: Option<String>,
    /// The comments shown.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<Vec<Comment>>"))]
    pub items: Vec<Comment>,
}

/// A reader's comment.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(rename_all = "camelCase"))]
pub struct Comment {
    /// Who wrote it.
    pub author: String,
    /// What they wrote, as plain text.
    pub text: String,
    /// When.
    #[cfg_attr(feature = "schema", serde(default))]
    pub date_published: Option<Timestamp>,
}

/// A whole number of 0 or more. JSON numbers arrive as floats from JavaScript, so `3.0` is
/// accepted while `-1` and `2.5` are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub u64);

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
