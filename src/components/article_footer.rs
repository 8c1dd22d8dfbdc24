use super::ArticleContext;
use yew::prelude::*;

/// After the body: the credits or reprint note, the link to the original article, and the tags.
///
/// ```ignore
/// html! { <ArticleFooter /> } // inside an ArticleView's context
/// ```
#[component]
pub fn ArticleFooter() -> Html {
    let ctx = use_context::<ArticleContext>().expect("ArticleFooter is rendered inside ArticleView");
    let article = &ctx.article;
    let credits = article.credits.as_deref().filter(|c| !c.trim().is_empty());
    let original = ctx.url(article.original_url.as_deref());
    if credits.is_none() && original.is_none() && article.tags.is_empty() {
        return Html::default();
    }
    let tags = article.tags.iter().map(|tag| {
        let label = match ctx.url(tag.url.as_deref()) {
            Some(href) => html! { <a class="folio-tag" href={href}>{ &tag.name }</a> },
            None => html! { <span class="folio-tag">{ &tag.name }</span> },
        };
        html! { <li>{ label }</li> }
    });
    html! {
        <footer class="folio-footer">
            if let Some(credits) = credits {
                <p class="folio-credits">{ credits }</p>
            }
            if let Some(href) = original {
                <p class="folio-original">
                    <a href={href} target="_blank" rel="noopener noreferrer" lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ ctx.words.view_original }</a>
                </p>
            }
            if !article.tags.is_empty() {
                <ul class="folio-tags" aria-label={ctx.words.tags}>{ for tags }</ul>
            }
        </footer>
    }
}
