//! With `panic = "abort"` one panic stops every Folio mount on the page. The code is written not
//! to panic; if it ever does, this hook still tells the reader in each mount, instead of leaving
//! a frozen page, and logs the cause for the developer.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::Element;

thread_local! {
    static LIVE_MOUNTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a mount so the hook can reach it.
pub fn register(mount: &Element) {
    LIVE_MOUNTS.with(|m| m.borrow_mut().push(mount.clone()));
}

/// Forgets a destroyed mount.
pub fn unregister(mount: &Element) {
    LIVE_MOUNTS.with(|m| m.borrow_mut().retain(|e| e != mount));
}

/// Installs the hook (Yew would otherwise install its own).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
        web_sys::console::error_1(&JsValue::from_str(&format!("folio: internal error{place}: {message}")));
        // try_with: the hook may run while the registry itself is borrowed.
        let _ = LIVE_MOUNTS.try_with(|mounts| {
            if let Ok(mounts) = mounts.try_borrow() {
                for mount in mounts.iter() {
                    mount.set_text_content(None);
                    if let Some(document) = mount.owner_document() {
                        if let Ok(alert) = document.create_element("div") {
                            let _ = alert.set_attribute("role", "alert");
                            let _ = alert.set_attribute("class", "folio-error");
                            alert.set_text_content(Some(
                                "This article stopped working because of an error in Folio. Reload the page to try again. / 文章顯示發生錯誤,請重新整理頁面。",
                            ));
                            let _ = mount.append_child(&alert);
                        }
                    }
                }
            }
        });
    }));
}
