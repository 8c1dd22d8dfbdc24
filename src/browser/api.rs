//! The JavaScript API of the contract (`window.folio.render`, `handle.update`, `handle.destroy`),
//! the declarative `[data-folio-src]` mounts, the static page, and start-up.
//!
//! Invariant: no `RefCell` of a mount is borrowed while Yew renders or while an event is
//! dispatched, because a host's event listener may call back into the API (for example `update`
//! from a `folio:error` listener). Events are therefore dispatched from a microtask.

use super::events::{detail, dispatch};
use super::fetch::{FetchFailure, InFlight};
use super::panic;
use super::platform::BrowserPlatform;
use super::reading::Document;
use crate::components::{FolioView, FolioViewProps, Outcome, Pending, View};
use crate::model::{DocError, Parsed, Timestamp};
use crate::options::{navigates_in_place, ContentsMode, RenderOptions};
use crate::platform::PlatformRef;
use js_sys::{Function, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::{AppHandle, AttrValue, Callback, Renderer};

thread_local! {
    static PLATFORM: PlatformRef = PlatformRef(Rc::new(BrowserPlatform));
    static NEXT_MOUNT: Cell<u32> = const { Cell::new(1) };
    static MOUNTS: RefCell<Vec<Rc<Mount>>> = const { RefCell::new(Vec::new()) };
}

/// How a document came to be loaded, which decides what happens to history and focus.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrival {
    /// The first document of the mount.
    Start,
    /// The reader clicked a related article: add a history entry, move focus to the headline.
    Navigation,
    /// Back or Forward: history already moved; move focus to the headline.
    History,
}

/// The `popstate` listener of the mount that owns the page's history.
type PopStateListener = Closure<dyn Fn(web_sys::PopStateEvent)>;

/// One rendered place on the page.
struct Mount {
    element: Element,
    options: Rc<RenderOptions>,
    id_prefix: AttrValue,
    app: RefCell<Option<AppHandle<FolioView>>>,
    /// What is on screen, kept so a navigation can show its progress on top of it.
    current: RefCell<Option<View>>,
    /// The URL the article on screen was loaded from (history entries name it).
    source: RefCell<Option<String>>,
    /// The JSON text, as a JavaScript string, of the document passed to `render`/`update` that is
    /// on screen, so that the same text passed again costs one comparison in JavaScript (no copy
    /// into the wasm, no parse).
    last_document: RefCell<Option<js_sys::JsString>>,
    generation: Cell<u64>,
    on_outcome: Callback<Outcome>,
    on_navigate: Option<Callback<AttrValue>>,
    request: RefCell<Option<Rc<InFlight>>>,
    /// Only the static page's own mount writes `?src=` history entries and follows Back and
    /// Forward; embedded mounts navigate in place without touching the host's history.
    history: RefCell<Option<PopStateListener>>,
    destroyed: Cell<bool>,
}

impl Mount {
    fn new(element: Element, options: RenderOptions) -> Rc<Mount> {
        // Rendering twice into one element replaces the first instance.
        if let Some(previous) = MOUNTS.with(|m| m.borrow().iter().find(|m| m.element == element).cloned()) {
            previous.destroy();
        }
        let number = NEXT_MOUNT.with(|n| n.replace(n.get() + 1));
        let target = element.clone();
        let in_place = options.in_place_navigation;
        let mount = Rc::new_cyclic(|weak: &std::rc::Weak<Mount>| {
            let weak = weak.clone();
            Mount {
                on_outcome: Callback::from(move |outcome: Outcome| {
                    let target = target.clone();
                    // After the current task: see the module invariant.
                    wasm_bindgen_futures::spawn_local(async move {
                        let alive = MOUNTS.with(|m| m.borrow().iter().any(|m| m.element == target && !m.destroyed.get()));
                        if alive {
                            dispatch_outcome(&target, &outcome);
                        }
                    });
                }),
                on_navigate: in_place.then(|| {
                    Callback::from(move |url: AttrValue| {
                        if let Some(mount) = weak.upgrade() {
                            mount.navigate(url.to_string());
                        }
                    })
                }),
                element,
                options: Rc::new(options),
                id_prefix: format!("folio{number}").into(),
                app: RefCell::new(None),
                current: RefCell::new(None),
                source: RefCell::new(None),
                last_document: RefCell::new(None),
                generation: Cell::new(0),
                request: RefCell::new(None),
                history: RefCell::new(None),
                destroyed: Cell::new(false),
            }
        });
        panic::register(&mount.element);
        MOUNTS.with(|m| m.borrow_mut().push(mount.clone()));
        mount
    }

