//! The forms values must take: email addresses, web addresses and language
//! tags. The structure rules report values that break them; the renderer
//! only makes links of values that keep them.

/// A simple, conservative email shape: one `@`, something on each side, a
/// dot in the domain, no spaces or angle brackets.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    if text
        .chars()
        .any(|c| c.is_whitespace() || "<>\"'(),;:".contains(c))
    {
        return false;
    }
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

/// An http(s) address with a host.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && host.contains('.')
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || "<>\"'`".contains(c))
        }
        None => false,
    }
}

/// A BCP 47 tag in the simple form used for web pages: a 2-3 letter
/// language, then subtags of 1-8 letters or digits.
pub fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether a character can hide or disguise text where it is shown: a
/// control character (other than tab, line feed and carriage return) moves
/// a terminal's cursor or rings its bell; a bidirectional override or
/// isolate (U+202A-U+202E, U+2066-U+2069) reverses how text reads.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether a text has an unsafe character ([`is_unsafe_char`]), from its
/// UTF-8 bytes: every value a page prints goes through this. The text is
/// read sixteen bytes at a time with a branch-free test the compiler turns
/// into vector instructions: does any byte begin a character that could be
/// unsafe (a control byte, DEL, or the lead bytes C2 and E2)? Only such a
/// chunk is read byte by byte; most prose has curly quotes and dashes
/// (E2 …), which share a lead byte with the bidi marks, so there the
/// bytes after it decide.
pub fn has_unsafe_char(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Chunks of a length the compiler knows (a fifth fewer instructions
    // than chunks of any length); the bytes after the last are read one
    // by one.
    let (chunks, _) = bytes.as_chunks::<16>();
    for (n, chunk) in chunks.iter().enumerate() {
        let suspect = chunk
            .iter()
            .fold(false, |any, &b| any | may_begin_unsafe(b));
        let start = n * 16;
        if suspect && (start..start + 16).any(|i| begins_unsafe(bytes, i)) {
            return true;
        }
    }
    (chunks.len() * 16..bytes.len()).any(|i| begins_unsafe(bytes, i))
}

/// Whether a byte can begin an unsafe character, without branches (`&` and
/// `|`, not `&&` and `||`), so that a chunk's test vectorises.
fn may_begin_unsafe(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')
        | (b == 0x7f)
        | (b == 0xc2)
        | (b == 0xe2)
}

/// Whether the character at byte `i` of a UTF-8 text is unsafe.
fn begins_unsafe(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        // C0 controls and DEL.
        0x00..=0x1f | 0x7f => true,
        // C1 controls, U+0080-U+009F: C2 80 - C2 9F.
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        // U+202A-U+202E (E2 80 AA - AE) and U+2066-U+2069 (E2 81 A6 - A9).
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
}

/// The text with every unsafe character written as a visible escape
/// (`\u{1b}`), for diagnostics and terminals.
pub fn escape_unsafe(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_unsafe_char(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The text with every unsafe character removed, for published pages.
pub fn strip_unsafe(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_unsafe_char(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().filter(|c| !is_unsafe_char(*c)).collect())
}

/// A text field as given: trimmed, and `None` when it is missing or blank.
pub fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_or_stripped() {
        assert_eq!(escape_unsafe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_unsafe("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(strip_unsafe("a\u{7}b\u{2066}c"), "abc");
        assert_eq!(escape_unsafe("tab\tok\n"), "tab\tok\n");
    }

    /// The byte scan agrees with the character test on every character,
    /// inside text, at its start and at its end.
    #[test]
    fn the_fast_check_agrees_with_the_character_test() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let expected = is_unsafe_char(c);
            let code = c as u32;
            assert_eq!(
                has_unsafe_char(&format!("Gwybodaeth “{c}” — text")),
                expected,
                "U+{code:04X} inside"
            );
            assert_eq!(
                has_unsafe_char(&format!("{c}’")),
                expected,
                "U+{code:04X} first"
            );
            assert_eq!(
                has_unsafe_char(&format!("‘{c}")),
                expected,
                "U+{code:04X} last"
            );
        }
    }

    /// The chunked scan finds an unsafe character at every offset, also
    /// one whose bytes straddle two chunks, and no false alarm from safe
    /// characters that share its lead byte.
    #[test]
    fn the_chunked_scan_sees_every_offset() {
        for c in [
            '\u{1b}', '\u{7f}', '\u{85}', '\u{202e}', '\u{2069}', '“', '—', '\u{a0}', '\n', 'é',
        ] {
            for offset in 0..40 {
                let text = format!("{}{c}{}", "a".repeat(offset), "b".repeat(40 - offset));
                assert_eq!(
                    has_unsafe_char(&text),
                    is_unsafe_char(c),
                    "{c:?} at {offset}"
                );
                assert_eq!(
                    has_unsafe_char(&text[..offset + c.len_utf8()]),
                    is_unsafe_char(c)
                );
            }
        }
        assert!(!has_unsafe_char(""));
    }

    #[test]
    fn recognises_emails_links_and_language_tags() {
        assert!(is_email("dpo@example.gov.uk"));
        assert!(!is_email("dpo at example"));
        assert!(!is_email("mailto:dpo@example.gov.uk"));
        assert!(!is_email("a@b@c.uk"));
        assert!(!is_email("dpo@example"));
        assert!(is_web_address("https://www.example.gov.uk/privacy"));
        assert!(!is_web_address("www.example.gov.uk"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(is_language_tag("en-GB"));
        assert!(is_language_tag("cy"));
        assert!(!is_language_tag("English"));
        assert!(!is_language_tag("en_GB"));
    }
}
