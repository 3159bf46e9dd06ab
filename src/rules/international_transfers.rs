//! `international-transfers` (N012): whether data leaves the UK, and on what terms.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;
use crate::model::TransferMechanism;

pub const RULE: Rule = Rule {
    code: "N012",
    name: "international-transfers",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice states whether data leaves the UK and, if so, where and under which safeguard",
    docs: r#"## What it checks
That `[transfers]` states `outside_uk = true` or `false`. When true: that
each `[[transfers.destinations]]` entry names the destination and the
mechanism (adequacy, idta, addendum, bcr or derogation), and that an IDTA,
Addendum or binding corporate rules say how to get a copy (`copy`).

## Why it matters
UK GDPR Art. 13(1)(f) and 14(1)(f) require the notice to say whether data is
transferred to a third country, whether UK adequacy regulations cover it, or
which safeguards are relied on and how to obtain a copy (Arts. 45-49). Cloud
services hosted abroad make this common even for councils.

## Example
```toml
[transfers]
outside_uk = true

[[transfers.destinations]]
destination = "United States"
recipient = "survey-provider"
mechanism = "idta"
copy = "Email dpo@example.gov.uk for a copy of the agreement."
```

## How to fix
State `outside_uk = false` if no data leaves the UK; otherwise describe each
destination and its mechanism.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let at = KeyPath::root().key("transfers");
    let Some(outside_uk) = cx.notice.transfers.as_ref().and_then(|t| t.outside_uk) else {
        out.push(
            Finding::new(
                at.key("outside_uk"),
                "the notice does not say whether personal data leaves the UK",
                "add `[transfers]` with `outside_uk = false`, or `true` and the destinations",
            )
            .label("`[transfers]` with `outside_uk` belongs here"),
        );
        return;
    };
    let destinations = cx
        .notice
        .transfers
        .as_ref()
        .map(|t| t.destinations.as_slice())
        .unwrap_or_default();
    if !outside_uk {
        if !destinations.is_empty() {
            out.push(
                Finding::new(
                    at.key("outside_uk"),
                    "the notice says data does not leave the UK but lists destinations",
                    "set `outside_uk = true`, or remove the destinations",
                )
                .related(at.key("destinations"), "destinations listed here"),
            );
        }
        return;
    }
    if destinations.is_empty() {
        out.push(Finding::new(
            at.key("destinations"),
            "the notice says data leaves the UK but not where to",
            "add a `[[transfers.destinations]]` entry with `destination` and `mechanism` for each transfer",
        ));
    }
    for (i, transfer) in destinations.iter().enumerate() {
        let at = at.key("destinations").index(i);
        if !present(&transfer.destination) {
            out.push(Finding::new(
                at.key("destination"),
                "this transfer does not name the country or organisation",
                "add `destination = \"...\"`",
            ));
        }
        match transfer.mechanism {
            None => out.push(Finding::new(
                at.key("mechanism"),
                "this transfer does not say which safeguard it relies on",
                "add `mechanism`: adequacy, idta, addendum, bcr or derogation",
            )),
            Some(
                TransferMechanism::Idta | TransferMechanism::Addendum | TransferMechanism::Bcr,
            ) if !present(&transfer.copy) => {
                out.push(Finding::new(
                    at.key("copy"),
                    "this transfer relies on safeguards but does not say how to get a copy",
                    "add `copy = \"...\"` saying how to obtain a copy, e.g. by emailing the DPO",
                ));
            }
            Some(_) => {}
        }
    }
}
