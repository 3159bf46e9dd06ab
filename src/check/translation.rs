//! A notice and its translation (rules `T…`): the Welsh version of a notice
//! names the English notice it translates (`[notice] translation_of`), and
//! the two must say the same thing in two languages.
//!
//! Both notices are compared as merged, value by value, with lists of
//! entries matched by `id` (by position when entries have none):
//!
//! - an entry in one and not the other is `translation-items` (T002);
//! - every value that is not words — bases, flags, dates, the version,
//!   emails, phones, registration numbers, mechanisms, ids — must be equal,
//!   and the numbers in periods and laws cited must be the same numbers:
//!   `translation-facts` (T003);
//! - words left empty, or the same as the original beyond names, are
//!   `translation-untranslated` (T004).
//!
//! Addresses of web pages (`url`, `schedule_url`, web forms …) may differ:
//! a Welsh page has its own address. The findings are filed in the
//! translation and name the original's file and line. Which notices of a
//! Welsh body have no Welsh version is a project check (`welsh-version`,
//! T005, in [`super::consistency`]).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::validate::diagnostic_for;
use crate::diagnostic::Diagnostic;
use crate::load::LoadedNotice;
use crate::model::{KeyPath, Notice};
use crate::rules::{Finding, translation as rules};

/// The file a notice says it translates, relative to the notice's own file.
pub fn original_path(notice: &Notice, file: &Path) -> Option<PathBuf> {
    let given = notice.notice.as_ref()?.translation_of.as_deref()?.trim();
    if given.is_empty() {
        return None;
    }
    Some(file.parent().unwrap_or(Path::new("")).join(given))
}

/// What a value of the notice format is, for comparing two languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Words: translated, so they differ.
    Words,
    /// Words with numbers that must be the same (a period, a law cited).
    Numbered,
    /// A web address: a translation may have its own.
    Address,
    /// Not part of the comparison.
    Skip,
    /// Everything else must be equal.
    Fact,
}

fn kind_of(key: &str) -> Kind {
    match key {
        "title"
        | "summary"
        | "name"
        | "description"
        | "legitimate_interests"
        | "criteria"
        | "records"
        | "consequence"
        | "details"
        | "body"
        | "address"
        | "how_to_exercise"
        | "how_to_withdraw_consent"
        | "copy"
        | "destination"
        | "logic"
        | "significance"
        | "safeguards"
        | "criminal_offence_condition"
        | "schedule_1_conditions"
        | "reason" => Kind::Words,
        "period" | "trigger" | "law" => Kind::Numbered,
        "url" | "schedule_url" | "web_form" | "website" | "appropriate_policy_document" => {
            Kind::Address
        }
        "translation_of" | "language" | "allow" | "extends" => Kind::Skip,
        _ => Kind::Fact,
    }
}

/// One difference between a notice and its translation.
struct Difference {
    rule: &'static crate::rules::Rule,
    /// Where in the translation (or where it belongs).
    at: KeyPath,
    /// Where in the original.
    original_at: KeyPath,
    message: String,
    help: &'static str,
    label: &'static str,
}

/// The findings of a translation compared with its original. `original`
/// is `Err(reason)` when the original could not be loaded.
pub fn compare(
    translation: &LoadedNotice,
    original: Result<&LoadedNotice, String>,
) -> Vec<Diagnostic> {
    let translation_of = KeyPath::root().key("notice").key("translation_of");
    let original = match original {
        Ok(original) => original,
        Err(reason) => {
            let finding = Finding::new(
                translation_of,
                format!("the notice this translates cannot be used: {reason}"),
                "set `translation_of` to the path of the original notice, relative to this file",
            )
            .label("here")
            .cite(rules::citation(&rules::ORIGINAL));
            return vec![diagnostic_for(translation, &rules::ORIGINAL, finding)];
        }
    };
    let language = |n: &Notice| {
        crate::i18n::Language::from_tag(
            n.notice
                .as_ref()
                .and_then(|m| m.language.as_deref())
                .unwrap_or("en-GB"),
        )
    };
    if language(&translation.notice) == language(&original.notice) {
        let finding = Finding::new(
            translation_of,
            format!(
                "this notice and {}, which it says it translates, are in the same language",
                original.file.name
            ),
            "set `[notice] language` in the translation (`language = \"cy\"` for Welsh)",
        )
        .label("same language")
        .cite(rules::citation(&rules::ORIGINAL));
        return vec![diagnostic_for(translation, &rules::ORIGINAL, finding)];
    }
    if original_path(&original.notice, &original.file.path).is_some() {
        let finding = Finding::new(
            translation_of,
            format!(
                "{} is a translation itself; name the original notice",
                original.file.name
            ),
            "point `translation_of` at the notice written first, not at another translation",
        )
        .label("a translation")
        .cite(rules::citation(&rules::ORIGINAL));
        return vec![diagnostic_for(translation, &rules::ORIGINAL, finding)];
    }
    let (Ok(ours), Ok(theirs)) = (
        serde_json::to_value(&translation.notice),
        serde_json::to_value(&original.notice),
    ) else {
        return Vec::new();
    };
    let mut differences = Vec::new();
    walk(
        &ours,
        &theirs,
        &KeyPath::root(),
        &KeyPath::root(),
        Kind::Fact,
        &mut differences,
    );
    differences
        .into_iter()
        .map(|d| {
            let (file, resolved) = original.locate(&d.original_at);
            let offset = match resolved {
                crate::load::locate::Resolved::Found(place) => place.key.start,
                crate::load::locate::Resolved::Missing { container, .. } => container.start,
            };
            let line = file.position(offset).line;
            let finding = Finding::new(
                d.at,
                format!("{} ({} line {line})", d.message, file.name),
                d.help,
            )
            .label(d.label)
            .cite(rules::citation(d.rule));
            diagnostic_for(translation, d.rule, finding)
        })
        .collect()
}

