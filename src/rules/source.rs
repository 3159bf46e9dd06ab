//! `source` (N018): where the data comes from.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::DataSource;

pub const RULE: Rule = Rule {
    code: "N018",
    name: "source",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Each purpose says where the data comes from",
    docs: r#"## What it checks
That every purpose says where its data comes from: whether from the person
(`from_person`) and whether from anywhere else (`other_sources`, `[]` for
nowhere else), and that every other source is named. A purpose whose only
other sources are general ("other organisations", "third parties") is a
warning: it names no source. An unstated answer is a finding:
`from_person = true` alone does not say whether data also comes from
elsewhere. (Both may be stated once for the whole notice in
`[all_purposes]`.)

## Why it matters
Where data is not obtained from the person, UK GDPR Art. 14(2)(f) requires the
source, and whether it is publicly accessible. Where various sources are used,
general information may be given (Recital 61), so a general source beside
named ones is not a finding. Saying where data comes from also decides
which of Art. 13 and Art. 14 applies, and so which other information the
notice must give.

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
        // Recital 61: where various sources are used, general information
        // may be given. A general source beside named ones is that; a
        // purpose whose only other sources are general names none.
        let sources = purpose.other_sources.as_deref().unwrap_or_default();
        let only_general = sources.iter().all(is_general);
        for (i, source) in sources.iter().enumerate() {
            if only_general && is_general(source) {
                let name = source.name.as_deref().unwrap_or("").trim().to_lowercase();
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

/// Whether a source says only "others": no organisation, register or kind
/// of body, and no description.
fn is_general(source: &DataSource) -> bool {
    const GENERAL: &[&str] = &[
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
    let name = source.name.as_deref().unwrap_or("").trim().to_lowercase();
    GENERAL.contains(&name.trim_start_matches("from ").trim_start_matches("some "))
        && !present(&source.description)
}
