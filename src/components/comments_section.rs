use super::time_stamp::TimeStampProps;
use super::{ArticleContext, TimeStamp};
use yew::prelude::*;

/// The comments: a heading with the count, the comments given, or an empty state inviting the
/// first one, and a link to the full discussion.
///
/// ```ignore
/// html! { <CommentsSection /> } // inside an ArticleView's context
/// ```
#[component]
pub fn CommentsSection() -> Html {
    let ctx = use_context::<ArticleContext>().expect("CommentsSection is rendered inside ArticleView");
    let Some(comments) = &ctx.article.comments else {
        return Html::default();
    };
    let words = ctx.words;
    let heading_id = ctx.id("comments");
    let count = comments.count.0;
    let items = comments.items.iter().map(|comment| {
        html! {
            <li class="folio-comment">
                <p class="folio-comment-meta">
                    <span class="folio-comment-author">{ &comment.author }</span>
                    if let Some(date) = &comment.date_published {
                        { " " }
                        <TimeStamp ..TimeStampProps::of(date, true) />
                    }
                </p>
                <p class="folio-comment-text">{ &comment.text }</p>
            </li>
        }
    });
    html! {
        <section class="folio-comments" aria-labelledby={heading_id.clone()}>
            <h2 class="folio-comments-title" id={heading_id}>
                { ctx.ui_text(words.comments) }
                { " " }
                <span class="folio-comment-count" lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ words.comment_count(count) }</span>
            </h2>
            if count == 0 && comments.items.is_empty() {
                <p class="folio-comments-empty" lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ words.no_comments }</p>
            } else {
                <ol class="folio-comment-list">{ for items }</ol>
            }
            if let Some(href) = ctx.url(comments.url.as_deref()) {
                <p class="folio-more"><a href={href} lang={ctx.words_lang.clone()} dir={ctx.words_dir}>{ words.join_discussion }</a></p>
            }
        </section>
    }
}
