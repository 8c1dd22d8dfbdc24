use super::figure::figure;
use super::{ArticleBody, ArticleContext, ArticleFooter, ArticleHeader, CommentsSection, RelatedListView};
use crate::i18n::words_for;
use crate::model::Article;
use crate::options::RenderOptions;
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
    }
}

/// One article: `<article lang>` with header, lead image, body, footer, related lists and
/// comments, in reading order.
///
/// ```ignore
/// html! { <ArticleView article={Rc::new(parsed.article)} platform={platform} /> }
/// ```
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let context = use_memo(props.clone(), |props| {
        let article = props.article.clone();
        let lang = article
            .lang
            .clone()
            .filter(|l| !l.trim().is_empty())
            .or_else(|| props.options.lang.clone())
            .unwrap_or_else(|| "en".to_owned());
        ArticleContext {
            words: words_for(&lang),
            lang: lang.into(),
            time_zone: article.time_zone.clone().or_else(|| props.options.time_zone.clone()).map(AttrValue::from),
            base: props.base.clone(),
            id_prefix: props.id_prefix.clone(),
            platform: props.platform.clone(),
            navigate: props.on_navigate.clone(),
            article,
        }
    });
    let article_ref = use_node_ref();
    {
        let article_ref = article_ref.clone();
        let focus = props.focus_headline;
        use_effect_with(Rc::as_ptr(&props.article) as usize, move |_| {
            if let Some(headline) = focus.then(|| article_ref.cast::<web_sys::Element>()).flatten().and_then(|a| a.query_selector("h1").ok().flatten()) {
                let _ = headline.set_attribute("tabindex", "-1");
                if let Some(headline) = headline.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = headline.focus();
                }
                if headline.get_bounding_client_rect().top() < 0.0 {
                    headline.scroll_into_view();
                }
            }
        });
    }
    let ctx = (*context).clone();
    let article = &ctx.article;
    html! {
        <ContextProvider<ArticleContext> context={ctx.clone()}>
            <article ref={article_ref} class="folio-article" lang={ctx.lang.clone()}>
                <ArticleHeader />
                if let Some(image) = &article.image {
                    { figure(&ctx, image, true) }
                }
                <ArticleBody />
                <ArticleFooter />
                // Keyed by document too: a list of the next article must not inherit the
                // loaded pages of this one.
                { for article.lists.iter().enumerate().map(|(index, _)| html! {
                    <RelatedListView key={format!("{:p}-{index}", Rc::as_ptr(article))} index={index} />
                }) }
                if article.comments.is_some() {
                    <CommentsSection />
                }
            </article>
        </ContextProvider<ArticleContext>>
    }
}
