//! One rendered place on the page: a Yew app in an element, the document it shows, the fetch in
//! flight, and the page's history when it owns it. The JavaScript API (`api.rs`) creates mounts;
//! their state is one [`MountState`] changed by named actions.
//!
//! Invariant: the state is not borrowed while Yew renders or while an event is dispatched,
//! because a host's event listener may call back into the API (for example `update` from a
//! `folio:error` listener). Events are therefore dispatched from a microtask.

use super::events::{detail, dispatch};
use super::fetch::{FetchFailure, InFlight};
use super::mount_state::{Action, MountState, PopStateListener, Released, PAGE_DOCUMENT};
use super::panic;
use super::platform::BrowserPlatform;
use super::reading::Document;
use crate::components::{FolioView, FolioViewProps, Outcome, Pending, Prerendering, View};
use crate::hydration::ID_PREFIX;
use crate::model::{DocError, Parsed};
use crate::options::RenderOptions;
use crate::platform::PlatformRef;
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::{AttrValue, Callback, Renderer};

thread_local! {
    static PLATFORM: PlatformRef = PlatformRef(Rc::new(BrowserPlatform));
    static NEXT_MOUNT: Cell<u32> = const { Cell::new(1) };
    static MOUNTS: RefCell<Vec<Rc<Mount>>> = const { RefCell::new(Vec::new()) };
}

/// How a document came to be loaded, which decides what happens to history and focus.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The first document of the mount.
    Start,
    /// The reader clicked a related article: add a history entry, move focus to the headline.
    Navigation,
    /// Back or Forward: history already moved; move focus to the headline.
    History,
}

/// One rendered place on the page.
pub struct Mount {
    element: Element,
    options: Rc<RenderOptions>,
    id_prefix: AttrValue,
    on_outcome: Callback<Outcome>,
    on_navigate: Option<Callback<AttrValue>>,
    state: RefCell<MountState>,
}

impl Mount {
    /// A mount in `element`, replacing any other there.
    pub fn new(element: Element, options: RenderOptions) -> Rc<Mount> {
        Self::with_id_prefix(element, options, None)
    }

    /// The mount of a prerendered article: Yew adopts the article's elements when they are as
    /// written (`intact`), else renders the document afresh. Either way the page is told once,
    /// with `folio:rendered` or `folio:error`.
    pub fn prerendered(element: Element, options: RenderOptions, document: js_sys::JsString, intact: bool) -> Rc<Mount> {
        let mount = Self::with_id_prefix(element, options, Some(ID_PREFIX.into()));
        if !intact {
            web_sys::console::warn_1(&JsValue::from_str(
                "folio: the prerendered article was changed after it was written (elements or comments added or removed), so it is rendered afresh",
            ));
        }
        mount.show_page_document(document, intact, false);
        mount
    }

    /// Shows the page's own document: adopting the elements already there (`adopt`), or rendering
    /// it afresh (also when Back returns to it after an in-place navigation).
    fn show_page_document(&self, text: js_sys::JsString, adopt: bool, focus: bool) {
        let view = view_of(Document::Text(text.clone()).read(), None);
        let adopt = adopt && matches!(view, View::Article { .. });
        self.act(Action::Cancel);
        self.act(Action::Show(view.clone()));
        self.render(view, focus, None, adopt);
        self.act(Action::ShowsPageDocument(text));
    }

