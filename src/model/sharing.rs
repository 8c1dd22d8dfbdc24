//! An updated article shares the blocks it did not change with the article on screen. A page that
//! updates an article (an editor's preview after each keystroke, a live article gaining an entry)
//! passes the whole document every time; the components compare blocks by pointer first, so a
//! block that is the same `Rc` as before is not rendered again, and its DOM element stays.

use super::article::Article;
use super::block::Block;
use std::collections::HashMap;
use std::rc::Rc;

impl Article {
    /// This article with every body block that equals one of `previous`'s taken from `previous`
    /// (each of those once, in order, so alike blocks such as dividers keep their order). Blocks
    /// at the same place are compared first; the others are looked up by value, which finds the
    /// blocks that moved when one was added or removed before them.
    pub fn sharing_blocks_with(mut self, previous: &Article) -> Article {
        let mut unmatched = Vec::new();
        for (index, block) in self.body.iter_mut().enumerate() {
            match previous.body.get(index) {
                Some(old) if old == block => *block = old.clone(),
                _ => unmatched.push(index),
            }
        }
        if unmatched.is_empty() {
            return self;
        }
        let mut by_value: HashMap<&Block, Vec<&Rc<Block>>> = HashMap::new();
        for (index, old) in previous.body.iter().enumerate().rev() {
            let kept_in_place = self.body.get(index).is_some_and(|new| Rc::ptr_eq(new, old));
            if !kept_in_place {
                by_value.entry(old.as_ref()).or_default().push(old);
            }
        }
        for index in unmatched {
            if let Some(old) = by_value.get_mut(self.body[index].as_ref()).and_then(Vec::pop) {
                self.body[index] = old.clone();
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{parse_text, Article};
    use std::rc::Rc;

    fn article(blocks: &[&str]) -> Article {
        let body: Vec<String> = blocks.iter().map(|b| format!(r#"{{ "type": "paragraph", "text": "{b}" }}"#)).collect();
        let text = format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [{}] }}"#, body.join(","));
        parse_text(&text).unwrap().article
    }

    fn shared(new: &Article, old: &Article) -> Vec<Option<usize>> {
        new.body.iter().map(|b| old.body.iter().position(|o| Rc::ptr_eq(o, b))).collect()
    }

    #[test]
    fn a_changed_block_is_new_and_every_other_block_is_the_one_before() {
        let old = article(&["a", "b", "c"]);
        let new = article(&["a", "B", "c"]).sharing_blocks_with(&old);
        assert_eq!(shared(&new, &old), [Some(0), None, Some(2)]);
    }

    #[test]
    fn blocks_after_an_inserted_or_removed_one_are_found_where_they_moved() {
        let old = article(&["a", "b", "c"]);
        let inserted = article(&["new", "a", "b", "c"]).sharing_blocks_with(&old);
        assert_eq!(shared(&inserted, &old), [None, Some(0), Some(1), Some(2)]);
        let removed = article(&["b", "c"]).sharing_blocks_with(&old);
        assert_eq!(shared(&removed, &old), [Some(1), Some(2)]);
    }

    #[test]
    fn alike_blocks_are_each_taken_once_in_order() {
        let old = article(&["x", "x", "y"]);
        let new = article(&["y", "x", "x", "x"]).sharing_blocks_with(&old);
        assert_eq!(shared(&new, &old), [Some(2), Some(1), Some(0), None]);
        let new = article(&["z", "x", "x"]).sharing_blocks_with(&old);
        assert_eq!(shared(&new, &old), [None, Some(1), Some(0)]);
    }
}
