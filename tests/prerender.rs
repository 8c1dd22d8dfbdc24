//! Prerendered pages (contract section 4), natively: the `folio-prerender` command and the pages
//! it writes. Each sample's page is a snapshot in `tests/snapshots/prerender/`; after a change
//! that is meant to change them, `UPDATE_SNAPSHOTS=1 cargo test --test prerender` writes them
//! again, and the diff is reviewed like code.
#![cfg(not(target_arch = "wasm32"))]

use folio::hydration::TreeShape;
use folio::prerender::{prerender, PrerenderOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "common/parsed_shape.rs"]
mod parsed_shape;
use parsed_shape::parsed_shape;

const SAMPLES: [&str; 5] = ["ar", "en", "ja", "zh-CN", "zh-TW"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(root().join("static/samples").join(format!("{name}.json"))).unwrap()
}

fn page_of(text: &str) -> String {
    prerender(text, &PrerenderOptions::default()).unwrap().html
}

/// The text between `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start} not in the page")) + start.len();
    &html[from..from + html[from..].find(end).unwrap()]
}

fn json_ld(html: &str) -> Value {
    serde_json::from_str(between(html, "<script type=\"application/ld+json\">", "</script>")).unwrap()
}

#[test]
fn each_samples_page_is_its_snapshot() {
    let dir = root().join("tests/snapshots/prerender");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for name in SAMPLES {
        let html = page_of(&sample(name));
        let file = dir.join(format!("{name}.html"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &html).unwrap();
            continue;
        }
        let expected =
            std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_SNAPSHOTS=1", file.display()));
        assert!(html == expected, "{name}: the page differs from {} (UPDATE_SNAPSHOTS=1 writes it again)", file.display());
    }
}

#[test]
fn the_page_has_the_head_a_publisher_needs() {
    let html = page_of(&sample("zh-TW"));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-TW\" dir=\"ltr\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert_eq!(between(&html, "<title>", "</title>"), "中央公園夜市全面行動支付上路　攤商：尖峰找零時間省一半");
    let canonical = "https://news.example.com/local/2026/02/14/zhongyang-park-night-market-cashless";
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")));
    for property in [
        "og:type",
        "og:title",
        "og:description",
        "og:url",
        "og:image",
        "og:site_name",
        "article:published_time",
        "article:modified_time",
        "article:section",
        "article:tag",
    ] {
        assert!(html.contains(&format!("<meta property=\"{property}\" content=\"")), "{property}");
    }
    assert_eq!(html.matches("<script type=\"application/ld+json\">").count(), 1);
    let ld = json_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "中央公園夜市全面行動支付上路　攤商：尖峰找零時間省一半");
    assert_eq!(ld["datePublished"], "2026-02-14T18:30:00+08:00");
    assert_eq!(ld["dateModified"], "2026-02-14T21:05:00+08:00");
    assert_eq!(ld["inLanguage"], "zh-TW");
    assert_eq!(ld["articleSection"], "地方");
    assert_eq!(ld["mainEntityOfPage"]["@id"], canonical);
    assert_eq!(
        ld["author"][0],
        serde_json::json!({ "@type": "Person", "name": "陳怡君", "url": "https://news.example.com/staff/chen-yi-chun" })
    );
    assert_eq!(ld["publisher"]["@type"], "Organization");
    assert_eq!(ld["publisher"]["logo"]["url"], "https://news.example.com/logo.svg");
    assert!(ld["description"].as_str().unwrap().starts_with("120攤"));
    assert_eq!(ld["image"][0], "https://news.example.com/img/2026/02/night-market-qr-lead.jpg");
}

#[test]
fn the_article_is_whole_with_absolute_dates_and_no_relative_ones() {
    let html = page_of(&sample("zh-TW"));
    let article = between(&html, "<main class=\"folio-prerendered\"", "</main>");
    let (attributes, article) = article.split_once('>').unwrap();
    assert!(article.contains("<article"));
    assert!(article.contains("<h1"));
    assert!(article.contains(">2026年2月14日 18:30</time>"), "the published time as Chromium's Intl writes it");
    assert!(!article.contains("folio-relative"), "\"… ago\" is only true while someone reads the page");
    assert!(!html.contains("data-folio-notice"), "no \"update your browser\" notice over a prerendered article");
    // The document travels in the page for the browser.
    let data: Value = serde_json::from_str(between(&html, "<script type=\"application/json\" data-folio-document>", "</script>")).unwrap();
    assert_eq!(data, serde_json::from_str::<Value>(&sample("zh-TW")).unwrap());
    assert!(html.contains("<script type=\"module\" src=\"./folio-start.js\"></script>"));
    assert!(!between(&html, "<body>", "</body>").contains("<script"), "the body holds the article, no script");
    // What the browser needs to hydrate it: the article's shape as written, and the zone its
    // dates were written in when the document names none.
    let shape = TreeShape::of_rendered_markup(article).hex();
    assert_eq!(attributes, format!(" data-folio-prerendered=\"{shape}\" data-folio-time-zone=\"UTC\""));
    assert!(article.starts_with("<!--<[folio::components::folio_view::FolioView]>-->"), "Yew's component marks are written");
}

