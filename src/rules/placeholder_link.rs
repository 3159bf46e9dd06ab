//! `placeholder-link` (Q007): links that go nowhere and text that points at
//! something that is not there.

use pulldown_cmark::{Event, Parser, Tag};

use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "Q007",
    name: "placeholder-link",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Prose has no placeholder links or references to missing attachments",
    docs: r#"## What it checks
Every prose field, for Markdown links with no destination or `#`, and for
wording that points at something the notice does not contain: "link
below", "attached below", "click here", "at here", "[link]", "insert link".

## Why it matters
Notices copied from a CMS often lose their links and attachments. A reader
told to follow "the link below" that is not there cannot find the
information, so the notice is not "easily accessible" as UK GDPR Art. 12(1)
requires.

## Example
```toml
[[sections]]
body = "Read our [cookie policy](#)."
```

## How to fix
Put the real address in the link, or describe the information in the notice
itself. Name links by where they go ("our cookie policy"), not "click here".
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: Some(check),
};

/// Wording that points at something missing (lowercase).
const PHRASES: &[&str] = &[
    "link below",
    "attached below",
    "click here",
    "at here",
    "[link]",
    "insert link",
    "link to follow",
];

/// The phrases, searched with every other rule's
/// ([`super::text::PhraseList`]).
pub static PLACEHOLDER_PHRASES: super::text::PhraseList = super::text::PhraseList {
    phrases: || PHRASES.to_vec(),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (field, (at, text)) in cx.prose().iter().enumerate() {
        // Only text with a link can have an empty one; parsing is the cost.
        // A link has its destination after `](`, or in a reference
        // definition (`[nfi]: #`), after `]:`.
        let links = if text.contains("](") || text.contains("]:") {
            Some(Parser::new(text))
        } else {
            None
        };
        for (event, range) in links.into_iter().flat_map(Parser::into_offset_iter) {
            if let Event::Start(Tag::Link { dest_url, .. }) = event
                && matches!(dest_url.trim(), "" | "#")
            {
                out.push(
                    Finding::new(
                        at.clone(),
                        "this link goes nowhere",
                        "give the link its real address, e.g. `(https://www.example.gov.uk/cookies)`",
                    )
                    .label("placeholder link")
                    .within(range),
                );
            }
        }
        let found = cx.phrases(field).first_of_each(&PLACEHOLDER_PHRASES);
        for (phrase, found) in PHRASES.iter().zip(found) {
            if let Some(start) = found {
                out.push(
                    Finding::new(
                        at.clone(),
                        format!(
                            "\"{}\" points at something the notice does not contain",
                            &text[start..start + phrase.len()]
                        ),
                        "link to the information with its real address, or put it in the notice",
                    )
                    .label("placeholder")
                    .within(start..start + phrase.len()),
                );
            }
        }
    }
}
