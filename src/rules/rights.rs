//! `rights` (N014): the rights that apply, and how to use them.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::law::rights::{Availability, applicable_rights};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N014",
    name: "rights",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice says how to use data protection rights, and lists exactly the rights the lawful bases give",
    docs: r#"## What it checks
That `[rights]` says how to make a request (`how_to_exercise`). When the
notice lists rights itself (`listed`), that the list matches the rights
its purposes give: a right that no purpose gives (for example portability
when every purpose is a public task) is an error, and a right that some
purpose gives but is missing is an error (a warning when the right is only
limited, like erasure under a public task). Leave `listed` out and noticec
derives the rights when it builds the page.

Rights are derived for each purpose from its own lawful bases (and Art. 9
condition), then gathered: the page says which purposes a right applies to
when it does not apply to all, and keeps each purpose's limits — a consent
purpose does not remove the erasure limit of a legal-obligation purpose.

## Why it matters
UK GDPR Art. 13(2)(b) and 14(2)(c) require "the existence of the right to
request from the controller access to and rectification or erasure of
personal data or restriction of processing ... or to object to processing
as well as the right to data portability" — as they apply. A notice that
promises rights that do not exist misleads people; one that omits rights
denies them. DPA 2018 s.44(1)(d) lists the rights for law-enforcement
processing (ss.45-47), which may be restricted.

| right | applies under |
|---|---|
| access, rectification, restriction | every basis |
| erasure | every basis; limited under legal obligation and public task (Art. 17(3)(b)) |
| portability | consent (6(1)(a) or 9(2)(a)) or contract, for data the person provided, processed by automated means (Art. 20(1)) |
| object | public task, recognised legitimate interest, legitimate interests (Art. 21(1), on grounds relating to the person's situation); direct marketing, always (Art. 21(2)-(3)) |
| withdraw consent | consent, explicit consent (Art. 7(3)) |

## Example
```toml
[rights]
how_to_exercise = "Email dpo@example.gov.uk or write to the Data Protection Officer."
free_of_charge = true
```

## How to fix
Add `how_to_exercise`. Remove `listed` to let noticec derive the list, or
correct it as the message says.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("rights");
    let Some(rights) = &cx.notice.rights else {
        out.push(
            Finding::new(
                at,
                "the notice does not tell people about their rights or how to use them",
                "add a `[rights]` table with `how_to_exercise` and `free_of_charge = true`",
            )
            .label("`[rights]` belongs in this file"),
        );
        return;
    };
    if !present(&rights.how_to_exercise) {
        out.push(Finding::new(
            at.key("how_to_exercise"),
            "the notice does not say how to make a rights request",
            "add `how_to_exercise = \"...\"`: who to contact and how",
        ));
    }
    let Some(listed) = &rights.listed else {
        return;
    };
    // Rights follow from the purposes' lawful bases: with no purposes there
    // is nothing to compare the list with (`purposes` reports that), and a
    // purpose without a basis could give any right. One note, not a
    // finding per right.
    if cx.notice.purposes.is_empty() {
        return;
    }
    let unstated = cx
        .gdpr_purposes()
        .filter(|(_, p)| p.lawful_bases.as_deref().is_none_or(<[_]>::is_empty))
        .count();
    if unstated > 0 {
        out.push(
            Finding::new(
                at.key("listed"),
                "the rights listed cannot be checked until every purpose states its lawful basis",
                "add `lawful_bases` to the purposes that lack one (see `lawful-basis`); noticec then checks this list",
            )
            .label("not checked yet")
            .warning(),
        );
        return;
    }
    let applicable = applicable_rights(cx.notice, cx.profile.law_enforcement);
    for (i, right) in listed.iter().enumerate() {
        if !applicable.contains_key(right) {
            out.push(
                Finding::new(
                    at.key("listed").index(i),
                    format!(
                        "the notice offers {}, which no purpose in it gives",
                        right.name()
                    ),
                    format!(
                        "remove \"{}\" from `listed`; {}",
                        right.key(),
                        why_not(*right)
                    ),
                )
                .label("does not apply"),
            );
        }
    }
    for (right, availability) in &applicable {
        if listed.contains(right) {
            continue;
        }
        let finding = Finding::new(
            at.key("listed"),
            format!("the notice does not tell people about {}", right.name()),
            format!(
                "add \"{}\" to `listed`, or remove `listed` so noticec derives the rights from the lawful bases",
                right.key()
            ),
        )
        .label("incomplete list");
        out.push(match availability {
            Availability::Full | Availability::Conditional => finding,
            Availability::Limited => finding.warning(),
        });
    }
}

fn why_not(right: crate::model::Right) -> &'static str {
    use crate::model::Right::*;
    match right {
        Portability => {
            "portability only applies to consent (Art. 6(1)(a) or 9(2)(a)) and contract (Art. 20(1))"
        }
        Object => {
            "the right to object only applies to public task, recognised legitimate interest, legitimate interests (Art. 21(1)) and direct marketing (Art. 21(2))"
        }
        WithdrawConsent => "no purpose relies on consent (Art. 7(3))",
        AutomatedDecisions => "`[automated_decisions]` does not say `used = true` (Art. 22C)",
        Access | Rectification | Erasure | Restriction => "no purpose has a lawful basis yet",
    }
}
