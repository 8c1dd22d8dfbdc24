use super::figure::figure;
use super::inline::inline;
use super::ArticleContext;
use crate::i18n::fill;
use crate::model::{Block, HeadingLevel, Inline};
use yew::prelude::*;

/// The article text: every body block, in order, as the HTML element that means it. Section
/// headings carry the ids of the outline and a link to themselves, for sharing a section.
///
/// ```ignore
/// html! { <ArticleBody /> } // inside an ArticleView's context
/// ```
#[component]
pub fn ArticleBody() -> Html {
    let ctx = use_context::<ArticleContext>().expect("ArticleBody is rendered inside ArticleView");
    html! {
        <div class="folio-body">
            { for ctx.article.body.iter().enumerate().map(|(i, b)| block(&ctx, i, b)) }
        </div>
    }
}

/// One body block (the `index`th). The only place that knows how each block type looks.
fn block(ctx: &ArticleContext, index: usize, block: &Block) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p>{ inline(ctx, text) }</p> },
        Block::Heading { level, text } => heading(ctx, index, *level, text),
        Block::Quote { text, cite } => html! {
            <blockquote class="folio-quote">
                <p>{ inline(ctx, text) }</p>
                if let Some(cite) = cite {
                    <footer class="folio-quote-cite"><cite>{ cite }</cite></footer>
                }
            </blockquote>
        },
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| html! { <li>{ inline(ctx, item) }</li> });
            if *ordered {
                html! { <ol class="folio-list">{ for items }</ol> }
            } else {
                html! { <ul class="folio-list">{ for items }</ul> }
            }
        }
        Block::Image(image) => figure(ctx, image, false),
        Block::Video { src, poster, caption } => html! {
            <figure class="folio-figure folio-video">
                if let Some(src) = ctx.resource_url(Some(src)) {
                    <video class="folio-video-player" src={src} poster={ctx.resource_url(poster.as_deref())}
                        controls=true preload="none" playsinline=true />
                } else {
                    <span class="folio-image-missing" lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ ctx.words.video }</span>
                }
                if let Some(caption) = caption {
                    <figcaption class="folio-caption"><span class="folio-caption-text">{ inline(ctx, caption) }</span></figcaption>
                }
            </figure>
        },
        Block::Divider => html! { <hr class="folio-divider" /> },
    }
}

/// A section heading and, after it, the link to it (`#` on screen, "Link to this section: …" to
/// assistive technology). The link sits outside the `<h2>`, so the heading's text and accessible
/// name stay its own.
fn heading(ctx: &ArticleContext, index: usize, level: HeadingLevel, text: &Inline) -> Html {
    let id = ctx.outline.id_of(index).cloned();
    let content = inline(ctx, text);
    let (title, class) = match level {
        HeadingLevel::H2 => (html! { <h2 class="folio-heading" id={id.clone()}>{ content }</h2> }, "folio-section-heading folio-section-heading-2"),
        HeadingLevel::H3 => (html! { <h3 class="folio-heading" id={id.clone()}>{ content }</h3> }, "folio-section-heading folio-section-heading-3"),
    };
    let anchor = id.map(|id| {
        let label = fill(ctx.words.section_link, &[("title", &text.plain_text())]);
        html! { <a class="folio-anchor" href={format!("#{id}")} aria-label={label} lang={ctx.words_lang.clone()} dir={ctx.words_dir}></a> }
    });
    html! { <div class={class}>{ title }{ anchor }</div> }
}
