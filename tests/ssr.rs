//! Components rendered to HTML with Yew's server renderer, natively. Times come from
//! `PlainPlatform` (UTC, English), so the markup is exact and needs no browser.
#![cfg(not(target_arch = "wasm32"))]

use folio::components::{ErrorAlert, ErrorAlertProps, FolioView, FolioViewProps, View};
use folio::model::{parse_text, DocError};
use folio::options::RenderOptions;
use folio::platform::{PlainPlatform, PlatformRef};
use std::path::Path;
use std::rc::Rc;
use yew::{AttrValue, LocalServerRenderer};

/// 2026-05-04T20:00:00Z: 2 hours after the fixture's publication (18:00Z).
const NOW_MS: f64 = 1_777_924_800_000.0;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

fn props(view: View, lang: Option<&str>) -> FolioViewProps {
    FolioViewProps {
        view,
        generation: 1,
        options: Rc::new(RenderOptions { now_ms: Some(NOW_MS), lang: lang.map(str::to_owned), ..RenderOptions::default() }),
        platform: PlatformRef(Rc::new(PlainPlatform { now_ms: NOW_MS })),
        id_prefix: AttrValue::Static("t"),
        on_outcome: Default::default(),
        on_navigate: None,
        focus_headline: false,
        pending: None,
    }
}

async fn render_text(text: &str) -> String {
    let parsed = parse_text(text).unwrap();
    let view = View::Article { article: Rc::new(parsed.article), base: None };
    LocalServerRenderer::<FolioView>::with_props(props(view, None)).hydratable(false).render().await
}

#[tokio::test(flavor = "current_thread")]
async fn minimal_article_renders_exactly() {
    let html = render_text(&fixture("minimal.json")).await;
    assert_eq!(
        html,
        concat!(
            r#"<article lang="en" class="folio-article"><header class="folio-header">"#,
            r#"<h1 class="folio-headline">Fixture: a headline and nothing else</h1>"#,
            r#"<div class="folio-meta"><p class="folio-dates"><span class="folio-date"><span class="folio-date-label">Published</span> "#,
            r#"<span class="folio-timestamp"><time datetime="2026-01-01T00:00:00Z" title="2026-01-01 00:00 UTC">2026-01-01 00:00 UTC</time> "#,
            r#"<span class="folio-relative">4 months ago</span></span></span></p></div></header>"#,
            r#"<div class="folio-body"></div></article>"#,
        )
    );
}

