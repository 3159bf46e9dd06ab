//! `retention` (N013): how long data is kept.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N013",
    name: "retention",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice says how long data is kept, or the criteria used to decide",
    docs: r#"## What it checks
That each purpose either refers to a retention rule (`retention = "id"`) or
is covered by a notice-wide `schedule_url` or `criteria` in `[retention]`;
and that each `[[retention.rules]]` entry gives a `period` or `criteria`. A
period without a `trigger` ("6 years" — from when?) is a warning, and so
is criteria that only say "as long as necessary" with no period, trigger
or schedule: the ICO's guidance is that this alone does not tell people
anything.

## Why it matters
UK GDPR Art. 13(2)(a) and 14(2)(a) require the period for which data is
stored or the criteria used to determine it. A link to a published retention
schedule counts as criteria. For law-enforcement processing DPA 2018
s.44(2)(b) asks for it in particular cases, so there it is a warning.

## Example
```toml
[retention]
schedule_url = "https://www.example.gov.uk/retention-schedule"

[[retention.rules]]
id = "council-tax"
records = "Council tax accounts"
period = "6 years"
trigger = "after the end of the financial year in which the account closes"
```

## How to fix
Add `[retention]` with a schedule link or criteria, or rules that purposes
refer to.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("retention");
    let retention = cx.notice.retention.as_ref();
    let notice_wide = retention.is_some_and(|r| present(&r.schedule_url) || present(&r.criteria));
    if let Some(retention) = retention
        && !present(&retention.schedule_url)
        && retention.rules.is_empty()
        && retention
            .criteria
            .as_deref()
            .is_some_and(super::vague_retention)
    {
        out.push(
            Finding::new(
                at.key("criteria"),
                "the notice only says data is kept as long as necessary",
                "give the periods, or the criteria that decide them, e.g. \"6 years after the account closes, the period for bringing claims\", or link the retention schedule with `schedule_url`",
            )
            .label("no period, trigger or criteria")
            .warning(),
        );
    }
    if let Some(retention) = retention {
        for (i, rule) in retention.rules.iter().enumerate() {
            let at = at.key("rules").index(i);
            if !present(&rule.period)
                && rule.criteria.as_deref().is_some_and(super::vague_retention)
            {
                out.push(
                    Finding::new(
                        at.key("criteria"),
                        "this retention rule only says data is kept as long as necessary",
                        "give a `period` and `trigger`, e.g. \"2 years\" \"after the permit ends\", or the criteria that decide it",
                    )
                    .label("no period, trigger or criteria")
                    .warning(),
                );
            } else if !present(&rule.period) && !present(&rule.criteria) {
                out.push(Finding::new(
                    at.key("period"),
                    "this retention rule gives neither a period nor criteria",
                    "add `period = \"...\"` with `trigger`, or `criteria = \"...\"`",
                ));
            } else if present(&rule.period) && !present(&rule.trigger) {
                out.push(
                    Finding::new(
                        at.key("trigger"),
                        "this retention period does not say when it starts",
                        "add `trigger = \"...\"`, e.g. \"after the account is closed\"",
                    )
                    .related(at.key("period"), "the period")
                    .warning(),
                );
            }
        }
    }
    if notice_wide {
        return;
    }
    let mut reported_any = false;
    for (path, purpose) in cx.purposes() {
        if purpose.retention.is_some() {
            continue;
        }
        reported_any = true;
        let finding = Finding::new(
            path.key("retention"),
            format!(
                "{} does not say how long the data is kept",
                cx.purpose_label(&path, purpose)
            ),
            "add `retention = \"rule-id\"` pointing to a `[[retention.rules]]` entry, or a notice-wide `[retention] schedule_url`",
        )
        .label("`retention` belongs in this purpose");
        out.push(if cx.is_law_enforcement(purpose) {
            finding.cite("DPA 2018 s.44(2)(b)").warning()
        } else {
            finding.per_purpose("no purpose says how long the data is kept")
        });
    }
    if !reported_any && cx.notice.purposes.is_empty() {
        out.push(
            Finding::new(
                at,
                "the notice does not say how long data is kept",
                "add `[retention]` with a `schedule_url`, `criteria` or rules",
            )
            .label("`[retention]` belongs in this file"),
        );
    }
}
