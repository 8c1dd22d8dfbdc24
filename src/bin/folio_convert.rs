//! `folio-convert`: an ANS story, or a Folio document with a Portable Text body, in; Folio's
//! article document (JSON) out (the command is `folio::convert::command`). Native only.

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return folio::convert::command::main();
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}