    /// Renders `view`; `focus` moves the reader to the new headline (after in-place navigation).
    fn show(&self, view: View, focus: bool) {
        if self.destroyed.get() {
            return;
        }
        self.generation.set(self.generation.get() + 1);
        *self.current.borrow_mut() = Some(view.clone());
        self.last_document.borrow_mut().take();
        self.render(view, focus, None);
    }

    /// Shows a navigation's progress or failure on top of what is on screen.
    fn show_pending(&self, pending: Pending) {
        let current = self.current.borrow().clone();
        if let (false, Some(view)) = (self.destroyed.get(), current) {
            self.render(view, false, Some(pending));
        }
    }

    /// Whether an article is on screen (a navigation then keeps it until the next one arrives).
    fn shows_article(&self) -> bool {
        matches!(*self.current.borrow(), Some(View::Article { .. }))
    }

    fn render(&self, view: View, focus: bool, pending: Option<Pending>) {
        let props = FolioViewProps {
            view,
            generation: self.generation.get(),
            options: self.options.clone(),
            platform: PLATFORM.with(Clone::clone),
            id_prefix: self.id_prefix.clone(),
            on_outcome: self.on_outcome.clone(),
            on_navigate: self.on_navigate.clone(),
            focus_headline: focus,
            pending,
        };
        // Take the handle out while Yew works, so no borrow is held (module invariant).
        let existing = self.app.borrow_mut().take();
        let app = match existing {
            Some(mut app) => {
                app.update(props);
                app
            }
            None => Renderer::<FolioView>::with_root_and_props(self.element.clone(), props).render(),
        };
        *self.app.borrow_mut() = Some(app);
    }

    /// Shows a document passed from JavaScript. The same text as the one on screen (and nothing
    /// in flight) only reports `folio:rendered` again: the DOM is already right.
    fn show_document(&self, document: Document) {
        let text = match &document {
            Document::Text(text) => Some(text.clone()),
            Document::Value(_) => None,
        };
        let unchanged = self.request.borrow().is_none() && text.is_some() && *self.last_document.borrow() == text;
        let outcome = self.current.borrow().as_ref().and_then(View::outcome);
        if let (true, Some(outcome)) = (unchanged, outcome) {
            self.on_outcome.emit(outcome);
            return;
        }
        let on_screen = match self.current.borrow().as_ref() {
            Some(View::Article { article, .. }) => Some(article.clone()),
            _ => None,
        };
        let parsed = document.read().map(|parsed| match on_screen {
            // The blocks that did not change keep their elements.
            Some(previous) => Parsed { article: parsed.article.sharing_blocks_with(&previous), ..parsed },
            None => parsed,
        });
        self.cancel_request();
        self.show(view_of(parsed, None), false);
        *self.last_document.borrow_mut() = text;
    }

    /// A plain click on a related article: ask the host (`folio:navigate`, cancelable), then
    /// load it in place.
    fn navigate(self: &Rc<Self>, url: String) {
        let proceed = dispatch(&self.element, "folio:navigate", &detail(&[("url", &url)]), true);
        if proceed {
            self.load(url, Arrival::Navigation);
        }
    }

