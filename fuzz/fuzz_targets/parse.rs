//! Any bytes, as JSON text and as JavaScript's UTF-16, through the article and list-page parsers
//! and the URL sanitiser; what parses is rendered to HTML. Folio's reader must also agree with
//! serde_json on what is well-formed JSON: a text serde_json reads is never refused as malformed,
//! and one it refuses as malformed is never read. Otherwise the only failure is a panic (or a
//! crash, a hang or running out of memory, which libFuzzer reports too).
#![no_main]

use folio::components::{FolioView, FolioViewProps, View};
use folio::model::{json_text_from_utf16, parse_list_page, parse_text, Parsed};
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
    // serde_json also refuses numbers beyond a double, lone surrogates in any string and nesting
    // past 128 levels, all of which JSON allows; there the two are not compared.
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => {
            if let Err(e) = &parsed {
                assert!(e.position.is_none() || e.message.contains("surrogate"), "well-formed JSON refused as malformed: {e:?}");
            }
        }
        Err(e) if ["out of range", "surrogate", "recursion limit"].iter().any(|m| e.to_string().contains(m)) => {}
        Err(e) => {
            if e.is_syntax() || e.is_eof() {
                assert!(parsed.is_err(), "malformed JSON read: {e}");
            }
        }
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
    let units = data.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
    check(&json_text_from_utf16(units));
});
