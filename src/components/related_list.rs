use super::time_stamp::TimeStampProps;
use super::{ArticleContext, TimeStamp};
use crate::i18n::fill;
use crate::model::time::{clock_duration, parse_duration};
use crate::model::{ListPage, ListStyle, RelatedItem};
use crate::platform::TaskGuard;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`RelatedListView`].
#[derive(Properties, Clone, PartialEq)]
pub struct RelatedListProps {
    /// Which of the article's lists to show.
    pub index: usize,
}

/// Where a list with a `src` stands.
#[derive(Clone, PartialEq)]
enum Status {
    /// Nothing in flight.
    Idle,
    /// A page is on its way.
    Loading,
    /// The last page failed; the text says why.
    Failed(AttrValue),
}

/// Items fetched beyond those the document gave, and the next page to fetch.
#[derive(Clone, PartialEq)]
struct Fetched {
    items: Vec<RelatedItem>,
    next: Option<AttrValue>,
    pages: u32,
    status: Status,
}

enum Action {
    Start,
    Loaded(ListPage),
    Failed(String),
}

impl Reducible for Fetched {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start => next.status = Status::Loading,
            Action::Loaded(page) => {
                next.items.extend(page.items);
                next.next = page.next.and_then(|n| crate::url::sanitize(&n)).filter(|n| crate::url::is_loadable(n)).map(AttrValue::from);
                next.pages += 1;
                next.status = Status::Idle;
            }
            Action::Failed(reason) => next.status = Status::Failed(reason.into()),
        }
        Rc::new(next)
    }
}

/// A related-news list: a `<section>` named by its heading, items as links; `ranked` lists are an
/// `<ol>` numbered 01, 02, ...; `video` lists show a thumbnail and the length. A list with `src`
/// fetches more items when it nears the viewport (placeholders meanwhile) and offers a button
/// for each further page; an item with `article` opens in place on a plain click.
///
/// ```ignore
/// html! { <RelatedListView index={0} /> } // inside an ArticleView's context
/// ```
#[component]
pub fn RelatedListView(props: &RelatedListProps) -> Html {
    let ctx = use_context::<ArticleContext>().expect("RelatedListView is rendered inside ArticleView");
    let list = ctx.article.lists.get(props.index);
    let source = list.and_then(|l| ctx.resource_url(l.src.as_deref()));
    let fetched = use_reducer({
        let source = source.clone();
        move || Fetched { items: Vec::new(), next: source, pages: 0, status: Status::Idle }
    });
    let section = use_node_ref();
    let request = use_mut_ref(|| None::<TaskGuard>);
    let load = {
        let fetched = fetched.dispatcher();
        let request = request.clone();
        let platform = ctx.platform.clone();
        Callback::from(move |url: AttrValue| {
            fetched.dispatch(Action::Start);
            let done = fetched.clone();
            // Replacing the guard cancels any earlier request of this list.
            *request.borrow_mut() =
                Some(platform.fetch_list(&url, Box::new(move |result| done.dispatch(result.map_or_else(Action::Failed, Action::Loaded)))));
        })
    };
    {
        let load = load.clone();
        let section = section.clone();
        let platform = ctx.platform.clone();
        let request = request.clone();
        use_effect_with(source, move |source| {
            let observer = match (source.clone(), section.cast::<web_sys::Element>()) {
                (Some(url), Some(element)) => Some(platform.when_near_viewport(&element, Box::new(move || load.emit(url)))),
                _ => None,
            };
            move || {
                drop(observer);
                request.borrow_mut().take();
            }
        });
    }
    // A reader who pressed Load more or Retry keeps the keyboard focus when the button goes:
    // on the first new item once the page arrives, or on Retry when it failed. Holds the number
    // of items before the press.
    let focus_after = use_mut_ref(|| None::<usize>);
    {
        let (section, focus_after) = (section.clone(), focus_after.clone());
        let settled = fetched.status != Status::Loading;
        use_effect_with((fetched.pages, settled), move |(_, settled)| {
            let Some(before) = settled.then(|| focus_after.borrow_mut().take()).flatten() else { return };
            let Some(section) = section.cast::<web_sys::Element>() else { return };
            let selector = format!(".folio-related-items > li:nth-child({}) a, .folio-list-error button, .folio-load-more", before + 1);
            if let Some(target) = section.query_selector(&selector).ok().flatten().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        });
    }
    let Some(list) = list else {
        return Html::default();
    };
    let shown = list.items.len() + fetched.items.len();
    let pressed = {
        let (load, focus_after) = (load.clone(), focus_after.clone());
        move |next: AttrValue| {
            let (load, focus_after) = (load.clone(), focus_after.clone());
            Callback::from(move |_: MouseEvent| {
                *focus_after.borrow_mut() = Some(shown);
                load.emit(next.clone());
            })
        }
    };
    let style = list.style();
    let heading_id = ctx.id(&format!("list-{}", props.index));
    let loading = fetched.status == Status::Loading;
    let items = list.items.iter().chain(fetched.items.iter()).enumerate().map(|(rank, item)| item_view(&ctx, item, style, rank + 1));
    let placeholders = loading.then(|| {
        (0..3)
            .map(|_| {
                html! {
                    <li class="folio-related-item folio-placeholder" aria-hidden="true">
                        <span class="folio-skeleton folio-skeleton-line"></span>
                    </li>
                }
            })
            .collect::<Html>()
    });
    let style_class = match style {
        ListStyle::Plain => "folio-related-plain",
        ListStyle::Ranked => "folio-related-ranked",
        ListStyle::Video => "folio-related-video",
    };
    let more_button = match (&fetched.status, &fetched.next) {
        (Status::Idle, Some(next)) if fetched.pages > 0 => {
            let onclick = pressed(next.clone());
            Some(
                html! { <button type="button" class="folio-button folio-load-more" onclick={onclick} lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ ctx.words.load_more }</button> },
            )
        }
        _ => None,
    };
    let failure = match (&fetched.status, &fetched.next) {
        (Status::Failed(reason), Some(next)) => {
            let onclick = pressed(next.clone());
            Some(html! {
                <div class="folio-list-error" role="alert">
                    <p>{ ctx.ui_text(ctx.words.list_error) }{ " " }<span class="folio-error-detail">{ reason.clone() }</span></p>
                    <button type="button" class="folio-button" onclick={onclick} lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ ctx.words.retry }</button>
                </div>
            })
        }
        _ => None,
    };
    let list_items = html! { <>{ for items }{ placeholders }</> };
    html! {
        <section
            ref={section}
            class={classes!("folio-related", style_class)}
            aria-labelledby={heading_id.clone()}
            aria-busy={loading.then_some("true")}
        >
            <h2 class="folio-related-title" id={heading_id}>{ &list.title }</h2>
            if style == ListStyle::Ranked {
                <ol class="folio-related-items">{ list_items }</ol>
            } else {
                <ul class="folio-related-items">{ list_items }</ul>
            }
            { failure }
            { more_button }
            if let Some(more) = ctx.url(list.more_url.as_deref()) {
                <p class="folio-more"><a href={more} lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ ctx.words.see_more }</a></p>
            }
        </section>
    }
}

