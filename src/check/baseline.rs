//! `--baseline REV`: each notice compared, as data, with its version at a
//! git revision (both resolved with their shared parts as they were): a
//! material change without a later date (P006), a new purpose, transfer or
//! special category use that people must be told about first (P007), and a
//! notice of the project at REV that is gone (P008).

use std::path::Path;
use std::sync::Arc;

use super::validate::{Options, diagnostic_for};
use super::{FileKind, FileReport};
use crate::diagnostic::{Diagnostic, Severity};
use crate::history::{self, Change, Kind, git::Tree};
use crate::load::read::LoadedNotice;
use crate::model::KeyPath;
use crate::rules::{Finding, project as rules};

/// The findings for one notice against the baseline.
pub fn notice_findings(loaded: &LoadedNotice, tree: &Tree, options: &Options) -> Vec<Diagnostic> {
    let Some(old_path) = tree.file(&loaded.file.path) else {
        return Vec::new();
    };
    if !old_path.is_file() {
        // A new notice: everything in it is new, and it is announced by
        // being published; nothing to compare.
        return Vec::new();
    }
    let Ok(old) = history::load(&old_path) else {
        // The old version could not be read: nothing to compare with.
        return Vec::new();
    };
    let new = &loaded.notice;
    let changes = history::compare(&old, new);
    let mut out = Vec::new();
    let material: Vec<&Change> = changes.iter().filter(|c| c.material).collect();
    let date = |n: &crate::model::Notice| {
        n.notice
            .as_ref()
            .and_then(|m| m.last_updated.as_ref())
            .and_then(|d| d.date)
            .map(|d| (d.year, d.month, d.day))
    };
    let later = match (date(&old), date(new)) {
        (Some(before), Some(after)) => after > before,
        (None, Some(_)) => true,
        _ => false,
    };
    if !material.is_empty() && !later {
        let shown: Vec<&str> = material.iter().take(3).map(|c| c.text.as_str()).collect();
        let more = material.len().saturating_sub(3);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let finding = Finding::new(
            KeyPath::root().key("notice").key("last_updated"),
            format!(
                "this notice changed since {} ({}{more}) but `last_updated` is not later",
                tree.rev,
                shown.join("; ")
            ),
            format!(
                "set `last_updated` to the date the changed notice is published, and say what changed in a `[[changes]]` entry (`noticec diff {}:{} {} --entry` drafts one)",
                tree.rev,
                loaded.file.name,
                loaded.file.name
            ),
        )
        .label("not later than before");
        push(&mut out, loaded, &rules::UNDATED_CHANGE, finding, options);
    }
    for change in changes.iter().filter(|c| announce(c)) {
        let at = purpose_path(new, change).unwrap_or_else(|| KeyPath::root().key("notice"));
        let finding = Finding::new(
            at,
            format!(
                "{} (since {}): people must be told before this processing starts",
                change.text, tree.rev
            ),
            "publish the changed notice, and tell the people affected, before the new processing starts (UK GDPR Art. 13(3), 14(4))",
        )
        .label("new since the baseline");
        push(&mut out, loaded, &rules::NEW_PROCESSING, finding, options);
    }
    out
}

/// The changes people must hear about before they happen.
fn announce(change: &Change) -> bool {
    matches!(
        (change.kind, change.topic),
        (Kind::Added, "purpose")
            | (Kind::Added, "transfer")
            | (Kind::Added, "special-category")
            | (Kind::Changed, "special-category")
    ) && !(change.topic == "special-category" && change.text.contains("no longer"))
}

/// The purpose a change is about, as a key path in the new notice.
fn purpose_path(notice: &crate::model::Notice, change: &Change) -> Option<KeyPath> {
    let id = change.path.strip_prefix("purposes[")?.split(']').next()?;
    let index = notice
        .purposes
        .iter()
        .position(|p| p.id.as_deref() == Some(id) || p.name.as_deref() == Some(id))?;
    Some(KeyPath::root().key("purposes").index(index))
}

fn push(
    out: &mut Vec<Diagnostic>,
    loaded: &LoadedNotice,
    rule: &'static crate::rules::Rule,
    finding: Finding,
    options: &Options,
) {
    let mut diagnostic = diagnostic_for(loaded, rule, finding);
    match options.overrides.get(rule.name).map(|l| l.severity()) {
        Some(None) => {}
        Some(Some(severity)) => {
            diagnostic.severity = severity;
            out.push(diagnostic);
        }
        None => out.push(diagnostic),
    }
}

/// P008: the notices of the project at the baseline that are no longer
/// notices of the project, as reports of their own (the file is gone).
pub fn removed_notices(
    project: &crate::project::Project,
    current: &[FileReport],
    tree: &Tree,
    options: &Options,
) -> Vec<FileReport> {
    let Some(old_config) = tree.file(&project.file.path) else {
        return Vec::new();
    };
    let Ok(old_project) = crate::project::Project::load(&old_config) else {
        return Vec::new();
    };
    let (old_files, _) = crate::load::discover::notice_files(&old_project.notice_paths());
    let now: std::collections::HashSet<std::path::PathBuf> = current
        .iter()
        .filter(|r| r.kind == FileKind::Notice)
        .filter_map(|r| tree.file(&r.path))
        .map(|p| crate::load::discover::canonical(&p))
        .collect();
    let mut out = Vec::new();
    for file in old_files {
        if now.contains(&crate::load::discover::canonical(&file.source)) {
            continue;
        }
        let relative = file
            .source
            .strip_prefix(tree.root())
            .unwrap_or(&file.source)
            .to_path_buf();
        let severity = match options
            .overrides
            .get(rules::REMOVED_NOTICE.name)
            .map(|l| l.severity())
        {
            Some(None) => continue,
            Some(Some(severity)) => severity,
            None => rules::REMOVED_NOTICE.severity.unwrap_or(Severity::Warning),
        };
        let shown = display(&relative);
        let source = Arc::new(crate::load::source::SourceFile::new(Path::new(&shown), ""));
        let mut diagnostic = Diagnostic::file_problem(
            source,
            rules::REMOVED_NOTICE.code,
            format!(
                "{shown} was a notice of the project at {} ({}) and is gone",
                tree.rev,
                tree.short()
            ),
            "say in the notice that replaces it what happened to this processing, and keep the old version in your records",
        );
        diagnostic.severity = severity;
        diagnostic.url = Some(rules::REMOVED_NOTICE.url);
        let mut report = FileReport::new(Path::new(&shown), FileKind::Notice);
        report.diagnostics.push(diagnostic);
        report.has_errors = severity == Severity::Error;
        report.removed = true;
        out.push(report);
    }
    out
}

/// A path in the repository with `/` separators.
fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
