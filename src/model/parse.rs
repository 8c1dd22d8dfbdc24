//! From JSON (text, a `serde_json::Value`, or any serde deserializer such as a JavaScript object)
//! to a checked [`Article`], or a [`DocError`] that names the path of the first bad field.

use super::block::{describe, Block};
use super::{Article, ArticleOf, ListStyle};
use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::marker::PhantomData;
use serde_json::Value;
use std::fmt;

/// A checked article and what was skipped on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The article, ready to render.
    pub article: Article,
    /// Things the reader will not miss but the publisher should know: unknown block types
    /// (skipped), unknown list styles (shown as plain).
    pub warnings: Vec<String>,
}

/// Why a document cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    /// JSON path of the first bad field (`body[1].text`); empty for a parse error or a bad root.
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
    /// For text that is not well-formed JSON: line and column (1-based) of the error.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Renders a serde_path_to_error path the way JavaScript would write it: `body[1].text`.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// serde reports a missing field at the object that lacks it; the reader wants the field itself.
pub(crate) fn missing_field_path(path: String, message: String) -> (String, String) {
    match message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
        Some(field) => {
            let full = if path.is_empty() { field.to_owned() } else { format!("{path}.{field}") };
            (full, "this required field is missing".to_owned())
        }
        None => (path, message),
    }
}

fn join(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => rest.to_owned(),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

/// Parses JSON text. Malformed JSON gives an error with line and column; trailing text after the
/// document is malformed JSON too.
pub fn parse_text(text: &str) -> Result<Parsed, DocError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = parse_from(&mut deserializer)?;
    deserializer.end().map_err(|e| syntax_error(&e))?;
    Ok(parsed)
}

/// Checks a JSON value already parsed (for example by `JSON.parse`).
pub fn parse_value(value: Value) -> Result<Parsed, DocError> {
    if !value.is_object() {
        return Err(root_error(describe(&value)));
    }
    parse_from(value)
}

fn root_error(found: &str) -> DocError {
    DocError {
        path: String::new(),
        message: format!("the document root must be an object (an article), found {found}"),
        position: None,
    }
}

fn syntax_error(e: &serde_json::Error) -> DocError {
    DocError {
        path: String::new(),
        message: format!("the document is not well-formed JSON: {e}"),
        position: Some((e.line(), e.column())),
    }
}

/// Reads an article from any serde deserializer: JSON text, a `Value`, or a JavaScript value.
pub fn parse_from<'de, D>(deserializer: D) -> Result<Parsed, DocError>
where
    D: Deserializer<'de, Error: serde::de::Error + IntoJsonError>,
{
    let loose: ObjectRoot<ArticleOf<Value>> = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = path_text(e.path());
        let inner = e.into_inner();
        if let Some(json) = inner.as_json_error().filter(|j| j.is_syntax() || j.is_eof()) {
            return syntax_error(json);
        }
        let message = inner.to_string();
        if path.is_empty() {
            if let Some(found) = root_kind(&message) {
                return root_error(found);
            }
        }
        let (path, message) = missing_field_path(path, message);
        DocError { path, message, position: None }
    })?;
    let loose = loose.0;
    let mut warnings = Vec::new();
    let mut body = Vec::with_capacity(loose.body.len());
    for (index, value) in loose.body.into_iter().enumerate() {
        let kind = value.get("type").and_then(Value::as_str).map(str::to_owned);
        match Block::from_value(value) {
            Ok(Some(block)) => body.push(block),
            Ok(None) => warnings.push(format!(
                "body[{index}]: unknown block type \"{}\" skipped",
                kind.unwrap_or_default().chars().take(40).collect::<String>()
            )),
            Err((inner, message)) => {
                return Err(DocError { path: join(&format!("body[{index}]"), &inner), message, position: None })
            }
        }
    }
    for (index, list) in loose.lists.iter().enumerate() {
        if let Some(style) = &list.style {
            if list.style() == ListStyle::Plain && style != "plain" {
                warnings.push(format!("lists[{index}].style: unknown style \"{style}\" shown as plain"));
            }
        }
    }
    let article = Article {
        version: loose.version,
        id: loose.id,
        lang: loose.lang,
        url: loose.url,
        section: loose.section,
        headline: loose.headline,
        subheadline: loose.subheadline,
        publisher: loose.publisher,
        authors: loose.authors,
        date_published: loose.date_published,
        date_modified: loose.date_modified,
        time_zone: loose.time_zone,
        image: loose.image,
        body,
        credits: loose.credits,
        original_url: loose.original_url,
        tags: loose.tags,
        lists: loose.lists,
        comments: loose.comments,
    };
    Ok(Parsed { article, warnings })
}

/// Accepts only a JSON object at the root. serde's derived structs also accept a list of field
/// values (`[1, "h", ...]`), which would give a confusing error deep inside a list.
struct ObjectRoot<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectRoot<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an article object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_map(ObjectVisitor(PhantomData)).map(ObjectRoot)
    }
}

/// serde says "invalid type: sequence, expected an article object" when the root is not an object.
fn root_kind(message: &str) -> Option<&'static str> {
    let found = message.strip_prefix("invalid type: ")?.split(", expected an article object").next()?;
    Some(match found {
        f if f.starts_with("sequence") => "a list",
        f if f.starts_with("string") => "text",
        f if f.starts_with("integer") || f.starts_with("floating") => "a number",
        f if f.starts_with("boolean") => "a boolean",
        f if f.starts_with("null") || f.starts_with("unit") => "null",
        _ => "something else",
    })
}

/// Lets [`parse_from`] tell a JSON syntax error from a type error, whatever the deserializer.
pub trait IntoJsonError {
    /// The underlying `serde_json` error, when there is one.
    fn as_json_error(&self) -> Option<&serde_json::Error>;
}

impl IntoJsonError for serde_json::Error {
    fn as_json_error(&self) -> Option<&serde_json::Error> {
        Some(self)
    }
}
