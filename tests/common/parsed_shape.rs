//! What a browser's parser builds from markup, as a [`TreeShape`]: the reference that the
//! prerender command's quick reading of its own markup (`TreeShape::of_rendered_markup`) is
//! checked against.

use ego_tree::iter::Edge;
use folio::hydration::{TreeShape, RAW_CLOSE, RAW_OPEN};

/// The shape of `html` parsed as a browser parses it, into a tree (html5ever's tree builder,
/// through scraper), walked as the browser walks it before hydrating (a raw region's nodes are
/// adopted without a walk, so only its marks count): what `TreeShape::of_rendered_markup` must agree with.
pub fn parsed_shape(html: &str) -> TreeShape {
    let fragment = scraper::Html::parse_fragment(html);
    let mut shape = TreeShape::default();
    let root = fragment.root_element().id();
    let mut raw_depth = 0usize;
    for edge in fragment.root_element().traverse() {
        let comment = match &edge {
            Edge::Open(node) => node.value().as_comment().map(|c| &**c),
            Edge::Close(_) => None,
        };
        match comment {
            Some(RAW_OPEN) => {
                raw_depth += 1;
                if raw_depth == 1 {
                    shape.comment(RAW_OPEN);
                }
                continue;
            }
            Some(RAW_CLOSE) => {
                raw_depth -= 1;
                if raw_depth == 0 {
                    shape.comment(RAW_CLOSE);
                }
                continue;
            }
            _ if raw_depth > 0 => continue,
            _ => {}
        }
        match edge {
            Edge::Open(node) if node.id() != root => match node.value() {
                scraper::Node::Element(element) => shape.open(element.name()),
                scraper::Node::Comment(comment) => shape.comment(comment),
                _ => {}
            },
            Edge::Close(node) if node.id() != root && node.value().is_element() => shape.close(),
            _ => {}
        }
    }
    shape
}
