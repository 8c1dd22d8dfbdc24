//! Any bytes, as JSON text and as JavaScript's UTF-16 (each lone surrogate made U+FFFD, as
//! wasm-bindgen does), through the article and list-page parsers and the URL sanitiser; what parses
//! is rendered to HTML. A document read from its text must also be read alike from its
//! `serde_json::Value`, where serde_json makes one. Otherwise the only failure is a panic (or a
//! crash, a hang or running out of memory, which libFuzzer reports too).
#![no_main]

use folio::components::{FolioView, FolioViewProps, View};
use folio::model::{parse_list_page, parse_text, parse_value, Parsed};
use folio::options::RenderOptions;
use folio::platform::{PlainPlatform, PlatformRef};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

fn render(parsed: Parsed) {
    thread_local! {
        static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    }
    let props = yew::props!(FolioViewProps {
        view: View::Article { article: Rc::new(parsed.article), base: None },
        generation: 1,
        options: Rc::new(RenderOptions { now_ms: Some(1.7e12), ..RenderOptions::default() }),
        platform: PlatformRef(Rc::new(PlainPlatform { now_ms: 1.7e12 })),
    });
    RUNTIME.with(|rt| rt.block_on(yew::LocalServerRenderer::<FolioView>::with_props(props).hydratable(false).render()));
}

fn check(text: &str) {
    let parsed = parse_text(text);
    // serde_json's Value refuses a lone surrogate escape anywhere, where the reader skips fields it
    // does not know without looking inside their strings; such texts are not compared.
    if let (Ok(parsed), Ok(value)) = (&parsed, serde_json::from_str::<serde_json::Value>(text)) {
        assert_eq!(parse_value(value).as_ref(), Ok(parsed), "the same document read from its value differs");
    }
    if let Ok(parsed) = parsed {
        render(parsed);
    }
    let _ = parse_list_page(text);
    let _ = folio::url::sanitize(text);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    // A string from JavaScript: UTF-16 code units, lone surrogates included.
    let units: Vec<u16> = data.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
    check(&String::from_utf16_lossy(&units));
});
