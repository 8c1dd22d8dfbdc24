//! Converters from newsroom formats into Folio's article document (JSON), natively: the Arc
//! Native Specification (ANS, its `story`) and Portable Text (the body of a Folio document written
//! as Portable Text blocks). [`command`] is the `folio-convert` command around [`convert`].
//!
//! Invariants of a [`Converted`] document:
//! - its fields other than `body` pass Folio's own checks ([`crate::model::parse_value`] is run on
//!   them), so a story without a headline or a publication date is refused with the path of the
//!   field that would hold it;
//! - its body holds only block shapes Folio reads (some of them the extensions of the contract:
//!   headings 4 to 6, nested list items, tables, code, and span marks beyond bold, italic, code);
//! - every URL in it passed [`crate::url::sanitize`]; one that did not is left out and reported;
//! - text is text: markup in the source becomes spans or is dropped, never kept as HTML;
//! - whatever the source holds that Folio cannot show is reported in [`Converted::warnings`] with
//!   its JSON path in the source, never dropped silently, and nothing panics.

mod ans;
mod ans_body;
mod ans_elements;
mod ans_media;
mod ans_nested;
pub mod command;
mod inline_html;
mod list_items;
mod portable_text;
mod pt_inline;
mod source;
mod spans;

use crate::model::{parse_value, DocError, Timestamp};
use serde_json::Value;
use std::str::FromStr;

/// How deeply lists may nest in a converted document. Deeper items join the deepest list: each
/// level costs two levels of JSON, and Folio stops reading past `crate::model::MAX_DEPTH`.
pub(crate) const MAX_LIST_DEPTH: usize = 32;

/// The formats Folio converts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An ANS story (Arc XP, The Washington Post's Arc Native Specification).
    Ans,
    /// A Folio document whose `body` holds Portable Text blocks (Sanity's rich text).
    PortableText,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Format, String> {
        match name {
            "ans" => Ok(Format::Ans),
            "portable-text" => Ok(Format::PortableText),
            other => Err(format!("unknown format \"{other}\": the formats are ans and portable-text")),
        }
    }
}

/// What a conversion needs besides the source, when the source names things it does not hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConvertOptions {
    /// The Sanity project whose image assets a Portable Text document refers to
    /// (`image-<id>-<width>x<height>-<format>`), so they can be shown from Sanity's image CDN.
    pub sanity: Option<SanityProject>,
    /// The publication date of a story that has none (an ANS draft), shown with a warning.
    pub date: Option<Timestamp>,
}

/// A Sanity project and dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SanityProject {
    /// The project id (`3do82whm`).
    pub project_id: String,
    /// The dataset (`production`).
    pub dataset: String,
}

/// A converted document and what could not be carried over.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    /// Folio's article document, ready to be written out as JSON.
    pub document: Value,
    /// What was skipped or shown otherwise than written, each starting with its path in the source
    /// (`content_elements[4]: raw_html skipped`).
    pub warnings: Vec<String>,
}

/// Why a source cannot be converted: the path of the field at fault in the source (or in the
/// converted document, for a field Folio itself refuses) and what is wrong. The same error as a
/// document Folio refuses, so that both commands report the two alike.
pub type ConvertError = DocError;

/// Converts the JSON text of a source in `format` into Folio's article document.
pub fn convert(format: Format, text: &str) -> Result<Converted, ConvertError> {
    convert_with(format, text, &ConvertOptions::default())
}

/// [`convert`], with what the source refers to but does not hold.
pub fn convert_with(format: Format, text: &str, options: &ConvertOptions) -> Result<Converted, ConvertError> {
    let source: Value = serde_json::from_str(text).map_err(|e| ConvertError {
        path: String::new(),
        message: format!("the input is not well-formed JSON: {e}"),
        position: Some((e.line(), e.column())),
    })?;
    let mut converted = match format {
        Format::Ans => ans::convert_story(&source, options.date.as_ref())?,
        Format::PortableText => portable_text::convert_document(&source, options.sanity.as_ref())?,
    };
    check_fields(&mut converted)?;
    Ok(converted)
}

/// Runs Folio's checks on the document's fields other than the body (the body is right by
/// construction), so that the rules of a headline, a timestamp or a related list are written once.
fn check_fields(converted: &mut Converted) -> Result<(), ConvertError> {
    let Value::Object(fields) = &converted.document else {
        return Err(ConvertError::at("", "the converted document is not an object"));
    };
    let mut without_body: serde_json::Map<String, Value> =
        fields.iter().filter(|(name, _)| *name != "body").map(|(n, v)| (n.clone(), v.clone())).collect();
    without_body.insert("body".into(), Value::Array(Vec::new()));
    let parsed = parse_value(Value::Object(without_body))?;
    converted.warnings.extend(parsed.warnings);
    Ok(())
}
