//! Fetching documents (articles and list pages) by URL, with a time limit and cancellation.
//!
//! What can go wrong on the way is told apart, so the reader gets a message that says which:
//! no answer in time, an HTTP error, something that is not JSON at all (an HTML error page, an
//! image), JSON cut short, or a document too large to read. All but the last are worth a Retry
//! and arrive as [`FetchFailure::Network`]; a well-formed document that breaks the contract is
//! [`FetchFailure::Invalid`], with the path of the bad field.

use super::reading::{parse_json, read_document_value};
use crate::model::{check_size, DocError, Parsed};
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

/// How long a document may take to arrive before the reader is told and offered Retry.
pub const TIMEOUT_MS: u32 = 20_000;

/// Why a document did not arrive as an article.
pub enum FetchFailure {
    /// The request failed, timed out or was answered with an HTTP error.
    Network(String),
    /// It arrived but is not a valid article.
    Invalid(DocError),
    /// It was cancelled because a newer request or `destroy()` replaced it.
    Cancelled,
}

impl FetchFailure {
    /// What went wrong, for people.
    pub fn reason(self) -> String {
        match self {
            FetchFailure::Network(reason) => reason,
            FetchFailure::Invalid(error) => error.to_string(),
            FetchFailure::Cancelled => "the request was cancelled".to_owned(),
        }
    }
}

/// A request in flight that can be cancelled.
pub struct InFlight {
    controller: Option<AbortController>,
    /// Set by [`InFlight::cancel`] only: the time limit aborts the same controller, and a request
    /// that timed out must still be reported (with Retry), not dropped as if nobody waited for it.
    cancelled: std::cell::Cell<bool>,
}

impl InFlight {
    /// Starts tracking a new request.
    pub fn new() -> Self {
        InFlight { controller: AbortController::new().ok(), cancelled: std::cell::Cell::new(false) }
    }

    /// Stops the request; its future resolves with [`FetchFailure::Cancelled`].
    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }

    /// Whether [`InFlight::cancel`] was called (a timeout is not a cancellation).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }

    /// Fetches and checks the article at `url`. On success also returns the final address
    /// (after redirects), against which the document's relative URLs resolve.
    pub async fn fetch(&self, url: &str) -> Result<(Parsed, String), FetchFailure> {
        let (text, final_url) = self.fetch_text(url).await?;
        check_size(text.length() as usize, "document").map_err(FetchFailure::Invalid)?;
        // Text that is not JSON was usually cut short or replaced on the way (a proxy's error page
        // with status 200): fetching it again may help, so it is a network fault.
        let value = parse_json(&text, "document").map_err(|error| FetchFailure::Network(format!("{url}: {}", error.message)))?;
        let parsed = read_document_value(value).map_err(FetchFailure::Invalid)?;
        Ok((parsed, final_url))
    }

    /// Fetches `url` as text (a JavaScript string, for `JSON.parse`); returns it with the final
    /// address (after redirects).
    pub async fn fetch_text(&self, url: &str) -> Result<(js_sys::JsString, String), FetchFailure> {
        let signal = self.controller.as_ref().map(AbortController::signal);
        let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
        let _timer = self.controller.clone().map(|controller| {
            let timed_out = timed_out.clone();
            Timeout::new(TIMEOUT_MS, move || {
                timed_out.set(true);
                controller.abort();
            })
        });
        let aborted = |what: &str| {
            if timed_out.get() {
                FetchFailure::Network(format!("{url}: no answer within {} seconds", TIMEOUT_MS / 1000))
            } else if self.cancelled.get() || signal.as_ref().is_some_and(|s| s.aborted()) {
                FetchFailure::Cancelled
            } else {
                FetchFailure::Network(format!("{url}: {what}"))
            }
        };
        let response = Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(|e| aborted(&e.to_string()))?;
        if !response.ok() {
            return Err(FetchFailure::Network(format!("{url}: HTTP {} {}", response.status(), response.status_text())));
        }
        let header = |name: &str| response.headers().get(name).unwrap_or_default();
        // Refused before the body is read, when the server says how long it is.
        if let Ok(length) = header("content-length").trim().parse::<usize>() {
            check_size(length, "document").map_err(FetchFailure::Invalid)?;
        }
        let content_type = header("content-type");
        let media_type = media_type(&content_type);
        let final_url = response.url();
        let body = web_sys::Response::from(response).text().map_err(|e| aborted(&js_message(&e)))?;
        let text: js_sys::JsString = JsFuture::from(body).await.map_err(|e| aborted(&js_message(&e)))?.unchecked_into();
        if !is_json(media_type, &text) {
            return Err(FetchFailure::Network(format!("{url}: the server sent {media_type}, not a JSON document")));
        }
        Ok((text, if final_url.is_empty() { url.to_owned() } else { final_url }))
    }
}

/// The media type of a `Content-Type` header, without its parameters (`; charset=utf-8`).
fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

/// Whether a response can be read as JSON. Servers label JSON files many ways (`text/plain`,
/// `application/octet-stream`, none at all), so the label only counts against a body that does
/// not even start like a JSON object or list: an HTML error page, an image.
fn is_json(media_type: &str, body: &js_sys::JsString) -> bool {
    let media_type = media_type.to_ascii_lowercase();
    let labelled_json = media_type.is_empty()
        || media_type.ends_with("/json")
        || media_type.ends_with("+json")
        || matches!(media_type.as_str(), "text/plain" | "application/octet-stream" | "binary/octet-stream");
    // JavaScript's trim() removes the byte order mark too.
    labelled_json || matches!(body.trim_start().char_code_at(0) as u32, 0x7B | 0x5B)
}

/// The message of a JavaScript error, for people.
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{error:?}"))
}