#[test]
fn the_tree_shape_follows_elements_and_comments_but_not_text_or_attributes() {
    let html = between(&page_of(&sample("en")), "<main class=\"folio-prerendered\"", "</main>").split_once('>').unwrap().1.to_owned();
    let shape = TreeShape::of_rendered_markup(&html);
    let headline = html.find("<h1 class=\"folio-headline\">").unwrap();
    let touched = |from: &str, to: &str| TreeShape::of_rendered_markup(&html.replacen(from, to, 1));
    assert_eq!(touched("<h1 class=\"folio-headline\">", "<h1 data-extension=\"1\" class=\"folio-headline\">"), shape);
    assert_eq!(
        TreeShape::of_rendered_markup(&format!("{}Another headline{}", &html[..headline + 27], &html[html.find("</h1>").unwrap()..])),
        shape
    );
    assert_ne!(touched("<h1 class=\"folio-headline\">", "<h1 class=\"folio-headline\"><span></span>"), shape);
    assert_ne!(touched("<!--<[folio::components::article_view::ArticleView]>-->", ""), shape);
    assert_ne!(touched("<h1 class=\"folio-headline\">", "<h2 class=\"folio-headline\">"), shape);
}

#[test]
fn the_rendered_markup_has_the_shape_a_browser_parses() {
    let fixtures = ["every-field.json", "minimal.json", "nav-first.json"]
        .map(|name| std::fs::read_to_string(root().join("tests/fixtures").join(name)).unwrap_or_else(|_| panic!("tests/fixtures/{name}")));
    let extended = r#"{ "headline": "h", "datePublished": "2026-05-04T18:00:00Z", "body": [
        { "type": "heading", "level": 5, "text": "x" }, { "type": "list", "items": [{ "text": "a", "items": ["b"] }] },
        { "type": "table", "header": true, "caption": "c", "rows": [["a"], [[{ "text": "b", "lineBreak": true }]]] },
        { "type": "code", "text": "<p>not a tag</p>" }, { "type": "paragraph", "text": "a <b> & </p>" } ] }"#;
    let hostile = serde_json::json!({
        "headline": "</h1><!-- not a comment --><p>", "datePublished": "2026-05-04T18:00:00Z",
        "image": { "src": "https://x.example/a.jpg?\">", "alt": "a\"><b title='>'>", "caption": "-->" },
        "body": [ { "type": "paragraph", "text": [ { "text": "<br>", "href": "https://x.example/?a=\"><hr>" } ] } ],
    });
    let documents = SAMPLES.iter().map(|name| sample(name)).chain(fixtures).chain([extended.to_owned(), hostile.to_string()]);
    for (i, text) in documents.enumerate() {
        let html = page_of(&text);
        let article = between(&html, "<main class=\"folio-prerendered\"", "</main>").split_once('>').unwrap().1;
        assert_eq!(TreeShape::of_rendered_markup(article), parsed_shape(article), "document {i}");
    }
    // A tree builder moves what the tokens say: a block element closes the paragraph around it.
    assert_ne!(TreeShape::of_rendered_markup("<p>a<div>b</div>c</p>"), parsed_shape("<p>a<div>b</div>c</p>"));
}

#[test]
fn no_document_text_can_end_a_script_or_become_markup() {
    let hostile = "</script><script>alert(1)</script><!--";
    let text = serde_json::json!({
        "headline": hostile,
        "subheadline": format!("\"><img src=x onerror=alert(1)> {hostile}"),
        "datePublished": "2026-01-01T00:00:00Z",
        "url": "https://news.example/a?x=\"<b>",
        "authors": [{ "name": hostile, "url": "javascript:alert(1)" }],
        "body": [{ "type": "paragraph", "text": hostile }],
    })
    .to_string();
    let html = page_of(&text);
    // Every script element ends where Folio ended it.
    assert_eq!(html.matches("</script>").count(), html.matches("<script").count());
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("href=\"javascript:") && !json_ld(&html).to_string().contains("javascript:"));
    assert_eq!(json_ld(&html)["headline"], hostile);
    assert_eq!(between(&html, "<title>", "</title>"), "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--");
}

