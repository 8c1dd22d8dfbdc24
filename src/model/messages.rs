//! How a fault is said to the publisher: serde's messages in the contract's words, the field of a
//! missing or repeated field, what a root that is not an object is, and a length limit.

use super::rules::quoted;

/// Longest message kept: serde quotes the offending value, which may be megabytes long.
const MAX_MESSAGE_CHARS: usize = 300;

/// serde's "invalid type: integer `7`, expected a string" in the words of the contract: "expected
/// text, found a number (7)". Other messages are kept as they are.
pub(crate) fn in_plain_words(message: String) -> String {
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "))
    else {
        return message;
    };
    let expected = match expected {
        "a string" => "text",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        other => other,
    };
    let quoted_value = |value: &str| quoted(value.trim_matches('`'));
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("text (\"{}\")", quoted(&unescape_debug(text)))
    } else if let Some(number) = found.strip_prefix("integer ").or_else(|| found.strip_prefix("floating point ")) {
        format!("a number ({})", quoted_value(number))
    } else if let Some(value) = found.strip_prefix("boolean ") {
        format!("a boolean ({})", quoted_value(value))
    } else {
        match found {
            "sequence" => "a list".to_owned(),
            "map" => "an object".to_owned(),
            "unit value" => "null".to_owned(),
            // What serde-wasm-bindgen says of a JavaScript value that is none of JSON's kinds.
            other if other.starts_with("JsValue(") => js_kind(other).to_owned(),
            other => other.to_owned(),
        }
    };
    format!("expected {expected}, found {found}")
}

/// What a JavaScript value written as `JsValue(Function(body))` is, in words.
fn js_kind(written: &str) -> &'static str {
    let inner = written.trim_start_matches("JsValue(");
    [("Object", "an object"), ("Function", "a function"), ("Symbol", "a symbol"), ("BigInt", "a BigInt")]
        .into_iter()
        .find_map(|(kind, words)| inner.starts_with(kind).then_some(words))
        .unwrap_or("a value of another kind")
}

/// The text of a string as Rust's `{:?}` writes it (serde quotes a wrong value so), as it was.
fn unescape_debug(written: &str) -> String {
    let inner = written.strip_prefix('"').and_then(|w| w.strip_suffix('"')).unwrap_or(written);
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => text.push('\n'),
            Some('r') => text.push('\r'),
            Some('t') => text.push('\t'),
            Some('0') => text.push('\0'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                text.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => text.push(other),
            None => {}
        }
    }
    text
}

/// serde reports a missing or repeated field at the object that holds it; the reader wants the
/// field itself.
pub(crate) fn missing_field_path(path: String, message: String) -> (String, String) {
    let field_of = |prefix: &str| message.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_owned);
    let (field, text) = if let Some(field) = field_of("missing field `") {
        (field, "this required field is missing")
    } else if let Some(field) = field_of("duplicate field `") {
        (field, "this field is given twice; write it once")
    } else {
        return (path, message);
    };
    (join(&path, &field), text.to_owned())
}

pub(crate) fn join(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => rest.to_owned(),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

/// Shortens a message that quotes a long value, keeping its end (where the position is).
pub(crate) fn clip(message: String) -> String {
    let count = message.chars().count();
    if count <= MAX_MESSAGE_CHARS {
        return message;
    }
    let head: String = message.chars().take(MAX_MESSAGE_CHARS - 60).collect();
    let tail: String = message.chars().skip(count - 60).collect();
    format!("{head} … {tail}")
}

/// serde says "invalid type: sequence, expected an object" when the root is not an object.
pub(crate) fn root_kind(message: &str) -> Option<&'static str> {
    let found = message.strip_prefix("invalid type: ")?.split(", expected an object").next()?;
    Some(match found {
        f if f.starts_with("sequence") => "a list",
        f if f.starts_with("string") => "text",
        f if f.starts_with("integer") || f.starts_with("floating") => "a number",
        f if f.starts_with("boolean") => "a boolean",
        f if f.starts_with("null") || f.starts_with("unit") => "null",
        _ => "something else",
    })
}

#[cfg(test)]
mod tests {
    use super::{in_plain_words, unescape_debug};

    #[test]
    fn serde_wrong_types_are_said_in_the_contracts_words() {
        let said = |m: &str| in_plain_words(m.to_owned());
        assert_eq!(said("invalid type: integer `7`, expected a string"), "expected text, found a number (7)");
        assert_eq!(said("invalid type: sequence, expected an object"), "expected an object, found a list");
        assert_eq!(said("invalid type: map, expected text or a list of spans"), "expected text or a list of spans, found an object");
        assert_eq!(said("invalid type: unit value, expected a string"), "expected text, found null");
        assert_eq!(said("invalid type: boolean `true`, expected a sequence"), "expected a list, found a boolean (true)");
        assert_eq!(said("invalid type: string \"7\", expected a boolean"), "expected true or false, found text (\"7\")");
        assert_eq!(said("invalid type: JsValue(Function(body)), expected a sequence"), "expected a list, found a function");
        assert_eq!(said("invalid type: JsValue(Object), expected a string"), "expected text, found an object");
        assert_eq!(said("this required field is missing"), "this required field is missing");
    }

    #[test]
    fn a_quoted_string_is_shown_as_it_was_written() {
        let text = "a \"quote\", a \\ backslash,\n\t<b>\u{0}\u{200b}";
        assert_eq!(unescape_debug(&format!("{text:?}")), text);
    }
}
