//! `data-categories` (N010): what data is used, when it comes from elsewhere.

use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N010",
    name: "data-categories",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A purpose that gets data from other sources says which categories of data",
    docs: r#"## What it checks
For each purpose whose data is, or may be, obtained from other sources
(`other_sources` names some, or does not say — an unstated source counts as
"may be"): that `data_categories` lists the categories of data used. A
category named only "personal information" or "personal data", with no
description, is a warning: it tells people nothing.

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

/// Names that say no more than "personal data".
const GENERIC_CATEGORY: &[&str] = &[
    "personal information",
    "personal data",
    "personal details",
    "your personal information",
    "your personal data",
    "your information",
    "information",
    "data",
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, category) in cx.notice.data_categories.iter().enumerate() {
        let name = category.name.as_deref().unwrap_or("").trim().to_lowercase();
        if GENERIC_CATEGORY.contains(&name.as_str()) && !super::present(&category.description) {
            out.push(
                Finding::new(
                    KeyPath::root().key("data_categories").index(i).key("name"),
                    format!("the data category \"{}\" does not say what kind of data it is", name),
                    "name the kinds of data, e.g. \"Contact details (name, address, phone)\" or \"Financial details (bank account, income)\", or add a `description`",
                )
                .label("only \"personal data\"")
                .warning(),
            );
        }
    }
    for (at, purpose) in cx.gdpr_purposes() {
        // Art. 14(1)(d): data obtained, or that may be obtained, from
        // elsewhere; an unstated source counts as "may be".
        let from_elsewhere = purpose.other_sources.as_ref().is_none_or(|s| !s.is_empty());
        if from_elsewhere && purpose.data_categories.as_ref().is_none_or(Vec::is_empty) {
            out.push(
                Finding::new(
                    at.key("data_categories"),
                    format!(
                        "{} may get data from other sources but does not say what data",
                        cx.purpose_label(&at, purpose)
                    ),
                    "add `data_categories = [\"...\"]` with the ids of the `[[data_categories]]` used",
                )
                .label("`data_categories` belongs in this purpose")
                .per_purpose("no purpose says what data it uses"),
            );
        }
    }
}
