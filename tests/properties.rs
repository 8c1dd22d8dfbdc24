//! Property tests: nothing a document can hold makes Folio panic. Arbitrary JSON values, arbitrary
//! text, arbitrary valid articles and valid articles with one place broken go through parsing,
//! checking and server-side rendering (`FolioView` with `PlainPlatform`), natively.
//!
//! Each property runs proptest's default 256 cases; `PROPTEST_CASES=5000 cargo test --test
//! properties` runs more. A failing case is written to `proptest-regressions/` to be replayed.
#![cfg(not(target_arch = "wasm32"))]

use folio::components::{FolioView, View};
use folio::model::{parse_list_page, parse_text, parse_value, Parsed};
use folio::options::RenderOptions;
use folio::platform::{PlainPlatform, PlatformRef};
use folio::url::sanitize;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::rc::Rc;
use yew::LocalServerRenderer;

#[path = "common/parsed_shape.rs"]
mod parsed_shape;
use folio::hydration::TreeShape;
use parsed_shape::parsed_shape;

/// 2026-05-04T20:00:00Z.
const NOW_MS: f64 = 1_777_924_800_000.0;

/// Words of the contract, so random objects often look like parts of an article.
const VOCABULARY: &[&str] = &[
    "version",
    "id",
    "lang",
    "url",
    "section",
    "name",
    "headline",
    "subheadline",
    "publisher",
    "logo",
    "authors",
    "datePublished",
    "dateModified",
    "timeZone",
    "image",
    "src",
    "alt",
    "caption",
    "credit",
    "width",
    "height",
    "body",
    "type",
    "text",
    "bold",
    "italic",
    "code",
    "href",
    "level",
    "cite",
    "ordered",
    "items",
    "poster",
    "credits",
    "originalUrl",
    "tags",
    "lists",
    "title",
    "style",
    "source",
    "duration",
    "article",
    "moreUrl",
    "comments",
    "count",
    "author",
    "next",
    "paragraph",
    "heading",
    "quote",
    "list",
    "video",
    "divider",
    "table",
    "code",
    "rows",
    "header",
    "language",
    "lineBreak",
    "underline",
    "ranked",
    "plain",
    "2026-01-01T00:00:00Z",
    "2025-08-15T23:45:00+08:00",
    "PT3M20S",
    "zh-TW",
    "en",
    "Asia/Taipei",
];

/// Text that has broken renderers before: markup, entities, template syntax, controls, bidi, CJK.
const AWKWARD_TEXT: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "&lt;b&gt;",
    "&amp;",
    "javascript:alert(1)",
    "\u{0}",
    "\u{202e}abc",
    "\u{feff}",
    "河濱自行車道",
    "😀👍🏽",
    "a\r\nb",
    "\t",
    " ",
    "",
    "-->",
    "<!--",
    "]]>",
    "\\",
    "'\"`",
];

/// URLs: ordinary, relative, and hostile however spelled.
const URLS: &[&str] = &[
    "https://example.org/a?b=c#d",
    "http://example.org",
    "mailto:desk@example.org",
    "/news/1",
    "other.json",
    "//cdn.example.org/x.jpg",
    "#top",
    "?src=a.json",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "blob:https://example.org/x",
    "file:///etc/passwd",
    "x-unknown:thing",
    "",
    "   ",
    "jav&#x09;ascript:alert(1)",
    "%6Aavascript:alert(1)",
];

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ".{0,24}",
        2 => prop::sample::select(AWKWARD_TEXT).prop_map(str::to_owned),
        1 => prop::sample::select(VOCABULARY).prop_map(str::to_owned),
    ]
}

fn words() -> impl Strategy<Value = String> {
    any_text().prop_map(|t| if t.trim().is_empty() { format!("{t}text") } else { t })
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(URLS).prop_map(str::to_owned),
        1 => "(https?|mailto|javascript|data|[a-z]{1,6}):.{0,12}",
        1 => ".{0,16}",
    ]
}

