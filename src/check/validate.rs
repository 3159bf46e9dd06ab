//! Stage 2, validation: a loaded notice → located diagnostics.
//!
//! Every rule of the selected profile runs and reports everything it finds in
//! one pass. Rules speak in key paths; this module turns those into spans
//! with [`SpanIndex`](crate::load::locate::SpanIndex), applies the profile's severities and citations, and
//! sorts the result so output does not depend on rule order.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::law::profile::{Level, Profile};
use crate::load::LoadedNotice;
use crate::load::locate::Resolved;
use crate::load::resolve::Sharing;
use crate::load::source::SourceFile;
use crate::model::KeyPath;
use crate::rules::{self, Context, Finding, Rule, RuleKind};

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
    /// `--baseline REV`: the repository's tree at REV, each notice compared
    /// with its version there (rules P006-P008).
    pub baseline: Option<std::sync::Arc<crate::history::git::Tree>>,
}

impl Options {
    /// The default profile, no overrides, measured to `today`.
    pub fn new(today: Date) -> Self {
        Self {
            profile: Profile::named(crate::law::profile::DEFAULT_PROFILE)
                .unwrap_or_else(|| Profile::built_in().remove(0)),
            overrides: BTreeMap::new(),
            today,
            sharing: Sharing::default(),
            baseline: None,
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
    validate_with(loaded, options, Vec::new())
}

/// [`validate_with_suppressions`], with `more` findings about the notice
/// from outside its own rules (the comparison with the notice it
/// translates), which `[[allow]]` and `[severity]` apply to as well.
pub fn validate_with(
    loaded: &LoadedNotice,
    options: &Options,
    more: Vec<Diagnostic>,
) -> Validation {
    let mut diagnostics = run_rules(loaded, options);
    for mut diagnostic in more {
        let rule = rules::RULES.iter().find(|r| r.code == diagnostic.code);
        if let Some(level) = rule.and_then(|r| options.overrides.get(r.name)) {
            match level.severity() {
                Some(severity) => diagnostic.severity = severity,
                None => continue,
            }
        }
        diagnostics.push(diagnostic);
    }
    let mut validation = super::allow::apply_allows(loaded, diagnostics);
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
    // Rules see every purpose with the notice-wide statements it inherits.
    let effective = loaded.notice.with_all_purposes();
    let cx = Context::new(&effective, &loaded.notice, &options.profile, options.today);
    for found in rules::structure::check(&loaded.notice, cx.prose()) {
        let severity = found.rule.severity.unwrap_or(Severity::Error);
        diagnostics.push(to_diagnostic(
            loaded,
            found.rule,
            severity,
            None,
            found.finding,
        ));
    }
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
        for finding in one_per_cause(findings, &cx) {
            let severity = finding.severity.unwrap_or(severity);
            let citation = finding.citation.clone().or(citation.map(str::to_owned));
            diagnostics.push(to_diagnostic(loaded, rule, severity, citation, finding));
        }
    }
    diagnostics
}

/// When every UK GDPR purpose (two or more) has the same per-purpose
/// finding, reports it once for the notice — where a notice-wide statement
/// would go, with each purpose as a related label — instead of once per
/// purpose.
fn one_per_cause(findings: Vec<Finding>, cx: &Context<'_>) -> Vec<Finding> {
    if !findings.iter().any(|f| f.per_purpose.is_some()) {
        return findings;
    }
    let purposes: Vec<KeyPath> = cx.gdpr_purposes().map(|(at, _)| at).collect();
    let gdpr: std::collections::HashSet<usize> = purposes
        .iter()
        .filter_map(|p| p.in_purpose().map(|(i, _)| i))
        .collect();
    // (generic message, the key inside the purpose) → (that key, finding
    // indexes, the purposes they are about).
    type Group = (
        KeyPath,
        Vec<usize>,
        std::collections::HashSet<usize>,
        Option<usize>,
    );
    let mut groups: BTreeMap<(&'static str, String), Group> = BTreeMap::new();
    for (i, finding) in findings.iter().enumerate() {
        let Some(all) = finding.per_purpose else {
            continue;
        };
        let Some((purpose, rest)) = finding.at.in_purpose() else {
            continue;
        };
        if !gdpr.contains(&purpose) {
            continue;
        }
        let group = groups
            .entry((all, rest.to_string()))
            .or_insert_with(|| (rest, Vec::new(), Default::default(), finding.per_purpose_of));
        group.1.push(i);
        group.2.insert(purpose);
    }
    let mut merged: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    for ((all, _), (rest, members, covered, of)) in groups {
        if covered.len() < 2 || covered.len() < of.unwrap_or(gdpr.len()) {
            continue;
        }
        let Some(first) = merged[members[0]].take() else {
            continue;
        };
        for &i in &members[1..] {
            merged[i] = None;
        }
        let mut finding = Finding::new(
            KeyPath::root().key("all_purposes").join(&rest),
            all,
            format!(
                "{} — for every purpose, or once in `[all_purposes]`",
                first.help
            ),
        )
        .label("missing for every purpose");
        finding.citation = first.citation;
        finding.severity = first.severity;
        // Each purpose concerned labelled, up to a readable number.
        let mut concerned: Vec<&usize> = covered.iter().collect();
        concerned.sort();
        for &&i in concerned.iter().take(12) {
            finding = finding.related(KeyPath::root().key("purposes").index(i), "this purpose");
        }
        merged.push(Some(finding));
    }
    merged.into_iter().flatten().collect()
}

/// A finding about a loaded notice as a located diagnostic (for checks that
/// run outside the rule table, such as the project checks).
pub(crate) fn diagnostic_for(
    loaded: &LoadedNotice,
    rule: &'static Rule,
    finding: Finding,
) -> Diagnostic {
    let severity = rule.severity.unwrap_or(Severity::Warning);
    let citation = finding.citation.clone();
    to_diagnostic(loaded, rule, severity, citation, finding)
}

pub(super) fn structure_problem(
    loaded: &LoadedNotice,
    rule: &'static Rule,
    at: KeyPath,
    message: String,
    help: String,
) -> Diagnostic {
    to_diagnostic(
        loaded,
        rule,
        rule.severity.unwrap_or(Severity::Error),
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
        .filter_map(|(path, within, label)| {
            // Secondary labels are drawn in the same file as the primary one.
            let (related_file, span, _) = locate(loaded, path, within.clone());
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
    let path = &inherited_from(loaded, path).unwrap_or_else(|| path.clone());
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
            if container_path.is_root() {
                // A missing table goes at the end of the file, never at the
                // `#:schema` comment on line 1.
                let end = file.text.trim_end().len();
                let start = file.text[..end].rfind('\n').map_or(0, |i| i + 1);
                let label = format!("`{path}` is missing from this file");
                (file, start..end, label)
            } else {
                (
                    file,
                    container,
                    format!("`{key}` is missing from this table"),
                )
            }
        }
    }
}

/// Where a purpose's value lives when the purpose inherits it from
/// `[all_purposes]`: `purposes[2].recipients[0]` → `all_purposes.recipients[0]`.
fn inherited_from(loaded: &LoadedNotice, path: &KeyPath) -> Option<KeyPath> {
    let notice = &loaded.notice;
    let all = notice.all_purposes.as_ref()?;
    let (i, rest) = path.in_purpose()?;
    let purpose = notice.purposes.get(i)?;
    let inherits = all.gives(purpose, rest.first_key()?);
    inherits.then(|| KeyPath::root().key("all_purposes").join(&rest))
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
