//! [`BrowserPlatform`]: the [`Platform`] components use in the browser.

use super::fetch::{FetchFailure, InFlight};
use super::frame::NextFrame;
use super::intl;
use super::observer::NearViewport;
use super::reading::read_list_page_text;
use crate::model::time::TimeUnit;
use crate::model::ListPage;
use crate::platform::{Platform, TaskGuard};
use std::rc::Rc;

/// The browser's services for components: `Intl`, `URL`, fetch, IntersectionObserver and
/// animation frames.
#[derive(Debug, Default)]
pub struct BrowserPlatform;

/// Cancels the request when the component that asked for it lets go.
struct CancelOnDrop(Rc<InFlight>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// `url` resolved against `base`, or as it is when it does not parse: a list page's item URLs are
/// read against the list page's address here, and refused later, where every URL is checked
/// (`Presentation::url`), if they do not parse.
fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_owned())
}

/// The page's own address, against which a link without a document base is read.
fn page_base() -> Option<String> {
    web_sys::window()?.document()?.base_uri().ok().flatten()
}

impl Platform for BrowserPlatform {
    fn absolute_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        intl::absolute_time(epoch_ms, lang, time_zone)
    }

    fn full_time(&self, epoch_ms: i64, lang: &str, time_zone: Option<&str>) -> String {
        intl::full_time(epoch_ms, lang, time_zone)
    }

    fn relative_time(&self, value: i64, unit: TimeUnit, lang: &str) -> String {
        intl::relative_time(value, unit, lang)
    }

    fn resolve_url(&self, url: &str, base: Option<&str>) -> Option<String> {
        match base {
            Some(base) => web_sys::Url::new_with_base(url, base).ok().map(|u| u.href()),
            // Kept as written (relative stays relative), if the browser can read it at all.
            None => {
                let page = page_base().unwrap_or_else(|| "https://folio.invalid/".to_owned());
                web_sys::Url::new_with_base(url, &page).ok().map(|_| url.to_owned())
            }
        }
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn fetch_list(&self, url: &str, done: Box<dyn FnOnce(Result<ListPage, String>)>) -> TaskGuard {
        let request = Rc::new(InFlight::new());
        let url = url.to_owned();
        let task_request = request.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = task_request.fetch_text(&url).await;
            // The guard was dropped (the list went away): nobody is waiting for the answer.
            if task_request.is_cancelled() {
                return;
            }
            let outcome = match result {
                Ok((text, final_url)) => read_list_page_text(&text)
                    .map(|mut page| {
                        // Relative URLs in a list page are relative to the page, not the article.
                        for item in &mut page.items {
                            item.url = resolve(&item.url, &final_url);
                            for field in [&mut item.image, &mut item.article] {
                                if let Some(value) = field.as_mut() {
                                    *value = resolve(value, &final_url);
                                }
                            }
                        }
                        if let Some(next) = page.next.as_mut() {
                            *next = resolve(next, &final_url);
                        }
                        page
                    })
                    .map_err(|e| format!("{url}: {e}")),
                Err(FetchFailure::Network(reason)) => Err(reason),
                Err(FetchFailure::Invalid(e)) => Err(format!("{url}: {e}")),
                Err(FetchFailure::Cancelled) => return,
            };
            done(outcome);
        });
        Box::new(CancelOnDrop(request))
    }

    fn when_near_viewport(&self, element: &web_sys::Element, near: Box<dyn FnOnce()>) -> TaskGuard {
        Box::new(NearViewport::watch(element, near))
    }

    fn has_frames(&self) -> bool {
        true
    }

    fn next_frame(&self, then: Box<dyn FnOnce(bool)>) -> TaskGuard {
        Box::new(NextFrame::request(then))
    }
}
