//! How a host asks for an article to be shown: the `Options` of the contract's `folio.render`.

use crate::model::Outline;

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

/// Headings an article needs before [`ContentsMode::Auto`] shows a table of contents.
pub const AUTO_MIN_HEADINGS: usize = 3;
/// Minutes of reading an article needs before [`ContentsMode::Auto`] shows one.
pub const AUTO_MIN_MINUTES: u32 = 4;

/// When an article shows a table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContentsMode {
    /// For long articles: at least [`AUTO_MIN_HEADINGS`] headings and [`AUTO_MIN_MINUTES`]
    /// minutes of reading.
    #[default]
    Auto,
    /// Whenever the body has a heading.
    Show,
    /// Never.
    Hide,
}

impl ContentsMode {
    /// Reads a host's setting: `auto`, `show` (or `true`), `hide` (or `false`), any case;
    /// `None` for anything else.
    pub fn parse(value: &str) -> Option<ContentsMode> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(ContentsMode::Auto),
            "show" | "true" => Some(ContentsMode::Show),
            "hide" | "false" => Some(ContentsMode::Hide),
            _ => None,
        }
    }

    /// Whether an article with this outline gets a table of contents.
    pub fn shows(self, outline: &Outline) -> bool {
        match self {
            ContentsMode::Hide => false,
            ContentsMode::Show => !outline.headings.is_empty(),
            ContentsMode::Auto => outline.headings.len() >= AUTO_MIN_HEADINGS && outline.reading_minutes >= AUTO_MIN_MINUTES,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HeadingLevel, OutlineHeading};

    fn outline(headings: usize, reading_minutes: u32) -> Outline {
        let heading = |block| OutlineHeading { block, level: HeadingLevel::H2, title: "t".into(), id: "x".into() };
        Outline { headings: (0..headings).map(heading).collect(), reading_minutes }
    }

    #[test]
    fn reads_the_hosts_setting() {
        for (value, mode) in [
            ("auto", ContentsMode::Auto),
            ("SHOW", ContentsMode::Show),
            ("true", ContentsMode::Show),
            (" hide ", ContentsMode::Hide),
            ("false", ContentsMode::Hide),
        ] {
            assert_eq!(ContentsMode::parse(value), Some(mode), "{value}");
        }
        assert_eq!(ContentsMode::parse("sometimes"), None);
    }

    #[test]
    fn auto_shows_contents_for_long_articles_with_several_sections_only() {
        assert!(ContentsMode::Auto.shows(&outline(AUTO_MIN_HEADINGS, AUTO_MIN_MINUTES)));
        assert!(!ContentsMode::Auto.shows(&outline(AUTO_MIN_HEADINGS - 1, 30)), "too few sections");
        assert!(!ContentsMode::Auto.shows(&outline(10, AUTO_MIN_MINUTES - 1)), "too short");
        assert!(ContentsMode::Show.shows(&outline(1, 1)));
        assert!(!ContentsMode::Show.shows(&outline(0, 10)), "nothing to list");
        assert!(!ContentsMode::Hide.shows(&outline(10, 30)));
    }
}
