//! Structure rules (`E…`): problems with the notice file itself.
//!
//! These are always errors and cite no law: they stop noticec from
//! understanding the file, so they come before any legal finding. The loader
//! reports the first four; [`check`] reports the rest once the file loaded.

use foldhash::{HashMap, HashMapExt};

use crate::diagnostic::Severity;

use super::{Finding, Rule, RuleKind};
use crate::diagnostic::code;
use crate::model::KeyPath;
use crate::model::{Notice, forms};

pub const UNREADABLE_FILE: Rule = Rule {
    code: code::UNREADABLE_FILE,
    name: "unreadable-file",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "The notice file can be read as UTF-8 text",
    docs: r#"## What it checks
That the path names a readable file (not a folder), no larger than 4 MiB,
containing UTF-8 text that is not empty.

## Why it matters
noticec cannot check or publish a notice it cannot read.

## Example
A notice saved from Word as "Western European (Windows)" text contains bytes
that are not UTF-8, such as a curly apostrophe.

## How to fix
Check the path; save the file as UTF-8; make sure you have permission to read
it.
"#,
    url: "https://toml.io/en/v1.0.0",
    check: None,
};

pub const SYNTAX: Rule = Rule {
    code: code::SYNTAX,
    name: "syntax",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "The notice file is valid TOML",
    docs: r#"## What it checks
That the file follows the TOML syntax.

## Why it matters
A file with a syntax error cannot be read at all, so nothing else in it can
be checked until it is fixed.

## Example
```toml
[controller]
name = Example Council   # text needs quotes
```

## How to fix
Put text in double quotes, write tables as `[name]` and lists of tables as
`[[name]]`, and give each key once per table.
"#,
    url: "https://toml.io/en/v1.0.0",
    check: None,
};

pub const UNKNOWN_KEY: Rule = Rule {
    code: code::UNKNOWN_KEY,
    name: "unknown-key",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "Every key in the notice is one noticec knows",
    docs: r#"## What it checks
That every key is part of the notice format. Every unknown key is reported,
with the nearest known key when it looks like a typo.

## Why it matters
A misspelt key is silently ignored by most tools, so the information in it
would never reach the published notice.

## Example
```toml
[[purposes]]
lawful_basis = ["public-task"]   # the key is `lawful_bases`
```

## How to fix
Use the key suggested, or see the format reference in the README
(`noticec schema` prints every key with its description).
"#,
    url: "https://toml.io/en/v1.0.0#keys",
    check: None,
};

pub const INVALID_VALUE: Rule = Rule {
    code: code::INVALID_VALUE,
    name: "invalid-value",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "Every value has the right type and form",
    docs: r#"## What it checks
That each value has the type the format expects (text, true/false, a list, a
date), that choices such as lawful bases are spelt as listed, and that email
addresses, web addresses and language tags are well formed.

## Why it matters
A wrong value cannot be checked against the law or shown correctly to
readers; a broken email address or link leaves people with no way to
exercise their rights.

## Example
```toml
[[purposes]]
lawful_bases = ["public_task"]   # the choice is spelt `public-task`
```

## How to fix
Write the value as the message says; `noticec schema` lists every choice.
"#,
    url: "https://toml.io/en/v1.0.0",
    check: None,
};

pub const UNKNOWN_REFERENCE: Rule = Rule {
    code: code::UNKNOWN_REFERENCE,
    name: "unknown-reference",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "Every id a purpose refers to is defined",
    docs: r#"## What it checks
That every recipient, data category and retention rule a purpose or transfer
names by `id` is defined in the notice.

## Why it matters
A reference to something that does not exist means readers are not told who
receives their data, what data is used or how long it is kept.

## Example
```toml
[[recipients]]
id = "dwp"

[[purposes]]
recipients = ["hmrc"]   # no recipient has the id "hmrc"
```

## How to fix
Define the missing entry, or correct the id to one that is defined.
"#,
    url: "https://toml.io/en/v1.0.0#array-of-tables",
    check: None,
};

pub const DUPLICATE_ID: Rule = Rule {
    code: code::DUPLICATE_ID,
    name: "duplicate-id",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "Ids are unique within their list",
    docs: r#"## What it checks
That no two purposes, recipients, data categories, retention rules or
sections share an id.

## Why it matters
References to a duplicated id are ambiguous, and duplicated section ids make
broken links in the published page.

## Example
```toml
[[recipients]]
id = "dwp"
[[recipients]]
id = "dwp"
```

## How to fix
Give each entry its own id, or merge the two entries.
"#,
    url: "https://toml.io/en/v1.0.0#array-of-tables",
    check: None,
};

