//! Checking many files: find the notices under the given paths, then load and
//! validate each one. `noticec check` is this plus a report; `noticec build`
//! adds rendering.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::LoadedNotice;
use crate::source::display_name;
use crate::validate::{self, Options};

/// File names that are TOML but never notices, skipped when searching folders.
const NOT_NOTICES: &[&str] = &[
    "Cargo.toml",
    "noticec.toml",
    "pyproject.toml",
    "rust-toolchain.toml",
    "taplo.toml",
    ".taplo.toml",
];

/// Folders never searched for notices.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules", "site"];

/// The notice files named by `paths`: files as given, folders searched
/// recursively for `*.toml` notices (skipping hidden folders, build output,
/// folders of other projects and well-known non-notice files). Sorted within each folder, so the order
/// is stable. Symbolic links to folders are not followed, so a link loop
/// cannot trap the search.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if !path.is_dir() {
            found.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let name = entry.file_name().to_string_lossy();
                // A folder with its own noticec.toml is another project, with
                // shared parts that are not notices: check it on its own.
                entry.depth() == 0
                    || !(entry.file_type().is_dir()
                        && (name.starts_with('.')
                            || SKIPPED_DIRS.contains(&name.as_ref())
                            || entry.path().join(crate::project::CONFIG_FILE).is_file()))
            });
        for entry in walker.flatten() {
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file()
                && name.ends_with(".toml")
                && !NOT_NOTICES.contains(&name.as_ref())
            {
                found.push(entry.into_path());
            }
        }
    }
    found
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileReport {
    /// The name the file is reported under.
    pub name: String,
    /// The notice, if it loaded.
    pub notice: Option<LoadedNotice>,
    /// Everything found, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings accepted by the notice's `[[allow]]` entries, with reasons.
    pub suppressed: Vec<validate::Suppressed>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Loads one file (merged with the shared parts it extends) and validates it.
pub fn check_file(path: &Path, options: &Options) -> FileReport {
    let boundary = crate::resolve::Boundary {
        root: options.sharing.root.clone(),
    };
    let outcome = crate::resolve::load_resolved(path, &boundary, &options.sharing.defaults);
    let mut diagnostics = outcome.diagnostics;
    let mut suppressed = Vec::new();
    if let Some(loaded) = &outcome.notice {
        let validation = validate::validate_with_suppressions(loaded, options);
        diagnostics.extend(validation.diagnostics);
        suppressed = validation.suppressed;
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    FileReport {
        name: display_name(path),
        notice: outcome.notice,
        diagnostics,
        suppressed,
    }
}

/// Checks every file, in order. A problem in a shared part that several
/// notices extend is reported once, with the first notice that meets it.
pub fn check_files(files: &[PathBuf], options: &Options) -> Vec<FileReport> {
    check_many(files, options, true)
}

/// Checks every file in parallel, keeping the reports in file order. With
/// `keep_notices` false only the diagnostics are kept, so checking
/// thousands of notices does not hold them all in memory.
pub fn check_many(files: &[PathBuf], options: &Options, keep_notices: bool) -> Vec<FileReport> {
    use rayon::prelude::*;
    let mut reports: Vec<FileReport> = files
        .par_iter()
        .map(|path| {
            let mut report = check_file(path, options);
            if !keep_notices {
                report.notice = None;
            }
            report
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for report in &mut reports {
        report.diagnostics.retain(|d| {
            d.file.name == report.name
                || seen.insert((
                    d.file.name.clone(),
                    d.span.clone().map(|s| (s.start, s.end)),
                    d.code,
                    d.message.clone(),
                ))
        });
    }
    reports
}

/// Totals over several files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Findings accepted by `[[allow]]` entries (not counted above).
    pub suppressed: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Self {
        Summary {
            files: reports.len(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
            suppressed: reports.iter().map(|r| r.suppressed.len()).sum(),
        }
    }
}
