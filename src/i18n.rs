//! Every word Folio adds to an article, one table per language. Adding a language is adding a
//! table, a line in [`words_for`] and an entry in [`LANGUAGES`]. Times are not here: `Intl` formats
//! them in the article's language.
//!
//! Which table a document gets, from its `lang` (BCP 47, case-insensitive):
//!
//! | `lang` | table |
//! | --- | --- |
//! | `zh-Hant`, `zh-Hant-*`, `zh-TW`, `zh-HK`, `zh-MO`, bare `zh`, any other `zh-*` | `zh-TW` |
//! | `zh-Hans`, `zh-Hans-*`, `zh-CN`, `zh-SG`, `zh-MY` | `zh-CN` |
//! | `ja`, `ja-*` | `ja` |
//! | `en`, `en-*`, and every language without a table | `en` |
//!
//! A script subtag wins over a region (`zh-Hans-TW` is Simplified). When the table's language is
//! not the article's (an `fr` article gets English words), components mark the words with the
//! table's `lang`, so screen readers pronounce them in the right language.
//!
//! Invariant: every table fills every field with non-empty text, and a template has the same
//! placeholders in every table (tested below).
//!
//! Templates use `{n}`, `{path}`, `{line}`, `{column}`, `{title}` placeholders, filled by [`fill`].

/// The UI words of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Words {
    /// The language tag this table is for.
    pub lang: &'static str,
    /// Label before the publication time.
    pub published: &'static str,
    /// Label before the last-update time.
    pub updated: &'static str,
    /// Put before the author names (with its own trailing space where the language wants one).
    pub by: &'static str,
    /// Between author names.
    pub separator: &'static str,
    /// Before the last author name.
    pub last_separator: &'static str,
    /// Estimated reading time in whole minutes (`{n}`), see `model::outline`.
    pub reading_time: &'static str,
    /// Title of the table of contents.
    pub contents: &'static str,
    /// Accessible name of the link beside a section heading (`{title}` is the heading).
    pub section_link: &'static str,
    /// Link to the article as first published.
    pub view_original: &'static str,
    /// Accessible name of the tag list.
    pub tags: &'static str,
    /// Heading of the comments section.
    pub comments: &'static str,
    /// The count of comments when there is one.
    pub comment_count_one: &'static str,
    /// The count of comments otherwise (`{n}`).
    pub comment_count_other: &'static str,
    /// Shown when there are no comments.
    pub no_comments: &'static str,
    /// Link to the full discussion.
    pub join_discussion: &'static str,
    /// The "see more" link under a related list.
    pub see_more: &'static str,
    /// Button that loads the next page of a related list.
    pub load_more: &'static str,
    /// A related list whose items could not be loaded.
    pub list_error: &'static str,
    /// Shown while something loads.
    pub loading: &'static str,
    /// Label of a video's length (`{n}` is the clock reading).
    pub duration: &'static str,
    /// Title of the error shown instead of an article.
    pub error_title: &'static str,
    /// Where the error is (`{path}`).
    pub error_at: &'static str,
    /// Malformed JSON (`{line}`, `{column}`).
    pub error_json: &'static str,
    /// A fetch that failed.
    pub error_fetch: &'static str,
    /// Button that tries again.
    pub retry: &'static str,
    /// Accessible label of the play button area of a video item.
    pub video: &'static str,
    /// Accessible name of a table's scrolling box when the table has no caption.
    pub table: &'static str,
    /// The notice for a browser that cannot run Folio: its first, bold sentence ...
    pub update_browser: &'static str,
    /// ... and what it needs (`index.html` shows the notice of every table; a test keeps them
    /// equal to these tables).
    pub update_browser_detail: &'static str,
}

/// English, also the fallback for languages without a table.
pub const EN: Words = Words {
    lang: "en",
    published: "Published",
    updated: "Updated",
    by: "By ",
    separator: ", ",
    last_separator: " and ",
    reading_time: "{n} min read",
    contents: "Contents",
    section_link: "Link to this section: {title}",
    view_original: "View the original article",
    tags: "Tags",
    comments: "Comments",
    comment_count_one: "1 comment",
    comment_count_other: "{n} comments",
    no_comments: "No comments yet. Be the first to comment.",
    join_discussion: "Join the discussion",
    see_more: "See more",
    load_more: "Load more",
    list_error: "These items could not be loaded.",
    loading: "Loading…",
    duration: "Length {n}",
    error_title: "This article cannot be shown",
    error_at: "The problem is at {path}.",
    error_json: "The document is not well-formed JSON (line {line}, column {column}).",
    error_fetch: "The article could not be loaded.",
    retry: "Retry",
    video: "Video",
    table: "Table",
    update_browser: "Please update your browser.",
    update_browser_detail: "This page needs JavaScript and WebAssembly to show the article: use a current Chrome, Edge, Firefox or Safari with JavaScript turned on.",
};