#[tokio::test(flavor = "current_thread")]
async fn body_blocks_render_as_their_elements_in_order() {
    let html = render_text(&fixture("every-field.json")).await;
    let body = &html[html.find(r#"<div class="folio-body">"#).unwrap()..html.find(r#"<footer class="folio-footer">"#).unwrap()];
    assert_eq!(
        body,
        concat!(
            r#"<div class="folio-body">"#,
            r#"<p>The comet was <strong>bright</strong>, <em>green</em> and catalogued as <code>C/2026 A1</code> ("#,
            r#"<a href="https://example.org/c2026a1" class="folio-link">details</a>).</p>"#,
            r#"<h2 class="folio-heading">Where to look</h2><h3 class="folio-heading">Before midnight</h3>"#,
            r#"<blockquote class="folio-quote"><p>We had waited eleven years.</p><footer class="folio-quote-cite"><cite>The observatory's director</cite></footer></blockquote>"#,
            r#"<ul class="folio-list"><li>North-west</li><li><strong>Low</strong> on the horizon</li></ul>"#,
            r#"<ol class="folio-list"><li>Find the Plough</li><li>Follow its handle</li></ol>"#,
            r#"<figure class="folio-figure"><img src="https://news.example.com/img/dome.jpg" alt="The dome" width="800" height="600" loading="lazy" decoding="async" class="folio-image"></figure>"#,
            r#"<figure class="folio-figure folio-video"><video src="https://news.example.com/v.mp4" poster="https://news.example.com/v.jpg" preload="none" controls="controls" playsinline="playsinline" class="folio-video-player"></video>"#,
            r#"<figcaption class="folio-caption"><span class="folio-caption-text">Time-lapse.</span></figcaption></figure>"#,
            r#"<hr class="folio-divider">"#,
            r#"<p>Clouds are expected from Thursday.</p>"#,
            r#"</div>"#,
        )
    );
}

#[tokio::test(flavor = "current_thread")]
async fn header_shows_section_byline_and_both_times() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html.contains(r#"<p class="folio-kicker"><a href="https://news.example.com/science" class="folio-section">Science</a></p>"#));
    assert!(html.contains(r#"<span class="folio-authors">By <a href="https://news.example.com/staff/ines" rel="author">Ines Park</a>, <span>Omar Said</span> and <span>Lea Roth</span></span>"#), "{html}");
    assert!(html.contains(r#"<time datetime="2026-05-04T20:00:00+02:00" title="2026-05-04 18:00 UTC">2026-05-04 18:00 UTC</time> <span class="folio-relative">2 hours ago</span>"#));
    assert!(html.contains(r#"<span class="folio-date-label">Updated</span> <span class="folio-timestamp"><time datetime="2026-05-04T21:30:00+02:00""#));
    assert!(html.contains(r#"<span class="folio-relative">30 minutes ago</span>"#));
    assert_eq!(html.matches("<h1").count(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn related_lists_are_labelled_sections_and_ranked_lists_are_numbered() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html.contains(r#"<section aria-labelledby="t-list-0" class="folio-related folio-related-ranked"><h2 id="t-list-0" class="folio-related-title">Most read</h2><ol class="folio-related-items">"#));
    assert!(html.contains(r#"<span aria-hidden="true" class="folio-rank">01</span>"#) && html.contains(r#"<span aria-hidden="true" class="folio-rank">02</span>"#));
    assert!(html.contains(r#"<p class="folio-more"><a href="https://news.example.com/most-read">See more</a></p>"#));
    assert!(html.contains(r#"<span aria-label="Length 1:05" class="folio-duration">1:05</span>"#));
    // The unknown style "carousel" is plain, and the javascript: item stays visible as text.
    assert!(html.contains(r#"<section aria-labelledby="t-list-2" class="folio-related folio-related-plain">"#));
    assert!(html.contains(r#"<span class="folio-related-link">Unsafe link stays text</span>"#));
    assert!(!html.contains("javascript:"));
}

#[tokio::test(flavor = "current_thread")]
async fn comments_show_count_items_and_markup_as_text() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html.contains(r#"<h2 id="t-comments" class="folio-comments-title">Comments <span class="folio-comment-count">2 comments</span></h2>"#));
    assert!(html.contains(r#"<p class="folio-comment-text">Saw it &lt;b&gt;twice&lt;/b&gt;!</p>"#));
    let empty = r#"{ "lang": "zh-TW", "headline": "h", "datePublished": "2026-05-04T18:00:00Z", "body": [], "comments": { "count": 0 } }"#;
    let html = render_text(empty).await;
    assert!(html.contains(r#"<span class="folio-comment-count">0 則留言</span>"#), "{html}");
    assert!(html.contains(r#"<p class="folio-comments-empty">目前還沒有留言，搶先發表第一則留言吧。</p>"#));
}

#[tokio::test(flavor = "current_thread")]
async fn footer_has_credits_original_link_and_tags() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html.contains(concat!(
        r#"<footer class="folio-footer"><p class="folio-credits">Additional reporting by the science desk.</p>"#,
        r#"<p class="folio-original"><a href="https://gazette.example.org/comet" target="_blank" rel="noopener noreferrer">View the original article</a></p>"#,
        r#"<ul aria-label="Tags" class="folio-tags"><li><a href="https://news.example.com/tags/astronomy" class="folio-tag">Astronomy</a></li><li><span class="folio-tag">Night sky</span></li></ul></footer>"#
    )));
}

#[tokio::test(flavor = "current_thread")]
async fn ui_words_follow_the_article_language() {
    let zh = r#"{ "lang": "zh-TW", "headline": "標題", "datePublished": "2026-05-04T18:00:00Z", "dateModified": "2026-05-04T19:00:00Z", "body": [],
        "originalUrl": "https://example.org/a", "lists": [ { "title": "最新消息", "moreUrl": "https://example.org/more", "items": [] } ] }"#;
    let html = render_text(zh).await;
    for word in [r#"lang="zh-TW""#, ">發布<", ">更新<", ">閱讀原文<", ">看更多<"] {
        assert!(html.contains(word), "{word} missing in {html}");
    }
    let unknown = r#"{ "lang": "fr", "headline": "Titre", "datePublished": "2026-05-04T18:00:00Z", "body": [] }"#;
    let html = render_text(unknown).await;
    assert!(html.contains(r#"<article lang="fr" class="folio-article">"#) && html.contains(">Published<"));
}

#[tokio::test(flavor = "current_thread")]
async fn markup_in_text_is_escaped_and_unsafe_urls_are_not_links() {
    let hostile = r#"{ "headline": "<script>alert(1)</script>", "datePublished": "2026-05-04T18:00:00Z",
        "image": { "src": "javascript:alert(1)", "alt": "lead <img>" },
        "body": [ { "type": "paragraph", "text": [ { "text": "x", "href": " JAVA\tSCRIPT:alert(1)" } ] },
                  { "type": "video", "src": "data:video/mp4,AAAA", "poster": "vbscript:x" } ],
        "originalUrl": "javascript:alert(1)" }"#;
    let html = render_text(hostile).await;
    assert!(html.contains(r#"<h1 class="folio-headline">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"#));
    assert!(html.contains(r#"<span role="img" aria-label="lead &lt;img&gt;" class="folio-image-missing">lead &lt;img&gt;</span>"#), "{html}");
    assert!(html.contains("<p>x</p>"));
    for bad in ["javascript", "JAVA", "data:", "vbscript", "<script", "<video"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn invalid_documents_render_an_alert_naming_the_path() {
    let error = parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {"type":"paragraph","text":1} ] }"#).unwrap_err();
    let html = LocalServerRenderer::<FolioView>::with_props(props(View::Invalid(Rc::new(error)), None)).hydratable(false).render().await;
    assert!(html.starts_with(r#"<div role="alert" lang="en" class="folio-error"><p class="folio-error-title"><strong>This article cannot be shown</strong></p>"#));
    assert!(html.contains(r#"<p class="folio-error-detail">The problem is at body[0].text.</p>"#), "{html}");

    let json_error = DocError { path: String::new(), message: "EOF".into(), position: Some((3, 14)) };
    let html = LocalServerRenderer::<ErrorAlert>::with_props(ErrorAlertProps {
        lang: "zh-TW".into(),
        error: Some(Rc::new(json_error)),
        fetch_failure: None,
        retry: None,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("（第 3 行，第 14 字）"), "{html}");
    assert!(!html.contains("<button"));
}

#[tokio::test(flavor = "current_thread")]
async fn loading_shows_a_busy_placeholder_in_the_hosts_language() {
    let html = LocalServerRenderer::<FolioView>::with_props(props(View::Loading, Some("zh-TW"))).hydratable(false).render().await;
    assert!(html.starts_with(r#"<div aria-busy="true" lang="zh-TW" class="folio-loading"><p role="status" class="folio-visually-hidden">載入中…</p>"#), "{html}");
}
