use crate::i18n::{fill, words_for};
use crate::model::DocError;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ErrorAlert`].
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorAlertProps {
    /// Language of the UI words.
    pub lang: AttrValue,
    /// A refused document.
    #[prop_or_default]
    pub error: Option<Rc<DocError>>,
    /// A failed fetch, described for people.
    #[prop_or_default]
    pub fetch_failure: Option<AttrValue>,
    /// Offered as a Retry button when present.
    #[prop_or_default]
    pub retry: Option<Callback<()>>,
}

/// Shown in place of an article that cannot be rendered: what is wrong and where (the JSON path,
/// or the line and column of malformed JSON), as a `role="alert"` so screen readers announce it.
///
/// ```ignore
/// html! { <ErrorAlert lang="en" error={Rc::new(error)} /> }
/// ```
#[component]
pub fn ErrorAlert(props: &ErrorAlertProps) -> Html {
    let words = words_for(&props.lang);
    let mut lines: Vec<String> = Vec::new();
    if let Some(error) = &props.error {
        if let Some((line, column)) = error.position {
            lines.push(fill(words.error_json, &[("line", &line.to_string()), ("column", &column.to_string())]));
        }
        if !error.path.is_empty() {
            lines.push(fill(words.error_at, &[("path", &error.path)]));
        }
        lines.push(error.message.clone());
    }
    if let Some(reason) = &props.fetch_failure {
        lines.push(words.error_fetch.to_owned());
        lines.push(reason.to_string());
    }
    let retry = props.retry.clone().map(|retry| {
        let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
        html! { <button type="button" class="folio-button" onclick={onclick}>{ words.retry }</button> }
    });
    html! {
        <div class="folio-error" role="alert" lang={words.lang}>
            <p class="folio-error-title"><strong>{ words.error_title }</strong></p>
            { for lines.into_iter().map(|line| html! { <p class="folio-error-detail">{ line }</p> }) }
            { retry }
        </div>
    }
}
