//! Line wrapping, for plain-text pages and for the human report's messages.
//!
//! First fit, as people wrap by hand, at spaces only (no hyphenation, no
//! word broken, so an address or a key like `lawful-basis` stays whole and
//! can be copied): a line takes words while they fit, the spaces at a break
//! are dropped, and continuation lines start with a hanging indent, which
//! counts towards the width. Widths are display columns (an accented letter
//! is one, a CJK character two). These are the lines textwrap's first fit
//! writes with ASCII-space words and `break_words(false)` (tests compare
//! them), without its Unicode line-break segmentation and per-fragment
//! bookkeeping, which were a tenth of a build's work and, drawing the
//! human report, two fifths of miette's.

use unicode_width::UnicodeWidthChar;

/// `line` (one line: no `\n`) wrapped at `width` columns, continuation
/// lines starting with `hanging`.
pub fn first_fit(line: &str, width: usize, hanging: &str) -> String {
    if is_printable_ascii(line) && is_printable_ascii(hanging) {
        first_fit_ascii(line, width, hanging)
    } else {
        first_fit_words(line, width, hanging)
    }
}

/// Whether every byte of `text` is a printable ASCII character (one
/// column each).
fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// [`first_fit`] a word at a time: for any text.
fn first_fit_words(line: &str, width: usize, hanging: &str) -> String {
    let hanging_width = display_width(hanging);
    let mut out =
        String::with_capacity(line.len() + line.len() / width.max(1) * (hanging.len() + 1));
    // The line so far: its width, and the spaces after its last word
    // (written only if another word follows on the same line).
    let mut used = 0;
    let mut pending: &str = "";
    let mut empty = true;
    for (word, spaces) in words(line) {
        let word_width = display_width(word);
        let pending_width = pending.len();
        if !empty && used + pending_width + word_width > width {
            out.push('\n');
            out.push_str(hanging);
            used = hanging_width;
        } else {
            out.push_str(pending);
            used += pending_width;
        }
        out.push_str(word);
        used += word_width;
        pending = spaces;
        empty = false;
    }
    out
}

/// [`first_fit`] of printable ASCII (a column a byte), a line of output
/// at a time. What [`first_fit_words`] does, by positions: a line that
/// starts at word `start` with `used` columns already taken (its indent)
/// takes every word that ends at most `width - used` bytes on, because
/// what lies between its words is the line's own spaces; so it ends at the
/// last run of spaces that starts within reach, or after its first word
/// if none does (a word longer than the line stays whole). The spaces at
/// a break are dropped, and so are those at the end.
fn first_fit_ascii(line: &str, width: usize, hanging: &str) -> String {
    let bytes = line.as_bytes();
    let mut out =
        String::with_capacity(line.len() + line.len() / width.max(1) * (hanging.len() + 1));
    let mut start = 0;
    let mut used = 0;
    loop {
        // The first word (empty if the line starts with spaces) is taken
        // whatever its length.
        let first_end = memchr::memchr(b' ', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let mut end = first_end;
        if let Some(room) = width.checked_sub(used) {
            let limit = start + room;
            if limit >= bytes.len() {
                // The rest fits: up to its last word (the first word, if
                // the rest is spaces).
                end = bytes.len() - bytes.iter().rev().take_while(|&&b| b == b' ').count();
            } else if limit >= first_end {
                // `bytes[first_end]` is a space: a run of spaces starts
                // at or after it, within reach.
                let last = memchr::memrchr(b' ', &bytes[first_end..=limit]).map_or(0, |i| i);
                let mut run = first_end + last;
                while run > first_end && bytes[run - 1] == b' ' {
                    run -= 1;
                }
                end = run;
            }
        }
        out.push_str(&line[start..end]);
        let next = end + bytes[end..].iter().take_while(|&&b| b == b' ').count();
        if next >= bytes.len() {
            return out;
        }
        out.push('\n');
        out.push_str(hanging);
        used = hanging.len();
        start = next;
    }
}

/// Every line of `text` wrapped at `width` columns on its own, with no
/// indent: what the human report's messages and help need, since miette
/// indents the lines it is given.
pub fn paragraphs(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) + 1);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if display_width(line) <= width {
            out.push_str(line.trim_end_matches(' '));
        } else {
            out.push_str(&first_fit(line, width, ""));
        }
    }
    out
}

/// Columns `text` takes in a terminal or a monospaced text: what textwrap
/// counts (control characters take none). ASCII is counted a byte at a
/// time; the rest of the text from the first other byte, by character.
pub fn display_width(text: &str) -> usize {
    let mut width = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            // Every byte before is ASCII, so `i` starts a character.
            let rest: usize = text[i..].chars().map(|c| c.width().unwrap_or(0)).sum();
            return width + rest;
        }
        width += usize::from((0x20..0x7f).contains(&b));
    }
    width
}

