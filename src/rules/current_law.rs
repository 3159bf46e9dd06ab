//! `current-law` (Q004): no references to repealed or outdated law.

use std::borrow::Cow;

use super::text::{Hits, PhraseList, whole_word};
use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "Q004",
    name: "current-law",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice does not cite repealed law, outdated terms or outdated transfer mechanisms",
    docs: r#"## What it checks
Every prose field (and the regulator's name in `[complaints.ico]`) for law
that is no longer in force or is not the law that applies:

- the Data Protection Act 1998 and its term "fair processing notice";
  a "Data Protection Act" with no year;
- Directive 95/46/EC; the Telecommunications (Lawful Business Practice)
  Regulations 2000;
- the EU GDPR as the regime: "EU GDPR", "GDPR 2016", "(EU) 2016/679" or
  "General Data Protection Regulation(s)" where the UK GDPR is meant (not
  when the text says "UK GDPR" or that the regulation forms part of UK
  law);
- the European Economic Area, the EEA, "outside the EU" or "outside
  Europe" as the boundary for transfers (not when the text also says
  "outside the UK");
- "standard contractual clauses" without the IDTA or the UK Addendum; the
  EU-US Privacy Shield;
- "Article 22" for automated decisions, replaced by Arts. 22A-22D from
  5 February 2026;
- the "Information Commissioner's Office" or "Information Commissioner" as
  the regulator's legal name, from the date the Information Commission
  took over (see `src/law/regulator.toml`).

## Why it matters
The 1998 Act was repealed by the Data Protection Act 2018; in the UK the
UK GDPR applies (the EU regulation as it forms part of UK law, amended by
the Data (Use and Access) Act 2025), not the EU GDPR. Since the UK left
the EU, transfers are restricted when data leaves the UK, under UK
adequacy regulations or UK safeguards: the EU's standard contractual
clauses alone are not a UK mechanism (UK GDPR Art. 46(2); the IDTA and the
UK Addendum are), and the Privacy Shield was struck down in Schrems II
(C-311/18). The DUAA 2025 s.80 replaced Art. 22 with Arts. 22A-22D, and
ss.117-119 replaced the Information Commissioner with the Information
Commission. A notice that cites superseded law misinforms people about
their rights.

## Example
```toml
[[purposes]]
description = "We process your data under the General Data Protection Regulation and may transfer it outside the EU."
```

## How to fix
Refer to "the UK GDPR and the Data Protection Act 2018"; describe
transfers "outside the UK" with the UK mechanism (UK adequacy regulations,
the IDTA or the UK Addendum); cite Arts. 22A-22D for automated decisions;
name the regulator as the Information Commission (ICO).
"#,
    url: "https://www.legislation.gov.uk/ukpga/2018/12/contents",
    check: Some(check),
};

/// One outdated phrase and when it is not outdated.
struct Outdated {
    /// Lowercase, matched as whole words.
    phrase: &'static str,
    what: &'static str,
    fix: &'static str,
    /// The phrase is fine when the same text says any of these.
    unless_text: &'static [&'static str],
    /// The phrase is fine when immediately followed by any of these.
    unless_followed_by: &'static [&'static str],
    /// The phrase is fine when immediately preceded by any of these.
    unless_preceded_by: &'static [&'static str],
    /// The phrase only counts when the same text says one of these.
    only_with: &'static [&'static str],
}

const TO_UK_GDPR: &str = "refer to the UK GDPR and the Data Protection Act 2018";
const UK_BOUNDARY: &str =
    "say \"outside the UK\" and describe transfers, with the UK mechanism, in `[transfers]`";
const UK_FORM: &[&str] = &["uk gdpr", "forms part of", "form part of", "retained"];

const fn phrase(phrase: &'static str, what: &'static str, fix: &'static str) -> Outdated {
    Outdated {
        phrase,
        what,
        fix,
        unless_text: &[],
        unless_followed_by: &[],
        unless_preceded_by: &[],
        only_with: &[],
    }
}