/// Traditional Chinese as used in Taiwan.
pub const ZH_TW: Words = Words {
    lang: "zh-TW",
    published: "發布",
    updated: "更新",
    by: "作者：",
    separator: "、",
    last_separator: "、",
    reading_time: "閱讀約需 {n} 分鐘",
    contents: "目錄",
    section_link: "連結到本節：{title}",
    view_original: "閱讀原文",
    tags: "標籤",
    comments: "留言",
    comment_count_one: "1 則留言",
    comment_count_other: "{n} 則留言",
    no_comments: "目前還沒有留言，搶先發表第一則留言吧。",
    join_discussion: "前往留言區",
    see_more: "看更多",
    load_more: "載入更多",
    list_error: "無法載入這些內容。",
    loading: "載入中…",
    duration: "片長 {n}",
    error_title: "無法顯示這篇文章",
    error_at: "問題位置：{path}。",
    error_json: "文件不是格式正確的 JSON（第 {line} 行，第 {column} 字）。",
    error_fetch: "無法載入文章。",
    retry: "重試",
    video: "影片",
    table: "表格",
    update_browser: "請更新您的瀏覽器。",
    update_browser_detail:
        "這個頁面需要 JavaScript 與 WebAssembly 才能顯示文章；請改用新版的 Chrome、Edge、Firefox 或 Safari，並確認已啟用 JavaScript。",
};

/// Simplified Chinese as used in mainland China and Singapore.
pub const ZH_CN: Words = Words {
    lang: "zh-CN",
    published: "发布",
    updated: "更新",
    by: "作者：",
    separator: "、",
    last_separator: "、",
    reading_time: "阅读约需 {n} 分钟",
    contents: "目录",
    section_link: "链接到本节：{title}",
    view_original: "阅读原文",
    tags: "标签",
    comments: "评论",
    comment_count_one: "1 条评论",
    comment_count_other: "{n} 条评论",
    no_comments: "还没有评论，快来发表第一条评论吧。",
    join_discussion: "前往评论区",
    see_more: "查看更多",
    load_more: "加载更多",
    list_error: "无法加载这些内容。",
    loading: "加载中…",
    duration: "时长 {n}",
    error_title: "无法显示这篇文章",
    error_at: "问题位置：{path}。",
    error_json: "文档不是格式正确的 JSON（第 {line} 行，第 {column} 列）。",
    error_fetch: "无法加载文章。",
    retry: "重试",
    video: "视频",
    table: "表格",
    update_browser: "请更新您的浏览器。",
    update_browser_detail:
        "这个页面需要 JavaScript 和 WebAssembly 才能显示文章；请使用新版的 Chrome、Edge、Firefox 或 Safari，并确认已启用 JavaScript。",
};

/// Japanese.
pub const JA: Words = Words {
    lang: "ja",
    published: "公開",
    updated: "更新",
    by: "文：",
    separator: "、",
    last_separator: "、",
    reading_time: "約{n}分で読めます",
    contents: "目次",
    section_link: "この見出しへのリンク：{title}",
    view_original: "元の記事を読む",
    tags: "タグ",
    comments: "コメント",
    comment_count_one: "1件",
    comment_count_other: "{n}件",
    no_comments: "まだコメントはありません。最初のコメントを書いてみませんか。",
    join_discussion: "コメント欄へ",
    see_more: "もっと見る",
    load_more: "さらに読み込む",
    list_error: "これらの項目を読み込めませんでした。",
    loading: "読み込み中…",
    duration: "再生時間 {n}",
    error_title: "この記事を表示できません",
    error_at: "問題の箇所：{path}",
    error_json: "JSON の形式が正しくありません（{line} 行目、{column} 文字目）。",
    error_fetch: "記事を読み込めませんでした。",
    retry: "再試行",
    video: "動画",
    table: "表",
    update_browser: "ブラウザを更新してください。",
    update_browser_detail: "記事の表示には JavaScript と WebAssembly が必要です。JavaScript を有効にした最新の Chrome、Edge、Firefox または Safari をお使いください。",
};

