//! `criminal-offence-data` (N009): the condition for criminal offence data.

use super::implied::{Implied, unmarked_mention};
use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N009",
    name: "criminal-offence-data",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose using criminal offence data gives its Art. 10 / DPA 2018 Schedule 1 condition",
    docs: r#"## What it checks
For each purpose (other than law-enforcement processing) that uses a data
category marked `criminal_offence = true`: that `criminal_offence_condition`
gives the condition relied on. Criminal offence data that no purpose uses
is reported too: no condition covers it. So is prose about crime, offences,
offenders, prosecutions or convictions (outside law-enforcement purposes)
while no data category is marked `criminal_offence`: information about
alleged offences is criminal offence data too (DPA 2018 s.11(2)).

## Why it matters
UK GDPR Art. 10 allows criminal offence data to be used only under the
control of official authority or when authorised by domestic law; DPA 2018
s.10(5) says processing not under official authority needs a Schedule 1
condition (Part 1, 2 or 3), and s.11(2) says what counts as such data.
Telling people the condition is ICO good practice rather than an item that
Art. 13 or 14 lists, so the finding is a warning by default. Taxi
licensing, housing allocations and employment checks commonly use this
data.

## Example
```toml
[[data_categories]]
id = "convictions"
name = "Criminal convictions"
criminal_offence = true

[[purposes]]
name = "Licensing taxi drivers"
data_categories = ["convictions"]
criminal_offence_condition = "DPA 2018 Sch. 1 para 6: statutory purposes (Local Government (Miscellaneous Provisions) Act 1976)"
```

## How to fix
Add `criminal_offence_condition = "..."`: "official authority" with the law
that gives it, or the Schedule 1 condition.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/10",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // Unstated is a finding: prose about crime, offences or convictions
    // while no category is marked leaves this rule nothing to check.
    out.extend(unmarked_mention(cx, Implied::CriminalOffence));
    let criminal: Vec<(usize, &str)> = cx
        .notice
        .data_categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.criminal_offence)
        .filter_map(|(i, c)| c.id.as_deref().map(|id| (i, id)))
        .collect();
    for (at, purpose) in cx.gdpr_purposes() {
        let used = criminal
            .iter()
            .find(|(_, id)| purpose.data_categories.iter().flatten().any(|c| c == id));
        if let Some((index, _)) = used
            && !present(&purpose.criminal_offence_condition)
        {
            out.push(
                Finding::new(
                    at.key("criminal_offence_condition"),
                    format!(
                        "{} uses criminal offence data but gives no condition for it",
                        cx.purpose_label(&at, purpose)
                    ),
                    "add `criminal_offence_condition = \"...\"` naming the DPA 2018 Schedule 1 condition",
                )
                .label("the condition belongs in this purpose")
                .related(
                    KeyPath::root().key("data_categories").index(*index).key("criminal_offence"),
                    "criminal offence data",
                ),
            );
        }
    }
    // Criminal offence data that no purpose uses is covered by no condition.
    for (index, id) in &criminal {
        let used = cx
            .purposes()
            .any(|(_, p)| p.data_categories.iter().flatten().any(|c| c == id));
        if !used {
            out.push(Finding::new(
                KeyPath::root().key("data_categories").index(*index).key("criminal_offence"),
                format!("criminal offence data `{id}` is not used by any purpose, so no condition covers it"),
                format!("add \"{id}\" to the `data_categories` of the purposes that use it, with their `criminal_offence_condition`"),
            ));
        }
    }
}
