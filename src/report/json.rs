//! JSON output: one document on stdout, a stable contract for CI.
//!
//! ```json
//! {"version":1,"files":[{"path":…,"kind":"notice"|"part","errors":N,"warnings":N}],
//!  "diagnostics":[{"file","line","column","end_line","end_column","severity",
//!                  "code","requirement","citation","message","help","url","path"}],
//!  "suppressed":[{...the same keys..., "reason"}],
//!  "summary":{"files":N,"errors":N,"warnings":N,"suppressed":N}}
//! ```
//! Keys may be added in later versions, never renamed or removed.

use serde::Serialize;

use crate::check::{FileKind, FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<FileEntry<'a>>,
    diagnostics: Vec<DiagnosticEntry<'a>>,
    /// Findings accepted by `[[allow]]` entries, for auditors.
    suppressed: Vec<SuppressedEntry<'a>>,
    summary: SummaryEntry,
}

#[derive(Serialize)]
struct SuppressedEntry<'a> {
    #[serde(flatten)]
    diagnostic: DiagnosticEntry<'a>,
    reason: &'a str,
}

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    /// "notice" or "part" (a shared part, whose findings come from the
    /// notices that extend it).
    kind: &'static str,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
pub(crate) struct DiagnosticEntry<'a> {
    pub file: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub severity: Severity,
    pub code: &'a str,
    pub requirement: Option<&'a str>,
    pub citation: Option<&'a str>,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The key path the finding is about, e.g. `purposes[2].law`.
    pub path: Option<&'a str>,
}

#[derive(Serialize)]
struct SummaryEntry {
    files: usize,
    errors: usize,
    warnings: usize,
    suppressed: usize,
}

impl<'a> DiagnosticEntry<'a> {
    pub(crate) fn new(d: &'a Diagnostic) -> Self {
        let range = d.span.as_ref().map(|span| d.file.range(span));
        Self {
            file: &d.file.name,
            line: range.map(|(start, _)| start.line),
            column: range.map(|(start, _)| start.column),
            end_line: range.map(|(_, end)| end.line),
            end_column: range.map(|(_, end)| end.column),
            severity: d.severity,
            code: d.code,
            requirement: d.requirement,
            citation: d.citation.as_deref(),
            message: &d.message,
            help: d.help.as_deref(),
            url: d.url,
            path: d.path.as_deref(),
        }
    }
}

/// The JSON document for a check, pretty-printed, with a trailing newline.
pub fn render(reports: &[FileReport]) -> serde_json::Result<String> {
    let summary = Summary::of(reports);
    let document = Document {
        version: 1,
        files: reports
            .iter()
            .map(|r| FileEntry {
                path: &r.name,
                kind: match r.kind {
                    FileKind::Notice => "notice",
                    FileKind::Part => "part",
                },
                errors: r.count(Severity::Error),
                warnings: r.count(Severity::Warning),
            })
            .collect(),
        diagnostics: reports
            .iter()
            .flat_map(|r| r.diagnostics.iter().map(DiagnosticEntry::new))
            .collect(),
        suppressed: reports
            .iter()
            .flat_map(|r| {
                r.suppressed.iter().map(|s| SuppressedEntry {
                    diagnostic: DiagnosticEntry::new(&s.diagnostic),
                    reason: &s.reason,
                })
            })
            .collect(),
        summary: SummaryEntry {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            suppressed: summary.suppressed,
        },
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
