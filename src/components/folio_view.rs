use super::{ArticleView, ErrorAlert, LoadingPlaceholder, Now, Prerendering};
use crate::hooks::use_now;
use crate::i18n::words_for;
use crate::model::{Article, DocError};
use crate::options::RenderOptions;
use crate::platform::PlatformRef;
use std::rc::Rc;
use yew::prelude::*;

/// What a mount shows.
#[derive(Clone)]
pub enum View {
    /// A document is on its way.
    Loading,
    /// A checked article.
    Article {
        /// The document.
        article: Rc<Article>,
        /// Where it came from, for its relative URLs; `None` for one passed in directly.
        base: Option<AttrValue>,
    },
    /// The document was refused.
    Invalid(Rc<DocError>),
    /// The document could not be fetched.
    FetchFailed {
        /// What went wrong, for people.
        reason: AttrValue,
        /// Tries the fetch again.
        retry: Callback<()>,
    },
}

/// Something happening on top of what is shown: a related article loading in place, or failing
/// to. The current article stays on screen meanwhile.
#[derive(Clone, PartialEq)]
pub enum Pending {
    /// The next article is on its way.
    Loading,
    /// The next article could not be loaded.
    Failed {
        /// What went wrong, for people.
        reason: AttrValue,
        /// Tries again.
        retry: Callback<()>,
    },
}

/// What the root reports once its render is in the DOM, so the host can be told by event.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// An article is on screen.
    Rendered,
    /// An error is on screen instead.
    Failed(Rc<DocError>),
}

impl View {
    /// What the host is told once this view is on screen; nothing while loading.
    pub fn outcome(&self) -> Option<Outcome> {
        match self {
            View::Article { .. } => Some(Outcome::Rendered),
            View::Invalid(error) => Some(Outcome::Failed(error.clone())),
            View::FetchFailed { reason, .. } => Some(Outcome::fetch_failed(reason)),
            View::Loading => None,
        }
    }
}

impl Outcome {
    /// A fetch that failed, as an error without a JSON path.
    pub fn fetch_failed(reason: &str) -> Outcome {
        Outcome::Failed(Rc::new(DocError { path: String::new(), message: reason.to_owned(), position: None }))
    }
}

/// Properties of [`FolioView`].
#[derive(Properties, Clone)]
pub struct FolioViewProps {
    /// What to show.
    pub view: View,
    /// Bumped by the host on every new document, so an update with an equal-looking view still
    /// counts as a new render.
    #[prop_or_default]
    pub generation: u64,
    /// The host's options.
    #[prop_or_default]
    pub options: Rc<RenderOptions>,
    /// Formatting and URL services.
    pub platform: PlatformRef,
    /// Prefix for element ids, unique per mount.
    #[prop_or(AttrValue::Static("folio"))]
    pub id_prefix: AttrValue,
    /// Called after each render that put an article or an error on screen.
    #[prop_or_default]
    pub on_outcome: Callback<Outcome>,
    /// Renders a related article in place; `None` leaves related items as plain links.
    #[prop_or_default]
    pub on_navigate: Option<Callback<AttrValue>>,
    /// Move focus to the headline once rendered (the article replaced another in place).
    #[prop_or_default]
    pub focus_headline: bool,
    /// A navigation in progress or failed, shown above the current view.
    #[prop_or_default]
    pub pending: Option<Pending>,
    /// Whether this first view is a prerendered page being written or adopted.
    #[prop_or_default]
    pub prerendered: Prerendering,
}

impl PartialEq for FolioViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.options == other.options
            && self.platform == other.platform
            && self.id_prefix == other.id_prefix
            && self.on_outcome == other.on_outcome
            && self.on_navigate == other.on_navigate
            && self.focus_headline == other.focus_headline
            && self.pending == other.pending
            && self.prerendered == other.prerendered
    }
}

