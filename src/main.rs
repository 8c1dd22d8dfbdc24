//! The browser entry point: everything lives in the library so native tests share it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    folio::browser::start();
}
