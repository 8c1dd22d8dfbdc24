//! The shape of an article for its reader: how long it takes to read, and its section headings
//! with the ids that their anchors, shared links and the table of contents point at. Plain
//! functions of the document (no DOM), computed once per document and tested natively.
//!
//! **Reading time.** Chinese and Japanese are read by the character, other languages by the
//! word, so the two are counted apart and added: Han characters, hiragana and katakana at
//! [`CJK_CHARS_PER_MINUTE`], and words (runs of letters or digits between spaces, ideographs or
//! the ends of the text: `e-mail` and `don't` are one word each) at [`WORDS_PER_MINUTE`]. A
//! Chinese article quoting an English name counts both. The text is the body's: paragraphs,
//! headings, quotes and who said them, list items, captions. The total is rounded to the
//! nearest minute, at least 1; a body without text reads in 0 minutes, and no time is shown.
//!
//! **Heading ids.** `{id_prefix}-{slug}`, where the slug is the heading text in lower case with
//! every run of characters that are not letters or digits made one `-` (letters of any script
//! stay: `folio1-攤商週末尖峰排隊明顯變短`), at most [`SLUG_CHARS`] characters. The same text
//! twice gets `-2`, `-3` ...; a slug of nothing is `section`. Slugs that other elements of the
//! mount use (`comments`, `contents`, `list-0` ...) are taken too, so no id repeats. The ids
//! depend only on the document and the mount, so a link to a section keeps working.

use super::article::Article;
use super::block::{Block, HeadingLevel, Inline};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Characters of Chinese or Japanese read in a minute.
pub const CJK_CHARS_PER_MINUTE: f64 = 400.0;
/// Words of other languages read in a minute.
pub const WORDS_PER_MINUTE: f64 = 230.0;
/// The longest slug, in characters.
pub const SLUG_CHARS: usize = 64;

/// One section heading of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineHeading {
    /// Its index in the body.
    pub block: usize,
    /// `<h2>` or `<h3>`.
    pub level: HeadingLevel,
    /// Its text, without styling.
    pub title: String,
    /// Its element id, unique in the mount.
    pub id: Rc<str>,
}

/// What the reader is told about an article's length and structure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    /// The section headings, in reading order.
    pub headings: Vec<OutlineHeading>,
    /// Estimated reading time in whole minutes; 0 when the body has no text.
    pub reading_minutes: u32,
}

impl Outline {
    /// The outline of `article` rendered in the mount whose ids start with `id_prefix`.
    pub fn of(article: &Article, id_prefix: &str) -> Outline {
        Outline::counted(article, id_prefix, &mut BlockCounts::default())
    }

    /// [`Outline::of`], reading only the blocks that `counts` does not hold yet; `counts` then
    /// holds this article's.
    pub fn counted(article: &Article, id_prefix: &str, counts: &mut BlockCounts) -> Outline {
        counts.count(&article.body);
        let mut taken: HashSet<String> = ["comments", "contents", "section"].into_iter().map(String::from).collect();
        taken.extend((0..article.lists.len()).map(|i| format!("list-{i}")));
        let mut length = TextLength::default();
        let mut headings = Vec::new();
        for (block, (shown, count)) in article.body.iter().zip(&counts.blocks).enumerate() {
            length.cjk_chars += count.length.cjk_chars;
            length.words += count.length.words;
            if let (Block::Heading { level, .. }, Some((title, slug))) = (&**shown, &count.heading) {
                let slug = unique(slug.clone(), &mut taken);
                headings.push(OutlineHeading { block, level: *level, title: title.clone(), id: Rc::from(format!("{id_prefix}-{slug}")) });
            }
        }
        Outline { headings, reading_minutes: length.whole_minutes() }
    }

    /// The id of the heading at `block` in the body.
    pub fn id_of(&self, block: usize) -> Option<&Rc<str>> {
        self.headings.binary_search_by_key(&block, |h| h.block).ok().map(|i| &self.headings[i].id)
    }
}

/// The heading text as an id fragment, by the rule in the module documentation.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c);
        } else {
            gap = true;
        }
    }
    let short: String = slug.chars().take(SLUG_CHARS).collect();
    let short = short.trim_end_matches('-');
    if short.is_empty() {
        "section".to_owned()
    } else {
        short.to_owned()
    }
}

/// `slug`, or `slug-2`, `slug-3` ... whichever is not taken yet; then taken.
fn unique(slug: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = slug.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// How much there is to read in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextLength {
    /// Han characters, hiragana and katakana.
    pub cjk_chars: usize,
    /// Words of other scripts.
    pub words: usize,
}

