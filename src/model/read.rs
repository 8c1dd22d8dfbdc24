//! The model's readers: each type read from JSON text by hand, with [`Json`].
//!
//! The rules they share (the contract's, and Folio's own where the contract is silent):
//! - `null` in an optional field means absent (the contract); in a required field it is a wrong type.
//! - A field given twice is refused (a publisher's bug, and JavaScript would keep only one).
//! - Fields the model does not know are skipped, however deep.
//! - An object is read only from an object: a list of field values in its place
//!   (`"section": ["Science"]`) is a wrong type.
//! - The first missing required field is reported in the order the type declares its fields.
//!
//! Each reader keeps what it has read in locals named after the fields; where a field and a reader
//! share a name, the reader is called as `self::name`.

use super::block::{Block, HeadingLevel, Image, Inline, Span};
use super::json::{Fault, Json, Kind, Number, Step};
use super::list_page::ListPage;
use super::parse::{BlockText, BodyBlock};
use super::time::Timestamp;
use super::{Article, Comment, Comments, ContractVersion, Count, Headline, Link, Person, Publisher, RelatedItem, RelatedList};
use std::rc::Rc;

type Read<T> = Result<T, Fault>;

/// An optional value: `null` or the value.
fn optional<'a, T>(json: &mut Json<'a>, read: impl FnOnce(&mut Json<'a>) -> Read<T>) -> Read<Option<T>> {
    if json.null()? {
        Ok(None)
    } else {
        read(json).map(Some)
    }
}

fn text(json: &mut Json) -> Read<String> {
    json.string().map(|text| text.into_owned())
}

fn optional_text(json: &mut Json) -> Read<Option<String>> {
    optional(json, text)
}

/// `true`, `false`, or `null` for false.
fn flag(json: &mut Json) -> Read<bool> {
    Ok(optional(json, Json::boolean)?.unwrap_or(false))
}

/// A list of objects, each read by `read`; `null` is an empty list.
fn objects<'a, T>(json: &mut Json<'a>, mut read: impl FnMut(&mut Json<'a>) -> Read<T>) -> Read<Vec<T>> {
    let mut items = Vec::new();
    if !json.null()? {
        json.list("a list", &mut |json, _| {
            items.push(read(json)?);
            Ok(())
        })?;
    }
    Ok(items)
}

/// A required field's value, or the fault that it is missing.
fn required<T>(value: Option<T>, field: &'static str) -> Read<T> {
    value.ok_or_else(|| Fault::missing(field))
}

/// A whole number that `fits`, or a fault that quotes the number and says what `expected`.
fn whole(json: &mut Json, fits: impl FnOnce(u64) -> bool, refusal: impl FnOnce(&Number) -> String) -> Read<u64> {
    let number = json.number()?;
    match number.whole {
        Some(value) if fits(value) => Ok(value),
        _ => Err(Fault::value(refusal(&number))),
    }
}

fn quoted_number(number: &Number) -> String {
    super::json::quoted(number.text)
}

fn contract_version(json: &mut Json) -> Read<ContractVersion> {
    whole(json, |v| v == 1, |n| format!("unsupported version {}: this renderer reads version 1 of the article contract", quoted_number(n)))?;
    Ok(ContractVersion)
}

fn headline(json: &mut Json) -> Read<Headline> {
    let text = text(json)?;
    if text.trim().is_empty() {
        return Err(Fault::value("the headline is blank; an article needs a headline"));
    }
    Ok(Headline(text))
}

fn count(json: &mut Json) -> Read<Count> {
    whole(json, |_| true, |n| format!("{} is not a count: expected a whole number of 0 or more", quoted_number(n))).map(Count)
}

fn pixels(json: &mut Json) -> Read<u32> {
    let value = whole(json, |v| v <= u64::from(u32::MAX), |n| {
        format!("{} is not a size in pixels: expected a whole number from 0 to {}", quoted_number(n), u32::MAX)
    })?;
    Ok(value as u32)
}

const TIMESTAMP: &str = "an RFC 3339 timestamp with offset, like \"2025-08-15T23:45:00+08:00\"";

