//! `dpo-contact` (N003): how to reach the data protection officer.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N003",
    name: "dpo-contact",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice gives a working way to contact the data protection officer",
    docs: r#"## What it checks
That `[dpo]` gives at least one contact route (email, phone, address or web
form). A public authority must have a DPO, so for one `appointed = false` is
itself a finding. A body that is not a public authority may state
`appointed = false`; if it says nothing, that is reported as a warning.

## Why it matters
UK GDPR Art. 13(1)(b) and 14(1)(b) require the DPO's contact details where
there is a DPO; Art. 37(1)(a) requires every public authority to designate
one. (DPA 2018 s.44(1)(b) for law-enforcement processing.) A named person
is optional; a working contact route is not.

## Example
```toml
[dpo]
name = "Data Protection Officer"
email = "dpo@example.gov.uk"
```

## How to fix
Add a `[dpo]` table with a monitored email address or another contact route.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/37",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("dpo");
    let public = cx.is_public_authority();
    let Some(dpo) = &cx.notice.dpo else {
        let finding = Finding::new(
            at,
            "the notice does not say how to contact the data protection officer",
            "add a `[dpo]` table with an `email`, `phone`, `address` or `web_form`",
        )
        .label("`[dpo]` belongs in this file");
        out.push(if public || cx.notice.controller.is_none() {
            finding
        } else {
            finding.warning()
        });
        return;
    };
    if dpo.appointed == Some(false) {
        if public {
            out.push(
                Finding::new(
                    at.key("appointed"),
                    "a public authority must have a data protection officer",
                    "appoint a DPO (Art. 37(1)(a)) and give their contact details in `[dpo]`",
                )
                .cite("UK GDPR Art. 37(1)(a)"),
            );
        }
        return;
    }
    if ![
        &dpo.contact.email,
        &dpo.contact.phone,
        &dpo.contact.address,
        &dpo.contact.web_form,
    ]
    .into_iter()
    .any(present)
    {
        out.push(Finding::new(
            at.key("email"),
            "the data protection officer has no contact details",
            "add an `email`, `phone`, `address` or `web_form` to `[dpo]`",
        ));
    }
}
