//! The HTML page around a prerendered article (contract section 4): the head a publisher needs
//! (title, description, canonical, Open Graph, one schema.org `NewsArticle` in JSON-LD), the
//! article's markup, and the document itself for the browser to take the page over from.
//!
//! Every URL in the head passed the same sanitiser as the body's and parses as an absolute
//! `http(s)` URL (WHATWG rules), resolved against the article's own `url` when relative; any other
//! is left out. Text in a script element is written so that nothing in the document can end it.

use crate::hydration::DOCUMENT_ATTRIBUTE;
use crate::i18n::direction;
use crate::model::{Article, Block, Timestamp};
use serde_json::{json, Map, Value};

/// What a description holds at most, in characters: about what search results show.
const DESCRIPTION_CHARS: usize = 160;

/// The whole page: `article_html` is the rendered article, `document` the JSON it came from,
/// `assets` the URL of the folder with `folio.css` and `folio-start.js` (ending in `/`), and
/// `takeover` the attributes of the article's element that the browser hydrates it with.
pub fn page(article: &Article, lang: &str, article_html: &str, document: &str, assets: &str, takeover: &[(&str, String)]) -> String {
    let assets = if assets.is_empty() || assets.ends_with('/') { assets.to_owned() } else { format!("{assets}/") };
    let mut head = String::new();
    head.push_str("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    head.push_str(&format!("<title>{}</title>\n", text(&article.headline.0)));
    let description = description(article);
    if !description.is_empty() {
        head.push_str(&meta_name("description", &description));
    }
    let canonical = absolute_url(article.url.as_deref(), None);
    if let Some(url) = &canonical {
        head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", attribute(url)));
    }
    let image = lead_image(article, canonical.as_deref());
    for (property, content) in open_graph(article, &description, canonical.as_deref(), image.as_deref()) {
        head.push_str(&format!("<meta property=\"{property}\" content=\"{}\">\n", attribute(&content)));
    }
    head.push_str(&format!("<link rel=\"stylesheet\" href=\"{}folio.css\">\n", attribute(&assets)));
    head.push_str(&format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        script_json(&news_article(article, lang, &description, canonical.as_deref(), image.as_deref()).to_string())
    ));
    // The document and the start-up script go in the head too, so the body holds the article and
    // nothing else (a module script runs after parsing wherever it stands).
    head.push_str(&format!("<script type=\"application/json\" {DOCUMENT_ATTRIBUTE}>{}</script>\n", script_json(document)));
    head.push_str(&format!("<script type=\"module\" src=\"{}folio-start.js\"></script>\n", attribute(&assets)));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n{head}</head>\n<body>\n\
         <main class=\"folio-prerendered\"{takeover}>{article_html}</main>\n</body>\n</html>\n",
        lang = attribute(lang),
        dir = direction(lang),
        takeover = takeover.iter().map(|(name, value)| format!(" {name}=\"{}\"", attribute(value))).collect::<String>(),
    )
}

/// A page of links to prerendered articles: `(file name, headline, language)` each, in order.
pub fn index(entries: &[(String, String, String)]) -> String {
    let items: String = entries
        .iter()
        .map(|(file, headline, lang)| {
            format!("<li><a href=\"{}\" lang=\"{}\">{}</a></li>\n", attribute(file), attribute(lang), text(headline))
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Articles</title>\n</head>\n\
         <body>\n<main>\n<h1>Articles</h1>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
    )
}

/// The subheadline, or else the start of the first paragraph, on one line, cut at a word (or,
/// in scripts without spaces, a character) with "…".
pub fn description(article: &Article) -> String {
    let source = article.subheadline.clone().filter(|s| !s.trim().is_empty()).or_else(|| {
        article.body.iter().find_map(|block| match block.as_ref() {
            Block::Paragraph { text } => Some(text.plain_text()),
            _ => None,
        })
    });
    let line = source.unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= DESCRIPTION_CHARS {
        return line;
    }
    let cut: String = line.chars().take(DESCRIPTION_CHARS - 1).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => &cut[..],
    };
    format!("{}…", at_word.trim_end())
}