fn timestamp(json: &mut Json) -> Read<Timestamp> {
    if json.kind()? != Kind::Text {
        return Err(json.wrong(TIMESTAMP));
    }
    let text = json.string()?;
    Timestamp::parse(&text).ok_or_else(|| Fault::value(format!("\"{}\" is not {TIMESTAMP}", super::json::quoted(&text))))
}

fn optional_timestamp(json: &mut Json) -> Read<Option<Timestamp>> {
    optional(json, timestamp)
}

fn link(json: &mut Json) -> Read<Link> {
    let (mut name, mut url) = (None, None);
    json.object("an object", &["name", "url"], &mut |json, field| {
        match field {
            0 => name = Some(text(json)?),
            _ => url = optional_text(json)?,
        }
        Ok(())
    })?;
    Ok(Link { name: required(name, "name")?, url })
}

fn person(json: &mut Json) -> Read<Person> {
    link(json).map(|Link { name, url }| Person { name, url })
}

fn publisher(json: &mut Json) -> Read<Publisher> {
    let (mut name, mut url, mut logo) = (None, None, None);
    json.object("an object", &["name", "url", "logo"], &mut |json, field| {
        match field {
            0 => name = Some(text(json)?),
            1 => url = optional_text(json)?,
            _ => logo = optional_text(json)?,
        }
        Ok(())
    })?;
    Ok(Publisher { name: required(name, "name")?, url, logo })
}

fn span(json: &mut Json) -> Read<Span> {
    let (mut text, mut bold, mut italic, mut code, mut href) = (None, false, false, false, None);
    json.object("an object", &["text", "bold", "italic", "code", "href"], &mut |json, field| {
        match field {
            0 => text = Some(self::text(json)?),
            1 => bold = flag(json)?,
            2 => italic = flag(json)?,
            3 => code = flag(json)?,
            _ => href = optional_text(json)?,
        }
        Ok(())
    })?;
    Ok(Span { text: required(text, "text")?, bold, italic, code, href })
}

fn inline(json: &mut Json) -> Read<Inline> {
    match json.kind()? {
        Kind::Text => text(json).map(Inline::Text),
        Kind::List => {
            let mut spans = Vec::new();
            json.list("a list", &mut |json, _| {
                spans.push(span(json)?);
                Ok(())
            })?;
            Ok(Inline::Spans(spans))
        }
        _ => Err(json.wrong("text or a list of spans")),
    }
}

fn optional_inline(json: &mut Json) -> Read<Option<Inline>> {
    optional(json, inline)
}

fn image(json: &mut Json) -> Read<Image> {
    let (mut src, mut alt, mut caption, mut credit, mut width, mut height) = (None, None, None, None, None, None);
    json.object("an object", &["src", "alt", "caption", "credit", "width", "height"], &mut |json, field| {
        match field {
            0 => src = Some(text(json)?),
            1 => alt = Some(text(json)?),
            2 => caption = optional_inline(json)?,
            3 => credit = optional_text(json)?,
            4 => width = optional(json, pixels)?,
            _ => height = optional(json, pixels)?,
        }
        Ok(())
    })?;
    Ok(Image { src: required(src, "src")?, alt: required(alt, "alt")?, caption, credit, width, height })
}

