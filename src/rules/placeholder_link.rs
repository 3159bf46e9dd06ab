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
        // Parsing is the cost: only a field that may have an empty link
        // is parsed.
        let links = if may_have_empty_link(text) {
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

/// Whether a field may have a link to nowhere (no destination, or `#`):
/// a destination after `](` (an inline link) or `]:` (a reference
/// definition, `[nfi]: #`), past white space, that starts with `)` (none,
/// inline only), `#`, `<` (`<>`, `<#>`, and `<> "title"`: a title comes
/// after a destination), or `&` or `\` (`&#35;`, `\#`: a `#` written
/// another way). Most links go to a web address and are not parsed for
/// this.
fn may_have_empty_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b']', bytes).any(|at| {
        let (inline, rest) = match bytes.get(at + 1) {
            Some(b'(') => (true, &bytes[at + 2..]),
            Some(b':') => (false, &bytes[at + 2..]),
            _ => return false,
        };
        let start = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .map_or(&[][..], |i| &rest[i..]);
        match start.first() {
            Some(b'#' | b'<' | b'&' | b'\\') => true,
            Some(b')') => inline,
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the parser finds a link to nowhere in `text`.
    fn parsed_empty_link(text: &str) -> bool {
        Parser::new(text).any(|event| {
            matches!(event, Event::Start(Tag::Link { dest_url, .. })
                if matches!(dest_url.trim(), "" | "#"))
        })
    }

    /// Every field the parser finds a link to nowhere in is one the
    /// shortcut parses: random fields of links, definitions, escapes,
    /// entities, titles and line breaks.
    #[test]
    fn the_shortcut_never_skips_a_link_to_nowhere() {
        // Noise, and the parts of links: destinations (empty, `#` and
        // `#` written other ways, and real ones), titles, white space.
        let noise = [
            "a", " ", "\n", "\n\n", "[", "]", "(", ")", "!", "*", "\\", ":", "<", "#",
        ];
        let destinations = [
            "",
            "#",
            " # ",
            "<>",
            "<#>",
            "&#35;",
            "&#x23;",
            "\\#",
            "\n#",
            "\n\n#",
            "#top",
            "https://a.gov.uk",
            "<https://a.gov.uk>",
            "a b",
            "(#)",
        ];
        let titles = ["", " \"t\"", " 't'", " (t)", "\n\"t\""];
        let mut random = crate::render::RandomTexts::new(0x6c62_272e_07bb_0142);
        let mut pick = |choices: &[&'static str]| choices[random.below(choices.len())];
        let mut empty = 0;
        for round in 0..50_000 {
            let mut text = String::new();
            for _ in 0..1 + round % 3 {
                text.push_str(pick(&noise));
                let destination = pick(&destinations);
                let title = pick(&titles);
                if pick(&["inline", "reference"]) == "inline" {
                    text.push_str(&format!("[x]({destination}{title})"));
                } else {
                    let gap = pick(&["\n\n", "\n", " "]);
                    let space = pick(&[" ", "", "\n  "]);
                    text.push_str(&format!("[x][r]{gap}[r]:{space}{destination}{title}"));
                }
                text.push_str(pick(&noise));
            }
            if parsed_empty_link(&text) {
                empty += 1;
                assert!(may_have_empty_link(&text), "{text:?}");
            }
        }
        assert!(empty > 5_000, "only {empty} fields had a link to nowhere");
        for text in [
            "[a]()",
            "[a](#)",
            "[a]( <> )",
            "[a](\n#)",
            "[a](&#35;)",
            "[a](\\#)",
            "[a][r]\n\n[r]: #",
            "[a][r]\n\n[r]:\n  <>",
            "[r]\n\n[r]: &#35;",
        ] {
            assert!(parsed_empty_link(text), "{text:?} is a link to nowhere");
            assert!(may_have_empty_link(text), "{text:?}");
        }
        assert!(!may_have_empty_link(
            "See [the page](https://www.modelborough.gov.uk/a) or [r].\n\n[r]: https://b.gov.uk"
        ));
    }
}
