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
    let cleaned: String = raw.trim_matches(is_c0_or_space).chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
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

/// Whether `url` (already sanitized) can be loaded as a resource: `mailto:` links can be
/// followed but name nothing to fetch, so they never become a `src`, `poster` or fetch.
pub fn is_loadable(url: &str) -> bool {
    !scheme_of(url).is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto"))
}

#[cfg(test)]
mod tests {
    use super::{is_loadable, sanitize};

    #[test]
    fn mailto_is_a_link_but_never_a_resource() {
        assert!(!is_loadable("mailto:desk@example.org") && !is_loadable("MAILTO:x"));
        for ok in ["https://example.org/a.jpg", "img/a.jpg", "//cdn.example.org/a.jpg", "/a.json"] {
            assert!(is_loadable(ok), "{ok}");
        }
    }

    #[test]
    fn keeps_web_mail_and_relative_urls() {
        for ok in [
            "https://example.org/a?b=c#d",
            "HTTP://EXAMPLE.ORG",
            "mailto:desk@example.org",
            "latest.json",
            "/news/1",
            "//cdn.example.org/x.jpg",
            "?src=a.json",
            "#comments",
        ] {
            assert!(sanitize(ok).is_some(), "{ok} refused");
        }
    }

    #[test]
    fn refuses_script_and_data_schemes_however_spelled() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\u{0} javascript:x",
            "data:text/html,<script>",
            "vbscript:msgbox(1)",
            "blob:https://example.org/uuid",
            "file:///etc/passwd",
            "unknown-scheme:x",
            "javascript\t:alert(1)",
            "",
            "   ",
            "\u{1f}",
        ] {
            assert_eq!(sanitize(bad), None, "{bad:?} accepted");
        }
    }

    /// The corpus the end-to-end test puts in every URL field (`tests/e2e/urls.test.mjs`): what a
    /// browser reads as another scheme is refused; what it reads as relative or mailto is kept.
    #[test]
    fn agrees_with_the_browser_on_the_hostile_url_corpus() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/xss/urls.json");
        let corpus: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let list = |key: &str| corpus[key].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_owned()).collect::<Vec<_>>();
        let hostile = list("hostile");
        assert!(hostile.len() >= 40);
        for url in &hostile {
            assert_eq!(sanitize(url), None, "{url:?} accepted");
        }
        for url in list("inert") {
            let kept = sanitize(&url).unwrap_or_else(|| panic!("{url:?} refused"));
            let scheme = super::scheme_of(&kept).map(str::to_ascii_lowercase);
            assert!(matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")), "{url:?} -> {kept:?}");
        }
    }

    #[test]
    fn refuses_every_scheme_but_the_three() {
        for bad in [
            "ftp://example.org/x",
            "tel:+886212345678",
            "ws://example.org",
            "about:blank",
            "chrome://settings",
            "view-source:https://example.org",
            "C:\\Windows\\x.exe",
            "intent://x#Intent;end",
            "ms-its:mhtml:file://x",
            "livescript:x",
            "mocha:x",
            "jar:https://x!/",
            "filesystem:https://x/t",
            "x+y.z-w:1",
        ] {
            assert_eq!(sanitize(bad), None, "{bad:?} accepted");
        }
    }

    #[test]
    fn only_a_real_scheme_is_read_as_one() {
        // No colon, or a colon after a character a scheme cannot hold: a relative URL, which the
        // browser resolves to an http(s) address.
        for relative in [
            "javascript&colon;alert(1)",
            "&#106;avascript:alert(1)",
            "%6Aavascript:alert(1)",
            "javascript%3Aalert(1)",
            "\u{a0}javascript:alert(1)",
            "\u{ff4a}avascript:alert(1)",
            "ja\u{0}vascript:x",
            "//javascript:alert(1)",
            "/\\javascript:x",
            "1javascript:x",
            "-x:y",
            "a b:c",
        ] {
            assert_eq!(sanitize(relative).as_deref(), Some(relative), "{relative:?}");
        }
    }

    #[test]
    fn removes_tabs_and_newlines_inside_and_controls_only_at_the_ends() {
        assert_eq!(sanitize("\u{0}\u{1f} ht\ttp\ns://ex\rample.org/a b\u{7} \u{0}").as_deref(), Some("https://example.org/a b"));
        assert_eq!(sanitize("mail\tto:desk@example.org").as_deref(), Some("mailto:desk@example.org"));
        // Vertical tab and form feed are C0 controls: stripped at the ends, kept (and so refused
        // as scheme characters) inside.
        assert_eq!(sanitize("\u{b}\u{c}javascript:x"), None);
        assert_eq!(sanitize("java\u{b}script:x").as_deref(), Some("java\u{b}script:x"));
    }

    #[test]
    fn strips_controls_the_way_browsers_do() {
        assert_eq!(sanitize("  https://example.org/x \n").as_deref(), Some("https://example.org/x"));
        assert_eq!(sanitize("https://exa\tmple.org/").as_deref(), Some("https://example.org/"));
    }
}
