//! Stage 2, checking: loaded notices → verdicts.
//!
//! - [`workspace`]: the one checked project every command goes through —
//!   it finds the notices, loads every file once, resolves `extends`,
//!   validates, runs the cross-notice checks on the complete set and files
//!   each diagnostic under the file it is in, once;
//! - [`validate`]: every rule of the profile over one notice, findings
//!   located in the file where the value lives;
//! - [`allow`]: findings a notice accepts with a written reason;
//! - [`cache`]: verdicts kept from run to run, used when nothing they
//!   depend on has changed;
//! - [`consistency`]: the project checks (`P…`), comparing notices.

pub mod allow;
pub mod baseline;
pub mod cache;
pub mod consistency;
pub mod translation;
pub mod validate;
pub mod workspace;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::LoadedNotice;

pub use validate::{Options, Suppressed};
pub use workspace::{Checked, Workspace};

/// What a reported file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A notice: checked as a whole, merged with the parts it extends.
    Notice,
    /// A shared part: its findings come from the notices that use it.
    Part,
}

/// The verdict on one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The name the file is reported under.
    pub name: String,
    /// The file as given or found.
    pub path: PathBuf,
    pub kind: FileKind,
    /// For a notice: where its pages go, relative to the output folder and
    /// without extension.
    pub output: Option<PathBuf>,
    /// The notice, merged with its parts, when it loaded and is still kept.
    pub notice: Option<Arc<LoadedNotice>>,
    /// Everything found in this file, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings accepted by the notice's `[[allow]]` entries, with reasons.
    pub suppressed: Vec<Suppressed>,
    /// Whether the notice has errors — in its own file or in the parts it
    /// extends, where they are reported — so it is not published.
    pub has_errors: bool,
    /// A notice of the project at the `--baseline` revision that is gone:
    /// a report of its removal, with no file and no page.
    pub removed: bool,
    /// When the verdict came from the cache (the notice was not loaded):
    /// the files it was checked from, as read for this run.
    pub cached: Option<cache::CachedVerdict>,
    /// Once the diagnostics were streamed and let go ([`FileReport::release`]):
    /// what they counted.
    released: Option<Counts>,
}

/// What a released report's diagnostics counted: enough for the summary
/// line and the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    errors: usize,
    warnings: usize,
    trouble: bool,
}

/// Where reports go as soon as their verdicts are final, in report order,
/// so thousands of notices' findings are written as they come rather than
/// all held until the end (see [`Workspace::check_streamed`]).
pub trait Sink: Sync {
    /// One report's output. Called in parallel, several reports at a time.
    fn render(&self, report: &FileReport) -> String;
    /// Writes what [`Sink::render`] made of `report`, in report order.
    fn write(&mut self, report: &FileReport, rendered: String);
}

impl FileReport {
    /// A report with nothing in it yet.
    pub fn new(path: &Path, kind: FileKind) -> Self {
        Self {
            name: crate::load::source::display_name(path),
            path: path.to_path_buf(),
            kind,
            output: None,
            notice: None,
            diagnostics: Vec::new(),
            suppressed: Vec::new(),
            has_errors: false,
            removed: false,
            cached: None,
            released: None,
        }
    }

    /// How many findings of this severity the file has.
    pub fn count(&self, severity: Severity) -> usize {
        match (self.released, severity) {
            (Some(counts), Severity::Error) => counts.errors,
            (Some(counts), Severity::Warning) => counts.warnings,
            (None, _) => self
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count(),
        }
    }

    /// Whether the file could not be read or noticec failed on it: the
    /// exit code is then 2, whatever else was found.
    pub fn has_trouble(&self) -> bool {
        self.released.map_or_else(
            || {
                self.diagnostics.iter().any(|d| {
                    d.code == crate::diagnostic::code::UNREADABLE_FILE
                        || d.code == crate::diagnostic::code::INTERNAL
                })
            },
            |counts| counts.trouble,
        )
    }

    /// Lets go of the diagnostics once they are written, keeping what the
    /// summary and the exit code need (and the source texts they hold).
    pub fn release(&mut self) {
        if self.released.is_none() {
            self.released = Some(Counts {
                errors: self.count(Severity::Error),
                warnings: self.count(Severity::Warning),
                trouble: self.has_trouble(),
            });
        }
        self.diagnostics = Vec::new();
    }

    /// Whether the diagnostics were streamed and let go.
    pub fn is_released(&self) -> bool {
        self.released.is_some()
    }
}

/// Totals over several files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Every file reported: notices and shared parts.
    pub files: usize,
    pub notices: usize,
    pub parts: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Findings accepted by `[[allow]]` entries (not counted above).
    pub suppressed: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Self {
        // A notice removed since the baseline has a report, not a file.
        let notices = reports
            .iter()
            .filter(|r| r.kind == FileKind::Notice && !r.removed)
            .count();
        Summary {
            files: reports.len(),
            notices,
            parts: reports.iter().filter(|r| r.kind == FileKind::Part).count(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
            suppressed: reports.iter().map(|r| r.suppressed.len()).sum(),
        }
    }
}

/// Checks notice files (no project, no folder search) through a
/// [`Workspace`]: the notices' reports in order, then those of the shared
/// parts they extend that have findings; notices kept.
pub fn check_files(files: &[PathBuf], options: &Options) -> Vec<FileReport> {
    Workspace::for_files(files, options.clone()).check().reports
}

/// Checks one notice file (no project); its report comes first, then the
/// reports of any shared parts it extends that have findings.
pub fn check_file(path: &Path, options: &Options) -> FileReport {
    check_files(&[path.to_path_buf()], options)
        .into_iter()
        .next()
        .unwrap_or_else(|| FileReport::new(path, FileKind::Notice))
}
