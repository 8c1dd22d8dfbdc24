use super::ArticleContext;
use crate::model::{HeadingLevel, OutlineHeading};
use yew::prelude::*;

/// A table of contents: a `<nav>` named by its title, with a link to each section heading of the
/// body's `<h2>` and `<h3>`; `<h3>` sections are nested under the `<h2>` before them.
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
    // Deeper headings (h4 to h6) are not listed: the contents stay a short list of sections.
    for heading in headings.iter().filter(|h| matches!(h.level, HeadingLevel::H2 | HeadingLevel::H3)) {
        match (heading.level, groups.last_mut()) {
            (HeadingLevel::H3, Some((parent, children))) if parent.level == HeadingLevel::H2 => children.push(heading),
            _ => groups.push((heading, Vec::new())),
        }
    }
    let link = |heading: &OutlineHeading| {
        html! {
            <a class="folio-toc-link" href={format!("#{}", heading.id)}>{ &heading.title }</a>
        }
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
