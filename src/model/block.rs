//! Body blocks and inline text. A block is read (`read.rs`) by its `type` first, then by that
//! type's fields, so that a bad field is named by its exact path (`body[1].text`) and a block of
//! an unknown type is skipped instead of failing the whole document.

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

// The fields each block type has besides `type`, as written in the document, for the JSON Schema
// of each block (see `impl JsonSchema for Block`); `read.rs` reads the same fields.

/// A paragraph: `<p>`.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct TextFields {
    /// Its text.
    text: Inline,
}

/// A section heading: `<h2>` or `<h3>`.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct HeadingFields {
    /// 2 or 3; absent means 2.
    #[serde(default)]
    level: Option<HeadingLevel>,
    /// Its text.
    text: Inline,
}

/// A quotation: `<blockquote>`.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct QuoteFields {
    /// What was said.
    text: Inline,
    /// Who said it.
    #[serde(default)]
    cite: Option<String>,
}

/// A bulleted (`<ul>`) or numbered (`<ol>`) list.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct ListFields {
    /// Numbered rather than bulleted; absent means bulleted.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    ordered: bool,
    /// The items.
    items: Vec<Inline>,
}

/// A video with an optional poster.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
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

impl Block {
    /// The block types this renderer knows.
    pub const TYPES: [&'static str; 7] = ["paragraph", "heading", "quote", "list", "image", "video", "divider"];
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Block {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Block".into()
    }

    /// One branch per type in [`Block::TYPES`], read from the same field structs as
    /// the reader (`read.rs`), plus one that lets any other type through, as parsing skips it.
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Image {
    /// The image file.
    pub src: String,
    /// The text alternative; required, may be empty for a decorative image.
    pub alt: String,
    /// Text under the image.
    #[cfg_attr(feature = "schema", serde(default))]
    pub caption: Option<Inline>,
    /// Who made it.
    #[cfg_attr(feature = "schema", serde(default))]
    pub credit: Option<String>,
    /// Intrinsic width in pixels, to reserve the box before the image loads.
    #[cfg_attr(feature = "schema", serde(default))]
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    #[cfg_attr(feature = "schema", serde(default))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The text.
    pub text: String,
    /// Strong emphasis.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<bool>"))]
    pub bold: bool,
    /// Emphasis.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<bool>"))]
    pub italic: bool,
    /// Code.
    #[cfg_attr(feature = "schema", serde(default), schemars(with = "Option<bool>"))]
    pub code: bool,
    /// A link target.
    #[cfg_attr(feature = "schema", serde(default))]
    pub href: Option<String>,
}
