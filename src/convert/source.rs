//! Reading a loose JSON source (ANS, Portable Text): fields that may be missing, `null`, or of
//! another kind than the format says, read without ever failing, and the words and paths that
//! warnings use.

use serde_json::Value;

/// The text of `value[key]`, when it is text that is not blank.
pub(crate) fn text_field<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str).filter(|text| !text.trim().is_empty())
}

/// `value[key]` as a list; none when it is missing or not a list.
pub(crate) fn list_field<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// The path of `key` under `path` (`content_elements[3].items`).
pub(crate) fn field_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of the `index`th item of the list at `path`.
pub(crate) fn item_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// A name from the source (a type, a style, a mark) as a warning shows it: quoted, and cut short,
/// since a hostile source may put megabytes there.
pub(crate) fn quoted_name(name: &str) -> String {
    const LONGEST: usize = 40;
    let mut shown: String = name.chars().take(LONGEST).flat_map(char::escape_debug).collect();
    if name.chars().nth(LONGEST).is_some() {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

/// A whole number of pixels, when `value[key]` is one Folio can hold.
pub(crate) fn pixels(value: &Value, key: &str) -> Option<u64> {
    let number = value.get(key)?;
    let whole = number.as_u64().or_else(|| number.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0).map(|f| f as u64))?;
    (whole <= u64::from(u32::MAX)).then_some(whole)
}