/// Compares two values of the same key. `ours` is the translation.
fn walk(
    ours: &Value,
    theirs: &Value,
    at: &KeyPath,
    original_at: &KeyPath,
    kind: Kind,
    out: &mut Vec<Difference>,
) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let kind = kind_of(key);
                if kind == Kind::Skip {
                    continue;
                }
                let (x, y) = (
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                );
                walk(x, y, &at.key(key), &original_at.key(key), kind, out);
            }
        }
        (Value::Array(a), Value::Array(b)) if is_entries(a) || is_entries(b) => {
            entries(a, b, at, original_at, out);
        }
        (Value::Array(a), Value::Array(b)) if kind == Kind::Words => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                walk(x, y, &at.index(i), &original_at.index(i), kind, out);
            }
            if a.len() != b.len() {
                out.push(fact_difference(at, original_at, ours, theirs));
            }
        }
        (Value::String(x), Value::String(y)) => match kind {
            Kind::Words | Kind::Numbered => {
                if kind == Kind::Numbered && numbers(x) != numbers(y) {
                    out.push(Difference {
                        rule: &rules::FACTS,
                        at: at.clone(),
                        original_at: original_at.clone(),
                        message: format!(
                            "`{}` has other numbers than in the original, \"{}\"",
                            at,
                            short(y)
                        ),
                        help: "a translation gives the same periods and laws as the original: correct whichever is wrong",
                        label: "other numbers",
                    });
                } else if untranslated(x, y) {
                    out.push(Difference {
                        rule: &rules::UNTRANSLATED,
                        at: at.clone(),
                        original_at: original_at.clone(),
                        message: format!(
                            "`{at}` is the same as in the original: it is not translated"
                        ),
                        help: "write it in this notice's language; names may stay as they are",
                        label: "not translated",
                    });
                }
            }
            Kind::Address | Kind::Skip => {}
            Kind::Fact => {
                if normalise(x) != normalise(y) {
                    out.push(fact_difference(at, original_at, ours, theirs));
                }
            }
        },
        (Value::Null, Value::Null) => {}
        (Value::Null, Value::String(y)) if matches!(kind, Kind::Words | Kind::Numbered) => {
            if !y.trim().is_empty() {
                out.push(Difference {
                    rule: &rules::UNTRANSLATED,
                    at: at.clone(),
                    original_at: original_at.clone(),
                    message: format!("`{at}` is in the original and missing here"),
                    help: "translate it: a reader of this version must be told what the original tells",
                    label: "missing",
                });
            }
        }
        (Value::String(x), Value::Null) if matches!(kind, Kind::Words | Kind::Numbered) => {
            if !x.trim().is_empty() {
                out.push(Difference {
                    rule: &rules::FACTS,
                    at: at.clone(),
                    original_at: original_at.clone(),
                    message: format!("`{at}` is not in the original"),
                    help: "say the same in both versions: add it to the original, or remove it here",
                    label: "only here",
                });
            }
        }
        (_, _) if kind == Kind::Address || kind == Kind::Skip => {}
        (x, y) => {
            if x != y {
                out.push(fact_difference(at, original_at, x, y));
            }
        }
    }
}

