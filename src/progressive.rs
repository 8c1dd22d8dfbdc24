//! How a long article body reaches the screen: in steps, one per frame, so that no single task
//! keeps the browser from answering the reader. The first step is a few screens of text, so the
//! top of the article shows at once; each later step appends the blocks that follow, in order.
//! Once the last step is in, the article is complete: `folio:rendered` is sent then, and from
//! then on find-in-page and screen readers see all of it.
//!
//! Plain Rust with no DOM, so the plan is tested natively; `ArticleBody` carries it out.
//!
//! Step sizes are weights, roughly bytes of text plus a fixed cost per element (see [`weight`]).
//! What a step costs depends on the machine and grows with the page (each frame the browser also
//! walks what is already there), so each step's weight is set from how long the one before took,
//! aiming at [`STEP_MS`]. Measured on the bench machine (2 cores, Chromium 156): creating and
//! laying out the 5,000-block (1 MB) article in one task took 550-660 ms, about 0.3 ms per 1,000
//! weight, so the second step, of [`STEP`], takes some 20-40 ms.

use crate::model::{Block, Inline};
use std::borrow::Borrow;

/// What one element costs on top of its text, in the units of [`weight`]: creating it, styling
/// it and laying it out cost about as much as 100 bytes of text.
const ELEMENT: usize = 100;

/// Weight of the first step: the header and about 50 paragraphs, more than a screen even on a
/// large monitor, and quick to lay out. An article up to this size is shown in one go.
pub const FIRST_STEP: usize = 24_000;

/// Weight of the second step, before anything is known of this machine.
pub const STEP: usize = 64_000;

/// The least and the most a later step weighs, whatever the timing says.
const STEP_RANGE: (usize, usize) = (16_000, 1_000_000);

/// How long a step should keep the browser busy, from one frame to the next: half the 200 ms
/// past which a page feels stuck, leaving room for a slower moment.
pub const STEP_MS: f64 = 100.0;

/// What putting `block` on screen costs: its text in bytes plus [`ELEMENT`] per element.
pub fn weight(block: &Block) -> usize {
    let inline = |text: &Inline| match text {
        Inline::Text(text) => text.len(),
        Inline::Spans(spans) => spans.iter().map(|span| ELEMENT + span.text.len()).sum(),
    };
    let optional = |text: Option<&Inline>| text.map_or(0, |text| ELEMENT + inline(text));
    match block {
        Block::Paragraph { text } => ELEMENT + inline(text),
        // The heading, its wrapper and its link.
        Block::Heading { text, .. } => 3 * ELEMENT + inline(text),
        Block::Quote { text, cite } => 2 * ELEMENT + inline(text) + cite.as_ref().map_or(0, |cite| 2 * ELEMENT + cite.len()),
        Block::List { items, .. } => ELEMENT + items.iter().map(|item| ELEMENT + inline(item)).sum::<usize>(),
        Block::Image(image) => 3 * ELEMENT + optional(image.caption.as_ref()) + image.credit.as_ref().map_or(0, String::len),
        Block::Video { caption, .. } => 3 * ELEMENT + optional(caption.as_ref()),
        Block::Divider => ELEMENT,
    }
}

/// How many blocks the first step shows.
pub fn first_step<B: Borrow<Block>>(blocks: &[B]) -> usize {
    next_step(blocks, 0, FIRST_STEP)
}

/// How many blocks are shown after a step that follows the first `shown` and weighs at most
/// `budget`, or one block more when that block alone weighs more.
pub fn next_step<B: Borrow<Block>>(blocks: &[B], shown: usize, budget: usize) -> usize {
    let mut total = 0;
    let mut end = shown.min(blocks.len());
    while let Some(block) = blocks.get(end) {
        total += weight(block.borrow());
        if total > budget && end > shown {
            break;
        }
        end += 1;
    }
    end
}

/// The weight of the next step, after one of `weight` that took `took_ms` from its frame to the
/// next: scaled towards [`STEP_MS`], by at most half or double at a time (one slow frame, a
/// garbage collection say, should not make every later step tiny).
pub fn next_step_weight(weight: usize, took_ms: f64) -> usize {
    let scale = (STEP_MS / took_ms.max(1.0)).clamp(0.5, 2.0);
    ((weight as f64 * scale) as usize).clamp(STEP_RANGE.0, STEP_RANGE.1)
}

