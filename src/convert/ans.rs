//! An ANS story into Folio's article: its fields here, its content elements in
//! `ans_elements.rs` and the modules it uses.
//!
//! Mapping decisions a reader of the output should know:
//! - `datePublished` is the first valid timestamp of `display_date` (the date ANS shows readers),
//!   `first_publish_date`, `publish_date`, then `created_date` (reported, since it is not a
//!   publication date); a story with none of them (a draft) takes the caller's date (`--date`),
//!   or without one is refused at `display_date`. `dateModified`
//!   is `last_updated_date` when it is later than that date, and left out otherwise.
//! - The section is `taxonomy.primary_section`, else the canonical website's `website_section`,
//!   else `taxonomy.primary_site`; the url `canonical_url`, else `website_url`, else the canonical
//!   website's `website_url`.
//! - Credits other than `by` ("additional reporting by", ...) and `copyright` become Folio's
//!   credits note; the story's `corrections` follow the body, each a labelled paragraph.
//! - References (to authors, sections, related stories) are not resolved: ANS keeps what they
//!   refer to elsewhere. Each one skipped is reported.
//! - An active embargo is reported, not enforced: holding a story back is its publisher's job.

use super::ans_body::Body;
use super::ans_elements::{correction, elements};
use super::ans_media::image;
use super::inline_html::plain_from_html;
use super::source::{field_path, item_path, list_field, text_field};
use super::{ConvertError, Converted};
use crate::model::describe;
use crate::model::Timestamp;
use crate::url::sanitize;
use serde_json::{json, Map, Value};

/// Fields that may hold the publication date, in the order they are tried.
const PUBLISHED_FIELDS: [&str; 4] = ["display_date", "first_publish_date", "publish_date", "created_date"];

/// Converts an ANS story (a JSON value) into a Folio article document.
pub(crate) fn convert_story(story: &Value, date: Option<&Timestamp>) -> Result<Converted, ConvertError> {
    if !story.is_object() {
        return Err(ConvertError::at("", format!("an ANS story is an object, found {}", describe(story))));
    }
    if let Some(kind) = story.get("type").and_then(Value::as_str).filter(|kind| *kind != "story") {
        return Err(ConvertError::at("type", format!("\"{}\" is not an ANS story: Folio converts stories", kind.escape_debug())));
    }
    let headline = story.get("headlines").and_then(|h| text_field(h, "basic")).map(plain_from_html).filter(|h| !h.is_empty());
    let headline = headline.ok_or_else(|| ConvertError::at("headlines.basic", "required for a Folio headline"))?;
    let mut body = Body::default();
    if let Some(version) = story.get("version").and_then(Value::as_str).filter(|v| !v.starts_with("0.10.")) {
        body.warn("version", format_args!("ANS {version}: this converter follows ANS 0.10, so fields may be missed"));
    }
    let (published, published_ms) = date_published(story, &mut body, date)?;
    // Folio shows what it is given: a story held back by an embargo must be held back by its caller.
    let embargo = story.get("content_restrictions").and_then(|r| r.get("embargo")).filter(|e| e.get("active") == Some(&json!(true)));
    if let Some(embargo) = embargo {
        let until = text_field(embargo, "end_time").map_or_else(|| "no end time".to_owned(), |end| format!("until {end}"));
        body.warn("content_restrictions.embargo", format_args!("the story is under embargo ({until}); Folio does not hold it back"));
    }
    let mut article = Map::new();
    article.insert("version".into(), json!(1));
    if let Some(id) = text_field(story, "_id") {
        article.insert("id".into(), json!(id));
    }
    if let Some(lang) = text_field(story, "language") {
        article.insert("lang".into(), json!(lang));
    }
    if let Some(url) = canonical_url(story, &mut body) {
        article.insert("url".into(), json!(url));
    }
    if let Some(section) = section(story, &mut body) {
        article.insert("section".into(), section);
    }
    article.insert("headline".into(), json!(headline));
    let subheadline = ["subheadlines", "description"].iter().find_map(|key| story.get(key).and_then(|s| text_field(s, "basic")));
    if let Some(subheadline) = subheadline.map(plain_from_html).filter(|s| !s.is_empty()) {
        article.insert("subheadline".into(), json!(subheadline));
    }
    let authors = authors(story, &mut body);
    if !authors.is_empty() {
        article.insert("authors".into(), Value::Array(authors));
    }
    article.insert("datePublished".into(), json!(published));
    if let Some(modified) = text_field(story, "last_updated_date").and_then(Timestamp::parse) {
        if modified.epoch_ms > published_ms {
            article.insert("dateModified".into(), json!(modified.text));
        }
    }
    let promo = story.get("promo_items").and_then(|p| p.get("basic")).filter(|p| p.get("type").and_then(Value::as_str) == Some("image"));
    if let Some(lead) = promo.and_then(|p| image(p, "promo_items.basic", &mut body.warnings)) {
        article.insert("image".into(), Value::Object(lead));
    }
    elements(&mut body, list_field(story, "content_elements"), "content_elements");
    for (index, item) in list_field(story, "corrections").iter().enumerate() {
        correction(&mut body, item, &item_path("corrections", index));
    }
    if let Some(credits) = credits_note(story) {
        article.insert("credits".into(), json!(credits));
    }
    let tags: Vec<Value> = list_field(story.get("taxonomy").unwrap_or(&Value::Null), "tags")
        .iter()
        .filter_map(|tag| text_field(tag, "text").or_else(|| tag.as_str()))
        .map(plain_from_html)
        .filter(|name| !name.is_empty())
        .map(|name| json!({ "name": name }))
        .collect();
    if !tags.is_empty() {
        article.insert("tags".into(), Value::Array(tags));
    }
    if let Some(related) = related_list(story, &mut body) {
        article.insert("lists".into(), json!([related]));
    }
    article.insert("body".into(), Value::Array(body.blocks));
    Ok(Converted { document: Value::Object(article), warnings: body.warnings })
}