/// `url` when it is safe (the body's sanitiser) and, resolved against `base`, an absolute
/// `http:` or `https:` URL that parses; `None` otherwise.
pub fn absolute_url(url: Option<&str>, base: Option<&str>) -> Option<String> {
    let safe = crate::url::sanitize(url?)?;
    let parsed = match base.and_then(|base| url::Url::parse(base).ok()) {
        Some(base) => base.join(&safe).ok()?,
        None => url::Url::parse(&safe).ok()?,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.into())
}

fn open_graph(article: &Article, description: &str, canonical: Option<&str>, image: Option<&str>) -> Vec<(&'static str, String)> {
    let mut tags = vec![("og:type", "article".to_owned()), ("og:title", article.headline.0.clone())];
    if !description.is_empty() {
        tags.push(("og:description", description.to_owned()));
    }
    if let Some(url) = canonical {
        tags.push(("og:url", url.to_owned()));
    }
    if let Some(image) = image {
        tags.push(("og:image", image.to_owned()));
    }
    if let Some(publisher) = &article.publisher {
        tags.push(("og:site_name", publisher.name.clone()));
    }
    tags.push(("article:published_time", article.date_published.text.clone()));
    if let Some(modified) = &article.date_modified {
        tags.push(("article:modified_time", modified.text.clone()));
    }
    if let Some(section) = &article.section {
        tags.push(("article:section", section.name.clone()));
    }
    for tag in &article.tags {
        tags.push(("article:tag", tag.name.clone()));
    }
    tags
}

/// The lead image, else the body's first image, as an absolute URL.
fn lead_image(article: &Article, base: Option<&str>) -> Option<String> {
    let body_image = article.body.iter().find_map(|block| match block.as_ref() {
        Block::Image(image) => Some(image.src.as_str()),
        _ => None,
    });
    [article.image.as_ref().map(|image| image.src.as_str()), body_image].into_iter().flatten().find_map(|src| absolute_url(Some(src), base))
}

/// The schema.org `NewsArticle` of the article.
pub fn news_article(article: &Article, lang: &str, description: &str, canonical: Option<&str>, image: Option<&str>) -> Value {
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    object.insert("@type".into(), json!("NewsArticle"));
    object.insert("headline".into(), json!(article.headline.0));
    object.insert("datePublished".into(), json!(article.date_published.text));
    let modified: &Timestamp = article.date_modified.as_ref().unwrap_or(&article.date_published);
    object.insert("dateModified".into(), json!(modified.text));
    object.insert("inLanguage".into(), json!(lang));
    if !description.is_empty() {
        object.insert("description".into(), json!(description));
    }
    if let Some(url) = canonical {
        object.insert("mainEntityOfPage".into(), json!({ "@type": "WebPage", "@id": url }));
    }
    if let Some(image) = image {
        object.insert("image".into(), json!([image]));
    }
    if let Some(section) = &article.section {
        object.insert("articleSection".into(), json!(section.name));
    }
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|person| {
            let mut author = json!({ "@type": "Person", "name": person.name });
            if let Some(url) = absolute_url(person.url.as_deref(), canonical) {
                author["url"] = json!(url);
            }
            author
        })
        .collect();
    if !authors.is_empty() {
        object.insert("author".into(), Value::Array(authors));
    }
    if let Some(publisher) = &article.publisher {
        let mut organization = json!({ "@type": "Organization", "name": publisher.name });
        if let Some(url) = absolute_url(publisher.url.as_deref(), canonical) {
            organization["url"] = json!(url);
        }
        if let Some(logo) = absolute_url(publisher.logo.as_deref(), canonical) {
            organization["logo"] = json!({ "@type": "ImageObject", "url": logo });
        }
        object.insert("publisher".into(), organization);
    }
    Value::Object(object)
}

/// JSON for a `<script>` element: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, which JSON
/// reads the same inside strings (and JSON has them nowhere else), so no text can close the
/// element or open a comment in it.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn meta_name(name: &str, content: &str) -> String {
    format!("<meta name=\"{name}\" content=\"{}\">\n", attribute(content))
}

/// Text content: `&`, `<` and `>` escaped.
fn text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A double-quoted attribute value.
fn attribute(value: &str) -> String {
    text(value).replace('"', "&quot;")
}
