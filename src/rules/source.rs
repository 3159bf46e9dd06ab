//! `source` (N018): where the data comes from.

use super::{Context, Finding, Rule, RuleKind, present};

pub const RULE: Rule = Rule {
    code: "N018",
    name: "source",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Each purpose says where the data comes from",
    docs: r#"## What it checks
That every purpose says where its data comes from: whether from the person
(`from_person`) and whether from anywhere else (`other_sources`, `[]` for
nowhere else), and that every other source is named. An unstated answer is
a finding: `from_person = true` alone does not say whether data also comes
from elsewhere. (Both may be stated once for the whole notice in
`[all_purposes]`.)

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
        let label = cx.purpose_label(&at, purpose);
        match (purpose.from_person, &purpose.other_sources) {
            (None, None) => out.push(
                Finding::new(
                    at.key("from_person"),
                    format!("{label} does not say where the data comes from"),
                    "add `from_person = true` if people give it to you, and `other_sources = [...]` for anywhere else (`other_sources = []` when there is nowhere else)",
                )
                .label("the source belongs in this purpose")
                .per_purpose("no purpose says where the data comes from"),
            ),
            // "From you" is stated, but not whether anything comes from
            // elsewhere: Art. 14 may apply, unstated.
            (Some(_), None) => out.push(
                Finding::new(
                    at.key("other_sources"),
                    format!("{label} does not say whether data also comes from anywhere else"),
                    "add `other_sources = []` if it all comes from the person, or name the other sources",
                )
                .label("`other_sources` belongs in this purpose")
                .per_purpose("no purpose says whether data also comes from anywhere else"),
            ),
            (_, Some(_)) => {}
        }
        for (i, source) in purpose.other_sources.iter().flatten().enumerate() {
            let name = source.name.as_deref().unwrap_or("").trim().to_lowercase();
            let generic = [
                "other organisations",
                "other agencies",
                "other agencies or organisations",
                "other agencies and organisations",
                "third parties",
                "other third parties",
                "other sources",
                "partners",
                "our partners",
                "other bodies",
            ];
            if generic.contains(&name.trim_start_matches("from ").trim_start_matches("some "))
                && !present(&source.description)
            {
                out.push(
                    Finding::new(
                        at.key("other_sources").index(i).key("name"),
                        format!("the source \"{}\" does not say who provides the data", name),
                        "name the organisations or registers, e.g. \"Department for Work and Pensions\", \"the electoral register\" (Art. 14(2)(f))",
                    )
                    .label("too general")
                    .warning(),
                );
            }
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
