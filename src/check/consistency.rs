//! Project checks: consistency across a council's notices (rules `P…`).
//!
//! Each notice is checked on its own first; these checks then compare them:
//! the same id defined differently, controller or DPO details that differ
//! from the corporate notice, shared parts nobody uses, and two notices that
//! would be published under the same name.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::validate::diagnostic_for;
use super::{FileKind, FileReport};
use crate::diagnostic::{Diagnostic, Severity};
use crate::law::profile::Level;
use crate::load::discover::{canonical, notice_files};
use crate::load::source::SourceFile;
use crate::model::KeyPath;
use crate::project::Project;
use crate::rules::{Finding, project as rules};

/// The language of a notice's words: notices are compared with notices
/// in the same language (a Welsh recipient's name differs from the
/// English one, and should).
fn language_of(notice: &crate::model::Notice) -> crate::i18n::Language {
    crate::i18n::Language::from_tag(
        notice
            .notice
            .as_ref()
            .and_then(|m| m.language.as_deref())
            .unwrap_or("en-GB"),
    )
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    let norm = |v: &Option<String>| {
        v.as_deref().map(|t| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
    };
    norm(a) == norm(b)
}

/// Adds the project findings to `reports` (and a report for each unused
/// part). `overrides` may turn a project rule off or change its severity,
/// as for requirement rules (`[severity]`, `--severity`).
pub fn check_project(
    project: &Project,
    reports: &mut Vec<FileReport>,
    overrides: &BTreeMap<String, Level>,
) {
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    definitions(reports, &mut found);
    contacts(project, reports, &mut found);
    outputs(project, reports, &mut found);
    urls(project, reports, &mut found);
    welsh_versions(reports, &mut found);
    let mut parts = unused_parts(project, reports);
    // Apply the severities: the rule's own, unless the project says otherwise.
    let mut adjust = |diagnostic: &mut Diagnostic| {
        let rule = crate::rules::RULES
            .iter()
            .find(|r| r.code == diagnostic.code);
        match rule.and_then(|r| overrides.get(r.name).copied()) {
            Some(level) => match level.severity() {
                Some(severity) => {
                    diagnostic.severity = severity;
                    true
                }
                None => false,
            },
            None => true,
        }
    };
    for (index, mut diagnostic) in found {
        if adjust(&mut diagnostic) {
            reports[index].diagnostics.push(diagnostic);
        }
    }
    for part in &mut parts {
        part.diagnostics.retain_mut(&mut adjust);
    }
    reports.extend(parts.into_iter().filter(|p| !p.diagnostics.is_empty()));
    for report in reports.iter_mut() {
        report
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
}

/// The first definition of an id: name, description, and the file it is in.
type Definition = (Option<String>, Option<String>, String);

/// P001: a recipient or data category id with different definitions.
fn definitions(reports: &[FileReport], found: &mut Vec<(usize, Diagnostic)>) {
    // (language, kind, id) → (name, description, file the definition lives in)
    let mut first: HashMap<(crate::i18n::Language, &str, String), Definition> = HashMap::new();
    for (r, report) in reports.iter().enumerate() {
        let Some(loaded) = &report.notice else {
            continue;
        };
        let notice = &loaded.notice;
        let language = language_of(notice);
        let lists = [
            (
                "recipient",
                "recipients",
                notice
                    .recipients
                    .iter()
                    .map(|x| (&x.id, &x.name, &x.description))
                    .collect::<Vec<_>>(),
            ),
            (
                "data category",
                "data_categories",
                notice
                    .data_categories
                    .iter()
                    .map(|x| (&x.id, &x.name, &x.description))
                    .collect(),
            ),
        ];
        for (kind, key, entries) in lists {
            for (i, (id, name, description)) in entries.into_iter().enumerate() {
                let Some(id) = id.as_deref().map(str::trim) else {
                    continue;
                };
                let at = KeyPath::root().key(key).index(i);
                let home = loaded.locate(&at).0.name.clone();
                match first.get(&(language, kind, id.to_string())) {
                    None => {
                        first.insert(
                            (language, kind, id.to_string()),
                            (name.clone(), description.clone(), home),
                        );
                    }
                    Some((first_name, first_description, first_home)) => {
                        if *first_home == home
                            || (same(first_name, name) && same(first_description, description))
                        {
                            continue;
                        }
                        let finding = Finding::new(
                            at.key("name"),
                            format!("the {kind} `{id}` is defined differently in {first_home}"),
                            "define it once in a shared part that both notices extend, or give one of them another id",
                        )
                        .label("a different definition");
                        found.push((
                            r,
                            diagnostic_for(loaded, &rules::INCONSISTENT_DEFINITION, finding),
                        ));
                    }
                }
            }
        }
    }
}

/// P002: controller or DPO details that differ from the reference notice.
fn contacts(project: &Project, reports: &[FileReport], found: &mut Vec<(usize, Diagnostic)>) {
    let corporate = project
        .config
        .corporate
        .as_deref()
        .map(|c| canonical(&project.path(c)));
    let mut languages: Vec<crate::i18n::Language> = reports
        .iter()
        .filter_map(|r| r.notice.as_ref())
        .map(|n| language_of(&n.notice))
        .collect();
    languages.sort();
    languages.dedup();
    for language in languages {
        contacts_in(language, corporate.as_deref(), reports, found);
    }
}

/// P002 among the notices in one language: the reference is the corporate
/// notice, or its translation into the language, or the first notice.
fn contacts_in(
    language: crate::i18n::Language,
    corporate: Option<&Path>,
    reports: &[FileReport],
    found: &mut Vec<(usize, Diagnostic)>,
) {
    let in_language = |r: &FileReport| {
        r.notice
            .as_ref()
            .is_some_and(|n| language_of(&n.notice) == language)
    };
    let is_corporate = |r: &FileReport| {
        corporate.is_some_and(|c| {
            r.notice.as_ref().is_some_and(|n| {
                canonical(&n.file.path) == c
                    || super::translation::original_path(&n.notice, &n.file.path)
                        .is_some_and(|o| canonical(&o) == c)
            })
        })
    };
    let reference = reports
        .iter()
        .position(|r| in_language(r) && is_corporate(r))
        .or_else(|| reports.iter().position(in_language));
    let Some(reference) = reference else { return };
    let Some(base) = &reports[reference].notice else {
        return;
    };
    let base_name = reports[reference].name.clone();
    let fields = |n: &crate::model::Notice| -> Vec<(&'static str, &'static str, Option<String>)> {
        let controller = n.controller.as_ref().map(|c| &c.contact);
        let dpo = n.dpo.as_ref().map(|d| &d.contact);
        [("controller", controller), ("dpo", dpo)]
            .into_iter()
            .flat_map(|(table, contact)| {
                let contact = contact.cloned().unwrap_or_default();
                contact
                    .fields()
                    .into_iter()
                    .map(|(key, value)| (table, key, value.clone()))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let expected = fields(&base.notice);
    let base_controller = base
        .notice
        .controller
        .as_ref()
        .and_then(|c| c.contact.name.clone());
    for (r, report) in reports.iter().enumerate() {
        if r == reference || !in_language(report) {
            continue;
        }
        let Some(loaded) = &report.notice else {
            continue;
        };
        // A notice with another controller (an Electoral Registration
        // Officer, say) is not expected to share the council's details;
        // its DPO still should match.
        let controller = loaded
            .notice
            .controller
            .as_ref()
            .and_then(|c| c.contact.name.clone());
        let other_controller = !same(&controller, &base_controller);
        for ((table, key, value), (_, _, wanted)) in
            fields(&loaded.notice).into_iter().zip(&expected)
        {
            if value.is_none() || wanted.is_none() || same(&value, wanted) {
                continue;
            }
            if other_controller && table == "controller" {
                continue;
            }
            let who = if table == "dpo" {
                "the DPO's"
            } else {
                "the controller's"
            };
            let finding = Finding::new(
                KeyPath::root().key(table).key(key),
                format!(
                    "{who} {} differs from {base_name} (\"{}\")",
                    key.replace('_', " "),
                    wanted.as_deref().unwrap_or_default()
                ),
                format!("keep `[{table}]` in one shared part that every notice extends"),
            )
            .label("differs");
            found.push((
                r,
                diagnostic_for(loaded, &rules::INCONSISTENT_CONTACT, finding),
            ));
        }
    }
}

/// P005: with a corporate notice, pages link to each other, and outside
/// the built site (fragments, Markdown, text) only by published address.
fn urls(project: &Project, reports: &[FileReport], found: &mut Vec<(usize, Diagnostic)>) {
    if project.config.corporate.is_none() {
        return;
    }
    for (r, report) in reports.iter().enumerate() {
        let Some(loaded) = &report.notice else {
            continue;
        };
        let has_url = loaded
            .notice
            .notice
            .as_ref()
            .and_then(|m| m.url.as_deref())
            .is_some_and(|u| !u.trim().is_empty());
        if has_url {
            continue;
        }
        let finding = Finding::new(
            KeyPath::root().key("notice"),
            "this notice does not say where it is published, so the links between it and the other notices cannot point at the published pages",
            "add `url` to `[notice]`: the address of the page on the council's website",
        )
        .label("no url");
        found.push((r, diagnostic_for(loaded, &rules::NOTICE_URL, finding)));
    }
}

/// T005: under the Welsh Language Standards, every notice has a Welsh
/// version in the project.
fn welsh_versions(reports: &[FileReport], found: &mut Vec<(usize, Diagnostic)>) {
    use crate::i18n::Language;
    let language = |n: &crate::model::Notice| {
        Language::from_tag(
            n.notice
                .as_ref()
                .and_then(|m| m.language.as_deref())
                .unwrap_or("en-GB"),
        )
    };
    let translated: HashSet<PathBuf> = reports
        .iter()
        .filter_map(|r| r.notice.as_ref())
        .filter(|n| language(&n.notice) == Language::Welsh)
        .filter_map(|n| super::translation::original_path(&n.notice, &n.file.path))
        .map(|p| canonical(&p))
        .collect();
    for (r, report) in reports.iter().enumerate() {
        let Some(loaded) = &report.notice else {
            continue;
        };
        let bound = loaded
            .notice
            .controller
            .as_ref()
            .and_then(|c| c.welsh_language_standards)
            == Some(true);
        if !bound
            || language(&loaded.notice) == Language::Welsh
            || translated.contains(&canonical(&loaded.file.path))
        {
            continue;
        }
        let finding = Finding::new(
            KeyPath::root().key("controller").key("welsh_language_standards"),
            "the controller must meet the Welsh Language Standards, and this notice has no Welsh version",
            "write the Welsh version: a notice with `language = \"cy\"` and `translation_of` naming this file",
        )
        .label("a Welsh body")
        .cite(crate::rules::translation::citation(
            &crate::rules::translation::WELSH_VERSION,
        ));
        found.push((
            r,
            diagnostic_for(loaded, &crate::rules::translation::WELSH_VERSION, finding),
        ));
    }
}

/// P004: two notices (or a notice and the index page) with the same output name.
fn outputs(project: &Project, reports: &[FileReport], found: &mut Vec<(usize, Diagnostic)>) {
    let (_, any_dir) = notice_files(&project.notice_paths());
    let mut owners: HashMap<&Path, &str> = HashMap::new();
    for (r, report) in reports.iter().enumerate() {
        let Some(stem) = report.output.as_deref() else {
            continue;
        };
        let clash = match owners.get(stem) {
            Some(first) => Some(first.to_string()),
            None if any_dir && stem == Path::new("index") => Some("the index page".to_string()),
            None => None,
        };
        owners.entry(stem).or_insert(&report.name);
        let Some(first) = clash else { continue };
        let file = report
            .notice
            .as_ref()
            .map(|n| n.file.clone())
            .unwrap_or_else(|| Arc::new(SourceFile::new(&report.path, "")));
        found.push((
            r,
            Diagnostic::file_problem(
                file,
                rules::DUPLICATE_OUTPUT.code,
                format!(
                    "this notice would be published as {} like {first}",
                    stem.display()
                ),
                "rename one of the files",
            )
            .at(0..0, "same output name"),
        ));
    }
}

/// P003: shared parts that no notice extends, as reports of their own.
fn unused_parts(project: &Project, reports: &[FileReport]) -> Vec<FileReport> {
    let mut out = Vec::new();
    let used: HashSet<PathBuf> = reports
        .iter()
        .filter_map(|r| r.notice.as_ref())
        .flat_map(|n| {
            n.sources
                .iter()
                .map(|s| canonical(&s.file.path))
                .collect::<Vec<_>>()
        })
        .chain(project.defaults().iter().map(|p| canonical(p)))
        .collect();
    for part in project.part_files() {
        if used.contains(&canonical(&part)) {
            continue;
        }
        let text = std::fs::read_to_string(&part).unwrap_or_default();
        let file = Arc::new(SourceFile::new(&part, text));
        let mut diagnostic = Diagnostic::file_problem(
            file,
            rules::UNUSED_PART.code,
            "no notice extends this shared part",
            "add it to the `extends` of the notices that should use it, or delete it",
        )
        .at(0..0, "unused");
        diagnostic.severity = rules::UNUSED_PART.severity.unwrap_or(Severity::Warning);
        let mut report = FileReport::new(&part, FileKind::Part);
        report.diagnostics.push(diagnostic);
        out.push(report);
    }
    out
}
