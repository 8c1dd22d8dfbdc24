use super::{ArticleContext, Now};
use crate::model::time::relative_time;
use crate::model::Timestamp;
use yew::prelude::*;

/// Properties of [`TimeStamp`].
#[derive(Properties, Clone, PartialEq)]
pub struct TimeStampProps {
    /// The instant as the document wrote it, for `datetime`.
    pub datetime: AttrValue,
    /// The instant in milliseconds since the epoch.
    pub epoch_ms: i64,
    /// Also say how long ago it was ("1 小時前"), kept current.
    #[prop_or(true)]
    pub relative: bool,
}

impl TimeStampProps {
    /// The properties for a document timestamp.
    pub fn of(timestamp: &Timestamp, relative: bool) -> Self {
        TimeStampProps { datetime: timestamp.text.clone().into(), epoch_ms: timestamp.epoch_ms, relative }
    }
}

/// A `<time datetime>` showing the absolute time in the article's language and time zone,
/// followed by the relative time. Screen readers get the full date instead (weekday, time zone:
/// "Saturday, February 14, 2026 at 9:05 PM Taipei Standard Time") as visually hidden text beside
/// it, since a `title` is not read reliably and an `aria-label` on `<time>` not at all by some;
/// sighted readers get the same full date as the tooltip.
///
/// ```ignore
/// html! { <TimeStamp ..TimeStampProps::of(&article.date_published, true) /> }
/// ```
#[component]
pub fn TimeStamp(props: &TimeStampProps) -> Html {
    let ctx = use_context::<ArticleContext>().expect("TimeStamp is rendered inside ArticleView");
    let now = use_context::<Now>().and_then(|n| n.0);
    let zone = ctx.time_zone.as_deref();
    let absolute = ctx.platform.absolute_time(props.epoch_ms, &ctx.lang, zone);
    let full = ctx.platform.full_time(props.epoch_ms, &ctx.lang, zone);
    let relative = now.filter(|_| props.relative).map(|now| {
        let (value, unit) = relative_time(now, props.epoch_ms);
        ctx.platform.relative_time(value, unit, &ctx.lang)
    });
    html! {
        <span class="folio-timestamp">
            // The short form is for the eye; the full one, beside it, for the ear. Kept outside
            // <time>, whose text stays what is shown.
            <time datetime={props.datetime.clone()} title={full.clone()} aria-hidden="true">{ absolute }</time>
            <span class="folio-visually-hidden">{ format!(" {full}") }</span>
            if let Some(relative) = relative {
                { " " }<span class="folio-relative">{ relative }</span>
            }
        </span>
    }
}
