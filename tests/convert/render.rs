//! Folio's rendering of a converted body (Yew's server renderer, `ArticleView`) and the structure
//! two renderings of a body are compared by: block elements and their nesting (`p`, `h2`..`h6`
//! with `h1` read as `h2`, `blockquote`, `ul`/`ol`/`li`, `pre`, `table`/`tr`/`td`/`th`, `figure`),
//! images by `src`, line breaks, and runs of text with the inline marks in force (`strong`, `em`,
//! `code`, `a` with its `href`, `u`, `s`, `sup`, `sub`), white space collapsed. Wrapper elements,
//! classes, ids, other attributes and Folio's heading anchors are not part of it; neither is a
//! `p` inside a `blockquote` (Folio puts the quote's text in one, the reference does not).

use crate::folio_reads;
use folio::components::{ArticleView, ArticleViewProps, Prerendering};
use folio::options::ContentsMode;
use folio::platform::{PlainPlatform, PlatformRef};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::rc::Rc;
use yew::{AttrValue, Callback, LocalServerRenderer};

/// The HTML of the body of `document` as Folio renders it, or why Folio does not read it.
pub async fn folio_body(document: &Value) -> Result<String, String> {
    let article = Rc::new(folio_reads(document)?.article);
    let html = LocalServerRenderer::<ArticleView>::with_props(ArticleViewProps {
        article,
        base: None,
        options: Rc::default(),
        platform: PlatformRef(Rc::new(PlainPlatform { now_ms: 0.0 })),
        id_prefix: AttrValue::Static("t"),
        on_navigate: None,
        focus_headline: false,
        contents: ContentsMode::Hide,
        on_complete: Callback::noop(),
        prerendered: Prerendering::No,
    })
    .hydratable(false)
    .render()
    .await;
    let page = Html::parse_fragment(&html);
    let body = page.select(&Selector::parse(".folio-body").unwrap()).next().ok_or("no .folio-body")?;
    Ok(body.inner_html())
}

/// The structure of `html`, one token a line.
pub fn structure(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut tokens = Vec::new();
    walk(fragment.root_element(), &[], false, &mut tokens);
    tidy(tokens)
}

/// The text of `html`, white space collapsed.
pub fn text(html: &str) -> String {
    collapse(&Html::parse_fragment(html).root_element().text().collect::<String>()).trim().to_owned()
}

const BLOCKS: [&str; 16] = ["p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "table", "tr", "td", "th", "figure"];

fn walk(element: ElementRef, marks: &[String], in_quote: bool, tokens: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => tokens.push(format!("text[{}] {}", marks.join(","), &**text)),
            Node::Element(_) => {
                let inner = ElementRef::wrap(child).unwrap();
                let value = inner.value();
                let name = if value.name() == "h1" { "h2" } else { value.name() };
                let style = value.attr("style").unwrap_or_default();
                let mark = match name {
                    "strong" | "b" => Some("strong".to_owned()),
                    "em" | "i" => Some("em".to_owned()),
                    "code" | "u" | "sup" | "sub" => Some(name.to_owned()),
                    "s" | "strike" | "del" => Some("s".to_owned()),
                    "span" if style.contains("underline") => Some("u".to_owned()),
                    "a" => value.attr("href").map(|href| format!("a={href}")),
                    _ => None,
                };
                if value.classes().any(|class| class == "folio-anchor") || matches!(name, "script" | "style") {
                    continue;
                } else if name == "br" {
                    tokens.push("br".into());
                } else if name == "img" {
                    tokens.push(format!("img {}", value.attr("src").unwrap_or_default()));
                } else if let Some(mark) = mark {
                    let mut inner_marks = marks.to_vec();
                    inner_marks.push(mark);
                    inner_marks.sort();
                    inner_marks.dedup();
                    walk(inner, &inner_marks, in_quote, tokens);
                } else if BLOCKS.contains(&name) && !(name == "p" && in_quote) {
                    tokens.push(format!("<{name}>"));
                    walk(inner, marks, in_quote || name == "blockquote", tokens);
                    tokens.push(format!("</{name}>"));
                } else {
                    walk(inner, marks, in_quote, tokens);
                }
            }
            _ => {}
        }
    }
}

/// Runs of text with the same marks joined, white space collapsed, and none at the edges of a
/// block or a line.
fn tidy(tokens: Vec<String>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::new();
    for token in tokens {
        if let (Some(last), Some((marks, text))) = (joined.last_mut(), token.split_once("] ")) {
            if last.starts_with("text[") && last.split_once("] ").is_some_and(|(m, _)| m == marks) {
                last.push_str(text);
                continue;
            }
        }
        joined.push(token);
    }
    let is_edge = |token: Option<&String>| token.is_none_or(|t| t.starts_with('<') || t == "br");
    let mut tidy = Vec::new();
    for index in 0..joined.len() {
        let token = &joined[index];
        let Some((marks, text)) = token.split_once("] ").filter(|_| token.starts_with("text[")) else {
            tidy.push(token.clone());
            continue;
        };
        let mut text = collapse(text);
        if is_edge(index.checked_sub(1).and_then(|i| joined.get(i))) {
            text = text.trim_start().to_owned();
        }
        if is_edge(joined.get(index + 1)) {
            text = text.trim_end().to_owned();
        }
        if !text.is_empty() {
            tidy.push(format!("{marks}] {text}"));
        }
    }
    tidy
}

/// Runs of white space (no-break spaces too, which the reference writes for repeated spaces) as
/// one space.
fn collapse(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if !c.is_whitespace() {
            collapsed.push(c);
        } else if !in_space {
            collapsed.push(' ');
        }
        in_space = c.is_whitespace();
    }
    collapsed
}
