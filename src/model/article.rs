//! The article document itself: its fields, the people and links it names, and the two fields
//! with rules of their own (the contract version and a headline that is not blank). Body blocks are
//! in `block.rs`, related lists and comments in `lists.rs`.

use super::block::{Block, Image};
use super::lists::{Comments, RelatedList};
use super::rules::{object_list, optional_object, whole};
use super::time::Timestamp;
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
    #[cfg_attr(feature = "schema", schemars(with = "Vec<super::body_item::BodyItem>"))]
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
            Err(serde::de::Error::custom(format_args!(
                "unsupported version {version}: this renderer reads version 1 of the article contract"
            )))
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
