//! `recognised-legitimate-interest` (N007): which DUAA condition is relied on.

use super::{Context, Finding, Rule, RuleKind, has_basis};
use crate::model::LawfulBasis;

pub const RULE: Rule = Rule {
    code: "N007",
    name: "recognised-legitimate-interest",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose relying on a recognised legitimate interest says which condition applies",
    docs: r#"## What it checks
That every purpose with `recognised-legitimate-interest` among its
`lawful_bases` names the Annex 1 condition in `recognised_interest`:
public-task-disclosure, national-security, emergencies, crime or
safeguarding. It also flags `recognised_interest` on a purpose that does not
rely on that basis.

## Why it matters
Art. 6(1)(ea), inserted by the Data (Use and Access) Act 2025 s.70, covers
processing "necessary for the purposes of a recognised legitimate
interest", and Art. 6(5) limits that to the conditions of Annex 1 (the
public task disclosure, national security, public security and defence,
emergencies, crime and safeguarding conditions). Naming the condition shows
the basis is used as the law allows. A public authority cannot rely on it
for its own tasks (see `public-task-legitimate-interests`): it is for
bodies such as charities and housing associations.

## Example
```toml
[controller]
kind = "charity"

[[purposes]]
name = "Telling the police about a risk to a tenant"
lawful_bases = ["recognised-legitimate-interest"]
recognised_interest = "safeguarding"
```

## How to fix
Add `recognised_interest` with the condition relied on, or choose another
lawful basis if none of the conditions fits.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/6",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.gdpr_purposes() {
        let relies = has_basis(purpose, LawfulBasis::RecognisedLegitimateInterest);
        let name = cx.purpose_label(&at, purpose);
        if relies && purpose.recognised_interest.is_none() {
            out.push(
                Finding::new(
                    at.key("recognised_interest"),
                    format!("{name} relies on a recognised legitimate interest but does not say which"),
                    "add `recognised_interest = \"...\"`: public-task-disclosure, national-security, emergencies, crime or safeguarding",
                )
                .label("`recognised_interest` belongs in this purpose"),
            );
        } else if !relies && purpose.recognised_interest.is_some() {
            out.push(
                Finding::new(
                    at.key("recognised_interest"),
                    format!("{name} names a recognised legitimate interest but does not rely on that basis"),
                    "add \"recognised-legitimate-interest\" to `lawful_bases`, or remove `recognised_interest`",
                )
                .warning(),
            );
        }
    }
}
