//! The `folio-prerender` command: article documents (JSON) in, static HTML pages out.
//!
//! ```text
//! folio-prerender [--assets URL] [--lang L] [--time-zone Z] [--now T] [INPUT.json | -] [-o OUTPUT.html]
//! folio-prerender [options] --out-dir DIR [--index] INPUT.json...
//! ```
//!
//! `--from ans` or `--from portable-text` reads inputs in that format: each is converted
//! (`crate::convert`), and the converted document's JSON text is prerendered as a document would be.

use super::{prerender, PrerenderOptions};
use crate::command_input::read_input;
use crate::convert::{convert, Format};
use crate::model::Timestamp;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

const USAGE: &str =
    "usage: folio-prerender [--from FORMAT] [--assets URL] [--lang L] [--time-zone Z] [--now T] [INPUT.json | -] [-o OUTPUT.html]
       folio-prerender [options] --out-dir DIR [--index] INPUT.json...
--index also writes DIR/index.html, a list of the pages written.
--from ans|portable-text converts each input from that format first (see folio-convert).
Writes the static HTML page of each article document (contract section 4). A document that is
refused writes no page, prints its JSON path and why, and makes the exit status 1.";

struct Command {
    options: PrerenderOptions,
    inputs: Vec<String>,
    output: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    index: bool,
    from: Option<Format>,
}

fn parse_command() -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut command =
        Command { options: PrerenderOptions::default(), inputs: Vec::new(), output: None, out_dir: None, index: false, from: None };
    let text = |value: std::ffi::OsString| value.into_string().map_err(|_| "an option's value is not UTF-8".to_owned());
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("assets") => command.options.assets = text(parser.value().map_err(|e| e.to_string())?)?,
            Long("lang") => command.options.lang = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Long("time-zone") => command.options.time_zone = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Long("now") => {
                let value = text(parser.value().map_err(|e| e.to_string())?)?;
                let now =
                    value.parse::<f64>().ok().filter(|n| n.is_finite()).or_else(|| Timestamp::parse(&value).map(|t| t.epoch_ms as f64));
                command.options.now_ms =
                    Some(now.ok_or_else(|| format!("--now {value}: neither a timestamp nor milliseconds since 1970"))?);
            }
            Short('o') | Long("output") => command.output = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("out-dir") => command.out_dir = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("index") => command.index = true,
            Long("from") => command.from = Some(text(parser.value().map_err(|e| e.to_string())?)?.parse()?),
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(value) => command.inputs.push(text(value)?),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    if command.out_dir.is_some() && command.output.is_some() {
        return Err("-o and --out-dir do not go together".into());
    }
    if command.inputs.len() > 1 && command.out_dir.is_none() {
        return Err("several inputs need --out-dir".into());
    }
    if command.index && command.out_dir.is_none() {
        return Err("--index goes with --out-dir".into());
    }
    if command.out_dir.is_some() && command.inputs.iter().any(|input| input == "-") {
        return Err("--out-dir takes files, not standard input".into());
    }
    Ok(command)
}

/// Prerenders one input, in the format `from` (Folio's own when `None`), to `output` (standard
/// output when `None`); its headline and language, or `None` when it failed.
fn run_one(input: &str, from: Option<Format>, output: Option<&Path>, options: &PrerenderOptions) -> Option<(String, String)> {
    let name = if input == "-" { "standard input" } else { input };
    let text = match read_input(input) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("folio-prerender: {error}");
            return None;
        }
    };
    let text = match from.map(|format| convert(format, &text)) {
        None => text,
        Some(Ok(converted)) => {
            for warning in &converted.warnings {
                eprintln!("folio-prerender: {name}: warning: {warning}");
            }
            converted.document.to_string()
        }
        Some(Err(error)) => {
            eprintln!("folio-prerender: {name}: {error}");
            return None;
        }
    };
    let page = match prerender(&text, options) {
        Ok(page) => page,
        Err(error) => {
            eprintln!("folio-prerender: {name}: {error}");
            return None;
        }
    };
    for warning in &page.warnings {
        eprintln!("folio-prerender: {name}: warning: {warning}");
    }
    let written = match output {
        Some(path) => std::fs::write(path, page.html.as_bytes()).map_err(|e| format!("{}: {e}", path.display())),
        None => std::io::stdout().write_all(page.html.as_bytes()).map_err(|e| format!("standard output: {e}")),
    };
    if let Err(error) = written {
        eprintln!("folio-prerender: {error}");
        return None;
    }
    Some((page.headline, page.lang))
}

/// Runs the command on the process's arguments.
pub fn main() -> ExitCode {
    let command = match parse_command() {
        Ok(command) => command,
        Err(error) => {
            eprintln!("folio-prerender: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let ok = match &command.out_dir {
        None => {
            let input = command.inputs.first().map(String::as_str).unwrap_or("-");
            run_one(input, command.from, command.output.as_deref(), &command.options).is_some()
        }
        Some(dir) => {
            if let Err(error) = std::fs::create_dir_all(dir) {
                eprintln!("folio-prerender: {}: {error}", dir.display());
                return ExitCode::FAILURE;
            }
            // Every core takes the next input until none is left.
            let next = AtomicUsize::new(0);
            let written = Mutex::new(Vec::new());
            let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(command.inputs.len().max(1));
            std::thread::scope(|scope| {
                for _ in 0..workers {
                    scope.spawn(|| {
                        while let Some(input) = command.inputs.get(next.fetch_add(1, Ordering::Relaxed)) {
                            let stem = Path::new(input).file_stem().map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
                            let file = format!("{stem}.html");
                            let done = run_one(input, command.from, Some(&dir.join(&file)), &command.options);
                            written.lock().unwrap_or_else(|e| e.into_inner()).push(done.map(|(headline, lang)| (file, headline, lang)));
                        }
                    });
                }
            });
            let written = written.into_inner().unwrap_or_else(|e| e.into_inner());
            let all_ok = written.iter().all(Option::is_some);
            let mut pages: Vec<_> = written.into_iter().flatten().collect();
            pages.sort();
            if command.index {
                let index = dir.join("index.html");
                if let Err(error) = std::fs::write(&index, super::page::index(&pages)) {
                    eprintln!("folio-prerender: {}: {error}", index.display());
                    return ExitCode::FAILURE;
                }
            }
            all_ok
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
