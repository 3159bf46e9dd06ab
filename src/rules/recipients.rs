//! `recipients` (N011): who the data is shared with.

use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "N011",
    name: "recipients",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Each purpose says who the data is shared with, or that it is not shared",
    docs: r#"## What it checks
That every purpose has `recipients`: the ids of the `[[recipients]]` its
data goes to, or `recipients = []` to state that it is not shared.

## Why it matters
UK GDPR Art. 13(1)(e) and 14(1)(e) require the recipients or categories of
recipients. Saying explicitly that nothing is shared is an answer; saying
nothing is not. For law-enforcement processing DPA 2018 s.44(2)(c) asks for
recipients in particular cases, so there it is a warning.

## Example
```toml
[[recipients]]
id = "dwp"
name = "Department for Work and Pensions"

[[purposes]]
name = "Housing benefit"
recipients = ["dwp"]
```

## How to fix
Add `recipients = [...]` to the purpose, or `recipients = []` if the data is
not shared with anyone.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.purposes() {
        if purpose.recipients.is_some() {
            continue;
        }
        let finding = Finding::new(
            at.key("recipients"),
            format!(
                "{} does not say who the data is shared with",
                cx.purpose_label(&at, purpose)
            ),
            "add `recipients = [\"...\"]` with the ids of the recipients, or `recipients = []` if it is not shared",
        )
        .label("`recipients` belongs in this purpose");
        out.push(if cx.is_law_enforcement(purpose) {
            finding.cite("DPA 2018 s.44(2)(c)").warning()
        } else {
            finding.per_purpose("no purpose says who the data is shared with")
        });
    }
}
