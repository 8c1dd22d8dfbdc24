//! What a mount remembers between calls, as one value changed by named actions (the way Yew's
//! `function_todomvc` keeps its `State` and `Action`). `Mount` keeps it in one `RefCell` and
//! borrows it for one action at a time: never while Yew renders or an event is dispatched, so a
//! host's listener may call back into the API. What an action replaces and what must be released
//! outside the borrow (a request to cancel, a listener to remove, the Yew app to destroy) comes
//! back as [`Released`].

use super::fetch::InFlight;
use crate::components::{FolioView, View};
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use yew::AppHandle;

/// How history entries name the document a prerendered page carries, which has no URL.
pub const PAGE_DOCUMENT: &str = "";

/// The `popstate` listener of the mount that owns the page's history.
pub type PopStateListener = Closure<dyn Fn(web_sys::PopStateEvent)>;

/// A mount's state.
#[derive(Default)]
pub struct MountState {
    /// The Yew app, once something was rendered; taken out while Yew works.
    pub app: Option<AppHandle<FolioView>>,
    /// What is on screen, kept so a navigation can show its progress on top of it.
    pub current: Option<View>,
    /// Counts the views shown: components restart their work for a new one.
    pub generation: u64,
    /// The URL the article on screen was loaded from (history entries name it), or
    /// [`PAGE_DOCUMENT`] for the page's own.
    pub source: Option<String>,
    /// A prerendered page's own document, kept for Back to return to after in-place navigation.
    pub page_document: Option<js_sys::JsString>,
    /// The JSON text, as a JavaScript string, of the document passed to `render`/`update` that is
    /// on screen, so that the same text passed again costs one comparison in JavaScript.
    pub shown_text: Option<js_sys::JsString>,
    /// The fetch in flight, if any.
    pub request: Option<Rc<InFlight>>,
    /// Only the static page's own mount writes `?src=` history entries and follows Back and
    /// Forward; embedded mounts navigate in place without touching the host's history.
    pub history: Option<PopStateListener>,
    /// `destroy()` was called: nothing renders any more.
    pub destroyed: bool,
}

/// What can happen to a mount.
pub enum Action {
    /// A new view goes on screen, as a new generation; the text shown before no longer is.
    Show(View),
    /// The view on screen came from this JSON text.
    ShownText(Option<js_sys::JsString>),
    /// A request was sent; the one before it is stale.
    Requested(Rc<InFlight>),
    /// The request in flight, if any, is no longer wanted: it is released to be cancelled.
    Cancel,
    /// The request in flight answered: nothing to cancel.
    Answered,
    /// The article on screen was loaded from this URL.
    LoadedFrom(String),
    /// The document of the page itself (a prerendered page) is on screen.
    ShowsPageDocument(js_sys::JsString),
    /// This mount now owns the page's history.
    OwnsHistory(PopStateListener),
    /// The mount is gone: keep nothing big, since its handle may live on in JavaScript.
    Destroy,
}

/// What an action let go of, to release once the state is no longer borrowed.
#[derive(Default)]
#[must_use]
pub struct Released {
    /// A request that no one waits for any more: cancel it.
    pub request: Option<Rc<InFlight>>,
    /// A `popstate` listener to remove from the window.
    pub history: Option<PopStateListener>,
    /// The Yew app to destroy.
    pub app: Option<AppHandle<FolioView>>,
}

impl MountState {
    /// Applies `action`.
    pub fn apply(&mut self, action: Action) -> Released {
        match action {
            Action::Show(view) => {
                self.generation += 1;
                self.current = Some(view);
                self.shown_text = None;
                Released::default()
            }
            Action::ShownText(text) => {
                self.shown_text = text;
                Released::default()
            }
            Action::Requested(request) => Released { request: self.request.replace(request), ..Released::default() },
            Action::Cancel => Released { request: self.request.take(), ..Released::default() },
            Action::Answered => {
                self.request = None;
                Released::default()
            }
            Action::LoadedFrom(url) => {
                self.source = Some(url);
                Released::default()
            }
            Action::ShowsPageDocument(text) => {
                self.source = Some(PAGE_DOCUMENT.to_owned());
                self.shown_text = Some(text.clone());
                self.page_document = Some(text);
                Released::default()
            }
            Action::OwnsHistory(listener) => Released { history: self.history.replace(listener), ..Released::default() },
            Action::Destroy => {
                let released = Released { request: self.request.take(), history: self.history.take(), app: self.app.take() };
                *self = MountState { destroyed: true, generation: self.generation, ..MountState::default() };
                released
            }
        }
    }

    /// Whether an article is on screen (a navigation then keeps it until the next one arrives).
    pub fn shows_article(&self) -> bool {
        matches!(self.current, Some(View::Article { .. }))
    }
}
