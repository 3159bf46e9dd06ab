//! `automated-decisions` (N020): automated decision-making and its safeguards.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N020",
    name: "automated-decisions",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice states whether significant decisions are automated and, if so, the logic, effects and safeguards",
    docs: r#"## What it checks
That `[automated_decisions]` states `used = true` or `false`. When true: that
each `[[automated_decisions.decisions]]` entry gives the `logic`, the
`significance` and the `safeguards`.

## Why it matters
UK GDPR Art. 13(2)(f) and 14(2)(g) require the notice to say whether
automated decision-making, including profiling, with legal or similarly
significant effects takes place, with meaningful information about the
logic, significance and consequences. The Data (Use and Access) Act 2025
(Arts. 22A-22D) requires safeguards: information about the decision, and the
chance to make representations, get human intervention and contest it.

## Example
```toml
[automated_decisions]
used = false
```

## How to fix
State `used = false` if no such decisions are made; otherwise describe each.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/22",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("automated_decisions");
    let Some(automated) = &cx.notice.automated_decisions else {
        out.push(
            Finding::new(
                at.key("used"),
                "the notice does not say whether decisions are made by automated means",
                "add `[automated_decisions]` with `used = false`, or `true` and a description of each decision",
            )
            .label("`[automated_decisions]` belongs here"),
        );
        return;
    };
    match automated.used {
        None => out.push(Finding::new(
            at.key("used"),
            "the notice does not say whether decisions are made by automated means",
            "add `used = false`, or `used = true` and describe each decision",
        )),
        Some(false) => {}
        Some(true) => {
            if automated.decisions.is_empty() {
                out.push(Finding::new(
                    at.key("decisions"),
                    "the notice says automated decisions are made but does not describe them",
                    "add a `[[automated_decisions.decisions]]` entry with `description`, `logic`, `significance` and `safeguards`",
                ));
            }
            for (i, decision) in automated.decisions.iter().enumerate() {
                let at = at.key("decisions").index(i);
                let missing: Vec<&str> = [
                    ("logic", &decision.logic),
                    ("significance", &decision.significance),
                    ("safeguards", &decision.safeguards),
                ]
                .into_iter()
                .filter(|(_, v)| !present(v))
                .map(|(k, _)| k)
                .collect();
                if let Some(first) = missing.first() {
                    out.push(Finding::new(
                        at.key(first),
                        format!("this automated decision does not give its {}", missing.join(", ")),
                        "describe the logic involved, what the decision means for the person, and how they can get a human to review it",
                    ));
                }
            }
        }
    }
}
