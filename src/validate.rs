//! Stage 2, validation: a loaded notice → located diagnostics.
//!
//! Every rule of the selected profile runs and reports everything it finds in
//! one pass. Rules speak in key paths; this module turns those into spans
//! with [`SpanIndex`](crate::locate::SpanIndex), applies the profile's severities and citations, and
//! sorts the result so output does not depend on rule order.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::load::LoadedNotice;
use crate::locate::{KeyPath, Resolved};
use crate::profile::{Level, Profile};
use crate::rules::{self, Context, Finding, Rule, RuleKind};
use crate::source::SourceFile;

/// What a notice is checked against.
#[derive(Debug, Clone)]
pub struct Options {
    pub profile: Profile,
    /// Requirement key → level, from `--severity` or project configuration.
    pub overrides: BTreeMap<String, Level>,
    /// The date review periods are measured to (today, unless testing).
    pub today: Date,
    /// Where shared parts may live, and the defaults every notice extends.
    pub sharing: Sharing,
}

/// How notices are merged with shared parts (set by a project).
#[derive(Debug, Clone, Default)]
pub struct Sharing {
    /// Shared parts must be inside this folder (the project root).
    pub root: Option<std::path::PathBuf>,
    /// Organisation-wide defaults beneath every notice.
    pub defaults: Vec<std::path::PathBuf>,
}

impl Options {
    /// The default profile, no overrides, measured to `today`.
    pub fn new(today: Date) -> Self {
        Self {
            profile: Profile::named(crate::profile::DEFAULT_PROFILE)
                .unwrap_or_else(|| Profile::built_in().remove(0)),
            overrides: BTreeMap::new(),
            today,
            sharing: Sharing::default(),
        }
    }
}

/// What validation found: the diagnostics that count, and those the notice
/// accepts with a written reason (`[[allow]]`).
#[derive(Debug, Default)]
pub struct Validation {
    pub diagnostics: Vec<Diagnostic>,
    pub suppressed: Vec<Suppressed>,
}

/// A finding accepted by an `[[allow]]` entry.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub reason: String,
}

/// Checks a loaded notice against every rule of the profile and returns the
/// diagnostics that count (accepted findings are left out; see
/// [`validate_with_suppressions`]).
pub fn validate(loaded: &LoadedNotice, options: &Options) -> Vec<Diagnostic> {
    validate_with_suppressions(loaded, options).diagnostics
}

/// Checks a loaded notice, setting aside the findings its `[[allow]]`
/// entries accept.
pub fn validate_with_suppressions(loaded: &LoadedNotice, options: &Options) -> Validation {
    let diagnostics = run_rules(loaded, options);
    let mut validation = apply_allows(loaded, diagnostics);
    validation
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    validation
        .suppressed
        .sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
    validation
}

fn run_rules(loaded: &LoadedNotice, options: &Options) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for found in rules::structure::check(&loaded.notice) {
        diagnostics.push(to_diagnostic(
            loaded,
            found.rule,
            Severity::Error,
            None,
            found.finding,
        ));
    }
    let cx = Context::new(&loaded.notice, &options.profile, options.today);
    for rule in rules::RULES
        .iter()
        .filter(|r| r.kind == RuleKind::Requirement)
    {
        let Some(check) = rule.check else { continue };
        let Some(severity) = options.profile.severity_of(rule.name, &options.overrides) else {
            continue;
        };
        let citation = options.profile.citation_of(rule.name);
        let mut findings = Vec::new();
        check(&cx, &mut findings);
        for finding in findings {
            let severity = finding.severity.unwrap_or(severity);
            let citation = finding.citation.clone().or(citation.map(str::to_owned));
            diagnostics.push(to_diagnostic(loaded, rule, severity, citation, finding));
        }
    }
    diagnostics
}

