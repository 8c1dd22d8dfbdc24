//! The commands: `folio-convert` (standard input and output, warnings and refusals on standard
//! error, exit codes) and `folio-prerender --from`.

use crate::fixture;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(program: &str, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(program).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn convert_command(args: &[&str], input: &str) -> Output {
    run(env!("CARGO_BIN_EXE_folio-convert"), args, input)
}

#[test]
fn folio_convert_reads_standard_input_and_writes_the_document_on_standard_output() {
    let output = convert_command(&["--from", "portable-text", "-"], &fixture("pt-article.json"));
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected: Value = serde_json::from_str(&fixture("pt-article.expected.json")).unwrap();
    assert_eq!(document, expected["document"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("folio-convert: standard input: warning: body[1].markDefs[1]: a link with an unsafe URL"), "{stderr}");
}

#[test]
fn folio_convert_reads_a_file_named_on_the_command_line() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/convert/ans-brief.json");
    let output = convert_command(&["--from", "ans", path.to_str().unwrap()], "");
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["headline"], json!("Ferry timetable changes on Monday"));
}

#[test]
fn a_refused_document_writes_nothing_and_says_where_on_standard_error() {
    let output = convert_command(&["--from", "ans"], r#"{ "type": "story", "headlines": {} }"#);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "folio-convert: standard input: headlines.basic: required for a Folio headline\n"
    );
}

#[test]
fn a_wrong_command_line_exits_with_2_and_the_usage() {
    for args in [&[][..], &["--from", "markdown"], &["--from", "ans", "a.json", "b.json"], &["--frm", "ans"]] {
        let output = convert_command(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8(output.stderr).unwrap().contains("usage: folio-convert"), "{args:?}");
    }
}

#[test]
fn folio_prerender_reads_ans_and_portable_text_directly() {
    let prerender = env!("CARGO_BIN_EXE_folio-prerender");
    let output = run(prerender, &["--from", "ans", "-"], &fixture("ans-brief.json"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains("<title>Ferry timetable changes on Monday</title>"));
    assert!(html.contains("<strong>07:10</strong>"));
    assert!(!html.contains("promo"));
    assert!(String::from_utf8(output.stderr).unwrap().contains("warning: content_elements[5]: raw_html skipped"));
    let body = json!({ "headline": "PT", "datePublished": "2026-01-01T00:00:00Z", "body": [
        { "_type": "block", "style": "h2", "children": [{ "_type": "span", "text": "Heading", "marks": [] }] }
    ] });
    let output = run(prerender, &["--from", "portable-text"], &body.to_string());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8(output.stdout).unwrap().contains(">Heading</h2>"));
    let refused = run(prerender, &["--from", "ans"], "[]");
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(String::from_utf8(refused.stderr).unwrap(), "folio-prerender: standard input: an ANS story is an object, found a list\n");
}
