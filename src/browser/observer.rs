//! "Tell me when this element is about to be seen": an IntersectionObserver with a margin of
//! one screen, so a lazy list starts loading before the reader reaches it.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Watches one element; dropping it disconnects the observer.
pub struct NearViewport {
    observer: Option<IntersectionObserver>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearViewport {
    /// Calls `near` once, the first time `element` is within a screen of the viewport.
    pub fn watch(element: &Element, near: Box<dyn FnOnce()>) -> NearViewport {
        let near = Rc::new(Cell::new(Some(near)));
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let seen = entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
            if seen {
                if let Some(near) = near.take() {
                    near();
                }
            }
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
        if let Some(observer) = &observer {
            observer.observe(element);
        }
        NearViewport { observer, _callback: callback }
    }
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}
