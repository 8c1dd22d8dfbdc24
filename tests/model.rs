//! The document model natively: what parses, what is refused and with which path.
#![cfg(not(target_arch = "wasm32"))]

use folio::model::{parse_text, parse_value, Article, Block, HeadingLevel, Inline, ListStyle};
use serde_json::json;
use std::path::Path;
use std::rc::Rc;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

fn error_path(text: &str) -> String {
    parse_text(text).expect_err("the document should be refused").path
}

#[test]
fn every_field_fixture_parses_with_its_blocks_in_order() {
    let parsed = parse_text(&fixture("every-field.json")).unwrap();
    let a = &parsed.article;
    assert_eq!(a.headline.0, "Fixture: a comet passes within sight of the observatory");
    assert_eq!(a.lang(), "en");
    assert_eq!(a.authors.len(), 3);
    assert_eq!(a.date_published.epoch_ms, 1_777_917_600_000);
    let kinds: Vec<&str> = a
        .body
        .iter()
        .map(|b| match &**b {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { level: HeadingLevel::H2, .. } => "h2",
            Block::Heading { level: HeadingLevel::H3, .. } => "h3",
            Block::Heading { .. } => "h4-h6",
            Block::Quote { .. } => "quote",
            Block::List { ordered: false, .. } => "ul",
            Block::List { ordered: true, .. } => "ol",
            Block::Image(_) => "image",
            Block::Video { .. } => "video",
            Block::Divider => "divider",
            Block::Table { .. } => "table",
            Block::Code { .. } => "code",
        })
        .collect();
    assert_eq!(kinds, ["paragraph", "h2", "h3", "quote", "ul", "ol", "image", "video", "divider", "paragraph"]);
    assert_eq!(a.lists[0].style(), ListStyle::Ranked);
    assert_eq!(a.lists[1].style(), ListStyle::Video);
    assert_eq!(a.comments.as_ref().unwrap().count.0, 2);
}

#[test]
fn unknown_block_types_and_list_styles_are_warnings_not_errors() {
    let parsed = parse_text(&fixture("every-field.json")).unwrap();
    assert_eq!(
        parsed.warnings,
        ["body[9]: unknown block type \"hologram\" skipped", "lists[2].style: unknown style \"carousel\" shown as plain"]
    );
    assert_eq!(parsed.article.lists[2].style(), ListStyle::Plain);
}

#[test]
fn project_samples_parse_without_warnings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/samples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let parsed = parse_text(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(parsed.warnings.is_empty(), "{}: {:?}", path.display(), parsed.warnings);
        seen += 1;
    }
    assert!(seen >= 2, "expected the zh-TW and en samples");
}

#[test]
fn minimal_document_defaults_to_english_and_empty_lists() {
    let parsed = parse_text(&fixture("minimal.json")).unwrap();
    assert_eq!(parsed.article.lang(), "en");
    assert!(parsed.article.body.is_empty() && parsed.article.lists.is_empty() && parsed.article.comments.is_none());
}

