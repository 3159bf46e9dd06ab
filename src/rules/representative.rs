//! `representative` (N002): the UK representative of a controller outside the UK.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N002",
    name: "representative",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "A controller outside the UK names its UK representative",
    docs: r#"## What it checks
When `[controller]` says `established_in_uk = false`, that `[representative]`
gives the representative's name and at least one contact route.

## Why it matters
UK GDPR Art. 27 requires a controller outside the UK to appoint a
representative in the UK, and Art. 13(1)(a) and 14(1)(a) require the notice
to give the representative's identity and contact details.

## Example
```toml
[controller]
established_in_uk = false

[representative]
name = "Example Representative Ltd"
email = "uk-rep@example.co.uk"
```

## How to fix
Add a `[representative]` table with `name` and an `email`, `phone`,
`address` or `web_form`. A council is established in the UK and does not
need one.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/27",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let outside_uk = cx
        .notice
        .controller
        .as_ref()
        .and_then(|c| c.established_in_uk)
        == Some(false);
    if !outside_uk {
        return;
    }
    let at = KeyPath::root().key("representative");
    let Some(rep) = &cx.notice.representative else {
        out.push(
            Finding::new(
                at,
                "a controller outside the UK must name its UK representative",
                "add a `[representative]` table with `name` and contact details",
            )
            .related(
                KeyPath::root().key("controller").key("established_in_uk"),
                "the controller is outside the UK",
            ),
        );
        return;
    };
    if !present(&rep.contact.name) {
        out.push(Finding::new(
            at.key("name"),
            "the UK representative has no name",
            "add `name = \"...\"` to `[representative]`",
        ));
    }
    if ![
        &rep.contact.email,
        &rep.contact.phone,
        &rep.contact.address,
        &rep.contact.web_form,
    ]
    .into_iter()
    .any(present)
    {
        out.push(Finding::new(
            at.key("email"),
            "the UK representative has no contact details",
            "add an `email`, `phone`, `address` or `web_form` to `[representative]`",
        ));
    }
}
