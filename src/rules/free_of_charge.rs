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
That `[rights]` does not say `free_of_charge = false`, and that no text asks for a fee for
a request: a pound amount or wording such as "we may make a charge for this
service". The two fees the law allows are not findings: a reasonable fee
for further copies (Art. 15(3)) and a reasonable fee for a manifestly
unfounded or excessive request (Art. 12(5)). The old £10 subject access
fee is reported by `rights-request-wording`.

## Why it matters
UK GDPR Art. 12(5) makes information and rights requests free of charge:
"where requests from a data subject are manifestly unfounded or excessive"
the controller may charge a reasonable fee or refuse, and Art. 15(3) allows
"a reasonable fee based on administrative costs" for further copies (DPA
2018 s.53 for law enforcement). Any other fee misleads people into
thinking their rights cost money.

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
            // Requests are free by law (Art. 12(5)), and the page says so
            // unless the notice says otherwise: saying nothing is not wrong.
            None => {}
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
                    path.clone(),
                    "the text asks for a fee for a request",
                    "remove the fee: requests are free, except for a reasonable fee for further copies (Art. 15(3)) or for a manifestly unfounded or excessive request (Art. 12(5))",
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
    // Most prose never mentions a fee: one pass over the field decides.
    let whole = text.to_ascii_lowercase();
    if !whole.contains("fee") && !whole.contains("charge") {
        return None;
    }
    for sentence in text.split_inclusive(['.', '\n']) {
        let lower = sentence.to_ascii_lowercase();
        let about_fee = ["fee", "charge"].iter().any(|w| lower.contains(w));
        if !about_fee {
            continue;
        }
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
        // The fees the law allows (Art. 12(5), 15(3)).
        let lawful = [
            "further cop",
            "additional cop",
            "more copies",
            "extra cop",
            "manifestly unfounded",
            "unfounded or excessive",
            "excessive request",
            "repetitive",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if !(about_fee && about_request) || says_free || penalty || lawful {
            continue;
        }
        let offset = sentence.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(pos) = sentence.find('£') {
            let amount: String = sentence[pos + '£'.len_utf8()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect();
            // The old £10 subject access fee is `rights-request-wording`'s.
            let old_sar_fee = amount.trim_end_matches(['.', ',']) == "10"
                || amount.trim_end_matches(['.', ',']) == "10.00";
            if !amount.is_empty() && !old_sar_fee {
                return Some(offset + pos..offset + pos + '£'.len_utf8() + amount.len());
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
    fn finds_a_fee_for_a_request() {
        let text = "You can ask for a copy. A fee of £25 is charged for each request.";
        let range = fee_mention(text).expect("fee");
        assert_eq!(&text[range], "£25");
        // The old £10 fee is reported by rights-request-wording instead.
        assert_eq!(
            fee_mention("A fee of £10 is charged for each request."),
            None
        );
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
        // The fees the law allows are not findings (Art. 12(5), 15(3)).
        for lawful in [
            "We may charge a reasonable fee for further copies of your information.",
            "We may charge a reasonable fee if a request is manifestly unfounded or excessive.",
        ] {
            assert_eq!(fee_mention(lawful), None, "{lawful}");
        }
    }
}
