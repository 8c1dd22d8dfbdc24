//! A prerendered page (contract section 4), as the browser finds it: the element holding the
//! article the server wrote, the document it was written from (JSON text in the page, so there
//! is no second request), the options it was written with, and whether the article is still as
//! written (see [`crate::hydration`]).

use crate::hydration::{TreeShape, DOCUMENT_ATTRIBUTE, LANG_ATTRIBUTE, RAW_CLOSE, RAW_OPEN, SHAPE_ATTRIBUTE, TIME_ZONE_ATTRIBUTE};
use crate::options::RenderOptions;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// What the page holds for Folio to take over.
pub struct PrerenderedArticle {
    /// The element the article was written into.
    pub element: Element,
    /// The document it was written from, as JSON text.
    pub document: js_sys::JsString,
    /// The language and time zone it was written with.
    pub options: RenderOptions,
    /// Whether the element's nodes still have the shape they were written with, so Yew can
    /// adopt them; if not, the article is rendered afresh.
    pub intact: bool,
}

/// The page's prerendered article, if it has one (with its document).
pub fn find(page: &web_sys::Document) -> Option<PrerenderedArticle> {
    let element = page.query_selector(&format!("[{SHAPE_ATTRIBUTE}]")).ok()??;
    let script = page.query_selector(&format!("script[{DOCUMENT_ATTRIBUTE}]")).ok()??;
    let text = js_sys::JsString::from(script.text_content().unwrap_or_default());
    let written = element.get_attribute(SHAPE_ATTRIBUTE).unwrap_or_default();
    let options = RenderOptions {
        lang: element.get_attribute(LANG_ATTRIBUTE).filter(|l| !l.trim().is_empty()),
        time_zone: element.get_attribute(TIME_ZONE_ATTRIBUTE).filter(|z| !z.trim().is_empty()),
        ..RenderOptions::default()
    };
    let intact = shape_of_children(&element).hex() == written;
    Some(PrerenderedArticle { element, document: text, options, intact })
}

/// The shape of what `element` holds, walked as Yew's hydration walks it: a raw region's nodes
/// are adopted as they stand, so only its marks count.
fn shape_of_children(element: &Element) -> TreeShape {
    let mut shape = TreeShape::default();
    let mut next = element.first_child();
    // Depth-first without recursion: down to the first child, else on to the next sibling, else
    // up (closing elements) until an ancestor below `element` has one.
    while let Some(node) = next {
        if node.node_type() == Node::COMMENT_NODE && node.node_value().as_deref() == Some(RAW_OPEN) {
            shape.comment(RAW_OPEN);
            let close = end_of_raw_region(&node);
            if close.is_some() {
                shape.comment(RAW_CLOSE);
            }
            next = following(close.as_ref().unwrap_or(&node), element, &mut shape);
            continue;
        }
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let name = node.unchecked_ref::<Element>().local_name();
                shape.open(&name);
                if let Some(child) = node.first_child() {
                    next = Some(child);
                    continue;
                }
                shape.close();
            }
            Node::COMMENT_NODE => shape.comment(&node.node_value().unwrap_or_default()),
            _ => {}
        }
        next = following(&node, element, &mut shape);
    }
    shape
}

/// The comment that closes the raw region `open` opens, among its following siblings.
fn end_of_raw_region(open: &Node) -> Option<Node> {
    let mut depth = 0usize;
    let mut next = open.next_sibling();
    while let Some(node) = next {
        if node.node_type() == Node::COMMENT_NODE {
            match node.node_value().as_deref() {
                Some(RAW_OPEN) => depth += 1,
                Some(RAW_CLOSE) if depth == 0 => return Some(node),
                Some(RAW_CLOSE) => depth -= 1,
                _ => {}
            }
        }
        next = node.next_sibling();
    }
    None
}

/// The node after `node` (whose children, if any, were walked) within `root`, closing the
/// elements it climbs out of.
fn following(node: &Node, root: &Element, shape: &mut TreeShape) -> Option<Node> {
    let mut current = node.clone();
    loop {
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        let parent = current.parent_node()?;
        if root.is_same_node(Some(&parent)) {
            return None;
        }
        shape.close();
        current = parent;
    }
}