fn timestamp() -> impl Strategy<Value = String> {
    (
        0u32..=9999,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..=60,
        prop::option::of(0u32..1000),
        prop_oneof![
            Just("Z".to_owned()),
            (0u32..24, 0u32..60, any::<bool>()).prop_map(|(h, m, east)| format!("{}{h:02}:{m:02}", if east { '+' } else { '-' })),
        ],
    )
        .prop_map(|(y, mo, d, h, mi, s, ms, offset)| {
            let fraction = ms.map(|ms| format!(".{ms:03}")).unwrap_or_default();
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}{offset}")
        })
}

/// Adds `key: value` to `object` when there is a value.
fn put(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        object.insert(key.to_owned(), value);
    }
}

fn span() -> impl Strategy<Value = Value> {
    (any_text(), any::<[bool; 8]>(), prop::option::of(url())).prop_map(|(text, marks, href)| {
        let mut span = Map::new();
        span.insert("text".into(), text.into());
        for (mark, on) in ["bold", "italic", "code", "underline", "strike", "sup", "sub", "lineBreak"].into_iter().zip(marks) {
            put(&mut span, mark, on.then_some(json!(true)));
        }
        put(&mut span, "href", href.map(Value::from));
        Value::Object(span)
    })
}

/// A list item: inline text, or an item with a nested list (at most `depth` levels more).
fn list_item(depth: u32) -> BoxedStrategy<Value> {
    if depth == 0 {
        return inline().boxed();
    }
    prop_oneof![
        3 => inline(),
        1 => (inline(), any::<Option<bool>>(), prop::collection::vec(list_item(depth - 1), 0..3))
            .prop_map(|(text, ordered, items)| json!({ "text": text, "ordered": ordered, "items": items })),
    ]
    .boxed()
}

fn inline() -> impl Strategy<Value = Value> {
    prop_oneof![any_text().prop_map(Value::from), prop::collection::vec(span(), 0..4).prop_map(Value::Array)]
}

fn image_fields() -> impl Strategy<Value = Map<String, Value>> {
    (url(), any_text(), prop::option::of(inline()), prop::option::of(any_text()), prop::option::of((0u32..5000, 0u32..5000))).prop_map(
        |(src, alt, caption, credit, size)| {
            let mut image = Map::new();
            image.insert("src".into(), src.into());
            image.insert("alt".into(), alt.into());
            put(&mut image, "caption", caption);
            put(&mut image, "credit", credit.map(Value::from));
            if let Some((w, h)) = size {
                image.insert("width".into(), w.into());
                image.insert("height".into(), h.into());
            }
            image
        },
    )
}

fn block() -> impl Strategy<Value = Value> {
    prop_oneof![
        inline().prop_map(|text| json!({ "type": "paragraph", "text": text })),
        (inline(), prop::option::of(prop_oneof![Just(2.0), Just(3.0), Just(4.0), Just(6.0)])).prop_map(|(text, level)| {
            let mut block = json!({ "type": "heading", "text": text });
            if let Some(level) = level {
                block["level"] = json!(level);
            }
            block
        }),
        (inline(), prop::option::of(any_text())).prop_map(|(text, cite)| json!({ "type": "quote", "text": text, "cite": cite })),
        (any::<Option<bool>>(), prop::collection::vec(list_item(2), 0..4))
            .prop_map(|(ordered, items)| json!({ "type": "list", "ordered": ordered, "items": items })),
        (prop::collection::vec(prop::collection::vec(inline(), 0..4), 0..4), any::<Option<bool>>(), prop::option::of(inline()))
            .prop_map(|(rows, header, caption)| json!({ "type": "table", "rows": rows, "header": header, "caption": caption })),
        (any_text(), prop::option::of(any_text()))
            .prop_map(|(text, language)| json!({ "type": "code", "text": text, "language": language })),
        image_fields().prop_map(|mut image| {
            image.insert("type".into(), "image".into());
            Value::Object(image)
        }),
        (url(), prop::option::of(url()), prop::option::of(inline()))
            .prop_map(|(src, poster, caption)| json!({ "type": "video", "src": src, "poster": poster, "caption": caption })),
        Just(json!({ "type": "divider" })),
        "[a-z-]{1,10}".prop_map(|kind| json!({ "type": format!("x-{kind}"), "anything": [1, { "a": null }] })),
    ]
}

