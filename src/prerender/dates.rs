//! What the components need from their surroundings when they are rendered natively into a page:
//! absolute dates as the browser's `Intl` writes them (the same options as `browser::intl`), from
//! ICU4X's compiled CLDR data, in the article's time zone from jiff's bundled database; URLs
//! resolved by the WHATWG parser. Nothing is fetched or observed: a prerendered page has no
//! frames and no reader yet.

use crate::model::time::TimeUnit;
use crate::platform::{PlainPlatform, Platform};
use icu_calendar::Iso;
use icu_datetime::fieldsets::{self, zone, Combo};
use icu_datetime::input::{Date, DateTime, Time, ZonedDateTime};
use icu_datetime::options::TimePrecision;
use icu_datetime::preferences::HourCycle;
use icu_datetime::{DateTimeFormatter, DateTimeFormatterPreferences};
use icu_locale_core::Locale;
use icu_time::zone::{models::AtTime, TimeZoneInfo, UtcOffset};
use icu_time::TimeZone;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

/// "2025年8月15日 23:45", "August 15, 2025 at 6:30 AM": Intl's year numeric, month long, day
/// numeric, hour numeric, minute 2-digit.
type AbsoluteFormat = DateTimeFormatter<fieldsets::YMDT>;
/// Weekday, date, time and zone: Intl's `dateStyle: "full", timeStyle: "long"`.
type FullFormat = DateTimeFormatter<Combo<fieldsets::YMDET, zone::SpecificShort>>;

/// Where a relative URL of a document without a base is read from, only to know that it parses:
/// the page's own address is not known when it is prerendered.
const PLACEHOLDER_BASE: &str = "https://prerendered.invalid/";

/// The zone used when neither the document nor the command names one: a prerendered page has no
/// reader whose zone it could take.
pub const DEFAULT_ZONE: &str = "UTC";

/// Formats dates with ICU4X; see the module documentation.
#[derive(Default)]
pub struct IcuPlatform {
    /// The formatters of each language met, kept across articles.
    formatters: RefCell<HashMap<String, Formatters>>,
    /// What could not be done as asked (an unknown zone or language), for the command to report.
    warnings: RefCell<BTreeSet<String>>,
}

/// A language's two formatters, made together.
struct Formatters {
    absolute: AbsoluteFormat,
    full: FullFormat,
    /// The language tag did not parse, and these format English instead.
    english_instead: bool,
}

impl Formatters {
    /// The formatters for `lang`: Chinese and Japanese news use the 24-hour clock, as in
    /// `browser::intl`; a language tag that does not parse is formatted in English, as `Intl`
    /// does here.
    fn new(lang: &str) -> Formatters {
        let parsed = lang.parse::<Locale>().ok();
        let english_instead = parsed.is_none();
        let mut preferences = DateTimeFormatterPreferences::from(&parsed.unwrap_or(icu_locale_core::locale!("en")));
        if lang.starts_with("zh") || lang.starts_with("ja") {
            preferences.hour_cycle = Some(HourCycle::H23);
        }
        let root = DateTimeFormatterPreferences::from(&Locale::UNKNOWN);
        let absolute = fieldsets::YMDT::long().with_time_precision(TimePrecision::Minute);
        let full = fieldsets::YMDET::long().with_zone(zone::SpecificShort);
        const ROOT: &str = "ICU4X's compiled data formats the root locale";
        Formatters {
            absolute: DateTimeFormatter::try_new(preferences, absolute)
                .or_else(|_| DateTimeFormatter::try_new(root, absolute))
                .expect(ROOT),
            full: DateTimeFormatter::try_new(preferences, full).or_else(|_| DateTimeFormatter::try_new(root, full)).expect(ROOT),
            english_instead,
        }
    }
}

impl IcuPlatform {
    /// The warnings so far, once each.
    pub fn take_warnings(&self) -> Vec<String> {
        std::mem::take(&mut *self.warnings.borrow_mut()).into_iter().collect()
    }