impl TextLength {
    /// Adds the characters and words of `text`.
    pub fn add(&mut self, text: &str) {
        self.add_pieces([text]);
    }

    /// Adds one text given in pieces (the spans of a paragraph), which may split a word.
    pub fn add_pieces<'a>(&mut self, pieces: impl IntoIterator<Item = &'a str>) {
        let mut in_word = false;
        for piece in pieces {
            in_word = self.count(piece, in_word);
        }
    }

    /// Counts `text`, which continues a word when `in_word`; returns whether it ends in one.
    fn count(&mut self, text: &str, mut in_word: bool) -> bool {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most text of most articles is ASCII: taken a byte at a time, without the Unicode tables.
            let (cjk, space, alphanumeric) = if bytes[at].is_ascii() {
                let b = bytes[at];
                at += 1;
                (false, b.is_ascii_whitespace() || b == 0x0B, b.is_ascii_alphanumeric())
            } else {
                // `at` is always at the start of a character, so there is one.
                let Some(c) = text[at..].chars().next() else { break };
                at += c.len_utf8();
                (is_cjk(c), c.is_whitespace(), c.is_alphanumeric())
            };
            if cjk {
                self.cjk_chars += 1;
                in_word = false;
            } else if space {
                in_word = false;
            } else if alphanumeric && !in_word {
                self.words += 1;
                in_word = true;
            }
            // Other punctuation neither starts nor ends a word.
        }
        in_word
    }

    /// Reading time rounded to whole minutes, at least 1; 0 without any text.
    pub fn whole_minutes(&self) -> u32 {
        if self.cjk_chars + self.words == 0 {
            0
        } else {
            (self.minutes().round() as u32).max(1)
        }
    }

    /// Reading time in minutes, unrounded.
    pub fn minutes(&self) -> f64 {
        self.cjk_chars as f64 / CJK_CHARS_PER_MINUTE + self.words as f64 / WORDS_PER_MINUTE
    }
}

/// Characters read one at a time: CJK ideographs (with extensions and compatibility forms),
/// hiragana, katakana (with half-width forms). Hangul is written in spaced words, so it is not.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // hiragana, katakana
        | 0x31F0..=0x31FF     // katakana phonetic extensions
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFF66..=0xFF9F     // half-width katakana
        | 0x20000..=0x3134F   // CJK extensions B to G
    )
}

/// Estimated reading time of the body in whole minutes, by the rule in the module documentation.
pub fn reading_minutes(article: &Article) -> u32 {
    let mut length = TextLength::default();
    for block in &article.body {
        add_block(&mut length, block);
    }
    length.whole_minutes()
}

/// What the outline needs of each body block, kept from one version of an article to the next:
/// an update shares the blocks it did not change (see `Article::sharing_blocks_with`), and a 5,000-block
/// article has about 1 MB of text to count, of which an edited paragraph is a few hundred bytes.
#[derive(Default)]
pub struct BlockCounts {
    /// One for each block of the body last counted, in order.
    blocks: Vec<BlockCount>,
}

/// What the outline needs of one body block.
struct BlockCount {
    /// The block, kept so that it is known again by its pointer.
    block: Rc<Block>,
    length: TextLength,
    /// A heading's title and slug (made unique in the outline).
    heading: Option<(String, String)>,
}

impl BlockCounts {
    /// Counts `body`, taking the counts of blocks counted last time: in the same place, or moved
    /// by blocks added or removed before them.
    fn count(&mut self, body: &[Rc<Block>]) {
        let mut previous: Vec<Option<BlockCount>> = std::mem::take(&mut self.blocks).into_iter().map(Some).collect();
        // Where each block counted last time was, made only when one is not in its place.
        let mut places: Option<HashMap<*const Block, usize>> = None;
        self.blocks = body
            .iter()
            .enumerate()
            .map(|(index, block)| {
                let in_place = previous.get(index).and_then(Option::as_ref).is_some_and(|count| Rc::ptr_eq(&count.block, block));
                let at = if in_place {
                    Some(index)
                } else {
                    let places = places.get_or_insert_with(|| {
                        previous.iter().enumerate().filter_map(|(i, count)| Some((Rc::as_ptr(&count.as_ref()?.block), i))).collect()
                    });
                    places.get(&Rc::as_ptr(block)).copied()
                };
                at.and_then(|at| previous[at].take()).unwrap_or_else(|| BlockCount::of(block))
            })
            .collect();
    }
}

