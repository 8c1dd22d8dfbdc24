//! In headless Chromium (wasm-bindgen-test): the real DOM, `Intl`, events, update and destroy.
//! Each test renders into a fresh element and waits for Folio's own events, never for time.
#![cfg(target_arch = "wasm32")]

use folio::browser::{render, FolioHandle};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

wasm_bindgen_test_configure!(run_in_browser);

const SEED_LIKE: &str = r#"{
  "lang": "zh-TW", "timeZone": "Asia/Taipei",
  "section": { "name": "生活" },
  "headline": "河濱自行車道全線通車",
  "datePublished": "2025-08-15T22:45:00+08:00",
  "dateModified": "2025-08-15T23:45:00+08:00",
  "body": [ { "type": "paragraph", "text": "第一段。" }, { "type": "heading", "text": "小標" } ],
  "comments": { "count": 0 }
}"#;

fn fresh_mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let mount = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&mount).unwrap();
    mount
}

/// Resolves with the next `name` event that reaches the window (so it must bubble).
fn next_event(name: &str) -> JsFuture {
    let name = name.to_owned();
    let promise = Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        web_sys::window().unwrap().add_event_listener_with_callback_and_add_event_listener_options(&name, &resolve, &options).unwrap();
    });
    JsFuture::from(promise)
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

fn frozen_now() -> JsValue {
    options(&[("now", JsValue::from_str("2025-08-15T23:50:00+08:00"))])
}