    fn warn(&self, message: String) {
        self.warnings.borrow_mut().insert(message);
    }

    /// Calls `f` with `lang`'s formatters, made on first use. The warning for a language that
    /// fell back to English is given on every use, since the formatters outlive one article.
    fn with_formatters<R>(&self, lang: &str, f: impl FnOnce(&Formatters) -> R) -> R {
        let mut cache = self.formatters.borrow_mut();
        let formatters = cache.entry(lang.to_owned()).or_insert_with(|| Formatters::new(lang));
        if formatters.english_instead {
            self.warn(format!("unknown language \"{lang}\"; dates are shown in English"));
        }
        f(formatters)
    }

    /// The date, time and UTC offset (seconds) of `epoch_ms` in `time_zone` (IANA), and the zone
    /// used: UTC when the zone is unknown (with a warning), as the browser falls back to the
    /// reader's zone.
    fn local<'a>(&self, epoch_ms: i64, time_zone: Option<&'a str>) -> (DateTime<Iso>, i32, &'a str) {
        let zone_name = time_zone.unwrap_or(DEFAULT_ZONE);
        let zone = jiff::tz::TimeZone::get(zone_name).ok().or_else(|| {
            self.warn(format!("unknown time zone \"{zone_name}\"; times are shown in {DEFAULT_ZONE}"));
            None
        });
        let known = zone.is_some();
        let zone = zone.unwrap_or(jiff::tz::TimeZone::UTC);
        let instant = jiff::Timestamp::from_millisecond(epoch_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let zoned = instant.to_zoned_datetime(zone);
        let civil = zoned.datetime();
        let date_time = DateTime {
            date: Date::try_new_iso(i32::from(civil.year()), civil.month() as u8, civil.day() as u8)
                .expect("jiff's civil dates are valid ISO dates"),
            time: Time::try_new(civil.hour() as u8, civil.minute() as u8, civil.second() as u8, 0)
                .expect("jiff's civil times are valid times"),
        };
        (date_time, zoned.offset().seconds(), if known { zone_name } else { DEFAULT_ZONE })
    }
}

/// CLDR puts a narrow no-break space before "AM"/"PM" and in a few other places; Chromium's V8
/// writes a plain space there for the web's sake, and a prerendered page should read as the
/// hydrated one will.
fn as_the_browser_writes(text: String) -> String {
    text.replace('\u{202f}', " ")
}

