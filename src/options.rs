//! How a host asks for an article to be shown: the `Options` of the contract's `folio.render`.

use crate::components::ContentsMode;

/// Render options. The document's own `lang` and `timeZone` win over these.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderOptions {
    /// Language when the document names none.
    pub lang: Option<String>,
    /// IANA time zone when the document names none.
    pub time_zone: Option<String>,
    /// A frozen clock (milliseconds since the epoch) for relative times; `None` follows the
    /// reader's clock and refreshes while the page is open.
    pub now_ms: Option<f64>,
    /// `false` when the host asked for `navigation: "links"`.
    pub in_place_navigation: bool,
    /// When to show a table of contents (`toc: "auto" | "show" | "hide"` or a boolean).
    pub toc: ContentsMode,
}
