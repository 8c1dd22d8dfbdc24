//! How a host asks for an article to be shown: the `Options` of the contract's `folio.render`.

use crate::components::ContentsMode;

/// Render options. The document's own `lang` and `timeZone` win over these.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Language when the document names none.
    pub lang: Option<String>,
    /// IANA time zone when the document names none.
    pub time_zone: Option<String>,
    /// A frozen clock (milliseconds since the epoch) for relative times; `None` follows the
    /// reader's clock and refreshes while the page is open.
    pub now_ms: Option<f64>,
    /// `false` when the host asked for `navigation: "links"` (see [`navigates_in_place`]).
    pub in_place_navigation: bool,
    /// When to show a table of contents (`toc: "auto" | "show" | "hide"` or a boolean).
    pub toc: ContentsMode,
}

impl Default for RenderOptions {
    /// What a host gets without options: related articles open in place.
    fn default() -> Self {
        RenderOptions { lang: None, time_zone: None, now_ms: None, in_place_navigation: true, toc: ContentsMode::default() }
    }
}

/// Whether the `navigation` option (or `data-folio-navigation`) asks for related articles to be
/// rendered in place: anything but `"links"` does.
pub fn navigates_in_place(navigation: Option<&str>) -> bool {
    navigation != Some("links")
}
