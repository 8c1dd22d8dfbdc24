//! Timestamps, relative-time units and video durations: plain arithmetic, no time-zone database.
//!
//! Invariant: a [`Timestamp`] always holds an instant that came from an RFC 3339 string with an
//! explicit offset (`Z` or `±hh:mm`); formatting it for people is the browser's job (`Intl`).

use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// An RFC 3339 timestamp with offset, kept both as written and as milliseconds since the epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct Timestamp {
    /// The text as the document wrote it, used for `<time datetime>`.
    pub text: String,
    /// The instant, in milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
    /// The offset the document wrote, in minutes east of UTC.
    pub offset_minutes: i32,
}

impl Timestamp {
    /// Parses `2025-08-15T23:45:00+08:00` (seconds fraction optional, `Z` allowed).
    /// A timestamp without an offset is refused: its instant would depend on the reader.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        let digits = |from: usize, len: usize| -> Option<i64> {
            let part = b.get(from..from + len)?;
            part.iter().try_fold(0i64, |acc, c| c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0')))
        };
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
        let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut pos = 19;
        let mut millis = 0i64;
        if b.get(pos) == Some(&b'.') {
            let start = pos + 1;
            pos = start;
            while b.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            if pos == start {
                return None;
            }
            // Only the first three fraction digits matter for milliseconds.
            let frac = &text[start..pos.min(start + 3)];
            millis = frac.parse::<i64>().ok()? * 10i64.pow(3 - frac.len() as u32);
        }
        let offset_minutes = match b.get(pos..)? {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let (h, m) = (digits(pos + 1, 2)?, digits(pos + 4, 2)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i32;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - i64::from(offset_minutes) * 60;
        Some(Timestamp { text: text.to_owned(), epoch_ms: seconds * 1000 + millis, offset_minutes })
    }
}

/// What a timestamp must be, for messages.
const TIMESTAMP: &str = "an RFC 3339 timestamp with offset, like \"2025-08-15T23:45:00+08:00\"";

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl<'de> Visitor<'de> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(TIMESTAMP)
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
                Timestamp::parse(text).ok_or_else(|| E::custom(format_args!("\"{}\" is not {TIMESTAMP}", super::rules::quoted(text))))
            }
        }
        deserializer.deserialize_str(TimestampVisitor)
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    /// The pattern repeats the shape [`Timestamp::parse`] accepts, for validators that treat
    /// `format` as a note only; it cannot check ranges (month 13, February 30).
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An RFC 3339 date and time with an explicit offset (`Z` or `±hh:mm`); a fraction of a second is optional. A time without offset is refused: its instant would depend on the reader.",
            "type": "string",
            "format": "date-time",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
            "examples": ["2025-08-15T23:45:00+08:00", "2025-08-15T15:45:00Z"]
        })
    }
}

/// The unit a relative time is spoken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months (30 days).
    Month,
    /// Years (365 days).
    Year,
}

impl TimeUnit {
    /// The unit's name as `Intl.RelativeTimeFormat` expects it.
    pub fn as_intl(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }
}

/// How long ago `then` was at `now`, in the largest whole unit that fits, rounded toward zero
/// (65 minutes is "1 hour ago", not "1.08 hours"). Negative values are in the future.
pub fn relative_time(now_ms: f64, then_ms: i64) -> (i64, TimeUnit) {
    // `as` saturates (a NaN is 0), and the sign is flipped with saturation: a host's `now` may be
    // any finite number, and an overflow would panic in a debug build.
    let elapsed_s = ((now_ms - then_ms as f64) / 1000.0).trunc() as i64;
    let size = elapsed_s.unsigned_abs();
    let (per, unit) = match size {
        s if s < 60 => (1, TimeUnit::Second),
        s if s < 3600 => (60, TimeUnit::Minute),
        s if s < 86_400 => (3600, TimeUnit::Hour),
        s if s < 7 * 86_400 => (86_400, TimeUnit::Day),
        s if s < 30 * 86_400 => (7 * 86_400, TimeUnit::Week),
        s if s < 365 * 86_400 => (30 * 86_400, TimeUnit::Month),
        _ => (365 * 86_400, TimeUnit::Year),
    };
    ((elapsed_s / per).saturating_neg(), unit)
}

