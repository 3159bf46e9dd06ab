//! `free-of-charge` (Q002): rights requests are free.

use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "Q002",
    name: "free-of-charge",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice says rights requests are free, and never asks for a fee",
    docs: r#"## What it checks
That `[rights]` says `free_of_charge = true` (a warning when it says
nothing), that it does not say `false`, and that no text asks for a fee for
a request: a pound amount (such as the old £10 subject access fee) or
wording such as "we may make a charge for this service".

## Why it matters
UK GDPR Art. 12(5) makes information and rights requests free of charge; a
reasonable fee may only be charged for manifestly unfounded or excessive
requests (DPA 2018 s.52(5) and s.53 for law enforcement). The £10 subject
access fee ended with the Data Protection Act 1998.

## Example
```toml
[rights]
free_of_charge = true
```

## How to fix
Set `free_of_charge = true` and remove any mention of a standard fee.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("rights").key("free_of_charge");
    if let Some(rights) = &cx.notice.rights {
        match rights.free_of_charge {
            None => out.push(Finding::new(
                at,
                "the notice does not say that rights requests are free",
                "add `free_of_charge = true` to `[rights]`",
            )),
            Some(false) => out.push(
                Finding::new(
                    at,
                    "the notice says rights requests are not free",
                    "requests must be free (Art. 12(5)); set `free_of_charge = true`",
                )
                .severity_error(),
            ),
            Some(true) => {}
        }
    }
    for (path, text) in cx.prose() {
        if let Some(range) = fee_mention(text) {
            out.push(
                Finding::new(
                    path,
                    "the text asks for a fee for a request",
                    "remove the fee: requests are free unless manifestly unfounded or excessive",
                )
                .label("fee")
                .within(range)
                .severity_error(),
            );
        }
    }
}

/// A sentence that asks for a fee for a request: a pound amount, or "may
/// make a charge", in a sentence about fees and requests. Sentences that say
/// there is no charge are left alone.
fn fee_mention(text: &str) -> Option<std::ops::Range<usize>> {
    for sentence in text.split_inclusive(['.', '\n']) {
        let lower = sentence.to_ascii_lowercase();
        let about_fee = ["fee", "charge"].iter().any(|w| lower.contains(w));
        let about_request = ["request", "access", "copy", "information", "this service"]
            .iter()
            .any(|w| lower.contains(w));
        let says_free = [
            "no charge",
            "free of charge",
            "no fee",
            "without charge",
            "not charge",
            "free",
        ]
        .iter()
        .any(|w| lower.contains(w));
        // A penalty or fine for not giving information is not a fee for a request.
        let penalty = ["penalty", "fine ", "fined"]
            .iter()
            .any(|w| lower.contains(w));
        if !(about_fee && about_request) || says_free || penalty {
            continue;
        }
        let offset = sentence.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(pos) = sentence.find('£') {
            let digits = sentence[pos + '£'.len_utf8()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .map(char::len_utf8)
                .sum::<usize>();
            if digits > 0 {
                return Some(offset + pos..offset + pos + '£'.len_utf8() + digits);
            }
        }
        for phrase in [
            "may make a charge",
            "may charge",
            "will charge",
            "a fee is payable",
            "fee payable",
        ] {
            if let Some(pos) = lower.find(phrase) {
                return Some(offset + pos..offset + pos + phrase.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_subject_access_fee() {
        let text = "You can ask for a copy. A fee of £10 is charged for each request.";
        let range = fee_mention(text).expect("fee");
        assert_eq!(&text[range], "£10");
        assert_eq!(fee_mention("Council tax is £1,200 a year."), None);
        let text = "You can ask for a copy. Please note we may make a charge for this service.";
        assert_eq!(
            fee_mention(text).map(|r| &text[r]),
            Some("may make a charge")
        );
        assert_eq!(
            fee_mention("There is no charge for a copy of your information."),
            None
        );
    }
}
