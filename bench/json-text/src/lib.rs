//! Path A: JSON.parse in JS, then serde-wasm-bindgen into folio's model.
//! Path B: copy the text into the wasm, then serde_json (+ serde_path_to_error) via folio::model::parse_text.
use wasm_bindgen::prelude::*;

#[cfg(feature = "a")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

#[cfg(feature = "a")]
#[wasm_bindgen]
pub fn read_a(text: &js_sys::JsString) -> usize {
    match json_parse(text) {
        Ok(value) => match folio::model::read_document(serde_wasm_bindgen::Deserializer::from(value)) {
            Ok(parsed) => parsed.article.body.len(),
            Err(_) => 0,
        },
        Err(_) => 0,
    }
}

#[cfg(feature = "b")]
#[wasm_bindgen]
pub fn read_b(text: &js_sys::JsString) -> usize {
    let text = String::from(text);
    match folio::model::parse_text(&text) {
        Ok(parsed) => parsed.article.body.len(),
        Err(_) => 0,
    }
}
