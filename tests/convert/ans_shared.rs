//! The shared ANS 0.10.12 fixtures (`../shared/formats/ans/0.10.12`, when present): stories
//! converted with their headline, byline, dates and words; content elements converted inside a
//! minimal story; bad fixtures refused with a path or converted with what they could give.

use crate::{extension_shapes, folio_reads, shared_formats, visible_text};
use folio::convert::{convert, convert_with, ConvertOptions, Converted, Format};
use folio::model::Timestamp;
use serde_json::{json, Value};
use std::path::PathBuf;

/// The fixtures whose names hold `-fixture`, with their names and contents, sorted by name.
fn fixtures() -> Vec<(String, Value)> {
    let Some(dir) = shared_formats("ans/0.10.12") else { return Vec::new() };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            (name.contains("-fixture") && name.ends_with(".json"))
                .then(|| (name, serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()))
        })
        .collect()
}

/// An element inside the smallest story that converts.
fn in_a_story(element: &Value) -> String {
    json!({ "type": "story", "headlines": { "basic": "Fixture" }, "display_date": "2026-01-01T00:00:00Z", "content_elements": [element] })
        .to_string()
}

/// The `content` of every text element of the story's body (not descriptions, which Folio does
/// not show), as the words a reader sees.
fn words_of_text_elements(value: &Value, words: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            if fields.get("type").and_then(Value::as_str) == Some("text") {
                if let Some(html) = fields.get("content").and_then(Value::as_str) {
                    let text = scraper::Html::parse_fragment(html).root_element().text().collect::<String>();
                    words.extend(text.split_whitespace().map(str::to_owned));
                }
            }
            fields.iter().filter(|(key, _)| *key != "description").for_each(|(_, inner)| words_of_text_elements(inner, words));
        }
        Value::Array(items) => items.iter().for_each(|item| words_of_text_elements(item, words)),
        _ => {}
    }
}

/// The date given to a draft story, as `folio-convert --date` would.
const DRAFT_DATE: &str = "2026-01-01T08:00:00Z";

fn first_date(story: &Value) -> Option<&str> {
    ["display_date", "first_publish_date", "publish_date", "created_date"]
        .iter()
        .find_map(|field| story[field].as_str().filter(|d| Timestamp::parse(d).is_some()))
}

#[test]
fn story_fixtures_convert_with_their_headline_byline_dates_and_words() {
    let (mut converted, mut refused, mut drafts) = (0, Vec::new(), Vec::new());
    for (name, story) in fixtures().into_iter().filter(|(name, _)| name.starts_with("story-fixture") && !name.contains("-bad")) {
        let mut result = convert(Format::Ans, &story.to_string());
        // A story with no date at all (a draft) converts with the date its caller gives.
        if result.as_ref().is_err_and(|e| e.path == "display_date") && first_date(&story).is_none() {
            let options = ConvertOptions { date: Timestamp::parse(DRAFT_DATE), ..ConvertOptions::default() };
            result = convert_with(Format::Ans, &story.to_string(), &options);
            let converted = result.as_ref().unwrap_or_else(|e| panic!("{name} with --date: {e}"));
            assert_eq!(converted.document["datePublished"], DRAFT_DATE, "{name}");
            assert!(converted.warnings.iter().any(|w| w.starts_with("display_date: no publication date")), "{name}");
            drafts.push(name.clone());
        }
        let Ok(Converted { document, warnings }) = result else {
            // Only a story that has nothing to give Folio's required fields may be refused.
            let error = result.unwrap_err();
            let lacks = match error.path.as_str() {
                "headlines.basic" => story["headlines"]["basic"].as_str().is_none(),
                "display_date" => first_date(&story).is_none(),
                _ => false,
            };
            assert!(lacks, "{name} refused: {error}");
            refused.push(format!("{name} ({error})"));
            continue;
        };
        converted += 1;
        assert_eq!(document["headline"], story["headlines"]["basic"], "{name}");
        assert_eq!(document["datePublished"].as_str(), first_date(&story).or(Some(DRAFT_DATE)), "{name}");
        let by = story["credits"]["by"].as_array().map_or(&[][..], Vec::as_slice);
        let names: Vec<&Value> = by.iter().filter(|p| p["type"] != "reference").map(|p| &p["name"]).collect();
        let authors: Vec<&Value> = document["authors"].as_array().map_or(&[][..], Vec::as_slice).iter().map(|a| &a["name"]).collect();
        assert_eq!(authors, names, "{name}");
        let mut words = Vec::new();
        words_of_text_elements(&story["content_elements"], &mut words);
        let seen = visible_text(&document);
        for word in words {
            assert!(seen.contains(&word), "{name}: \"{word}\" is missing");
        }
        eprintln!("{name}: converted, {} warnings", warnings.len());
    }
    eprintln!(
        "ANS stories: {converted} converted ({} of them drafts, with --date: {drafts:?}); {} refused: {refused:?}",
        drafts.len(),
        refused.len()
    );
}

