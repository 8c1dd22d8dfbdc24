//! `folio-prerender`: article documents (JSON) in, static HTML pages out (contract section 4;
//! the command is `folio::prerender::command`). Native only: the browser build has no use for it.

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return folio::prerender::command::main();
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}
