//! List items with the lists nested under them, as both converters build them, written out as
//! Folio's list items: inline text for a plain item, `{ text, ordered?, items }` for an item with
//! a nested list.

use super::MAX_LIST_DEPTH;
use serde_json::{json, Map, Value};

/// A list item and the list nested under it, if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// Folio's `Inline` of the item's own text.
    pub text: Value,
    /// The nested list is numbered.
    pub ordered: bool,
    /// The nested list's items; none for a plain item.
    pub items: Vec<Item>,
}

impl Item {
    /// A plain item.
    pub fn new(text: Value) -> Item {
        Item { text, ordered: false, items: Vec::new() }
    }

    /// The item as Folio reads it.
    pub fn into_value(self) -> Value {
        if self.items.is_empty() {
            return self.text;
        }
        let mut object = Map::new();
        object.insert("text".into(), self.text);
        if self.ordered {
            object.insert("ordered".into(), json!(true));
        }
        object.insert("items".into(), items_value(self.items));
        Value::Object(object)
    }
}

/// Items as Folio reads them.
pub(crate) fn items_value(items: Vec<Item>) -> Value {
    Value::Array(items.into_iter().map(Item::into_value).collect())
}

/// A list block.
pub(crate) fn list_block(ordered: bool, items: Vec<Item>) -> Value {
    let mut block = Map::new();
    block.insert("type".into(), json!("list"));
    if ordered {
        block.insert("ordered".into(), json!(true));
    }
    block.insert("items".into(), items_value(items));
    Value::Object(block)
}

/// Adds `item` at `level` (1 is the top) to the list `items`: under the last item of each level
/// above it. A level more than one deeper than the list goes is one deeper (as Portable Text
/// renderers do), and no list is made deeper than [`MAX_LIST_DEPTH`]. `ordered` is the kind of the
/// nested list, when this item is the first of one.
pub(crate) fn add_at_level(items: &mut Vec<Item>, level: usize, ordered: bool, item: Item) {
    match items.last_mut() {
        Some(last) if level.min(MAX_LIST_DEPTH) > 1 => {
            if last.items.is_empty() {
                last.ordered = ordered;
                last.items.push(item);
            } else {
                add_at_level(&mut last.items, level.min(MAX_LIST_DEPTH) - 1, ordered, item);
            }
        }
        _ => items.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::{add_at_level, items_value, Item};
    use serde_json::json;

    #[test]
    fn deeper_levels_nest_under_the_last_item_and_skipped_levels_nest_once() {
        let mut items = Vec::new();
        for (level, text) in [(1, "a"), (2, "a.1"), (4, "a.1.i"), (1, "b"), (3, "b.1")] {
            add_at_level(&mut items, level, level == 2, Item::new(json!(text)));
        }
        assert_eq!(
            items_value(items),
            json!([
                { "text": "a", "ordered": true, "items": [{ "text": "a.1", "items": ["a.1.i"] }] },
                { "text": "b", "items": ["b.1"] }
            ])
        );
    }

    #[test]
    fn a_list_that_starts_deep_starts_at_the_top() {
        let mut items = Vec::new();
        add_at_level(&mut items, 3, false, Item::new(json!("x")));
        assert_eq!(items_value(items), json!(["x"]));
    }
}
