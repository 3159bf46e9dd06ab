//! `data-categories` (N010): what data is used, when it comes from elsewhere.

use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "N010",
    name: "data-categories",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose that gets data from other sources says which categories of data",
    docs: r#"## What it checks
For each purpose with `other_sources` (data not collected from the person
themselves): that `data_categories` lists the categories of data used.

## Why it matters
UK GDPR Art. 14(1)(d) requires the categories of personal data when data is
obtained from somewhere else, because the person may not know what is held
about them. (It is good practice under Art. 13 too.)

## Example
```toml
[[data_categories]]
id = "benefits"
name = "Benefit entitlement"

[[purposes]]
name = "Awarding council tax reduction"
other_sources = [{ name = "Department for Work and Pensions" }]
data_categories = ["benefits"]
```

## How to fix
Define the categories with `[[data_categories]]` and list their ids in the
purpose's `data_categories`.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/14",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, purpose) in cx.gdpr_purposes() {
        let from_elsewhere = purpose
            .other_sources
            .as_ref()
            .is_some_and(|s| !s.is_empty());
        if from_elsewhere && purpose.data_categories.as_ref().is_none_or(Vec::is_empty) {
            out.push(
                Finding::new(
                    at.key("data_categories"),
                    format!(
                        "{} gets data from other sources but does not say what data",
                        cx.purpose_label(&at, purpose)
                    ),
                    "add `data_categories = [\"...\"]` with the ids of the `[[data_categories]]` used",
                )
                .label("`data_categories` belongs in this purpose")
                .related(at.key("other_sources"), "data from other sources"),
            );
        }
    }
}
