//! Untrusted documents natively: every kind of bad input is refused with a message that names its
//! path (or, where the contract allows, renders), and the limits on size and nesting hold without
//! overflowing the stack. The browser-only cases (JavaScript objects, lone surrogates in JS strings)
//! are in `tests/e2e/bad-documents.test.mjs`.
#![cfg(not(target_arch = "wasm32"))]

use folio::model::{parse_list_page, parse_text, parse_value, DocError, MAX_DEPTH, MAX_DOCUMENT_BYTES};
use serde_json::{json, Value};
use std::path::Path;

fn fixture() -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-field.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn minimal(extra: Value) -> Value {
    let mut doc = json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] });
    for (key, value) in extra.as_object().unwrap() {
        doc[key] = value.clone();
    }
    doc
}

/// Parses `doc` both as text and as a value, which must agree, and returns the error.
fn refused(doc: &Value) -> DocError {
    let from_text = parse_text(&doc.to_string()).expect_err(&format!("should be refused: {doc}"));
    let from_value = parse_value(doc.clone()).expect_err(&format!("should be refused as a value: {doc}"));
    assert_eq!(from_text.path, from_value.path, "{doc}");
    from_text
}

/// Every place in a document: its path as the error names it, and its value.
fn places(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                out.push((p.clone(), item.clone()));
                places(item, p, out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let p = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                out.push((p.clone(), item.clone()));
                places(item, p, out);
            }
        }
        _ => {}
    }
}

fn set(doc: &mut Value, path: &str, new: Value) {
    let pointer: String = path.replace('[', ".").replace(']', "").split('.').map(|segment| format!("/{segment}")).collect();
    *doc.pointer_mut(&pointer).unwrap_or_else(|| panic!("{path}")) = new;
}

