//! `retired-contact` (Q006): contact details on retired email domains.

use std::borrow::Cow;

use super::text::{Hit, Hits, PhraseList, search};
use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "Q006",
    name: "retired-contact",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Contact details do not use retired email domains",
    docs: r#"## What it checks
Every email field and every prose field, for addresses on domains that no
longer receive mail: the public sector secure email domains `gcsx.gov.uk`,
`gsi.gov.uk`, `gsx.gov.uk` and `gse.gov.uk`, and the Information
Commissioner's old `dataprotection.gov.uk`.

## Why it matters
The GCSx and GSi secure email services were switched off in 2019, and the
Information Commissioner has long used ico.org.uk. A notice that gives a dead
address leaves people with no working route to the controller or the DPO,
which UK GDPR Art. 13(1)(a)-(b) and 14(1)(a)-(b) require, and Art. 12(2)
obliges the controller to make it easy to exercise rights.

## Example
```toml
[dpo]
email = "data.protection@example.gcsx.gov.uk"
```

## How to fix
Use the council's current address (for example `dpo@example.gov.uk`) and,
for the regulator, an empty `[complaints.ico]` table: noticec then prints
its current published details.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: Some(check),
};

/// Retired domains (lowercase) and what replaced them.
const RETIRED: &[(&str, &str)] = &[
    (
        "gcsx.gov.uk",
        "the GCSx secure email service closed in 2019",
    ),
    (
        "gsi.gov.uk",
        "the GSi secure email domains were retired in 2019",
    ),
    (
        "gsx.gov.uk",
        "the GSi secure email domains were retired in 2019",
    ),
    (
        "gse.gov.uk",
        "the GSi secure email domains were retired in 2019",
    ),
    (
        "dataprotection.gov.uk",
        "the Information Commissioner's address is now ico.org.uk",
    ),
];

/// The retired domains, searched with every other rule's phrases
/// ([`super::text::PhraseList`]).
pub static RETIRED_DOMAINS: PhraseList = PhraseList {
    phrases: || RETIRED.iter().map(|(d, _)| *d).collect(),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let notice = cx.notice;
    // The contacts' addresses, with the phrases found in them, then the prose.
    let mut fields: Vec<(KeyPath, &str, Cow<'_, [Hit]>)> = Vec::new();
    for (at, contact) in notice.contacts() {
        if let Some(email) = contact.email.as_deref() {
            fields.push((at.key("email"), email, Cow::Owned(search(email))));
        }
    }
    fields.extend(cx.prose_with_phrases());
    for (at, text, phrases) in &fields {
        let (at, text) = (at, *text);
        let found = Hits(phrases).first_of_each(&RETIRED_DOMAINS);
        if found.iter().all(Option::is_none) {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        for ((domain, why), start) in RETIRED.iter().zip(found) {
            let Some(start) = start else {
                continue;
            };
            // Widen to the whole address or host name around the domain.
            let begin = lower[..start]
                .rfind(|c: char| c.is_whitespace() || "<>()[],;:\"'".contains(c))
                .map_or(0, |i| i + 1);
            let end = start + domain.len();
            out.push(
                Finding::new(
                    at.clone(),
                    format!("`{}` is on a retired domain: {why}", &text[begin..end]),
                    "give an address that receives mail today",
                )
                .label("retired")
                .within(begin..end),
            );
        }
    }
}
