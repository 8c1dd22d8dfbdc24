//! ANS stories of our own: converted exactly, hostile HTML left as text, refusals with a path.

use crate::{fixture, folio_reads, visible_text};
use folio::convert::{convert, Format};
use folio::url::sanitize;
use serde_json::{json, Value};

fn story(fields: Value) -> String {
    let mut story = json!({ "type": "story", "headlines": { "basic": "A headline" }, "display_date": "2026-05-04T18:00:00Z" });
    for (key, value) in fields.as_object().unwrap() {
        story[key] = value.clone();
    }
    story.to_string()
}

#[test]
fn a_story_converts_to_the_expected_document_and_warnings() {
    let converted = convert(Format::Ans, &fixture("ans-story.json")).unwrap();
    let expected: Value = serde_json::from_str(&fixture("ans-story.expected.json")).unwrap();
    assert_eq!(converted.document, expected["document"]);
    assert_eq!(json!(converted.warnings), expected["warnings"]);
}

#[test]
fn a_story_without_extension_shapes_is_read_by_folio() {
    let converted = convert(Format::Ans, &fixture("ans-brief.json")).unwrap();
    let article = folio_reads(&converted.document).unwrap().article;
    assert_eq!(article.headline.0, "Ferry timetable changes on Monday");
    assert_eq!(article.authors[0].name, "Jo Park");
    assert_eq!(article.body.len(), 5);
    assert_eq!(converted.warnings, ["content_elements[5]: raw_html skipped"]);
}

#[test]
fn hostile_html_in_ans_text_ends_up_as_text_and_no_link() {
    let text = story(json!({ "content_elements": [
        { "type": "text", "content": "<img src=x onerror=alert(1)>a<script>alert(2)</script><style>b{}</style> <a href=\"javascript:alert(3)\">c</a> <a href=\" JaVaScRiPt:alert(4)\">d</a> &lt;script&gt;e" },
        { "type": "header", "content": "<svg onload=alert(5)>f</svg>" },
        { "type": "interstitial_link", "url": "data:text/html,<script>alert(6)</script>", "content": "g" }
    ] }));
    let converted = convert(Format::Ans, &text).unwrap();
    let body = &converted.document["body"];
    assert_eq!(body[0]["text"], json!("a c d <script>e"));
    assert_eq!(body[1]["text"], json!("f"));
    assert_eq!(body[2]["text"], json!("g"));
    let written = converted.document.to_string();
    for gone in ["alert(1)", "alert(2)", "onerror", "b{}", "alert(5)", "data:"] {
        assert!(!written.contains(gone), "{gone} in {written}");
    }
    assert_eq!(
        converted.warnings,
        [
            "content_elements[0].content: links with an unsafe URL kept as text",
            "content_elements[2].url: an unsafe URL: the link is kept as text"
        ]
    );
}