/// Parses an ISO 8601 duration such as `PT3M20S` or `PT1H2M` into seconds; `None` if malformed.
pub fn parse_duration(text: &str) -> Option<u64> {
    let rest = text.strip_prefix('P')?.strip_prefix('T')?;
    if rest.is_empty() {
        return None;
    }
    let mut total = 0u64;
    let mut number = String::new();
    let mut last_rank = 0;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let (rank, scale) = match c {
            'H' => (1, 3600),
            'M' => (2, 60),
            'S' => (3, 1),
            _ => return None,
        };
        if number.is_empty() || rank <= last_rank {
            return None;
        }
        total = total.checked_add(number.parse::<u64>().ok()?.checked_mul(scale)?)?;
        number.clear();
        last_rank = rank;
    }
    number.is_empty().then_some(total)
}

/// Shows seconds as a clock reading: `3:20`, `1:02:05`.
pub fn clock_duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offset_and_utc_to_the_same_instant() {
        let taipei = Timestamp::parse("2025-08-15T23:45:00+08:00").unwrap();
        let utc = Timestamp::parse("2025-08-15T15:45:00Z").unwrap();
        assert_eq!(taipei.epoch_ms, utc.epoch_ms);
        assert_eq!(utc.epoch_ms, 1_755_272_700_000);
        assert_eq!(taipei.offset_minutes, 480);
    }

    #[test]
    fn keeps_milliseconds_and_negative_offsets() {
        let t = Timestamp::parse("1969-12-31T19:00:00.25-05:00").unwrap();
        assert_eq!(t.epoch_ms, 250);
    }

    #[test]
    fn refuses_timestamps_without_offset_or_out_of_range() {
        for bad in [
            "2025-08-15T23:45:00",
            "2025-08-15",
            "yesterday afternoon",
            "2025-02-30T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-08-15T24:00:00Z",
            "2025-08-15T23:45:00+8:00",
            "2025-08-15T23:45:00.Z",
            "",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad} was accepted");
        }
        assert!(Timestamp::parse("2024-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn relative_time_rounds_down_to_whole_units() {
        let then = Timestamp::parse("2025-08-15T22:45:00+08:00").unwrap().epoch_ms;
        let now = Timestamp::parse("2025-08-15T23:50:00+08:00").unwrap().epoch_ms as f64;
        assert_eq!(relative_time(now, then), (-1, TimeUnit::Hour));
        assert_eq!(relative_time(now + 3_600_000.0, then), (-2, TimeUnit::Hour));
        assert_eq!(relative_time(then as f64 + 59_000.0, then), (-59, TimeUnit::Second));
        assert_eq!(relative_time(then as f64 + 300_000.0, then), (-5, TimeUnit::Minute));
        assert_eq!(relative_time(then as f64 + 3.0 * 86_400_000.0, then), (-3, TimeUnit::Day));
        assert_eq!(relative_time(then as f64 - 120_000.0, then), (2, TimeUnit::Minute));
    }

    #[test]
    fn relative_time_of_extreme_clocks_saturates_instead_of_overflowing() {
        let then = Timestamp::parse("2025-08-15T22:45:00+08:00").unwrap().epoch_ms;
        assert_eq!(relative_time(-1e300, then), (i64::MAX / (365 * 86_400), TimeUnit::Year));
        assert_eq!(relative_time(1e300, then), (-(i64::MAX / (365 * 86_400)), TimeUnit::Year));
        assert_eq!(relative_time(f64::NAN, 0), (0, TimeUnit::Second));
    }

    #[test]
    fn durations_read_as_clock_time() {
        assert_eq!(parse_duration("PT3M20S").map(clock_duration).as_deref(), Some("3:20"));
        assert_eq!(parse_duration("PT1H2M5S").map(clock_duration).as_deref(), Some("1:02:05"));
        assert_eq!(parse_duration("PT45S").map(clock_duration).as_deref(), Some("0:45"));
        for bad in ["3:20", "PT", "PTM", "PT3S2M", "P1D", "PT3X"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
