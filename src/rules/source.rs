//! `source` (N018): where the data comes from.

use super::{Context, Finding, Rule, RuleKind, present};

pub const RULE: Rule = Rule {
    code: "N018",
    name: "source",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Each purpose says where the data comes from",
    docs: r#"## What it checks
That every purpose says whether the data comes from the person
(`from_person = true` or `false`) or from other sources (`other_sources`),
and that every other source is named.

## Why it matters
Where data is not obtained from the person, UK GDPR Art. 14(2)(f) requires the
source, and whether it is publicly accessible. Saying where data comes from
also decides which of Art. 13 and Art. 14 applies, and so which other
information the notice must give.

## Example
```toml
[[purposes]]
name = "Electoral registration"
from_person = true
other_sources = [{ name = "Department for Work and Pensions (IER Digital Service)" }]
```

## How to fix
Add `from_person`, `other_sources`, or both. Write `other_sources = []` when
all the data comes from the person.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/14",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.gdpr_purposes() {
        if purpose.from_person.is_none() && purpose.other_sources.is_none() {
            out.push(
                Finding::new(
                    at.key("from_person"),
                    format!("{} does not say where the data comes from", cx.purpose_label(&at, purpose)),
                    "add `from_person = true` if people give it to you, and `other_sources = [...]` for anywhere else",
                )
                .label("the source belongs in this purpose"),
            );
        }
        for (i, source) in purpose.other_sources.iter().flatten().enumerate() {
            if !present(&source.name) {
                out.push(Finding::new(
                    at.key("other_sources").index(i).key("name"),
                    "this source is not named",
                    "add `name = \"...\"` naming the organisation or register the data comes from",
                ));
            }
        }
    }
}
