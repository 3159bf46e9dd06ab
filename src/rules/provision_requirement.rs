//! `provision-requirement` (N019): whether people must give the data.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::ProvisionRequirement;

pub const RULE: Rule = Rule {
    code: "N019",
    name: "provision-requirement",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose collecting data from the person says whether they must give it and what happens if they do not",
    docs: r#"## What it checks
For each purpose whose data is, or may be, collected from the person (any
purpose that does not say `from_person = false`): that
`provision.requirement` says whether giving the data is statutory,
contractual, needed for a contract, voluntary, observed (recorded, as by
CCTV) or varies by service (`varies`, for a statement made once for the
whole notice in `[all_purposes]`), and, unless it is voluntary or observed,
that `provision.consequence` says what happens if it is not given.

## Why it matters
UK GDPR Art. 13(2)(e) requires the notice to say whether providing the data
is a statutory or contractual requirement, whether the person is obliged to
provide it, and the possible consequences of not providing it.

## Example
```toml
[[purposes]]
name = "Electoral registration"
from_person = true
provision = { requirement = "statutory", consequence = "You can be fined £1,000 for not giving information to the Electoral Registration Officer." }
```

## How to fix
Add `provision = { requirement = "...", consequence = "..." }` to the purpose.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.gdpr_purposes() {
        // Art. 13(2)(e) applies to data collected from the person, and a
        // notice that does not say where data comes from may collect it so.
        if purpose.from_person == Some(false) {
            continue;
        }
        let name = cx.purpose_label(&at, purpose);
        let requirement = purpose.provision.as_ref().and_then(|p| p.requirement);
        match requirement {
            None => out.push(
                Finding::new(
                    at.key("provision").key("requirement"),
                    format!("{name} does not say whether people must give the data"),
                    "add `provision = { requirement = \"statutory\" | \"contractual\" | \"contract-precondition\" | \"voluntary\" | \"observed\", consequence = \"...\" }`",
                )
                .label("`provision` belongs in this purpose")
                .per_purpose("no purpose says whether people must give the data"),
            ),
            Some(ProvisionRequirement::Voluntary | ProvisionRequirement::Observed) => {}
            Some(_) => {
                let consequence = purpose.provision.as_ref().and_then(|p| p.consequence.clone());
                if !present(&consequence) {
                    out.push(Finding::new(
                        at.key("provision").key("consequence"),
                        format!("{name} does not say what happens if the data is not given"),
                        "add `consequence = \"...\"` to `provision`, e.g. \"we cannot process your application\"",
                    ));
                }
            }
        }
    }
}
