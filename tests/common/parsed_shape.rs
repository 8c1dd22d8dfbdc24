//! What a browser's parser builds from markup, as a [`TreeShape`]: the reference that the
//! prerender command's quick reading of its own markup (`TreeShape::of_rendered_markup`) is
//! checked against.

use ego_tree::iter::Edge;
use folio::hydration::TreeShape;

/// The shape of `html` parsed as a browser parses it, into a tree (html5ever's tree builder,
/// through scraper): what `tree_shape`'s tokens must agree with.
pub fn parsed_shape(html: &str) -> TreeShape {
    let fragment = scraper::Html::parse_fragment(html);
    let mut shape = TreeShape::default();
    let root = fragment.root_element().id();
    for edge in fragment.root_element().traverse() {
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