/// What a block's `type` field holds, found by a first look over the block.
enum BlockType {
    Text(String),
    Wrong(&'static str),
    Missing,
}

/// Reads one body block: first its `type` (wherever it is among the fields; the last one counts
/// if there are several, as in JavaScript), then the fields of that type. A block of a type this
/// renderer does not know is only checked to be well-formed.
pub(crate) fn block(json: &mut Json) -> Read<BodyBlock> {
    let start = {
        json.kind()?;
        json.offset()
    };
    let mut kind = BlockType::Missing;
    json.fields("a block object", &mut |json, key| {
        if key != "type" {
            return json.skip();
        }
        let found = json.kind()?;
        kind = if found == Kind::Text {
            BlockType::Text(text(json).map_err(|fault| fault.at(Step::Field("type")))?)
        } else {
            json.skip()?;
            BlockType::Wrong(found.name())
        };
        Ok(())
    })?;
    let end = json.offset();
    let kind = match kind {
        BlockType::Text(kind) => kind,
        BlockType::Wrong(found) => {
            return Err(Fault::value(format!("expected the block type as text, found {found}")).at(Step::Field("type")))
        }
        BlockType::Missing => return Err(Fault::missing("type")),
    };
    json.seek(start);
    let block = match kind.as_str() {
        "paragraph" => {
            let mut text = None;
            json.object("a block object", &["text"], &mut |json, _| {
                text = Some(inline(json)?);
                Ok(())
            })?;
            Block::Paragraph { text: required(text, "text")? }
        }
        "heading" => {
            let (mut level, mut text) = (None, None);
            json.object("a block object", &["level", "text"], &mut |json, field| {
                match field {
                    0 => level = optional(json, heading_level)?,
                    _ => text = Some(inline(json)?),
                }
                Ok(())
            })?;
            Block::Heading { level: level.unwrap_or(HeadingLevel::H2), text: required(text, "text")? }
        }
        "quote" => {
            let (mut text, mut cite) = (None, None);
            json.object("a block object", &["text", "cite"], &mut |json, field| {
                match field {
                    0 => text = Some(inline(json)?),
                    _ => cite = optional_text(json)?,
                }
                Ok(())
            })?;
            Block::Quote { text: required(text, "text")?, cite }
        }
        "list" => {
            let (mut ordered, mut items) = (false, None);
            json.object("a block object", &["ordered", "items"], &mut |json, field| {
                match field {
                    0 => ordered = flag(json)?,
                    _ => {
                        let mut list = Vec::new();
                        json.list("a list", &mut |json, _| {
                            list.push(inline(json)?);
                            Ok(())
                        })?;
                        items = Some(list);
                    }
                }
                Ok(())
            })?;
            Block::List { ordered, items: required(items, "items")? }
        }
        "image" => Block::Image(image(json)?),
        "video" => {
            let (mut src, mut poster, mut caption) = (None, None, None);
            json.object("a block object", &["src", "poster", "caption"], &mut |json, field| {
                match field {
                    0 => src = Some(text(json)?),
                    1 => poster = optional_text(json)?,
                    _ => caption = optional_inline(json)?,
                }
                Ok(())
            })?;
            Block::Video { src: required(src, "src")?, poster, caption }
        }
        "divider" => {
            json.seek(end);
            Block::Divider
        }
        _ => {
            json.seek(end);
            return Ok(BodyBlock::Skipped { kind });
        }
    };
    Ok(BodyBlock::Shown(Rc::new(block)))
}

fn heading_level(json: &mut Json) -> Read<HeadingLevel> {
    let level = whole(json, |l| l == 2 || l == 3, |n| format!("heading level {} is not allowed: use 2 or 3", quoted_number(n)))?;
    Ok(if level == 2 { HeadingLevel::H2 } else { HeadingLevel::H3 })
}

/// The body: each block read where it is, with its place in the text.
fn body(json: &mut Json) -> Read<Vec<BlockText>> {
    let mut blocks = Vec::new();
    json.list("a list", &mut |json, _| {
        json.kind()?;
        let start = json.offset();
        let read = block(json)?;
        blocks.push(BlockText { span: start..json.offset(), read });
        Ok(())
    })?;
    Ok(blocks)
}

fn related_item(json: &mut Json) -> Read<RelatedItem> {
    let (mut title, mut url, mut source, mut date_published, mut image, mut duration, mut article) = (None, None, None, None, None, None, None);
    json.object("an object", &["title", "url", "source", "datePublished", "image", "duration", "article"], &mut |json, field| {
        match field {
            0 => title = Some(text(json)?),
            1 => url = Some(text(json)?),
            2 => source = optional_text(json)?,
            3 => date_published = optional_timestamp(json)?,
            4 => image = optional_text(json)?,
            5 => duration = optional_text(json)?,
            _ => article = optional_text(json)?,
        }
        Ok(())
    })?;
    Ok(RelatedItem { title: required(title, "title")?, url: required(url, "url")?, source, date_published, image, duration, article })
}

fn related_list(json: &mut Json) -> Read<RelatedList> {
    let (mut id, mut title, mut style, mut items, mut src, mut more_url) = (None, None, None, Vec::new(), None, None);
    json.object("an object", &["id", "title", "style", "items", "src", "moreUrl"], &mut |json, field| {
        match field {
            0 => id = optional_text(json)?,
            1 => title = Some(text(json)?),
            2 => style = optional_text(json)?,
            3 => items = objects(json, related_item)?,
            4 => src = optional_text(json)?,
            _ => more_url = optional_text(json)?,
        }
        Ok(())
    })?;
    Ok(RelatedList { id, title: required(title, "title")?, style, items, src, more_url })
}

fn comment(json: &mut Json) -> Read<Comment> {
    let (mut author, mut text, mut date_published) = (None, None, None);
    json.object("an object", &["author", "text", "datePublished"], &mut |json, field| {
        match field {
            0 => author = Some(self::text(json)?),
            1 => text = Some(self::text(json)?),
            _ => date_published = optional_timestamp(json)?,
        }
        Ok(())
    })?;
    Ok(Comment { author: required(author, "author")?, text: required(text, "text")?, date_published })
}

fn comments(json: &mut Json) -> Read<Comments> {
    let (mut count, mut url, mut items) = (None, None, Vec::new());
    json.object("an object", &["count", "url", "items"], &mut |json, field| {
        match field {
            0 => count = Some(self::count(json)?),
            1 => url = optional_text(json)?,
            _ => items = objects(json, comment)?,
        }
        Ok(())
    })?;
    Ok(Comments { count: required(count, "count")?, url, items })
}

/// The fields of an article, in the order the contract lists them (and missing ones are named).
const ARTICLE_FIELDS: [&str; 19] = [
    "version", "id", "lang", "url", "section", "headline", "subheadline", "publisher", "authors", "datePublished",
    "dateModified", "timeZone", "image", "body", "credits", "originalUrl", "tags", "lists", "comments",
];

/// Reads an article object, and each body block's place in the text.
pub(crate) fn article(json: &mut Json) -> Read<(Article, Vec<BlockText>)> {
    let mut version = None;
    let (mut id, mut lang, mut url, mut section, mut headline, mut subheadline, mut publisher) = (None, None, None, None, None, None, None);
    let (mut authors, mut date_published, mut date_modified, mut time_zone, mut image, mut body) = (Vec::new(), None, None, None, None, None);
    let (mut credits, mut original_url, mut tags, mut lists, mut comments) = (None, None, Vec::new(), Vec::new(), None);
    json.object("an article object", &ARTICLE_FIELDS, &mut |json, field| {
        match field {
            0 => version = optional(json, contract_version)?,
            1 => id = optional_text(json)?,
            2 => lang = optional_text(json)?,
            3 => url = optional_text(json)?,
            4 => section = optional(json, link)?,
            5 => headline = Some(self::headline(json)?),
            6 => subheadline = optional_text(json)?,
            7 => publisher = optional(json, self::publisher)?,
            8 => authors = objects(json, person)?,
            9 => date_published = Some(timestamp(json)?),
            10 => date_modified = optional_timestamp(json)?,
            11 => time_zone = optional_text(json)?,
            12 => image = optional(json, self::image)?,
            13 => body = Some(self::body(json)?),
            14 => credits = optional_text(json)?,
            15 => original_url = optional_text(json)?,
            16 => tags = objects(json, link)?,
            17 => lists = objects(json, related_list)?,
            _ => comments = optional(json, self::comments)?,
        }
        Ok(())
    })?;
    let headline = required(headline, "headline")?;
    let date_published = required(date_published, "datePublished")?;
    let blocks = required(body, "body")?;
    let article = Article {
        version,
        id,
        lang,
        url,
        section,
        headline,
        subheadline,
        publisher,
        authors,
        date_published,
        date_modified,
        time_zone,
        image,
        body: super::parse::shown_blocks(&blocks),
        credits,
        original_url,
        tags,
        lists,
        comments,
    };
    Ok((article, blocks))
}

/// Reads a page of related items.
pub(crate) fn list_page(json: &mut Json) -> Read<ListPage> {
    let (mut items, mut next) = (Vec::new(), None);
    json.object("an object", &["items", "next"], &mut |json, field| {
        match field {
            0 => items = objects(json, related_item)?,
            _ => next = optional_text(json)?,
        }
        Ok(())
    })?;
    Ok(ListPage { items, next })
}