pub const MISSING_ID: Rule = Rule {
    code: code::MISSING_ID,
    name: "missing-id",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "Entries that others refer to have an id",
    docs: r#"## What it checks
That every data category, recipient and retention rule has an `id`, since
purposes refer to them by it.

## Why it matters
An entry without an id cannot be linked to the purposes it belongs to, so
readers cannot tell which purpose it concerns.

## Example
```toml
[[recipients]]
name = "Department for Work and Pensions"   # no id
```

## How to fix
Add a short id such as `id = "dwp"`, and use it in the purposes.
"#,
    url: "https://toml.io/en/v1.0.0#array-of-tables",
    check: None,
};

pub const UNUSED_ALLOW: Rule = Rule {
    code: code::UNUSED_ALLOW,
    name: "unused-allow",
    kind: RuleKind::Structure,
    severity: Some(Severity::Warning),
    summary: "Every `[[allow]]` entry still accepts a finding (a warning)",
    docs: r#"## What it checks
That each `[[allow]]` entry matches at least one finding. Unlike the other
structure rules this is a warning.

## Why it matters
An allow is a recorded decision to accept a finding. Once the notice is
fixed, a leftover allow would silently accept the same problem if it came
back, and tells auditors about a decision that no longer applies.

## Example
```toml
[[allow]]
rule = "retention"
purpose = "billing"
reason = "Retention agreed with the records manager, see RM-2026-04."
```
(but the purpose now has a retention rule, so nothing is allowed)

## How to fix
Remove the allow.
"#,
    url: "https://toml.io/en/v1.0.0#array-of-tables",
    check: None,
};

pub const INTERNAL: Rule = Rule {
    code: code::INTERNAL,
    name: "internal-error",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "noticec itself failed while handling the file (a bug)",
    docs: r#"## What it checks
Nothing in the notice: this is noticec reporting that it failed while
handling the file, instead of losing the problem or guessing.

## Why it matters
A verdict noticec could not reach must not look like a pass.

## Example
Merging a notice with its shared parts produced a table noticec could not
read back.

## How to fix
Report it to the noticec maintainers with the files involved; the message
says which step failed.
"#,
    url: "https://toml.io/en/v1.0.0",
    check: None,
};

pub const CONTROL_CHARACTER: Rule = Rule {
    code: code::CONTROL_CHARACTER,
    name: "control-character",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "No text contains control or bidi-override characters",
    docs: r#"## What it checks
Every text value, for characters that can hide or disguise text: control
characters other than tab and line breaks (written in TOML as escapes
such as `\u001b`), and the bidirectional overrides and isolates U+202A to
U+202E and U+2066 to U+2069.

## Why it matters
An escape sequence in a title can clear a terminal or fake a "checks
passed" line in a CI log; a right-to-left override makes an address or a
link read differently from what it is. Pages never contain them (noticec
removes them from every output), but the notice should not either, so what
the council reviews is what people read.

## Example
```toml
[notice]
title = "Privacy notice\u001b[2J"
```

## How to fix
Delete the character (diagnostics show it as `\u{1b}`).
"#,
    url: "https://www.unicode.org/reports/tr9/",
    check: None,
};

pub const PROSE_NESTING: Rule = Rule {
    code: code::PROSE_NESTING,
    name: "prose-nesting",
    kind: RuleKind::Structure,
    severity: Some(Severity::Error),
    summary: "Lists, quotes and emphasis in prose nest at most eight deep",
    docs: r#"## What it checks
Every prose field (Markdown), for lists inside lists, quotes inside
quotes, or emphasis inside emphasis more than eight levels deep.

## Why it matters
Nobody can follow a list eight levels down, and structure that deep is
usually a paste gone wrong (every line starting with `- ` or `>`). It also
makes pages grow far faster than the text: noticec flattens anything deeper
into one paragraph so every output stays in proportion to the notice, and
reports it so the page says what the council meant.

## Example
```toml
[notice]
summary = "- - - - - - - - - Council tax"
```

## How to fix
Use fewer levels: a heading and a flat list usually say the same thing.
"#,
    url: "https://spec.commonmark.org/0.31.2/#container-blocks",
    check: None,
};

/// A structure finding with the rule it belongs to.
pub struct StructureFinding {
    pub rule: &'static Rule,
    pub finding: Finding,
}

