//! The one gate every document URL passes before it becomes an `href`, `src` or `poster`.
//!
//! It follows the WHATWG URL parser where that matters for safety: leading and trailing C0
//! controls and spaces are stripped, tabs and newlines anywhere are removed, and the scheme is
//! compared case-insensitively. Only `http:`, `https:`, `mailto:` and relative URLs pass; anything
//! else (`javascript:`, `data:`, `vbscript:`, `blob:`, unknown schemes) is refused, and the caller
//! shows the text unlinked.

/// Schemes a document may link to or load from.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The URL as the browser would read it, if it is safe to use; `None` otherwise.
pub fn sanitize(raw: &str) -> Option<String> {
    let is_c0_or_space = |c: char| c <= ' ';
    let cleaned: String = raw
        .trim_matches(is_c0_or_space)
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    match scheme_of(&cleaned) {
        Some(scheme) if ALLOWED_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) => Some(cleaned),
        Some(_) => None,
        None => Some(cleaned),
    }
}

/// The scheme of an absolute URL (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), or `None`
/// for a relative one.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first_is_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_is_alpha && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))).then_some(scheme)
}

/// Whether `url` (already sanitized) leaves for another site, so a new tab gets
/// `rel="noopener noreferrer"`.
pub fn is_absolute(url: &str) -> bool {
    scheme_of(url).is_some() || url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn keeps_web_mail_and_relative_urls() {
        for ok in ["https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG", "mailto:desk@example.org", "latest.json",
            "/news/1", "//cdn.example.org/x.jpg", "?src=a.json", "#comments"] {
            assert!(sanitize(ok).is_some(), "{ok} refused");
        }
    }

    #[test]
    fn refuses_script_and_data_schemes_however_spelled() {
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "\u{0} javascript:x",
            "data:text/html,<script>", "vbscript:msgbox(1)", "blob:https://example.org/uuid", "file:///etc/passwd",
            "unknown-scheme:x", "javascript\t:alert(1)", "", "   ", "\u{1f}"]
        {
            assert_eq!(sanitize(bad), None, "{bad:?} accepted");
        }
    }

    #[test]
    fn strips_controls_the_way_browsers_do() {
        assert_eq!(sanitize("  https://example.org/x \n").as_deref(), Some("https://example.org/x"));
        assert_eq!(sanitize("https://exa\tmple.org/").as_deref(), Some("https://example.org/"));
    }
}