/// The patterns, longest first where one contains another.
const OUTDATED: &[Outdated] = &[
    phrase(
        "data protection act 1998",
        "cites the Data Protection Act 1998, repealed in 2018",
        TO_UK_GDPR,
    ),
    phrase(
        "dpa 1998",
        "cites the Data Protection Act 1998, repealed in 2018",
        TO_UK_GDPR,
    ),
    Outdated {
        unless_followed_by: &[" 2018", " 1998", " 1984", " (2018)"],
        ..phrase(
            "data protection act",
            "cites a Data Protection Act without its year",
            "write \"the Data Protection Act 2018\"",
        )
    },
    phrase(
        "fair processing notice",
        "uses \"fair processing notice\", the term of the repealed 1998 Act",
        "call it a privacy notice",
    ),
    phrase(
        "95/46/ec",
        "cites Directive 95/46/EC, replaced by the GDPR in 2018",
        TO_UK_GDPR,
    ),
    phrase(
        "lawful business practice",
        "cites the Telecommunications (Lawful Business Practice) Regulations 2000, revoked in 2018",
        "refer to the Investigatory Powers (Interception by Businesses etc. for Monitoring and Record-keeping Purposes) Regulations 2018",
    ),
    phrase(
        "eu gdpr",
        "cites the EU GDPR; in the UK the UK GDPR applies",
        "refer to the UK GDPR",
    ),
    Outdated {
        unless_text: UK_FORM,
        ..phrase(
            "gdpr 2016",
            "cites the GDPR of 2016 as the law in force; in the UK the UK GDPR applies",
            "refer to the UK GDPR",
        )
    },
    Outdated {
        unless_text: UK_FORM,
        ..phrase(
            "(eu) 2016/679",
            "cites Regulation (EU) 2016/679 as the law in force; in the UK the UK GDPR applies",
            "refer to the UK GDPR",
        )
    },
    Outdated {
        unless_text: UK_FORM,
        unless_preceded_by: &["uk "],
        ..phrase(
            "general data protection regulations",
            "cites the General Data Protection Regulation as the law in force; in the UK the UK GDPR applies",
            "refer to the UK GDPR",
        )
    },
    Outdated {
        unless_text: UK_FORM,
        unless_preceded_by: &["uk "],
        ..phrase(
            "general data protection regulation",
            "cites the General Data Protection Regulation as the law in force; in the UK the UK GDPR applies",
            "refer to the UK GDPR",
        )
    },
    phrase(
        "privacy shield",
        "relies on the EU-US Privacy Shield, invalidated in 2020 (Schrems II)",
        "name the current mechanism: the UK-US data bridge (adequacy regulations), the IDTA or the UK Addendum",
    ),
    phrase(
        "european economic area",
        "uses the European Economic Area as the boundary for transfers; UK rules apply to data leaving the UK",
        UK_BOUNDARY,
    ),
    phrase(
        "eea",
        "uses the EEA as the boundary for transfers; UK rules apply to data leaving the UK",
        UK_BOUNDARY,
    ),
    Outdated {
        unless_text: &["outside the uk", "outside of the uk"],
        ..phrase(
            "outside the european union",
            "uses the EU as the boundary for transfers; UK rules apply to data leaving the UK",
            UK_BOUNDARY,
        )
    },
    Outdated {
        unless_text: &["outside the uk", "outside of the uk"],
        ..phrase(
            "outside of the eu",
            "uses the EU as the boundary for transfers; UK rules apply to data leaving the UK",
            UK_BOUNDARY,
        )
    },
    Outdated {
        unless_text: &["outside the uk", "outside of the uk"],
        ..phrase(
            "outside the eu",
            "uses the EU as the boundary for transfers; UK rules apply to data leaving the UK",
            UK_BOUNDARY,
        )
    },
    Outdated {
        unless_text: &["outside the uk", "outside of the uk"],
        ..phrase(
            "outside europe",
            "uses Europe as the boundary for transfers; UK rules apply to data leaving the UK",
            UK_BOUNDARY,
        )
    },
    Outdated {
        unless_text: &["idta", "international data transfer agreement", "addendum"],
        ..phrase(
            "standard contractual clauses",
            "names the EU standard contractual clauses without the UK's IDTA or Addendum",
            "name the UK mechanism: the International Data Transfer Agreement (IDTA) or the UK Addendum to the EU standard contractual clauses",
        )
    },
    Outdated {
        only_with: &["automat", "profiling", "decision"],
        ..phrase(
            "article 22",
            "cites Article 22 for automated decisions, replaced by Articles 22A-22D on 5 February 2026",
            "cite UK GDPR Articles 22A-22D",
        )
    },
    Outdated {
        only_with: &["automat", "profiling", "decision"],
        ..phrase(
            "art. 22",
            "cites Article 22 for automated decisions, replaced by Articles 22A-22D on 5 February 2026",
            "cite UK GDPR Articles 22A-22D",
        )
    },
];

/// The regulator's former names, reported from the date they were replaced.
const FORMER_REGULATOR: &[&str] = &[
    "information commissioner's office",
    "information commissioner\u{2019}s office",
    "information commissioner",
];

