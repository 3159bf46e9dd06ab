//! `public-task-legitimate-interests` (Q005): public authorities and Art. 6(1)(f).

use super::{Context, Finding, Rule, RuleKind, has_basis};
use crate::model::KeyPath;
use crate::model::LawfulBasis;

pub const RULE: Rule = Rule {
    code: "Q005",
    name: "public-task-legitimate-interests",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A public authority does not rely on legitimate interests for its tasks",
    docs: r#"## What it checks
When `[controller]` has `kind = "public-authority"`: every purpose that lists
`legitimate-interests` among its `lawful_bases`.

## Why it matters
The final paragraph of UK GDPR Art. 6(1) says legitimate interests (point
(f)) do not apply to processing carried out by public authorities in the
performance of their tasks. A council's services are its tasks: the basis
is usually public task or legal obligation. A public authority may use
legitimate interests only for processing outside its public tasks, which is
why this is a warning rather than an error.

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
council's functions. Keep `legitimate-interests` only for processing that is
not part of your tasks.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/6",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.is_public_authority() {
        return;
    }
    for (at, purpose) in cx.gdpr_purposes() {
        if has_basis(purpose, LawfulBasis::LegitimateInterests) {
            let index = purpose
                .lawful_bases
                .iter()
                .flatten()
                .position(|b| *b == LawfulBasis::LegitimateInterests)
                .unwrap_or(0);
            out.push(
                Finding::new(
                    at.key("lawful_bases").index(index),
                    format!(
                        "{} relies on legitimate interests, which a public authority cannot use for its tasks",
                        cx.purpose_label(&at, purpose)
                    ),
                    "use `public-task` or `legal-obligation` for the council's functions",
                )
                .label("legitimate interests")
                .related(KeyPath::root().key("controller").key("kind"), "a public authority"),
            );
        }
    }
}