    /// Makes this mount the owner of the page's history: `?src=` follows the article shown, and
    /// Back and Forward bring earlier articles back in place.
    fn own_history(self: &Rc<Self>, window: &web_sys::Window, source: &str) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state(&detail(&[("folioSrc", source)]), "");
        }
        let weak = Rc::downgrade(self);
        let listener = PopStateListener::new(move |event: web_sys::PopStateEvent| {
            let source = Reflect::get(&event.state(), &"folioSrc".into()).ok().and_then(|s| s.as_string());
            if let (Some(mount), Some(source)) = (weak.upgrade(), source) {
                // Back from a section link (#heading) stays on the same article: nothing to load.
                if mount.source.borrow().as_deref() != Some(source.as_str()) {
                    mount.load(source, Arrival::History);
                }
            }
        });
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        *self.history.borrow_mut() = Some(listener);
    }

    /// Loads a document from `url` into this mount, showing a placeholder meanwhile, or, when an
    /// article is on screen and the reader navigated, a progress bar above it.
    fn load(self: &Rc<Self>, url: String, arrival: Arrival) {
        self.cancel_request();
        let keep_current = arrival != Arrival::Start && self.shows_article();
        if keep_current {
            self.show_pending(Pending::Loading);
        } else {
            self.show(View::Loading, false);
        }
        let request = Rc::new(InFlight::new());
        *self.request.borrow_mut() = Some(request.clone());
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let result = request.fetch(&url).await;
            let Some(mount) = weak.upgrade() else { return };
            // A newer request, an update() or destroy() replaced this one: its answer is stale.
            let current = mount.request.borrow().as_ref().is_some_and(|r| Rc::ptr_eq(r, &request));
            if !current {
                return;
            }
            mount.request.borrow_mut().take();
            match result {
                Ok((parsed, final_url)) => {
                    *mount.source.borrow_mut() = Some(url.clone());
                    mount.show(view_of(Ok(parsed), Some(final_url)), arrival != Arrival::Start);
                    mount.arrived(&url, arrival);
                }
                Err(FetchFailure::Cancelled) => {}
                Err(FetchFailure::Invalid(error)) if !keep_current => mount.show(View::Invalid(Rc::new(error)), false),
                Err(failure) => {
                    let retry_mount = Rc::downgrade(&mount);
                    let retry = Callback::from(move |_| {
                        if let Some(mount) = retry_mount.upgrade() {
                            mount.load(url.clone(), arrival);
                        }
                    });
                    let reason = AttrValue::from(failure.reason());
                    if keep_current {
                        // The article on screen stays; the failure and Retry appear above it.
                        mount.show_pending(Pending::Failed { reason, retry });
                    } else {
                        mount.show(View::FetchFailed { reason, retry }, false);
                    }
                }
            }
        });
    }

    /// After an in-place navigation: the history entry that Back returns to.
    fn arrived(&self, url: &str, arrival: Arrival) {
        if arrival == Arrival::Navigation && self.history.borrow().is_some() {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let query = format!("?src={}", String::from(js_sys::encode_uri_component(url)));
                let _ = history.push_state_with_url(&detail(&[("folioSrc", url)]), "", Some(&query));
            }
        }
    }

    fn cancel_request(&self) {
        if let Some(request) = self.request.borrow_mut().take() {
            request.cancel();
        }
    }

    fn destroy(&self) {
        if self.destroyed.replace(true) {
            return;
        }
        self.cancel_request();
        if let Some(listener) = self.history.borrow_mut().take() {
            if let Some(window) = web_sys::window() {
                let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            }
        }
        let app = self.app.borrow_mut().take();
        if let Some(app) = app {
            app.destroy();
        }
        // The handle may outlive the mount in JavaScript until it is collected: keep nothing big.
        self.current.borrow_mut().take();
        self.last_document.borrow_mut().take();
        self.source.borrow_mut().take();
        // Yew removes what it rendered; anything a panic hook or host left goes too.
        self.element.set_text_content(None);
        panic::unregister(&self.element);
        MOUNTS.with(|m| m.borrow_mut().retain(|m| !m.destroyed.get()));
    }
}

fn view_of(parsed: Result<Parsed, DocError>, base: Option<String>) -> View {
    match parsed {
        Ok(parsed) => {
            warn(&parsed.warnings);
            View::Article { article: Rc::new(parsed.article), base: base.map(AttrValue::from) }
        }
        Err(error) => View::Invalid(Rc::new(error)),
    }
}

/// Tells the publisher, on the console, what was skipped or shown otherwise than written.
fn warn(warnings: &[String]) {
    for warning in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("folio: {warning}")));
    }
}

fn dispatch_outcome(target: &Element, outcome: &Outcome) {
    match outcome {
        Outcome::Rendered => {
            dispatch(target, "folio:rendered", &JsValue::UNDEFINED, false);
        }
        Outcome::Failed(error) => {
            web_sys::console::warn_1(&JsValue::from_str(&format!("folio: {error}")));
            dispatch(target, "folio:error", &detail(&[("message", &error.to_string()), ("path", &error.path)]), false);
        }
    }
}

fn string_option(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string().filter(|s| !s.trim().is_empty())
}

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
        if self.mount.destroyed.get() {
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
