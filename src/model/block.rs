//! Body blocks and inline text. [`Block`] derives its reader, one variant a block type; the block
//! object is handed to it by `body_item.rs`, which finds the block's `type` first.

use super::rules::{nullable, whole, Object};
use serde::de::{self, value::MapAccessDeserializer, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// One block of the article body. `Eq`, so that comparing two `Rc<Block>`s that share their block
/// stops at the pointers (the body of an updated article shares its unchanged blocks).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", description = "One block of the article body of a type this renderer knows, chosen by its `type`.")
)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// A paragraph: `<p>`.
    Paragraph {
        /// Its text.
        text: Inline,
    },
    /// A section heading: `<h2>` to `<h6>`.
    Heading {
        /// 2 to 6; absent means 2.
        #[serde(default, deserialize_with = "nullable")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<HeadingLevel>"))]
        level: HeadingLevel,
        /// Its text.
        text: Inline,
    },
    /// A quotation: `<blockquote>`.
    Quote {
        /// What was said.
        text: Inline,
        /// Who said it.
        #[serde(default)]
        cite: Option<String>,
    },
    /// A bulleted (`<ul>`) or numbered (`<ol>`) list.
    List {
        /// Numbered rather than bulleted; absent means bulleted.
        #[serde(default, deserialize_with = "nullable")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
        ordered: bool,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A table: `<table>`, its first row the column headings when `header` is set.
    Table {
        /// The rows, each a list of cells.
        rows: Vec<Vec<Inline>>,
        /// The first row holds the column headings (`<th>`); absent means no headings.
        #[serde(default, deserialize_with = "nullable")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
        header: bool,
        /// Says what the table shows: `<caption>`.
        #[serde(default)]
        caption: Option<Inline>,
    },
    /// Preformatted code: `<pre><code>`, its line breaks and spaces kept.
    Code {
        /// The code, as written.
        text: String,
        /// Its programming language, as a name (`rust`, `json`).
        #[serde(default)]
        language: Option<String>,
    },
    /// A figure: `<figure>` with `<img alt>` and `<figcaption>`.
    Image(Image),
    /// A video with an optional poster.
    Video {
        /// The video file.
        src: String,
        /// Still shown before playing.
        #[serde(default)]
        poster: Option<String>,
        /// Text under the video.
        #[serde(default)]
        caption: Option<Inline>,
    },
    /// A thematic break: `<hr>`.
    Divider,
}

impl Block {
    /// The block types this renderer knows.
    pub const TYPES: [&'static str; 9] = ["paragraph", "heading", "quote", "list", "image", "video", "divider", "table", "code"];

    /// Every field some block type reads besides `type`: the ones worth keeping when they come
    /// before `type` (any other field is ignored wherever it is).
    pub(crate) const FIELDS: [&'static str; 15] = [
        "text", "level", "cite", "ordered", "items", "src", "alt", "caption", "credit", "width", "height", "poster", "rows", "header",
        "language",
    ];
}

/// Heading level: 2 to 6 (the headline is the one `<h1>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HeadingLevel {
    /// `<h2>`.
    #[default]
    H2,
    /// `<h3>`.
    H3,
    /// `<h4>`.
    H4,
    /// `<h5>`.
    H5,
    /// `<h6>`.
    H6,
}

impl HeadingLevel {
    /// The level as a number, 2 to 6.
    pub fn number(self) -> u8 {
        match self {
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            HeadingLevel::H4 => 4,
            HeadingLevel::H5 => 5,
            HeadingLevel::H6 => 6,
        }
    }
}

impl<'de> Deserialize<'de> for HeadingLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let level = whole(deserializer, "a heading level", "2, 3, 4, 5 or 6", |l| (2..=6).contains(&l))?;
        Ok(match level {
            2 => HeadingLevel::H2,
            3 => HeadingLevel::H3,
            4 => HeadingLevel::H4,
            5 => HeadingLevel::H5,
            _ => HeadingLevel::H6,
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HeadingLevel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HeadingLevel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Heading level: 2 to 6 (the headline is the one `<h1>`).",
            "enum": [2, 3, 4, 5, 6]
        })
    }
}

/// A list item: its text, and the list nested under it, if any. Written as inline text
/// (`"Milk"`, or a list of spans), or, with a nested list, as
/// `{ "text": "Dairy", "items": ["Milk", "Cheese"], "ordered": false }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListItem {
    /// The item's text.
    pub text: Inline,
    /// The nested list is numbered rather than bulleted.
    pub ordered: bool,
    /// The nested list's items; none for a plain item.
    pub items: Vec<ListItem>,
}

impl ListItem {
    /// Calls `each` with the item's text, then with every nested item's, in reading order.
    pub fn each_text<'a>(&'a self, each: &mut impl FnMut(&'a Inline)) {
        each(&self.text);
        self.items.iter().for_each(|item| item.each_text(each));
    }
}

