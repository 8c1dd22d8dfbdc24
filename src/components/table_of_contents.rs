use super::outline::{Outline, OutlineHeading};
use super::ArticleContext;
use crate::model::HeadingLevel;
use yew::prelude::*;

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
            ContentsMode::Auto => {
                outline.headings.len() >= AUTO_MIN_HEADINGS && outline.reading_minutes >= AUTO_MIN_MINUTES
            }
        }
    }
}

/// A table of contents: a `<nav>` named by its title, with a link to each section heading of the
/// body; `<h3>` sections are nested under the `<h2>` before them.
///
/// ```ignore
/// html! { <TableOfContents /> } // inside an ArticleView's context
/// ```
#[component]
pub fn TableOfContents() -> Html {
    let ctx = use_context::<ArticleContext>().expect("TableOfContents is rendered inside ArticleView");
    let title_id = ctx.id("contents");
    let headings = &ctx.outline.headings;
    // Each top-level entry with the subsections that follow it.
    let mut groups: Vec<(&OutlineHeading, Vec<&OutlineHeading>)> = Vec::new();
    for heading in headings {
        match (heading.level, groups.last_mut()) {
            (HeadingLevel::H3, Some((parent, children))) if parent.level == HeadingLevel::H2 => children.push(heading),
            _ => groups.push((heading, Vec::new())),
        }
    }
    let link = |heading: &OutlineHeading| html! {
        <a class="folio-toc-link" href={format!("#{}", heading.id)}>{ &heading.title }</a>
    };
    html! {
        <nav class="folio-toc" aria-labelledby={title_id.clone()}>
            <h2 class="folio-toc-title" id={title_id} lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ ctx.words.contents }</h2>
            <ol class="folio-toc-items">
                { for groups.iter().map(|(heading, children)| html! {
                    <li>
                        { link(heading) }
                        if !children.is_empty() {
                            <ol>{ for children.iter().map(|child| html! { <li>{ link(child) }</li> }) }</ol>
                        }
                    </li>
                }) }
            </ol>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::outline::OutlineHeading;
    use yew::AttrValue;

    fn outline(headings: usize, reading_minutes: u32) -> Outline {
        let heading = |block| OutlineHeading { block, level: HeadingLevel::H2, title: "t".into(), id: AttrValue::Static("x") };
        Outline { headings: (0..headings).map(heading).collect(), reading_minutes }
    }

    #[test]
    fn reads_the_hosts_setting() {
        for (value, mode) in [("auto", ContentsMode::Auto), ("SHOW", ContentsMode::Show), ("true", ContentsMode::Show), (" hide ", ContentsMode::Hide), ("false", ContentsMode::Hide)] {
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
