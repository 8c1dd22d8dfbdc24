//! What the prerendered page and the browser agree on, so the browser can tell whether the
//! article in the page is still the one that was written before it adopts it (hydration).
//!
//! Yew's hydration walks the page's nodes against the components' first render and stops the
//! program (a panic, which in the wasm is an abort) at the first element or component mark that
//! is not where it expects it. Text and attributes it rewrites as it goes. So the page carries
//! the [`TreeShape`] of the article as written, and the browser compares it with the one in
//! front of it: the same shape is hydrated; any other (an extension added an element, a proxy
//! stripped comments) is rendered afresh.
//!
//! The body is marked as one raw region, which Yew adopts without walking it, so its contents
//! are left out of the shape on both sides.
//!
//! Plain Rust with no DOM: the prerender command reads the shape off its own markup
//! ([`TreeShape::of_rendered_markup`]), the browser feeds it the live DOM.

/// On the element holding a prerendered article: the article's [`TreeShape`], as written.
pub const SHAPE_ATTRIBUTE: &str = "data-folio-prerendered";
/// On the same element: the language the command was given (`--lang`), if any.
pub const LANG_ATTRIBUTE: &str = "data-folio-lang";
/// On the same element: the time zone the article's dates were written in when the document
/// names none (`--time-zone`, else UTC), so the browser writes them the same.
pub const TIME_ZONE_ATTRIBUTE: &str = "data-folio-time-zone";
/// The element of the page holding the document itself, as JSON text.
pub const DOCUMENT_ATTRIBUTE: &str = "data-folio-document";

/// The prefix of element ids in a prerendered article. There is one such article per page, so
/// it needs no number as other mounts' prefixes have ("folio1").
pub const ID_PREFIX: &str = "folio";

/// The comment that opens a raw region in Yew's server output: nodes Yew adopts as they stand.
pub const RAW_OPEN: &str = "<#>";
/// The comment that closes it.
pub const RAW_CLOSE: &str = "</#>";

/// Marks the children of the first element whose start tag is exactly `start_tag` as one raw
/// region, so that the browser adopts them without walking them; `None` when there is no such
/// element.
pub fn mark_children_raw(html: &str, start_tag: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut inside = None;
    for (item, at) in Markup::new(html) {
        match (item, inside) {
            (Item::Open(_), None) if html[at.clone()] == *start_tag => inside = Some(at.end),
            (Item::Open(_), Some(_)) => depth += 1,
            (Item::Close, Some(children)) if depth == 0 => {
                return Some(format!(
                    "{}<!--{RAW_OPEN}-->{}<!--{RAW_CLOSE}-->{}",
                    &html[..children],
                    &html[children..at.start],
                    &html[at.start..]
                ));
            }
            (Item::Close, Some(_)) => depth -= 1,
            _ => {}
        }
    }
    None
}

/// What markup is made of, as far as a tree's shape goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item<'a> {
    /// A start tag, by element name (a void element's too).
    Open(&'a str),
    /// An end tag, or the end of a void or self-closed element.
    Close,
    /// A comment's text.
    Comment(&'a str),
}

/// The items of markup as Yew's server renderer writes it, each with where it stands in the
/// text. Every element that has an end tag is written with it, attribute values are in double
/// quotes, and text has `<` escaped, so tags and comments can be read off in order without an
/// HTML parser (which would cost the prerender command more than rendering does).
struct Markup<'a> {
    html: &'a str,
    at: usize,
    /// The end of a void element, given after its start.
    void_close: Option<std::ops::Range<usize>>,
}

impl<'a> Markup<'a> {
    fn new(html: &'a str) -> Self {
        Markup { html, at: 0, void_close: None }
    }
}

impl<'a> Iterator for Markup<'a> {
    type Item = (Item<'a>, std::ops::Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(range) = self.void_close.take() {
            return Some((Item::Close, range));
        }
        let start = self.at + self.html[self.at..].find('<')?;
        let rest = &self.html[start..];
        let (item, length) = if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").unwrap_or(comment.len());
            (Item::Comment(&comment[..end]), (4 + end + 3).min(rest.len()))
        } else if let Some(close) = rest.strip_prefix("</") {
            (Item::Close, close.find('>').map_or(rest.len(), |end| 2 + end + 1))
        } else {
            let tag = &rest[1..];
            let name_end = tag.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(tag.len());
            let name = &tag[..name_end];
            // The tag ends at the first `>` outside an attribute's quotes.
            let mut quoted = false;
            let end = tag
                .char_indices()
                .find(|&(_, c)| {
                    quoted ^= c == '"';
                    c == '>' && !quoted
                })
                .map_or(tag.len(), |(i, _)| i);
            let length = (1 + end + 1).min(rest.len());
            if VOID_ELEMENTS.contains(&name) || tag[..end].ends_with('/') {
                self.void_close = Some(start + length..start + length);
            }
            (Item::Open(name), length)
        };
        self.at = start + length;
        Some((item, start..start + length))
    }
}

