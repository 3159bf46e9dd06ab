//! `automated-decisions` (N020): automated decision-making and its safeguards.

use super::{Context, Finding, Rule, RuleKind, has_basis, present};
use crate::model::KeyPath;
use crate::model::LawfulBasis;

pub const RULE: Rule = Rule {
    code: "N020",
    name: "automated-decisions",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice states whether significant decisions are automated and, if so, the logic, effects and safeguards",
    docs: r#"## What it checks
That `[automated_decisions]` states `used = true` or `false`. When true: that
each `[[automated_decisions.decisions]]` entry gives the `logic`, the
`significance` and the `safeguards`, and that no decision is made for a
purpose (`purpose`) that relies on a recognised legitimate interest (an
error).

## Why it matters
UK GDPR Art. 13(2)(f) and 14(2)(g) require the notice to say whether
significant decisions based solely on automated processing, including
profiling, are made, with meaningful information about the logic and the
significance and consequences. Since 5 February 2026 Arts. 22A-22D
(inserted by the Data (Use and Access) Act 2025 s.80) replace Art. 22: a
decision is "based solely on automated processing" when there is "no
meaningful human involvement" (22A); it "may not be taken based solely on
automated processing if the processing ... is carried out entirely or
partly in reliance on Article 6(1)(ea)" (22B(4)); and Art. 22C requires
safeguards — telling the person about the decision, and letting them make
representations, obtain human intervention and contest it.

## Example
```toml
[automated_decisions]
used = false
```

## How to fix
State `used = false` if no such decisions are made; otherwise describe each.
"#,
    url: "https://www.legislation.gov.uk/ukpga/2025/18/section/80",
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
                if let Some(id) = decision.purpose.as_deref().map(str::trim)
                    && let Some((purpose_at, purpose)) = cx
                        .purposes()
                        .find(|(_, p)| p.id.as_deref().map(str::trim) == Some(id))
                    && has_basis(purpose, LawfulBasis::RecognisedLegitimateInterest)
                {
                    out.push(
                        Finding::new(
                            at.key("purpose"),
                            format!(
                                "a significant decision based solely on automated processing is made for {}, which relies on a recognised legitimate interest",
                                cx.purpose_label(&purpose_at, purpose)
                            ),
                            "Art. 22B(4) forbids this: involve a person meaningfully in the decision, or rely on another lawful basis",
                        )
                        .cite("UK GDPR Art. 22B(4)")
                        .severity_error()
                        .related(purpose_at.key("lawful_bases"), "recognised legitimate interest"),
                    );
                }
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
