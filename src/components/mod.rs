//! The component tree, one component per file. [`FolioView`] is the root a mount renders.
//!
//! Shared state flows down through two contexts: [`ArticleContext`] (fixed for one document) and
//! [`Now`] (the clock, which changes every half minute). Keeping the clock apart means only the
//! timestamps re-render when it ticks.

mod article_body;
mod article_footer;
mod article_header;
mod article_view;
mod body_part;
mod comments_section;
mod error_alert;
mod figure;
mod folio_view;
mod inline;
mod loading_placeholder;
mod related_list;
mod table_of_contents;
mod time_stamp;

pub use article_body::{ArticleBody, ArticleBodyProps, BODY_CLASS};
pub use article_footer::ArticleFooter;
pub use article_header::ArticleHeader;
pub use article_view::{ArticleView, ArticleViewProps};
pub use body_part::{BodyPart, BodyPartProps};
pub use comments_section::CommentsSection;
pub use error_alert::{ErrorAlert, ErrorAlertProps};
pub use figure::figure;
pub use folio_view::{FolioView, FolioViewProps, Outcome, Pending, View};
pub use loading_placeholder::LoadingPlaceholder;
pub use related_list::{RelatedListProps, RelatedListView};
pub use table_of_contents::TableOfContents;
pub use time_stamp::TimeStamp;

use crate::i18n::Words;
use crate::model::{Article, Outline};
use crate::platform::PlatformRef;
use std::rc::Rc;
use yew::{html, AttrValue, Callback, Html};

/// Everything about the document being shown that components below the root need: the
/// document, its outline, and how it is presented (shared by reference, so the blocks of a long
/// body can keep it without keeping the whole document).
#[derive(Clone)]
pub struct ArticleContext {
    /// The document.
    pub article: Rc<Article>,
    /// Its section headings with their ids, and its reading time.
    pub outline: Rc<Outline>,
    /// Language, words, addresses and services, the same for every part of the article.
    pub presentation: Rc<Presentation>,
}

impl PartialEq for ArticleContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article) && self.presentation == other.presentation
    }
}

impl std::ops::Deref for ArticleContext {
    type Target = Presentation;
    fn deref(&self) -> &Presentation {
        &self.presentation
    }
}

/// How an article is presented: its language and UI words, its addresses, and the services that
/// format and resolve them. Everything a body block needs besides its own content.
pub struct Presentation {
    /// The UI words of its language.
    pub words: &'static Words,
    /// Its language tag.
    pub lang: AttrValue,
    /// The `lang` of the UI words when their table is in another language than the article (an
    /// `fr` article gets English words: `Some("en")`), so they are read in their own language;
    /// `None` when the table is the article's language.
    pub words_lang: Option<AttrValue>,
    /// The article's writing direction: `ltr` or `rtl`.
    pub dir: &'static str,
    /// The `dir` of the UI words when it is not the article's (English words in an Arabic
    /// article: `Some("ltr")`), so "1 min read" is not reordered as "min read 1"; `None` otherwise.
    pub words_dir: Option<&'static str>,
    /// The time zone for absolute times; `None` is the reader's.
    pub time_zone: Option<AttrValue>,
    /// The address of the document, for resolving its relative URLs.
    pub base: Option<AttrValue>,
    /// Prefix that keeps element ids unique when several articles share a page.
    pub id_prefix: AttrValue,
    /// Formatting and URL services.
    pub platform: PlatformRef,
    /// Renders a related article in place (its JSON URL); `None` keeps related items plain links.
    pub navigate: Option<Callback<AttrValue>>,
}

impl PartialEq for Presentation {
    /// The words and directions follow from the language.
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.time_zone == other.time_zone
            && self.base == other.base
            && self.id_prefix == other.id_prefix
            && self.platform == other.platform
            && self.navigate == other.navigate
    }
}

impl Presentation {
    /// A document URL made safe and absolute, or `None` when it must not become a link or load.
    pub fn url(&self, raw: Option<&str>) -> Option<AttrValue> {
        let safe = crate::url::sanitize(raw?)?;
        let resolved = self.platform.resolve_url(&safe, self.base.as_deref())?;
        // Resolution cannot add a scheme the sanitiser refused, but checking again costs nothing.
        crate::url::sanitize(&resolved).map(AttrValue::from)
    }

    /// A URL to load (image, video, poster, list page, related article): as [`ArticleContext::url`],
    /// but `mailto:` is refused too, since it names no resource to fetch.
    pub fn resource_url(&self, raw: Option<&str>) -> Option<AttrValue> {
        self.url(raw).filter(|url| crate::url::is_loadable(url))
    }

    /// An element id unique to this mount.
    pub fn id(&self, local: &str) -> AttrValue {
        AttrValue::from(format!("{}-{local}", self.id_prefix))
    }

    /// UI words set among the article's own text: a text node, or a `<span lang dir>` when the
    /// words are in another language than the article (see [`ArticleContext::words_lang`]).
    /// Spaces around the words stay outside the span: inside an isolated left-to-right span in a
    /// right-to-left line, the space of "By " would end up on the far side of "By".
    pub fn ui_text(&self, text: &'static str) -> Html {
        let Some(lang) = &self.words_lang else {
            return html! { { text } };
        };
        let words = text.trim();
        let (before, after) = text.split_at(text.len() - text.trim_start().len());
        let after = &after[words.len()..];
        let space = |text: &'static str| (!text.is_empty()).then(|| html! { { text } });
        html! { <>{ space(before) }<span lang={lang.clone()} dir={self.words_dir}>{ words }</span>{ space(after) }</> }
    }
}

/// Whether a mount's first view is a prerendered page (contract section 4), and which side of it.
/// Both sides render the same first view: the whole body at once, and no relative times, which
/// appear only once the browser has taken the page over (the server runs no effects).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prerendering {
    /// An ordinary render in the browser.
    #[default]
    No,
    /// Written natively for a browser to hydrate: the body is marked as one raw region, which
    /// the browser adopts without walking it.
    Writing,
    /// Being hydrated in the browser: the body's nodes are adopted as they stand.
    Adopting,
}

impl Prerendering {
    /// Whether this is a prerendered page, on either side.
    pub fn is_prerendered(self) -> bool {
        self != Prerendering::No
    }
}

/// The clock relative times are measured against, in milliseconds since the epoch; `None` while
/// they are not shown (a prerendered page, until the browser has taken it over).
#[derive(Clone, Copy, PartialEq)]
pub struct Now(pub Option<f64>);
