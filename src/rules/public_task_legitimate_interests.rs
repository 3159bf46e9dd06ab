//! `public-task-legitimate-interests` (Q005): public authorities and Art. 6(1)(ea) and (f).

use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;
use crate::model::LawfulBasis;

pub const RULE: Rule = Rule {
    code: "Q005",
    name: "public-task-legitimate-interests",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A public authority does not rely on legitimate interests or recognised legitimate interests for its tasks",
    docs: r#"## What it checks
When `[controller]` has `kind = "public-authority"`: every UK GDPR purpose
that lists `legitimate-interests` (Art. 6(1)(f)) or
`recognised-legitimate-interest` (Art. 6(1)(ea)) among its `lawful_bases`.

## Why it matters
The words after Art. 6(1)(f), as amended by the Data (Use and Access) Act
2025 s.70(2)(c), read: "Points (ea) and (f) of the first subparagraph
shall not apply to processing carried out by public authorities in the
performance of their tasks". A council's services are its tasks: the basis
is usually public task or legal obligation. Sharing to protect a child at
risk, for example, is part of a council's safeguarding duties — public task
— not a recognised legitimate interest. A public authority may use either
basis only for processing outside its tasks, which is why this is a warning
rather than an error.

## Example
```toml
[controller]
kind = "public-authority"

[[purposes]]
name = "Collecting council tax"
lawful_bases = ["legitimate-interests"]   # should be legal-obligation
```

## How to fix
Use `public-task` (with the law in `law`) or `legal-obligation` for the
council's functions. Keep `legitimate-interests` or
`recognised-legitimate-interest` only for processing that is not part of
your tasks, and say so in the purpose's description.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/6",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.is_public_authority() {
        return;
    }
    for (at, purpose) in cx.gdpr_purposes() {
        for (index, basis) in purpose.lawful_bases.iter().flatten().enumerate() {
            let what = match basis {
                LawfulBasis::LegitimateInterests => "legitimate interests (Art. 6(1)(f))",
                LawfulBasis::RecognisedLegitimateInterest => {
                    "a recognised legitimate interest (Art. 6(1)(ea))"
                }
                _ => continue,
            };
            out.push(
                Finding::new(
                    at.key("lawful_bases").index(index),
                    format!(
                        "{} relies on {what}, which a public authority cannot use for its tasks",
                        cx.purpose_label(&at, purpose)
                    ),
                    "use `public-task` or `legal-obligation` for the council's functions",
                )
                .label(basis.title().to_lowercase())
                .related(
                    KeyPath::root().key("controller").key("kind"),
                    "a public authority",
                ),
            );
        }
    }
}
