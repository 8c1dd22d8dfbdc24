//! ANS text holds inline HTML. It is parsed as a browser would parse it (html5ever, through
//! scraper, as the content of a `<body>`), and the allowed inline subset becomes span marks:
//! b/strong, i/em, code, a[href], br, sup/sub, u, s/strike/del. Every other element is dropped to
//! its text, and the content of script, style and other elements whose content is not text for
//! the reader is dropped entirely. Entities are decoded by the parser.
//!
//! White space is collapsed the way a browser shows it (runs of ASCII white space are one space,
//! none at the ends), since Folio shows text as text nodes: the same words, the same spacing.
//! The tree is walked without recursion: the HTML of a hostile document may nest deeper than the
//! stack.

use super::spans::{InlineText, Marks};
use crate::url::sanitize;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is dropped with them.
const DROPPED_WITH_CONTENT: [&str; 8] = ["script", "style", "template", "noscript", "iframe", "noembed", "noframes", "object"];

/// Elements that start a new line of text in a browser: between two of them words must not run
/// together once the elements are gone.
const BLOCK_ELEMENTS: [&str; 22] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "section",
    "article",
    "figcaption",
];

/// The inline text of the HTML `html`, found at `path` in the source; an unsafe link is kept as
/// text and reported in `warnings`.
pub(crate) fn inline_from_html(html: &str, path: &str, warnings: &mut Vec<String>) -> InlineText {
    let mut walker = Walker { text: InlineText::default(), after_space: true, plain: false };
    walker.read(html, path, warnings);
    walker.text.trim();
    walker.text
}

/// The text of the HTML `html`, without marks; a line break is a space.
pub(crate) fn plain_from_html(html: &str) -> String {
    let mut walker = Walker { text: InlineText::default(), after_space: true, plain: true };
    walker.read(html, "", &mut Vec::new());
    walker.text.trim();
    walker.text.plain_text()
}

struct Walker {
    text: InlineText,
    /// The text so far ends in a space or a line break (or is empty): white space that follows
    /// is not shown.
    after_space: bool,
    /// Marks and line breaks are not kept.
    plain: bool,
}

impl Walker {
    fn read(&mut self, html: &str, path: &str, warnings: &mut Vec<String>) {
        if !html.contains(['<', '&']) {
            self.push(html, &Marks::default());
            return;
        }
        let fragment = Html::parse_fragment(html);
        // The marks in force inside each open element, innermost last.
        let mut marks = vec![Marks::default()];
        let mut dropped_depth = 0usize;
        let mut unsafe_links = 0usize;
        for edge in fragment.root_element().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Text(text) if dropped_depth == 0 => {
                        let current = marks.last().cloned().unwrap_or_default();
                        self.push(text, &current);
                    }
                    Node::Element(element) => {
                        let name = element.name();
                        if dropped_depth > 0 || DROPPED_WITH_CONTENT.contains(&name) {
                            dropped_depth += 1;
                            continue;
                        }
                        if BLOCK_ELEMENTS.contains(&name) {
                            self.push(" ", &Marks::default());
                        }
                        let mut inner = marks.last().cloned().unwrap_or_default();
                        match name {
                            "b" | "strong" => inner.bold = true,
                            "i" | "em" => inner.italic = true,
                            "code" => inner.code = true,
                            "u" => inner.underline = true,
                            "s" | "strike" | "del" => inner.strike = true,
                            "sup" => inner.sup = true,
                            "sub" => inner.sub = true,
                            "br" => self.line_break(),
                            "a" => {
                                if let Some(href) = element.attr("href") {
                                    match sanitize(href) {
                                        Some(safe) => inner.href = Some(safe),
                                        None => unsafe_links += 1,
                                    }
                                }
                            }
                            _ => {}
                        }
                        marks.push(inner);
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(element) = node.value() {
                        if dropped_depth > 0 {
                            dropped_depth -= 1;
                            continue;
                        }
                        marks.pop();
                        if BLOCK_ELEMENTS.contains(&element.name()) {
                            self.push(" ", &Marks::default());
                        }
                    }
                }
            }
        }
        if unsafe_links > 0 {
            warnings.push(format!("{path}: {} with an unsafe URL kept as text", if unsafe_links == 1 { "a link" } else { "links" }));
        }
    }

    /// Adds text with its white space collapsed.
    fn push(&mut self, text: &str, marks: &Marks) {
        let marks = if self.plain { &Marks::default() } else { marks };
        let mut collapsed = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if !self.after_space {
                    collapsed.push(' ');
                    self.after_space = true;
                }
            } else {
                collapsed.push(c);
                self.after_space = false;
            }
        }
        self.text.push(&collapsed, marks);
    }

    fn line_break(&mut self) {
        if self.plain {
            self.push(" ", &Marks::default());
        } else {
            self.text.line_break();
            self.after_space = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{inline_from_html, plain_from_html};
    use serde_json::{json, Value};

    fn spans(html: &str) -> (Value, Vec<String>) {
        let mut warnings = Vec::new();
        let text = inline_from_html(html, "content_elements[0]", &mut warnings);
        (text.into_value(), warnings)
    }

    #[test]
    fn the_inline_subset_becomes_marks_and_equal_runs_merge() {
        let (value, warnings) = spans("<b>Bold</b><strong> too</strong>, <i>it</i>, <a href='https://example.org/a'>link</a>, H<sub>2</sub>O, x<sup>2</sup>, <u>u</u><s>s</s><del>d</del><code>c</code>");
        assert_eq!(
            value,
            json!([
                { "text": "Bold too", "bold": true }, { "text": ", " }, { "text": "it", "italic": true }, { "text": ", " },
                { "text": "link", "href": "https://example.org/a" }, { "text": ", H" }, { "text": "2", "sub": true }, { "text": "O, x" },
                { "text": "2", "sup": true }, { "text": ", " }, { "text": "u", "underline": true }, { "text": "sd", "strike": true },
                { "text": "c", "code": true }
            ])
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn text_without_marks_is_a_plain_string_with_entities_decoded() {
        assert_eq!(spans("Tom &amp; Jerry&#x27;s <span class='x'>caf&eacute;</span>").0, json!("Tom & Jerry's café"));
    }

    #[test]
    fn scripts_styles_and_event_handlers_leave_nothing_but_text() {
        let (value, warnings) =
            spans("a<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>b <a href='javascript:alert(1)'>c</a>");
        assert_eq!(value, json!("ab c"));
        assert_eq!(warnings, ["content_elements[0]: a link with an unsafe URL kept as text"]);
    }

    #[test]
    fn white_space_collapses_and_br_is_a_line_break() {
        assert_eq!(spans("  one\n  two<br> three  ").0, json!([{ "text": "one two", "lineBreak": true }, { "text": "three" }]));
    }

    #[test]
    fn block_elements_keep_words_apart() {
        assert_eq!(spans("<p>one</p><p>two</p>").0, json!("one two"));
        assert_eq!(plain_from_html("<em>Early</em><br>History"), "Early History");
    }

    #[test]
    fn markup_that_is_not_html_stays_text() {
        assert_eq!(spans("a < b and c > d").0, json!("a < b and c > d"));
    }
}
