//! Every word Folio adds to an article, one table per language. Adding a language is adding a
//! table and a line in [`words_for`]. Times are not here: `Intl` formats them in the article's
//! language.
//!
//! Templates use `{n}`, `{path}`, `{line}`, `{column}` placeholders, filled by [`fill`].

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
}

/// English, also the fallback for languages without a table.
pub const EN: Words = Words {
    lang: "en",
    published: "Published",
    updated: "Updated",
    by: "By ",
    separator: ", ",
    last_separator: " and ",
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
};

/// Traditional Chinese as used in Taiwan.
pub const ZH_TW: Words = Words {
    lang: "zh-TW",
    published: "發布",
    updated: "更新",
    by: "作者：",
    separator: "、",
    last_separator: "、",
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
};

/// The table for a BCP 47 tag: Traditional Chinese for `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*`;
/// English for everything else until more tables exist.
pub fn words_for(lang: &str) -> &'static Words {
    let lower = lang.trim().to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    match subtags.next() {
        Some("zh") => {
            let rest: Vec<&str> = subtags.collect();
            let traditional = rest.iter().any(|s| matches!(*s, "tw" | "hk" | "mo" | "hant"));
            if traditional || rest.is_empty() { &ZH_TW } else { &EN }
        }
        _ => &EN,
    }
}

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

impl Words {
    /// "3 comments", "3 則留言".
    pub fn comment_count(&self, n: u64) -> String {
        if n == 1 { self.comment_count_one.to_owned() } else { fill(self.comment_count_other, &[("n", &n.to_string())]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_traditional_chinese_for_taiwan_and_hong_kong() {
        for tag in ["zh-TW", "zh-tw", "zh-HK", "zh-Hant", "zh-Hant-TW", "zh"] {
            assert_eq!(words_for(tag).lang, "zh-TW", "{tag}");
        }
    }

    #[test]
    fn falls_back_to_english() {
        for tag in ["en", "en-GB", "fr", "", "x-klingon", "zh-CN"] {
            assert_eq!(words_for(tag).lang, "en", "{tag}");
        }
    }

    #[test]
    fn counts_comments_in_each_language() {
        assert_eq!(EN.comment_count(1), "1 comment");
        assert_eq!(EN.comment_count(12), "12 comments");
        assert_eq!(ZH_TW.comment_count(3), "3 則留言");
    }
}