fn fact_difference(
    at: &KeyPath,
    original_at: &KeyPath,
    ours: &Value,
    theirs: &Value,
) -> Difference {
    let said = |v: &Value| match v {
        Value::Null => "nothing".to_string(),
        Value::String(s) => format!("\"{}\"", short(s)),
        other => short(&other.to_string()),
    };
    Difference {
        rule: &rules::FACTS,
        at: at.clone(),
        original_at: original_at.clone(),
        message: format!(
            "`{at}` says {} here but {} in the original",
            said(ours),
            said(theirs)
        ),
        help: "a translation states the same facts as the original: correct whichever is wrong",
        label: "differs",
    }
}

/// A list of tables (purposes, recipients, sections …), matched by id.
fn is_entries(items: &[Value]) -> bool {
    items.first().is_some_and(Value::is_object)
}

fn entries(
    ours: &[Value],
    theirs: &[Value],
    at: &KeyPath,
    original_at: &KeyPath,
    out: &mut Vec<Difference>,
) {
    let id = |v: &Value| {
        v.get("id")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
    };
    let what = match at.last_key().unwrap_or("") {
        "purposes" => "purpose",
        "recipients" => "recipient",
        "data_categories" => "data category",
        "rules" => "retention rule",
        "sections" => "section",
        "destinations" => "transfer",
        "decisions" => "automated decision",
        "changes" => "change",
        "other_sources" => "source",
        _ => "entry",
    };
    for (i, ours_item) in ours.iter().enumerate() {
        let found = match id(ours_item) {
            Some(key) => theirs.iter().position(|t| id(t).as_deref() == Some(&key)),
            None => (i < theirs.len() && id(&theirs[i]).is_none()).then_some(i),
        };
        match found {
            Some(j) => walk(
                ours_item,
                &theirs[j],
                &at.index(i),
                &original_at.index(j),
                Kind::Fact,
                out,
            ),
            None => out.push(Difference {
                rule: &rules::ITEMS,
                at: at.index(i),
                original_at: original_at.clone(),
                message: match id(ours_item) {
                    Some(key) => format!("{what} `{key}` is not in the original"),
                    None => format!("{what} {} is not in the original", i + 1),
                },
                help: "a translation lists the same entries with the same ids as the original",
                label: "only in this version",
            }),
        }
    }
    for (j, theirs_item) in theirs.iter().enumerate() {
        let present = match id(theirs_item) {
            Some(key) => ours.iter().any(|o| id(o).as_deref() == Some(&key)),
            None => j < ours.len() && id(&ours[j]).is_none(),
        };
        if !present {
            out.push(Difference {
                rule: &rules::ITEMS,
                at: at.clone(),
                original_at: original_at.index(j),
                message: match id(theirs_item) {
                    Some(key) => format!("{what} `{key}` of the original is missing here"),
                    None => format!("{what} {} of the original is missing here", j + 1),
                },
                help: "add it, translated, with the same id",
                label: "missing here",
            });
        }
    }
}

/// The numbers in a text: digits, and number words in English and Welsh
/// up to twelve, so "6 years" and "chwe blynedd" are the same period.
fn numbers(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if word.chars().all(|c| c.is_ascii_digit()) {
            if let Ok(n) = word.parse() {
                out.push(n);
            }
        } else if let Some(n) = crate::i18n::number_word(word) {
            out.push(u64::from(n));
        }
    }
    out
}

/// Whether a translated text is the original's, unchanged: the same words,
/// and more of them than names (two or more words in lower case).
fn untranslated(ours: &str, theirs: &str) -> bool {
    if ours.trim().is_empty() {
        return !theirs.trim().is_empty();
    }
    if normalise(ours) != normalise(theirs) {
        return false;
    }
    ours.split_whitespace()
        .filter(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.chars().count() >= 3 && letters.chars().all(char::is_lowercase)
        })
        .count()
        >= 2
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(60).collect::<String>())
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_two_languages_have_the_same_numbers() {
        assert_eq!(numbers("6 years after the account closes"), vec![6]);
        assert_eq!(numbers("6 blynedd ar ôl i'r cyfrif gau"), vec![6]);
        assert_eq!(numbers("chwe blynedd"), numbers("six years"));
        assert_ne!(numbers("7 mlynedd"), numbers("6 years"));
        assert_eq!(
            numbers("Local Government Finance Act 1992, section 3"),
            numbers("Deddf Cyllid Llywodraeth Leol 1992, adran 3")
        );
    }

    #[test]
    fn text_left_in_the_original_language_is_found() {
        assert!(untranslated(
            "Collecting council tax",
            "Collecting council tax"
        ));
        assert!(!untranslated(
            "Casglu'r dreth gyngor",
            "Collecting council tax"
        ));
        // Names are the same in both languages.
        assert!(!untranslated("HMRC", "HMRC"));
        assert!(!untranslated(
            "Valuation Office Agency",
            "Valuation Office Agency"
        ));
        assert!(untranslated("", "Collecting council tax"));
    }
}