#[test]
fn missing_required_fields_are_named() {
    assert_eq!(error_path(r#"{ "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#), "headline");
    assert_eq!(error_path(r#"{ "headline": "h", "body": [] }"#), "datePublished");
    assert_eq!(error_path(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z" }"#), "body");
    let e = parse_text(r#"{ "headline": "h", "body": [] }"#).unwrap_err();
    assert_eq!(e.message, "this required field is missing");
}

#[test]
fn wrong_types_name_the_deepest_path() {
    let doc = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z",
        "body": [ { "type": "paragraph", "text": "ok" }, { "type": "paragraph", "text": 42 } ] }"#;
    let e = parse_text(doc).unwrap_err();
    assert_eq!(e.path, "body[1].text");
    assert!(e.message.contains("text or a list of spans"), "{}", e.message);

    let spans = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z",
        "body": [ { "type": "quote", "text": [ { "text": "a" }, { "text": "b", "bold": "yes" } ] } ] }"#;
    assert_eq!(error_path(spans), "body[0].text[1].bold");
    let list = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [],
        "lists": [ { "title": "t", "items": [ { "title": "x", "url": 5 } ] } ] }"#;
    assert_eq!(error_path(list), "lists[0].items[0].url");
    let comment = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [],
        "comments": { "count": 1, "items": [ { "author": "a" } ] } }"#;
    assert_eq!(error_path(comment), "comments.items[0].text");
}

#[test]
fn blank_headline_and_bad_timestamps_are_refused() {
    let e = parse_text(r#"{ "headline": "   ", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#).unwrap_err();
    assert_eq!(e.path, "headline");
    assert!(e.message.contains("blank"));
    assert_eq!(error_path(r#"{ "headline": "h", "datePublished": "yesterday afternoon", "body": [] }"#), "datePublished");
    assert_eq!(error_path(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00", "body": [] }"#), "datePublished");
    assert_eq!(
        error_path(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "dateModified": "2026-01-01", "body": [] }"#),
        "dateModified"
    );
}

#[test]
fn only_version_one_is_read() {
    let e = parse_text(r#"{ "version": 2, "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#).unwrap_err();
    assert_eq!(e.path, "version");
    assert!(e.message.contains("unsupported version 2"), "{}", e.message);
    assert!(parse_text(r#"{ "version": 1, "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#).is_ok());
}

#[test]
fn heading_levels_and_counts_are_range_checked() {
    let heading =
        r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "heading", "level": 1, "text": "x" } ] }"#;
    assert_eq!(error_path(heading), "body[0].level");
    for count in ["-1", "2.5", "\"3\""] {
        let doc =
            format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [], "comments": {{ "count": {count} }} }}"#);
        assert_eq!(error_path(&doc), "comments.count", "count {count}");
    }
}

#[test]
fn blocks_need_a_type_and_images_need_alt() {
    let no_type = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "text": "x" } ] }"#;
    assert_eq!(error_path(no_type), "body[0].type");
    let no_alt = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "image", "src": "a.jpg" } ] }"#;
    assert_eq!(error_path(no_alt), "body[0].alt");
    let not_object = r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ "just text" ] }"#;
    assert_eq!(error_path(not_object), "body[0]");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let e = parse_text("{ \"headline\": \"Truncated\",\n  \"body\": [").unwrap_err();
    assert_eq!(e.path, "");
    assert_eq!(e.position.map(|p| p.0), Some(2));
    assert!(e.message.contains("not well-formed JSON"), "{}", e.message);
    let trailing = parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [] } extra"#).unwrap_err();
    assert!(trailing.position.is_some(), "trailing garbage must be a syntax error");
}

#[test]
fn a_root_that_is_not_an_object_says_so() {
    for (doc, found) in [("[1, 2, 3]", "a list"), ("\"text\"", "text"), ("42", "a number"), ("null", "null")] {
        let e = parse_text(doc).unwrap_err();
        assert_eq!(e.path, "", "{doc}");
        assert!(e.message.contains("root must be an object") && e.message.contains(found), "{doc}: {}", e.message);
    }
    assert!(parse_value(json!([1])).unwrap_err().message.contains("root must be an object"));
}

#[test]
fn null_in_optional_fields_means_absent() {
    let doc = json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [
        { "type": "list", "ordered": null, "items": [[ { "text": "a", "bold": null } ]] } ],
        "authors": null, "tags": null, "lists": null, "subheadline": null, "comments": null, "version": null });
    let parsed = parse_value(doc).unwrap();
    assert!(parsed.article.authors.is_empty() && parsed.article.subheadline.is_none());
    match &*parsed.article.body[0] {
        Block::List { ordered, items } => {
            assert!(!ordered);
            assert_eq!(items[0], Inline::Spans(vec![folio::model::Span { text: "a".into(), bold: false, ..Default::default() }]).into());
        }
        other => panic!("expected a list, got {other:?}"),
    }
}

#[test]
fn whole_numbers_written_as_floats_are_accepted() {
    // JavaScript has only doubles; a count or level of 2.0 is the number 2.
    let doc = json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z",
        "body": [ { "type": "heading", "level": 3.0, "text": "x" } ], "comments": { "count": 4.0 } });
    let parsed = parse_value(doc).unwrap();
    assert_eq!(parsed.article.comments.unwrap().count.0, 4);
}