fn link() -> impl Strategy<Value = Value> {
    (any_text(), prop::option::of(url())).prop_map(|(name, url)| json!({ "name": name, "url": url }))
}

fn related_item() -> impl Strategy<Value = Value> {
    (any_text(), url(), prop::option::of(any_text()), prop::option::of(timestamp()), prop::option::of(url()), prop::option::of(prop_oneof!["PT[0-9]{1,2}M[0-9]{1,2}S", ".{0,6}"]), prop::option::of(url()))
        .prop_map(|(title, url, source, date, image, duration, article)| {
            json!({ "title": title, "url": url, "source": source, "datePublished": date, "image": image, "duration": duration, "article": article })
        })
}

fn related_list() -> impl Strategy<Value = Value> {
    (
        any_text(),
        prop::option::of(prop::sample::select(&["plain", "ranked", "video", "carousel"][..])),
        prop::collection::vec(related_item(), 0..4),
        prop::option::of(url()),
        prop::option::of(url()),
    )
        .prop_map(|(title, style, items, src, more)| json!({ "title": title, "style": style, "items": items, "src": src, "moreUrl": more }))
}

fn comments() -> impl Strategy<Value = Value> {
    (0u64..100_000, prop::option::of(url()), prop::collection::vec((any_text(), any_text(), prop::option::of(timestamp())), 0..4)).prop_map(
        |(count, url, items)| {
            let items: Vec<Value> =
                items.into_iter().map(|(author, text, date)| json!({ "author": author, "text": text, "datePublished": date })).collect();
            json!({ "count": count, "url": url, "items": items })
        },
    )
}

/// A document the contract says must render.
fn valid_article() -> impl Strategy<Value = Value> {
    let head = (
        prop::option::of(prop::sample::select(&["en", "zh-TW", "ja", "fr", "not a tag"][..])),
        words(),
        prop::option::of(any_text()),
        prop::option::of(link()),
        prop::option::of((any_text(), prop::option::of(url()), prop::option::of(url()))),
        prop::collection::vec((any_text(), prop::option::of(url())), 0..4),
        timestamp(),
        prop::option::of(timestamp()),
        prop::option::of(prop::sample::select(&["Asia/Taipei", "UTC", "Not/AZone"][..])),
    );
    let rest = (
        prop::option::of(image_fields()),
        prop::collection::vec(block(), 0..8),
        prop::option::of(any_text()),
        prop::option::of(url()),
        prop::collection::vec(link(), 0..4),
        prop::collection::vec(related_list(), 0..3),
        prop::option::of(comments()),
    );
    (head, rest).prop_map(
        |(
            (lang, headline, sub, section, publisher, authors, published, modified, zone),
            (image, body, credits, original, tags, lists, comments),
        )| {
            let mut doc = Map::new();
            doc.insert("version".into(), json!(1));
            put(&mut doc, "lang", lang.map(Value::from));
            doc.insert("headline".into(), headline.into());
            put(&mut doc, "subheadline", sub.map(Value::from));
            put(&mut doc, "section", section);
            put(&mut doc, "publisher", publisher.map(|(name, url, logo)| json!({ "name": name, "url": url, "logo": logo })));
            doc.insert("authors".into(), authors.into_iter().map(|(name, url)| json!({ "name": name, "url": url })).collect());
            doc.insert("datePublished".into(), published.into());
            put(&mut doc, "dateModified", modified.map(Value::from));
            put(&mut doc, "timeZone", zone.map(Value::from));
            put(&mut doc, "image", image.map(Value::Object));
            doc.insert("body".into(), body.into());
            put(&mut doc, "credits", credits.map(Value::from));
            put(&mut doc, "originalUrl", original.map(Value::from));
            doc.insert("tags".into(), tags.into());
            doc.insert("lists".into(), lists.into());
            put(&mut doc, "comments", comments);
            Value::Object(doc)
        },
    )
}

