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
//! aiming at [`STEP_MS`]. [`STEP`], the second step's weight before any timing is known, is sized
//! from the bench machine's cost per weight (README, "Long articles arrive in steps").

use crate::model::{Block, Inline, ListItem};
use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

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
        Block::List { items, .. } => {
            let mut total = ELEMENT;
            // Each item, and the list element of each nested list.
            items.iter().for_each(|item| item.each_text(&mut |text| total += ELEMENT + inline(text)));
            total + items.iter().map(nested_lists).sum::<usize>() * ELEMENT
        }
        // The table, its rows and cells.
        Block::Table { rows, caption, .. } => {
            2 * ELEMENT
                + optional(caption.as_ref())
                + rows.iter().map(|row| ELEMENT + row.iter().map(|cell| ELEMENT + inline(cell)).sum::<usize>()).sum::<usize>()
        }
        Block::Code { text, .. } => 2 * ELEMENT + text.len(),
        Block::Image(image) => 3 * ELEMENT + optional(image.caption.as_ref()) + image.credit.as_ref().map_or(0, String::len),
        Block::Video { caption, .. } => 3 * ELEMENT + optional(caption.as_ref()),
        Block::Divider => ELEMENT,
    }
}

/// How many lists are nested in `item`, however deep.
fn nested_lists(item: &ListItem) -> usize {
    usize::from(!item.items.is_empty()) + item.items.iter().map(nested_lists).sum::<usize>()
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
/// screen. A block already on screen (the same block, in its place or moved by blocks added or
/// removed before it) costs next to nothing (its part of the page is kept as it is), so an update
/// that changes, adds or removes a paragraph keeps the whole article on screen; other blocks are
/// put in as a step would be, and past a step's weight of them the rest follows in steps, as for
/// a new article. Blocks are known by their pointers: an update shares the blocks it keeps
/// (see `Article::sharing_blocks_with`).
pub fn shown_after_update(old: &[Rc<Block>], shown: usize, new: &[Rc<Block>]) -> usize {
    let on_screen: HashSet<*const Block> = old[..shown.min(old.len())].iter().map(Rc::as_ptr).collect();
    // In its place (the same block, or an equal one: a document read again from the network), or
    // anywhere on screen.
    let is_on_screen =
        |index: usize, block: &Rc<Block>| old.get(index).is_some_and(|old| old == block) || on_screen.contains(&Rc::as_ptr(block));
    // As far as the old article was shown, and further when blocks were added before its end.
    let mut end = shown.min(new.len());
    if let Some(last) = new[end..].iter().rposition(|block| on_screen.contains(&Rc::as_ptr(block))) {
        end += last + 1;
    }
    let mut changed = 0;
    for (index, block) in new[..end].iter().enumerate() {
        if !is_on_screen(index, block) {
            changed += weight(block);
            if changed > STEP {
                return index.max(first_step(new));
            }
        }
    }
    end.max(first_step(new))
}

/// Consecutive body blocks, shown together (see `BodyPart`).
pub type Part = Rc<[Rc<Block>]>;

/// The body in parts of at most `size` blocks, each with the part of `old` it keeps or takes the
/// place of (its component is then that part's, updated in place rather than made anew); `old`
/// holds parts, or anything that lends one (a part with its key, say). A part of `old` whose
/// blocks are all still there, in a row, is kept wherever it now is: the parts after a block added
/// or removed are kept though they moved. The blocks around a change make new parts,
/// each in the place of an old part between the kept ones, and is that old part itself when equal
/// to it (the same document read again from the network, say, shares no block by pointer).
pub fn parts_after_update<P: Borrow<Part>>(old: &[P], body: &[Rc<Block>], size: usize) -> Vec<(Part, Option<usize>)> {
    let old: Vec<&Part> = old.iter().map(Borrow::borrow).collect();
    // First the parts kept, and the runs of blocks between them.
    enum Run {
        Kept(usize),
        Fresh(usize, usize),
    }
    let starts: HashMap<*const Block, usize> =
        old.iter().enumerate().filter_map(|(i, part)| Some((Rc::as_ptr(part.first()?), i))).collect();
    let mut runs = Vec::new();
    let mut used = vec![false; old.len()];
    let (mut fresh_from, mut at) = (0, 0);
    while at < body.len() {
        let kept = starts
            .get(&Rc::as_ptr(&body[at]))
            .copied()
            .filter(|&i| body.len() - at >= old[i].len() && old[i].iter().zip(&body[at..]).all(|(kept, block)| Rc::ptr_eq(kept, block)));
        match kept {
            Some(i) => {
                if fresh_from < at {
                    runs.push(Run::Fresh(fresh_from, at));
                }
                runs.push(Run::Kept(i));
                used[i] = true;
                at += old[i].len();
                fresh_from = at;
            }
            None => at += 1,
        }
    }
    if fresh_from < body.len() {
        runs.push(Run::Fresh(fresh_from, body.len()));
    }
    // Then the new parts, in the places of the old parts not kept between their neighbours.
    let mut parts = Vec::new();
    let mut after = 0;
    for (index, run) in runs.iter().enumerate() {
        match *run {
            Run::Kept(i) => {
                parts.push((old[i].clone(), Some(i)));
                after = i + 1;
            }
            Run::Fresh(from, to) => {
                let before = runs[index..].iter().find_map(|run| match run {
                    Run::Kept(i) => Some(*i),
                    Run::Fresh(..) => None,
                });
                let (mut next, end) = (after, before.unwrap_or(old.len()));
                for blocks in body[from..to].chunks(size) {
                    while next < end && used[next] {
                        next += 1;
                    }
                    let place = (next < end).then_some(next);
                    if let Some(i) = place {
                        used[i] = true;
                        next += 1;
                    }
                    let part = match place {
                        Some(i) if **old[i] == *blocks => old[i].clone(),
                        _ => Rc::from(blocks),
                    };
                    parts.push((part, place));
                }
            }
        }
    }
    parts
}

/// `shown` blocks rounded up to the end of the part they end in: a part is put in once, whole.
pub fn whole_parts<P: Borrow<Part>>(parts: &[P], shown: usize) -> usize {
    let mut end = 0;
    for part in parts {
        if end >= shown {
            break;
        }
        end += part.borrow().len();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Rc<Block> {
        Rc::new(Block::Paragraph { text: Inline::Text(text.to_owned()) })
    }

    /// `count` paragraphs of `bytes` bytes each, numbered so that no two are equal.
    fn paragraphs(count: usize, bytes: usize) -> Vec<Rc<Block>> {
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
            let step: usize = body[pair[0]..pair[1]].iter().map(|b| weight(b)).sum();
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
            crate::model::Span { text: "ab".into(), bold: true, ..Default::default() },
            crate::model::Span { text: "cd".into(), bold: false, ..Default::default() },
        ]);
        assert_eq!(
            weight(&Block::List { ordered: false, items: vec![spans.into(), Inline::Text("e".into()).into()] }),
            100 + (100 + 204) + (100 + 1)
        );
        // A nested list adds its own list element and its items.
        let nested = crate::model::ListItem { text: Inline::Text("f".into()), ordered: true, items: vec![Inline::Text("g".into()).into()] };
        assert_eq!(weight(&Block::List { ordered: false, items: vec![nested] }), 100 + (100 + 1) + (100 + 1) + 100);
        let table = Block::Table { rows: vec![vec![Inline::Text("a".into()), Inline::Text("bc".into())]], header: true, caption: None };
        assert_eq!(weight(&table), 200 + 100 + (100 + 1) + (100 + 2));
        assert_eq!(weight(&Block::Code { text: "let x;".into(), language: None }), 206);
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
        let new = paragraphs(5_000, 201);
        // Changed blocks are put in up to a step's weight at once: 64,000 / 301 = 212 of them.
        assert_eq!(shown_after_update(&old, 5_000, &new), 212);
        assert_eq!(shown_after_update(&old, 50, &new), first_step(&new), "the first step at least");
        let few_changes: Vec<Rc<Block>> =
            old.iter().enumerate().map(|(i, b)| if i % 10 == 0 { paragraph("new") } else { b.clone() }).collect();
        // 64,000 / 103 = 621 changed blocks fit in a step: one in ten, up to block 6,210.
        assert_eq!(shown_after_update(&old, 5_000, &few_changes), 5_000);
    }

    #[test]
    fn an_update_that_adds_or_removes_blocks_keeps_what_was_on_screen() {
        let old = paragraphs(5_000, 200);
        let mut added = old.clone();
        added.insert(40, paragraph("new"));
        assert_eq!(shown_after_update(&old, 5_000, &added), 5_001);
        let mut removed = old.clone();
        removed.remove(40);
        assert_eq!(shown_after_update(&old, 5_000, &removed), 4_999);
        // Equal blocks read again (not shared) are on screen where they were, not elsewhere.
        let mut copies: Vec<Rc<Block>> = old.iter().map(|b| Rc::new((**b).clone())).collect();
        assert_eq!(shown_after_update(&old, 5_000, &copies), 5_000);
        copies.insert(0, paragraph("new"));
        assert_eq!(shown_after_update(&old, 5_000, &copies), 213, "64,000 / 300 (the first weighs 103)");
    }

    /// The sizes of parts, and a check that together they are `body`, block for block.
    fn sizes(parts: &[(Part, Option<usize>)], body: &[Rc<Block>]) -> Vec<usize> {
        let joined: Vec<&Rc<Block>> = parts.iter().flat_map(|(part, _)| part.iter()).collect();
        assert!(joined.len() == body.len() && joined.iter().zip(body).all(|(a, b)| Rc::ptr_eq(a, b)), "the parts are the body");
        parts.iter().map(|(part, _)| part.len()).collect()
    }

    /// Which old part each new part keeps (`Ok`) or takes the place of (`Err`), if any.
    fn places(parts: &[(Part, Option<usize>)], old: &[Part]) -> Vec<Option<Result<usize, usize>>> {
        parts.iter().map(|(part, place)| place.map(|i| if Rc::ptr_eq(part, &old[i]) { Ok(i) } else { Err(i) })).collect()
    }

    #[test]
    fn parts_are_kept_when_blocks_around_them_are_added_removed_or_changed() {
        let body = paragraphs(100, 10);
        let first = parts_after_update::<Part>(&[], &body, 32);
        assert_eq!(sizes(&first, &body), [32, 32, 32, 4]);
        assert_eq!(first.iter().map(|(_, place)| *place).collect::<Vec<_>>(), [None; 4]);
        let parts: Vec<Part> = first.into_iter().map(|(part, _)| part).collect();
        let mut added = body.clone();
        added.insert(40, paragraph("new"));
        let after = parts_after_update(&parts, &added, 32);
        assert_eq!(sizes(&after, &added), [32, 32, 1, 32, 4]);
        assert_eq!(
            places(&after, &parts),
            [Some(Ok(0)), Some(Err(1)), None, Some(Ok(2)), Some(Ok(3))],
            "the parts after the new block moved and were kept"
        );
        let mut removed = body.clone();
        removed.remove(70);
        let after = parts_after_update(&parts, &removed, 32);
        assert_eq!(sizes(&after, &removed), [32, 32, 31, 4]);
        assert_eq!(places(&after, &parts), [Some(Ok(0)), Some(Ok(1)), Some(Err(2)), Some(Ok(3))]);
        let mut changed = body.clone();
        changed[5] = paragraph("changed");
        let after = parts_after_update(&parts, &changed, 32);
        assert_eq!(sizes(&after, &changed), [32, 32, 32, 4]);
        assert_eq!(places(&after, &parts), [Some(Err(0)), Some(Ok(1)), Some(Ok(2)), Some(Ok(3))]);
        // The same document read again (equal blocks, none shared): each part the old one.
        let copies: Vec<Rc<Block>> = body.iter().map(|b| Rc::new((**b).clone())).collect();
        let after = parts_after_update(&parts, &copies, 32);
        assert_eq!(places(&after, &parts), [Some(Ok(0)), Some(Ok(1)), Some(Ok(2)), Some(Ok(3))]);
        // Parts moved out of order take no place twice.
        let swapped: Vec<Rc<Block>> = body[64..96].iter().chain(&body[0..64]).chain(&body[96..]).cloned().collect();
        let after = parts_after_update(&parts, &swapped, 32);
        let taken: Vec<usize> = after.iter().filter_map(|(_, place)| *place).collect();
        assert_eq!(taken.iter().collect::<HashSet<_>>().len(), taken.len());
    }

    #[test]
    fn shown_blocks_end_at_the_end_of_a_part() {
        let body = paragraphs(100, 10);
        let mut added = body.clone();
        added.insert(40, paragraph("new"));
        let parts: Vec<Part> = parts_after_update::<Part>(&[], &body, 32).into_iter().map(|(part, _)| part).collect();
        let parts: Vec<Part> = parts_after_update(&parts, &added, 32).into_iter().map(|(part, _)| part).collect();
        let ends: Vec<usize> = [0, 1, 32, 33, 64, 65, 66, 101].into_iter().map(|shown| whole_parts(&parts, shown)).collect();
        assert_eq!(ends, [0, 32, 32, 64, 64, 65, 97, 101]);
    }

    #[test]
    fn an_update_to_a_shorter_article_shows_what_there_is() {
        let old = paragraphs(5_000, 200);
        assert_eq!(shown_after_update(&old, 5_000, &old[..10]), 10);
        assert_eq!(shown_after_update(&old, 5_000, &[]), 0);
        let longer: Vec<Rc<Block>> = old.iter().cloned().chain(paragraphs(1_000, 300)).collect();
        assert_eq!(shown_after_update(&old, 5_000, &longer), 5_000, "the new blocks at the end follow in steps");
    }
}
