use super::figure::figure;
use super::inline::inline;
use super::ArticleContext;
use crate::model::{Block, HeadingLevel};
use yew::prelude::*;

/// The article text: every body block, in order, as the HTML element that means it.
///
/// ```ignore
/// html! { <ArticleBody /> } // inside an ArticleView's context
/// ```
#[component]
pub fn ArticleBody() -> Html {
    let ctx = use_context::<ArticleContext>().expect("ArticleBody is rendered inside ArticleView");
    html! {
        <div class="folio-body">
            { for ctx.article.body.iter().map(|b| block(&ctx, b)) }
        </div>
    }
}

/// One body block. The only place that knows how each block type looks.
fn block(ctx: &ArticleContext, block: &Block) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p>{ inline(ctx, text) }</p> },
        Block::Heading { level: HeadingLevel::H2, text } => html! { <h2 class="folio-heading">{ inline(ctx, text) }</h2> },
        Block::Heading { level: HeadingLevel::H3, text } => html! { <h3 class="folio-heading">{ inline(ctx, text) }</h3> },
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
                if let Some(src) = ctx.url(Some(src)) {
                    <video class="folio-video-player" src={src} poster={ctx.url(poster.as_deref())}
                        controls=true preload="none" playsinline=true />
                } else {
                    <span class="folio-image-missing">{ ctx.words.video }</span>
                }
                if let Some(caption) = caption {
                    <figcaption class="folio-caption"><span class="folio-caption-text">{ inline(ctx, caption) }</span></figcaption>
                }
            </figure>
        },
        Block::Divider => html! { <hr class="folio-divider" /> },
    }
}