/// Every table, English (the fallback) first.
pub const LANGUAGES: [&Words; 4] = [&EN, &ZH_TW, &ZH_CN, &JA];

/// The table for a BCP 47 tag, by the rules in the module documentation.
pub fn words_for(lang: &str) -> &'static Words {
    let lower = lang.trim().to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    match subtags.next() {
        Some("zh") => {
            let rest: Vec<&str> = subtags.collect();
            // The script says which characters the reader reads; a region only hints at it.
            if rest.contains(&"hans") {
                &ZH_CN
            } else if rest.contains(&"hant") {
                &ZH_TW
            } else if rest.iter().any(|s| matches!(*s, "cn" | "sg" | "my")) {
                &ZH_CN
            } else {
                &ZH_TW
            }
        }
        Some("ja") => &JA,
        _ => &EN,
    }
}

/// Languages written right to left by default (ISO 639 primary subtags).
const RTL_LANGUAGES: [&str; 14] = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"];

/// Scripts written right to left (ISO 15924, lower case).
const RTL_SCRIPTS: [&str; 7] = ["adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa"];

/// Whether text in `lang` runs right to left: a script subtag decides when there is one
/// (`az-Arab` is, `ku-Latn` is not); otherwise the language does (`ar`, `he`, `fa`, `ur`, ...).
pub fn is_rtl(lang: &str) -> bool {
    let lower = lang.trim().to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    match subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(script) => RTL_SCRIPTS.contains(&script),
        None => RTL_LANGUAGES.contains(&primary),
    }
}

/// The `dir` attribute for text in `lang`.
pub fn direction(lang: &str) -> &'static str {
    if is_rtl(lang) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The primary language subtag, lower case (`zh` of `zh-Hant-TW`).
