//! The article document of the contract (version 1), as plain Rust: serde types and the checks
//! that make a parsed value trustworthy. The types are the one place the document's shape is
//! written: serde reads them, and with the `schema` feature schemars writes the JSON Schema from the
//! same attributes. No Yew, no DOM: everything here compiles and is tested natively.
//!
//! Invariants once [`parse_text`] or [`parse_value`] return `Ok`:
//! - `headline` is not blank, `version` is absent or 1, every timestamp is RFC 3339 with offset;
//! - every heading level is 2 or 3, every count is a whole number of 0 or more;
//! - unknown block types have been dropped (and reported in [`Parsed::warnings`]).
//!
//! The reading rules the types share are at the top of `rules.rs`; the limits on untrusted input
//! (size, nesting) at the top of `parse.rs`.

mod block;
mod list_page;
mod parse;
mod rules;
mod sharing;
pub mod time;

pub use block::{Block, HeadingLevel, Image, Inline, Span};
pub use list_page::{parse_list_page, read_list_page, ListPage};
#[cfg(target_arch = "wasm32")]
pub(crate) use parse::check_size;
pub use parse::{parse_text, parse_value, read_document, DocError, Parsed, MAX_DEPTH, MAX_DOCUMENT_BYTES};
pub use time::Timestamp;

use rules::{object_list, optional_object, whole};
use serde::{Deserialize, Deserializer};
use std::rc::Rc;

/// An article document. `B` is the body block type: serde reads the body as it finds it (a block
/// to show, or the type of one to skip), and parsing keeps the blocks to show, each shared.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArticleOf<B> {
    /// Contract version; only 1 exists.
    #[serde(default)]
    pub version: Option<ContractVersion>,
    /// The publisher's id for the article.
    #[serde(default)]
    pub id: Option<String>,
    /// BCP 47 language tag; drives UI words and date formats. Absent means `en`.
    #[serde(default)]
    pub lang: Option<String>,
    /// Canonical address of the article.
    #[serde(default)]
    pub url: Option<String>,
    /// Category the article belongs to.
    #[serde(default, deserialize_with = "optional_object")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Link>"))]
    pub section: Option<Link>,
    /// The article's title: required, never blank.
    pub headline: Headline,
    /// A line under the headline.
    #[serde(default)]
    pub subheadline: Option<String>,
    /// Who published it.
    #[serde(default, deserialize_with = "optional_object")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Publisher>"))]
    pub publisher: Option<Publisher>,
    /// Who wrote it.
    #[serde(default, deserialize_with = "object_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<Person>>"))]
    pub authors: Vec<Person>,
    /// When it was first published.
    pub date_published: Timestamp,
    /// When it was last changed.
    #[serde(default)]
    pub date_modified: Option<Timestamp>,
    /// IANA time zone for absolute times; absent means the reader's.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// The lead image.
    #[serde(default, deserialize_with = "optional_object")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Image>"))]
    pub image: Option<Image>,
    /// The article text, in order. May be empty, may not be missing.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<block::BodyItem>"))]
    pub body: Vec<B>,
    /// Sources or reprint note shown after the body.
    #[serde(default)]
    pub credits: Option<String>,
    /// Where the article first appeared.
    #[serde(default)]
    pub original_url: Option<String>,
    /// Topic tags.
    #[serde(default, deserialize_with = "object_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<Link>>"))]
    pub tags: Vec<Link>,
    /// Related-news lists, in the order given.
    #[serde(default, deserialize_with = "object_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<RelatedList>>"))]
    pub lists: Vec<RelatedList>,
    /// Reader comments.
    #[serde(default, deserialize_with = "optional_object")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Comments>"))]
    pub comments: Option<Comments>,
}

impl<B> ArticleOf<B> {
    /// The same article with another body.
    pub(crate) fn with_body<C>(self, body: Vec<C>) -> ArticleOf<C> {
        ArticleOf {
            version: self.version,
            id: self.id,
            lang: self.lang,
            url: self.url,
            section: self.section,
            headline: self.headline,
            subheadline: self.subheadline,
            publisher: self.publisher,
            authors: self.authors,
            date_published: self.date_published,
            date_modified: self.date_modified,
            time_zone: self.time_zone,
            image: self.image,
            body,
            credits: self.credits,
            original_url: self.original_url,
            tags: self.tags,
            lists: self.lists,
            comments: self.comments,
        }
    }
}

/// An article whose body blocks have been checked. Each block is shared: an update that leaves a
/// block as it was keeps the same block (see [`Article::sharing_blocks_with`]).
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

impl<'de> Deserialize<'de> for ContractVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let version = whole(deserializer, "a version", "1", |_| true)?;
        if version == 1 {
            Ok(ContractVersion)
        } else {
            Err(serde::de::Error::custom(format_args!("unsupported version {version}: this renderer reads version 1 of the article contract")))
        }
    }
}

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

impl<'de> Deserialize<'de> for Headline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.trim().is_empty() {
            return Err(serde::de::Error::custom("the headline is blank; an article needs a headline"));
        }
        Ok(Headline(text))
    }
}

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
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// What the reader sees.
    pub name: String,
    /// Where it leads.
    #[serde(default)]
    pub url: Option<String>,
}

/// An author.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// The author's name.
    pub name: String,
    /// The author's page.
    #[serde(default)]
    pub url: Option<String>,
}

/// The publisher of the article.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Publisher {
    /// The publisher's name.
    pub name: String,
    /// The publisher's home page.
    #[serde(default)]
    pub url: Option<String>,
    /// A logo image.
    #[serde(default)]
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