fn matches_any(path: &str, patterns: &[&str]) -> bool {
    // A tiny matcher: `#` stands for an index.
    patterns.iter().any(|pattern| {
        let mut rest = path;
        for (i, part) in pattern.split('#').enumerate() {
            if i > 0 {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits == 0 {
                    return false;
                }
                rest = &rest[digits..];
            }
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    })
}

/// Inline text (`string | Span[]`): text and a list are both right there.
const INLINE: &[&str] = &["body[#].text", "body[#].caption", "body[#].items[#]", "image.caption"];

/// Fields (and list entries) that may not be `null`.
const REQUIRED: &[&str] = &[
    "headline",
    "datePublished",
    "body",
    "section.name",
    "publisher.name",
    "authors[#]",
    "authors[#].name",
    "image.src",
    "image.alt",
    "body[#]",
    "body[#].type",
    "body[#].text",
    "body[#].items",
    "body[#].items[#]",
    "body[#].src",
    "body[#].alt",
    "body[#].text[#]",
    "body[#].text[#].text",
    "body[#].items[#][#]",
    "body[#].items[#][#].text",
    "tags[#]",
    "tags[#].name",
    "lists[#]",
    "lists[#].title",
    "lists[#].items[#]",
    "lists[#].items[#].title",
    "lists[#].items[#].url",
    "comments.count",
    "comments.items[#]",
    "comments.items[#].author",
    "comments.items[#].text",
];

/// Values of the wrong kind for a place holding `value`.
fn wrong_values(path: &str, value: &Value) -> Vec<Value> {
    let inline = matches_any(path, INLINE);
    // A list item is inline text, or an object with its text and a nested list: an object
    // without text is the wrong one there.
    let item = matches_any(path, &["body[#].items[#]"]);
    match value {
        Value::String(_) | Value::Array(_) if item => vec![json!(42), json!(true), json!({ "ordered": true })],
        Value::String(_) if inline => vec![json!(42), json!(true), json!({ "text": "x" })],
        Value::String(_) => vec![json!(42), json!(true), json!(["x"]), json!({ "x": 1 })],
        Value::Number(_) => vec![json!("7"), json!(true), json!([7]), json!({ "n": 7 })],
        Value::Bool(_) => vec![json!("yes"), json!(1), json!([true]), json!({ "b": true })],
        Value::Array(_) if inline => vec![json!(42), json!(false), json!({ "text": "x" })],
        Value::Array(_) => vec![json!("text"), json!(42), json!(false), json!({ "x": 1 })],
        // A list in place of an object matters most: serde's derived structs would read a list of
        // field values (`"section": ["Science"]`) as the object.
        Value::Object(_) => vec![json!("text"), json!(42), json!(true), json!(["x", "y"])],
        Value::Null => vec![],
    }
}

#[test]
fn every_field_of_the_wrong_type_is_refused_at_its_path() {
    let doc = fixture();
    let mut all = Vec::new();
    places(&doc, String::new(), &mut all);
    let mut tried = 0;
    for (path, value) in &all {
        // The payload of a block of unknown type is never read.
        if path.starts_with("body[9].") && path != "body[9].type" {
            continue;
        }
        for wrong in wrong_values(path, value) {
            let mut bad = doc.clone();
            set(&mut bad, path, wrong.clone());
            let error = refused(&bad);
            assert_eq!(error.path, *path, "{path} = {wrong}: {}", error.message);
            assert!(!error.message.is_empty());
            tried += 1;
        }
    }
    eprintln!("wrong types: {tried} documents refused at the right path");
    assert!(tried > 300, "{tried}");
}

#[test]
fn null_is_absent_in_optional_fields_and_refused_in_required_ones() {
    let doc = fixture();
    let mut all = Vec::new();
    places(&doc, String::new(), &mut all);
    let (mut refused_count, mut accepted) = (0, 0);
    for (path, _) in &all {
        if path.starts_with("body[9].") && path != "body[9].type" {
            continue;
        }
        let mut bad = doc.clone();
        set(&mut bad, path, Value::Null);
        if matches_any(path, REQUIRED) || path == "body[9].type" {
            assert_eq!(refused(&bad).path, *path, "null at {path}");
            refused_count += 1;
        } else {
            parse_text(&bad.to_string()).unwrap_or_else(|e| panic!("null at {path}: {e}"));
            accepted += 1;
        }
    }
    eprintln!("null: {refused_count} refused, {accepted} read as absent");
}

#[test]
fn a_list_of_field_values_is_not_an_object() {
    for (extra, path) in [
        (json!({ "section": ["Science", "https://example.org"] }), "section"),
        (json!({ "publisher": ["Gazette"] }), "publisher"),
        (json!({ "authors": [["Ines"]] }), "authors[0]"),
        (json!({ "image": ["a.jpg", "alt"] }), "image"),
        (json!({ "tags": [["t"]] }), "tags[0]"),
        (json!({ "lists": [["Most read"]] }), "lists[0]"),
        (json!({ "lists": [{ "title": "t", "items": [["x", "/x"]] }] }), "lists[0].items[0]"),
        (json!({ "comments": [3] }), "comments"),
        (json!({ "comments": { "count": 1, "items": [["a", "b"]] } }), "comments.items[0]"),
        (json!({ "body": [{ "type": "paragraph", "text": [["bold", true]] }] }), "body[0].text[0]"),
        (json!({ "body": [["paragraph", "text"]] }), "body[0]"),
    ] {
        let error = refused(&minimal(extra.clone()));
        assert_eq!(error.path, path, "{extra}");
        assert!(error.message.contains("expected an object") || error.message.contains("block object"), "{}", error.message);
    }
}

#[test]
fn negative_fractional_and_huge_counts_are_refused() {
    for count in [json!(-1), json!(-0.5), json!(2.5), json!(1e300), json!(9_007_199_254_740_993u64), json!("3"), json!(null)] {
        let error = refused(&minimal(json!({ "comments": { "count": count } })));
        assert_eq!(error.path, "comments.count", "count {count}");
    }
    // A number too large for a double is JSON (JavaScript reads it as Infinity), but serde_json
    // refuses it wherever it is, as out of range, with its line and column.
    let error = parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "comments": { "count": 1e400 } }"#)
        .unwrap_err();
    assert_eq!(error.position, Some((1, 100)));
    assert!(error.message.contains("number out of range"), "{}", error.message);
    let error = parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "comments": { "count": 1e300 } }"#)
        .unwrap_err();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("comments.count", "1e300 is not a count: expected a whole number of 0 or more")
    );
    // Whole numbers however written: 3.0, 30e-1, 0.3e1.
    for written in ["3.0", "30e-1", "0.3e1", "3E0"] {
        let doc =
            format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "comments": {{ "count": {written} }} }}"#);
        assert_eq!(parse_text(&doc).unwrap().article.comments.unwrap().count.0, 3, "{written}");
    }
    for size in [json!(-1), json!(2.5), json!(5_000_000_000u64)] {
        let error = refused(&minimal(json!({ "image": { "src": "a.jpg", "alt": "", "width": size } })));
        assert_eq!(error.path, "image.width", "width {size}");
    }
}

