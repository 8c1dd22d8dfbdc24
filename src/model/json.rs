//! A reader of JSON text, made for the document: the model's readers (`read.rs`) walk the text
//! with it field by field, building the article as they go, with nothing in between (no tree of
//! values, no generic deserialiser).
//!
//! Why not serde: its derived deserialisers, `serde_json` and `serde_path_to_error` (for the JSON
//! path of a bad field) were about 90 KB of the wasm's code, a fifth of it, for a document of
//! fifteen small types; this reader and the model's readers are a fraction of that.
//!
//! What it guarantees:
//! - It accepts exactly the JSON of RFC 8259: no comments, no trailing commas, no single quotes,
//!   nothing but white space after the document. A text that is not well-formed is a
//!   [`Fault::Syntax`] at a byte offset, which the caller turns into a line and column.
//! - A value of the wrong kind is a [`Fault::Value`] whose path grows as the fault returns through
//!   the objects and lists that hold it, so reading costs nothing for paths until something fails.
//! - Nothing recurses on the document's depth: values the model does not read are skipped with a
//!   stack of brackets on the heap, and the values it reads have a fixed shape (a few levels).
//! - A lone UTF-16 surrogate escape (`"\ud800"`, which `JSON.stringify` writes for half a
//!   character) in text the model reads is a fault at that text's path; in a skipped value it is
//!   not read, as `JSON.parse` would not mind it either.

use std::borrow::Cow;

/// Why reading stopped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fault {
    /// The text is not well-formed JSON (or a field name holds half a character): the byte offset
    /// in the text where that shows, and what is wrong.
    Syntax { at: usize, message: String },
    /// A value is not what its place holds: the path to it, innermost step first, and why.
    Value { path: Vec<Step>, message: String },
}

/// One step of a path: a field of an object, or an item of a list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Step {
    Field(&'static str),
    Item(usize),
}

impl Fault {
    /// A fault in the value being read, with the path still to be filled in.
    pub(crate) fn value(message: impl Into<String>) -> Fault {
        Fault::Value { path: Vec::new(), message: message.into() }
    }

    /// A required field that the object does not have.
    pub(crate) fn missing(field: &'static str) -> Fault {
        Fault::value("this required field is missing").at(Step::Field(field))
    }

    /// This fault, one step further out.
    pub(crate) fn at(mut self, step: Step) -> Fault {
        if let Fault::Value { path, .. } = &mut self {
            path.push(step);
        }
        self
    }
}

/// Writes a path the way JavaScript would: `body[1].text`.
pub(crate) fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path.iter().rev() {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Item(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Line and column (1-based; the column in characters) of byte `at` of `text`.
pub(crate) fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Counting the bytes that do not continue a character counts the characters.
    let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (line, column)
}

/// What kind of value comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    List,
    Text,
    Number,
    Boolean,
    Null,
}

impl Kind {
    /// How a message names this kind of value.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::List => "a list",
            Kind::Text => "text",
            Kind::Number => "a number",
            Kind::Boolean => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// A number as written, and its value when that is a whole number from 0 to 2^53 - 1 (the whole
/// numbers a JavaScript number holds exactly), which is all the document's numbers may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number<'a> {
    pub text: &'a str,
    pub whole: Option<u64>,
}

/// The largest whole number a JavaScript number holds exactly.
pub(crate) const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// What is wrong where an object or a list neither ends nor goes on.
const AFTER_FIELD: &str = "expected `,` or `}` after a field";
const AFTER_ITEM: &str = "expected `,` or `]` after an item";

/// Quotes at most this many characters of a value in a message.
const QUOTED_CHARS: usize = 40;

