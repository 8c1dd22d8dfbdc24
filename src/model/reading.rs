//! A document kept with its JSON text while it is on screen, so that the next version of it is
//! read by what changed. A page that updates an article (an editor's preview after each keystroke
//! or new paragraph, a live article gaining an entry) passes the whole document every time; when
//! the new text differs from the old only inside a run of body blocks, only that run is read again
//! and every other block, and everything around the body, is taken from the old reading. The
//! article then shares its unchanged blocks with the one on screen, which the components compare
//! by pointer.
//!
//! Why that gives the same result as reading the whole text: the two texts are equal up to the
//! first byte that differs and from the last one on, and both ends of the difference lie inside
//! the run, from the first block's start to the last one's end. If the new text in the run's place
//! is a list's items (one or more well-formed JSON values, separated by commas), the new document
//! is the old one with those values in place of the run's blocks; none would leave two commas side
//! by side, so that case is read in full. A body block is read by the same reader in both cases
//! (`read::block`, in place or from its own text), which reads only the block, however deep it is,
//! so nothing else can read differently. Anything else (a change outside the body, a run that does
//! not read) is read in full, which also gives the message for a document that is refused; a
//! block whose JSON text is the same as one before is then the block read before, so the
//! components still know it.

use super::json::Json;
use super::parse::{check_size, read_block, read_document, shown_blocks, warnings, BlockText, BodyBlock};
use super::{Article, DocError};
use std::collections::HashMap;
use std::ops::Range;
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

    /// Reads `text`, a later version of this document: by the blocks that changed when the change
    /// lies in a run of blocks, else in full (see the module documentation).
    pub fn next(&self, text: String) -> Reading {
        match &self.read {
            Ok(read) => match self.changed_blocks(read, &text) {
                Some((replaced, blocks)) => Reading { read: Ok(read.with_blocks(replaced, blocks, &self.text, &text)), text },
                None => Reading::new(text).sharing_blocks_with(read, &self.text),
            },
            Err(_) => Reading::new(text),
        }
    }

    /// Takes, for every body block whose JSON text is the same as a block of `previous` (each of
    /// those once), the block read from that text before: the components then know it by its
    /// pointer even after a change that was read in full (a headline, a block added or removed).
    fn sharing_blocks_with(mut self, previous: &ReadArticle, previous_text: &str) -> Reading {
        let Reading { text, read: Ok(read) } = &mut self else { return self };
        let mut before = by_text(&previous.blocks, previous_text);
        let mut shared = false;
        for block in &mut read.blocks {
            if let Some(kept) = before.get_mut(&text[block.span.clone()]).and_then(Vec::pop) {
                block.read = kept.clone();
                shared = true;
            }
        }
        if let (true, Some(article)) = (shared, Rc::get_mut(&mut read.article)) {
            article.body = shown_blocks(&read.blocks);
        }
        self
    }

    /// The JSON text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The article and the warnings about it, or why the document is refused.
    pub fn result(&self) -> Result<(&Rc<Article>, &[String]), &DocError> {
        self.read.as_ref().map(|read| (&read.article, read.warnings.as_slice()))
    }

    /// When `text` differs from this reading's text only inside a run of body blocks, and is one
    /// or more well-formed, readable blocks there: which old blocks it replaces, and the blocks as
    /// read from `text` (a block whose text did not change is the block read before).
    fn changed_blocks(&self, read: &ReadArticle, text: &str) -> Option<(Range<usize>, Vec<BlockText>)> {
        check_size(text.len(), "document").ok()?;
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let same_start = common_prefix(old, new);
        // The common end is looked for only after the common start, so the two do not overlap.
        let same_end = common_suffix(&old[same_start..], &new[same_start..]);
        let (changed_from, changed_to) = (same_start, old.len() - same_end);
        // The run: from the last block that starts at or before the change to the first one that
        // ends at or after it.
        let first = read.blocks.partition_point(|b| b.span.start <= changed_from).checked_sub(1)?;
        let last = first + read.blocks[first..].partition_point(|b| b.span.end < changed_to);
        let (start, old_end) = (read.blocks[first].span.start, read.blocks.get(last)?.span.end);
        // What follows the run is the same in both texts, so the run ends as far from the end.
        let end = (old_end + new.len()).checked_sub(old.len())?;
        // The new text of the run must be a list's items, at least one: none would leave the
        // commas on either side of it next to each other.
        let values = Json::item_spans(text.get(start..end)?)?;
        let mut before = by_text(&read.blocks[first..=last], &self.text);
        let mut blocks = Vec::with_capacity(values.len());
        for (offset, value) in values.into_iter().enumerate() {
            let span = start + value.start..start + value.end;
            let json = &text[span.clone()];
            let read = match before.get_mut(json).and_then(Vec::pop) {
                Some(kept) => kept.clone(),
                None => read_block(first + offset, json).ok()?,
            };
            blocks.push(BlockText { span, read });
        }
        Some((first..last + 1, blocks))
    }
}

impl ReadArticle {
    /// This article with the body blocks `replaced` replaced by `blocks`, read from `new_text`,
    /// where the blocks after them have moved by the difference in length from `old_text`.
    fn with_blocks(&self, replaced: Range<usize>, blocks: Vec<BlockText>, old_text: &str, new_text: &str) -> ReadArticle {
        let moved = |block: &BlockText| BlockText {
            span: block.span.start + new_text.len() - old_text.len()..block.span.end + new_text.len() - old_text.len(),
            read: block.read.clone(),
        };
        let blocks: Vec<BlockText> = self.blocks[..replaced.start].iter().cloned().chain(blocks).chain(self.blocks[replaced.end..].iter().map(moved)).collect();
        let mut article = (*self.article).clone();
        article.body = shown_blocks(&blocks);
        ReadArticle { warnings: warnings(&blocks, &article), article: Rc::new(article), blocks }
    }
}

/// `blocks` of `text` by their JSON text, for taking the block read from a text again: popping a
/// text's list gives its blocks in order, each once (dividers, say, are all alike).
fn by_text<'a>(blocks: &'a [BlockText], text: &'a str) -> HashMap<&'a str, Vec<&'a BodyBlock>> {
    let mut by_text: HashMap<&str, Vec<&BodyBlock>> = HashMap::new();
    for block in blocks.iter().rev() {
        by_text.entry(&text[block.span.clone()]).or_default().push(&block.read);
    }
    by_text
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
