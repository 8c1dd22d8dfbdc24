use super::figure::figure;
use super::{ArticleBody, ArticleContext, ArticleFooter, ArticleHeader, CommentsSection, RelatedListView};
use crate::i18n::words_for;
use crate::model::Article;
use crate::options::RenderOptions;
use crate::platform::PlatformRef;
use std::rc::Rc;
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
}

impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        // Comparing a 1 MB article field by field would cost more than re-rendering it.
        Rc::ptr_eq(&self.article, &other.article)
            && self.base == other.base
            && self.options == other.options
            && self.platform == other.platform
            && self.id_prefix == other.id_prefix
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
            article,
        }
    });
    let ctx = (*context).clone();
    let article = &ctx.article;
    html! {
        <ContextProvider<ArticleContext> context={ctx.clone()}>
            <article class="folio-article" lang={ctx.lang.clone()}>
                <ArticleHeader />
                if let Some(image) = &article.image {
                    { figure(&ctx, image, true) }
                }
                <ArticleBody />
                <ArticleFooter />
                { for article.lists.iter().enumerate().map(|(index, _)| html! {
                    <RelatedListView key={index} index={index} />
                }) }
                if article.comments.is_some() {
                    <CommentsSection />
                }
            </article>
        </ContextProvider<ArticleContext>>
    }
}