/// At most [`QUOTED_CHARS`] characters of `text`, with `…` when cut.
pub(crate) fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// A cursor over JSON text.
pub(crate) struct Json<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Json<'a> {
    pub(crate) fn new(text: &'a str) -> Json<'a> {
        Json { text, at: 0 }
    }

    /// The byte offset reached.
    pub(crate) fn offset(&self) -> usize {
        self.at
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// Skips white space (the four characters JSON allows).
    pub(crate) fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn syntax(&self, message: &str) -> Fault {
        let message = match self.peek() {
            None => "the text ends before the JSON does",
            Some(_) => message,
        };
        Fault::Syntax { at: self.at, message: message.to_owned() }
    }

    /// The kind of the next value, after white space.
    pub(crate) fn kind(&mut self) -> Result<Kind, Fault> {
        self.skip_space();
        Ok(match self.peek() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::List,
            Some(b'"') => Kind::Text,
            Some(b'-' | b'0'..=b'9') => Kind::Number,
            Some(b't' | b'f') => Kind::Boolean,
            Some(b'n') => Kind::Null,
            _ => return Err(self.syntax("expected a JSON value")),
        })
    }

    /// Reads `null` if it comes next.
    pub(crate) fn null(&mut self) -> Result<bool, Fault> {
        if self.kind()? == Kind::Null {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// The fault for a value that is not `expected`: it says what the value is, and reads it.
    pub(crate) fn wrong(&mut self, expected: &str) -> Fault {
        // The value is quoted when it is short to quote; one that is not well-formed is still
        // named by its kind, as the wrong kind is what the reader needs to hear about.
        let kind = match self.kind() {
            Ok(kind) => kind,
            Err(fault) => return fault,
        };
        let quoted_value = match kind {
            Kind::Text => self.string().map(|text| format!("text (\"{}\")", quoted(&text))).ok(),
            Kind::Number => self.number().map(|number| format!("a number ({})", quoted(number.text))).ok(),
            Kind::Boolean => self.boolean().map(|value| format!("a boolean ({value})")).ok(),
            _ => None,
        };
        let found = quoted_value.unwrap_or_else(|| kind.name().to_owned());
        Fault::value(format!("expected {expected}, found {found}"))
    }

    fn literal(&mut self, word: &str) -> Result<(), Fault> {
        if self.bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected a JSON value"))
        }
    }

    /// Reads `true` or `false`.
    pub(crate) fn boolean(&mut self) -> Result<bool, Fault> {
        match self.kind()? {
            Kind::Boolean if self.peek() == Some(b't') => self.literal("true").map(|()| true),
            Kind::Boolean => self.literal("false").map(|()| false),
            _ => Err(self.wrong("true or false")),
        }
    }

    /// Reads a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    pub(crate) fn number(&mut self) -> Result<Number<'a>, Fault> {
        if self.kind()? != Kind::Number {
            return Err(self.wrong("a number"));
        }
        let start = self.at;
        let negative = self.eat(b'-');
        let digits = |json: &mut Json| {
            let from = json.at;
            while let Some(b'0'..=b'9') = json.peek() {
                json.at += 1;
            }
            from..json.at
        };
        let whole_part = digits(self);
        let invalid = |json: &Json| json.syntax("invalid number");
        if whole_part.is_empty() || (whole_part.len() > 1 && self.bytes()[whole_part.start] == b'0') {
            return Err(invalid(self));
        }
        let fraction = if self.eat(b'.') {
            let fraction = digits(self);
            if fraction.is_empty() {
                return Err(invalid(self));
            }
            fraction
        } else {
            self.at..self.at
        };
        let mut exponent: i64 = 0;
        if self.eat(b'e') || self.eat(b'E') {
            let exponent_negative = self.eat(b'-') || {
                self.eat(b'+');
                false
            };
            let exponent_digits = digits(self);
            if exponent_digits.is_empty() {
                return Err(invalid(self));
            }
            for &d in &self.bytes()[exponent_digits] {
                // Any exponent past a few hundred means the same here: far too big, or not whole.
                exponent = (exponent * 10 + i64::from(d - b'0')).min(1_000_000);
            }
            if exponent_negative {
                exponent = -exponent;
            }
        }
        let text = &self.text[start..self.at];
        let significant: Vec<u8> = self.bytes()[whole_part].iter().chain(&self.bytes()[fraction.clone()]).copied().collect();
        Ok(Number { text, whole: whole_value(&significant, exponent - fraction.len() as i64, negative) })
    }

    /// Reads text, with its escapes decoded. A lone surrogate escape is a [`Fault::Value`].
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, Fault> {
        if self.kind()? != Kind::Text {
            return Err(self.wrong("text"));
        }
        self.at += 1;
        let start = self.at;
        // Most text has no escapes: it is borrowed from the document as it is.
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                Some(b'\\') => break,
                Some(0..=0x1F) => return Err(self.syntax("a control character in text must be written as an escape (\\n, \\t, \\u0000)")),
                Some(_) => self.at += 1,
                None => return Err(self.syntax("the text ends inside a string")),
            }
        }
        let mut out = String::from(&self.text[start..self.at]);
        loop {
            let run = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.escape()? {
                        Escaped::Char(c) => out.push(c),
                        Escaped::Lone(unit) => return Err(Fault::value(lone_surrogate_message(unit))),
                    }
                }
                Some(_) => return Err(self.syntax("a control character in text must be written as an escape (\\n, \\t, \\u0000)")),
                None => return Err(self.syntax("the text ends inside a string")),
            }
        }
    }

    /// Reads an escape after its backslash.
    fn escape(&mut self) -> Result<Escaped, Fault> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unit = self.hex4()?;
                return Ok(match unit {
                    0xD800..=0xDBFF => {
                        let rest = &self.bytes()[self.at..];
                        if rest.starts_with(b"\\u") {
                            let back = self.at;
                            self.at += 2;
                            let low = self.hex4()?;
                            if (0xDC00..=0xDFFF).contains(&low) {
                                let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                                return Ok(Escaped::Char(char::from_u32(code).expect("a surrogate pair is a character")));
                            }
                            self.at = back;
                        }
                        Escaped::Lone(unit)
                    }
                    0xDC00..=0xDFFF => Escaped::Lone(unit),
                    _ => Escaped::Char(char::from_u32(u32::from(unit)).expect("not a surrogate")),
                });
            }
            _ => return Err(self.syntax("invalid escape: after \\ comes one of \" \\ / b f n r t u")),
        };
        self.at += 1;
        Ok(Escaped::Char(c))
    }

    fn hex4(&mut self) -> Result<u16, Fault> {
        let mut unit = 0u16;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.syntax("invalid escape: \\u takes four hexadecimal digits")),
            };
            unit = unit * 16 + u16::from(digit);
            self.at += 1;
        }
        Ok(unit)
    }

    /// Checks a string without decoding it (escapes are checked, surrogates are not paired).
    fn skip_string(&mut self) -> Result<(), Fault> {
        self.at += 1;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    if self.peek() == Some(b'u') {
                        self.at += 1;
                        self.hex4()?;
                    } else {
                        self.escape()?;
                    }
                }
                Some(0..=0x1F) => return Err(self.syntax("a control character in text must be written as an escape (\\n, \\t, \\u0000)")),
                Some(_) => self.at += 1,
                None => return Err(self.syntax("the text ends inside a string")),
            }
        }
    }

    /// A field name, decoded. Half a character there has no path to be reported at, so it is a
    /// syntax fault, placed by line and column.
    fn key(&mut self) -> Result<Cow<'a, str>, Fault> {
        self.skip_space();
        if self.peek() != Some(b'"') {
            return Err(self.syntax("expected a field name in double quotes"));
        }
        let at = self.at;
        let key = self.string().map_err(|fault| match fault {
            Fault::Value { message, .. } => Fault::Syntax { at, message },
            syntax => syntax,
        })?;
        self.skip_space();
        if !self.eat(b':') {
            return Err(self.syntax("expected `:` after the field name"));
        }
        Ok(key)
    }

    // `object`, `fields` and `list` take their callbacks as `dyn`: one copy of each loop in the
    // wasm instead of one per type read (2.2 KB brotli; reading 1 MB natively 2.83 -> 2.97 ms).

    /// Reads an object: `field` is called with the index in `names` of each field named there,
    /// each at most once (a field given twice is a fault); other fields are skipped. A value that
    /// is not an object is a fault that says it expected `expected`.
    pub(crate) fn object(
        &mut self,
        expected: &str,
        names: &[&'static str],
        field: &mut dyn FnMut(&mut Self, usize) -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        debug_assert!(names.len() <= 32, "one bit each in `seen`");
        let mut seen = 0u32;
        self.fields(expected, &mut |json, key| {
            let Some(index) = names.iter().position(|name| *name == key) else { return json.skip() };
            let name = names[index];
            if seen & (1 << index) != 0 {
                return Err(Fault::value("this field is given twice; write it once").at(Step::Field(name)));
            }
            seen |= 1 << index;
            field(json, index).map_err(|fault| fault.at(Step::Field(name)))
        })
    }

    /// Reads an object: `field` is called with each field's name, and must read its value.
    pub(crate) fn fields(&mut self, expected: &str, field: &mut dyn FnMut(&mut Self, &str) -> Result<(), Fault>) -> Result<(), Fault> {
        self.entries(Kind::Object, expected, &mut |json, _| {
            let key = json.key()?;
            field(json, &key)
        })
    }

    /// Reads a list: `item` is called with the index of each item.
    pub(crate) fn list(&mut self, expected: &str, item: &mut dyn FnMut(&mut Self, usize) -> Result<(), Fault>) -> Result<(), Fault> {
        self.entries(Kind::List, expected, &mut |json, index| item(json, index).map_err(|fault| fault.at(Step::Item(index))))
    }

    /// Reads an object or a list (`kind`): `entry` reads each field or item, with its index.
    fn entries(&mut self, kind: Kind, expected: &str, entry: &mut dyn FnMut(&mut Self, usize) -> Result<(), Fault>) -> Result<(), Fault> {
        if self.kind()? != kind {
            return Err(self.wrong(expected));
        }
        let (closer, after) = if kind == Kind::Object { (b'}', AFTER_FIELD) } else { (b']', AFTER_ITEM) };
        self.at += 1;
        self.skip_space();
        if self.eat(closer) {
            return Ok(());
        }
        let mut index = 0;
        loop {
            entry(self, index)?;
            index += 1;
            self.skip_space();
            if self.eat(closer) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.syntax(after));
            }
        }
    }

    /// Goes back (or on) to byte `at`, where a value starts.
    pub(crate) fn seek(&mut self, at: usize) {
        self.at = at;
    }

    /// Skips one value of any depth, checking that it is well-formed. Lists and objects are
    /// tracked on a stack of their closing brackets rather than by recursion.
    pub(crate) fn skip(&mut self) -> Result<(), Fault> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.kind()? {
                Kind::Object => {
                    self.at += 1;
                    self.skip_space();
                    if !self.eat(b'}') {
                        open.push(b'}');
                        self.key()?;
                        continue;
                    }
                }
                Kind::List => {
                    self.at += 1;
                    self.skip_space();
                    if !self.eat(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                Kind::Text => self.skip_string()?,
                Kind::Number => {
                    self.number()?;
                }
                Kind::Boolean => {
                    self.boolean()?;
                }
                Kind::Null => self.literal("null")?,
            }
            // A value ended: close what it ends, or go on to the next item or field.
            loop {
                let Some(&closer) = open.last() else { return Ok(()) };
                self.skip_space();
                if self.eat(closer) {
                    open.pop();
                } else if self.eat(b',') {
                    if closer == b'}' {
                        self.key()?;
                    }
                    break;
                } else {
                    return Err(self.syntax(if closer == b'}' { AFTER_FIELD } else { AFTER_ITEM }));
                }
            }
        }
    }

    /// Checks that nothing but white space follows.
    pub(crate) fn end(&mut self) -> Result<(), Fault> {
        self.skip_space();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("trailing text after the end of the JSON")),
        }
    }

    /// The byte ranges of the values in `text`, which must be one or more JSON values separated
    /// by commas (a list's items without the brackets), or `None`.
    pub(crate) fn item_spans(text: &str) -> Option<Vec<std::ops::Range<usize>>> {
        let mut json = Json::new(text);
        let mut spans = Vec::new();
        loop {
            json.skip_space();
            let start = json.at;
            json.skip().ok()?;
            spans.push(start..json.at);
            json.skip_space();
            if json.peek().is_none() {
                return Some(spans);
            }
            if !json.eat(b',') {
                return None;
            }
        }
    }
}

