//! `purposes` (N004): what the data is used for.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N004",
    name: "purposes",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice lists the purposes of processing, each with a name",
    docs: r#"## What it checks
That the notice has at least one `[[purposes]]` entry and that each one has
a `name` saying what the data is used for. A notice whose purposes are all
generic ("to deliver our services", "to contact you"), with no description,
is a warning: it does not tell people why their data is used.

## Why it matters
UK GDPR Art. 13(1)(c) and 14(1)(c) require the purposes of the processing;
DPA 2018 s.44(1)(c) likewise for law enforcement. Everything else in a
notice — lawful basis, recipients, retention — hangs off a purpose.

## Example
```toml
[[purposes]]
id = "billing"
name = "Sending council tax bills and collecting payment"
lawful_bases = ["legal-obligation"]
```

## How to fix
Add one `[[purposes]]` entry for each distinct reason you use the data, named
as a reader would describe it.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.notice.purposes.is_empty() {
        out.push(
            Finding::new(
                KeyPath::root().key("purposes"),
                "the notice does not say what the data is used for",
                "add a `[[purposes]]` entry for each purpose, with `name` and `lawful_bases`",
            )
            .label("`[[purposes]]` belong in this file"),
        );
        return;
    }
    // Purposes that only say "to deliver our services" say nothing about
    // why the data is used.
    let generic_purpose = |purpose: &crate::model::Purpose| {
        let name = purpose.name.as_deref().unwrap_or("").trim().to_lowercase();
        let generic = [
            "deliver services",
            "deliver our services",
            "delivering services",
            "delivering our services",
            "provide services",
            "provide our services",
            "providing services",
            "providing our services",
            "council services",
            "our services",
            "carry out our functions",
            "carrying out our functions",
            "general processing",
            "customer records",
            "contact you",
            "legal obligations",
            "understand your needs",
            "improve our services",
        ];
        let short = name.split_whitespace().count() <= 8;
        short && generic.iter().any(|g| name.contains(g)) && !present(&purpose.description)
    };
    if cx.notice.purposes.iter().all(generic_purpose) {
        out.push(
            Finding::new(
                KeyPath::root().key("purposes").index(0).key("name"),
                "the notice gives only generic purposes",
                "name each real purpose, e.g. \"Collecting council tax\", \"Awarding housing benefit\", each with its lawful basis",
            )
            .label("too general to tell people why")
            .warning(),
        );
    }
    for (at, purpose) in cx.purposes() {
        if !present(&purpose.name) {
            out.push(Finding::new(
                at.key("name"),
                "this purpose has no name",
                "add `name = \"...\"` saying what the data is used for",
            ));
        }
    }
}
