//! `plain-language` (Q001): concise, clear and plain wording.

use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "Q001",
    name: "plain-language",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Prose is written in short sentences without legal jargon",
    docs: r#"## What it checks
Every prose field: a sentence longer than 40 words, and legal jargon with a
plain alternative ("pursuant to", "data subject", "notwithstanding",
"hereinafter", "inter alia" …).

## Why it matters
UK GDPR Art. 12(1) requires the information to be concise, transparent,
intelligible and easily accessible, in clear and plain language (DPA 2018
s.52(1) for law enforcement). The ICO recommends writing for the reader,
with short sentences and everyday words.

## Example
```toml
[[purposes]]
description = "Pursuant to our statutory obligations we process data subjects' information."
```

## How to fix
Split long sentences; replace jargon with the plain words suggested.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: Some(check),
};

/// Sentences longer than this many words are hard to read.
const MAX_SENTENCE_WORDS: usize = 40;

/// Jargon (lowercase) and its plain alternative.
const JARGON: &[(&str, &str)] = &[
    ("pursuant to", "under"),
    ("data subject", "you, or the person the data is about"),
    ("notwithstanding", "despite"),
    ("hereinafter", "from now on"),
    ("inter alia", "among other things"),
    ("aforementioned", "this, or name the thing again"),
    ("heretofore", "until now"),
    ("in accordance with the provisions of", "under"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, text) in cx.prose() {
        if let Some(range) = first_long_sentence(text) {
            let words = text[range.clone()].split_whitespace().count();
            out.push(
                Finding::new(
                    at.clone(),
                    format!("a sentence of {words} words is hard to read"),
                    format!("split it into sentences of fewer than {MAX_SENTENCE_WORDS} words"),
                )
                .label("long sentence starts here")
                .within(
                    range.start
                        ..range.start
                            + text[range]
                                .chars()
                                .take(1)
                                .map(char::len_utf8)
                                .sum::<usize>(),
                ),
            );
        }
        let lower = text.to_ascii_lowercase();
        for (jargon, plain) in JARGON {
            if let Some(start) = lower.find(jargon) {
                out.push(
                    Finding::new(
                        at.clone(),
                        format!("\"{}\" is legal jargon", &text[start..start + jargon.len()]),
                        format!("write \"{plain}\" instead"),
                    )
                    .label("jargon")
                    .within(start..start + jargon.len()),
                );
            }
        }
    }
}

/// The byte range of the first sentence over the limit. Sentences end at
/// `.`, `!` or `?` before a space, and at line breaks (list items, paragraphs).
fn first_long_sentence(text: &str) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n'
            || (matches!(b, b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
        if ends || i + 1 == bytes.len() {
            let end = if ends { i } else { i + 1 };
            let sentence = &text[start..end];
            let words = sentence
                .split_whitespace()
                .filter(|w| !w.starts_with("http") && w.chars().any(char::is_alphanumeric))
                .count();
            if words > MAX_SENTENCE_WORDS {
                let lead = sentence.len() - sentence.trim_start().len();
                return Some(start + lead..end);
            }
            start = i + 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_long_sentence() {
        let short = "We use your data. We keep it safe.";
        assert_eq!(first_long_sentence(short), None);
        let long = format!("Short one. {}end.", "word ".repeat(45));
        let range = first_long_sentence(&long).expect("long sentence");
        assert!(long[range].starts_with("word"));
    }
}
