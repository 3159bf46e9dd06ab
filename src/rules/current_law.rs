//! `current-law` (Q004): no references to repealed or outdated law.

use super::{Context, Finding, Rule, RuleKind};

pub const RULE: Rule = Rule {
    code: "Q004",
    name: "current-law",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice does not cite repealed law or outdated transfer mechanisms",
    docs: r#"## What it checks
That no text in the notice cites the Data Protection Act 1998, Directive
95/46/EC, the Telecommunications (Lawful Business Practice) Regulations
2000, the "EU GDPR" as the law that applies, the European Economic Area
as the boundary for transfers, or the EU-US Privacy Shield.

## Why it matters
The 1998 Act was repealed by the Data Protection Act 2018; the UK regime is
the UK GDPR, not the EU GDPR; since the UK left the EU, transfers are
restricted when data leaves the UK, not the EEA; and the Privacy Shield was
struck down by the Court of Justice in Schrems II (C-311/18). A notice that
cites them misinforms people about their rights.

## Example
```toml
[notice]
summary = "We process your data in line with the Data Protection Act 1998."
```

## How to fix
Refer to "the UK GDPR and the Data Protection Act 2018"; describe transfers
"outside the UK"; name the current mechanism (UK adequacy regulations, the
IDTA or the UK Addendum).
"#,
    url: "https://www.legislation.gov.uk/ukpga/2018/12/contents",
    check: Some(check),
};

/// Outdated phrases (lowercase), what is wrong with them, and the fix.
const OUTDATED: &[(&str, &str, &str)] = &[
    (
        "data protection act 1998",
        "cites the Data Protection Act 1998, repealed in 2018",
        "refer to the UK GDPR and the Data Protection Act 2018",
    ),
    (
        "dpa 1998",
        "cites the Data Protection Act 1998, repealed in 2018",
        "refer to the UK GDPR and the Data Protection Act 2018",
    ),
    (
        "95/46/ec",
        "cites Directive 95/46/EC, replaced by the GDPR in 2018",
        "refer to the UK GDPR and the Data Protection Act 2018",
    ),
    (
        "lawful business practice",
        "cites the Telecommunications (Lawful Business Practice) Regulations 2000, revoked in 2018",
        "refer to the Investigatory Powers (Interception by Businesses etc. for Monitoring and Record-keeping Purposes) Regulations 2018",
    ),
    (
        "eu gdpr",
        "cites the EU GDPR; in the UK the UK GDPR applies",
        "refer to the UK GDPR",
    ),
    (
        "privacy shield",
        "relies on the EU-US Privacy Shield, invalidated in 2020 (Schrems II)",
        "name the current mechanism: the UK-US data bridge (adequacy regulations), the IDTA or the UK Addendum",
    ),
    (
        "european economic area",
        "uses the European Economic Area as the boundary for transfers; UK rules apply to data leaving the UK",
        "say \"outside the UK\" and describe transfers in `[transfers]`",
    ),
    (
        "eea",
        "uses the EEA as the boundary for transfers; UK rules apply to data leaving the UK",
        "say \"outside the UK\" and describe transfers in `[transfers]`",
    ),
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, text) in cx.prose() {
        let lower = text.to_ascii_lowercase();
        let mut reported: Vec<std::ops::Range<usize>> = Vec::new();
        for (phrase, what, fix) in OUTDATED {
            for (start, _) in lower.match_indices(phrase) {
                let range = start..start + phrase.len();
                let whole_word = !lower[..start].ends_with(|c: char| c.is_ascii_alphanumeric())
                    && !lower[range.end..].starts_with(|c: char| c.is_ascii_alphanumeric());
                let overlaps = reported
                    .iter()
                    .any(|r| r.start < range.end && range.start < r.end);
                if !whole_word || overlaps {
                    continue;
                }
                reported.push(range.clone());
                out.push(
                    Finding::new(at.clone(), format!("the text {what}"), *fix)
                        .label("outdated")
                        .within(range),
                );
            }
        }
    }
}
