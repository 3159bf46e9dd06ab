//! `controller-identity` (N001): who the controller is and how to reach them.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N001",
    name: "controller-identity",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice names the controller and gives a postal address and another way to contact them",
    docs: r#"## What it checks
That `[controller]` gives the controller's name, a postal address, and at
least one of an email address, a telephone number or a web form.

## Why it matters
UK GDPR Art. 13(1)(a) and 14(1)(a) require the identity and contact details
of the controller, so people know who is responsible for their data and how
to reach them. (DPA 2018 s.44(1)(a) for law-enforcement processing.)

## Example
```toml
[controller]
name = "Example Borough Council"
kind = "public-authority"
address = "Town Hall, High Street, Exampleton, EX1 1AA"
email = "dataprotection@example.gov.uk"
```

## How to fix
Add the missing details to `[controller]`. Use a contact route that is
monitored: a shared mailbox, not a person's own address.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("controller");
    let Some(controller) = &cx.notice.controller else {
        out.push(
            Finding::new(
                at,
                "the notice does not say who the controller is",
                "add a `[controller]` table with `name`, `address` and an `email`, `phone` or `web_form`",
            )
            .label("`[controller]` belongs in this file"),
        );
        return;
    };
    if !present(&controller.contact.name) {
        out.push(Finding::new(
            at.key("name"),
            "the controller has no name",
            "add `name = \"...\"` with the organisation's legal name",
        ));
    }
    if !present(&controller.contact.address) {
        out.push(Finding::new(
            at.key("address"),
            "the controller has no postal address",
            "add `address = \"...\"` with the controller's postal address",
        ));
    }
    if ![
        &controller.contact.email,
        &controller.contact.phone,
        &controller.contact.web_form,
    ]
    .into_iter()
    .any(present)
    {
        out.push(Finding::new(
            at.key("email"),
            "the controller has no email, phone or web form",
            "add at least one of `email`, `phone` or `web_form` to `[controller]`",
        ));
    }
}