/// How many blocks of `new` to show at once when it replaces `old`, of which `shown` were on
/// screen. A block equal to the one already in its place costs next to nothing (its part of the
/// page is kept as it is), so an update that changes a paragraph keeps the whole article on
/// screen; blocks that differ are put in as a step would be, and past a step's weight of them
/// the rest follows in steps, as for a new article.
pub fn shown_after_update<B: Borrow<Block> + PartialEq>(old: &[B], shown: usize, new: &[B]) -> usize {
    let kept = shown.min(new.len());
    let mut changed = 0;
    for (index, block) in new[..kept].iter().enumerate() {
        if old.get(index) != Some(block) {
            changed += weight(block.borrow());
            if changed > STEP {
                return index.max(first_step(new));
            }
        }
    }
    kept.max(first_step(new))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph { text: Inline::Text(text.to_owned()) }
    }

    /// `count` paragraphs of `bytes` bytes each, numbered so that no two are equal.
    fn paragraphs(count: usize, bytes: usize) -> Vec<Block> {
        (0..count).map(|i| paragraph(&format!("{i:>bytes$}"))).collect()
    }

    #[test]
    fn a_short_article_is_shown_in_one_step() {
        let body = paragraphs(20, 300);
        assert_eq!(first_step(&body), 20);
        assert_eq!(first_step::<Block>(&[]), 0);
    }

    #[test]
    fn a_long_article_is_shown_in_steps_that_cover_every_block_in_order() {
        let body = paragraphs(5_000, 200);
        let mut ends = vec![first_step(&body)];
        while *ends.last().unwrap() < body.len() {
            let next = next_step(&body, *ends.last().unwrap(), STEP);
            assert!(next > *ends.last().unwrap(), "every step shows at least one more block");
            ends.push(next);
        }
        // 300 weight per paragraph: 80 in the first step, 213 in each later one.
        assert_eq!(ends[0], 80);
        assert_eq!(ends[1] - ends[0], 213);
        assert_eq!(*ends.last().unwrap(), 5_000);
        assert_eq!(ends.len(), 1 + (5_000 - 80usize).div_ceil(213));
        for pair in ends.windows(2) {
            let step: usize = body[pair[0]..pair[1]].iter().map(weight).sum();
            assert!(step <= STEP, "a step of {step} is over the budget");
        }
    }

    #[test]
    fn a_block_heavier_than_a_step_is_a_step_of_its_own() {
        let body = vec![paragraph(&"x".repeat(100_000)), paragraph("after")];
        assert_eq!(first_step(&body), 1);
        assert_eq!(next_step(&body, 1, STEP), 2);
        assert_eq!(next_step(&body, 2, STEP), 2, "nothing is left after the last block");
    }

    #[test]
    fn steps_grow_on_a_fast_machine_and_shrink_on_a_slow_one() {
        assert_eq!(next_step_weight(64_000, 100.0), 64_000, "on target");
        assert_eq!(next_step_weight(64_000, 50.0), 128_000);
        assert_eq!(next_step_weight(64_000, 10.0), 128_000, "at most double at a time");
        assert_eq!(next_step_weight(64_000, 160.0), 40_000);
        assert_eq!(next_step_weight(64_000, 5_000.0), 32_000, "at most half at a time");
        assert_eq!(next_step_weight(20_000, 1_000.0), 16_000, "never below the least step");
        assert_eq!(next_step_weight(900_000, 1.0), 1_000_000, "never above the most");
        assert_eq!(next_step_weight(64_000, 0.0), 128_000, "a clock that did not move is a fast frame");
    }

    #[test]
    fn weights_count_text_and_elements() {
        assert_eq!(weight(&paragraph("abc")), 103);
        assert_eq!(weight(&Block::Divider), 100);
        let spans = Inline::Spans(vec![
            crate::model::Span { text: "ab".into(), bold: true, italic: false, code: false, href: None },
            crate::model::Span { text: "cd".into(), bold: false, italic: false, code: false, href: None },
        ]);
        assert_eq!(weight(&Block::List { ordered: false, items: vec![spans, Inline::Text("e".into())] }), 100 + (100 + 204) + (100 + 1));
        // Multi-byte text weighs its UTF-8 bytes: CJK takes about as long to lay out per character.
        assert_eq!(weight(&paragraph("新聞")), 106);
    }

    #[test]
    fn an_update_that_changes_a_paragraph_keeps_everything_on_screen() {
        let old = paragraphs(5_000, 200);
        let mut new = old.clone();
        new[1_600] = paragraph("changed");
        assert_eq!(shown_after_update(&old, 5_000, &new), 5_000);
        // While the old article was still arriving, the new one continues from the same place.
        assert_eq!(shown_after_update(&old, 1_000, &new), 1_000);
    }

    #[test]
    fn an_update_that_changes_everything_starts_again_in_steps() {
        let old = paragraphs(5_000, 200);
        let new: Vec<Block> = paragraphs(5_000, 201);
        // Changed blocks are put in up to a step's weight at once: 64,000 / 301 = 212 of them.
        assert_eq!(shown_after_update(&old, 5_000, &new), 212);
        assert_eq!(shown_after_update(&old, 50, &new), first_step(&new), "the first step at least");
        let few_changes: Vec<Block> = old.iter().enumerate().map(|(i, b)| if i % 10 == 0 { paragraph("new") } else { b.clone() }).collect();
        // 64,000 / 103 = 621 changed blocks fit in a step: one in ten, up to block 6,210.
        assert_eq!(shown_after_update(&old, 5_000, &few_changes), 5_000);
    }

    #[test]
    fn an_update_to_a_shorter_article_shows_what_there_is() {
        let old = paragraphs(5_000, 200);
        assert_eq!(shown_after_update(&old, 5_000, &old[..10]), 10);
        assert_eq!(shown_after_update(&old, 5_000, &[]), 0);
        let longer = paragraphs(6_000, 200);
        assert_eq!(shown_after_update(&old, 5_000, &longer), 5_000, "the new blocks at the end follow in steps");
    }
}
