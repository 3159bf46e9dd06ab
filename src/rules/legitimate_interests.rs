//! `legitimate-interests` (N006): the interests pursued under Art. 6(1)(f).

use super::{Context, Finding, Rule, RuleKind, has_basis, present};
use crate::model::LawfulBasis;

pub const RULE: Rule = Rule {
    code: "N006",
    name: "legitimate-interests",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose relying on legitimate interests says what the interests are",
    docs: r#"## What it checks
That every purpose with `legitimate-interests` among its `lawful_bases` says
what those interests are in `legitimate_interests`.

## Why it matters
UK GDPR Art. 13(1)(d) and 14(2)(b) require the legitimate interests pursued
to be stated whenever Art. 6(1)(f) is relied on, so people can judge whether
to object.

## Example
```toml
[[purposes]]
name = "Running the leisure centre members' newsletter"
lawful_bases = ["legitimate-interests"]
legitimate_interests = "Telling members about changes to opening hours and classes."
```

## How to fix
Add `legitimate_interests = "..."` describing the interest in plain words.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.gdpr_purposes() {
        if has_basis(purpose, LawfulBasis::LegitimateInterests)
            && !present(&purpose.legitimate_interests)
        {
            out.push(
                Finding::new(
                    at.key("legitimate_interests"),
                    format!(
                        "{} relies on legitimate interests but does not say what they are",
                        cx.purpose_label(&at, purpose)
                    ),
                    "add `legitimate_interests = \"...\"` describing the interests pursued",
                )
                .label("`legitimate_interests` belongs in this purpose"),
            );
        }
    }
}
