//! `special-category-condition` (N008): the Art. 9 condition for special category data.

use super::implied::{Implied, unmarked_mention};
use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;
use crate::model::SpecialCategoryCondition as C;

pub const RULE: Rule = Rule {
    code: "N008",
    name: "special-category-condition",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose using special category data gives the Art. 9(2) condition and, where needed, the DPA 2018 Schedule 1 condition",
    docs: r#"## What it checks
For each purpose that uses a data category marked `special_category = true`:
that `special_category_conditions` names the Art. 9(2) condition(s); that
conditions (b), (h), (i) and (j) are backed by a DPA 2018 Schedule 1 Part 1
condition and (g) by a Schedule 1 Part 2 condition in
`schedule_1_conditions`. (An appropriate policy document is needed for most
Schedule 1 conditions but need not be published, so a link is optional:
`appropriate_policy_document` is shown when given.)
Special category data that no purpose uses is also reported, and so is
prose that names special category data (health information, ethnicity,
religion, disability, sexual orientation, equalities monitoring …) while
no data category is marked `special_category`: the notice then does not
say what it leaves this rule to check.

## Why it matters
Special category data (health, ethnicity, religion, sexual orientation …)
may only be used under an Art. 9(2) condition; DPA 2018 s.10 requires a
Schedule 1 condition for (b), (g), (h), (i) and (j), and Schedule 1 Part 4
an appropriate policy document for most Part 2 conditions (which need not
be published). Naming the condition in the notice is ICO good practice
rather than an item that Art. 13 or 14 lists, so the finding is a warning
by default.

## Example
```toml
[[data_categories]]
id = "health"
name = "Health information"
special_category = true

[[purposes]]
name = "Assessing adult social care needs"
data_categories = ["health"]
special_category_conditions = ["health-social-care"]
schedule_1_conditions = ["Sch. 1 para 2: health or social care purposes"]
```

## How to fix
Add the conditions relied on, and link the policy document with
`appropriate_policy_document`.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/9",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // Unstated is a finding: prose that names special category data while
    // no category is marked leaves this rule nothing to check.
    out.extend(unmarked_mention(cx, Implied::SpecialCategory));
    let special: Vec<(usize, &str)> = cx
        .notice
        .data_categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.special_category)
        .filter_map(|(i, c)| c.id.as_deref().map(|id| (i, id)))
        .collect();
    let mut used = vec![false; special.len()];
    for (at, purpose) in cx.purposes() {
        let uses: Vec<usize> = special
            .iter()
            .enumerate()
            .filter(|(_, (_, id))| purpose.data_categories.iter().flatten().any(|c| c == id))
            .map(|(n, _)| n)
            .collect();
        for &n in &uses {
            used[n] = true;
        }
        // Part 3 has its own regime for sensitive processing (s.35(3)-(5)).
        if uses.is_empty() || cx.is_law_enforcement(purpose) {
            continue;
        }
        let name = cx.purpose_label(&at, purpose);
        let conditions = purpose
            .special_category_conditions
            .as_deref()
            .unwrap_or_default();
        if conditions.is_empty() {
            let mut finding = Finding::new(
                at.key("special_category_conditions"),
                format!("{name} uses special category data but gives no Art. 9(2) condition"),
                "add `special_category_conditions = [\"...\"]`, e.g. \"substantial-public-interest\" or \"health-social-care\"",
            )
            .label("the condition belongs in this purpose");
            for &n in &uses {
                finding = finding.related(
                    KeyPath::root()
                        .key("data_categories")
                        .index(special[n].0)
                        .key("special_category"),
                    "special category data",
                );
            }
            out.push(finding);
            continue;
        }
        let needs_schedule_1 = conditions.iter().any(|c| {
            matches!(
                c,
                C::EmploymentSocialSecurity
                    | C::SubstantialPublicInterest
                    | C::HealthSocialCare
                    | C::PublicHealth
                    | C::ArchivingResearch
            )
        });
        let schedule_1 = purpose.schedule_1_conditions.as_deref().unwrap_or_default();
        if needs_schedule_1 && !schedule_1.iter().any(|c| !c.trim().is_empty()) {
            out.push(
                Finding::new(
                    at.key("schedule_1_conditions"),
                    format!("{name} needs a DPA 2018 Schedule 1 condition for its Art. 9(2) condition"),
                    "add `schedule_1_conditions = [\"...\"]` naming the Schedule 1 paragraph relied on",
                )
                .cite("DPA 2018 s.10(2)-(3), Sch. 1"),
            );
        }
    }
    for (n, (index, id)) in special.iter().enumerate() {
        if !used[n] {
            out.push(
                Finding::new(
                    KeyPath::root().key("data_categories").index(*index).key("special_category"),
                    format!("special category data `{id}` is not used by any purpose, so no Art. 9(2) condition covers it"),
                    format!("add \"{id}\" to the `data_categories` of the purposes that use it, with their conditions"),
                ),
            );
        }
    }
}
