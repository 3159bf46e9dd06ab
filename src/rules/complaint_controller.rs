//! `complaint-controller` (N016): how to complain to the controller itself.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N016",
    name: "complaint-controller",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice says how to complain to the council itself",
    docs: r#"## What it checks
That `[complaints.controller]` gives a way to complain: a description of the
process, an email address, a web form, a postal address or a phone number.

## Why it matters
Since 19 June 2026 (Data (Use and Access) Act 2025 s.103 and Sch. 10; SI
2026/82 reg. 3) a notice must give "the right to make a complaint to the
controller under section 164A of the 2018 Act" (UK GDPR Art. 13(2)(ca),
14(2)(da)). DPA 2018 s.164A lets anyone complain to the controller about an
infringement of the UK GDPR or Part 3, and requires the controller to
"facilitate the making of complaints ... by taking steps such as providing
a complaint form which can be completed electronically and by other means"
(s.164A(2)), to acknowledge a complaint within 30 days (s.164A(3)) and to
respond without undue delay (s.164A(4)). Complaining to the controller is
not a condition of complaining to the regulator: the right in Art. 77 is
unconditional, so the page never says "complain to us first".

## Example
```toml
[complaints.controller]
description = "We will acknowledge your complaint within 30 days."
web_form = "https://www.example.gov.uk/data-protection-complaint"
```

## How to fix
Add `[complaints.controller]` with at least one way to complain.
"#,
    url: "https://www.legislation.gov.uk/ukpga/2018/12/section/164A",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("complaints").key("controller");
    let routes = cx
        .notice
        .complaints
        .as_ref()
        .and_then(|c| c.controller.as_ref());
    let has_route = routes.is_some_and(|c| {
        [
            &c.description,
            &c.contact.email,
            &c.contact.web_form,
            &c.contact.address,
            &c.contact.phone,
        ]
        .into_iter()
        .any(present)
    });
    if !has_route {
        out.push(
            Finding::new(
                at,
                "the notice does not say how to complain to the controller",
                "add `[complaints.controller]` with a `web_form`, `email` or `description` of the complaints process",
            )
            .label("`[complaints.controller]` belongs here"),
        );
    }
}