pub fn primary_language(lang: &str) -> String {
    lang.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

impl Words {
    /// "3 comments", "3 則留言".
    pub fn comment_count(&self, n: u64) -> String {
        if n == 1 {
            self.comment_count_one.to_owned()
        } else {
            fill(self.comment_count_other, &[("n", &n.to_string())])
        }
    }

    /// "4 min read", "閱讀約需 4 分鐘".
    pub fn reading_time(&self, minutes: u32) -> String {
        fill(self.reading_time, &[("n", &minutes.to_string())])
    }

    /// Every field as (name, text). The destructuring names each field, so adding a field to
    /// [`Words`] without listing it here does not compile, and the completeness test below
    /// cannot miss it.
    pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
        let Words {
            lang,
            published,
            updated,
            by,
            separator,
            last_separator,
            reading_time,
            contents,
            section_link,
            view_original,
            tags,
            comments,
            comment_count_one,
            comment_count_other,
            no_comments,
            join_discussion,
            see_more,
            load_more,
            list_error,
            loading,
            duration,
            error_title,
            error_at,
            error_json,
            error_fetch,
            retry,
            video,
            table,
            update_browser,
            update_browser_detail,
        } = *self;
        vec![
            ("lang", lang),
            ("published", published),
            ("updated", updated),
            ("by", by),
            ("separator", separator),
            ("last_separator", last_separator),
            ("reading_time", reading_time),
            ("contents", contents),
            ("section_link", section_link),
            ("view_original", view_original),
            ("tags", tags),
            ("comments", comments),
            ("comment_count_one", comment_count_one),
            ("comment_count_other", comment_count_other),
            ("no_comments", no_comments),
            ("join_discussion", join_discussion),
            ("see_more", see_more),
            ("load_more", load_more),
            ("list_error", list_error),
            ("loading", loading),
            ("duration", duration),
            ("error_title", error_title),
            ("error_at", error_at),
            ("error_json", error_json),
            ("error_fetch", error_fetch),
            ("retry", retry),
            ("video", video),
            ("table", table),
            ("update_browser", update_browser),
            ("update_browser_detail", update_browser_detail),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a template, in order.
    fn placeholders(template: &str) -> Vec<&str> {
        template.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
    }

    #[test]
    fn lists_every_table() {
        let tags: Vec<&str> = LANGUAGES.iter().map(|w| w.lang).collect();
        assert_eq!(tags, ["en", "zh-TW", "zh-CN", "ja"]);
        for words in LANGUAGES {
            assert_eq!(words_for(words.lang), words, "{} does not choose its own table", words.lang);
        }
    }

    #[test]
    fn every_table_fills_every_word() {
        for words in LANGUAGES {
            for (name, text) in words.entries() {
                // A separator may be a space and nothing else, but never nothing.
                let blank = if name.ends_with("separator") { text.is_empty() } else { text.trim().is_empty() };
                assert!(!blank, "{}: `{name}` is empty", words.lang);
            }
        }
    }

    #[test]
    fn every_table_has_the_placeholders_of_english() {
        let english = EN.entries();
        for words in LANGUAGES {
            for ((name, text), (_, en)) in words.entries().into_iter().zip(&english) {
                let (mut theirs, mut ours) = (placeholders(text), placeholders(en));
                theirs.sort_unstable();
                ours.sort_unstable();
                assert_eq!(theirs, ours, "{}: `{name}` is \"{text}\"", words.lang);
            }
        }
    }

    #[test]
    fn tables_in_chinese_and_japanese_are_not_english() {
        for words in [&ZH_TW, &ZH_CN, &JA] {
            for (name, text) in words.entries() {
                if matches!(name, "lang" | "separator" | "last_separator") {
                    continue;
                }
                assert!(!text.is_ascii(), "{}: `{name}` is \"{text}\", still English", words.lang);
            }
        }
    }

    #[test]
    fn chooses_traditional_chinese_for_taiwan_hong_kong_and_macau() {
        for tag in ["zh-TW", "zh-tw", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-Hant-CN", "zh_TW", "zh"] {
            assert_eq!(words_for(tag).lang, "zh-TW", "{tag}");
        }
    }

    #[test]
    fn chooses_simplified_chinese_for_the_mainland_and_singapore() {
        for tag in ["zh-CN", "zh-cn", "zh-SG", "zh-MY", "zh-Hans", "zh-Hans-CN", "zh-Hans-TW", "ZH-HANS-SG"] {
            assert_eq!(words_for(tag).lang, "zh-CN", "{tag}");
        }
    }

    #[test]
    fn chooses_japanese_for_ja() {
        for tag in ["ja", "ja-JP", "JA", "ja-Jpan-JP"] {
            assert_eq!(words_for(tag).lang, "ja", "{tag}");
        }
    }

    #[test]
    fn falls_back_to_english() {
        for tag in ["en", "en-GB", "fr", "", "x-klingon", "ar", "he", "jav", "zhx"] {
            assert_eq!(words_for(tag).lang, "en", "{tag}");
        }
    }

    #[test]
    fn right_to_left_follows_the_language_or_its_script() {
        for tag in ["ar", "ar-EG", "he", "he-IL", "iw", "fa", "fa-IR", "ur", "ur-PK", "ps", "yi", "az-Arab", "pa-Arab-PK"] {
            assert!(is_rtl(tag), "{tag} is right to left");
            assert_eq!(direction(tag), "rtl");
        }
        for tag in ["en", "zh-TW", "ja", "ku-Latn", "ar-Latn", "", "arab", "fr-CA"] {
            assert!(!is_rtl(tag), "{tag} is left to right");
            assert_eq!(direction(tag), "ltr");
        }
    }

    #[test]
    fn the_pages_update_your_browser_notice_says_what_the_tables_say() {
        let page = include_str!("../index.html");
        for words in LANGUAGES {
            let title = format!(r#"<p lang="{}"><strong>{}</strong>"#, words.lang, words.update_browser);
            assert!(page.contains(&title), "index.html lacks {title}");
            assert!(page.contains(words.update_browser_detail), "index.html lacks {}", words.update_browser_detail);
        }
    }

    #[test]
    fn counts_comments_in_each_language() {
        assert_eq!(EN.comment_count(1), "1 comment");
        assert_eq!(EN.comment_count(12), "12 comments");
        assert_eq!(ZH_TW.comment_count(3), "3 則留言");
        assert_eq!(ZH_CN.comment_count(3), "3 条评论");
        assert_eq!(JA.comment_count(3), "3件");
    }

    #[test]
    fn says_the_reading_time_in_each_language() {
        assert_eq!(EN.reading_time(4), "4 min read");
        assert_eq!(ZH_TW.reading_time(4), "閱讀約需 4 分鐘");
        assert_eq!(ZH_CN.reading_time(4), "阅读约需 4 分钟");
        assert_eq!(JA.reading_time(4), "約4分で読めます");
    }
}
