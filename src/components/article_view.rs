use super::figure::figure;
use super::{
    ArticleBody, ArticleContext, ArticleFooter, ArticleHeader, CommentsSection, Prerendering, Presentation, RelatedListView,
    TableOfContents,
};
use crate::i18n::{direction, primary_language, words_for};
use crate::model::{Article, BlockCounts, Outline};
use crate::options::{ContentsMode, RenderOptions};
use crate::platform::PlatformRef;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`ArticleView`].
#[derive(Properties, Clone)]
pub struct ArticleViewProps {
    /// The checked document.
    pub article: Rc<Article>,
    /// The document's own address, for its relative URLs.
    #[prop_or_default]
    pub base: Option<AttrValue>,
    /// The host's options (language and time zone where the document gives none).
    #[prop_or_default]
    pub options: Rc<RenderOptions>,
    /// Formatting and URL services.
    pub platform: PlatformRef,
    /// Prefix for element ids, unique per mount.
    #[prop_or(AttrValue::Static("folio"))]
    pub id_prefix: AttrValue,
    /// Renders a related article in place; `None` leaves related items as plain links.
    #[prop_or_default]
    pub on_navigate: Option<Callback<AttrValue>>,
    /// Move focus to the headline once rendered, and bring the article into view: keyboard and
    /// screen-reader users continue from the new headline after an in-place navigation.
    #[prop_or_default]
    pub focus_headline: bool,
    /// When to show a table of contents (by default for long articles).
    #[prop_or_default]
    pub contents: ContentsMode,
    /// Called from every render that has all of the article in the DOM (a long body arrives in
    /// steps); the root tells the host once per document.
    #[prop_or_default]
    pub on_complete: Callback<()>,
    /// Whether the article is a prerendered page being written or adopted.
    #[prop_or_default]
    pub prerendered: Prerendering,
}

impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        // Comparing a 1 MB article field by field would cost more than re-rendering it.
        Rc::ptr_eq(&self.article, &other.article)
            && self.base == other.base
            && self.options == other.options
            && self.platform == other.platform
            && self.id_prefix == other.id_prefix
            && self.on_navigate == other.on_navigate
            && self.focus_headline == other.focus_headline
            && self.contents == other.contents
            && self.on_complete == other.on_complete
            && self.prerendered == other.prerendered
    }
}

/// One article: `<article lang dir>` with header, lead image, table of contents (for long
/// articles), body, footer, related lists and comments, in reading order.
///
/// ```ignore
/// html! { <ArticleView article={Rc::new(parsed.article)} platform={platform} /> }
/// ```
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    // Built once per document and setting, not again when only the focus request or the
    // completion callback changes (the outline reads the whole body).
    let inputs = (
        Rc::as_ptr(&props.article) as usize,
        props.base.clone(),
        props.options.clone(),
        props.platform.clone(),
        props.id_prefix.clone(),
        props.on_navigate.clone(),
    );
    // Kept across updates, so that an updated article's outline counts only its changed blocks.
    let counts = use_mut_ref(BlockCounts::default);
    let context = use_memo(inputs, |_| {
        let article = props.article.clone();
        let lang = article.lang_or(props.options.lang.as_deref()).to_owned();
        let words = words_for(&lang);
        let words_lang = (primary_language(words.lang) != primary_language(&lang)).then_some(AttrValue::Static(words.lang));
        ArticleContext {
            outline: Rc::new(Outline::counted(&article, &props.id_prefix, &mut counts.borrow_mut())),
            presentation: Rc::new(Presentation {
                words,
                words_lang,
                dir: direction(&lang),
                words_dir: (direction(words.lang) != direction(&lang)).then_some(direction(words.lang)),
                lang: lang.into(),
                time_zone: article.time_zone.clone().or_else(|| props.options.time_zone.clone()).map(AttrValue::from),
                base: props.base.clone(),
                id_prefix: props.id_prefix.clone(),
                platform: props.platform.clone(),
                navigate: props.on_navigate.clone(),
            }),
            article,
        }
    });
    let article_ref = use_node_ref();
    {
        let article_ref = article_ref.clone();
        let focus = props.focus_headline;
        use_effect_with(Rc::as_ptr(&props.article) as usize, move |_| {
            if let (true, Some(article)) = (focus, article_ref.cast::<web_sys::Element>()) {
                focus_headline(&article);
            }
        });
    }
    let ctx = (*context).clone();
    let article = &ctx.article;
    html! {
        <ContextProvider<ArticleContext> context={ctx.clone()}>
            <article ref={article_ref} class="folio-article" lang={ctx.lang.clone()} dir={ctx.dir}>
                <ArticleHeader />
                if let Some(image) = &article.image {
                    { figure(&ctx, image, true) }
                }
                if props.contents.shows(&ctx.outline) {
                    <TableOfContents />
                }
                <ArticleBody on_complete={props.on_complete.clone()} prerendered={props.prerendered} />
                <ArticleFooter />
                // Keyed by position and source: an update keeps the list (and the pages it fetched)
                // in place, while a list fed from another source starts afresh. Keying by document
                // instead re-created every list on each update, and restyled a long article each
                // time (bench/results/2026-11-30-notes.md has the figures).
                { for article.lists.iter().enumerate().map(|(index, list)| html! {
                    <RelatedListView key={format!("{index}:{}", list.src.as_deref().unwrap_or(""))} index={index} />
                }) }
                if article.comments.is_some() {
                    <CommentsSection />
                }
            </article>
        </ContextProvider<ArticleContext>>
    }
}

/// Keyboard and screen-reader users continue from the new headline after an in-place navigation.
fn focus_headline(article: &web_sys::Element) {
    let Some(headline) = article.query_selector("h1").ok().flatten() else { return };
    let _ = headline.set_attribute("tabindex", "-1");
    if let Some(headline) = headline.dyn_ref::<web_sys::HtmlElement>() {
        let _ = headline.focus();
    }
    if headline.get_bounding_client_rect().top() < 0.0 {
        headline.scroll_into_view();
    }
}
