//! Property tests: arbitrary Portable Text blocks convert to documents Folio reads; arbitrary JSON
//! never makes either converter panic. `PROPTEST_CASES=5000 cargo test --test convert` runs more.

use crate::folio_reads;
use folio::convert::{convert, Format};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Marks a span may carry: decorators, the two links every block defines, and one undefined.
const MARKS: [&str; 8] = ["strong", "em", "code", "underline", "strike-through", "safe", "unsafe", "nowhere"];

/// Text with the characters converters trip over: markup, entities, newlines, controls, CJK.
fn span_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[a-z ]{0,12}", 1 => "[<>&\"'\\n\\t 水a]{0,8}", 1 => ".{0,8}"]
}

/// A Portable Text block: styles up to `max_heading`, lists nested up to `max_level`, and now and
/// then an image, a code block or an unknown type.
fn block(styles: &'static [&'static str], max_level: u64, newlines: bool) -> impl Strategy<Value = Value> {
    let span = (span_text(), prop::sample::subsequence(MARKS.to_vec(), 0..4)).prop_map(move |(text, marks)| {
        let text = if newlines { text } else { text.replace('\n', " ") };
        json!({ "_type": "span", "text": text, "marks": marks })
    });
    let text_block = (
        prop::sample::select(styles),
        prop::option::of((prop::sample::select(&["bullet", "number", "square"][..]), 1..=max_level)),
        prop::collection::vec(span, 0..4),
    )
        .prop_map(|(style, list, children)| {
            let mut block = Map::new();
            block.insert("_type".into(), json!("block"));
            block.insert("style".into(), json!(style));
            if let Some((kind, level)) = list {
                block.insert("listItem".into(), json!(kind));
                block.insert("level".into(), json!(level));
            }
            block.insert("children".into(), Value::Array(children));
            block.insert(
                "markDefs".into(),
                json!([{ "_key": "safe", "_type": "link", "href": "https://example.org/" }, { "_key": "unsafe", "_type": "link", "href": "javascript:alert(1)" }]),
            );
            Value::Object(block)
        });
    prop_oneof![
        8 => text_block,
        1 => Just(json!({ "_type": "image", "asset": { "url": "https://cdn.example.org/a.jpg" }, "alt": "a" })),
        1 => Just(json!({ "_type": "widget", "text": "kept" })),
    ]
}

fn document(blocks: Vec<Value>) -> String {
    json!({ "headline": "Arbitrary", "datePublished": "2026-01-01T00:00:00Z", "body": blocks }).to_string()
}

proptest! {
    /// Only the shapes the contract of today has: headings 2 and 3, lists one level deep, no line
    /// breaks (marks beyond bold, italic and code are still written, and ignored by today's model).
    #[test]
    fn portable_text_within_todays_contract_converts_to_a_document_folio_reads(
        blocks in prop::collection::vec(block(&["normal", "h1", "h2", "h3", "blockquote", "caption"], 1, false), 0..10)
    ) {
        let converted = convert(Format::PortableText, &document(blocks)).unwrap();
        if let Err(why) = folio_reads(&converted.document) {
            return Err(TestCaseError::fail(why));
        }
    }

    /// Anything goes in a JSON value: either converter returns a document or an error, never panics.
    #[test]
    fn arbitrary_json_never_makes_a_converter_panic(value in arbitrary_json()) {
        let text = value.to_string();
        let _ = convert(Format::Ans, &text);
        let _ = convert(Format::PortableText, &text);
    }
}

/// Random JSON, its keys often words of ANS and Portable Text so that converters go deep.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(
        &[
            "type",
            "_type",
            "content",
            "content_elements",
            "items",
            "headlines",
            "basic",
            "display_date",
            "list_type",
            "level",
            "url",
            "text",
            "body",
            "children",
            "marks",
            "markDefs",
            "_key",
            "href",
            "listItem",
            "style",
            "headline",
            "datePublished",
            "rows",
            "header",
            "citation",
            "streams",
            "raw_oembed",
            "asset",
            "credits",
            "by",
            "name",
        ][..],
    );
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(
            &["story", "text", "list", "quote", "block", "span", "h4", "bullet", "2026-01-01T00:00:00Z", "<b>x</b>", "javascript:x"][..]
        )
        .prop_map(Value::from),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

/// Tests that read documents using the contract's extensions: they pass once Folio's model reads
/// them.
mod needs_model_extensions {
    use super::{block, document};
    use crate::folio_reads;
    use folio::convert::{convert, Format};
    use proptest::prelude::*;

    proptest! {
        // Until the model reads the extensions this fails on purpose: a file of regressions would
        // only record that.
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_portable_text_converts_to_a_document_folio_reads(
            blocks in prop::collection::vec(block(&["normal", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "caption"], 6, true), 0..12)
        ) {
            let converted = convert(Format::PortableText, &document(blocks)).unwrap();
            if let Err(why) = folio_reads(&converted.document) {
                return Err(TestCaseError::fail(why));
            }
        }
    }
}