/// The publication date as written and in milliseconds: the first of [`PUBLISHED_FIELDS`] that
/// is an RFC 3339 timestamp with an offset.
/// A story with none (a draft) takes `date`, the caller's, when there is one.
fn date_published(story: &Value, body: &mut Body, date: Option<&Timestamp>) -> Result<(String, i64), ConvertError> {
    for field in PUBLISHED_FIELDS {
        let Some(text) = text_field(story, field) else { continue };
        match Timestamp::parse(text) {
            Some(date) => {
                if field == "created_date" {
                    body.warn(field, "no publication date: the creation date is shown as published");
                }
                return Ok((date.text, date.epoch_ms));
            }
            None => body.warn(field, "not an RFC 3339 timestamp with an offset, skipped"),
        }
    }
    if let Some(date) = date {
        body.warn("display_date", "no publication date (a draft?): the date given with --date is shown as published");
        return Ok((date.text.clone(), date.epoch_ms));
    }
    Err(ConvertError::at(
        "display_date",
        "required for Folio's datePublished: none of display_date, first_publish_date, publish_date or created_date is a timestamp (--date gives one for a draft)",
    ))
}

/// The canonical website's entry of `websites`, if the story names one.
fn canonical_website(story: &Value) -> Option<&Value> {
    story.get("websites")?.get(text_field(story, "canonical_website")?)
}

fn canonical_url(story: &Value, body: &mut Body) -> Option<String> {
    let from_website = canonical_website(story).and_then(|w| text_field(w, "website_url"));
    let (field, url) = [("canonical_url", text_field(story, "canonical_url")), ("website_url", text_field(story, "website_url"))]
        .into_iter()
        .chain([("websites", from_website)])
        .find_map(|(field, url)| Some((field, url?)))?;
    let safe = sanitize(url);
    if safe.is_none() {
        body.warn(field, "an unsafe URL left out");
    }
    safe
}

fn section(story: &Value, body: &mut Body) -> Option<Value> {
    let taxonomy = story.get("taxonomy").unwrap_or(&Value::Null);
    let candidates =
        [taxonomy.get("primary_section"), canonical_website(story).and_then(|w| w.get("website_section")), taxonomy.get("primary_site")];
    let found = candidates.into_iter().flatten().find_map(|section| {
        let name = plain_from_html(text_field(section, "name")?);
        let url = text_field(section, "path").or_else(|| text_field(section, "_id").filter(|id| id.starts_with('/'))).and_then(sanitize);
        (!name.is_empty()).then(|| match url {
            Some(url) => json!({ "name": name, "url": url }),
            None => json!({ "name": name }),
        })
    });
    if found.is_none() && taxonomy.get("primary_section").is_some() {
        body.warn("taxonomy.primary_section", "a section without a name (a reference?) left out");
    }
    found
}

fn authors(story: &Value, body: &mut Body) -> Vec<Value> {
    let mut authors = Vec::new();
    for (index, person) in list_field(story.get("credits").unwrap_or(&Value::Null), "by").iter().enumerate() {
        let path = item_path("credits.by", index);
        let Some(name) = text_field(person, "name").or_else(|| text_field(person, "byline")).map(plain_from_html) else {
            body.warn(&path, "an author without a name (a reference?) left out");
            continue;
        };
        let mut author = json!({ "name": name });
        match text_field(person, "url").map(|url| (url, sanitize(url))) {
            Some((_, Some(url))) => author["url"] = json!(url),
            Some((_, None)) => body.warn(&field_path(&path, "url"), "an unsafe URL left out"),
            None => {}
        }
        authors.push(author);
    }
    authors
}

/// Credits other than the byline ("Additional reporting by Greg Engel") and the copyright.
fn credits_note(story: &Value) -> Option<String> {
    let mut sentences = Vec::new();
    if let Some(Value::Object(roles)) = story.get("credits") {
        for (role, people) in roles.iter().filter(|(role, _)| *role != "by") {
            let names: Vec<String> = people
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter_map(|p| text_field(p, "name"))
                .map(plain_from_html)
                .collect();
            if !names.is_empty() {
                let role = role.replace('_', " ");
                let mut letters = role.chars();
                let role: String = letters.next().map(|first| first.to_uppercase().chain(letters).collect()).unwrap_or_default();
                sentences.push(format!("{role} {}.", names.join(", ")));
            }
        }
    }
    sentences.extend(text_field(story, "copyright").map(plain_from_html));
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The stories of `related_content.basic` that are in the document (not references), as a
/// related list.
fn related_list(story: &Value, body: &mut Body) -> Option<Value> {
    let related = story.get("related_content").unwrap_or(&Value::Null);
    let mut items = Vec::new();
    for (index, item) in list_field(related, "basic").iter().enumerate() {
        let path = item_path("related_content.basic", index);
        let title = item.get("headlines").and_then(|h| text_field(h, "basic")).map(plain_from_html);
        let url = text_field(item, "canonical_url").or_else(|| text_field(item, "website_url")).and_then(sanitize);
        match (title, url) {
            (Some(title), Some(url)) => items.push(json!({ "title": title, "url": url })),
            _ if item.get("type").and_then(Value::as_str) == Some("reference") => {
                body.warn(&path, "a reference to related content left out: what it refers to is not in the document")
            }
            _ => body.warn(&path, "related content without a headline and a safe URL left out"),
        }
    }
    (!items.is_empty()).then(|| json!({ "title": "Related", "items": items }))
}
