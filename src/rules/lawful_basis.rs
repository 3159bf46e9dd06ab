//! `lawful-basis` (N005): the lawful basis for each purpose.

use super::{Context, Finding, Rule, RuleKind, has_basis, present};
use crate::model::LawfulBasis;

pub const RULE: Rule = Rule {
    code: "N005",
    name: "lawful-basis",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "Each purpose states its lawful basis, and the law behind a public task or legal obligation",
    docs: r#"## What it checks
That every purpose has `lawful_bases` with at least one basis, and that a
purpose relying on `public-task` or `legal-obligation` names the law that
sets the task or obligation in `law` (a warning when missing, or when it
only says "as required by law" without naming one). For a law-enforcement
purpose (DPA 2018 Part 3), that `law` gives its legal basis. Bases and law
may be stated once for every purpose in `[all_purposes]`; a purpose's own
`lawful_bases` replace them.

## Why it matters
UK GDPR Art. 13(1)(c) and 14(1)(c) require the lawful basis for each purpose,
not one list for the whole notice. Art. 6(3) requires public tasks and legal
obligations to be laid down by law, and naming it lets readers check it.
DPA 2018 s.44(2)(a) asks for the legal basis of law-enforcement processing.
The DUAA 2025 adds `recognised-legitimate-interest` (Art. 6(1)(ea)).

## Example
```toml
[[purposes]]
name = "Collecting council tax"
lawful_bases = ["legal-obligation"]
law = "Local Government Finance Act 1992"
```

## How to fix
Add `lawful_bases` with one or more of: consent, contract, legal-obligation,
vital-interests, public-task, recognised-legitimate-interest,
legitimate-interests. Add `law` naming the Act or regulations.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/6",
    check: Some(check),
};

/// Whether a `law` only says that there is a law, without naming one.
fn vague_law(text: &str) -> bool {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    [
        "as required by law",
        "required by law",
        "the law",
        "law",
        "legislation",
        "various legislation",
        "relevant legislation",
        "statutory duty",
        "our statutory duties",
        "statutory obligations",
        "legal obligation",
        "as required by legislation",
    ]
    .contains(&lower.as_str())
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let needs_law_count = cx
        .gdpr_purposes()
        .filter(|(_, p)| {
            [LawfulBasis::PublicTask, LawfulBasis::LegalObligation]
                .into_iter()
                .any(|b| has_basis(p, b))
        })
        .count();
    for (at, purpose) in cx.purposes() {
        let name = cx.purpose_label(&at, purpose);
        if cx.is_law_enforcement(purpose) {
            if !present(&purpose.law) {
                out.push(
                    Finding::new(
                        at.key("law"),
                        format!("{name} is law enforcement but gives no legal basis"),
                        "add `law = \"...\"` naming the law that gives the power (DPA 2018 s.35)",
                    )
                    .cite("DPA 2018 s.44(2)(a), s.35")
                    .warning(),
                );
            }
            continue;
        }
        let bases = purpose.lawful_bases.as_deref().unwrap_or_default();
        if bases.is_empty() {
            out.push(
                Finding::new(
                    at.key("lawful_bases"),
                    format!("{name} has no lawful basis"),
                    "add `lawful_bases = [\"public-task\"]` (or whichever Art. 6(1) bases apply)",
                )
                .per_purpose("no purpose says what its lawful basis is"),
            );
            continue;
        }
        let needs_law = [LawfulBasis::PublicTask, LawfulBasis::LegalObligation]
            .into_iter()
            .find(|b| has_basis(purpose, *b));
        if needs_law.is_some()
            && let Some(law) = purpose.law.as_deref()
            && vague_law(law)
        {
            out.push(
                Finding::new(
                    at.key("law"),
                    format!("{name} does not say which law; \"{}\" names none", law.trim()),
                    "name the Act or regulations, e.g. \"Local Government Finance Act 1992, section 6\"",
                )
                .label("no law named")
                .cite("UK GDPR Art. 6(3)")
                .warning()
                .per_purpose_of("the law given for every purpose names no law", needs_law_count),
            );
        }
        if let Some(basis) = needs_law
            && !present(&purpose.law)
        {
            let what = match basis {
                LawfulBasis::PublicTask => "public task",
                _ => "legal obligation",
            };
            out.push(
                Finding::new(
                    at.key("law"),
                    format!("{name} relies on a {what} but does not say which law sets it"),
                    "add `law = \"...\"` naming the Act or regulations, e.g. \"Housing Act 1996\"",
                )
                .label("the law belongs in this purpose")
                .cite("UK GDPR Art. 6(3)")
                .warning()
                .per_purpose_of(
                    "no purpose says which law sets its public task or legal obligation",
                    needs_law_count,
                ),
            );
        }
    }
}