/// A plain left click on an item with `article` renders it in place; a click with a modifier
/// key or another button keeps the browser's behaviour (new tab, new window, download).
fn navigation_click(ctx: &ArticleContext, item: &RelatedItem) -> Option<Callback<MouseEvent>> {
    let navigate = ctx.navigate.clone()?;
    let target = ctx.resource_url(item.article.as_deref())?;
    Some(Callback::from(move |event: MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if event.button() == 0 && !modified {
            event.prevent_default();
            navigate.emit(target.clone());
        }
    }))
}

fn item_view(ctx: &ArticleContext, item: &RelatedItem, style: ListStyle, rank: usize) -> Html {
    let title = match ctx.url(Some(&item.url)) {
        Some(href) => html! {
            <a class="folio-related-link" href={href} onclick={navigation_click(ctx, item)}>{ &item.title }</a>
        },
        None => html! { <span class="folio-related-link">{ &item.title }</span> },
    };
    let thumbnail = (style == ListStyle::Video).then(|| {
        let length = item.duration.as_deref().and_then(parse_duration).map(clock_duration);
        let image = ctx.resource_url(item.image.as_deref());
        html! {
            <span class="folio-thumb" aria-hidden={(image.is_none() && length.is_none()).then_some("true")}>
                if let Some(src) = image {
                    <img src={src} alt="" loading="lazy" decoding="async" width="160" height="90" />
                }
                if let Some(length) = length {
                    // The label as text: an aria-label on a <span> is not read by every screen reader.
                    <span class="folio-duration">
                        <span aria-hidden="true">{ &length }</span>
                        <span class="folio-visually-hidden" lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ fill(ctx.words.duration, &[("n", &length)]) }</span>
                    </span>
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