/// Any JSON, shaped like an article often enough to reach deep into the checks.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u8..5).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any_text().prop_map(Value::from),
    ];
    let key = prop_oneof![4 => prop::sample::select(VOCABULARY).prop_map(str::to_owned), 1 => ".{0,8}"];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..10).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Renders a checked article the way a mount would, to HTML.
fn render(parsed: Parsed) -> String {
    thread_local! {
        static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    }
    let props = yew::props!(folio::components::FolioViewProps {
        view: View::Article { article: Rc::new(parsed.article), base: None },
        generation: 1,
        options: Rc::new(RenderOptions { now_ms: Some(NOW_MS), ..RenderOptions::default() }),
        platform: PlatformRef(Rc::new(PlainPlatform { now_ms: NOW_MS })),
    });
    RUNTIME.with(|rt| rt.block_on(LocalServerRenderer::<FolioView>::with_props(props).hydratable(false).render()))
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Every string value in a document, with the key that holds it.
fn strings<'a>(value: &'a Value, key: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    match value {
        Value::String(text) => out.push((key, text)),
        Value::Array(items) => items.iter().for_each(|item| strings(item, key, out)),
        Value::Object(fields) => fields.iter().for_each(|(k, item)| strings(item, k, out)),
        _ => {}
    }
}

/// The attributes of one start tag as Yew writes them: `name="value"` or a bare `name`, up to `>`.
fn attributes(mut rest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest.starts_with('>') || rest.starts_with("/>") {
            return out;
        }
        let end = rest.find(|c: char| c == '=' || c == '>' || c.is_whitespace()).unwrap_or(rest.len());
        let name = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').unwrap_or(quoted.len());
            value = quoted[..close].to_owned();
            rest = quoted.get(close + 1..).unwrap_or_default();
        }
        out.push((name, value));
    }
}

/// Elements no document may ever bring into the page.
const FORBIDDEN_TAGS: &[&str] = &[
    "script", "iframe", "frame", "object", "embed", "style", "svg", "math", "base", "form", "meta", "link", "template", "input",
    "textarea", "select", "noscript", "applet", "portal", "frameset",
];

fn check_rendered(doc: &Value, html: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(html.matches("<h1").count(), 1, "one <h1>");
    // Text is escaped, so every `<` in the output opens an element the components wrote.
    for tag in html.split('<').skip(1).filter(|t| !t.starts_with('/')) {
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>().to_ascii_lowercase();
        prop_assert!(!FORBIDDEN_TAGS.contains(&name.as_str()), "<{}> in {}", name, html);
        for (attribute, value) in attributes(&tag[name.len()..]) {
            prop_assert!(!attribute.starts_with("on"), "{} on <{}>", attribute, name);
            if ["href", "src", "poster", "srcset", "action", "formaction", "xlink:href"].contains(&attribute.as_str()) {
                let value = unescape(&value);
                let clean = sanitize(&value);
                prop_assert_eq!(clean.as_deref(), Some(value.as_str()), "{}=\"{}\"", attribute, value);
            }
        }
    }
    // Every text the reader should see is there, exactly as written (the markup escaped).
    let shown = unescape(html);
    let mut texts = Vec::new();
    strings(doc, "", &mut texts);
    for (key, text) in texts {
        let shown_as_text = matches!(
            key,
            "headline"
                | "subheadline"
                | "name"
                | "text"
                | "cite"
                | "credit"
                | "caption"
                | "credits"
                | "title"
                | "source"
                | "author"
                | "alt"
        );
        if shown_as_text && !text.trim().is_empty() {
            prop_assert!(shown.contains(text), "{}: {:?} not shown", key, text);
        }
    }
    Ok(())
}

