//! Documents and list pages from JavaScript into the model. An object is read where it is, with
//! serde-wasm-bindgen: no `JSON.stringify` round trip, and the values of fields the model does not
//! know never cross into the wasm. JSON text (a string argument, a fetched document, a list page)
//! is parsed by the browser's own `JSON.parse`, then read the same way, so there is one reader in
//! the wasm.
//!
//! What JavaScript values bring that JSON text does not, and what becomes of it (README, "Documents
//! from JavaScript"): a lone UTF-16 surrogate in a string becomes U+FFFD, as wasm-bindgen converts
//! strings; `toJSON` is not called, so a `Date` is not a timestamp; `NaN` and `Infinity` are
//! numbers that no field takes; a getter that throws is caught, and its error is the document's.

use crate::model::{check_size, read_document, read_list_page, DocError, ListPage, Parsed};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A document as a page passed it: JSON text, or a value to read as it is.
pub enum Document {
    /// JSON text.
    Text(js_sys::JsString),
    /// An object (or anything else, which is refused as the document's root).
    Value(JsValue),
}

impl Document {
    /// What `folio.render` or `update` was given.
    pub fn from_argument(article: JsValue) -> Document {
        match article.dyn_into::<js_sys::JsString>() {
            Ok(text) => Document::Text(text),
            Err(value) => Document::Value(value),
        }
    }

    /// Reads the document into an article.
    pub fn read(&self) -> Result<Parsed, DocError> {
        match self {
            Document::Text(text) => read_document_value(parse_json(text, "document")?),
            Document::Value(value) => read_document_value(value.clone()),
        }
    }
}

/// Reads an article from a JavaScript value.
pub fn read_document_value(value: JsValue) -> Result<Parsed, DocError> {
    catching(|| read_document(serde_wasm_bindgen::Deserializer::from(value)))
}

/// Reads a list page from JSON text.
pub fn read_list_page_text(text: &js_sys::JsString) -> Result<ListPage, DocError> {
    let value = parse_json(text, "list")?;
    catching(|| read_list_page(serde_wasm_bindgen::Deserializer::from(value)))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string, which `js_sys::JSON::parse` would first copy into the
    /// wasm and out again.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// `JSON.parse` of text of at most the size Folio reads, counted in UTF-16 code units (the
/// text's length in JavaScript). A syntax error keeps the browser's words, and its line and column
/// where the browser gives them.
pub fn parse_json(text: &js_sys::JsString, what: &str) -> Result<JsValue, DocError> {
    check_size(text.length() as usize, what)?;
    json_parse(text).map_err(|error| {
        let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        DocError {
            path: String::new(),
            position: line_and_column(&message).or_else(|| place_in(text, &message)),
            message: format!("the {what} is not well-formed JSON: {message}"),
        }
    })
}

/// The "(line 3 column 7)" that Chromium's `JSON.parse` adds to most of its messages.
fn line_and_column(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.rfind("(line ")? + "(line ".len()..];
    let (line, rest) = rest.split_once(" column ")?;
    let column = rest.strip_suffix(')')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// The line and column of a syntax error that names no line: at the "position N" it names, or at
/// the end of the text for "Unexpected end of JSON input". Only a text that is refused pays for
/// the copy this needs.
fn place_in(text: &js_sys::JsString, message: &str) -> Option<(usize, usize)> {
    let offset = match message.rsplit_once("at position ") {
        Some((_, rest)) => rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()?,
        None if message.contains("end of JSON input") => text.length(),
        None => return None,
    };
    let before = String::from(text.slice(0, offset));
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Some((before.matches('\n').count() + 1, before[line_start..].chars().count() + 1))
}

/// Runs `read` so that a JavaScript exception thrown while it reads (a getter that throws, a
/// proxy) becomes the document's error instead of leaving `folio.render` by an exception. The
/// reading is abandoned where the exception was thrown: what it had built is not freed, which
/// only such a document pays.
fn catching<T: 'static>(read: impl FnOnce() -> Result<T, DocError> + 'static) -> Result<T, DocError> {
    let slot: Rc<RefCell<Option<Result<T, DocError>>>> = Rc::new(RefCell::new(None));
    let filled = slot.clone();
    let closure = Closure::once(move || {
        let result = read();
        *filled.borrow_mut() = Some(result);
    });
    let function: &js_sys::Function = closure.as_ref().unchecked_ref();
    let thrown = function.call0(&JsValue::UNDEFINED).err();
    let result = slot.borrow_mut().take();
    match (result, thrown) {
        (Some(result), _) => result,
        (None, thrown) => {
            let why = thrown
                .as_ref()
                .and_then(|e| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()))
                .unwrap_or_default();
            Err(DocError { path: String::new(), message: format!("the document object cannot be read: {why}"), position: None })
        }
    }
}
