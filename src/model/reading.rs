//! A document kept with its JSON text while it is on screen, so that the next version of it is
//! read by what changed. A page that updates an article (an editor's preview after each keystroke,
//! a live article gaining a line) passes the whole document every time; when the new text differs
//! from the old only inside one body block, that block is read again and every other block, and
//! everything around the body, is taken from the old reading. The article then shares its
//! unchanged blocks with the one on screen, which the components compare by pointer.
//!
//! Why that gives the same result as reading the whole text: the two texts are equal up to the
//! first byte that differs and from the last one on, and both ends of the difference lie inside
//! one block's JSON text. If the new text in that block's place is one well-formed JSON value, the
//! new document is the old one with that value in place of the block. Body blocks are read from
//! their own text in both cases (`Block::from_json`), and the document's reading skips over a
//! block without limits of depth, so nothing else can read differently. Anything else (a change
//! outside the body, across two blocks, a block added or removed, a block that no longer reads) is
//! read in full, which also gives the message for a document that is refused.

use super::parse::{check_size, read_block, read_document, shown_blocks, warnings, BlockText};
use super::{Article, DocError};
use serde_json::value::RawValue;
use std::rc::Rc;

/// A document's JSON text and what was read from it.
pub struct Reading {
    text: String,
    read: Result<ReadArticle, DocError>,
}

/// An article as read, with what the next reading needs.
struct ReadArticle {
    article: Rc<Article>,
    warnings: Vec<String>,
    /// Every body block of the text, skipped ones too, in order.
    blocks: Vec<BlockText>,
}

impl Reading {
    /// Reads a document from all of its text.
    pub fn new(text: String) -> Reading {
        let read = read_document(&text).map(|(article, blocks)| ReadArticle {
            warnings: warnings(&blocks, &article),
            article: Rc::new(article),
            blocks,
        });
        Reading { text, read }
    }

    /// Reads `text`, a later version of this document: by the block that changed when only one
    /// did, else in full (see the module documentation).
    pub fn next(&self, text: String) -> Reading {
        match &self.read {
            Ok(read) => match self.changed_block(read, &text) {
                Some((index, block)) => Reading { read: Ok(read.with_block(index, block, &self.text, &text)), text },
                None => Reading::new(text),
            },
            Err(_) => Reading::new(text),
        }
    }

    /// The JSON text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The article and the warnings about it, or why the document is refused.
    pub fn result(&self) -> Result<(&Rc<Article>, &[String]), &DocError> {
        self.read.as_ref().map(|read| (&read.article, read.warnings.as_slice()))
    }

    /// When `text` differs from this reading's text only inside one body block, and is one
    /// well-formed, readable block there: its index, and the block as read from `text`.
    fn changed_block(&self, read: &ReadArticle, text: &str) -> Option<(usize, BlockText)> {
        check_size(text.len(), "document").ok()?;
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let same_start = common_prefix(old, new);
        // The common end is looked for only after the common start, so the two do not overlap.
        let same_end = common_suffix(&old[same_start..], &new[same_start..]);
        let (changed_from, changed_to) = (same_start, old.len() - same_end);
        let index = read.blocks.partition_point(|b| b.span.start <= changed_from).checked_sub(1)?;
        let span = &read.blocks[index].span;
        if changed_to > span.end {
            return None;
        }
        // What follows the block is the same in both texts, so the block ends as far from the end.
        let end = (span.end + new.len()).checked_sub(old.len())?;
        let raw: &RawValue = serde_json::from_str(text.get(span.start..end)?).ok()?;
        let json = raw.get();
        let start = json.as_ptr() as usize - text.as_ptr() as usize;
        let block = read_block(index, json).ok()?;
        Some((index, BlockText { span: start..start + json.len(), read: block }))
    }
}

impl ReadArticle {
    /// This article with body block `index` replaced by `block`, read from `new_text` where the
    /// blocks after it have moved by the difference in length from `old_text`.
    fn with_block(&self, index: usize, block: BlockText, old_text: &str, new_text: &str) -> ReadArticle {
        let mut blocks = self.blocks.clone();
        blocks[index] = block;
        for later in &mut blocks[index + 1..] {
            later.span = later.span.start + new_text.len() - old_text.len()..later.span.end + new_text.len() - old_text.len();
        }
        let mut article = (*self.article).clone();
        article.body = shown_blocks(&blocks);
        ReadArticle { warnings: warnings(&blocks, &article), article: Rc::new(article), blocks }
    }
}

/// How many bytes `a` and `b` have in common at the start. Compared a run at a time first, which
/// compiles to a memory comparison rather than a loop over bytes.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const RUN: usize = 128;
    let length = a.len().min(b.len());
    let mut same = 0;
    while same + RUN <= length && a[same..same + RUN] == b[same..same + RUN] {
        same += RUN;
    }
    same + a[same..length].iter().zip(&b[same..length]).take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` have in common at the end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const RUN: usize = 128;
    let length = a.len().min(b.len());
    let (a_end, b_end) = (a.len(), b.len());
    let mut same = 0;
    while same + RUN <= length && a[a_end - same - RUN..a_end - same] == b[b_end - same - RUN..b_end - same] {
        same += RUN;
    }
    same + a[..a_end - same].iter().rev().zip(b[..b_end - same].iter().rev()).take_while(|(x, y)| x == y).count()
}
