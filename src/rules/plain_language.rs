//! `plain-language` (Q001): concise, clear and plain wording.

use super::text::{sentences, word_count};
use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "Q001",
    name: "plain-language",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Prose is written in short sentences without legal jargon",
    docs: r#"## What it checks
The notice's prose as a whole: that its sentences average no more than 20
words, and that sentences over 40 words are the exception (no more than
one in twenty). When either fails, one finding points at the longest
sentence and lists the other long ones. And in every prose field, legal
jargon with a plain alternative ("pursuant to", "data subject",
"notwithstanding", "hereinafter", "inter alia" …).

## Why it matters
UK GDPR Art. 12(1) requires the information to be concise, transparent,
intelligible and easily accessible, in clear and plain language (DPA 2018
s.52(1) for law enforcement). That is a property of the notice as a whole,
so readability is judged over the whole notice: the Oxford Guide to Plain
English (Martin Cutts) advises an average of 15–20 words a sentence over
the whole document, and warns that regularly exceeding 40 words wearies
and deters readers. One long sentence in an otherwise plain notice is not a
finding. The ICO recommends writing for the reader, with short sentences
and everyday words.

## Example
```toml
[[purposes]]
description = "Pursuant to our statutory obligations we process data subjects' information."
```

## How to fix
Split long sentences (a list often helps); replace jargon with the plain
words suggested.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: Some(check),
};

/// Over the whole notice, sentences should average no more than this
/// (Oxford Guide to Plain English: 15–20 words).
const MAX_AVERAGE_WORDS: usize = 20;

/// A sentence longer than this is long (Oxford Guide to Plain English:
/// "regularly exceed 40 words" and readers are deterred).
const LONG_SENTENCE_WORDS: usize = 40;

/// "Regularly": more than one sentence in this many is long.
const LONG_SENTENCE_ONE_IN: usize = 20;

/// At most this many other long sentences are pointed at, to keep the
/// finding readable.
const MAX_RELATED: usize = 5;

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

/// One sentence of the notice: where it is and how long.
struct Sentence {
    at: KeyPath,
    /// Where it starts in its field, and the length in bytes of its first
    /// character (the finding points there, not at the whole sentence).
    start: usize,
    first_char: usize,
    words: usize,
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut count = 0;
    let mut total_words = 0;
    let mut longest: Option<Sentence> = None;
    let mut long: Vec<Sentence> = Vec::new();
    for (field, (at, text)) in cx.prose().iter().enumerate() {
        for (start, sentence) in sentences(text) {
            let words = word_count(sentence);
            if words == 0 {
                continue;
            }
            count += 1;
            total_words += words;
            let lead = sentence.len() - sentence.trim_start().len();
            let this = || Sentence {
                at: at.clone(),
                start: start + lead,
                first_char: sentence
                    .trim_start()
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8),
                words,
            };
            if longest.as_ref().is_none_or(|l| words > l.words) {
                longest = Some(this());
            }
            if words > LONG_SENTENCE_WORDS {
                long.push(this());
            }
        }
        jargon(at, text, cx.phrases(field), out);
    }
    let Some(longest) = longest else { return };
    // Rounded to the nearest word.
    let average = (total_words + count / 2) / count;
    let too_long_on_average = average > MAX_AVERAGE_WORDS;
    let regularly_long = long.len() * LONG_SENTENCE_ONE_IN > count;
    if !too_long_on_average && !regularly_long {
        return;
    }
    let message = match (too_long_on_average, regularly_long) {
        (true, true) => format!(
            "sentences average {average} words, and {} of {count} are longer than {LONG_SENTENCE_WORDS} words",
            long.len()
        ),
        (true, false) => format!("sentences average {average} words, which is hard to read"),
        _ => format!(
            "{} of the notice's {count} sentences are longer than {LONG_SENTENCE_WORDS} words",
            long.len()
        ),
    };
    let mut finding = Finding::new(
        longest.at.clone(),
        message,
        format!(
            "split long sentences, or make lists of them: aim for {} to {MAX_AVERAGE_WORDS} words on average and rarely more than {LONG_SENTENCE_WORDS}",
            MAX_AVERAGE_WORDS - 5
        ),
    )
    .label(format!("the longest sentence ({} words) starts here", longest.words))
    .within(longest.start..longest.start + longest.first_char);
    for other in long
        .iter()
        .filter(|s| !(s.at == longest.at && s.start == longest.start))
        .take(MAX_RELATED)
    {
        finding = finding.related_within(
            other.at.clone(),
            other.start..other.start + other.first_char,
            format!("a sentence of {} words", other.words),
        );
    }
    out.push(finding);
}

/// The jargon, searched with every other rule's phrases
/// ([`super::text::PhraseList`]).
pub static JARGON_PHRASES: super::text::PhraseList = super::text::PhraseList {
    phrases: || JARGON.iter().map(|(j, _)| *j).collect(),
};

/// Each jargon phrase of a field (`phrases`: what was found in it), once,
/// with its plain alternative.
fn jargon(at: &KeyPath, text: &str, phrases: super::text::Hits<'_>, out: &mut Vec<Finding>) {
    for ((jargon, plain), found) in JARGON.iter().zip(phrases.first_of_each(&JARGON_PHRASES)) {
        if let Some(start) = found {
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