#[test]
fn a_wrong_block_field_is_placed_by_its_path_not_by_a_column_in_the_block() {
    let error = parse_text(
        r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "quote", "text": "t", "cite": 7 } ] }"#,
    )
    .unwrap_err();
    assert_eq!(error.path, "body[0].cite");
    assert_eq!(error.message, "expected text, found a number (7)");
    assert_eq!(error.position, None);
}

#[test]
fn heading_levels_outside_two_to_six_are_refused() {
    for level in [json!(0), json!(1), json!(7), json!(-2), json!(2.5), json!("2"), json!(true), json!(1e20)] {
        let error = refused(&minimal(
            json!({ "body": [ { "type": "paragraph", "text": "p" }, { "type": "heading", "level": level, "text": "x" } ] }),
        ));
        assert_eq!(error.path, "body[1].level", "level {level}");
    }
}

#[test]
fn images_without_alt_are_refused_wherever_they_are() {
    assert_eq!(refused(&minimal(json!({ "image": { "src": "a.jpg" } }))).path, "image.alt");
    assert_eq!(refused(&minimal(json!({ "body": [ { "type": "image", "src": "a.jpg", "caption": "c" } ] }))).path, "body[0].alt");
    // An empty alt is allowed: the image is decorative.
    parse_text(&minimal(json!({ "image": { "src": "a.jpg", "alt": "" } })).to_string()).unwrap();
}

#[test]
fn timestamps_without_offset_are_refused_in_every_timestamp_field() {
    let bad =
        ["2026-01-01T00:00:00", "2026-01-01", "2026-01-01 00:00", "1767225600", "2026-01-01T00:00:00+0800", "2026-01-01T00:00:00 UTC", ""];
    for stamp in bad {
        for (extra, path) in [
            (json!({ "datePublished": stamp }), "datePublished"),
            (json!({ "dateModified": stamp }), "dateModified"),
            (
                json!({ "lists": [ { "title": "t", "items": [ { "title": "x", "url": "/x", "datePublished": stamp } ] } ] }),
                "lists[0].items[0].datePublished",
            ),
            (
                json!({ "comments": { "count": 1, "items": [ { "author": "a", "text": "t", "datePublished": stamp } ] } }),
                "comments.items[0].datePublished",
            ),
        ] {
            let error = refused(&minimal(extra));
            assert_eq!(error.path, path, "{stamp:?}");
            assert!(error.message.contains("RFC 3339 timestamp with offset"), "{}", error.message);
        }
    }
    let error = refused(&minimal(json!({ "datePublished": 1_767_225_600_000u64 })));
    assert_eq!(error.path, "datePublished");
}