/// Places in a document: (path as errors name it, JSON pointer).
fn places(value: &Value, path: &str, pointer: &str, out: &mut Vec<(String, String)>) {
    let children: Vec<(String, String, &Value)> = match value {
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (format!("{path}[{i}]"), format!("{pointer}/{i}"), v)).collect(),
        Value::Object(fields) => fields
            .iter()
            .map(|(k, v)| {
                (
                    if path.is_empty() { k.clone() } else { format!("{path}.{k}") },
                    format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1")),
                    v,
                )
            })
            .collect(),
        _ => return,
    };
    for (p, ptr, v) in children {
        out.push((p.clone(), ptr.clone()));
        places(v, &p, &ptr, out);
    }
}

/// Whether `path` is `inside` or within it (`body[1]` holds `body[1].text`, not `body[10]`).
fn within(path: &str, inside: &str) -> bool {
    path == inside || path.strip_prefix(inside).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

proptest! {
    #[test]
    fn arbitrary_json_never_panics_and_text_and_value_agree(value in any_json()) {
        let text = value.to_string();
        let from_text = parse_text(&text);
        let from_value = parse_value(value.clone());
        prop_assert_eq!(from_text.is_ok(), from_value.is_ok(), "{}", text);
        match (from_text, from_value) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(&a, &b);
                render(a);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.path, b.path, "{}", text),
            _ => unreachable!(),
        }
        let _ = parse_list_page(&text);
    }

    #[test]
    fn arbitrary_text_never_panics_the_parsers(text in prop_oneof![".*", "[\\[\\]{}\":,0-9a-z\\\\ ]{0,64}"]) {
        if let Ok(parsed) = parse_text(&text) {
            render(parsed);
        }
        let _ = parse_list_page(&text);
    }

    #[test]
    fn arbitrary_utf16_from_javascript_never_panics(units in prop::collection::vec(prop_oneof![any::<u16>(), 0xD800u16..0xE000, Just(u16::from(b'"')), Just(u16::from(b'\\'))], 0..64)) {
        // wasm-bindgen turns each lone surrogate of a JavaScript string into U+FFFD.
        let _ = parse_text(&String::from_utf16_lossy(&units));
        let wrapped: Vec<u16> = r#"{"headline":""#.encode_utf16().chain(units).chain(r#"","datePublished":"2026-01-01T00:00:00Z","body":[]}"#.encode_utf16()).collect();
        let _ = parse_text(&String::from_utf16_lossy(&wrapped));
    }

    #[test]
    fn a_prerendered_articles_markup_has_the_shape_a_browser_parses(doc in valid_article()) {
        let page = folio::prerender::prerender(&doc.to_string(), &Default::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let main = &page.html[page.html.find("<main").unwrap()..page.html.find("</main>").unwrap()];
        let article = &main[main.find('>').unwrap() + 1..];
        prop_assert!(main.contains(" data-folio-prerendered=\"") && article.contains("<!--<#>-->"), "the body is marked for hydration");
        prop_assert_eq!(TreeShape::of_rendered_markup(article), parsed_shape(article));
    }

    #[test]
    fn valid_articles_parse_alike_from_text_and_value_and_render_every_text(doc in valid_article()) {
        let text = doc.to_string();
        let parsed = parse_text(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(&parsed, &parse_value(doc.clone()).unwrap());
        let html = render(parsed);
        check_rendered(&doc, &html)?;
    }

    #[test]
    fn one_bad_value_anywhere_is_reported_at_or_inside_its_place(doc in valid_article(), pick in any::<prop::sample::Index>(), bad in any_json()) {
        let mut all = Vec::new();
        places(&doc, "", "", &mut all);
        prop_assume!(!all.is_empty());
        let (path, pointer) = &all[pick.index(all.len())];
        let mut broken = doc.clone();
        *broken.pointer_mut(pointer).unwrap() = bad;
        let text = broken.to_string();
        match parse_text(&text) {
            Ok(parsed) => { render(parsed); }
            Err(error) => {
                // A new block type reads other fields: the error is then anywhere in the block.
                let place = if path.ends_with(".type") && path.starts_with("body[") { path.trim_end_matches(".type") } else { path.as_str() };
                prop_assert!(within(&error.path, place), "broke {} but the error is at {:?}: {}", path, error.path, error.message);
                prop_assert_eq!(&parse_value(broken).unwrap_err().path, &error.path);
            }
        }
    }

    #[test]
    fn an_update_is_the_document_read_whole_sharing_every_unchanged_block(doc in valid_article(), edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, block()), 1..4)) {
        let mut changed = doc.clone();
        let body = changed["body"].as_array_mut().unwrap();
        for (at, edit, block) in edits {
            let count = body.len();
            match edit {
                0 => body.insert(at.index(count + 1), block),
                1 if count > 0 => { body.remove(at.index(count)); }
                _ if count > 0 => body[at.index(count)] = block,
                _ => body.push(block),
            }
        }
        let before = parse_text(&doc.to_string()).unwrap().article;
        let whole = parse_text(&changed.to_string()).unwrap().article;
        let updated = whole.clone().sharing_blocks_with(&before);
        prop_assert_eq!(&updated, &whole);
        for (index, block) in updated.body.iter().enumerate() {
            if before.body.get(index) == Some(block) {
                prop_assert!(Rc::ptr_eq(&before.body[index], block), "block {} is unchanged but not shared", index);
            }
        }
    }

    #[test]
    fn a_truncated_document_reports_line_and_column(doc in valid_article(), cut in any::<prop::sample::Index>()) {
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let error = parse_text(&text[..at]).unwrap_err();
        prop_assert_eq!(error.path, "");
        prop_assert!(error.position.is_some(), "{}", error.message);
    }

    #[test]
    fn the_sanitiser_returns_only_clean_safe_urls(raw in prop_oneof![url(), ".{0,24}", "[\\x00-\\x20]{0,3}[a-zA-Z\\t\\n\\r]{0,12}:.{0,8}"]) {
        if let Some(clean) = sanitize(&raw) {
            prop_assert!(!clean.contains(['\t', '\n', '\r']));
            prop_assert!(!clean.starts_with(|c: char| c <= ' ') && !clean.ends_with(|c: char| c <= ' '));
            prop_assert_eq!(sanitize(&clean), Some(clean.clone()), "a fixed point");
            if let Some((scheme, _)) = clean.split_once(':') {
                let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
                prop_assert!(!is_scheme || ["http", "https", "mailto"].contains(&scheme.to_ascii_lowercase().as_str()), "{:?}", clean);
            }
        }
    }

    #[test]
    fn hostile_schemes_are_refused_however_they_are_spelled(
        scheme in prop::sample::select(&["javascript", "data", "vbscript", "file", "blob", "livescript", "jar", "view-source", "x-custom"][..]),
        upper in prop::collection::vec(any::<bool>(), 16),
        inserts in prop::collection::vec((0usize..16, prop::sample::select(&["\t", "\n", "\r"][..])), 0..4),
        lead in "[\\x00-\\x20]{0,4}",
        trail in "[\\x00-\\x20]{0,4}",
    ) {
        let mut spelled: String = scheme.chars().zip(upper.iter().cycle()).map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c }).collect();
        for (at, insert) in inserts {
            let at = at.min(spelled.len());
            spelled.insert_str(at, insert);
        }
        let raw = format!("{lead}{spelled}:alert(document.domain){trail}");
        prop_assert_eq!(sanitize(&raw), None, "{:?}", raw);
    }
}
