//! `rights-request-wording` (Q010): what the notice says about making a
//! rights request is right.

use std::sync::OnceLock;

use super::text::{Hits, PhraseList, contains_word, sentences};
use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "Q010",
    name: "rights-request-wording",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Statements about making a rights request are right: no 'must be in writing', no 40 days or 20 working days, no £10 fee",
    docs: r#"## What it checks
Every prose field, for three statements about rights requests that were
true under the Data Protection Act 1998, or never true, and are not now:

- that a request must be made in writing ("requests must be made in
  writing", "only in writing");
- a time limit of 40 days, or of 20 working days (the Freedom of
  Information limit: a sentence about FOI or EIR requests is left alone);
- the £10 subject access fee.

"We recommend you put your request in writing" and "you can ask verbally
or in writing" are fine.

## Why it matters
A request can be made in any way, verbally too: the ICO says "You can make
a subject access request verbally", and nothing in UK GDPR Art. 12 or 15
requires writing. The controller must answer "without undue delay and in
any event within one month", which it may extend by two further months for
complex or numerous requests (UK GDPR Art. 12(3) and Art. 12A, inserted by
the Data (Use and Access) Act 2025 s.76 from 5 February 2026; DPA 2018
s.54 for law enforcement). The 40-day limit and the £10 fee were the 1998
Act's, and requests are free (Art. 12(5)). A notice that gets these wrong
deters people from using their rights.

## Example
```toml
[rights]
how_to_exercise = "Requests must be made in writing. We will respond within 40 days."
```

## How to fix
Say people can ask in any way (in writing, by email, by phone or in
person), that you will respond within one month (extendable by two months
for complex or numerous requests, and you will say why), and that there is
no fee.
"#,
    url: "https://ico.org.uk/for-the-public/your-right-to-get-copies-of-your-data/preparing-and-submitting-your-subject-access-request/",
    check: Some(check),
};

/// What is wrong with a kind of statement, and how to put it right.
struct Wrong {
    /// Lowercase phrases, any of which makes the statement.
    phrases: &'static [&'static str],
    /// The sentence must be about a request for the phrase to count.
    about_requests: bool,
    /// The phrase does not count in a sentence that says any of these.
    unless: &'static [&'static str],
    message: &'static str,
    help: &'static str,
}

const WRONG: &[Wrong] = &[
    Wrong {
        phrases: &[
            "must be made in writing",
            "must be in writing",
            "must be submitted in writing",
            "must be put in writing",
            "must be sent in writing",
            "must make your request in writing",
            "must put your request in writing",
            "need to be made in writing",
            "needs to be made in writing",
            "needs to be in writing",
            "need to be in writing",
            "should be made in writing",
            "only in writing",
            "in writing only",
            "only accept requests in writing",
            "only accept written requests",
        ],
        about_requests: true,
        unless: &["verbal", "orally", "by phone", "by telephone", "in person"],
        message: "the text says a request must be in writing; requests can be made in any way, verbally too",
        help: "say people can ask in writing, by email, by phone or in person (you may recommend writing, not require it)",
    },
    Wrong {
        phrases: &[
            "40 days",
            "forty days",
            "40 calendar days",
            "40-day",
            "forty-day",
        ],
        about_requests: false,
        unless: &[],
        message: "the text gives the 40-day limit of the repealed 1998 Act; the limit is one month",
        help: "say you will respond within one month, which may be extended by two further months for complex or numerous requests (UK GDPR Art. 12(3), 12A)",
    },
    Wrong {
        phrases: &["20 working days", "twenty working days"],
        about_requests: true,
        unless: &[
            "freedom of information",
            "foi",
            "environmental information",
            "eir",
        ],
        message: "the text gives 20 working days, the Freedom of Information limit, for a data protection request; the limit is one month",
        help: "say you will respond within one month, which may be extended by two further months for complex or numerous requests (UK GDPR Art. 12(3), 12A)",
    },
    Wrong {
        phrases: &[
            "£10 fee",
            "fee of £10",
            "£10.00 fee",
            "fee of £10.00",
            "£10 charge",
            "charge of £10",
            "£10 administration",
            "£10 admin",
        ],
        about_requests: false,
        unless: &[],
        message: "the text asks for the £10 subject access fee, abolished in 2018; requests are free",
        help: "remove the fee: requests are free (UK GDPR Art. 12(5))",
    },
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, (at, text)) in cx.prose().iter().enumerate() {
        for (range, wrong) in wrong_statements(text, cx.phrases(i)) {
            out.push(
                Finding::new(at.clone(), wrong.message, wrong.help)
                    .label("outdated")
                    .within(range),
            );
        }
    }
}

/// Every phrase of every kind of statement, searched with every other
/// rule's ([`super::text::PhraseList`]), in the order of [`WRONG`].
pub static WRONG_PHRASES: PhraseList = PhraseList {
    phrases: || {
        WRONG
            .iter()
            .flat_map(|w| w.phrases.iter().copied())
            .collect()
    },
};

/// For each phrase of [`WRONG_PHRASES`], the statement it belongs to.
fn owners() -> &'static [usize] {
    static OWNERS: OnceLock<Vec<usize>> = OnceLock::new();
    OWNERS.get_or_init(|| {
        WRONG
            .iter()
            .enumerate()
            .flat_map(|(i, w)| std::iter::repeat_n(i, w.phrases.len()))
            .collect()
    })
}

/// Every outdated statement in a text (`phrases`: what was found in it),
/// with where its words are: the first phrase of each kind in each
/// sentence that is about a request.
fn wrong_statements(
    text: &str,
    phrases: Hits<'_>,
) -> Vec<(std::ops::Range<usize>, &'static Wrong)> {
    let owners = owners();
    let hits: Vec<(usize, std::ops::Range<usize>)> = phrases
        .of(&WRONG_PHRASES)
        .map(|h| (owners[h.pattern], h.range.clone()))
        .collect();
    if hits.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for (start, sentence) in sentences(&lower) {
        let end = start + sentence.len();
        let about_request = [
            "request",
            "ask for",
            "asking for",
            "access",
            "your rights",
            "apply",
        ]
        .iter()
        .any(|w| sentence.contains(w));
        for (i, wrong) in WRONG.iter().enumerate() {
            let first = hits
                .iter()
                .filter(|(owner, range)| *owner == i && range.start >= start && range.end <= end)
                .map(|(_, range)| range.clone())
                .min_by_key(|range| range.start);
            let Some(range) = first else { continue };
            if (wrong.about_requests && !about_request)
                || wrong.unless.iter().any(|w| contains_word(sentence, w))
            {
                continue;
            }
            out.push((range, wrong));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::search;
    use super::*;

    #[test]
    fn finds_the_outdated_statements_and_leaves_the_right_ones() {
        for (text, words) in [
            (
                "Requests must be made in writing.",
                "must be made in writing",
            ),
            ("We will respond to your request within 40 days.", "40 days"),
            (
                "We answer access requests within 20 working days.",
                "20 working days",
            ),
            ("There is a £10 fee for each request.", "£10 fee"),
        ] {
            let found = wrong_statements(text, Hits(&search(text)));
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(&text[found[0].0.clone()], words);
        }
        for fine in [
            "You can make a request verbally or in writing.",
            "We recommend you put your request in writing.",
            "We will respond within one month.",
            "Freedom of Information requests are answered within 20 working days.",
            "Planning applications must be made in writing.",
        ] {
            assert!(
                wrong_statements(fine, Hits(&search(fine))).is_empty(),
                "{fine}"
            );
        }
    }
}