#[test]
fn a_root_that_is_not_an_object_says_what_it_found() {
    for (text, found) in [
        (r#""an article""#, "text"),
        (r#"["headline", "2026-01-01T00:00:00Z", []]"#, "a list"),
        ("[]", "a list"),
        ("3.5", "a number"),
        ("true", "a boolean"),
        ("null", "null"),
    ] {
        let error = parse_text(text).unwrap_err();
        assert_eq!(error.path, "", "{text}");
        assert!(error.message.contains("root must be an object") && error.message.ends_with(found), "{text}: {}", error.message);
    }
}

#[test]
fn trailing_garbage_and_broken_text_report_line_and_column() {
    let doc = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#;
    for text in [
        format!("{doc} x"),
        format!("{doc}{doc}"),
        format!("{doc},"),
        format!("{doc}\n]"),
        format!("{doc}\u{0}"),
        format!("\u{feff}{doc}"),
        doc.replace("\"body\"", "body"),
        doc.replace(": []", ": [,]"),
        doc.replace("}", ""),
        doc.replace("\"h\"", "'h'"),
        doc.replace("[]", "[] // comment"),
        String::new(),
        "   ".into(),
    ] {
        let error = parse_text(&text).expect_err(&text);
        assert_eq!(error.path, "", "{text:?}");
        assert!(error.position.is_some(), "{text:?}: {error:?}");
        assert!(error.message.contains("not well-formed JSON"), "{text:?}: {}", error.message);
    }
    // White space after the document is fine.
    parse_text(&format!("\n\t {doc} \r\n")).unwrap();
}

#[test]
fn a_duplicate_field_is_refused_by_name() {
    let error = parse_text(r#"{ "headline": "a", "headline": "b", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#).unwrap_err();
    assert_eq!(error.path, "headline");
    assert!(error.message.contains("given twice"), "{}", error.message);
    let error =
        parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "comments": { "count": 1, "count": 2 } }"#)
            .unwrap_err();
    assert_eq!(error.path, "comments.count");
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!("{}1{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn ten_thousand_levels_of_nesting_are_read_without_overflowing_the_stack() {
    // Every field Folio reads has a fixed shape, so a deep value there is a wrong type at its
    // first wrong level; nothing recurses into the rest of it.
    let refused = [
        (
            format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {} ] }}"#, nested("[", "]", 10_000)),
            "body[0]",
            "expected a block object, found a list",
        ),
        (
            format!(
                r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {{ "type": "paragraph", "text": {} }} ] }}"#,
                nested(r#"{"a":"#, "}", 10_000)
            ),
            "body[0].text",
            "expected text or a list of spans",
        ),
        (
            format!(
                r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {{ "type": "paragraph", "text": [ {} ] }} ] }}"#,
                nested("[", "]", 10_000)
            ),
            "body[0].text[0]",
            "expected an object",
        ),
        (
            format!(
                r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "authors": {} }}"#,
                nested("[", "]", 10_000)
            ),
            "authors[0]",
            "expected an object",
        ),
    ];
    for (text, path, message) in refused {
        let error = parse_text(&text).unwrap_err();
        assert_eq!(error.path, path);
        assert!(error.message.contains(message), "{}", error.message);
        assert_eq!(error.position, None, "the path locates it");
    }
    // Unknown fields are skipped without recursion, however deep, in the article and in a block
    // (of a known type or not): the document renders.
    for unknown in [
        format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "extra": {} }}"#, nested("[", "]", 100_000)),
        format!(
            r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {{ "type": "divider", "extra": {} }} ] }}"#,
            nested("[", "]", 100_000)
        ),
    ] {
        parse_text(&unknown).unwrap();
    }
    let unknown_type = format!(
        r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {{ "type": "x", "v": {} }} ] }}"#,
        nested("{\"type\":", "}", 100_000)
    );
    assert_eq!(parse_text(&unknown_type).unwrap().warnings, ["body[0]: unknown block type \"x\" skipped"]);
    // A root list that deep is refused at the first bracket.
    assert!(parse_text(&nested("[", "]", 100_000)).unwrap_err().message.contains("root must be an object"));
    // A list page has no field that nests: a deep value is a wrong type at its first level.
    let page = format!(r#"{{ "items": {} }}"#, nested("[", "]", 10_000));
    assert_eq!(parse_list_page(&page).unwrap_err().path, "items[0]");
    let page = format!(r#"{{ "items": [], "extra": {} }}"#, nested("[", "]", 100_000));
    assert!(parse_list_page(&page).unwrap().items.is_empty());
}

#[test]
fn a_value_up_to_the_limit_is_read_and_a_deeper_value_is_refused() {
    // A `serde_json::Value` is checked against the limit before it is read. The article object,
    // the body list and the block take 3 levels; 124 more reach the limit.
    let doc = |depth: usize| -> Value {
        let mut v = json!(1);
        for _ in 0..depth {
            v = Value::Array(vec![v]);
        }
        json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "x", "v": v } ] })
    };
    parse_value(doc(MAX_DEPTH - 3)).unwrap();
    assert!(parse_value(doc(MAX_DEPTH - 2)).unwrap_err().message.contains(&format!("nested more than {MAX_DEPTH} levels deep")));
    // The same documents as text: the unknown field is skipped, however deep.
    parse_text(&doc(MAX_DEPTH - 2).to_string()).unwrap();
}

