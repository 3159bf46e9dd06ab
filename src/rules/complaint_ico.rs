//! `complaint-ico` (N017): the right to complain to the Information Commissioner.

use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N017",
    name: "complaint-ico",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice tells people they can complain to the regulator (the ICO), with its contact details",
    docs: r#"## What it checks
That the notice has a `[complaints.ico]` table. An empty table is enough:
noticec then prints the regulator's published contact details (its name,
postal address, helpline and complaint page, kept in one place in noticec).
Set `name`, `address`, `phone` or `website` to override them.

## Why it matters
UK GDPR Art. 13(2)(d) and 14(2)(e) require the notice to state the right to
lodge a complaint with the regulator, which Art. 77 gives to everyone
without conditions: people may complain to the controller too (see
`complaint-controller`), but need not. DPA 2018 s.44(1)(e) does the same
for law-enforcement processing. The regulator is the Information
Commission (ICO), which replaced the Information Commissioner (Data (Use
and Access) Act 2025 ss.117-119); the page names it as it was named on the
day the page is built.

## Example
```toml
[complaints.ico]
```

## How to fix
Add `[complaints.ico]` to the notice.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx
        .notice
        .complaints
        .as_ref()
        .and_then(|c| c.ico.as_ref())
        .is_none()
    {
        out.push(
            Finding::new(
                KeyPath::root().key("complaints").key("ico"),
                "the notice does not mention the right to complain to the regulator (the ICO)",
                "add an empty `[complaints.ico]` table to use the regulator's published contact details",
            )
            .label("`[complaints.ico]` belongs here"),
        );
    }
}