/// The root of one mount: a loading placeholder, an article, or an error, with the clock that
/// keeps relative times current.
///
/// A reader who pressed Retry keeps the keyboard focus: the article that arrives takes it on its
/// headline, or the error that comes back again on its Retry button (the button they pressed has
/// gone with the old error, and focus would fall back to the top of the page).
///
/// ```ignore
/// html! { <FolioView view={View::Loading} platform={platform} /> }
/// ```
#[component]
pub fn FolioView(props: &FolioViewProps) -> Html {
    let now = use_now(props.options.now_ms, props.platform.clone());
    // Relative times are live from the first render, or, on a prerendered page, from the one
    // after hydration. The clock's provider is there either way, so the tree keeps its shape.
    let live = use_state_eq(|| !props.prerendered.is_prerendered());
    {
        let live = live.clone();
        use_effect_with((), move |()| live.set(true));
    }
    // The host is told once per document, as soon as all of it is in the DOM: from the render
    // that completes it (an article's last body step, or this one for an error). Not from an
    // effect: Yew runs effects after yielding to the browser, which first lays out and paints the
    // page (half a second for a 1 MB article).
    let reported = use_mut_ref(|| None::<u64>);
    let report = {
        let (reported, on_outcome) = (reported.clone(), props.on_outcome.clone());
        let outcome = props.view.outcome();
        use_callback(props.generation, move |(), generation| {
            if let Some(outcome) = outcome.clone() {
                if reported.borrow_mut().replace(*generation) != Some(*generation) {
                    on_outcome.emit(outcome);
                }
            }
        })
    };
    if !matches!(props.view, View::Article { .. }) {
        report.emit(());
    }
    {
        let failure = match &props.pending {
            Some(Pending::Failed { reason, .. }) => Some(reason.clone()),
            _ => None,
        };
        let on_outcome = props.on_outcome.clone();
        use_effect_with(failure, move |failure| {
            if let Some(reason) = failure {
                on_outcome.emit(Outcome::fetch_failed(reason));
            }
        });
    }
    // Set when Retry is pressed; the next article or error takes the focus, and it is cleared.
    let retried = use_mut_ref(|| false);
    let take_retried = || std::mem::take(&mut *retried.borrow_mut());
    let remember_retry = |retry: &Callback<()>| {
        let (retry, retried) = (retry.clone(), retried.clone());
        Callback::from(move |()| {
            *retried.borrow_mut() = true;
            retry.emit(());
        })
    };
    let host_lang = props.options.lang.as_deref();
    let lang = match &props.view {
        View::Article { article, .. } => article.lang_or(host_lang),
        _ => host_lang.unwrap_or("en"),
    }
    .to_owned();
    let pending = props.pending.as_ref().map(|pending| match pending {
        Pending::Loading => html! {
            <div class="folio-progress" role="status">
                <span class="folio-visually-hidden" lang={words_for(&lang).lang}>{ words_for(&lang).loading }</span>
            </div>
        },
        Pending::Failed { reason, retry } => html! {
            <ErrorAlert lang={AttrValue::from(lang.clone())} fetch_failure={reason.clone()} retry={remember_retry(retry)} focus={take_retried()} />
        },
    });
    let content = match &props.view {
        View::Loading => html! { <LoadingPlaceholder lang={AttrValue::from(lang)} /> },
        View::Article { article, base } => html! {
            <ArticleView
                article={article.clone()}
                base={base.clone()}
                options={props.options.clone()}
                platform={props.platform.clone()}
                id_prefix={props.id_prefix.clone()}
                on_navigate={props.on_navigate.clone()}
                // While a newer document loads, Retry belongs to it, not to the article shown.
                focus_headline={props.focus_headline || (props.pending.is_none() && take_retried())}
                // The host's `toc` option; automatic when it gives none.
                contents={props.options.toc}
                on_complete={report}
                prerendered={props.prerendered}
            />
        },
        View::Invalid(error) => html! {
            <ErrorAlert lang={AttrValue::from(lang)} error={error.clone()} focus={take_retried()} />
        },
        View::FetchFailed { reason, retry } => html! {
            <ErrorAlert lang={AttrValue::from(lang)} fetch_failure={reason.clone()} retry={remember_retry(retry)} focus={take_retried()} />
        },
    };
    html! {
        <ContextProvider<Now> context={Now(live.then_some(now))}>
            { pending }
            { content }
        </ContextProvider<Now>>
    }
}