/// A line as words, each with the spaces after it; spaces at the start
/// of the line are a word of their own with no text. (Byte by byte: the
/// words are short, and a space is one byte that no other character's
/// encoding contains, so every cut is at a character boundary.)
fn words(line: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let word_end = bytes.iter().position(|&b| b == b' ').unwrap_or(bytes.len());
        let spaces = bytes[word_end..].iter().take_while(|&&b| b == b' ').count();
        let (word, after) = rest.split_at(word_end);
        let (spaces, next) = after.split_at(spaces);
        rest = next;
        Some((word, spaces))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random lines of words that are short, long, accented, wide, empty
    /// or runs of spaces.
    fn lines(cases: usize, mut make: impl FnMut(usize, String)) {
        let words = [
            "a",
            "council",
            "tax",
            "—",
            "information",
            "Gwybodaeth",
            "ŵyr",
            "x",
            "https://www.modelborough.gov.uk/a/very/long/address/that/never/fits/on/one/line/at/all/really",
            "",
            "  ",
            "1.",
            "(UK",
            "GDPR",
            "Art.",
            "6(1)(e))",
            "re-use",
            "`lawful-basis`",
            "市役所",
            "e\u{301}",
            "council\u{2019}s",
            "\u{201c}quoted\u{201d}",
            "2025\u{2013}26",
            "zero\u{200b}width",
            "caf\u{e9}",
        ];
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for case in 0..cases {
            let prefix = ["", "- ", "  - ", "1. ", "12. ", "    "][case % 6];
            let count = 1 + next() % 40;
            let body: Vec<&str> = (0..count).map(|_| words[next() % words.len()]).collect();
            make(case, format!("{prefix}{}", body.join(" ")));
        }
    }

    fn textwrap_options(width: usize) -> textwrap::Options<'static> {
        textwrap::Options::new(width)
            .break_words(false)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
    }

    #[test]
    fn first_fit_matches_textwrap() {
        lines(3000, |case, line| {
            let line = line.trim_end();
            let width = [80, 74, 70, 20, 1][case % 5];
            let hanging = ["", "  ", "    "][case % 3];
            let expected = textwrap::wrap(line, textwrap_options(width).subsequent_indent(hanging));
            if display_width(line) > width {
                assert_eq!(
                    first_fit(line, width, hanging),
                    expected.join("\n"),
                    "{line:?} at {width}"
                );
            }
        });
    }

    /// The ASCII path writes what the word-at-a-time path writes, on lines
    /// of short and long words, runs of spaces, and leading and trailing
    /// spaces, at widths down to none and indents wider than the width.
    #[test]
    fn ascii_first_fit_matches_the_word_at_a_time() {
        let words = [
            "a",
            "tax",
            "council",
            "information",
            "(UK",
            "GDPR)",
            "",
            " ",
            "   ",
            "https://www.modelborough.gov.uk/a/very/long/address/that/never/fits",
            "x-y",
            "1.",
            "-",
        ];
        let mut random = crate::render::RandomTexts::new(0x5851_f42d_4c95_7f2d);
        for case in 0..20_000 {
            let count = random.below(30);
            let body: Vec<&str> = (0..count)
                .map(|_| words[random.below(words.len())])
                .collect();
            let line = format!("{}{}", [" ", "", "  - ", ""][case % 4], body.join(" "));
            let width = [80, 40, 20, 7, 3, 1, 0][case % 7];
            let hanging = ["", "  ", "    ", "         "][case % 4];
            assert_eq!(
                first_fit_ascii(&line, width, hanging),
                first_fit_words(&line, width, hanging),
                "{line:?} at {width} under {hanging:?}"
            );
        }
    }

    #[test]
    fn paragraphs_match_textwrap_fill() {
        lines(2000, |case, line| {
            // Some texts of several lines, as help with its "law:" line.
            let text = if case % 4 == 0 {
                format!("{line}\nlaw: {line}")
            } else {
                line.trim_end().to_string()
            };
            let width = [74, 70, 30][case % 3];
            assert_eq!(
                paragraphs(&text, width),
                textwrap::fill(&text, textwrap_options(width)),
                "{text:?} at {width}"
            );
        });
    }

    #[test]
    fn widths_are_columns() {
        assert_eq!(display_width("council"), 7);
        assert_eq!(display_width("ŵyr"), 3);
        assert_eq!(display_width("市役所"), 6);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("a\tb"), 2);
    }
}