/// The contract's own examples and refusals, where the shared folder is present (CI has it).
#[test]
fn contract_examples_render_and_invalid_documents_name_their_path() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/contract");
    if !shared.exists() {
        eprintln!("../shared/contract not present: skipped");
        return;
    }
    for entry in std::fs::read_dir(shared.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        if value.get("headline").is_none() {
            continue; // a lazy-list page, not an article
        }
        parse_text(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let expected = [
        ("no-headline.json", "headline"),
        ("body-1-text-number.json", "body[1].text"),
        ("bad-timestamp.json", "datePublished"),
        ("version-2.json", "version"),
        ("blank-headline.json", "headline"),
        ("not-an-object.json", ""),
        ("truncated.json", ""),
    ];
    for (file, path) in expected {
        let text = std::fs::read_to_string(shared.join("invalid").join(file)).unwrap();
        assert_eq!(parse_text(&text).unwrap_err().path, path, "{file}");
    }
}

/// A document with these body blocks, written as `JSON.stringify` would.
fn document_of(headline: &str, blocks: &[serde_json::Value]) -> String {
    json!({ "headline": headline, "datePublished": "2026-01-01T00:00:00Z", "body": blocks }).to_string()
}

fn paragraph(text: &str) -> serde_json::Value {
    json!({ "type": "paragraph", "text": text })
}

/// `text` read after `previous`: sharing the blocks it did not change.
fn update(previous: &Article, text: &str) -> Article {
    parse_text(text).expect("the document should be read").article.sharing_blocks_with(previous)
}

#[test]
fn an_update_that_changes_one_block_keeps_every_other_block() {
    let blocks: Vec<_> = (0..6).map(|i| paragraph(&format!("Paragraph {i}."))).collect();
    let before = parse_text(&document_of("H", &blocks)).unwrap().article;
    let mut changed = blocks.clone();
    changed[1] = paragraph("Paragraph 1, now a good deal longer than it was.");
    let after = update(&before, &document_of("H", &changed));
    assert_eq!(after, parse_text(&document_of("H", &changed)).unwrap().article);
    assert_eq!(*after.body[1], Block::Paragraph { text: Inline::Text("Paragraph 1, now a good deal longer than it was.".into()) });
    for i in [0, 2, 3, 4, 5] {
        assert!(Rc::ptr_eq(&before.body[i], &after.body[i]), "block {i} is shared");
    }
    changed[4] = json!({ "type": "heading", "text": "Now a heading" });
    let third = update(&after, &document_of("H", &changed));
    assert!(Rc::ptr_eq(&after.body[1], &third.body[1]) && Rc::ptr_eq(&after.body[5], &third.body[5]));
    assert!(matches!(*third.body[4], Block::Heading { .. }));
}

#[test]
fn an_update_keeps_blocks_after_a_new_headline_an_added_block_or_alike_blocks() {
    let divider = json!({ "type": "divider" });
    let blocks = vec![paragraph("Zero."), divider.clone(), paragraph("One."), divider.clone(), paragraph("Two.")];
    let before = parse_text(&document_of("H", &blocks)).unwrap().article;
    let headline = update(&before, &document_of("Another headline", &blocks));
    assert_eq!(headline.headline.0, "Another headline");
    assert!((0..5).all(|i| Rc::ptr_eq(&before.body[i], &headline.body[i])));
    // A paragraph added after the first block and the last changed: each divider is the one before.
    let mut changed = blocks.clone();
    changed.insert(1, paragraph("Added."));
    changed[5] = paragraph("Two, changed.");
    let after = update(&before, &document_of("H", &changed));
    for (old, new) in [(0, 0), (1, 2), (2, 3), (3, 4)] {
        assert!(Rc::ptr_eq(&before.body[old], &after.body[new]), "block {old} is block {new} now");
    }
    assert!(!before.body.iter().any(|b| Rc::ptr_eq(b, &after.body[5])));
}

#[test]
fn an_update_with_a_block_of_an_unknown_type_warns_and_keeps_the_rest() {
    let mut blocks: Vec<_> = (0..3).map(|i| paragraph(&format!("Paragraph {i}."))).collect();
    let before = parse_text(&document_of("H", &blocks)).unwrap().article;
    blocks[1] = json!({ "type": "poll", "question": "?" });
    let parsed = parse_text(&document_of("H", &blocks)).unwrap();
    assert_eq!(parsed.warnings, ["body[1]: unknown block type \"poll\" skipped"]);
    let after = parsed.article.sharing_blocks_with(&before);
    assert_eq!(after.body.len(), 2);
    assert!(Rc::ptr_eq(&before.body[2], &after.body[1]));
}
