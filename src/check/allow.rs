//! `[[allow]]`: findings a council accepts with a written reason. They are
//! set aside (not counted, still reported to auditors); an allow that is
//! malformed or accepts nothing is itself a finding.

use super::validate::{Suppressed, Validation, structure_problem};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::LoadedNotice;
use crate::model::KeyPath;
use crate::rules::{self, RuleKind};

/// Moves findings accepted by `[[allow]]` entries aside, and reports allows
/// that are malformed or accept nothing.
pub(super) fn apply_allows(loaded: &LoadedNotice, diagnostics: Vec<Diagnostic>) -> Validation {
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
            let help = match did_you_mean(rule, names) {
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
            let unused = structure_problem(
                loaded,
                &rules::structure::UNUSED_ALLOW,
                KeyPath::root().key("allow").index(*index),
                "this allow accepts no finding".into(),
                "remove it: the finding it was written for no longer occurs".into(),
            );
            problems.push(unused);
        }
    }
    validation.diagnostics.extend(problems);
    validation
}
