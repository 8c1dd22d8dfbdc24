//! Fetching documents (articles and list pages) by URL, with a time limit and cancellation.

use crate::model::{parse_text, DocError, Parsed};
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
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
}

impl InFlight {
    /// Starts tracking a new request.
    pub fn new() -> Self {
        InFlight { controller: AbortController::new().ok() }
    }

    /// Stops the request; its future resolves with [`FetchFailure::Cancelled`].
    pub fn cancel(&self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }

    /// Whether [`InFlight::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.controller.as_ref().is_some_and(|c| c.signal().aborted())
    }

    /// Fetches and checks the article at `url`. On success also returns the final address
    /// (after redirects), against which the document's relative URLs resolve.
    pub async fn fetch(&self, url: &str) -> Result<(Parsed, String), FetchFailure> {
        let (text, final_url) = self.fetch_text(url).await?;
        let parsed = parse_text(&text).map_err(FetchFailure::Invalid)?;
        Ok((parsed, final_url))
    }

    /// Fetches `url` as text; returns it with the final address (after redirects).
    pub async fn fetch_text(&self, url: &str) -> Result<(String, String), FetchFailure> {
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
            } else if signal.as_ref().is_some_and(|s| s.aborted()) {
                FetchFailure::Cancelled
            } else {
                FetchFailure::Network(format!("{url}: {what}"))
            }
        };
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| aborted(&e.to_string()))?;
        if !response.ok() {
            return Err(FetchFailure::Network(format!("{url}: HTTP {} {}", response.status(), response.status_text())));
        }
        let final_url = response.url();
        let text = response.text().await.map_err(|e| aborted(&e.to_string()))?;
        Ok((text, if final_url.is_empty() { url.to_owned() } else { final_url }))
    }
}
