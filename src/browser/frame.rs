//! "Just before the next frame": `requestAnimationFrame`, with a timer in case no frame comes (a
//! hidden tab draws none).

use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long to wait for a frame before deciding that none is coming. A visible page draws one
/// every 16 ms unless a task holds it up, and the tasks Folio posts are far shorter.
const NO_FRAME_MS: u32 = 250;

/// One request for the next frame; dropping it cancels the request.
pub struct NextFrame {
    frame: Option<i32>,
    _on_frame: Closure<dyn FnMut()>,
    _no_frame: Timeout,
}

impl NextFrame {
    /// Calls `then(true)` before the next frame, or `then(false)` if none comes within
    /// [`NO_FRAME_MS`]; whichever is first, once.
    pub fn request(then: Box<dyn FnOnce(bool)>) -> NextFrame {
        let then = Rc::new(Cell::new(Some(then)));
        let call = move |drawn: bool| {
            if let Some(then) = then.take() {
                then(drawn);
            }
        };
        let on_frame = Closure::<dyn FnMut()>::new({
            let call = call.clone();
            move || call(true)
        });
        let frame = web_sys::window().and_then(|w| w.request_animation_frame(on_frame.as_ref().unchecked_ref()).ok());
        let no_frame = Timeout::new(NO_FRAME_MS, move || call(false));
        NextFrame { frame, _on_frame: on_frame, _no_frame: no_frame }
    }
}

impl Drop for NextFrame {
    fn drop(&mut self) {
        if let (Some(frame), Some(window)) = (self.frame, web_sys::window()) {
            let _ = window.cancel_animation_frame(frame);
        }
    }
}
