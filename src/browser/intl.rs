//! Dates from the browser itself: `Intl.DateTimeFormat` and `Intl.RelativeTimeFormat`. Using the browser's `Intl` keeps a time-zone database and CLDR out of the wasm.
//!
//! The constructors are bound here with `catch`, unlike js-sys's, because a document may name a
//! time zone or language the browser does not know; `Intl` then throws a `RangeError`, which must
//! become a fallback (and a console warning), never an exception through the wasm.

use crate::model::time::TimeUnit;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "RelativeTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_name = format)]
    fn format_relative(this: &RelativeTimeFormat, value: f64, unit: &str) -> String;
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// "2025年8月15日 23:45", "August 15, 2025 at 6:30 AM".
    Absolute,
    /// Weekday, date, time and zone: for tooltips and assistive technology.
    Full,
}

/// Language, time zone and style of a cached formatter.
type DateFormatKey = (String, Option<String>, Style);

thread_local! {
    // Building a formatter costs far more than using one; an article has a handful of
    // (language, zone) pairs, so they are kept for the page's lifetime.
    static DATE_FORMATS: RefCell<HashMap<DateFormatKey, DateTimeFormat>> = RefCell::new(HashMap::new());
    static RELATIVE_FORMATS: RefCell<HashMap<String, RelativeTimeFormat>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn date_options(lang: &str, style: Style, zone: Option<&str>) -> Object {
    let mut pairs: Vec<(&str, &str)> = match style {
        Style::Absolute => vec![("year", "numeric"), ("month", "long"), ("day", "numeric"), ("hour", "numeric"), ("minute", "2-digit")],
        Style::Full => vec![("dateStyle", "full"), ("timeStyle", "long")],
    };
    // Chinese and Japanese news use the 24-hour clock ("23:45"); English keeps its own habit.
    if lang.starts_with("zh") || lang.starts_with("ja") {
        pairs.push(("hourCycle", "h23"));
    }
    if let Some(zone) = zone {
        pairs.push(("timeZone", zone));
    }
    options(&pairs)
}

fn with_date_format<R>(lang: &str, zone: Option<&str>, style: Style, f: impl FnOnce(&DateTimeFormat) -> R) -> R {
    let key = (lang.to_owned(), zone.map(str::to_owned), style);
    DATE_FORMATS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let format = cache.entry(key).or_insert_with(|| {
            DateTimeFormat::new(lang, &date_options(lang, style, zone))
                .or_else(|_| {
                    if zone.is_some() {
                        warn(&format!("folio: unknown time zone \"{}\"; times are shown in the reader's zone", zone.unwrap_or_default()));
                    }
                    DateTimeFormat::new(lang, &date_options(lang, style, None))
                })
                .or_else(|_| {
                    warn(&format!("folio: unknown language \"{lang}\"; dates are shown in English"));
                    DateTimeFormat::new("en", &date_options("en", style, None))
                })
                .expect("Intl.DateTimeFormat accepts English with no time zone")
        });
        f(format)
    })
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// An absolute date and time: "2025年8月15日 23:45", "August 15, 2025 at 6:30 AM".
pub fn absolute_time(epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
    with_date_format(lang, time_zone, Style::Absolute, |f| f.format(epoch_ms as f64))
}

/// Weekday, date, time and zone, for tooltips and assistive technology.
pub fn full_time(epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
    with_date_format(lang, time_zone, Style::Full, |f| f.format(epoch_ms as f64))
}

/// "1 小時前", "2 hours ago", "yesterday".
pub fn relative_time(value: i64, unit: TimeUnit, lang: &str) -> String {
    RELATIVE_FORMATS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let format = cache.entry(lang.to_owned()).or_insert_with(|| {
            let numeric = options(&[("numeric", "auto")]);
            RelativeTimeFormat::new(lang, &numeric)
                .or_else(|_| RelativeTimeFormat::new("en", &numeric))
                .expect("Intl.RelativeTimeFormat accepts English")
        });
        format.format_relative(value as f64, unit.as_intl())
    })
}