#[test]
fn bad_story_fixtures_are_refused_with_a_path_or_converted_with_what_they_give() {
    let mut outcomes = Vec::new();
    for (name, story) in fixtures().into_iter().filter(|(name, _)| name.starts_with("story-fixture-bad")) {
        match convert(Format::Ans, &story.to_string()) {
            Ok(converted) => outcomes.push(format!("{name}: converted, {} warnings", converted.warnings.len())),
            Err(error) => {
                assert!(!error.path.is_empty(), "{name}: {error}");
                outcomes.push(format!("{name}: refused, {error}"));
            }
        }
    }
    eprintln!("ANS bad stories:\n  {}", outcomes.join("\n  "));
}

#[test]
fn element_fixtures_convert_inside_a_story_each_leaving_a_block_or_a_warning() {
    let (mut good, mut other, mut bad_warned, mut bad_clean) = (0, 0, 0, Vec::new());
    for (name, element) in fixtures().into_iter().filter(|(name, _)| !name.starts_with("story-")) {
        let converted = convert(Format::Ans, &in_a_story(&element)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let blocks = converted.document["body"].as_array().unwrap().len();
        if name.contains("-bad") {
            if converted.warnings.is_empty() {
                bad_clean.push(name);
            } else {
                bad_warned += 1;
            }
            continue;
        }
        assert!(blocks > 0 || !converted.warnings.is_empty(), "{name}: nothing converted and nothing said");
        if name.contains("-good") {
            good += 1;
        } else {
            other += 1;
        }
    }
    eprintln!(
        "ANS elements: {good} good and {other} others converted; bad: {bad_warned} converted with warnings, {} without: {bad_clean:?}",
        bad_clean.len()
    );
}

/// Every converted fixture is a document Folio reads: `with_extensions` chooses those that use
/// the contract's extensions, or those that do not.
fn converted_documents_are_read_by_folio(with_extensions: bool) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, value) in fixtures() {
        let text = if name.starts_with("story-") { value.to_string() } else { in_a_story(&value) };
        let Ok(converted) = convert(Format::Ans, &text) else { continue };
        if extension_shapes(&converted.document).is_empty() == with_extensions {
            continue;
        }
        checked += 1;
        if let Err(why) = folio_reads(&converted.document) {
            failures.push(format!("{name}: {why}"));
        }
    }
    eprintln!("ANS documents read by Folio: {} of {checked}", checked - failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn converted_fixtures_without_extension_shapes_are_read_by_folio() {
    converted_documents_are_read_by_folio(false);
}

/// Tests that read documents using the contract's extensions: they pass once Folio's model reads
/// them.
mod needs_model_extensions {
    #[test]
    fn converted_fixtures_with_extension_shapes_are_read_by_folio() {
        super::converted_documents_are_read_by_folio(true);
    }
}
