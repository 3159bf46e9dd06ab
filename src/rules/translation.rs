//! Translation rules (`T…`): a notice and its translation say the same
//! thing (see [`crate::check::translation`]), and a body under the Welsh
//! Language Standards publishes every notice in Welsh. They are errors,
//! except `translation-untranslated`.

use super::{Rule, RuleKind};
use crate::diagnostic::Severity;

/// The provisions a translation rule's findings cite (shown as "law: …").
pub fn citation(rule: &Rule) -> &'static str {
    match rule.code {
        "T002" => "UK GDPR Art. 13(1)(c), 14(1)(c); Welsh Language (Wales) Measure 2011 s.1(2)(b)",
        "T003" => "UK GDPR Art. 12(1)",
        "T005" => {
            "Welsh Language (Wales) Measure 2011 s.25; Welsh Language Standards (No. 1) Regulations 2015 (SI 2015/996)"
        }
        _ => "Welsh Language (Wales) Measure 2011 s.1(2)(b)",
    }
}

pub const ORIGINAL: Rule = Rule {
    code: "T001",
    name: "translation-original",
    kind: RuleKind::Project,
    severity: Some(Severity::Error),
    summary: "A translation names the notice it translates, in another language",
    docs: r#"## What it checks
That `[notice] translation_of` names a notice file that loads, is in
another language than the translation, and is not itself a translation.

## Why it matters
noticec compares a translation with its original, fact by fact, and links
the two pages to each other. A wrong path or a translation of a translation
would leave the two versions free to drift apart. The Welsh Language
(Wales) Measure 2011 s.1(2)(b) speaks of treating Welsh no less favourably
than English: the Welsh page must say what the English page says.

## Example
`notices/cy/council-tax.toml` says `translation_of = "council-tax.toml"`,
but the English notice is `notices/en/council-tax.toml`.

## How to fix
Give the path of the original notice relative to the translation:
`translation_of = "../en/council-tax.toml"`, and `language = "cy"` in the
translation's `[notice]`.
"#,
    url: "https://www.legislation.gov.uk/mwa/2011/1/section/1",
    check: None,
};

pub const ITEMS: Rule = Rule {
    code: "T002",
    name: "translation-items",
    kind: RuleKind::Project,
    severity: Some(Severity::Error),
    summary: "A translation has the same purposes, recipients, categories, records and sections as its original",
    docs: r#"## What it checks
That every entry of the original — purpose, recipient, data category,
retention rule, section, transfer, automated decision, change — is in the
translation with the same `id` (entries without ids are matched in order),
and that the translation has none the original lacks.

## Why it matters
A purpose added to the English notice and not to the Welsh one means Welsh
readers are not told about that processing (UK GDPR Art. 13(1)(c),
14(1)(c)), and the Welsh version treats Welsh less favourably than English
(Welsh Language (Wales) Measure 2011 s.1(2)(b)).

## Example
The English council tax notice has a purpose `fraud` (the National Fraud
Initiative); the Welsh notice does not.

## How to fix
Add the missing entry, translated, with the same `id` — or remove the
extra one. The finding names the file and line of the entry in the
original.
"#,
    url: "https://www.legislation.gov.uk/mwa/2011/1/section/25",
    check: None,
};

pub const FACTS: Rule = Rule {
    code: "T003",
    name: "translation-facts",
    kind: RuleKind::Project,
    severity: Some(Severity::Error),
    summary: "A translation states the same facts as its original",
    docs: r#"## What it checks
That every value that is not words is the same in the translation as in
the original: lawful bases, flags (special category, law enforcement …),
dates, the version, emails, phone numbers, the registration number,
transfer mechanisms, ids — and that periods (`period`, `trigger`) and laws
cited (`law`) have the same numbers ("6 years" and "6 blynedd" match; "7
mlynedd" does not). Web addresses (`url`, `schedule_url`, `web_form` …)
may differ: a Welsh page has its own address.

## Why it matters
Two versions of one notice that give different retention periods or
lawful bases cannot both be true, and a reader cannot tell which is (UK
GDPR Art. 12(1), 13(2)(a)).

## Example
The English notice keeps council tax records for `"6 years"`, the Welsh
for `"7 mlynedd"`.

## How to fix
Correct whichever version is wrong. Keep the facts in a shared part that
both versions extend, so they are written once.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: None,
};

pub const UNTRANSLATED: Rule = Rule {
    code: "T004",
    name: "translation-untranslated",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "A translation's words are translated",
    docs: r#"## What it checks
That every text of the original (names, descriptions, titles, section
bodies …) is in the translation, and not word for word the same as the
original — names such as "HMRC" or "Valuation Office Agency" may be the
same in both languages, so a text counts as untranslated only when it has
at least two words in lower case.

## Why it matters
A Welsh page with English paragraphs treats Welsh less favourably than
English (Welsh Language (Wales) Measure 2011 s.1(2)(b)), and a screen
reader reads the English with Welsh pronunciation.

## Example
The Welsh notice's purpose `billing` has the description "We use your
details to bill you for council tax." copied from the English.

## How to fix
Translate the text. If it is a name that is the same in both languages,
and the finding is wrong, accept it with an `[[allow]]` entry that says so.
"#,
    url: "https://www.legislation.gov.uk/mwa/2011/1/section/1",
    check: None,
};

pub const WELSH_VERSION: Rule = Rule {
    code: "T005",
    name: "welsh-version",
    kind: RuleKind::Project,
    severity: Some(Severity::Error),
    summary: "A body under the Welsh Language Standards publishes every notice in Welsh",
    docs: r#"## What it checks
In a project whose controller says `welsh_language_standards = true`: that
every notice not in Welsh has a Welsh version in the project (a notice with
`language = "cy"` whose `translation_of` names it).

## Why it matters
County and county borough councils, national park authorities and the
Welsh Ministers must comply with the Welsh Language Standards (No. 1)
Regulations 2015 (SI 2015/996; reg. 1(4) names the bodies), made under the
Welsh Language (Wales) Measure 2011 s.26, and s.25 makes complying a duty.
The standards on documents and websites require Welsh versions, and the
Measure (s.1(2)(b)) asks that Welsh be treated no less favourably than
English.

## Example
`notices/en/cctv.toml` has no `notices/cy/cctv.toml` translating it.

## How to fix
Write the Welsh version: a notice with `language = "cy"` and
`translation_of` naming the English file.
"#,
    url: "https://www.legislation.gov.uk/wsi/2015/996/contents/made",
    check: None,
};
