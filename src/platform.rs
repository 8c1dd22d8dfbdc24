//! What components need from their surroundings beyond the DOM: formatting times for people and
//! resolving relative URLs. In the browser both come from the browser itself (`Intl`, `URL`, see
//! `browser::intl`); natively (SSR tests) [`PlainPlatform`] gives deterministic text, so component
//! tests pin markup without depending on a time-zone database.

use crate::model::time::TimeUnit;
use crate::model::ListPage;
use std::any::Any;
use std::rc::Rc;

/// Keeps a background task (a request, an observer) alive; dropping it cancels the task, so a
/// component that goes away takes its requests and observers with it.
pub type TaskGuard = Box<dyn Any>;

/// Formatting and URL services for components.
pub trait Platform {
    /// An absolute date and time in `lang`, in `time_zone` (IANA) or the reader's zone.
    fn absolute_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String;
    /// A full, unambiguous date for assistive technology and tooltips (weekday, zone).
    fn full_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String;
    /// "1 hour ago" / "1 小時前" for `value` units (negative: in the past).
    fn relative_time(&self, value: i64, unit: TimeUnit, lang: &str) -> String;
    /// `url` as the WHATWG URL parser reads it: resolved against `base` (the address of the
    /// document) when there is one, else as written; `None` when it does not parse (a
    /// protocol-relative URL with a port that is not a number, say), so it never becomes a link,
    /// a `src` or a meta value.
    fn resolve_url(&self, url: &str, base: Option<&str>) -> Option<String>;
    /// The reader's clock, in milliseconds since the epoch.
    fn now_ms(&self) -> f64;
    // What follows needs a browser; the defaults are what rendering to a string does without one.

    /// Fetches a page of related items from `url` (already safe and absolute). `done` is called
    /// once, with item URLs resolved against the page's own address, unless the guard is dropped
    /// first. Without a browser nothing is fetched: lists keep their inline items.
    fn fetch_list(&self, _url: &str, _done: Box<dyn FnOnce(Result<ListPage, String>)>) -> TaskGuard {
        Box::new(())
    }
    /// Calls `near` once when `element` comes within about a screen of the viewport; never
    /// without a browser.
    fn when_near_viewport(&self, _element: &web_sys::Element, _near: Box<dyn FnOnce()>) -> TaskGuard {
        Box::new(())
    }
    /// Whether there are frames to spread work over: in the browser, yes; when rendering to a
    /// string, no, and everything is rendered at once.
    fn has_frames(&self) -> bool {
        false
    }
    /// Calls `then` once, just before the next frame is drawn, with `true`; or with `false` when
    /// no frame comes for a while (a hidden tab draws none), so the caller can finish at once
    /// rather than wait for the reader to come back. Without a browser: `false`, at once.
    fn next_frame(&self, then: Box<dyn FnOnce(bool)>) -> TaskGuard {
        then(false);
        Box::new(())
    }
}

/// A shared handle to the platform, cheap to clone and compare (by pointer).
#[derive(Clone)]
pub struct PlatformRef(pub Rc<dyn Platform>);

impl PartialEq for PlatformRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PlatformRef {
    type Target = dyn Platform;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

/// Deterministic formatting without `Intl`: ISO-like dates in UTC and English relative times.
/// Used for server-side rendering in tests and as a last resort.
#[derive(Debug, Default)]
pub struct PlainPlatform {
    /// The fixed clock reading returned by [`Platform::now_ms`].
    pub now_ms: f64,
}

impl Platform for PlainPlatform {
    fn absolute_time(&self, epoch_ms: i64, _lang: &str, _time_zone: Option<&str>) -> String {
        let secs = epoch_ms.div_euclid(1000);
        let days = secs.div_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let rem = secs.rem_euclid(86_400);
        format!("{y:04}-{m:02}-{d:02} {:02}:{:02} UTC", rem / 3600, rem / 60 % 60)
    }

    fn full_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        self.absolute_time(epoch_ms, lang, time_zone)
    }

    fn relative_time(&self, value: i64, unit: TimeUnit, _lang: &str) -> String {
        let n = value.abs();
        let unit = unit.as_intl();
        let plural = if n == 1 { "" } else { "s" };
        if value <= 0 {
            format!("{n} {unit}{plural} ago")
        } else {
            format!("in {n} {unit}{plural}")
        }
    }

    /// As written: the plain platform of native tests has no URL parser.
    fn resolve_url(&self, url: &str, _base: Option<&str>) -> Option<String> {
        Some(url.to_owned())
    }

    fn now_ms(&self) -> f64 {
        self.now_ms
    }
}

/// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_platform_writes_utc_dates() {
        let p = PlainPlatform::default();
        assert_eq!(p.absolute_time(1_755_272_700_000, "en", None), "2025-08-15 15:45 UTC");
        assert_eq!(p.absolute_time(0, "en", None), "1970-01-01 00:00 UTC");
        assert_eq!(p.relative_time(-1, TimeUnit::Hour, "en"), "1 hour ago");
        assert_eq!(p.relative_time(-5, TimeUnit::Minute, "en"), "5 minutes ago");
    }
}
