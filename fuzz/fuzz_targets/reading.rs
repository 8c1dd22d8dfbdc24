//! A document and an edit of it: reading the edited text after the document (`Reading::next`,
//! which reads one changed body block alone) must give what reading the edited text whole gives,
//! the same article and warnings or the same error. Any difference panics.
//!
//! The input is the document's text followed by six bytes that describe the edit: where (two
//! bytes, a fraction of the text's length), how many bytes to cut (one), and up to three bytes to
//! insert, each taken from characters that change JSON's structure or a block's content.
#![no_main]

use folio::model::Reading;
use libfuzzer_sys::fuzz_target;

const INSERTED: &[u8] = b"{}[]\",:0 aZ\\-.\ntnf";

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let (document, edit) = data.split_at(data.len() - 6);
    let Ok(text) = std::str::from_utf8(document) else { return };
    let before = Reading::new(text.to_owned());
    // Only an article that was read keeps blocks to take again.
    if before.result().is_err() {
        return;
    }
    let mut from = usize::from(u16::from_le_bytes([edit[0], edit[1]])) * text.len() / usize::from(u16::MAX);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (from + usize::from(edit[2] % 16)).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let inserted: String = edit[3..].iter().filter(|b| **b != 0xFF).map(|b| char::from(INSERTED[usize::from(*b) % INSERTED.len()])).collect();
    let edited = format!("{}{}{}", &text[..from], inserted, &text[to..]);
    let by_change = before.next(edited.clone());
    let whole = Reading::new(edited);
    match (by_change.result(), whole.result()) {
        (Ok((a, a_warnings)), Ok((b, b_warnings))) => {
            assert!(**a == **b, "the article read by change differs from the one read whole");
            assert_eq!(a_warnings, b_warnings);
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!("read by change: {}, read whole: {}", a.is_ok(), b.is_ok()),
    }
});