#[test]
fn every_url_in_a_converted_story_passed_the_sanitiser() {
    let converted = convert(Format::Ans, &fixture("ans-story.json")).unwrap();
    let mut stack = vec![&converted.document];
    while let Some(value) = stack.pop() {
        if let Value::Object(fields) = value {
            for key in ["href", "src", "poster", "url"] {
                if let Some(url) = fields.get(key).and_then(Value::as_str) {
                    assert_eq!(sanitize(url).as_deref(), Some(url), "{key}: {url}");
                }
            }
        }
        match value {
            Value::Object(fields) => stack.extend(fields.values()),
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

#[test]
fn a_story_without_a_headline_or_a_date_is_refused_at_the_field_that_would_hold_it() {
    let refusal = |text: &str| convert(Format::Ans, text).unwrap_err();
    let no_headline = refusal(r#"{ "type": "story", "headlines": { "basic": " <b></b> " }, "display_date": "2026-05-04T18:00:00Z" }"#);
    assert_eq!(no_headline.to_string(), "headlines.basic: required for a Folio headline");
    let no_date =
        refusal(r#"{ "type": "story", "headlines": { "basic": "h" }, "display_date": "yesterday", "publish_date": "2026-05-04" }"#);
    assert_eq!(no_date.path, "display_date");
    assert_eq!(refusal(r#"{ "type": "gallery" }"#).to_string(), "type: \"gallery\" is not an ANS story: Folio converts stories");
    assert_eq!(refusal("[1]").to_string(), "an ANS story is an object, found a list");
    let not_json = refusal("{ \"type\": ");
    assert_eq!((not_json.path.as_str(), not_json.position), ("", Some((1, 10))));
}

#[test]
fn the_publication_date_falls_back_in_order_and_an_earlier_update_is_left_out() {
    let dates = |fields: Value| {
        let mut story = json!({ "type": "story", "headlines": { "basic": "h" } });
        story.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
        let converted = convert(Format::Ans, &story.to_string()).unwrap();
        (converted.document["datePublished"].clone(), converted.document.get("dateModified").cloned(), converted.warnings)
    };
    let (published, modified, warnings) = dates(json!({
        "display_date": "not a date", "first_publish_date": "2026-05-04T08:00:00+08:00", "last_updated_date": "2026-05-04T09:00:00+08:00"
    }));
    assert_eq!((published, modified), (json!("2026-05-04T08:00:00+08:00"), Some(json!("2026-05-04T09:00:00+08:00"))));
    assert_eq!(warnings, ["display_date: not an RFC 3339 timestamp with an offset, skipped"]);
    let (published, modified, warnings) =
        dates(json!({ "created_date": "2026-05-04T00:00:00Z", "last_updated_date": "2026-05-03T00:00:00Z" }));
    assert_eq!((published, modified), (json!("2026-05-04T00:00:00Z"), None));
    assert_eq!(warnings, ["created_date: no publication date: the creation date is shown as published"]);
}

#[test]
fn every_element_leaves_a_block_or_a_warning() {
    let elements = json!([
        { "type": "text", "content": "kept" }, { "type": "ghost" }, { "content": "no type" }, { "type": "list", "items": [] },
        { "type": "quote" }, { "type": "image" }, { "type": "video", "streams": [] }, { "type": "table", "rows": [1] },
        { "type": "link_list", "items": [{ "type": "image" }] }, { "type": "oembed_response", "raw_oembed": {} },
        { "type": "correction" }, { "type": "code", "content": 7 }, { "type": "reference" }, "not an object", null
    ]);
    let converted = convert(Format::Ans, &story(json!({ "content_elements": elements }))).unwrap();
    assert_eq!(converted.document["body"], json!([{ "type": "paragraph", "text": "kept" }]));
    let places: Vec<&str> = converted.warnings.iter().map(|w| w.split(':').next().unwrap()).collect();
    for index in 1..elements.as_array().unwrap().len() {
        let place = format!("content_elements[{index}]");
        assert!(places.iter().any(|p| p.starts_with(&place)), "nothing said of {place}: {:?}", converted.warnings);
    }
}

#[test]
fn an_active_embargo_is_reported_since_folio_does_not_hold_a_story_back() {
    let embargoed = story(json!({ "content_restrictions": { "embargo": { "active": true, "end_time": "2026-05-05T05:00:00Z" } } }));
    assert_eq!(
        convert(Format::Ans, &embargoed).unwrap().warnings,
        ["content_restrictions.embargo: the story is under embargo (until 2026-05-05T05:00:00Z); Folio does not hold it back"]
    );
    let lifted = story(json!({ "content_restrictions": { "embargo": { "active": false } } }));
    assert!(convert(Format::Ans, &lifted).unwrap().warnings.is_empty());
}

#[test]
fn nested_lists_go_under_the_item_before_them() {
    let list = json!({ "type": "list", "list_type": "ordered", "items": [
        { "type": "list", "items": [{ "type": "text", "content": "orphan" }] },
        { "type": "text", "content": "one" },
        { "type": "list", "list_type": "unordered", "items": [{ "type": "text", "content": "one.a" }] },
        { "type": "list", "list_type": "ordered", "items": [{ "type": "text", "content": "one.b" }] }
    ] });
    let converted = convert(Format::Ans, &story(json!({ "content_elements": [list] }))).unwrap();
    assert_eq!(
        converted.document["body"][0],
        json!({ "type": "list", "ordered": true, "items": ["orphan", { "text": "one", "items": ["one.a", "one.b"] }] })
    );
    assert!(visible_text(&converted.document).contains("one.b"));
}

/// Tests that read documents using the contract's extensions: they pass once Folio's model reads
/// them.
mod needs_model_extensions {
    use crate::{fixture, folio_reads};
    use folio::convert::{convert, Format};

    #[test]
    fn the_converted_story_is_read_by_folio_with_every_block() {
        let converted = convert(Format::Ans, &fixture("ans-story.json")).unwrap();
        let parsed = folio_reads(&converted.document).unwrap_or_else(|why| panic!("{why}"));
        assert_eq!(parsed.article.headline.0, "Night market lanterns & the long evening");
    }
}