impl From<Inline> for ListItem {
    fn from(text: Inline) -> Self {
        ListItem { text, ordered: false, items: Vec::new() }
    }
}

/// Reads a list item from inline text or from an object with a nested list.
struct ListItemVisitor;

impl<'de> Visitor<'de> for ListItemVisitor {
    type Value = ListItem;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text, a list of spans, or an item with a nested list")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<ListItem, E> {
        InlineVisitor.visit_str(v).map(ListItem::from)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<ListItem, E> {
        InlineVisitor.visit_string(v).map(ListItem::from)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ListItem, A::Error> {
        InlineVisitor.visit_seq(seq).map(ListItem::from)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ListItem, A::Error> {
        NestedItem::deserialize(MapAccessDeserializer::new(map)).map(|n| ListItem { text: n.text, ordered: n.ordered, items: n.items })
    }
}

/// The object form of a [`ListItem`], derived so its fields are read (and their paths told) as
/// any other object's.
#[derive(Deserialize)]
struct NestedItem {
    text: Inline,
    #[serde(default, deserialize_with = "nullable")]
    ordered: bool,
    #[serde(default, deserialize_with = "nullable")]
    items: Vec<ListItem>,
}

impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListItemVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ListItem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ListItem".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A list item: inline text, or an object with its text and a list nested under it.",
            "oneOf": [
                generator.subschema_for::<Inline>(),
                {
                    "type": "object",
                    "properties": {
                        "text": generator.subschema_for::<Inline>(),
                        "ordered": { "type": ["boolean", "null"], "description": "The nested list is numbered rather than bulleted." },
                        "items": { "type": ["array", "null"], "items": { "$ref": "#/$defs/ListItem" }, "description": "The nested list's items." }
                    },
                    "required": ["text"]
                }
            ]
        })
    }
}

/// An image, as the lead image or as a body block.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Image {
    /// The image file.
    pub src: String,
    /// The text alternative; required, may be empty for a decorative image.
    pub alt: String,
    /// Text under the image.
    #[serde(default)]
    pub caption: Option<Inline>,
    /// Who made it.
    #[serde(default)]
    pub credit: Option<String>,
    /// Intrinsic width in pixels, to reserve the box before the image loads.
    #[serde(default, deserialize_with = "pixels")]
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    #[serde(default, deserialize_with = "pixels")]
    pub height: Option<u32>,
}

/// An optional size in pixels (`null` means absent).
fn pixels<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    Option::<PixelCount>::deserialize(deserializer).map(|p| p.map(|p| p.0))
}

/// A size in pixels, as [`pixels`] reads it.
struct PixelCount(u32);

impl<'de> Deserialize<'de> for PixelCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = whole(deserializer, "a size in pixels", "a whole number from 0 to 4294967295", |v| v <= u64::from(u32::MAX))?;
        Ok(PixelCount(value as u32))
    }
}

/// Inline text: plain, or a list of styled spans. Never HTML.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Styled runs of text.
    Spans(Vec<Span>),
}

impl Inline {
    /// The text without styling.
    pub fn plain_text(&self) -> String {
        match self {
            Inline::Text(t) => t.clone(),
            Inline::Spans(spans) => spans.iter().map(|s| s.text.as_str()).collect(),
        }
    }
}

/// Reads inline text from a string or a list of spans.
struct InlineVisitor;

impl<'de> Visitor<'de> for InlineVisitor {
    type Value = Inline;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text or a list of spans")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Inline, E> {
        Ok(Inline::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Inline, E> {
        Ok(Inline::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Inline, A::Error> {
        let mut spans = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(span) = seq.next_element::<Object<Span>>()? {
            spans.push(span.0);
        }
        Ok(Inline::Spans(spans))
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InlineVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Inline {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Inline".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Inline text: plain, or a list of styled spans. Never HTML: markup is shown as written.",
            "oneOf": [
                { "type": "string" },
                { "type": "array", "items": generator.subschema_for::<Span>() }
            ]
        })
    }
}

/// A run of text with optional styling and link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The text.
    pub text: String,
    /// Strong emphasis.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub bold: bool,
    /// Emphasis.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub italic: bool,
    /// Code.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub code: bool,
    /// A link target.
    #[serde(default)]
    pub href: Option<String>,
    /// Underlined, as a mark of its own (`<u>`): a misspelling, a name in Chinese texts.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub underline: bool,
    /// Struck through: no longer accurate (`<s>`).
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub strike: bool,
    /// Superscript (`<sup>`).
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub sup: bool,
    /// Subscript (`<sub>`).
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub sub: bool,
    /// A line break (`<br>`) after the text: a line of a poem, an address.
    #[serde(default, rename = "lineBreak", deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub line_break: bool,
}
