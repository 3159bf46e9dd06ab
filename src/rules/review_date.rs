//! `review-date` (Q003): the notice says when it was updated, and is reviewed.

use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "Q003",
    name: "review-date",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice gives the date it was last updated, within its review period",
    docs: r#"## What it checks
That `[notice]` has `last_updated` as a TOML date (`2026-04-01`), that it is
not in the future, and that it is no older than `review_period_months`
(12 months unless set).

## Why it matters
The ICO's right to be informed guidance asks controllers to keep privacy
information under regular review and to tell people when it was last
updated. (UK GDPR Art. 13(3) and 14(4) are about something else: telling
people before data is used for a new purpose.) A notice that is never
reviewed drifts away from what the council does.

## Example
```toml
[notice]
last_updated = 2026-04-01
review_period_months = 12
```

## How to fix
Review the notice, then set `last_updated` to the date of the review.
"#,
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/the-right-to-be-informed/",
    check: Some(check),
};

/// How often a notice is reviewed when it does not say.
pub const DEFAULT_REVIEW_MONTHS: u32 = 12;

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("notice").key("last_updated");
    let meta = cx.notice.notice.as_ref();
    let Some(datetime) = meta.and_then(|m| m.last_updated.as_ref()) else {
        out.push(
            Finding::new(
                at,
                "the notice does not say when it was last updated",
                "add `last_updated = 2026-04-01` (the date of the last review) to `[notice]`",
            )
            .label("`last_updated` belongs here"),
        );
        return;
    };
    let date = match (datetime.date, datetime.time) {
        (Some(d), None) => jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok(),
        _ => None,
    };
    let Some(date) = date else {
        out.push(Finding::new(
            at,
            "`last_updated` must be a date without a time",
            "write just the date, e.g. `last_updated = 2026-04-01`",
        ));
        return;
    };
    if date > cx.today {
        out.push(
            Finding::new(
                at,
                format!("the last-updated date {date} is in the future"),
                "set `last_updated` to the date the notice was actually last reviewed",
            )
            .label("in the future"),
        );
        return;
    }
    let months = meta
        .and_then(|m| m.review_period_months)
        .unwrap_or(DEFAULT_REVIEW_MONTHS)
        .clamp(1, 1200);
    let due = date
        .checked_add(jiff::Span::new().months(i64::from(months)))
        .unwrap_or(jiff::civil::Date::MAX);
    if due < cx.today {
        out.push(
            Finding::new(
                at,
                format!("the notice was last updated on {date}, more than {months} months ago"),
                format!("review the notice (it was due by {due}) and update `last_updated`"),
            )
            .label("overdue for review"),
        );
    }
}