/// The outdated phrases, searched with every other rule's
/// ([`super::text::PhraseList`]).
pub static OUTDATED_PHRASES: PhraseList = PhraseList {
    phrases: || OUTDATED.iter().map(|p| p.phrase).collect(),
};

/// The regulator's former names, searched the same way.
pub static FORMER_REGULATOR_NAMES: PhraseList = PhraseList {
    phrases: || FORMER_REGULATOR.to_vec(),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // The prose, with the phrases found in it, and the regulator's name as
    // the notice gives it.
    let mut fields = cx.prose_with_phrases();
    if let Some(name) = cx
        .notice
        .complaints
        .as_ref()
        .and_then(|c| c.ico.as_ref())
        .and_then(|ico| ico.name.as_deref())
    {
        fields.push((
            KeyPath::root().key("complaints").key("ico").key("name"),
            name,
            Cow::Owned(super::text::search(name)),
        ));
    }
    for (at, text, phrases) in &fields {
        let (at, text, phrases) = (at, *text, Hits(phrases));
        // Every occurrence of every phrase, found in one pass; most texts have none.
        let found: Vec<(usize, std::ops::Range<usize>)> = phrases
            .of(&OUTDATED_PHRASES)
            .map(|h| (h.pattern, h.range.clone()))
            .collect();
        let mut reported: Vec<std::ops::Range<usize>> = Vec::new();
        if !found.is_empty() {
            // By pattern, so patterns are weighed in their order of priority.
            let mut hits: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); OUTDATED.len()];
            for (pattern, range) in found {
                hits[pattern].push(range);
            }
            // ASCII lowercasing keeps every byte offset.
            let lower = text.to_ascii_lowercase();
            // One finding per cause and field: "the European Economic Area
            // (EEA)" is one outdated boundary, not two.
            let mut causes: Vec<&str> = Vec::new();
            for (pattern, ranges) in OUTDATED.iter().zip(&hits) {
                if ranges.is_empty()
                    || causes.contains(&pattern.fix)
                    || pattern.unless_text.iter().any(|w| lower.contains(w))
                    || (!pattern.only_with.is_empty()
                        && !pattern.only_with.iter().any(|w| lower.contains(w)))
                {
                    continue;
                }
                for range in ranges {
                    let before = &lower[..range.start];
                    let after = &lower[range.end..];
                    if !whole_word(before, after)
                        || pattern
                            .unless_followed_by
                            .iter()
                            .any(|w| after.starts_with(w))
                        || pattern
                            .unless_preceded_by
                            .iter()
                            .any(|w| before.ends_with(w))
                        || overlaps(&reported, range)
                    {
                        continue;
                    }
                    reported.push(range.clone());
                    causes.push(pattern.fix);
                    out.push(
                        Finding::new(
                            at.clone(),
                            format!("the text {}", pattern.what),
                            pattern.fix,
                        )
                        .label("outdated")
                        .within(range.clone()),
                    );
                    break;
                }
            }
        }
        former_regulator(cx, at, text, phrases, &mut reported, out);
    }
}

/// The regulator named as it was before the Information Commission took
/// over, on a page checked after that date.
fn former_regulator(
    cx: &Context<'_>,
    at: &KeyPath,
    text: &str,
    phrases: Hits<'_>,
    reported: &mut Vec<std::ops::Range<usize>>,
    out: &mut Vec<Finding>,
) {
    let Some((since, current)) =
        crate::law::regulator::name_replaced_on("Information Commissioner's Office")
    else {
        return;
    };
    if cx.today < since {
        return;
    }
    let first = phrases
        .of(&FORMER_REGULATOR_NAMES)
        .map(|h| h.range.clone())
        .filter(|range| {
            whole_word(&text[..range.start], &text[range.end..]) && !overlaps(reported, range)
        })
        .min_by_key(|range| (range.start, std::cmp::Reverse(range.end)));
    // One finding per field, at the first mention.
    if let Some(range) = first {
        reported.push(range.clone());
        out.push(
            Finding::new(
                at.clone(),
                format!(
                    "the text names the regulator as it was before {}, when the {current} took over",
                    since.strftime("%-d %B %Y")
                ),
                format!(
                    "write \"the {current} (ICO)\", or leave `[complaints.ico]` empty to use its current name"
                ),
            )
            .label("former name")
            .within(range),
        );
    }
}

fn overlaps(reported: &[std::ops::Range<usize>], range: &std::ops::Range<usize>) -> bool {
    reported
        .iter()
        .any(|r| r.start < range.end && range.start < r.end)
}