#[test]
fn only_safe_absolute_urls_reach_the_head() {
    let text = |url: &str| {
        serde_json::json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "url": url, "image": { "src": url, "alt": "" }, "body": [] })
            .to_string()
    };
    // A protocol-relative URL whose port does not parse, a script URL, a relative one with no
    // base: none is a canonical, an og:url or an image.
    for url in ["//news.example:99999/a", "javascript:alert(1)", "/relative/path", "mailto:desk@news.example"] {
        let html = page_of(&text(url));
        assert!(!html.contains("rel=\"canonical\""), "{url}");
        assert!(!html.contains("og:url") && !html.contains("og:image"), "{url}");
        assert!(json_ld(&html).get("mainEntityOfPage").is_none(), "{url}");
    }
    // Nor is a URL that does not parse a link in the article.
    let linked = serde_json::json!({ "headline": "h", "datePublished": "2026-01-01T00:00:00Z",
        "body": [{ "type": "paragraph", "text": [{ "text": "SPAN", "href": "//news.example:99999/a" }, { "text": "OK", "href": "/a" }] }] });
    let html = page_of(&linked.to_string());
    assert!(!html.contains("href=\"//news.example:99999/a\""));
    assert!(html.contains("href=\"/a\""), "a relative URL that parses stays a link");
    let html = page_of(&text("HTTPS://News.Example/a b"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://news.example/a%20b\">"), "written as the WHATWG parser reads it");
}

#[test]
fn dates_follow_the_language_and_zone_given_when_the_document_names_none() {
    let text = r#"{ "headline": "h", "datePublished": "2026-03-01T12:00:00Z", "body": [] }"#;
    let options = PrerenderOptions { lang: Some("ja".into()), time_zone: Some("Asia/Tokyo".into()), ..PrerenderOptions::default() };
    let page = prerender(text, &options).unwrap();
    assert!(page.html.starts_with("<!doctype html>\n<html lang=\"ja\""));
    assert!(page.html.contains(">2026年3月1日 21:00</time>"));
    let unknown = PrerenderOptions { time_zone: Some("Nowhere/Special".into()), ..PrerenderOptions::default() };
    let page = prerender(text, &unknown).unwrap();
    assert!(page.html.contains(">March 1, 2026 at 12:00 PM</time>"), "UTC instead: {}", page.html);
    assert_eq!(page.warnings, vec!["unknown time zone \"Nowhere/Special\"; times are shown in UTC".to_owned()]);
}

fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_folio-prerender"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-prerender-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_command_reads_standard_input_and_writes_standard_output() {
    let mut child =
        command().args(["--assets", "https://cdn.example/folio/"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(sample("en").as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains("<link rel=\"stylesheet\" href=\"https://cdn.example/folio/folio.css\">"));
    assert!(html.contains("src=\"https://cdn.example/folio/folio-start.js\""));
}

#[test]
fn a_bad_document_exits_non_zero_with_its_path_and_writes_no_page() {
    let dir = scratch("bad");
    let input = dir.join("bad.json");
    std::fs::write(
        &input,
        r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [{ "type": "heading", "level": 9, "text": "x" }] }"#,
    )
    .unwrap();
    let output_file = dir.join("bad.html");
    let output = command().arg(&input).arg("-o").arg(&output_file).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("body[0].level"), "{stderr}");
    assert!(!output_file.exists());
}

#[test]
fn many_inputs_go_to_an_out_dir_and_one_bad_one_spoils_only_itself() {
    let dir = scratch("many");
    let mut inputs = Vec::new();
    for name in SAMPLES {
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, sample(name)).unwrap();
        inputs.push(file);
    }
    let bad = dir.join("broken.json");
    std::fs::write(&bad, "{ \"headline\": ").unwrap();
    inputs.push(bad);
    let out = dir.join("pages");
    let output = command().arg("--out-dir").arg(&out).arg("--index").args(&inputs).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8(output.stderr).unwrap().contains("broken.json"));
    for name in SAMPLES {
        let html = std::fs::read_to_string(out.join(format!("{name}.html"))).unwrap();
        assert_eq!(html, page_of(&sample(name)), "{name}");
    }
    assert!(!out.join("broken.html").exists());
    // The index lists the pages written, by file name, with their headlines.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let links: Vec<&str> = index.match_indices("<a href=\"").map(|(at, _)| between(&index[at..], "<a href=\"", "\"")).collect();
    assert_eq!(links, SAMPLES.map(|name| format!("{name}.html")));
    assert!(index.contains("lang=\"zh-TW\">中央公園夜市全面行動支付上路　攤商：尖峰找零時間省一半</a>"));
}
