use crate::i18n::{direction, fill, words_for};
use crate::model::DocError;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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
    /// Move the keyboard focus to the Retry button once shown (the reader pressed Retry and it
    /// failed again), or to the alert when there is no button.
    #[prop_or_default]
    pub focus: bool,
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
    let alert = use_node_ref();
    {
        let alert = alert.clone();
        use_effect_with(props.focus, move |focus| {
            let target = alert.cast::<web_sys::Element>().filter(|_| *focus);
            let button = target.as_ref().and_then(|a| a.query_selector("button").ok().flatten());
            if let Some(target) = button.or(target) {
                if !target.has_attribute("tabindex") && target.tag_name() != "BUTTON" {
                    let _ = target.set_attribute("tabindex", "-1");
                }
                if let Some(target) = target.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = target.focus();
                }
            }
        });
    }
    let retry = props.retry.clone().map(|retry| {
        let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
        html! { <button type="button" class="folio-button" onclick={onclick}>{ words.retry }</button> }
    });
    html! {
        <div ref={alert} class="folio-error" role="alert" lang={words.lang} dir={direction(words.lang)}>
            <p class="folio-error-title"><strong>{ words.error_title }</strong></p>
            { for lines.into_iter().map(|line| html! { <p class="folio-error-detail">{ line }</p> }) }
            { retry }
        </div>
    }
}