/// Elements that have no end tag in HTML.
const VOID_ELEMENTS: [&str; 13] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// A hash (64-bit FNV-1a) of a tree of nodes as hydration walks it: element names with their
/// nesting, and comments with their text. Text nodes and attributes are not part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeShape(u64);

impl Default for TreeShape {
    fn default() -> Self {
        TreeShape(0xcbf2_9ce4_8422_2325)
    }
}

impl TreeShape {
    fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// An element opens (its local name, as the DOM's `localName` gives it).
    pub fn open(&mut self, name: &str) {
        self.feed(b"<");
        self.feed(name.as_bytes());
        self.feed(b" ");
    }

    /// The last element opened closes.
    pub fn close(&mut self) {
        self.feed(b">");
    }

    /// A comment, with its text.
    pub fn comment(&mut self, text: &str) {
        self.feed(b"!");
        self.feed(text.as_bytes());
        self.feed(b"\0");
    }

    /// The shape of markup as Yew's server renderer writes it (see [`Markup`]), as the browser
    /// walks it: the contents of a raw region are left out, as Yew adopts them without a walk.
    /// What a browser's parser would build from the same markup is checked against this in
    /// tests/prerender.rs.
    pub fn of_rendered_markup(html: &str) -> TreeShape {
        let mut shape = TreeShape::default();
        let mut raw_depth = 0usize;
        for (item, _) in Markup::new(html) {
            match item {
                Item::Comment(RAW_OPEN) => {
                    raw_depth += 1;
                    if raw_depth == 1 {
                        shape.comment(RAW_OPEN);
                    }
                }
                Item::Comment(RAW_CLOSE) => {
                    raw_depth = raw_depth.saturating_sub(1);
                    if raw_depth == 0 {
                        shape.comment(RAW_CLOSE);
                    }
                }
                _ if raw_depth > 0 => {}
                Item::Comment(text) => shape.comment(text),
                Item::Open(name) => shape.open(name),
                Item::Close => shape.close(),
            }
        }
        shape
    }

    /// The hash as the page carries it: 16 hexadecimal digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{mark_children_raw, TreeShape};

    fn shape(build: impl Fn(&mut TreeShape)) -> String {
        let mut shape = TreeShape::default();
        build(&mut shape);
        shape.hex()
    }

    #[test]
    fn nesting_names_and_comments_count_and_nothing_else_is_fed() {
        let nested = shape(|s| {
            s.open("p");
            s.open("a");
            s.close();
            s.close();
        });
        let siblings = shape(|s| {
            s.open("p");
            s.close();
            s.open("a");
            s.close();
        });
        assert_ne!(nested, siblings);
        assert_ne!(
            shape(|s| s.open("ab")),
            shape(|s| {
                s.open("a");
                s.open("b")
            })
        );
        assert_ne!(shape(|s| s.comment("<[A]>")), shape(|s| s.comment("<[B]>")));
        assert_ne!(
            shape(|s| {
                s.comment("a");
                s.comment("b")
            }),
            shape(|s| s.comment("ab"))
        );
        assert_eq!(shape(|_| ()).len(), 16);
        assert_eq!(shape(|s| s.open("p")), shape(|s| s.open("p")));
    }

    #[test]
    fn markup_is_read_as_tags_and_comments_with_void_elements_closed() {
        let written = r#"<div class="a" title="x > y"><!--<[C]>--><p>a<br>b</p><img src="i.jpg"><hr/></div>"#;
        let built = shape(|s| {
            s.open("div");
            s.comment("<[C]>");
            s.open("p");
            s.open("br");
            s.close();
            s.close();
            s.open("img");
            s.close();
            s.open("hr");
            s.close();
            s.close();
        });
        assert_eq!(TreeShape::of_rendered_markup(written).hex(), built);
    }

    #[test]
    fn a_raw_region_is_marked_around_an_elements_children_and_only_its_marks_count() {
        let html = r#"<article><div class="body"><div><p>a</p></div><img src="x"><div>b</div></div><footer></footer></article>"#;
        let marked = mark_children_raw(html, r#"<div class="body">"#).unwrap();
        assert_eq!(
            marked,
            r#"<article><div class="body"><!--<#>--><div><p>a</p></div><img src="x"><div>b</div><!--</#>--></div><footer></footer></article>"#
        );
        let other_body = marked.replace("<p>a</p>", "<p>a</p><span></span>");
        assert_eq!(
            TreeShape::of_rendered_markup(&marked),
            TreeShape::of_rendered_markup(&other_body),
            "the region's contents do not count"
        );
        let other_footer = marked.replace("<footer></footer>", "<footer><span></span></footer>");
        assert_ne!(TreeShape::of_rendered_markup(&marked), TreeShape::of_rendered_markup(&other_footer));
        assert_eq!(mark_children_raw(html, r#"<div class="none">"#), None);
        assert_eq!(
            mark_children_raw("<div class=\"e\"></div>", "<div class=\"e\">").unwrap(),
            "<div class=\"e\"><!--<#>--><!--</#>--></div>"
        );
    }
}