impl Platform for IcuPlatform {
    fn absolute_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        let (date_time, ..) = self.local(epoch_ms, time_zone);
        self.with_formatters(lang, |f| as_the_browser_writes(f.absolute.format(&date_time).to_string()))
    }

    fn full_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        let (date_time, offset, zone_name) = self.local(epoch_ms, time_zone);
        let zone = TimeZone::from_iana_id(zone_name);
        let zone: TimeZoneInfo<AtTime> = zone.with_offset(UtcOffset::try_from_seconds(offset).ok()).at_date_time(date_time);
        let zoned = ZonedDateTime { date: date_time.date, time: date_time.time, zone };
        self.with_formatters(lang, |f| as_the_browser_writes(f.full.format(&zoned).to_string()))
    }

    /// Not shown on a prerendered page (see `FolioViewProps::prerendered`); English as
    /// [`PlainPlatform`] writes it, should a caller ask.
    fn relative_time(&self, value: i64, unit: TimeUnit, lang: &str) -> String {
        PlainPlatform::default().relative_time(value, unit, lang)
    }

    fn resolve_url(&self, url: &str, base: Option<&str>) -> Option<String> {
        match base.and_then(|base| url::Url::parse(base).ok()) {
            Some(base) => base.join(url).ok().map(String::from),
            // Kept as written, if it reads as a URL against some page's address.
            None => url::Url::parse(PLACEHOLDER_BASE).ok()?.join(url).ok().map(|_| url.to_owned()),
        }
    }

    /// No reader's clock: a prerendered page shows no relative times.
    fn now_ms(&self) -> f64 {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn ms(text: &str) -> i64 {
        Timestamp::parse(text).unwrap().epoch_ms
    }

    /// What Chromium 156's `Intl` writes for the same instants and options (see README,
    /// "Prerendered pages", for the differences that remain).
    #[test]
    fn absolute_times_are_written_as_the_browser_writes_them() {
        let p = IcuPlatform::default();
        let cases = [
            ("zh-TW", "Asia/Taipei", "2025-08-15T23:45:00+08:00", "2025年8月15日 23:45"),
            ("zh-TW", "Asia/Taipei", "2026-02-14T18:30:00+08:00", "2026年2月14日 18:30"),
            ("en", "Europe/London", "2026-05-23T07:15:00+01:00", "May 23, 2026 at 7:15 AM"),
            ("en", "America/New_York", "2026-01-01T00:00:00Z", "December 31, 2025 at 7:00 PM"),
            ("ja", "Asia/Tokyo", "2026-03-10T07:30:00+09:00", "2026年3月10日 7:30"),
            ("ar", "Asia/Amman", "2026-05-18T09:00:00+03:00", "18 مايو 2026 في 9:00 ص"),
        ];
        for (lang, zone, instant, expected) in cases {
            assert_eq!(p.absolute_time(ms(instant), lang, Some(zone)), expected, "{lang} {zone} {instant}");
        }
        assert!(p.take_warnings().is_empty());
    }

    #[test]
    fn full_times_name_the_weekday_and_the_zone() {
        let p = IcuPlatform::default();
        assert_eq!(
            p.full_time(ms("2026-01-01T00:00:00Z"), "en", Some("America/New_York")),
            "Wednesday, December 31, 2025 at 7:00:00 PM EST"
        );
        assert_eq!(p.full_time(ms("2026-03-10T07:30:00+09:00"), "ja", Some("Asia/Tokyo")), "2026年3月10日火曜日 7:30:00 JST");
    }

    #[test]
    fn an_unknown_zone_falls_back_to_utc_with_a_warning() {
        let p = IcuPlatform::default();
        assert_eq!(p.absolute_time(ms("2026-03-01T12:00:00Z"), "en", Some("Mars/Olympus")), "March 1, 2026 at 12:00 PM");
        assert_eq!(p.take_warnings(), vec!["unknown time zone \"Mars/Olympus\"; times are shown in UTC".to_owned()]);
        assert_eq!(p.absolute_time(ms("2026-03-01T12:00:00Z"), "en", None), "March 1, 2026 at 12:00 PM");
        assert!(p.take_warnings().is_empty(), "no zone at all is not a mistake");
    }

    #[test]
    fn a_language_that_does_not_parse_is_english_with_a_warning_each_time() {
        let p = IcuPlatform::default();
        for _ in 0..2 {
            assert_eq!(p.absolute_time(ms("2026-03-01T12:00:00Z"), "not a tag!", Some("UTC")), "March 1, 2026 at 12:00 PM");
            assert_eq!(p.take_warnings(), vec!["unknown language \"not a tag!\"; dates are shown in English".to_owned()]);
        }
    }

    #[test]
    fn urls_resolve_against_the_base_by_the_whatwg_rules() {
        let p = IcuPlatform::default();
        assert_eq!(p.resolve_url("../b?x=1", Some("https://news.example/a/c/")).as_deref(), Some("https://news.example/a/b?x=1"));
        assert_eq!(p.resolve_url("/b", None).as_deref(), Some("/b"));
        // A port that is not a number: not a URL, with a base or without.
        assert_eq!(p.resolve_url("//news.example:99999/a", None), None);
        assert_eq!(p.resolve_url("//javascript:alert(1)", Some("https://news.example/")), None);
    }
}
