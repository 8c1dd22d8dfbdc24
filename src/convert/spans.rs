//! Inline text as both converters build it: runs of text with marks, written out as Folio's
//! `Inline` (a plain string when nothing is marked, else a list of spans).
//!
//! Invariants of what [`InlineText::into_value`] writes: consecutive runs with the same marks are
//! one span; no span is empty unless it carries a line break; false marks are left out.

use serde_json::{json, Map, Value};

/// The styling of a run of text, as Folio's spans carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    /// Strong emphasis.
    pub bold: bool,
    /// Emphasis.
    pub italic: bool,
    /// Code.
    pub code: bool,
    /// Underlined.
    pub underline: bool,
    /// Struck through.
    pub strike: bool,
    /// Superscript.
    pub sup: bool,
    /// Subscript.
    pub sub: bool,
    /// A link target that passed `crate::url::sanitize`.
    pub href: Option<String>,
}

impl Marks {
    fn is_plain(&self) -> bool {
        *self == Marks::default()
    }
}

/// One run: text, its marks, and whether a hard line break follows it.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    text: String,
    marks: Marks,
    line_break: bool,
}

/// Inline text being built, run by run.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct InlineText {
    runs: Vec<Run>,
}

impl InlineText {
    /// Plain text, without marks.
    pub fn plain(text: &str) -> InlineText {
        let mut inline = InlineText::default();
        inline.push(text, &Marks::default());
        inline
    }

    /// Adds `text` with `marks`, joining the last run when it has the same marks and no break.
    pub fn push(&mut self, text: &str, marks: &Marks) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if !last.line_break && last.marks == *marks => last.text.push_str(text),
            _ => self.runs.push(Run { text: text.to_owned(), marks: marks.clone(), line_break: false }),
        }
    }

    /// Adds `text`, each `\n` in it a hard line break.
    pub fn push_lines(&mut self, text: &str, marks: &Marks) {
        let mut lines = text.split('\n');
        if let Some(first) = lines.next() {
            self.push(first, marks);
        }
        for line in lines {
            self.line_break();
            self.push(line, marks);
        }
    }

    /// Ends the line after what is there: the last run carries the break, or an empty run does
    /// when there is none or the last already breaks.
    pub fn line_break(&mut self) {
        match self.runs.last_mut() {
            Some(last) if !last.line_break => last.line_break = true,
            _ => self.runs.push(Run { text: String::new(), marks: Marks::default(), line_break: true }),
        }
    }

    /// Adds all of `other` after this text.
    pub fn append(&mut self, other: InlineText) {
        for run in other.runs {
            self.push(&run.text, &run.marks);
            if run.line_break {
                self.line_break();
            }
        }
    }

    /// The text without marks or breaks.
    pub fn plain_text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }

    /// Whether there is no text and no line break.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Removes white space and line breaks at the start and end of the text.
    pub fn trim(&mut self) {
        while let Some(first) = self.runs.first_mut() {
            let cut = first.text.len() - first.text.trim_start().len();
            first.text.drain(..cut);
            if !first.text.is_empty() {
                break;
            }
            self.runs.remove(0);
        }
        while let Some(last) = self.runs.last_mut() {
            last.line_break = false;
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
            if !last.text.is_empty() {
                break;
            }
            self.runs.pop();
        }
    }

    /// Folio's `Inline`: a string when no run is marked or broken, else a list of spans.
    pub fn into_value(self) -> Value {
        if self.runs.iter().all(|run| run.marks.is_plain() && !run.line_break) {
            return Value::String(self.plain_text());
        }
        Value::Array(self.runs.into_iter().map(span).collect())
    }
}

/// A span object with only the marks that are set.
fn span(run: Run) -> Value {
    let mut object = Map::new();
    object.insert("text".into(), Value::String(run.text));
    let marks = &run.marks;
    for (name, set) in [
        ("bold", marks.bold),
        ("italic", marks.italic),
        ("code", marks.code),
        ("underline", marks.underline),
        ("strike", marks.strike),
        ("sup", marks.sup),
        ("sub", marks.sub),
        ("lineBreak", run.line_break),
    ] {
        if set {
            object.insert(name.into(), json!(true));
        }
    }
    if let Some(href) = &run.marks.href {
        object.insert("href".into(), Value::String(href.clone()));
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::{InlineText, Marks};
    use serde_json::json;

    #[test]
    fn unmarked_text_is_a_plain_string() {
        let mut text = InlineText::default();
        text.push("one ", &Marks::default());
        text.push("two", &Marks::default());
        assert_eq!(text.into_value(), json!("one two"));
    }

    #[test]
    fn runs_with_the_same_marks_merge_and_false_marks_are_left_out() {
        let bold = Marks { bold: true, ..Marks::default() };
        let mut text = InlineText::default();
        text.push("A word", &bold);
        text.push(" of", &bold);
        text.push(" warning", &Marks::default());
        assert_eq!(text.into_value(), json!([{ "text": "A word of", "bold": true }, { "text": " warning" }]));
    }

    #[test]
    fn newlines_become_line_breaks_after_the_text_before_them() {
        let mut text = InlineText::default();
        text.push_lines("a\nb\n\nc", &Marks::default());
        assert_eq!(
            text.into_value(),
            json!([{ "text": "a", "lineBreak": true }, { "text": "b", "lineBreak": true }, { "text": "", "lineBreak": true }, { "text": "c" }])
        );
    }

    #[test]
    fn trimming_removes_outer_spaces_and_a_final_break() {
        let mut text = InlineText::default();
        text.push("  ", &Marks::default());
        text.push(" lead", &Marks { italic: true, ..Marks::default() });
        text.push("tail  ", &Marks::default());
        text.line_break();
        text.trim();
        assert_eq!(text.into_value(), json!([{ "text": "lead", "italic": true }, { "text": "tail" }]));
    }
}
