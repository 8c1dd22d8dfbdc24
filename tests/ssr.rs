//! Components rendered to HTML with Yew's server renderer, natively. Times come from
//! `PlainPlatform` (UTC, English), so the markup is exact and needs no browser.
#![cfg(not(target_arch = "wasm32"))]

use folio::components::{ArticleView, ArticleViewProps, ErrorAlert, ErrorAlertProps, FolioView, FolioViewProps, Prerendering, View};
use folio::model::time::TimeUnit;
use folio::model::{parse_text, DocError};
use folio::options::{ContentsMode, RenderOptions};
use folio::platform::{PlainPlatform, Platform, PlatformRef};
use std::path::Path;
use std::rc::Rc;
use yew::{AttrValue, Callback, LocalServerRenderer};

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
        prerendered: Prerendering::No,
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
            r#"<article lang="en" dir="ltr" class="folio-article"><header class="folio-header">"#,
            r#"<h1 class="folio-headline">Fixture: a headline and nothing else</h1>"#,
            r#"<div class="folio-meta"><p class="folio-dates"><span class="folio-date"><span class="folio-date-label">Published</span> "#,
            r#"<span class="folio-timestamp"><time datetime="2026-01-01T00:00:00Z" title="2026-01-01 00:00 UTC" aria-hidden="true">2026-01-01 00:00 UTC</time>"#,
            r#"<span class="folio-visually-hidden"> 2026-01-01 00:00 UTC</span> "#,
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
            r#"<div class="folio-body"><div class="folio-body-part">"#,
            r#"<p>The comet was <strong>bright</strong>, <em>green</em> and catalogued as <code>C/2026 A1</code> ("#,
            r#"<a href="https://example.org/c2026a1" class="folio-link">details</a>).</p>"#,
            r#"<div class="folio-section-heading folio-section-heading-2"><h2 id="t-where-to-look" class="folio-heading">Where to look</h2>"#,
            r##"<a href="#t-where-to-look" aria-label="Link to this section: Where to look" class="folio-anchor"></a></div>"##,
            r#"<div class="folio-section-heading folio-section-heading-3"><h3 id="t-before-midnight" class="folio-heading">Before midnight</h3>"#,
            r##"<a href="#t-before-midnight" aria-label="Link to this section: Before midnight" class="folio-anchor"></a></div>"##,
            r#"<blockquote class="folio-quote"><p>We had waited eleven years.</p><footer class="folio-quote-cite"><cite>The observatory's director</cite></footer></blockquote>"#,
            r#"<ul class="folio-list"><li>North-west</li><li><strong>Low</strong> on the horizon</li></ul>"#,
            r#"<ol class="folio-list"><li>Find the Plough</li><li>Follow its handle</li></ol>"#,
            r#"<figure class="folio-figure"><img src="https://news.example.com/img/dome.jpg" alt="The dome" width="800" height="600" loading="lazy" decoding="async" class="folio-image"></figure>"#,
            r#"<figure class="folio-figure folio-video"><video src="https://news.example.com/v.mp4" poster="https://news.example.com/v.jpg" preload="none" controls="controls" playsinline="playsinline" class="folio-video-player"></video>"#,
            r#"<figcaption class="folio-caption"><span class="folio-caption-text">Time-lapse.</span></figcaption></figure>"#,
            r#"<hr class="folio-divider">"#,
            r#"<p>Clouds are expected from Thursday.</p>"#,
            r#"</div></div>"#,
        )
    );
}

