use super::time_stamp::TimeStampProps;
use super::{ArticleContext, TimeStamp};
use crate::model::time::{clock_duration, parse_duration};
use crate::model::{ListStyle, RelatedItem};
use crate::i18n::fill;
use yew::prelude::*;

/// Properties of [`RelatedListView`].
#[derive(Properties, Clone, PartialEq)]
pub struct RelatedListProps {
    /// Which of the article's lists to show.
    pub index: usize,
}

/// A related-news list: a `<section>` named by its heading, items as links; `ranked` lists are an
/// `<ol>` numbered 01, 02, ...; `video` lists show a thumbnail and the length.
///
/// ```ignore
/// html! { <RelatedListView index={0} /> } // inside an ArticleView's context
/// ```
#[component]
pub fn RelatedListView(props: &RelatedListProps) -> Html {
    let ctx = use_context::<ArticleContext>().expect("RelatedListView is rendered inside ArticleView");
    let Some(list) = ctx.article.lists.get(props.index) else {
        return Html::default();
    };
    let style = list.style();
    let heading_id = ctx.id(&format!("list-{}", props.index));
    let items = list.items.iter().enumerate().map(|(rank, item)| item_view(&ctx, item, style, rank + 1));
    let style_class = match style {
        ListStyle::Plain => "folio-related-plain",
        ListStyle::Ranked => "folio-related-ranked",
        ListStyle::Video => "folio-related-video",
    };
    html! {
        <section class={classes!("folio-related", style_class)} aria-labelledby={heading_id.clone()}>
            <h2 class="folio-related-title" id={heading_id}>{ &list.title }</h2>
            if style == ListStyle::Ranked {
                <ol class="folio-related-items">{ for items }</ol>
            } else {
                <ul class="folio-related-items">{ for items }</ul>
            }
            if let Some(more) = ctx.url(list.more_url.as_deref()) {
                <p class="folio-more"><a href={more}>{ ctx.words.see_more }</a></p>
            }
        </section>
    }
}

fn item_view(ctx: &ArticleContext, item: &RelatedItem, style: ListStyle, rank: usize) -> Html {
    let title = match ctx.url(Some(&item.url)) {
        Some(href) => html! { <a class="folio-related-link" href={href}>{ &item.title }</a> },
        None => html! { <span class="folio-related-link">{ &item.title }</span> },
    };
    let thumbnail = (style == ListStyle::Video).then(|| {
        let length = item.duration.as_deref().and_then(parse_duration).map(clock_duration);
        let image = ctx.url(item.image.as_deref());
        html! {
            <span class="folio-thumb" aria-hidden={image.is_none().then_some("true")}>
                if let Some(src) = image {
                    <img src={src} alt="" loading="lazy" decoding="async" width="160" height="90" />
                }
                if let Some(length) = length {
                    <span class="folio-duration" aria-label={fill(ctx.words.duration, &[("n", &length)])}>{ length }</span>
                }
            </span>
        }
    });
    html! {
        <li class="folio-related-item">
            if style == ListStyle::Ranked {
                <span class="folio-rank" aria-hidden="true">{ format!("{rank:02}") }</span>{ " " }
            }
            { thumbnail }
            <span class="folio-related-text">
                { title }
                { " " }
                if item.source.is_some() || item.date_published.is_some() {
                    <span class="folio-related-meta">
                        if let Some(source) = &item.source {
                            <span class="folio-source">{ source }</span>
                        }
                        if let Some(date) = &item.date_published {
                            { " " }
                            <TimeStamp ..TimeStampProps::of(date, false) />
                        }
                    </span>
                }
            </span>
        </li>
    }
}
