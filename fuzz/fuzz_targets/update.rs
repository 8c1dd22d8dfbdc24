//! A document and an edit of it: the edited document read after the document (sharing the blocks
//! it did not change, as `handle.update` does) must be the edited document read whole, and every
//! block equal to the one before at its place must be that block. Any difference panics.
//!
//! The input is the document's text followed by six bytes that describe the edit: where (two
//! bytes, a fraction of the text's length), how many bytes to cut (one), and up to three bytes to
//! insert, each taken from characters that change JSON's structure or a block's content.
#![no_main]

use folio::model::parse_text;
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

const INSERTED: &[u8] = b"{}[]\",:0 aZ\\-.\ntnf";

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let (document, edit) = data.split_at(data.len() - 6);
    let Ok(text) = std::str::from_utf8(document) else { return };
    // Only an article that was read has blocks to share.
    let Ok(before) = parse_text(text) else { return };
    let mut from = usize::from(u16::from_le_bytes([edit[0], edit[1]])) * text.len() / usize::from(u16::MAX);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (from + usize::from(edit[2] % 16)).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let inserted: String =
        edit[3..].iter().filter(|b| **b != 0xFF).map(|b| char::from(INSERTED[usize::from(*b) % INSERTED.len()])).collect();
    let edited = format!("{}{}{}", &text[..from], inserted, &text[to..]);
    let Ok(whole) = parse_text(&edited) else { return };
    let updated = whole.article.clone().sharing_blocks_with(&before.article);
    assert!(updated == whole.article, "the updated article differs from the one read whole");
    for (index, block) in updated.body.iter().enumerate() {
        if before.article.body.get(index) == Some(block) {
            assert!(Rc::ptr_eq(&before.article.body[index], block), "block {index} is unchanged but not shared");
        }
    }
});
