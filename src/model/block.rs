//! Body blocks and inline text.
//!
//! Blocks are read in two steps: the body arrives as loose JSON values, then [`Block::from_value`]
//! reads the `type` and checks the rest against that type's fields. Doing it by hand rather than
//! with `#[serde(tag = "type")]` keeps the exact JSON path of a bad field (`body[1].text`) and lets
//! an unknown type be skipped instead of failing the whole document.

use super::{nullable, Object};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// One block of the article body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph: `<p>`.
    Paragraph {
        /// Its text.
        text: Inline,
    },
    /// A section heading: `<h2>` or `<h3>`.
    Heading {
        /// 2 or 3.
        level: HeadingLevel,
        /// Its text.
        text: Inline,
    },
    /// A quotation: `<blockquote>`.
    Quote {
        /// What was said.
        text: Inline,
        /// Who said it.
        cite: Option<String>,
    },
    /// A bulleted or numbered list.
    List {
        /// Numbered (`<ol>`) or bulleted (`<ul>`).
        ordered: bool,
        /// The items.
        items: Vec<Inline>,
    },
    /// A figure.
    Image(Image),
    /// A video with an optional poster.
    Video {
        /// The video file.
        src: String,
        /// Still shown before playing.
        poster: Option<String>,
        /// Text under the video.
        caption: Option<Inline>,
    },
    /// A thematic break: `<hr>`.
    Divider,
}

// The fields each block type reads besides `type`, as written in the document. The JSON Schema of
// each block is derived from these too (see `impl JsonSchema for Block`), hence their docs.

/// A paragraph: `<p>`.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct TextFields {
    /// Its text.
    text: Inline,
}

/// A section heading: `<h2>` or `<h3>`.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct HeadingFields {
    /// 2 or 3; absent means 2.
    #[serde(default)]
    level: Option<HeadingLevel>,
    /// Its text.
    text: Inline,
}

/// A quotation: `<blockquote>`.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct QuoteFields {
    /// What was said.
    text: Inline,
    /// Who said it.
    #[serde(default)]
    cite: Option<String>,
}

/// A bulleted (`<ul>`) or numbered (`<ol>`) list.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct ListFields {
    /// Numbered rather than bulleted; absent means bulleted.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    ordered: bool,
    /// The items.
    items: Vec<Inline>,
}

/// A video with an optional poster.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct VideoFields {
    /// The video file.
    src: String,
    /// Still shown before playing.
    #[serde(default)]
    poster: Option<String>,
    /// Text under the video.
    #[serde(default)]
    caption: Option<Inline>,
}

/// What went wrong with one block: the path inside the block, and the message.
pub(crate) type BlockError = (String, String);

impl Block {
    /// The block types this renderer knows.
    pub const TYPES: [&'static str; 7] = ["paragraph", "heading", "quote", "list", "image", "video", "divider"];

    /// Reads one body block. `Ok(None)` is a block of an unknown type, to be skipped.
    pub(crate) fn from_value(value: Value) -> Result<Option<Block>, BlockError> {
        let kind = match value.get("type") {
            Some(Value::String(kind)) => kind.clone(),
            Some(other) => return Err(("type".into(), format!("expected the block type as text, found {}", describe(other)))),
            None if value.is_object() => return Err(("type".into(), "missing field `type`".into())),
            None => return Err((String::new(), format!("expected a block object, found {}", describe(&value)))),
        };
        fn read<T: for<'de> Deserialize<'de>>(value: Value) -> Result<T, BlockError> {
            serde_path_to_error::deserialize(value).map_err(|e| {
                let path = super::parse::path_text(e.path());
                let message = e.into_inner().to_string();
                super::parse::missing_field_path(path, message)
            })
        }
        Ok(Some(match kind.as_str() {
            "paragraph" => Block::Paragraph { text: read::<TextFields>(value)?.text },
            "heading" => {
                let f: HeadingFields = read(value)?;
                Block::Heading { level: f.level.unwrap_or(HeadingLevel::H2), text: f.text }
            }
            "quote" => {
                let f: QuoteFields = read(value)?;
                Block::Quote { text: f.text, cite: f.cite }
            }
            "list" => {
                let f: ListFields = read(value)?;
                Block::List { ordered: f.ordered, items: f.items }
            }
            "image" => Block::Image(read(value)?),
            "video" => {
                let f: VideoFields = read(value)?;
                Block::Video { src: f.src, poster: f.poster, caption: f.caption }
            }
            "divider" => Block::Divider,
            _ => return Ok(None),
        }))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Block {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Block".into()
    }

    /// One branch per type in [`Block::TYPES`], read from the same field structs as
    /// [`Block::from_value`], plus one that lets any other type through, as parsing skips it.
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        use schemars::json_schema;
        let mut branches = Vec::with_capacity(Block::TYPES.len() + 1);
        for kind in Block::TYPES {
            let mut branch = match kind {
                "paragraph" => TextFields::json_schema(generator),
                "heading" => HeadingFields::json_schema(generator),
                "quote" => QuoteFields::json_schema(generator),
                "list" => ListFields::json_schema(generator),
                "image" => {
                    let mut image = generator.subschema_for::<Image>();
                    image.insert("description".into(), "A figure: `<figure>` with `<img alt>` and `<figcaption>`.".into());
                    image
                }
                "video" => VideoFields::json_schema(generator),
                "divider" => json_schema!({ "description": "A thematic break: `<hr>`.", "type": "object" }),
                _ => unreachable!("block type {kind} has no schema"),
            };
            let object = branch.ensure_object();
            let properties = object.entry("properties").or_insert_with(|| serde_json::json!({}));
            properties["type"] = serde_json::json!({ "const": kind });
            let required = object.entry("required").or_insert_with(|| serde_json::json!([]));
            required.as_array_mut().expect("`required` is a list").insert(0, "type".into());
            branches.push(branch.to_value());
        }
        branches.push(serde_json::json!({
            "description": "A block of a type this renderer does not know: skipped (and reported on the console), not an error.",
            "type": "object",
            "properties": { "type": { "type": "string", "not": { "enum": Block::TYPES } } },
            "required": ["type"]
        }));
        json_schema!({
            "description": "One block of the article body, chosen by its `type`.",
            "oneOf": branches
        })
    }
}

/// A short description of a JSON value's kind, for messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Heading level: only 2 and 3 exist (the headline is the one `<h1>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingLevel {
    /// `<h2>`.
    H2,
    /// `<h3>`.
    H3,
}

impl<'de> Deserialize<'de> for HeadingLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match f64::deserialize(deserializer)? {
            2.0 => Ok(HeadingLevel::H2),
            3.0 => Ok(HeadingLevel::H3),
            l => Err(de::Error::custom(format_args!("heading level {l} is not allowed: use 2 or 3"))),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HeadingLevel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HeadingLevel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Heading level: only 2 and 3 exist (the headline is the one `<h1>`).",
            "enum": [2, 3]
        })
    }
}

/// An image, as the lead image or as a body block.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    #[serde(default)]
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    #[serde(default)]
    pub height: Option<u32>,
}

/// Inline text: plain, or a list of styled spans. Never HTML.
#[derive(Debug, Clone, PartialEq)]
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

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
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
                let mut spans = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                // A span is an object; serde would also take a list of its field values.
                while let Some(span) = seq.next_element::<Object<Span>>()? {
                    spans.push(span.0);
                }
                Ok(Inline::Spans(spans))
            }
        }
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
}
