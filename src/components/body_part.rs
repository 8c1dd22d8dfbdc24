use super::figure::figure;
use super::inline::inline;
use super::Presentation;
use crate::i18n::fill;
use crate::model::Outline;
use crate::model::{Block, HeadingLevel, Inline, ListItem};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`BodyPart`].
#[derive(Properties, Clone)]
pub struct BodyPartProps {
    /// Index in the body of the first block.
    pub first: usize,
    /// The part's blocks, a copy of them rather than the whole document: a part that does not
    /// change keeps its properties, and would otherwise keep every earlier version of an updated
    /// article alive. An update passes the same copy again where the blocks did not change.
    pub blocks: Rc<[Rc<Block>]>,
    /// How many of `blocks` are shown.
    pub shown: usize,
    /// The article's outline, for the ids of section headings.
    pub outline: Rc<Outline>,
    /// How the article is presented.
    pub presentation: Rc<Presentation>,
}

impl PartialEq for BodyPartProps {
    /// Equal when the blocks would look the same: same content, same heading ids. Comparing text
    /// costs far less than describing and diffing its elements again. The place in the body only
    /// matters through the heading ids: a part moved by a block added before it is equal.
    fn eq(&self, other: &Self) -> bool {
        let (mine, theirs) = (&self.blocks[..self.shown], &other.blocks[..other.shown]);
        self.presentation == other.presentation
            && ((Rc::ptr_eq(&self.blocks, &other.blocks) && self.shown == other.shown) || mine == theirs)
            && mine
                .iter()
                .enumerate()
                .filter(|(_, block)| matches!(***block, Block::Heading { .. }))
                .all(|(i, _)| self.outline.id_of(self.first + i) == other.outline.id_of(other.first + i))
    }
}

/// A part of the body: consecutive blocks, each as the HTML element that means it, in a
/// `<div class="folio-body-part">` without a box of its own. A body is a list of parts so that an
/// update re-renders only the parts whose blocks changed, and so that the browser, when a part is
/// added or changed, lays out that part rather than every block of the body. Each part has one
/// element at its root: with bare lists of blocks, Yew 0.23 now and then put a part's nodes in
/// twice when the body grew (see tests/e2e/long-articles.test.mjs).
///
/// ```ignore
/// html! { <BodyPart first={0} blocks={blocks} shown={blocks.len()} outline={outline} presentation={presentation} /> }
/// ```
#[component]
pub fn BodyPart(props: &BodyPartProps) -> Html {
    html! {
        <div class="folio-body-part">
            { for props.blocks[..props.shown].iter().enumerate().map(|(i, b)| block(&props.presentation, &props.outline, props.first + i, b)) }
        </div>
    }
}

/// One body block (the `index`th). The only place that knows how each block type looks.
fn block(ctx: &Presentation, outline: &Outline, index: usize, block: &Block) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p>{ inline(ctx, text) }</p> },
        Block::Heading { level, text } => heading(ctx, outline.id_of(index).cloned().map(AttrValue::from), *level, text),
        Block::Quote { text, cite } => html! {
            <blockquote class="folio-quote">
                <p>{ inline(ctx, text) }</p>
                if let Some(cite) = cite {
                    <footer class="folio-quote-cite"><cite>{ cite }</cite></footer>
                }
            </blockquote>
        },
        Block::List { ordered, items } => list(ctx, *ordered, items),
        Block::Table { rows, header, caption } => table(ctx, rows, *header, caption.as_ref()),
        Block::Code { text, language } => html! {
            // A class the way highlighters name languages; the code itself stays text.
            <pre class="folio-code" dir="ltr"><code class={language.as_ref().map(|l| format!("language-{l}"))}>{ text.as_str() }</code></pre>
        },
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

/// A list, and the lists nested in its items.
fn list(ctx: &Presentation, ordered: bool, items: &[ListItem]) -> Html {
    let items = items.iter().map(|item| {
        html! {
            <li>
                { inline(ctx, &item.text) }
                if !item.items.is_empty() {
                    { list(ctx, item.ordered, &item.items) }
                }
            </li>
        }
    });
    if ordered {
        html! { <ol class="folio-list">{ for items }</ol> }
    } else {
        html! { <ul class="folio-list">{ for items }</ul> }
    }
}

/// A table in a box that scrolls sideways on a narrow screen rather than widening the page. The
/// box can take the keyboard focus, so that keyboard users can scroll it too.
fn table(ctx: &Presentation, rows: &[Vec<Inline>], header: bool, caption: Option<&Inline>) -> Html {
    let (head, body) = match rows.split_first() {
        Some((first, rest)) if header => (Some(first), rest),
        _ => (None, rows),
    };
    // Named by its caption, else by the word "Table" in the reader's language.
    let label = caption.map(Inline::plain_text).unwrap_or_else(|| ctx.words.table.to_owned());
    html! {
        <div class="folio-table" tabindex="0" role="region" aria-label={label}>
            <table>
                if let Some(caption) = caption {
                    <caption>{ inline(ctx, caption) }</caption>
                }
                if let Some(head) = head {
                    <thead><tr>{ for head.iter().map(|cell| html! { <th scope="col">{ inline(ctx, cell) }</th> }) }</tr></thead>
                }
                <tbody>
                    { for body.iter().map(|row| html! { <tr>{ for row.iter().map(|cell| html! { <td>{ inline(ctx, cell) }</td> }) }</tr> }) }
                </tbody>
            </table>
        </div>
    }
}

/// A section heading and, after it, the link to it (`#` on screen, "Link to this section: …" to
/// assistive technology). The link sits outside the `<h2>`, so the heading's text and accessible
/// name stay its own.
fn heading(ctx: &Presentation, id: Option<AttrValue>, level: HeadingLevel, text: &Inline) -> Html {
    let content = inline(ctx, text);
    let number = level.number();
    let title = html! { <@{format!("h{number}")} class="folio-heading" id={id.clone()}>{ content }</@> };
    let class = format!("folio-section-heading folio-section-heading-{number}");
    let anchor = id.map(|id| {
        let label = fill(ctx.words.section_link, &[("title", &text.plain_text())]);
        html! { <a class="folio-anchor" href={format!("#{id}")} aria-label={label} lang={ctx.words_lang.clone()} dir={ctx.words_dir}></a> }
    });
    html! { <div class={class}>{ title }{ anchor }</div> }
}