/// Moves findings accepted by `[[allow]]` entries aside, and reports allows
/// that are malformed or accept nothing.
fn apply_allows(loaded: &LoadedNotice, diagnostics: Vec<Diagnostic>) -> Validation {
    let notice = &loaded.notice;
    let mut problems = Vec::new();
    // (rule name, purpose path prefix, reason, index of the allow)
    let mut allows: Vec<(&'static str, Option<String>, String, usize)> = Vec::new();
    for (i, allow) in notice.allow.iter().enumerate() {
        let at = KeyPath::root().key("allow").index(i);
        let rule = allow.rule.as_deref().map(str::trim).unwrap_or("");
        let Some(found) = rules::find(rule).filter(|r| r.kind == RuleKind::Requirement) else {
            let names = rules::RULES
                .iter()
                .filter(|r| r.kind == RuleKind::Requirement)
                .map(|r| r.name);
            let help = match crate::load::nearest(rule, names) {
                Some(best) => format!("did you mean `{best}`? Run `noticec explain` for the list"),
                None => "name a requirement rule such as `retention` or `N013`; run `noticec explain` for the list".into(),
            };
            let message = if rule.is_empty() {
                "this allow does not name a rule".to_string()
            } else {
                format!("`{rule}` is not a requirement rule that can be allowed")
            };
            problems.push(structure_problem(
                loaded,
                &rules::structure::INVALID_VALUE,
                at.key("rule"),
                message,
                help,
            ));
            continue;
        };
        let Some(reason) = allow
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        else {
            problems.push(structure_problem(
                loaded,
                &rules::structure::INVALID_VALUE,
                at.key("reason"),
                "an allow needs a written reason".into(),
                "add `reason = \"...\"` saying why the finding is acceptable, for auditors".into(),
            ));
            continue;
        };
        let scope = match allow.purpose.as_deref().map(str::trim) {
            None => None,
            Some(id) => match notice
                .purposes
                .iter()
                .position(|p| p.id.as_deref().map(str::trim) == Some(id))
            {
                Some(index) => Some(KeyPath::root().key("purposes").index(index).to_string()),
                None => {
                    problems.push(structure_problem(
                        loaded,
                        &rules::structure::UNKNOWN_REFERENCE,
                        at.key("purpose"),
                        format!("no purpose has the id `{id}`"),
                        "use the `id` of a `[[purposes]]` entry, or leave `purpose` out to allow the rule for the whole notice".into(),
                    ));
                    continue;
                }
            },
        };
        allows.push((found.name, scope, reason.to_string(), i));
    }

    let mut used = vec![false; notice.allow.len()];
    let mut validation = Validation::default();
    for diagnostic in diagnostics {
        let accepted = allows.iter().find(|(rule, scope, _, _)| {
            diagnostic.requirement == Some(*rule)
                && scope.as_deref().is_none_or(|prefix| {
                    diagnostic.path.as_deref().is_some_and(|path| {
                        path.strip_prefix(prefix)
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
                    })
                })
        });
        match accepted {
            Some((_, _, reason, index)) => {
                used[*index] = true;
                validation.suppressed.push(Suppressed {
                    diagnostic,
                    reason: reason.clone(),
                });
            }
            None => validation.diagnostics.push(diagnostic),
        }
    }
    for (_, _, _, index) in &allows {
        if !used[*index] {
            let mut unused = structure_problem(
                loaded,
                &rules::structure::UNUSED_ALLOW,
                KeyPath::root().key("allow").index(*index),
                "this allow accepts no finding".into(),
                "remove it: the finding it was written for no longer occurs".into(),
            );
            unused.severity = Severity::Warning;
            problems.push(unused);
        }
    }
    validation.diagnostics.extend(problems);
    validation
}

/// A finding about a loaded notice as a located diagnostic (for checks that
/// run outside the rule table, such as the project checks).
pub(crate) fn diagnostic_for(
    loaded: &LoadedNotice,
    rule: &'static Rule,
    severity: Severity,
    finding: Finding,
) -> Diagnostic {
    to_diagnostic(loaded, rule, severity, None, finding)
}

fn structure_problem(
    loaded: &LoadedNotice,
    rule: &'static Rule,
    at: KeyPath,
    message: String,
    help: String,
) -> Diagnostic {
    to_diagnostic(
        loaded,
        rule,
        Severity::Error,
        None,
        Finding::new(at, message, help),
    )
}

fn to_diagnostic(
    loaded: &LoadedNotice,
    rule: &'static Rule,
    severity: Severity,
    citation: Option<String>,
    finding: Finding,
) -> Diagnostic {
    let (file, span, default_label) = locate(loaded, &finding.at, finding.within.clone());
    let related = finding
        .related
        .iter()
        .filter_map(|(path, label)| {
            // Secondary labels are drawn in the same file as the primary one.
            let (related_file, span, _) = locate(loaded, path, None);
            (Arc::ptr_eq(&related_file, &file) || related_file.name == file.name).then(|| Related {
                span,
                label: label.clone(),
            })
        })
        .filter(|r| r.span != span)
        .collect();
    Diagnostic {
        severity,
        code: rule.code,
        requirement: (rule.kind == RuleKind::Requirement).then_some(rule.name),
        citation,
        message: finding.message,
        help: Some(finding.help),
        url: Some(rule.url),
        file,
        span: Some(span),
        label: Some(finding.label.unwrap_or(default_label)),
        related,
        path: Some(finding.at.to_string()),
    }
}

/// The file and span for a path, and the label to use when the rule gave none.
fn locate(
    loaded: &LoadedNotice,
    path: &KeyPath,
    within: Option<Range<usize>>,
) -> (Arc<SourceFile>, Range<usize>, String) {
    let (file, resolved) = loaded.locate(path);
    match resolved {
        Resolved::Found(place) => {
            let span = within
                .and_then(|range| narrow_to_string_part(&file.text, &place.value, range))
                .unwrap_or(place.value);
            (file, span, "here".to_string())
        }
        Resolved::Missing {
            container,
            container_path,
        } => {
            let key = path.last_key().unwrap_or("this");
            let label = if container_path.is_root() {
                format!("`{path}` is missing from this file")
            } else {
                format!("`{key}` is missing from this table")
            };
            (file, container, label)
        }
    }
}

/// Maps a byte range inside a string's *value* to the same text in the
/// source, when the string is written without escapes up to there;
/// otherwise `None` and the whole value is labelled.
fn narrow_to_string_part(
    text: &str,
    value: &Range<usize>,
    part: Range<usize>,
) -> Option<Range<usize>> {
    let raw = text.get(value.clone())?;
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| raw.starts_with(q))?;
    let mut content_start = value.start + quote.len();
    // TOML drops a newline straight after the opening quotes of a multi-line string.
    if quote.len() == 3 {
        if text[content_start..].starts_with("\r\n") {
            content_start += 2;
        } else if text[content_start..].starts_with('\n') {
            content_start += 1;
        }
    }
    let start = content_start + part.start;
    let end = content_start + part.end;
    if end > value.end {
        return None;
    }
    // Only trust the mapping when the decoded value and the source agree up
    // to the end of the part (no escapes or line continuations before it).
    let decoded_prefix_len = part.end;
    let source_prefix = text.get(content_start..end)?;
    (source_prefix.len() == decoded_prefix_len && !source_prefix.contains('\\'))
        .then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrows_inside_plain_and_multiline_strings() {
        let text = "a = \"see the DPA 1998\"\n";
        let value = 4..22;
        assert_eq!(narrow_to_string_part(text, &value, 8..16), Some(13..21));
        assert_eq!(&text[13..21], "DPA 1998");
        let text = "a = \"\"\"\nsee the DPA 1998\"\"\"\n";
        let value = 4..text.len() - 1;
        assert_eq!(
            &text[narrow_to_string_part(text, &value, 8..16).expect("narrowed")],
            "DPA 1998"
        );
        let text = "a = \"s\\u0065e the DPA 1998\"\n";
        assert_eq!(
            narrow_to_string_part(text, &(4..text.len() - 1), 8..16),
            None
        );
    }
}
