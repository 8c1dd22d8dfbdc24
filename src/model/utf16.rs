//! JavaScript strings are UTF-16 and may hold a lone surrogate (half of a character), which Rust
//! text cannot. wasm-bindgen's string conversion silently turns one into U+FFFD; reading JSON text
//! through [`json_text_from_utf16`] instead writes it as a `\uXXXX` escape, which the parser
//! refuses with the path of the field that holds it, as it does for `JSON.stringify`'s output.

/// JSON text from UTF-16 code units, each lone surrogate written as a `\uXXXX` escape. Inside a
/// JSON string the parser then reports it with the field's path; anywhere else the text is not
/// well-formed JSON. Right after an odd run of backslashes, where `\u` would not start an escape,
/// it becomes U+FFFD instead, and the text stays malformed (`\` followed by U+FFFD).
///
/// ```
/// use folio::model::json_text_from_utf16;
/// let units: Vec<u16> = r#"{"headline":"a?"}"#.encode_utf16().map(|u| if u == u16::from(b'?') { 0xD800 } else { u }).collect();
/// assert_eq!(json_text_from_utf16(units), r#"{"headline":"a\ud800"}"#);
/// ```
pub fn json_text_from_utf16(units: impl IntoIterator<Item = u16>) -> String {
    let mut out = String::new();
    let mut backslashes = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                out.push(c);
                backslashes = if c == '\\' { backslashes + 1 } else { 0 };
            }
            Err(_) if backslashes % 2 == 1 => {
                out.push(char::REPLACEMENT_CHARACTER);
                backslashes = 0;
            }
            Err(lone) => {
                out.push_str(&format!("\\u{:04x}", lone.unpaired_surrogate()));
                backslashes = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::json_text_from_utf16;
    use crate::model::parse_text;

    /// `text` with every `?` replaced by the code unit `unit`.
    fn with_unit(text: &str, unit: u16) -> Vec<u16> {
        text.encode_utf16().map(|u| if u == u16::from(b'?') { unit } else { u }).collect()
    }

    #[test]
    fn valid_text_is_unchanged() {
        let text = "{\"headline\":\"河濱 \\\\ 😀 \\ud83d\\ude00\"}";
        assert_eq!(json_text_from_utf16(text.encode_utf16()), text);
    }

    #[test]
    fn a_lone_surrogate_in_a_string_is_refused_with_its_path() {
        for unit in [0xD800, 0xDBFF, 0xDC00, 0xDFFF] {
            let text = json_text_from_utf16(with_unit(
                r#"{"headline":"h","datePublished":"2026-01-01T00:00:00Z","body":[{"type":"paragraph","text":"a?b"}]}"#,
                unit,
            ));
            let e = parse_text(&text).unwrap_err();
            assert_eq!(e.path, "body[0].text", "{unit:x}");
            assert!(e.message.contains("lone UTF-16 surrogate") && e.message.contains(&format!("{unit:04x}")), "{}", e.message);
            assert_eq!(e.position, None, "the path locates it");
        }
    }

    #[test]
    fn a_lone_surrogate_outside_strings_or_after_a_backslash_is_malformed_json() {
        let outside = json_text_from_utf16(with_unit(r#"{"headline":"h",?"body":[]}"#, 0xD800));
        assert!(parse_text(&outside).unwrap_err().position.is_some());
        let escaped = json_text_from_utf16(with_unit(r#"{"headline":"h\?","datePublished":"2026-01-01T00:00:00Z","body":[]}"#, 0xD800));
        assert!(escaped.contains('\u{FFFD}'));
        let e = parse_text(&escaped).unwrap_err();
        assert!(e.position.is_some() && e.message.contains("not well-formed JSON"), "{e:?}");
        // An even run of backslashes is a literal backslash: the surrogate starts a new escape.
        let even = json_text_from_utf16(with_unit(r#"{"headline":"h\\?","datePublished":"2026-01-01T00:00:00Z","body":[]}"#, 0xDC00));
        assert_eq!(parse_text(&even).unwrap_err().path, "headline");
    }
}
