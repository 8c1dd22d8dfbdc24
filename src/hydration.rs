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
//! Plain Rust with no DOM: the prerender command feeds it the article parsed back by html5ever,
//! the browser feeds it the live DOM.

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

    /// The shape of markup as Yew's server renderer writes it: every element that has an end tag
    /// is written with it, attribute values in double quotes, and text with `<` escaped, so the
    /// tags and comments can be read off in order without an HTML parser (which would cost the
    /// prerender command more than rendering does). What a browser's parser would build from
    /// the same markup is checked against this in tests/prerender.rs.
    pub fn of_rendered_markup(html: &str) -> TreeShape {
        let mut shape = TreeShape::default();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            rest = &rest[start..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                let end = comment.find("-->").unwrap_or(comment.len());
                shape.comment(&comment[..end]);
                rest = comment.get(end + 3..).unwrap_or("");
            } else if let Some(close) = rest.strip_prefix("</") {
                shape.close();
                rest = close.find('>').map_or("", |end| &close[end + 1..]);
            } else {
                let tag = &rest[1..];
                let name_end = tag.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(tag.len());
                let name = &tag[..name_end];
                shape.open(name);
                // The tag ends at the first `>` outside an attribute's quotes.
                let mut quoted = false;
                let end = tag
                    .char_indices()
                    .find(|&(_, c)| {
                        quoted ^= c == '"';
                        c == '>' && !quoted
                    })
                    .map_or(tag.len(), |(i, _)| i);
                if VOID_ELEMENTS.contains(&name) || tag[..end].ends_with('/') {
                    shape.close();
                }
                rest = tag.get(end + 1..).unwrap_or("");
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
    use super::TreeShape;

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
}