/// Checks ids, references and the form of emails, links and language tags,
/// and how deep the prose fields nest (`prose`: the notice's, as
/// [`crate::model::prose_fields`] lists them).
pub fn check(notice: &Notice, prose: &[(KeyPath, &str)]) -> Vec<StructureFinding> {
    let mut out = Vec::new();
    let root = KeyPath::root();

    for (at, text) in prose {
        if let Some(depth) = crate::render::prose::too_deep(text) {
            out.push(StructureFinding {
                rule: &PROSE_NESTING,
                finding: Finding::new(
                    at.clone(),
                    format!(
                        "this text nests lists, quotes or emphasis {depth} levels deep (at most {} can be published as written)",
                        crate::render::prose::MAX_NESTING
                    ),
                    "use fewer levels; check for lines that all start with `- `, `>` or `*` after a paste",
                ),
            });
        }
    }

    let categories = collect_ids(
        &mut out,
        root.key("data_categories"),
        notice.data_categories.iter().map(|c| c.id.as_deref()),
        true,
        false,
        "data category",
    );
    let recipients = collect_ids(
        &mut out,
        root.key("recipients"),
        notice.recipients.iter().map(|r| r.id.as_deref()),
        true,
        false,
        "recipient",
    );
    let retention_rules = notice
        .retention
        .as_ref()
        .map(|r| {
            collect_ids(
                &mut out,
                root.key("retention").key("rules"),
                r.rules.iter().map(|rule| rule.id.as_deref()),
                true,
                false,
                "retention rule",
            )
        })
        .unwrap_or_default();
    let purposes = collect_ids(
        &mut out,
        root.key("purposes"),
        notice.purposes.iter().map(|p| p.id.as_deref()),
        false,
        true,
        "purpose",
    );
    if let Some(automated) = &notice.automated_decisions {
        for (i, decision) in automated.decisions.iter().enumerate() {
            if let Some(id) = &decision.purpose {
                check_reference(
                    &mut out,
                    root.key("automated_decisions")
                        .key("decisions")
                        .index(i)
                        .key("purpose"),
                    id,
                    &purposes,
                    "purpose",
                    "[[purposes]]",
                );
            }
        }
    }
    collect_ids(
        &mut out,
        root.key("sections"),
        notice.sections.iter().map(|s| s.id.as_deref()),
        false,
        true,
        "section",
    );

    for (i, purpose) in notice.purposes.iter().enumerate() {
        let at = root.key("purposes").index(i);
        let lists = [
            (
                "data_categories",
                &purpose.data_categories,
                &categories,
                "data category",
                "[[data_categories]]",
            ),
            (
                "recipients",
                &purpose.recipients,
                &recipients,
                "recipient",
                "[[recipients]]",
            ),
        ];
        for (key, ids, defined, what, table) in lists {
            for (j, id) in ids.iter().flatten().enumerate() {
                check_reference(&mut out, at.key(key).index(j), id, defined, what, table);
            }
        }
        if let Some(id) = &purpose.retention {
            check_reference(
                &mut out,
                at.key("retention"),
                id,
                &retention_rules,
                "retention rule",
                "[[retention.rules]]",
            );
        }
    }
    if let Some(all) = &notice.all_purposes {
        let at = root.key("all_purposes");
        let lists = [
            (
                "data_categories",
                &all.data_categories,
                &categories,
                "data category",
                "[[data_categories]]",
            ),
            (
                "recipients",
                &all.recipients,
                &recipients,
                "recipient",
                "[[recipients]]",
            ),
        ];
        for (key, ids, defined, what, table) in lists {
            for (j, id) in ids.iter().flatten().enumerate() {
                check_reference(&mut out, at.key(key).index(j), id, defined, what, table);
            }
        }
    }
    if let Some(transfers) = &notice.transfers {
        for (i, transfer) in transfers.destinations.iter().enumerate() {
            if let Some(id) = &transfer.recipient {
                check_reference(
                    &mut out,
                    root.key("transfers")
                        .key("destinations")
                        .index(i)
                        .key("recipient"),
                    id,
                    &recipients,
                    "recipient",
                    "[[recipients]]",
                );
            }
        }
    }

    check_forms(&mut out, notice);
    out
}