enum Escaped {
    Char(char),
    /// Half of a surrogate pair, with no other half.
    Lone(u16),
}

fn lone_surrogate_message(unit: u16) -> String {
    format!("the text contains a lone UTF-16 surrogate (\\u{unit:04x}), half of a character: it is not valid Unicode")
}

/// The value of the number with decimal digits `digits` times ten to `exponent`, when it is a
/// whole number from 0 to [`MAX_SAFE_INTEGER`] (`-0` is 0).
fn whole_value(digits: &[u8], mut exponent: i64, negative: bool) -> Option<u64> {
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else { return Some(0) };
    if negative {
        return None;
    }
    let last = digits.iter().rposition(|&d| d != b'0').expect("a digit that is not 0 exists");
    exponent += (digits.len() - 1 - last) as i64;
    let digits = &digits[first..=last];
    // 2^53 has 16 digits.
    if exponent < 0 || digits.len() as i64 + exponent > 16 {
        return None;
    }
    let mut value: u64 = 0;
    for &d in digits {
        value = value * 10 + u64::from(d - b'0');
    }
    for _ in 0..exponent {
        value *= 10;
    }
    (value <= MAX_SAFE_INTEGER).then_some(value)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether the reader takes `text` as one well-formed JSON value.
    fn well_formed(text: &str) -> bool {
        let mut json = Json::new(text);
        json.skip().and_then(|()| json.end()).is_ok()
    }

    /// Whether serde_json does, where the two are meant to agree: serde_json also refuses numbers
    /// beyond a double, lone surrogates in strings it decodes, and nesting past 128 levels, which
    /// JSON itself allows.
    fn serde_well_formed(text: &str) -> Option<bool> {
        match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => Some(true),
            Err(e) if ["out of range", "surrogate", "recursion limit"].iter().any(|m| e.to_string().contains(m)) => None,
            Err(_) => Some(false),
        }
    }

    #[test]
    fn accepts_exactly_the_json_that_serde_json_accepts() {
        let cases = [
            "0", "-0", "-0.0e-0", "1.5E+3", "01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "NaN", "Infinity",
            "true", "tru", "false", "null", "nul", "\"\"", "\"a\\\"b\"", "\"\\u00e9\\n\"", "\"\\x\"", "\"\\u12\"",
            "\"\\uD83D\\uDE00\"", "\"tab\there\"", "\"new\nline\"", "\"\u{7f}\u{fffd}河\"", "[]", "[ ]", "[1,]", "[,1]",
            "[1 2]", "[[[]]]", "{}", "{ }", "{\"a\":1}", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1 \"b\":2}",
            "{\"a\":{\"b\":[{}]}}", "[1]]", "{}}", "[\"a\" , {\"b\" : null} ]", " \t\r\n1 \n", "", " ", "1 2", "\u{feff}1",
            "[1]//", "/* */1", "{\"a\":1}x", "[\"\\/\"]", "\"\\u0000\"", "\"\u{1}\"", "[-]", "[1e5, -2.5e-3, 0.0]",
        ];
        for text in cases {
            if let Some(expected) = serde_well_formed(text) {
                assert_eq!(well_formed(text), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn numbers_are_whole_only_when_their_value_is() {
        let whole = |text: &str| Json::new(text).number().unwrap().whole;
        assert_eq!(whole("0"), Some(0));
        assert_eq!(whole("-0.0"), Some(0));
        assert_eq!(whole("3.000"), Some(3));
        assert_eq!(whole("25e-1"), None);
        assert_eq!(whole("250e-2"), None);
        assert_eq!(whole("2500e-3"), None);
        assert_eq!(whole("2000e-3"), Some(2));
        assert_eq!(whole("0.02e2"), Some(2));
        assert_eq!(whole("-1"), None);
        assert_eq!(whole("9007199254740991"), Some(MAX_SAFE_INTEGER));
        assert_eq!(whole("9007199254740992"), None);
        assert_eq!(whole("1e15"), Some(1_000_000_000_000_000));
        assert_eq!(whole("1e16"), None);
        assert_eq!(whole("1e999999999999999999"), None);
        assert_eq!(whole("1e-999999999999999999"), None);
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(line_and_column("", 0), (1, 1));
        assert_eq!(line_and_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_and_column("河川\nx", 6), (1, 3));
    }

    #[test]
    fn a_deep_skipped_value_does_not_recurse() {
        let deep = format!("{}1{}", "[{\"a\":".repeat(200_000), "}]".repeat(200_000));
        assert!(well_formed(&deep));
        assert!(!well_formed(&deep[..deep.len() - 1]));
    }

    #[test]
    fn item_spans_are_the_values_between_commas() {
        let text = r#" {"a": [1, 2]} ,"b",3 "#;
        let spans = Json::item_spans(text).unwrap();
        assert_eq!(spans.iter().map(|s| &text[s.clone()]).collect::<Vec<_>>(), [r#"{"a": [1, 2]}"#, r#""b""#, "3"]);
        for bad in ["", " ", "1,", ",1", "1,,2", "1 2", "[1"] {
            assert_eq!(Json::item_spans(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_well_formed_exactly_when_serde_json_says_so(
            text in prop_oneof![
                "[\\[\\]{}\":,0-9eE.+\\-a-z\\\\ \n]{0,40}",
                "[\\[\\]{}\":,0-9 ]{0,40}",
                "\"([a-z\\\\\"/bfnrtu0-9A-F]|\\\\u[0-9a-fA-F]{4}){0,12}\"",
                "-?[0-9]{0,3}(\\.[0-9]{0,3})?([eE][+-]?[0-9]{0,3})?",
            ]
        ) {
            if let Some(expected) = serde_well_formed(&text) {
                prop_assert_eq!(well_formed(&text), expected, "{:?}", text);
            }
        }

        #[test]
        fn decoded_text_is_what_serde_json_decodes(text in "\"([a-z\u{e9}\u{6cb3}\\\\\"/bfnrtu0-9A-F]|\\\\u[0-9a-fA-F]{4}|\\\\u[dD][89aAbB][0-9a-fA-F]{2}\\\\u[dD][c-fC-F][0-9a-fA-F]{2}){0,12}\"") {
            let mut json = Json::new(&text);
            let ours = json.string().ok().map(Cow::into_owned).filter(|_| json.end().is_ok());
            let theirs = serde_json::from_str::<String>(&text).ok();
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }
    }
}
