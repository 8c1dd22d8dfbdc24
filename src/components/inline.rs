//! Inline text: a plain string, or spans with emphasis, code, links, other marks and line breaks. Always text nodes, never
//! parsed as HTML. `<strong>`/`<em>` rather than `<b>`/`<i>`: the emphasis is meant, not visual.

use super::Presentation;
use crate::model::{Inline, Span};
use yew::prelude::*;

/// The nodes of one inline text.
pub fn inline(ctx: &Presentation, text: &Inline) -> Html {
    match text {
        Inline::Text(text) => html! { { text.as_str() } },
        Inline::Spans(spans) => spans.iter().map(|span| self::span(ctx, span)).collect::<Html>(),
    }
}

fn span(ctx: &Presentation, span: &Span) -> Html {
    let mut node = html! { { span.text.as_str() } };
    if span.sub {
        node = html! { <sub>{ node }</sub> };
    }
    if span.sup {
        node = html! { <sup>{ node }</sup> };
    }
    if span.strike {
        node = html! { <s>{ node }</s> };
    }
    if span.underline {
        node = html! { <u>{ node }</u> };
    }
    if span.code {
        node = html! { <code>{ node }</code> };
    }
    if span.italic {
        node = html! { <em>{ node }</em> };
    }
    if span.bold {
        node = html! { <strong>{ node }</strong> };
    }
    node = match ctx.url(span.href.as_deref()) {
        Some(href) => html! { <a class="folio-link" href={href}>{ node }</a> },
        None => node,
    };
    if span.line_break {
        node = html! { <>{ node }<br /></> };
    }
    node
}
