use crate::platform::PlatformRef;
use yew::prelude::*;

/// How often relative times ("5 minutes ago") are brought up to date. Half a minute keeps a
/// minute count at most 30 s stale while costing one small re-render.
pub const REFRESH_MS: u32 = 30_000;

/// The current time in milliseconds, refreshed every [`REFRESH_MS`] while the component lives;
/// a `frozen` clock (the `now` option) never moves.
///
/// ```ignore
/// #[component]
/// fn Ago(props: &AgoProps) -> Html {
///     let now = use_now(props.frozen, props.platform.clone());
///     html! { <span>{ now }</span> }
/// }
/// ```
#[hook]
pub fn use_now(frozen: Option<f64>, platform: PlatformRef) -> f64 {
    let now = use_state({
        let platform = platform.clone();
        move || platform.now_ms()
    });
    {
        let now = now.clone();
        use_effect_with(frozen.is_some(), move |frozen| {
            // The interval is dropped (cleared) with the component or when the clock is frozen.
            let interval = (!*frozen).then(|| {
                let now = now.clone();
                gloo_timers::callback::Interval::new(REFRESH_MS, move || now.set(platform.now_ms()))
            });
            move || drop(interval)
        });
    }
    frozen.unwrap_or(*now)
}
