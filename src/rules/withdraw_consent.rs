//! `withdraw-consent` (N015): the right to withdraw consent, and how.

use super::{Context, Finding, Rule, RuleKind, present};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "N015",
    name: "withdraw-consent",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Where consent is relied on, the notice says consent can be withdrawn at any time, and how",
    docs: r#"## What it checks
When any purpose relies on `consent` (Art. 6(1)(a)) or `explicit-consent`
(Art. 9(2)(a)): that `[rights]` has `how_to_withdraw_consent`, and that it
gives a way to do it — an address, link, number or form, not only "you
can withdraw consent at any time" (a warning).

## Why it matters
UK GDPR Art. 13(2)(c) and 14(2)(d) require the notice to say that consent can
be withdrawn at any time; Art. 7(3) requires withdrawing to be as easy as
giving consent, so the notice must say how.

## Example
```toml
[rights]
how_to_withdraw_consent = "Use the unsubscribe link in any email, or email newsletters@example.gov.uk."
```

## How to fix
Add `how_to_withdraw_consent` to `[rights]`.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/7",
    check: Some(check),
};

/// Whether a text gives a way to do something: an address, a link, a
/// number, or an action such as unsubscribing or contacting someone.
fn names_a_route(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains('@')
        || lower.contains("http")
        || lower.chars().filter(char::is_ascii_digit).count() >= 6
        || [
            "unsubscribe",
            "contact",
            "email",
            "e-mail",
            "write to",
            "call",
            "phone",
            "telephone",
            "form",
            "tell us",
            "let us know",
            "link",
            "settings",
            "opt out",
            "opt-out",
            "in person",
            "by post",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // Art. 6(1)(a) or explicit consent under Art. 9(2)(a).
    let consent = cx
        .gdpr_purposes()
        .find(|(_, p)| crate::law::rights::relies_on_consent(p));
    let Some((purpose_at, purpose)) = consent else {
        return;
    };
    let how = cx
        .notice
        .rights
        .as_ref()
        .and_then(|r| r.how_to_withdraw_consent.clone());
    if let Some(text) = how.as_deref().filter(|t| !t.trim().is_empty())
        && !names_a_route(text)
    {
        out.push(
            Finding::new(
                KeyPath::root().key("rights").key("how_to_withdraw_consent"),
                "the notice says consent can be withdrawn but not how",
                "say how: the email address, form, link or phone number to use (withdrawing must be as easy as consenting, Art. 7(3))",
            )
            .label("no way to withdraw given")
            .warning(),
        );
    }
    if !present(&how) {
        out.push(
            Finding::new(
                KeyPath::root().key("rights").key("how_to_withdraw_consent"),
                "consent is relied on but the notice does not say how to withdraw it",
                "add `how_to_withdraw_consent = \"...\"` to `[rights]`: withdrawing must be as easy as consenting",
            )
            .label("`how_to_withdraw_consent` belongs here")
            .related(
                purpose_at.key("lawful_bases"),
                format!("{} relies on consent", cx.purpose_label(&purpose_at, purpose)),
            ),
        );
    }
}
