//! `controller-identity` (N001): who the controller is and how to reach them.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::{Contact, KeyPath};

pub const RULE: Rule = Rule {
    code: "N001",
    name: "controller-identity",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice names the controller and says how to contact them",
    docs: r#"## What it checks
That `[controller]` gives the controller's name and at least one contact
detail: a postal address, an email address, a telephone number or a web
form (an error when there is none). A postal address alone is a contact
detail; when neither the controller nor its data protection officer can
be reached by email, phone or web form as well, the finding is a warning.

## Why it matters
UK GDPR Art. 13(1)(a) and 14(1)(a) require "the identity and the contact
details of the controller", so people know who is responsible for their
data and how to reach them (DPA 2018 s.44(1)(a) for law-enforcement
processing). A postal address meets that; a quicker route is good
practice, since Art. 12(2) asks controllers to make exercising rights easy.

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
    let contact = &controller.contact;
    let electronic = |contact: &Contact| {
        [&contact.email, &contact.phone, &contact.web_form]
            .into_iter()
            .any(present)
    };
    // The DPO is the organisation's own route for questions about people's
    // data: their email or phone is the quicker route good practice asks for.
    let dpo_electronic = cx
        .notice
        .dpo
        .as_ref()
        .is_some_and(|d| electronic(&d.contact));
    match (present(&contact.address), electronic(contact)) {
        (false, false) => out.push(Finding::new(
            at.key("address"),
            "the controller has no contact details",
            "add the controller's postal `address`, and an `email`, `phone` or `web_form`",
        )),
        (true, false) if !dpo_electronic => out.push(
            Finding::new(
                at.key("email"),
                "the controller can only be contacted by post",
                "add an `email`, `phone` or `web_form` as well: a quicker route is good practice (Art. 12(2))",
            )
            .warning(),
        ),
        _ => {}
    }
}
