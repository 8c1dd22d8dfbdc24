//! The component tree, one component per file. [`FolioView`] is the root a mount renders.
//!
//! Shared state flows down through two contexts: [`ArticleContext`] (fixed for one document) and
//! [`Now`] (the clock, which changes every half minute). Keeping the clock apart means only the
//! timestamps re-render when it ticks.

mod article_body;
mod article_footer;
mod article_header;
mod article_view;
mod comments_section;
mod error_alert;
mod figure;
mod folio_view;
mod inline;
mod loading_placeholder;
mod related_list;
mod time_stamp;

pub use article_body::ArticleBody;
pub use article_footer::ArticleFooter;
pub use article_header::ArticleHeader;
pub use article_view::{ArticleView, ArticleViewProps};
pub use comments_section::CommentsSection;
pub use error_alert::{ErrorAlert, ErrorAlertProps};
pub use figure::figure;
pub use folio_view::{FolioView, FolioViewProps, Outcome, Pending, View};
pub use loading_placeholder::LoadingPlaceholder;
pub use related_list::{RelatedListProps, RelatedListView};
pub use time_stamp::TimeStamp;

use crate::i18n::Words;
use crate::model::Article;
use crate::platform::PlatformRef;
use std::rc::Rc;
use yew::{AttrValue, Callback};

/// Everything about the document being shown that components below the root need.
#[derive(Clone)]
pub struct ArticleContext {
    /// The document.
    pub article: Rc<Article>,
    /// The UI words of its language.
    pub words: &'static Words,
    /// Its language tag.
    pub lang: AttrValue,
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

impl PartialEq for ArticleContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && self.lang == other.lang
            && self.time_zone == other.time_zone
            && self.base == other.base
            && self.id_prefix == other.id_prefix
            && self.platform == other.platform
            && self.navigate == other.navigate
    }
}

impl ArticleContext {
    /// A document URL made safe and absolute, or `None` when it must not become a link or load.
    pub fn url(&self, raw: Option<&str>) -> Option<AttrValue> {
        let safe = crate::url::sanitize(raw?)?;
        let resolved = self.platform.resolve_url(&safe, self.base.as_deref());
        // Resolution cannot add a scheme the sanitiser refused, but checking again costs nothing.
        crate::url::sanitize(&resolved).map(AttrValue::from)
    }

    /// An element id unique to this mount.
    pub fn id(&self, local: &str) -> AttrValue {
        AttrValue::from(format!("{}-{local}", self.id_prefix))
    }
}

/// The clock relative times are measured against, in milliseconds since the epoch.
#[derive(Clone, Copy, PartialEq)]
pub struct Now(pub f64);