fn text_of(mount: &Element, selector: &str) -> Vec<String> {
    let nodes = mount.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

async fn rendered(mount: &Element, article: JsValue, options: JsValue) -> (FolioHandle, CustomEvent) {
    let event = next_event("folio:rendered");
    let handle = render(mount.clone().into(), article, options).unwrap();
    let event: CustomEvent = event.await.unwrap().dyn_into().unwrap();
    (handle, event)
}

#[wasm_bindgen_test]
async fn renders_headline_and_times_in_the_articles_language_and_zone() {
    let mount = fresh_mount();
    let (handle, event) = rendered(&mount, SEED_LIKE.into(), frozen_now()).await;
    assert_eq!(event.target().unwrap().dyn_into::<Element>().unwrap(), mount);
    assert_eq!(text_of(&mount, "article h1"), ["河濱自行車道全線通車"]);
    assert_eq!(mount.query_selector("article").unwrap().unwrap().get_attribute("lang").as_deref(), Some("zh-TW"));
    let times = text_of(&mount, "time");
    assert_eq!(times, ["2025年8月15日 22:45", "2025年8月15日 23:45"]);
    assert_eq!(text_of(&mount, ".folio-relative"), ["1 小時前", "5 分鐘前"]);
    let published = mount.query_selector("time").unwrap().unwrap();
    assert_eq!(published.get_attribute("datetime").as_deref(), Some("2025-08-15T22:45:00+08:00"));
    assert!(published.get_attribute("title").unwrap().contains("2025年8月15日"), "full date label");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn english_articles_get_english_times() {
    let mount = fresh_mount();
    let doc = r#"{ "lang": "en", "timeZone": "Europe/Dublin", "headline": "Bridge reopens",
        "datePublished": "2026-03-02T06:30:00Z", "body": [] }"#;
    let (handle, _) = rendered(&mount, doc.into(), options(&[("now", JsValue::from_f64(1_772_433_000_000.0 + 7_200_000.0))])).await;
    assert_eq!(text_of(&mount, "time"), ["March 2, 2026 at 6:30 AM"]);
    assert_eq!(text_of(&mount, ".folio-relative"), ["2 hours ago"]);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_unknown_time_zone_falls_back_instead_of_failing() {
    let mount = fresh_mount();
    let doc = r#"{ "timeZone": "Mars/Olympus_Mons", "headline": "Elsewhere", "datePublished": "2026-03-02T06:30:00Z", "body": [] }"#;
    let (handle, _) = rendered(&mount, doc.into(), JsValue::UNDEFINED).await;
    assert_eq!(text_of(&mount, "h1"), ["Elsewhere"]);
    assert_eq!(text_of(&mount, "time").len(), 1);
    assert!(!text_of(&mount, "time")[0].is_empty());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn objects_and_json_text_render_the_same() {
    let from_text = fresh_mount();
    let (a, _) = rendered(&from_text, SEED_LIKE.into(), frozen_now()).await;
    let object = js_sys::JSON::parse(SEED_LIKE).unwrap();
    let from_object = fresh_mount();
    let (b, _) = rendered(&from_object, object, frozen_now()).await;
    // Ids differ per mount by design; everything else is the same.
    let strip = |m: &Element| m.inner_html().replace(|c: char| c.is_ascii_digit(), "");
    assert_eq!(strip(&from_text), strip(&from_object));
    a.destroy();
    b.destroy();
}

#[wasm_bindgen_test]
async fn invalid_documents_show_an_alert_fire_folio_error_and_recover_on_update() {
    let mount = fresh_mount();
    let error = next_event("folio:error");
    let bad = r#"{ "headline": "x", "datePublished": "2026-01-01T00:00:00Z", "body": [ { "type": "paragraph", "text": 42 } ] }"#;
    let handle = render(mount.clone().into(), bad.into(), JsValue::UNDEFINED).unwrap();
    let event: CustomEvent = error.await.unwrap().dyn_into().unwrap();
    let path = Reflect::get(&event.detail(), &"path".into()).unwrap().as_string();
    assert_eq!(path.as_deref(), Some("body[0].text"));
    let alert = text_of(&mount, "[role=alert]").join(" ");
    assert!(alert.contains("body[0].text"), "{alert}");

    let ok = next_event("folio:rendered");
    handle.update(r#"{ "headline": "Fixed", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#.into());
    ok.await.unwrap();
    assert_eq!(text_of(&mount, "h1"), ["Fixed"]);
    assert!(mount.query_selector("[role=alert]").unwrap().is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn malformed_json_names_line_and_column() {
    let mount = fresh_mount();
    let error = next_event("folio:error");
    let handle = render(mount.clone().into(), "{ \"headline\": \"x\",\n \"body\": [".into(), JsValue::UNDEFINED).unwrap();
    let event: CustomEvent = error.await.unwrap().dyn_into().unwrap();
    assert_eq!(Reflect::get(&event.detail(), &"path".into()).unwrap().as_string().as_deref(), Some(""));
    let alert = text_of(&mount, "[role=alert]").join(" ");
    assert!(alert.contains("line 2"), "{alert}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn update_replaces_the_article_in_place() {
    let mount = fresh_mount();
    let (handle, _) = rendered(&mount, SEED_LIKE.into(), frozen_now()).await;
    let next = next_event("folio:rendered");
    handle.update(r#"{ "headline": "Second", "datePublished": "2026-01-01T00:00:00Z", "body": [] }"#.into());
    next.await.unwrap();
    assert_eq!(text_of(&mount, "article").len(), 1);
    assert_eq!(text_of(&mount, "h1"), ["Second"]);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn destroy_empties_the_mount_at_once() {
    let mount = fresh_mount();
    let (handle, _) = rendered(&mount, SEED_LIKE.into(), frozen_now()).await;
    assert!(mount.child_element_count() > 0);
    handle.destroy();
    assert_eq!(mount.child_element_count(), 0);
    assert_eq!(mount.text_content().unwrap_or_default(), "");
    // A second destroy and a late update are harmless.
    handle.destroy();
    handle.update(SEED_LIKE.into());
    assert_eq!(mount.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn a_target_that_is_not_an_element_is_a_type_error() {
    let error = render(JsValue::from_str("#not-an-element"), SEED_LIKE.into(), JsValue::UNDEFINED).err().unwrap();
    assert!(error.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
async fn an_equal_object_reports_rendered_and_a_changed_one_renders() {
    let object = |text: &str| js_sys::JSON::parse(text).unwrap();
    let mount = fresh_mount();
    let (handle, _) = rendered(&mount, object(SEED_LIKE), frozen_now()).await;
    let paragraph = mount.query_selector(".folio-body p").unwrap().unwrap();
    // Another object with the same content, as a page that builds its document again would pass.
    let again = next_event("folio:rendered");
    handle.update(object(SEED_LIKE));
    again.await.unwrap();
    let same = mount.query_selector(".folio-body p").unwrap().unwrap();
    assert!(same.is_same_node(Some(&paragraph)), "the paragraph element was kept");
    let changed = next_event("folio:rendered");
    handle.update(object(&SEED_LIKE.replace("第一段。", "改過的第一段。")));
    changed.await.unwrap();
    assert!(text_of(&mount, ".folio-body p").contains(&"改過的第一段。".to_owned()));
    // And back: an object equal to an earlier article is not mistaken for the one on screen.
    let back = next_event("folio:rendered");
    handle.update(object(SEED_LIKE));
    back.await.unwrap();
    assert!(text_of(&mount, ".folio-body p").contains(&"第一段。".to_owned()));
    assert!(!text_of(&mount, ".folio-body p").contains(&"改過的第一段。".to_owned()));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn updating_with_the_same_document_reports_rendered_and_keeps_the_dom() {
    let mount = fresh_mount();
    let (handle, _) = rendered(&mount, SEED_LIKE.into(), frozen_now()).await;
    let headline = mount.query_selector("h1").unwrap().unwrap();
    let again = next_event("folio:rendered");
    handle.update(SEED_LIKE.into());
    again.await.unwrap();
    let same = mount.query_selector("h1").unwrap().unwrap();
    assert!(same.is_same_node(Some(&headline)), "the headline element was kept");
    // A changed document is rendered, in the same elements where it can be.
    let changed = next_event("folio:rendered");
    handle.update(SEED_LIKE.replace("第一段。", "改過的第一段。").into());
    changed.await.unwrap();
    assert!(text_of(&mount, ".folio-body p").contains(&"改過的第一段。".to_owned()));
    handle.destroy();
}
