//! `consent-public-task` (Q009): consent where the council must act anyway.

use super::{Context, Finding, Rule, RuleKind, has_basis};
use crate::model::{LawfulBasis, ProvisionRequirement};

pub const RULE: Rule = Rule {
    code: "Q009",
    name: "consent-public-task",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Consent is not claimed for processing that is a public task, a legal obligation or compulsory",
    docs: r#"## What it checks
Every purpose that relies on `consent` together with `public-task` or
`legal-obligation`, or whose `provision.requirement` is `statutory`, and a
public authority's purposes that rely on consent alone but name a `law`.

## Why it matters
Consent must be freely given and can be withdrawn at any time (UK GDPR Art.
4(11), 7(3)). Where a council must or will use the data anyway — because the
law requires it or it is a public task — asking for consent misleads people
into thinking they can stop it. Recital 43 warns that consent is unlikely to
be valid where there is a clear imbalance, as with public authorities.

## Example
```toml
[[purposes]]
name = "Assessing housing benefit"
lawful_bases = ["consent", "public-task"]
```

## How to fix
Rely on the basis that really applies (`public-task` or `legal-obligation`)
and remove `consent`; keep consent only where people have a genuine choice.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/7",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.gdpr_purposes() {
        if !has_basis(purpose, LawfulBasis::Consent) {
            continue;
        }
        let name = cx.purpose_label(&at, purpose);
        let with_duty = [LawfulBasis::PublicTask, LawfulBasis::LegalObligation]
            .into_iter()
            .any(|b| has_basis(purpose, b));
        let compulsory = purpose
            .provision
            .as_ref()
            .and_then(|p| p.requirement)
            .is_some_and(|r| r == ProvisionRequirement::Statutory);
        let only_consent_with_law = cx.is_public_authority()
            && purpose.lawful_bases.as_ref().is_some_and(|b| b.len() == 1)
            && super::present(&purpose.law);
        let why = if with_duty {
            "alongside a public task or legal obligation"
        } else if compulsory {
            "although giving the data is required by law"
        } else if only_consent_with_law {
            "although it names a law that sets the task"
        } else {
            continue;
        };
        out.push(
            Finding::new(
                at.key("lawful_bases"),
                format!("{name} relies on consent {why}"),
                "rely on the public task or legal obligation and remove \"consent\"; people cannot withdraw from what the council must do",
            )
            .label("consent"),
        );
    }
}