    fn with_id_prefix(element: Element, options: RenderOptions, id_prefix: Option<AttrValue>) -> Rc<Mount> {
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
                        let alive = MOUNTS.with(|m| m.borrow().iter().any(|m| m.element == target && !m.is_destroyed()));
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
                id_prefix: id_prefix.unwrap_or_else(|| format!("folio{number}").into()),
                state: RefCell::new(MountState::default()),
            }
        });
        panic::register(&mount.element);
        MOUNTS.with(|m| m.borrow_mut().push(mount.clone()));
        mount
    }

    /// Whether `destroy()` was called.
    pub fn is_destroyed(&self) -> bool {
        self.state.borrow().destroyed
    }

    /// Applies `action` to the state, then releases what it let go of, outside the borrow.
    fn act(&self, action: Action) {
        let released = self.state.borrow_mut().apply(action);
        release(released);
    }

    /// Renders `view`; `focus` moves the reader to the new headline (after in-place navigation).
    fn show(&self, view: View, focus: bool) {
        if self.is_destroyed() {
            return;
        }
        self.act(Action::Show(view.clone()));
        self.render(view, focus, None, false);
    }

    /// Shows a navigation's progress or failure on top of what is on screen.
    fn show_pending(&self, pending: Pending) {
        let current = { self.state.borrow().current.clone() };
        if let (false, Some(view)) = (self.is_destroyed(), current) {
            self.render(view, false, Some(pending), false);
        }
    }

    /// Renders `view` in the app, or starts the app with it: in the element's prerendered
    /// nodes (`adopt`, which they must match) or afresh.
    fn render(&self, view: View, focus: bool, pending: Option<Pending>, adopt: bool) {
        let (generation, existing) = {
            let mut state = self.state.borrow_mut();
            // Taken out while Yew works, so no borrow is held (module invariant).
            (state.generation, state.app.take())
        };
        let props = FolioViewProps {
            view,
            generation,
            options: self.options.clone(),
            platform: PLATFORM.with(Clone::clone),
            id_prefix: self.id_prefix.clone(),
            on_outcome: self.on_outcome.clone(),
            on_navigate: self.on_navigate.clone(),
            focus_headline: focus,
            pending,
            prerendered: if adopt { Prerendering::Adopting } else { Prerendering::No },
        };
        let app = match existing {
            Some(mut app) => {
                app.update(props);
                app
            }
            None if adopt => Renderer::<FolioView>::with_root_and_props(self.element.clone(), props).hydrate(),
            None => Renderer::<FolioView>::with_root_and_props(self.element.clone(), props).render(),
        };
        self.state.borrow_mut().app = Some(app);
    }

    /// Shows a document passed from JavaScript. The same text as the one on screen (and nothing
    /// in flight) only reports `folio:rendered` again: the DOM is already right.
    pub fn show_document(&self, document: Document) {
        let text = match &document {
            Document::Text(text) => Some(text.clone()),
            Document::Value(_) => None,
        };
        let (settled, unchanged, outcome, on_screen) = {
            let state = self.state.borrow();
            let settled = state.request.is_none();
            let unchanged = settled && text.is_some() && state.shown_text == text;
            let on_screen = match &state.current {
                Some(View::Article { article, base }) => Some((article.clone(), base.is_none())),
                _ => None,
            };
            (settled, unchanged, state.current.as_ref().and_then(View::outcome), on_screen)
        };
        if let (true, Some(outcome)) = (unchanged, outcome.clone()) {
            self.on_outcome.emit(outcome);
            return;
        }
        let parsed = document.read().map(|parsed| match &on_screen {
            // The blocks that did not change keep their elements.
            Some((previous, _)) => Parsed { article: parsed.article.sharing_blocks_with(previous), ..parsed },
            None => parsed,
        });
        // An object equal to the article on screen (passed in directly, so its links resolve the
        // same way) changes nothing: the page is told, as for the same text, without a render.
        let same_article = match (&parsed, &on_screen) {
            (Ok(parsed), Some((previous, true))) => settled && parsed.article == **previous,
            _ => false,
        };
        if let (true, Some(outcome)) = (same_article, outcome) {
            self.act(Action::ShownText(text));
            self.on_outcome.emit(outcome);
            return;
        }
        self.act(Action::Cancel);
        self.show(view_of(parsed, None), false);
        self.act(Action::ShownText(text));
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
    pub fn own_history(self: &Rc<Self>, window: &web_sys::Window, source: &str) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state(&detail(&[("folioSrc", source)]), "");
        }
        let weak = Rc::downgrade(self);
        let listener = PopStateListener::new(move |event: web_sys::PopStateEvent| {
            let source = Reflect::get(&event.state(), &"folioSrc".into()).ok().and_then(|s| s.as_string());
            if let (Some(mount), Some(source)) = (weak.upgrade(), source) {
                // Back from a section link (#heading) stays on the same article: nothing to load.
                let (same, page_document) = {
                    let state = mount.state.borrow();
                    (state.source.as_deref() == Some(source.as_str()), state.page_document.clone())
                };
                match page_document {
                    _ if same => {}
                    Some(text) if source == PAGE_DOCUMENT => mount.show_page_document(text, false, true),
                    _ => mount.load(source, Arrival::History),
                }
            }
        });
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        self.act(Action::OwnsHistory(listener));
    }

    /// Loads a document from `url` into this mount, showing a placeholder meanwhile, or, when an
    /// article is on screen and the reader navigated, a progress bar above it.
    pub fn load(self: &Rc<Self>, url: String, arrival: Arrival) {
        self.act(Action::Cancel);
        let keep_current = arrival != Arrival::Start && self.state.borrow().shows_article();
        if keep_current {
            self.show_pending(Pending::Loading);
        } else {
            self.show(View::Loading, false);
        }
        let request = Rc::new(InFlight::new());
        self.act(Action::Requested(request.clone()));
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let result = request.fetch(&url).await;
            let Some(mount) = weak.upgrade() else { return };
            // A newer request, an update() or destroy() replaced this one: its answer is stale.
            let current = mount.state.borrow().request.as_ref().is_some_and(|r| Rc::ptr_eq(r, &request));
            if !current {
                return;
            }
            mount.act(Action::Answered);
            match result {
                Ok((parsed, final_url)) => {
                    mount.act(Action::LoadedFrom(url.clone()));
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
        let owns_history = self.state.borrow().history.is_some();
        if arrival == Arrival::Navigation && owns_history {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let query = format!("?src={}", String::from(js_sys::encode_uri_component(url)));
                let _ = history.push_state_with_url(&detail(&[("folioSrc", url)]), "", Some(&query));
            }
        }
    }

    /// Removes everything rendered and stops timers, listeners and requests.
    pub fn destroy(&self) {
        if self.is_destroyed() {
            return;
        }
        self.act(Action::Destroy);
        // Yew removes what it rendered; anything a panic hook or host left goes too.
        self.element.set_text_content(None);
        panic::unregister(&self.element);
        MOUNTS.with(|m| m.borrow_mut().retain(|m| !m.is_destroyed()));
    }
}

/// Releases what an action let go of: cancels a request, removes a history listener, destroys
/// the Yew app.
fn release(released: Released) {
    if let Some(request) = released.request {
        request.cancel();
    }
    if let (Some(listener), Some(window)) = (released.history, web_sys::window()) {
        let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    }
    if let Some(app) = released.app {
        app.destroy();
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
