use super::time_stamp::TimeStampProps;
use super::{ArticleContext, TimeStamp};
use yew::prelude::*;

/// The top of the article: section, headline (the page's one `<h1>`), subheadline, publisher,
/// authors, the published and updated times, and the estimated reading time.
///
/// ```ignore
/// html! { <ArticleHeader /> } // inside an ArticleView's context
/// ```
#[component]
pub fn ArticleHeader() -> Html {
    let ctx = use_context::<ArticleContext>().expect("ArticleHeader is rendered inside ArticleView");
    let article = &ctx.article;
    let words = ctx.words;
    let section = article.section.as_ref().map(|section| match ctx.url(section.url.as_deref()) {
        Some(href) => html! { <a class="folio-section" href={href}>{ &section.name }</a> },
        None => html! { <span class="folio-section">{ &section.name }</span> },
    });
    let publisher = article.publisher.as_ref().map(|publisher| {
        let logo = ctx.resource_url(publisher.logo.as_deref()).map(|src| {
            html! {
                <img class="folio-publisher-logo" src={src} alt="" width="24" height="24" />
            }
        });
        let name = match ctx.url(publisher.url.as_deref()) {
            Some(href) => html! { <a href={href}>{ &publisher.name }</a> },
            None => html! { { &publisher.name } },
        };
        html! { <span class="folio-publisher">{ logo }{ name }</span> }
    });
    let count = article.authors.len();
    let authors = (count > 0).then(|| {
        let names = article.authors.iter().enumerate().map(|(i, author)| {
            let separator = match i {
                0 => Html::default(),
                i if i == count - 1 => ctx.ui_text(words.last_separator),
                _ => ctx.ui_text(words.separator),
            };
            let name = match ctx.url(author.url.as_deref()) {
                Some(href) => html! { <a href={href} rel="author">{ &author.name }</a> },
                None => html! { <span>{ &author.name }</span> },
            };
            html! { <>{ separator }{ name }</> }
        });
        html! { <span class="folio-authors">{ ctx.ui_text(words.by) }{ for names }</span> }
    });
    let both_names = publisher.is_some() && authors.is_some();
    let modified = article.date_modified.as_ref().filter(|m| m.epoch_ms != article.date_published.epoch_ms);
    let minutes = ctx.outline.reading_minutes;
    let label = ctx.words_lang.clone();
    html! {
        <header class="folio-header">
            if let Some(section) = section {
                <p class="folio-kicker">{ section }</p>
            }
            <h1 class="folio-headline">{ &article.headline.0 }</h1>
            if let Some(sub) = &article.subheadline {
                <p class="folio-subheadline">{ sub }</p>
            }
            <div class="folio-meta">
                if publisher.is_some() || authors.is_some() {
                    <p class="folio-byline">{ publisher }{ (both_names).then_some(" ") }{ authors }</p>
                }
                <p class="folio-dates">
                    <span class="folio-date">
                        <span class="folio-date-label" lang={label.clone()} dir={ctx.words_dir}>{ words.published }</span>{ " " }
                        <TimeStamp ..TimeStampProps::of(&article.date_published, true) />
                    </span>
                    if let Some(modified) = modified {
                        { " " }
                        <span class="folio-date">
                            <span class="folio-date-label" lang={label.clone()} dir={ctx.words_dir}>{ words.updated }</span>{ " " }
                            <TimeStamp ..TimeStampProps::of(modified, true) />
                        </span>
                    }
                    if minutes > 0 {
                        { " " }
                        <span class="folio-reading-time" lang={label} dir={ctx.words_dir}>{ words.reading_time(minutes) }</span>
                    }
                </p>
            </div>
        </header>
    }
}