#[test]
fn a_deep_value_given_directly_is_refused_and_dropped_without_recursion() {
    let mut deep = json!(1);
    for _ in 0..200_000 {
        deep = Value::Array(vec![deep]);
    }
    let doc = json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] });
    let mut doc = doc;
    doc["body"] = Value::Array(vec![deep]);
    let error = parse_value(doc).unwrap_err();
    assert!(error.message.contains("nested more than"), "{}", error.message);
}

/// A valid article of about `bytes` bytes: paragraphs of plain text.
fn article_of_size(bytes: usize) -> String {
    let paragraph = format!(r#"{{ "type": "paragraph", "text": "{}" }}"#, "Lorem ipsum dolor sit amet. ".repeat(20));
    let count = bytes / (paragraph.len() + 2);
    let body = vec![paragraph; count].join(", ");
    format!(r#"{{ "headline": "Large", "datePublished": "2026-01-01T00:00:00Z", "body": [ {body} ] }}"#)
}

#[test]
fn a_twenty_megabyte_document_is_refused_at_once_with_its_size() {
    let big = article_of_size(20_000_000);
    assert!(big.len() > 19_900_000);
    let error = parse_text(&big).unwrap_err();
    assert_eq!(error.path, "");
    assert_eq!(error.position, None);
    assert!(error.message.contains("is 20.0 MB of JSON, more than the 5 MB Folio reads"), "{}", error.message);
    // The size is checked before anything is parsed: text that breaks at its first byte is refused
    // for its size all the same.
    let broken = format!("]{}", " ".repeat(MAX_DOCUMENT_BYTES));
    assert!(parse_text(&broken).unwrap_err().message.contains("more than the 5 MB Folio reads"));
    let list = format!(r#"{{ "items": [], "pad": "{}" }}"#, "x".repeat(MAX_DOCUMENT_BYTES));
    assert!(parse_list_page(&list).unwrap_err().message.contains("the list is 5.0 MB"), "list pages too");
}

#[test]
fn a_document_just_under_the_limit_is_read() {
    let text = article_of_size(MAX_DOCUMENT_BYTES - 1000);
    assert!(text.len() <= MAX_DOCUMENT_BYTES && text.len() > MAX_DOCUMENT_BYTES - 2000, "{}", text.len());
    let parsed = parse_text(&text).unwrap();
    assert!(parsed.article.body.len() > 7000);
}

#[test]
fn lone_surrogate_escapes_name_the_field_that_holds_them() {
    for (doc, path) in [
        (r#"{ "headline": "a\ud800b", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#, "headline"),
        (r#"{ "headline": "a\udfff", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#, "headline"),
        (
            r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "paragraph", "text": [ { "text": "\udc00" } ] } ] }"#,
            "body[0].text[0].text",
        ),
        (
            r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "authors": [ { "name": "\ud83d\u0041" } ] }"#,
            "authors[0].name",
        ),
        (
            r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "comments": { "count": 1, "items": [ { "author": "a", "text": "\ude00\ud83d" } ] } }"#,
            "comments.items[0].text",
        ),
    ] {
        let error = parse_text(doc).unwrap_err();
        assert_eq!(error.path, path, "{doc}");
        assert!(error.message.contains("lone UTF-16 surrogate"), "{}", error.message);
    }
    // In a field name there is no path to name: the line and column say where.
    let key = parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "x\ud800": 1 }"#).unwrap_err();
    assert_eq!((key.path.as_str(), key.position.is_some()), ("", true));
    assert!(key.message.contains("lone UTF-16 surrogate"), "{}", key.message);
    // A proper pair is one character, and a truncated escape is not a surrogate problem.
    let pair = parse_text(r#"{ "headline": "\ud83d\ude00 \u6cb3", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#).unwrap();
    assert_eq!(pair.article.headline.0, "😀 河");
    let truncated = parse_text(r#"{ "headline": "\u12", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#).unwrap_err();
    assert!(!truncated.message.contains("surrogate"), "{}", truncated.message);
    // In a field Folio does not read, the string is skipped unread, as JSON.parse would take it
    // (found by the fuzz target `parse`, which had assumed serde_json's Value refuses what the
    // reader refuses).
    let unknown = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "extra": [ { "url": "a\udc00b" } ] }"#;
    parse_text(unknown).unwrap();
    assert!(serde_json::from_str::<Value>(unknown).is_err());
}

