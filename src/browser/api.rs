//! The JavaScript API of the contract (`window.folio.render`, `handle.update`, `handle.destroy`),
//! the declarative `[data-folio-src]` mounts, the static page, and start-up. What a mount does is
//! in `mount.rs`; how documents from JavaScript are read, in `reading.rs`.

use super::events::dispatch;
use super::mount::{Arrival, Mount};
use super::mount_state::PAGE_DOCUMENT;
use super::panic;
use super::prerendered;
use super::reading::Document;
use crate::model::Timestamp;
use crate::options::{navigates_in_place, ContentsMode, RenderOptions};
use js_sys::{Function, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

fn string_option(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string().filter(|s| !s.trim().is_empty())
}

/// The options a host passed to `folio.render` or `folio.load`; anything unreadable is left at
/// its default.
fn read_options(options: &JsValue) -> RenderOptions {
    if !options.is_object() {
        return RenderOptions::default();
    }
    let now = Reflect::get(options, &JsValue::from_str("now")).unwrap_or(JsValue::UNDEFINED);
    let now_ms =
        now.as_f64().filter(|n| n.is_finite()).or_else(|| now.as_string().and_then(|s| Timestamp::parse(&s)).map(|t| t.epoch_ms as f64));
    if !now.is_undefined() && !now.is_null() && now_ms.is_none() {
        web_sys::console::warn_1(&JsValue::from_str("folio: the `now` option is neither a timestamp nor a number; using the clock"));
    }
    let toc = Reflect::get(options, &JsValue::from_str("toc")).unwrap_or(JsValue::UNDEFINED);
    RenderOptions {
        lang: string_option(options, "lang"),
        time_zone: string_option(options, "timeZone"),
        now_ms,
        in_place_navigation: navigates_in_place(string_option(options, "navigation").as_deref()),
        toc: toc
            .as_string()
            .and_then(|v| ContentsMode::parse(&v))
            .or_else(|| toc.as_bool().map(|show| if show { ContentsMode::Show } else { ContentsMode::Hide }))
            .unwrap_or_default(),
    }
}

/// What `folio.render` returns: renders another document in the same place, or removes it all.
#[wasm_bindgen]
pub struct FolioHandle {
    mount: Rc<Mount>,
}

#[wasm_bindgen]
impl FolioHandle {
    /// Renders another document (object or JSON text) in the same place.
    pub fn update(&self, article: JsValue) {
        if self.mount.is_destroyed() {
            web_sys::console::warn_1(&JsValue::from_str("folio: update() after destroy() is ignored"));
            return;
        }
        self.mount.show_document(Document::from_argument(article));
    }

    /// Removes everything rendered and stops timers, listeners and requests.
    pub fn destroy(&self) {
        self.mount.destroy();
    }
}

/// The element `folio.<function>` was asked to render into, or the TypeError that says it is not one.
fn target_element(target: JsValue, function: &str) -> Result<Element, js_sys::TypeError> {
    target.dyn_into::<Element>().map_err(|_| js_sys::TypeError::new(&format!("folio.{function}: the first argument must be an Element")))
}

/// `folio.render(target, article, options)`: renders a document (object or JSON text) into an element.
pub fn render(target: JsValue, article: JsValue, options: JsValue) -> Result<FolioHandle, JsValue> {
    let element = target_element(target, "render")?;
    let mount = Mount::new(element, read_options(&options));
    mount.show_document(Document::from_argument(article));
    Ok(FolioHandle { mount })
}

/// `folio.load(target, url, options)`: renders the document at `url` into an element, with a
/// loading placeholder, Retry on failure, and relative URLs resolved against `url`. Used by
/// `<folio-article>`; the same as a `data-folio-src` element.
pub fn load(target: JsValue, url: JsValue, options: JsValue) -> Result<FolioHandle, JsValue> {
    let element = target_element(target, "load")?;
    let url = url
        .as_string()
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| js_sys::TypeError::new("folio.load: the second argument must be the URL of an article"))?;
    let mount = Mount::new(element, read_options(&options));
    mount.load(url, Arrival::Start);
    Ok(FolioHandle { mount })
}

fn install_api(window: &web_sys::Window) {
    type Entry = dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>;
    let api = Object::new();
    let render = Closure::<Entry>::new(|target, article, options| render(target, article, options).map(JsValue::from));
    let load = Closure::<Entry>::new(|target, url, options| load(target, url, options).map(JsValue::from));
    let _ = Reflect::set(&api, &"render".into(), render.as_ref().unchecked_ref::<Function>());
    let _ = Reflect::set(&api, &"load".into(), load.as_ref().unchecked_ref::<Function>());
    // window.folio lives as long as the page.
    render.forget();
    load.forget();
    let _ = Reflect::set(window, &"folio".into(), &api);
}

/// The page's own address with `?src=` read, for the static page.
fn page_source(window: &web_sys::Window) -> Option<String> {
    let search = window.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get("src").filter(|s| !s.trim().is_empty())
}

/// Starts Folio on a page: the API, declarative mounts, the static page's article, then
/// `folio:ready`.
pub fn start() {
    panic::install();
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    install_api(&window);

    if let Ok(nodes) = document.query_selector_all("[data-folio-src]") {
        for i in 0..nodes.length() {
            let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Some(src) = element.get_attribute("data-folio-src").filter(|s| !s.trim().is_empty()) else { continue };
            let options = RenderOptions {
                lang: element.get_attribute("data-folio-lang"),
                in_place_navigation: navigates_in_place(element.get_attribute("data-folio-navigation").as_deref()),
                toc: element.get_attribute("data-folio-toc").and_then(|v| ContentsMode::parse(&v)).unwrap_or_default(),
                ..RenderOptions::default()
            };
            Mount::new(element, options).load(src, Arrival::Start);
        }
    }

    // A prerendered article (contract section 4), taken over where it stands, and its page's
    // history as on the static page. A reader who opened another article in place and then
    // reloaded (`?src=`) gets that article back rather than the page's own.
    if let Some(article) = prerendered::find(&document) {
        match page_source(&window) {
            Some(source) => {
                let mount = Mount::new(article.element, article.options);
                mount.own_history(&window, &source);
                mount.load(source, Arrival::Start);
            }
            None => {
                let mount = Mount::prerendered(article.element, article.options, article.document, article.intact);
                mount.own_history(&window, PAGE_DOCUMENT);
            }
        }
    }

    // The static page: `<main data-folio-page data-folio-sample="...">`.
    if let Ok(Some(page)) = document.query_selector("[data-folio-page]") {
        if let Ok(Some(notice)) = document.query_selector("[data-folio-notice]") {
            notice.remove();
        }
        let source = page_source(&window).or_else(|| page.get_attribute("data-folio-sample"));
        if let Some(source) = source {
            let mount = Mount::new(page, RenderOptions::default());
            mount.own_history(&window, &source);
            mount.load(source, Arrival::Start);
        }
    }

    dispatch(&window, "folio:ready", &JsValue::UNDEFINED, false);
}