impl BlockCount {
    fn of(block: &Rc<Block>) -> BlockCount {
        let mut length = TextLength::default();
        add_block(&mut length, block);
        let heading = match &**block {
            Block::Heading { text, .. } => {
                let title = text.plain_text();
                let slug = slug(&title);
                Some((title, slug))
            }
            _ => None,
        };
        BlockCount { block: block.clone(), length, heading }
    }
}

/// Adds the text a reader reads in one block, read where it is rather than copied out.
fn add_block(length: &mut TextLength, block: &Block) {
    let mut add = |text: &Inline| match text {
        Inline::Text(text) => length.add(text),
        Inline::Spans(spans) => length.add_pieces(spans.iter().map(|span| span.text.as_str())),
    };
    match block {
        Block::Paragraph { text } | Block::Heading { text, .. } => add(text),
        Block::Quote { text, cite } => {
            add(text);
            if let Some(cite) = cite {
                length.add(cite);
            }
        }
        Block::List { items, .. } => items.iter().for_each(|item| item.each_text(&mut add)),
        Block::Image(image) => image.caption.iter().for_each(add),
        Block::Video { caption, .. } => caption.iter().for_each(add),
        Block::Table { rows, caption, .. } => {
            caption.iter().for_each(&mut add);
            rows.iter().flatten().for_each(add);
        }
        Block::Code { text, .. } => length.add(text),
        Block::Divider => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_text;

    fn article(body: &str) -> Article {
        parse_text(&format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": {body} }}"#)).unwrap().article
    }

    fn paragraph(text: &str) -> String {
        format!(r#"{{ "type": "paragraph", "text": {} }}"#, serde_json::to_string(text).unwrap())
    }

    #[test]
    fn counts_ideographs_and_kana_by_the_character_and_latin_by_the_word() {
        let mut length = TextLength::default();
        length.add("夜市全面導入行動支付，攤商說 QR code 很方便。");
        assert_eq!(length, TextLength { cjk_chars: 16, words: 2 });
        let mut length = TextLength::default();
        length.add("ひらがなとカタカナ、漢字。");
        assert_eq!(length.cjk_chars, 11);
        let mut length = TextLength::default();
        length.add("Don't e-mail the 3 editors — ever.");
        assert_eq!(length, TextLength { cjk_chars: 0, words: 6 });
        let mut length = TextLength::default();
        length.add("서울 시민 여러분");
        assert_eq!(length, TextLength { cjk_chars: 0, words: 3 }, "Hangul is read by the word");
    }

    #[test]
    fn a_word_split_between_spans_is_one_word() {
        let mut length = TextLength::default();
        length.add_pieces(["Sev", "en days, ", "字", "e", "-mail"]);
        assert_eq!(length, TextLength { cjk_chars: 1, words: 3 }, "Seven, days, e-mail");
        let mut apart = TextLength::default();
        apart.add("Sev");
        apart.add("en");
        assert_eq!(apart.words, 2, "separate texts do not join");
    }

    #[test]
    fn non_ascii_letters_spaces_and_vertical_tabs_separate_like_ascii_ones() {
        let mut length = TextLength::default();
        length.add("naïve café\u{0B}déjà\u{3000}vu\u{A0}à la carte");
        assert_eq!(length, TextLength { cjk_chars: 0, words: 7 });
    }

    #[test]
    fn reading_time_is_400_characters_or_230_words_a_minute() {
        let chinese = paragraph(&"字".repeat(2000));
        assert_eq!(reading_minutes(&article(&format!("[{chinese}]"))), 5);
        let english = paragraph(&"word ".repeat(690));
        assert_eq!(reading_minutes(&article(&format!("[{english}]"))), 3);
        // 1000 characters (2.5 min) and 115 words (0.5 min) make 3 minutes.
        let mixed = format!("[{}, {}]", paragraph(&"字".repeat(1000)), paragraph(&"word ".repeat(115)));
        assert_eq!(reading_minutes(&article(&mixed)), 3);
    }

    #[test]
    fn reading_time_is_at_least_a_minute_and_zero_without_text() {
        assert_eq!(reading_minutes(&article(&format!("[{}]", paragraph("Short.")))), 1);
        assert_eq!(reading_minutes(&article(r#"[ { "type": "divider" } ]"#)), 0);
        assert_eq!(reading_minutes(&article("[]")), 0);
    }

    #[test]
    fn reading_time_counts_headings_quotes_lists_and_captions() {
        let body = r#"[
            { "type": "heading", "text": "one two" },
            { "type": "quote", "text": "three four", "cite": "five" },
            { "type": "list", "items": [ "six", [ { "text": "sev" }, { "text": "en" } ] ] },
            { "type": "image", "src": "a.jpg", "alt": "not counted", "caption": "eight" },
            { "type": "video", "src": "a.mp4", "caption": "nine" }
        ]"#;
        let article = article(body);
        let mut length = TextLength::default();
        for text in ["one two", "three four", "five", "six", "seven", "eight", "nine"] {
            length.add(text);
        }
        assert_eq!(length.words, 9);
        assert_eq!(reading_minutes(&article), 1);
    }

    #[test]
    fn slugs_keep_letters_of_any_script_and_join_the_rest_with_hyphens() {
        assert_eq!(slug("Where to look"), "where-to-look");
        assert_eq!(slug("  What's next? (2026) "), "what-s-next-2026");
        assert_eq!(slug("攤商：週末尖峰排隊明顯變短"), "攤商-週末尖峰排隊明顯變短");
        assert_eq!(slug("市営バスの新しい運賃"), "市営バスの新しい運賃");
        assert_eq!(slug("ساعات المكتبة الجديدة"), "ساعات-المكتبة-الجديدة");
        assert_eq!(slug("!!!"), "section");
        assert_eq!(slug(&"a".repeat(100)).len(), SLUG_CHARS);
    }

    #[test]
    fn heading_ids_are_prefixed_unique_and_avoid_the_mounts_other_ids() {
        let body = r#"[
            { "type": "heading", "text": "Results" },
            { "type": "paragraph", "text": "x" },
            { "type": "heading", "level": 3, "text": "Results" },
            { "type": "heading", "text": "Comments" },
            { "type": "heading", "text": "?" },
            { "type": "heading", "text": [ { "text": "Bold", "bold": true }, { "text": " move" } ] }
        ]"#;
        let outline = Outline::of(&article(body), "folio1");
        let ids: Vec<&str> = outline.headings.iter().map(|h| &*h.id).collect();
        assert_eq!(ids, ["folio1-results", "folio1-results-2", "folio1-comments-2", "folio1-section-2", "folio1-bold-move"]);
        assert_eq!(outline.headings[1].level, HeadingLevel::H3);
        assert_eq!(outline.headings[4].title, "Bold move");
        assert_eq!(outline.id_of(2).map(|id| &**id), Some("folio1-results-2"));
        assert_eq!(outline.id_of(1), None);
    }

    #[test]
    fn an_outline_counted_after_an_update_is_the_outline_of_the_new_article() {
        let document = |blocks: &[String]| {
            format!(r#"{{ "headline": "h", "datePublished": "2026-01-01T00:00:00Z", "body": [{}] }}"#, blocks.join(","))
        };
        let heading = |text: &str| format!(r#"{{ "type": "heading", "text": "{text}" }}"#);
        let paragraph = |text: &str| format!(r#"{{ "type": "paragraph", "text": "{text}" }}"#);
        let mut blocks = vec![heading("Results"), paragraph("one two three"), heading("Results"), paragraph("four")];
        let mut article = parse_text(&document(&blocks)).unwrap().article;
        let mut counts = BlockCounts::default();
        assert_eq!(Outline::counted(&article, "p", &mut counts), Outline::of(&article, "p"));
        // A paragraph changed, a heading changed, a block added: each outline as if made afresh.
        let changes: [fn(&mut Vec<String>); 3] = [
            |blocks| blocks[1] = format!(r#"{{ "type": "paragraph", "text": "{}" }}"#, "字".repeat(900)),
            |blocks| blocks[0] = r#"{ "type": "heading", "text": "Method" }"#.to_owned(),
            |blocks| blocks.insert(0, r#"{ "type": "heading", "text": "Method" }"#.to_owned()),
        ];
        for change in changes {
            change(&mut blocks);
            article = parse_text(&document(&blocks)).unwrap().article.sharing_blocks_with(&article);
            assert_eq!(Outline::counted(&article, "p", &mut counts), Outline::of(&article, "p"));
        }
        let outline = Outline::of(&article, "p");
        assert_eq!(outline.reading_minutes, 2, "900 characters and 2 words");
        let ids: Vec<&str> = outline.headings.iter().map(|h| &*h.id).collect();
        assert_eq!(ids, ["p-method", "p-method-2", "p-results"]);
    }

    #[test]
    fn heading_ids_are_the_same_every_time() {
        let body = r#"[ { "type": "heading", "text": "A" }, { "type": "heading", "text": "B" } ]"#;
        assert_eq!(Outline::of(&article(body), "p"), Outline::of(&article(body), "p"));
    }
}
