//! Prerendered pages (contract section 4), natively: a document read as in the browser, rendered
//! by the same components through Yew's server renderer, in a page with the head publishers need.
//! [`command`] is the `folio-prerender` command around it.

pub mod command;
pub mod dates;
pub mod page;

use crate::components::{FolioView, FolioViewProps, Prerendering, View, BODY_CLASS};
use crate::hydration::{mark_children_raw, TreeShape, ID_PREFIX, LANG_ATTRIBUTE, SHAPE_ATTRIBUTE, TIME_ZONE_ATTRIBUTE};
use crate::model::{parse_text, DocError};
use crate::options::RenderOptions;
use crate::platform::PlatformRef;
use dates::IcuPlatform;
use std::rc::Rc;
use yew::LocalServerRenderer;

thread_local! {
    // Made once per thread and kept: a runtime, and date formatters (building one costs more than
    // using it), are the same for every article a thread renders.
    static RUNTIME: tokio::runtime::Runtime =
        tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime needs no resources");
    static PLATFORM: Rc<IcuPlatform> = Rc::new(IcuPlatform::default());
}

/// How to prerender: the command's options.
#[derive(Debug, Clone, Default)]
pub struct PrerenderOptions {
    /// URL of the folder holding `folio.css` and `folio-start.js`; `./` when empty.
    pub assets: String,
    /// Language when the document names none.
    pub lang: Option<String>,
    /// IANA time zone when the document names none (else UTC).
    pub time_zone: Option<String>,
    /// The clock, in milliseconds since the epoch; relative times are not written either way.
    pub now_ms: Option<f64>,
}

/// A prerendered page, and what could not be done as asked (an unknown time zone, say).
#[derive(Debug)]
pub struct Prerendered {
    /// The whole HTML page.
    pub html: String,
    /// The article's headline and language, for an index of pages.
    pub headline: String,
    /// See `headline`.
    pub lang: String,
    /// Fields skipped or shown otherwise than written, and formatting fallbacks.
    pub warnings: Vec<String>,
}

/// The page of the JSON document `text`, or why it was refused (the path and message of
/// contract section 1).
pub fn prerender(text: &str, options: &PrerenderOptions) -> Result<Prerendered, DocError> {
    let parsed = parse_text(text)?;
    let lang = parsed.article.lang_or(options.lang.as_deref()).to_owned();
    let article = Rc::new(parsed.article);
    let platform = PLATFORM.with(Rc::clone);
    let time_zone = options.time_zone.clone().unwrap_or_else(|| dates::DEFAULT_ZONE.to_owned());
    let props = FolioViewProps {
        view: View::Article { article: article.clone(), base: None },
        generation: 0,
        options: Rc::new(RenderOptions {
            lang: options.lang.clone(),
            time_zone: Some(time_zone.clone()),
            now_ms: options.now_ms,
            ..RenderOptions::default()
        }),
        platform: PlatformRef(platform.clone()),
        id_prefix: ID_PREFIX.into(),
        on_outcome: Default::default(),
        on_navigate: None,
        focus_headline: false,
        pending: None,
        prerendered: Prerendering::Writing,
    };
    let rendered = RUNTIME.with(|runtime| runtime.block_on(LocalServerRenderer::<FolioView>::with_props(props).render()));
    // The browser adopts the body as it stands, without walking it (see `Prerendering::Adopting`).
    let marked = mark_children_raw(&rendered, &format!("<div class=\"{BODY_CLASS}\">"));
    let assets = if options.assets.is_empty() { "./" } else { &options.assets };
    // What the browser needs to render the article exactly as here before it takes it over.
    // A body that could not be marked would stop the browser's hydration: such a page stays as
    // written, without the attributes that ask for it.
    let mut takeover = Vec::new();
    if let Some(marked) = &marked {
        takeover.push((SHAPE_ATTRIBUTE, TreeShape::of_rendered_markup(marked).hex()));
        takeover.push((TIME_ZONE_ATTRIBUTE, time_zone));
        if let Some(lang) = &options.lang {
            takeover.push((LANG_ATTRIBUTE, lang.clone()));
        }
    }
    let article_html = marked.unwrap_or(rendered);
    let html = page::page(&article, &lang, &article_html, text, assets, &takeover);
    let mut warnings = parsed.warnings;
    warnings.extend(platform.take_warnings());
    Ok(Prerendered { html, headline: article.headline.0.clone(), lang, warnings })
}
