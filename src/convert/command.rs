//! The `folio-convert` command: a document in another format in, Folio's article document (JSON)
//! on standard output.
//!
//! ```text
//! folio-convert --from ans|portable-text [INPUT.json | -]
//! ```

use super::{convert_with, ConvertOptions, Format, SanityProject};
use crate::command_input::read_input;
use crate::model::Timestamp;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: folio-convert --from ans|portable-text [--date T] [--sanity-project ID [--sanity-dataset NAME]] [INPUT.json | -]
Writes Folio's article document (JSON) converted from INPUT (standard input when - or none) on
standard output. ans: an ANS story. portable-text: a Folio document whose body holds Portable Text
blocks. --date: the publication date (RFC 3339) of an ANS story that has none, a draft; its image assets that are Sanity references are shown from Sanity's CDN when the project
(and the dataset, production by default) is given. What cannot be converted is reported on standard error with its JSON path; a document
that cannot be converted at all writes nothing and makes the exit status 1.";

struct Command {
    from: Format,
    input: String,
    options: ConvertOptions,
}

fn parse_command() -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut from = None;
    let mut input = None;
    let (mut project, mut dataset, mut date) = (None, None, None);
    let text = |value: std::ffi::OsString| value.into_string().map_err(|_| "an argument is not UTF-8".to_owned());
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("from") => from = Some(text(parser.value().map_err(|e| e.to_string())?)?.parse::<Format>()?),
            Long("date") => {
                let value = text(parser.value().map_err(|e| e.to_string())?)?;
                date = Some(Timestamp::parse(&value).ok_or(format!("--date {value}: not an RFC 3339 timestamp with an offset"))?);
            }
            Long("sanity-project") => project = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Long("sanity-dataset") => dataset = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(value) if input.is_none() => input = Some(text(value)?),
            Value(_) => return Err("one input at a time".into()),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    let from = from.ok_or("--from is required")?;
    if project.is_none() && dataset.is_some() {
        return Err("--sanity-dataset needs --sanity-project".into());
    }
    let sanity = project.map(|project_id| SanityProject { project_id, dataset: dataset.unwrap_or_else(|| "production".into()) });
    Ok(Command { from, input: input.unwrap_or_else(|| "-".into()), options: ConvertOptions { sanity, date } })
}

/// Runs the command on the process's arguments.
pub fn main() -> ExitCode {
    let command = match parse_command() {
        Ok(command) => command,
        Err(error) => {
            eprintln!("folio-convert: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let name = if command.input == "-" { "standard input" } else { &command.input };
    let text = match read_input(&command.input) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("folio-convert: {error}");
            return ExitCode::FAILURE;
        }
    };
    let converted = match convert_with(command.from, &text, &command.options) {
        Ok(converted) => converted,
        Err(error) => {
            eprintln!("folio-convert: {name}: {error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in &converted.warnings {
        eprintln!("folio-convert: {name}: warning: {warning}");
    }
    let mut json = serde_json::to_string_pretty(&converted.document).unwrap_or_default();
    json.push('\n');
    if let Err(error) = std::io::stdout().write_all(json.as_bytes()) {
        eprintln!("folio-convert: standard output: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