/// Collects the ids of a list, reporting duplicates (and missing ids where
/// `required`). Returns id → path of its first definition.
fn collect_ids<'a>(
    out: &mut Vec<StructureFinding>,
    list: KeyPath,
    ids: impl Iterator<Item = Option<&'a str>>,
    required: bool,
    anchored: bool,
    what: &str,
) -> HashMap<&'a str, KeyPath> {
    let mut seen: HashMap<&str, KeyPath> = HashMap::new();
    // Ids that become the same link target on the page (`Billing!` and
    // `billing?` are both `#purpose-billing`), with the first id.
    let mut targets: HashMap<String, (&str, KeyPath)> = HashMap::new();
    for (i, id) in ids.enumerate() {
        let at = list.index(i);
        match id.map(str::trim) {
            Some(id) if !id.is_empty() => {
                // Purposes and sections are link targets on the page.
                let target = crate::render::view::anchor("", id);
                if let Some(first) = seen.get(id) {
                    out.push(StructureFinding {
                        rule: &DUPLICATE_ID,
                        finding: Finding::new(
                            at.key("id"),
                            format!("the {what} id `{id}` is used twice"),
                            format!("give each {what} its own id, or merge the two entries"),
                        )
                        .label("defined again here")
                        .related(first.key("id"), "first defined here"),
                    });
                } else if let Some((first_id, first)) = targets.get(&target).filter(|_| anchored) {
                    out.push(StructureFinding {
                        rule: &DUPLICATE_ID,
                        finding: Finding::new(
                            at.key("id"),
                            format!(
                                "the {what} ids `{first_id}` and `{id}` differ only in case or punctuation, so they link to the same place on the page"
                            ),
                            format!("give each {what} an id that differs in its letters or digits"),
                        )
                        .label("the same link target as the first")
                        .related(first.key("id"), "first defined here"),
                    });
                    seen.insert(id, at);
                } else {
                    targets.insert(target, (id, at.clone()));
                    seen.insert(id, at);
                }
            }
            _ if required => out.push(StructureFinding {
                rule: &MISSING_ID,
                finding: Finding::new(
                    at.key("id"),
                    format!("this {what} has no id"),
                    format!(
                        "add a short id, e.g. `id = \"dwp\"`, so purposes can refer to this {what}"
                    ),
                ),
            }),
            _ => {}
        }
    }
    seen
}

fn check_reference(
    out: &mut Vec<StructureFinding>,
    at: KeyPath,
    id: &str,
    defined: &HashMap<&str, KeyPath>,
    what: &str,
    table: &str,
) {
    if defined.contains_key(id.trim()) {
        return;
    }
    let known: Vec<&str> = defined.keys().copied().collect();
    let help = match crate::diagnostic::did_you_mean(id, known.iter().copied()) {
        Some(best) => {
            format!("did you mean `{best}`? Otherwise add a `{table}` entry with `id = \"{id}\"`")
        }
        None if known.is_empty() => format!("add a `{table}` entry with `id = \"{id}\"`"),
        None => {
            let mut sorted = known.clone();
            sorted.sort_unstable();
            format!(
                "add a `{table}` entry with `id = \"{id}\"`, or use one of: {}",
                sorted.join(", ")
            )
        }
    };
    out.push(StructureFinding {
        rule: &UNKNOWN_REFERENCE,
        finding: Finding::new(at, format!("no {what} has the id `{id}`"), help)
            .label("refers to nothing"),
    });
}

/// Emails, web addresses and the language tag must be well formed.
fn check_forms(out: &mut Vec<StructureFinding>, notice: &Notice) {
    let root = KeyPath::root();
    let mut emails: Vec<(KeyPath, &Option<String>)> = Vec::new();
    let mut links: Vec<(KeyPath, &Option<String>)> = Vec::new();
    if let Some(meta) = &notice.notice {
        links.push((root.key("notice").key("url"), &meta.url));
        if let Some(language) = &meta.language
            && !forms::is_language_tag(language)
        {
            out.push(StructureFinding {
                rule: &INVALID_VALUE,
                finding: Finding::new(
                    root.key("notice").key("language"),
                    format!("`{language}` is not a language tag"),
                    "use a BCP 47 tag: `en-GB` for English, `cy` for Welsh",
                ),
            });
        }
    }
    for (at, contact) in notice.contacts() {
        emails.push((at.key("email"), &contact.email));
        links.push((at.key("web_form"), &contact.web_form));
    }
    if let Some(ico) = notice.complaints.as_ref().and_then(|c| c.ico.as_ref()) {
        links.push((
            root.key("complaints").key("ico").key("website"),
            &ico.website,
        ));
    }
    if let Some(retention) = &notice.retention {
        links.push((
            root.key("retention").key("schedule_url"),
            &retention.schedule_url,
        ));
    }
    for (i, purpose) in notice.purposes.iter().enumerate() {
        links.push((
            root.key("purposes")
                .index(i)
                .key("appropriate_policy_document"),
            &purpose.appropriate_policy_document,
        ));
    }
    for (at, email) in emails {
        if let Some(email) = email
            && !forms::is_email(email)
        {
            out.push(StructureFinding {
                rule: &INVALID_VALUE,
                finding: Finding::new(
                    at,
                    format!("`{email}` is not an email address"),
                    "write a single address such as `dpo@example.gov.uk`, without `mailto:` or spaces",
                ),
            });
        }
    }
    for (at, link) in links {
        if let Some(link) = link
            && !forms::is_web_address(link)
        {
            out.push(StructureFinding {
                rule: &INVALID_VALUE,
                finding: Finding::new(
                    at,
                    format!("`{link}` is not a web address"),
                    "write a full address starting with `https://`",
                ),
            });
        }
    }
}