#[tokio::test(flavor = "current_thread")]
async fn header_shows_section_byline_and_both_times() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html.contains(r#"<p class="folio-kicker"><a href="https://news.example.com/science" class="folio-section">Science</a></p>"#));
    assert!(html.contains(r#"<span class="folio-authors">By <a href="https://news.example.com/staff/ines" rel="author">Ines Park</a>, <span>Omar Said</span> and <span>Lea Roth</span></span>"#), "{html}");
    assert!(html.contains(concat!(
        r#"<time datetime="2026-05-04T20:00:00+02:00" title="2026-05-04 18:00 UTC" aria-hidden="true">2026-05-04 18:00 UTC</time>"#,
        r#"<span class="folio-visually-hidden"> 2026-05-04 18:00 UTC</span> <span class="folio-relative">2 hours ago</span>"#
    )));
    assert!(html.contains(
        r#"<span class="folio-date-label">Updated</span> <span class="folio-timestamp"><time datetime="2026-05-04T21:30:00+02:00""#
    ));
    assert!(html.contains(r#"<span class="folio-relative">30 minutes ago</span>"#));
    assert_eq!(html.matches("<h1").count(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn related_lists_are_labelled_sections_and_ranked_lists_are_numbered() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html.contains(r#"<section aria-labelledby="t-list-0" class="folio-related folio-related-ranked"><h2 id="t-list-0" class="folio-related-title">Most read</h2><ol class="folio-related-items">"#));
    assert!(
        html.contains(r#"<span aria-hidden="true" class="folio-rank">01</span>"#)
            && html.contains(r#"<span aria-hidden="true" class="folio-rank">02</span>"#)
    );
    assert!(html.contains(r#"<p class="folio-more"><a href="https://news.example.com/most-read">See more</a></p>"#));
    // The length is text for screen readers (an aria-label on a <span> is not read by all).
    assert!(html.contains(
        r#"<span class="folio-duration"><span aria-hidden="true">1:05</span><span class="folio-visually-hidden">Length 1:05</span></span>"#
    ));
    // The unknown style "carousel" is plain, and the javascript: item stays visible as text.
    assert!(html.contains(r#"<section aria-labelledby="t-list-2" class="folio-related folio-related-plain">"#));
    assert!(html.contains(r#"<span class="folio-related-link">Unsafe link stays text</span>"#));
    assert!(!html.contains("javascript:"));
}

#[tokio::test(flavor = "current_thread")]
async fn comments_show_count_items_and_markup_as_text() {
    let html = render_text(&fixture("every-field.json")).await;
    assert!(html
        .contains(r#"<h2 id="t-comments" class="folio-comments-title">Comments <span class="folio-comment-count">2 comments</span></h2>"#));
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
    assert!(html.contains(r#"<article lang="fr" dir="ltr" class="folio-article">"#), "{html}");
    // English words in a French article say they are English, so they are read as English.
    assert!(html.contains(r#"<span lang="en" class="folio-date-label">Published</span>"#), "{html}");
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
    assert!(
        html.contains(r#"<span role="img" aria-label="lead &lt;img&gt;" class="folio-image-missing">lead &lt;img&gt;</span>"#),
        "{html}"
    );
    assert!(html.contains("<p>x</p>"));
    for bad in ["javascript", "JAVA", "data:", "vbscript", "<script", "<video"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn invalid_documents_render_an_alert_naming_the_path() {
    let error = parse_text(r#"{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [ {"type":"paragraph","text":1} ] }"#)
        .unwrap_err();
    let html = LocalServerRenderer::<FolioView>::with_props(props(View::Invalid(Rc::new(error)), None)).hydratable(false).render().await;
    assert!(html.starts_with(r#"<div role="alert" lang="en" dir="ltr" class="folio-error"><p class="folio-error-title"><strong>This article cannot be shown</strong></p>"#), "{html}");
    assert!(html.contains(r#"<p class="folio-error-detail">The problem is at body[0].text.</p>"#), "{html}");

    let json_error = DocError { path: String::new(), message: "EOF".into(), position: Some((3, 14)) };
    let html = LocalServerRenderer::<ErrorAlert>::with_props(ErrorAlertProps {
        lang: "zh-TW".into(),
        error: Some(Rc::new(json_error)),
        fetch_failure: None,
        retry: None,
        focus: false,
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
    assert!(html.starts_with(r#"<div aria-busy="true" lang="zh-TW" dir="ltr" class="folio-loading"><p role="status" class="folio-visually-hidden">載入中…</p>"#), "{html}");
}

/// A document in `lang` with every part that carries UI words: both times, authors, a body long
/// enough for the table of contents (three headings, five minutes), a video without a safe
/// source, the original link, tags, a related video list with "see more", and no comments yet.
fn every_word_document(lang: &str) -> String {
    let filler = match lang {
        "zh-TW" | "zh-CN" | "ja" => "字".repeat(1900),
        _ => "word ".repeat(1100),
    };
    format!(
        r#"{{ "lang": "{lang}", "headline": "H", "datePublished": "2026-05-04T18:00:00Z", "dateModified": "2026-05-04T19:00:00Z",
        "authors": [ {{ "name": "A" }}, {{ "name": "B" }}, {{ "name": "C" }} ],
        "body": [ {{ "type": "heading", "text": "One" }}, {{ "type": "paragraph", "text": "{filler}" }},
                  {{ "type": "heading", "text": "Two" }}, {{ "type": "heading", "level": 3, "text": "Three" }},
                  {{ "type": "video", "src": "javascript:x" }} ],
        "originalUrl": "https://example.org/a", "tags": [ {{ "name": "T" }} ],
        "lists": [ {{ "title": "L", "style": "video", "moreUrl": "https://example.org/more",
                     "items": [ {{ "title": "V", "url": "https://example.org/v", "duration": "PT1M05S" }} ] }} ],
        "comments": {{ "count": 0, "url": "https://example.org/c" }} }}"#
    )
}

/// The element whose `class` attribute starts with `class` (the first after byte `from`), with
/// everything in it, or only its start tag; and where it ends.
fn element_of_class(html: &str, from: usize, class: &str, whole: bool) -> (String, usize) {
    let needle = format!(r#"class="{class}"#);
    let at = html[from..].find(&needle).map(|i| i + from).unwrap_or_else(|| panic!("no {needle} after {from} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let open_end = html[at..].find('>').unwrap() + at + 1;
    if !whole {
        return (html[start..open_end].to_owned(), open_end);
    }
    let tag: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let (mut depth, mut i) = (1, open_end);
    while depth > 0 {
        let next_open = html[i..].find(&open).map(|k| k + i);
        let next_close = html[i..].find(&close).map(|k| k + i).expect("closed");
        match next_open {
            Some(o) if o < next_close => (depth, i) = (depth + 1, o + open.len()),
            _ => (depth, i) = (depth - 1, next_close + close.len()),
        }
    }
    (html[start..i].to_owned(), i)
}

/// The pieces of markup that carry UI words, in the order they appear, for one language.
async fn ui_words_in(lang: &str) -> Vec<String> {
    let html = render_text(&every_word_document(lang)).await;
    let pieces = [
        ("folio-article", false),
        ("folio-authors", true),
        ("folio-date-label", true),
        ("folio-date-label", true),
        ("folio-reading-time", true),
        ("folio-toc-title", true),
        ("folio-anchor", true),
        ("folio-image-missing", true),
        ("folio-original", true),
        ("folio-tags", false),
        ("folio-duration", true),
        ("folio-more", true),
        ("folio-comments-title", true),
        ("folio-comments-empty", true),
        ("folio-more", true),
    ];
    let mut from = 0;
    pieces
        .into_iter()
        .map(|(class, whole)| {
            let (piece, end) = element_of_class(&html, from, class, whole);
            from = end;
            piece
        })
        .collect()
}

async fn error_and_loading_in(lang: &str) -> (String, String) {
    let error = DocError { path: "body[0].text".into(), message: "expected text".into(), position: Some((3, 14)) };
    let alert = LocalServerRenderer::<ErrorAlert>::with_props(ErrorAlertProps {
        lang: lang.to_owned().into(),
        error: Some(Rc::new(error)),
        fetch_failure: Some("HTTP 503".into()),
        retry: Some(yew::Callback::noop()),
        focus: false,
    })
    .hydratable(false)
    .render()
    .await;
    let loading = LocalServerRenderer::<FolioView>::with_props(props(View::Loading, Some(lang))).hydratable(false).render().await;
    (alert, loading)
}

/// Every UI word of a language in place: the article's pieces (exactly, in order), the error
/// alert with everything it can say, and the start of the loading placeholder.
async fn assert_ui_words(lang: &str, pieces: &[&str], alert: &str, loading: &str) {
    assert_eq!(ui_words_in(lang).await, pieces, "{lang}");
    let (rendered_alert, rendered_loading) = error_and_loading_in(lang).await;
    assert_eq!(rendered_alert, alert, "{lang}");
    assert!(rendered_loading.starts_with(loading), "{lang}: {rendered_loading}");
}

/// Every UI word of each complete language, in place: the language, the article's pieces
/// (exactly, in order), the error alert with everything it can say, and the start of the loading
/// placeholder.
const UI_WORDS: [(&str, &[&str], &str, &str); 4] = [
    (
        "en",
        &[
            r#"<article lang="en" dir="ltr" class="folio-article">"#,
            r#"<span class="folio-authors">By <span>A</span>, <span>B</span> and <span>C</span></span>"#,
            r#"<span class="folio-date-label">Published</span>"#,
            r#"<span class="folio-date-label">Updated</span>"#,
            r#"<span class="folio-reading-time">5 min read</span>"#,
            r#"<h2 id="t-contents" class="folio-toc-title">Contents</h2>"#,
            r##"<a href="#t-one" aria-label="Link to this section: One" class="folio-anchor"></a>"##,
            r#"<span class="folio-image-missing">Video</span>"#,
            r#"<p class="folio-original"><a href="https://example.org/a" target="_blank" rel="noopener noreferrer">View the original article</a></p>"#,
            r#"<ul aria-label="Tags" class="folio-tags">"#,
            r#"<span class="folio-duration"><span aria-hidden="true">1:05</span><span class="folio-visually-hidden">Length 1:05</span></span>"#,
            r#"<p class="folio-more"><a href="https://example.org/more">See more</a></p>"#,
            r#"<h2 id="t-comments" class="folio-comments-title">Comments <span class="folio-comment-count">0 comments</span></h2>"#,
            r#"<p class="folio-comments-empty">No comments yet. Be the first to comment.</p>"#,
            r#"<p class="folio-more"><a href="https://example.org/c">Join the discussion</a></p>"#,
        ],
        r#"<div role="alert" lang="en" dir="ltr" class="folio-error"><p class="folio-error-title"><strong>This article cannot be shown</strong></p><p class="folio-error-detail">The document is not well-formed JSON (line 3, column 14).</p><p class="folio-error-detail">The problem is at body[0].text.</p><p class="folio-error-detail">expected text</p><p class="folio-error-detail">The article could not be loaded.</p><p class="folio-error-detail">HTTP 503</p><button type="button" class="folio-button">Retry</button></div>"#,
        r#"<div aria-busy="true" lang="en" dir="ltr" class="folio-loading"><p role="status" class="folio-visually-hidden">Loading…</p>"#,
    ),
    (
        "zh-TW",
        &[
            r#"<article lang="zh-TW" dir="ltr" class="folio-article">"#,
            r#"<span class="folio-authors">作者：<span>A</span>、<span>B</span>、<span>C</span></span>"#,
            r#"<span class="folio-date-label">發布</span>"#,
            r#"<span class="folio-date-label">更新</span>"#,
            r#"<span class="folio-reading-time">閱讀約需 5 分鐘</span>"#,
            r#"<h2 id="t-contents" class="folio-toc-title">目錄</h2>"#,
            r##"<a href="#t-one" aria-label="連結到本節：One" class="folio-anchor"></a>"##,
            r#"<span class="folio-image-missing">影片</span>"#,
            r#"<p class="folio-original"><a href="https://example.org/a" target="_blank" rel="noopener noreferrer">閱讀原文</a></p>"#,
            r#"<ul aria-label="標籤" class="folio-tags">"#,
            r#"<span class="folio-duration"><span aria-hidden="true">1:05</span><span class="folio-visually-hidden">片長 1:05</span></span>"#,
            r#"<p class="folio-more"><a href="https://example.org/more">看更多</a></p>"#,
            r#"<h2 id="t-comments" class="folio-comments-title">留言 <span class="folio-comment-count">0 則留言</span></h2>"#,
            r#"<p class="folio-comments-empty">目前還沒有留言，搶先發表第一則留言吧。</p>"#,
            r#"<p class="folio-more"><a href="https://example.org/c">前往留言區</a></p>"#,
        ],
        r#"<div role="alert" lang="zh-TW" dir="ltr" class="folio-error"><p class="folio-error-title"><strong>無法顯示這篇文章</strong></p><p class="folio-error-detail">文件不是格式正確的 JSON（第 3 行，第 14 字）。</p><p class="folio-error-detail">問題位置：body[0].text。</p><p class="folio-error-detail">expected text</p><p class="folio-error-detail">無法載入文章。</p><p class="folio-error-detail">HTTP 503</p><button type="button" class="folio-button">重試</button></div>"#,
        r#"<div aria-busy="true" lang="zh-TW" dir="ltr" class="folio-loading"><p role="status" class="folio-visually-hidden">載入中…</p>"#,
    ),
    (
        "zh-CN",
        &[
            r#"<article lang="zh-CN" dir="ltr" class="folio-article">"#,
            r#"<span class="folio-authors">作者：<span>A</span>、<span>B</span>、<span>C</span></span>"#,
            r#"<span class="folio-date-label">发布</span>"#,
            r#"<span class="folio-date-label">更新</span>"#,
            r#"<span class="folio-reading-time">阅读约需 5 分钟</span>"#,
            r#"<h2 id="t-contents" class="folio-toc-title">目录</h2>"#,
            r##"<a href="#t-one" aria-label="链接到本节：One" class="folio-anchor"></a>"##,
            r#"<span class="folio-image-missing">视频</span>"#,
            r#"<p class="folio-original"><a href="https://example.org/a" target="_blank" rel="noopener noreferrer">阅读原文</a></p>"#,
            r#"<ul aria-label="标签" class="folio-tags">"#,
            r#"<span class="folio-duration"><span aria-hidden="true">1:05</span><span class="folio-visually-hidden">时长 1:05</span></span>"#,
            r#"<p class="folio-more"><a href="https://example.org/more">查看更多</a></p>"#,
            r#"<h2 id="t-comments" class="folio-comments-title">评论 <span class="folio-comment-count">0 条评论</span></h2>"#,
            r#"<p class="folio-comments-empty">还没有评论，快来发表第一条评论吧。</p>"#,
            r#"<p class="folio-more"><a href="https://example.org/c">前往评论区</a></p>"#,
        ],
        r#"<div role="alert" lang="zh-CN" dir="ltr" class="folio-error"><p class="folio-error-title"><strong>无法显示这篇文章</strong></p><p class="folio-error-detail">文档不是格式正确的 JSON（第 3 行，第 14 列）。</p><p class="folio-error-detail">问题位置：body[0].text。</p><p class="folio-error-detail">expected text</p><p class="folio-error-detail">无法加载文章。</p><p class="folio-error-detail">HTTP 503</p><button type="button" class="folio-button">重试</button></div>"#,
        r#"<div aria-busy="true" lang="zh-CN" dir="ltr" class="folio-loading"><p role="status" class="folio-visually-hidden">加载中…</p>"#,
    ),
    (
        "ja",
        &[
            r#"<article lang="ja" dir="ltr" class="folio-article">"#,
            r#"<span class="folio-authors">文：<span>A</span>、<span>B</span>、<span>C</span></span>"#,
            r#"<span class="folio-date-label">公開</span>"#,
            r#"<span class="folio-date-label">更新</span>"#,
            r#"<span class="folio-reading-time">約5分で読めます</span>"#,
            r#"<h2 id="t-contents" class="folio-toc-title">目次</h2>"#,
            r##"<a href="#t-one" aria-label="この見出しへのリンク：One" class="folio-anchor"></a>"##,
            r#"<span class="folio-image-missing">動画</span>"#,
            r#"<p class="folio-original"><a href="https://example.org/a" target="_blank" rel="noopener noreferrer">元の記事を読む</a></p>"#,
            r#"<ul aria-label="タグ" class="folio-tags">"#,
            r#"<span class="folio-duration"><span aria-hidden="true">1:05</span><span class="folio-visually-hidden">再生時間 1:05</span></span>"#,
            r#"<p class="folio-more"><a href="https://example.org/more">もっと見る</a></p>"#,
            r#"<h2 id="t-comments" class="folio-comments-title">コメント <span class="folio-comment-count">0件</span></h2>"#,
            r#"<p class="folio-comments-empty">まだコメントはありません。最初のコメントを書いてみませんか。</p>"#,
            r#"<p class="folio-more"><a href="https://example.org/c">コメント欄へ</a></p>"#,
        ],
        r#"<div role="alert" lang="ja" dir="ltr" class="folio-error"><p class="folio-error-title"><strong>この記事を表示できません</strong></p><p class="folio-error-detail">JSON の形式が正しくありません（3 行目、14 文字目）。</p><p class="folio-error-detail">問題の箇所：body[0].text</p><p class="folio-error-detail">expected text</p><p class="folio-error-detail">記事を読み込めませんでした。</p><p class="folio-error-detail">HTTP 503</p><button type="button" class="folio-button">再試行</button></div>"#,
        r#"<div aria-busy="true" lang="ja" dir="ltr" class="folio-loading"><p role="status" class="folio-visually-hidden">読み込み中…</p>"#,
    ),
];

#[tokio::test(flavor = "current_thread")]
async fn ui_words_in_each_complete_language() {
    for (lang, pieces, alert, loading) in UI_WORDS {
        assert_ui_words(lang, pieces, alert, loading).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn words_from_another_language_are_marked_with_theirs() {
    let words = ui_words_in("fr").await;
    assert_eq!(words[0], r#"<article lang="fr" dir="ltr" class="folio-article">"#);
    assert_eq!(
        words[1],
        r#"<span class="folio-authors"><span lang="en">By</span> <span>A</span><span lang="en">,</span> <span>B</span> <span lang="en">and</span> <span>C</span></span>"#
    );
    assert_eq!(words[2], r#"<span lang="en" class="folio-date-label">Published</span>"#);
    assert_eq!(words[6], r##"<a href="#t-one" aria-label="Link to this section: One" lang="en" class="folio-anchor"></a>"##);
    assert_eq!(
        words[12],
        r#"<h2 id="t-comments" class="folio-comments-title"><span lang="en">Comments</span> <span lang="en" class="folio-comment-count">0 comments</span></h2>"#
    );
    // Nothing is left unmarked: every piece with English words says so.
    for piece in &words[1..] {
        assert!(piece.contains(r#"lang="en""#) || piece.starts_with("<ul aria-label"), "{piece}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn right_to_left_articles_say_so_and_keep_english_words_marked() {
    for (lang, dir) in [("ar", "rtl"), ("he", "rtl"), ("fa-IR", "rtl"), ("ur", "rtl"), ("en", "ltr"), ("ja", "ltr")] {
        let words = ui_words_in(lang).await;
        assert_eq!(words[0], format!(r#"<article lang="{lang}" dir="{dir}" class="folio-article">"#));
    }
    // English words in a right-to-left article are isolated left to right ("5 min read", not
    // "min read 5"), with the spaces around them outside.
    let words = ui_words_in("ar").await;
    assert_eq!(words[4], r#"<span lang="en" dir="ltr" class="folio-reading-time">5 min read</span>"#);
    assert_eq!(
        words[1],
        r#"<span class="folio-authors"><span lang="en" dir="ltr">By</span> <span>A</span><span lang="en" dir="ltr">,</span> <span>B</span> <span lang="en" dir="ltr">and</span> <span>C</span></span>"#
    );
    assert_eq!(
        words[12],
        r#"<h2 id="t-comments" class="folio-comments-title"><span lang="en" dir="ltr">Comments</span> <span lang="en" dir="ltr" class="folio-comment-count">0 comments</span></h2>"#
    );
    // The alert and placeholder are in English, so they are left to right even on an Arabic page.
    let (alert, loading) = error_and_loading_in("ar").await;
    assert!(alert.starts_with(r#"<div role="alert" lang="en" dir="ltr" class="folio-error">"#), "{alert}");
    assert!(loading.starts_with(r#"<div aria-busy="true" lang="en" dir="ltr" class="folio-loading">"#), "{loading}");
}

async fn render_with_contents(text: &str, contents: ContentsMode) -> String {
    let article = Rc::new(parse_text(text).unwrap().article);
    LocalServerRenderer::<ArticleView>::with_props(ArticleViewProps {
        article,
        base: None,
        options: Rc::default(),
        platform: PlatformRef(Rc::new(PlainPlatform { now_ms: NOW_MS })),
        id_prefix: AttrValue::Static("t"),
        on_navigate: None,
        focus_headline: false,
        contents,
        on_complete: Callback::noop(),
        prerendered: Prerendering::No,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test(flavor = "current_thread")]
async fn the_table_of_contents_nests_subsections_and_follows_its_setting() {
    let short = r#"{ "headline": "h", "datePublished": "2026-05-04T18:00:00Z", "body": [
        { "type": "heading", "text": "Why" }, { "type": "heading", "level": 3, "text": "First reason" },
        { "type": "heading", "level": 3, "text": "Second reason" }, { "type": "heading", "text": "What next" } ] }"#;
    let html = render_with_contents(short, ContentsMode::Show).await;
    assert!(html.contains(concat!(
        r#"<nav aria-labelledby="t-contents" class="folio-toc"><h2 id="t-contents" class="folio-toc-title">Contents</h2>"#,
        r##"<ol class="folio-toc-items"><li><a href="#t-why" class="folio-toc-link">Why</a>"##,
        r##"<ol><li><a href="#t-first-reason" class="folio-toc-link">First reason</a></li><li><a href="#t-second-reason" class="folio-toc-link">Second reason</a></li></ol></li>"##,
        r##"<li><a href="#t-what-next" class="folio-toc-link">What next</a></li></ol></nav>"##,
    )), "{html}");
    // It comes after the header and before the body.
    assert!(
        html.find("folio-header").unwrap() < html.find("folio-toc").unwrap()
            && html.find("folio-toc").unwrap() < html.find("folio-body").unwrap()
    );
    // A short article gets none unless asked; hidden means hidden.
    assert!(!render_with_contents(short, ContentsMode::Auto).await.contains("<nav"));
    assert!(!render_with_contents(short, ContentsMode::Hide).await.contains("<nav"));
    let long =
        short.replace(r#""text": "Why" }"#, &format!(r#""text": "Why" }}, {{ "type": "paragraph", "text": "{}" }}"#, "word ".repeat(1000)));
    assert!(render_with_contents(&long, ContentsMode::Auto).await.contains(r#"<nav aria-labelledby="t-contents""#));
    assert!(!render_with_contents(&long, ContentsMode::Hide).await.contains("<nav"));
    let none = r#"{ "headline": "h", "datePublished": "2026-05-04T18:00:00Z", "body": [ { "type": "paragraph", "text": "x" } ] }"#;
    assert!(!render_with_contents(none, ContentsMode::Show).await.contains("<nav"), "no headings, nothing to list");
}

#[tokio::test(flavor = "current_thread")]
async fn the_bundled_samples_read_in_their_language_with_a_reading_time() {
    for (name, reading, contents) in [
        ("zh-TW.json", "閱讀約需 3 分鐘", false),
        ("zh-CN.json", "阅读约需 2 分钟", false),
        ("en.json", "3 min read", false),
        ("ja.json", "約4分で読めます", true),
        ("ar.json", "1 min read", false),
    ] {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/samples").join(name)).unwrap();
        let html = render_text(&text).await;
        assert!(html.contains(&format!(r#"class="folio-reading-time">{reading}</span>"#)), "{name}: {html}");
        assert_eq!(html.contains(r#"class="folio-toc""#), contents, "{name}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_long_body_renders_whole_where_there_are_no_frames_and_reports_once() {
    let paragraphs: Vec<String> = (0..3000).map(|i| format!(r#"{{ "type": "paragraph", "text": "Paragraph {i}" }}"#)).collect();
    let text = format!(r#"{{ "headline": "h", "datePublished": "2026-05-04T18:00:00Z", "body": [{}] }}"#, paragraphs.join(","));
    let article = Rc::new(parse_text(&text).unwrap().article);
    let outcomes = Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut props = props(View::Article { article, base: None }, None);
    props.on_outcome = {
        let outcomes = outcomes.clone();
        Callback::from(move |outcome| outcomes.borrow_mut().push(outcome))
    };
    let html = LocalServerRenderer::<FolioView>::with_props(props).hydratable(false).render().await;
    assert_eq!(html.matches("<p>Paragraph ").count(), 3000);
    assert_eq!(html.matches(r#"<div class="folio-body-part">"#).count(), 94, "in parts of 32 blocks");
    assert!(html.contains(r#"<div class="folio-body"><div class="folio-body-part"><p>Paragraph 0</p><p>Paragraph 1</p>"#));
    assert!(html.contains(r#"<p>Paragraph 31</p></div><div class="folio-body-part"><p>Paragraph 32</p>"#));
    assert!(html.contains("<p>Paragraph 2998</p><p>Paragraph 2999</p></div></div>"), "in order, to the end");
    assert!(!html.contains("aria-busy"), "nothing is left to arrive");
    assert_eq!(*outcomes.borrow(), vec![folio::components::Outcome::Rendered]);
}

#[tokio::test(flavor = "current_thread")]
async fn an_error_is_reported_once_from_its_render() {
    let outcomes = Rc::new(std::cell::RefCell::new(Vec::new()));
    let error = Rc::new(DocError { path: "headline".into(), message: "this required field is missing".into(), position: None });
    let mut props = props(View::Invalid(error.clone()), None);
    props.on_outcome = {
        let outcomes = outcomes.clone();
        Callback::from(move |outcome| outcomes.borrow_mut().push(outcome))
    };
    LocalServerRenderer::<FolioView>::with_props(props).hydratable(false).render().await;
    assert_eq!(*outcomes.borrow(), vec![folio::components::Outcome::Failed(error)]);
}

/// Plain text and URLs, but with frames, as in a browser: long bodies are stepped in.
struct FramedPlatform(PlainPlatform);

impl Platform for FramedPlatform {
    fn absolute_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        self.0.absolute_time(epoch_ms, lang, time_zone)
    }
    fn full_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        self.0.full_time(epoch_ms, lang, time_zone)
    }
    fn relative_time(&self, value: i64, unit: TimeUnit, lang: &str) -> String {
        self.0.relative_time(value, unit, lang)
    }
    fn resolve_url(&self, url: &str, base: Option<&str>) -> Option<String> {
        self.0.resolve_url(url, base)
    }
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }
    fn has_frames(&self) -> bool {
        true
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_prerendered_first_render_has_the_whole_body_and_no_relative_times() {
    let paragraphs: Vec<String> =
        (0..400).map(|i| format!(r#"{{ "type": "paragraph", "text": "Paragraph {i} {}" }}"#, "words ".repeat(40))).collect();
    let text = format!(r#"{{ "headline": "Long", "datePublished": "2026-05-04T18:00:00Z", "body": [{}] }}"#, paragraphs.join(","));
    let article = Rc::new(parse_text(&text).unwrap().article);
    let render = |prerendered: Prerendering| {
        let view = View::Article { article: article.clone(), base: None };
        let props = FolioViewProps {
            platform: PlatformRef(Rc::new(FramedPlatform(PlainPlatform { now_ms: NOW_MS }))),
            prerendered,
            ..props(view, None)
        };
        LocalServerRenderer::<FolioView>::with_props(props).hydratable(false).render()
    };
    let prerendered = render(Prerendering::Writing).await;
    assert_eq!(prerendered.matches("<p>Paragraph ").count(), 400);
    assert!(!prerendered.contains("aria-busy"), "the body is complete");
    assert!(!prerendered.contains("folio-relative"), "{}", &prerendered[..600]);
    assert!(prerendered.contains("<time datetime=\"2026-05-04T18:00:00Z\""));

    let stepped = render(Prerendering::No).await;
    let shown = stepped.matches("<p>Paragraph ").count();
    assert!(shown > 0 && shown < 400, "a browser render starts with a first step: {shown}");
    assert!(stepped.contains(r#"aria-busy="true""#));
    assert!(stepped.contains(r#"<span class="folio-relative">"#));
}

#[tokio::test(flavor = "current_thread")]
async fn tables_code_nested_lists_deeper_headings_and_more_marks_render_as_their_elements() {
    let html = render_text(
        r#"{ "headline": "h", "datePublished": "2026-05-04T18:00:00Z", "body": [
            { "type": "heading", "level": 4, "text": "Deeper" },
            { "type": "list", "items": ["Fruit", { "text": "Dairy", "ordered": true, "items": ["Milk", { "text": "Cheese", "items": ["Brie"] }] }] },
            { "type": "table", "header": true, "caption": "Prices", "rows": [["Item", "Price"], ["Milk", [{ "text": "1.20", "bold": true }]]] },
            { "type": "code", "language": "rust", "text": "fn main() {\n    println!(\"<hi>\");\n}" },
            { "type": "paragraph", "text": [
                { "text": "H" }, { "text": "2", "sub": true }, { "text": "O and x" }, { "text": "2", "sup": true },
                { "text": " fixed", "underline": true }, { "text": " gone", "strike": true, "lineBreak": true }, { "text": "next line" } ] }
        ] }"#,
    )
    .await;
    let body = &html[html.find(r#"<div class="folio-body">"#).unwrap()..];
    assert!(
        body.contains(r#"<div class="folio-section-heading folio-section-heading-4"><h4 id="t-deeper" class="folio-heading">Deeper</h4>"#),
        "{body}"
    );
    assert!(body.contains(concat!(
        r#"<ul class="folio-list"><li>Fruit</li><li>Dairy<ol class="folio-list"><li>Milk</li>"#,
        r#"<li>Cheese<ul class="folio-list"><li>Brie</li></ul></li></ol></li></ul>"#
    )));
    assert!(body.contains(concat!(
        r#"<div tabindex="0" role="region" aria-label="Prices" class="folio-table"><table><caption>Prices</caption>"#,
        r#"<thead><tr><th scope="col">Item</th><th scope="col">Price</th></tr></thead>"#,
        r#"<tbody><tr><td>Milk</td><td><strong>1.20</strong></td></tr></tbody></table></div>"#
    )));
    assert!(body.contains(concat!(
        r#"<pre dir="ltr" class="folio-code"><code class="language-rust">fn main() {"#,
        "\n    println!(\"&lt;hi&gt;\");\n}</code></pre>"
    )));
    assert!(body.contains("<p>H<sub>2</sub>O and x<sup>2</sup><u> fixed</u><s> gone</s><br>next line</p>"), "{body}");
}
