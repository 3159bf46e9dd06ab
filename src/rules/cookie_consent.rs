//! `cookie-consent` (Q008): tracking cookies described without consent.

use super::text::PhraseList;
use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "Q008",
    name: "cookie-consent",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Tracking or analytics cookies are described together with how consent is asked for",
    docs: r#"## What it checks
Every prose field that mentions tracking, advertising or analytics cookies
(or Google Analytics): that the same text, or the notice, says consent is
asked for (or which exception applies).

## Why it matters
The Privacy and Electronic Communications Regulations 2003 (PECR) reg. 6
require consent before storing non-essential cookies, such as tracking and
advertising cookies, on someone's device; the Data (Use and Access) Act 2025
added narrow exceptions (for example some statistical analytics, with a
simple way to object). An opt-out browser add-on is not consent. The notice
must describe what actually happens.

## Example
```toml
[[sections]]
title = "Tracking cookies"
body = "We use Google Analytics cookies to track visitors. You can use the opt-out add-on."
```

## How to fix
Set non-essential cookies only after people agree, and say so ("we only set
analytics cookies if you accept them in our cookie banner"), or name the
PECR exception relied on and how to object.
"#,
    url: "https://www.legislation.gov.uk/uksi/2003/2426/regulation/6",
    check: Some(check),
};

const TRACKING: &[&str] = &[
    "google analytics",
    "tracking cookie",
    "analytics cookie",
    "advertising cookie",
    "marketing cookie",
    "third-party cookie",
    "third party cookie",
];

const CONSENT: &[&str] = &[
    "consent",
    "accept",
    "agree",
    "cookie banner",
    "cookie settings",
];

/// "cookie", then the words of consent; searched with every other rule's
/// phrases ([`super::text::PhraseList`]).
pub static CONSENT_PHRASES: PhraseList = PhraseList {
    phrases: || {
        std::iter::once("cookie")
            .chain(CONSENT.iter().copied())
            .collect()
    },
};

/// The kinds of tracking cookie, searched the same way.
pub static TRACKING_PHRASES: PhraseList = PhraseList {
    phrases: || TRACKING.to_vec(),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let prose = cx.prose();
    let mentions_consent = |field: usize| {
        let found = cx.phrases(field).first_of_each(&CONSENT_PHRASES);
        found[0].is_some() && found[1..].iter().any(Option::is_some)
    };
    if (0..prose.len()).any(mentions_consent) {
        return;
    }
    for (field, (at, _)) in prose.iter().enumerate() {
        // The first tracking phrase in the text (the earliest; of two at the
        // same place, the first in alphabetical order).
        if let Some((start, phrase)) = cx
            .phrases(field)
            .first_of_each(&TRACKING_PHRASES)
            .into_iter()
            .zip(TRACKING)
            .filter_map(|(found, phrase)| found.map(|i| (i, *phrase)))
            .min()
        {
            out.push(
                Finding::new(
                    at.clone(),
                    "tracking cookies are described without saying that consent is asked for",
                    "say that these cookies are only set when people agree, or which PECR exception applies and how to object",
                )
                .label("tracking cookies")
                .within(start..start + phrase.len()),
            );
        }
    }
}
