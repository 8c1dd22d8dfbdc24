use crate::i18n::{direction, words_for};
use yew::prelude::*;

/// Properties of [`LoadingPlaceholder`].
#[derive(Properties, Clone, PartialEq)]
pub struct LoadingPlaceholderProps {
    /// Language of the "Loading…" text.
    pub lang: AttrValue,
}

/// Grey bars where the article will appear, marked busy for assistive technology.
///
/// ```ignore
/// html! { <LoadingPlaceholder lang="zh-TW" /> }
/// ```
#[component]
pub fn LoadingPlaceholder(props: &LoadingPlaceholderProps) -> Html {
    let words = words_for(&props.lang);
    html! {
        <div class="folio-loading" aria-busy="true" lang={words.lang} dir={direction(words.lang)}>
            <p class="folio-visually-hidden" role="status">{ words.loading }</p>
            <div class="folio-skeleton folio-skeleton-title" aria-hidden="true"></div>
            <div class="folio-skeleton folio-skeleton-line" aria-hidden="true"></div>
            <div class="folio-skeleton folio-skeleton-line" aria-hidden="true"></div>
            <div class="folio-skeleton folio-skeleton-line folio-skeleton-short" aria-hidden="true"></div>
        </div>
    }
}
