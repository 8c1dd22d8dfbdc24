//! Body blocks and inline text.
//!
//! Blocks are read in two steps: the document's parse keeps each block as its JSON text (checked
//! to be well-formed, nothing built), then [`Block::from_json`] reads the `type` and checks the rest
//! against that type's fields. Doing it by hand rather than with `#[serde(tag = "type")]` keeps the
//! exact JSON path of a bad field (`body[1].text`) and lets an unknown type be skipped instead of
//! failing the whole document. Reading the block text again costs less than building a tree of
//! values for it, and uses the same deserializer as the rest of the document (one copy in the wasm).

use super::{nullable, Object};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// One block of the article body. `Eq`, so that comparing two `Rc<Block>`s that share their block
/// stops at the pointers (the body of an updated article shares its unchanged blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A body block as read: one this renderer knows, or the `type` of one it does not.
pub(crate) enum BlockRead {
    Known(Block),
    Unknown(String),
}

impl Block {
    /// The block types this renderer knows.
    pub const TYPES: [&'static str; 7] = ["paragraph", "heading", "quote", "list", "image", "video", "divider"];

    /// Reads one body block from its JSON text, which the document's parse has already found
    /// well-formed (it has not checked escapes: a lone surrogate is found here).
    pub(crate) fn from_json(json: &str) -> Result<BlockRead, BlockError> {
        let shape = ShapeSeed { type_field: true }
            .deserialize(&mut serde_json::Deserializer::from_str(json))
            .map_err(|e| syntax_error(None, &e, json))?;
        let kind = match shape {
            Shape::Object(Some(kind)) => match *kind {
                Shape::Text(kind) => kind,
                other => return Err(("type".into(), format!("expected the block type as text, found {}", other.describe()))),
            },
            Shape::Object(None) => return Err(("type".into(), "this required field is missing".into())),
            other => return Err((String::new(), format!("expected a block object, found {}", other.describe()))),
        };
        fn read<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, BlockError> {
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(json)).map_err(|e| {
                if e.inner().is_syntax() || e.inner().is_eof() {
                    return syntax_error(Some(e.path()), e.inner(), json);
                }
                let path = super::parse::path_text(e.path());
                let error = e.into_inner();
                // serde_json places the error in the block's own text; the path places it in the
                // document, so the position is left out.
                let mut message = error.to_string();
                let position = format!(" at line {} column {}", error.line(), error.column());
                if message.ends_with(&position) {
                    message.truncate(message.len() - position.len());
                }
                super::parse::missing_field_path(path, message)
            })
        }
        Ok(BlockRead::Known(match kind.as_str() {
            "paragraph" => Block::Paragraph { text: read::<TextFields>(json)?.text },
            "heading" => {
                let f: HeadingFields = read(json)?;
                Block::Heading { level: f.level.unwrap_or(HeadingLevel::H2), text: f.text }
            }
            "quote" => {
                let f: QuoteFields = read(json)?;
                Block::Quote { text: f.text, cite: f.cite }
            }
            "list" => {
                let f: ListFields = read(json)?;
                Block::List { ordered: f.ordered, items: f.items }
            }
            "image" => Block::Image(read(json)?),
            "video" => {
                let f: VideoFields = read(json)?;
                Block::Video { src: f.src, poster: f.poster, caption: f.caption }
            }
            "divider" => Block::Divider,
            _ => return Ok(BlockRead::Unknown(kind)),
        }))
    }
}

/// The one kind of malformed JSON left inside a well-formed block: a lone surrogate escape. The
/// path within the block finds it; a column in the block's text would not help a reader.
fn syntax_error(path: Option<&serde_path_to_error::Path>, e: &serde_json::Error, json: &str) -> BlockError {
    let error = super::parse::json_error(path, e, Some(json), "block");
    (error.path, error.message)
}

/// What a JSON value is, keeping no more of it than a block's `type` needs: text is kept, anything
/// else is described ("a list") and skipped without recursion. With `type_field`, an object's
/// `type` field is read too (one level only).
#[derive(Clone, Copy)]
struct ShapeSeed {
    type_field: bool,
}

enum Shape {
    Text(String),
    /// An object, and its `type` field when asked for and present.
    Object(Option<Box<Shape>>),
    Other(&'static str),
}

impl Shape {
    fn describe(&self) -> &'static str {
        match self {
            Shape::Text(_) => "text",
            Shape::Object(_) => "an object",
            Shape::Other(found) => found,
        }
    }
}

impl<'de> DeserializeSeed<'de> for ShapeSeed {
    type Value = Shape;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ShapeSeed {
    type Value = Shape;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Other("a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Other("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Other("a number"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Other("null"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
        Ok(Shape::Text(v.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Shape::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut kind = None;
        while let Some(TypeKey(is_type)) = map.next_key()? {
            if is_type && self.type_field {
                // A repeated `type`: the last one counts, as in JavaScript.
                kind = Some(Box::new(map.next_value_seed(ShapeSeed { type_field: false })?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Shape::Object(kind))
    }
}

/// Whether an object key is `type`, read without keeping it.
struct TypeKey(bool);

impl<'de> Deserialize<'de> for TypeKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = TypeKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TypeKey, E> {
                Ok(TypeKey(v == "type"))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Block {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Block".into()
    }

    /// One branch per type in [`Block::TYPES`], read from the same field structs as
    /// [`Block::from_json`], plus one that lets any other type through, as parsing skips it.
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