#[test]
fn messages_quoting_huge_values_are_clipped() {
    let huge = "<img src=x onerror=alert(1)>".repeat(10_000);
    for extra in [
        json!({ "version": huge }),
        json!({ "body": [ { "type": "heading", "level": huge, "text": "x" } ] }),
        json!({ "datePublished": huge }),
    ] {
        let error = refused(&minimal(extra));
        assert!(error.message.chars().count() <= 320, "{} chars", error.message.chars().count());
    }
    let parsed = parse_text(&minimal(json!({ "lists": [ { "title": "t", "style": huge } ] })).to_string()).unwrap();
    assert!(parsed.warnings[0].len() < 120, "{}", parsed.warnings[0]);
}

#[test]
fn contract_refusals_and_these_cases_render_an_alert_not_a_panic() {
    // Each refusal above is a DocError; the SSR tests show any DocError becomes a role="alert".
    // Here: odd but valid documents render.
    for extra in [
        json!({ "body": [ { "type": "unknown-block", "text": 42 } ] }),
        json!({ "lists": [ { "title": "t", "style": "carousel" } ] }),
        json!({ "unknownField": { "deep": [1, 2, { "x": null }] } }),
        json!({ "headline": "\u{0}\u{7}\u{202e}\u{fffd} h" }),
        json!({ "comments": { "count": 3.0 } }),
        json!({ "version": 1.0 }),
    ] {
        parse_text(&minimal(extra.clone()).to_string()).unwrap_or_else(|e| panic!("{extra}: {e}"));
    }
}

#[test]
fn fields_before_a_blocks_type_are_read_and_named_by_their_path() {
    let doc = |block: &str| {
        format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {{ "type": "divider" }}, {block} ] }}"#)
    };
    let read = parse_text(&doc(r#"{ "text": [ { "text": "a", "bold": true } ], "cite": "c", "type": "quote" }"#)).unwrap();
    assert_eq!(read.article.body.len(), 2);
    let cases = [
        (r#"{ "text": [ { "text": "a" }, { "text": "b", "bold": 1 } ], "type": "paragraph" }"#, "body[1].text[1].bold"),
        (r#"{ "alt": "", "width": -1, "type": "image", "src": "a.jpg" }"#, "body[1].width"),
        (r#"{ "level": 7, "type": "heading", "text": "t" }"#, "body[1].level"),
        (r#"{ "text": "t", "type": "heading", "text": "again" }"#, "body[1].text"),
    ];
    for (block, path) in cases {
        let error = parse_text(&doc(block)).unwrap_err();
        assert_eq!(error.path, path, "{block}: {}", error.message);
        assert!(!error.message.contains('\u{1}'), "{:?}", error.message);
    }
    // A field before `type` that the block's type does not read is ignored, as after it; so is
    // every field of a block of an unknown type.
    parse_text(&doc(r#"{ "src": 7, "type": "paragraph", "text": "t" }"#)).unwrap();
    assert_eq!(parse_text(&doc(r#"{ "text": 7, "type": "chart" }"#)).unwrap().warnings, ["body[1]: unknown block type \"chart\" skipped"]);
    // A deep value kept from before `type` meets serde_json's nesting limit, not the stack's end.
    let deep = format!(r#"{{ "text": {}, "type": "paragraph" }}"#, nested("[", "]", 10_000));
    assert!(parse_text(&doc(&deep)).unwrap_err().message.contains("nested more than"));
}
