//! Human output: miette's graphical reports, then a one-line summary;
//! all at once ([`render`]) or file by file as the verdicts come ([`Stream`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use miette::{GraphicalReportHandler, GraphicalTheme};

use crate::check::{FileReport, Sink, Summary};
use crate::diagnostic::Severity;

/// How the human report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Colours and Unicode box drawing (a terminal) or plain text.
    pub color: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Style {
    /// What tests and files get: no colour, 80 columns.
    pub fn plain() -> Self {
        Self {
            color: false,
            width: 80,
        }
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1)
        // The views come wrapped (`MietteView::wrapped`).
        .with_wrap_lines(false)
}

/// Every diagnostic of one file, each followed by a blank line.
fn render_file(handler: &GraphicalReportHandler, width: usize, report: &FileReport) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let view = diagnostic.as_miette().wrapped(width);
        if handler.render_report(&mut out, &view).is_err() {
            // Fall back to one plain line rather than lose the finding.
            let _ = writeln!(
                out,
                "{}: {}: {}",
                report.name, diagnostic.severity, diagnostic.message
            );
        }
        out.push('\n');
    }
    out
}

/// Renders every diagnostic of every file, then the summary.
pub fn render(reports: &[FileReport], style: Style) -> String {
    let handler = handler(style);
    let mut out = String::new();
    let mut tally = Tally::default();
    for report in reports {
        out.push_str(&render_file(&handler, style.width, report));
        tally.add(report);
    }
    out.push_str(&tally.render());
    out.push_str(&summary_line(Summary::of(reports)));
    out.push('\n');
    out
}

/// The human report written as the verdicts come ([`Workspace::check_streamed`]):
/// each file's diagnostics as soon as they are final, then, from
/// [`Stream::finish`], the tally and the summary — the same bytes
/// [`render`] gives for the same reports.
///
/// [`Workspace::check_streamed`]: crate::check::Workspace::check_streamed
pub struct Stream<W: Write + Send + Sync> {
    handler: GraphicalReportHandler,
    width: usize,
    out: W,
    tally: Tally,
    /// The first write that failed; nothing more is written after it.
    failed: Option<std::io::Error>,
}

impl<W: Write + Send + Sync> Stream<W> {
    /// A report drawn in `style`, written to `out` (buffer it: many small
    /// writes follow).
    pub fn new(out: W, style: Style) -> Self {
        Stream {
            handler: handler(style),
            width: style.width,
            out,
            tally: Tally::default(),
            failed: None,
        }
    }

    /// Writes the tally and the summary of `reports` (the same reports the
    /// stream was given, now released), and flushes.
    pub fn finish(mut self, reports: &[FileReport]) -> std::io::Result<()> {
        let mut end = self.tally.render();
        end.push_str(&summary_line(Summary::of(reports)));
        end.push('\n');
        self.put(&end);
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        self.failed.map_or(Ok(()), Err)
    }

    /// Flushes what was written, without a summary.
    pub fn flush(mut self) -> std::io::Result<()> {
        if self.failed.is_none() {
            self.out.flush()?;
        }
        self.failed.map_or(Ok(()), Err)
    }

    fn put(&mut self, text: &str) {
        if self.failed.is_none()
            && let Err(e) = self.out.write_all(text.as_bytes())
        {
            self.failed = Some(e);
        }
    }
}

impl<W: Write + Send + Sync> Sink for Stream<W> {
    fn render(&self, report: &FileReport) -> String {
        render_file(&self.handler, self.width, report)
    }

    fn write(&mut self, report: &FileReport, rendered: String) {
        self.tally.add(report);
        self.put(&rendered);
    }
}

/// Where the findings are, for a person reading a long report: each file
/// with findings (most errors first), then each rule (most findings
/// first). Nothing when there are no findings.
pub fn tally(reports: &[FileReport]) -> String {
    let mut tally = Tally::default();
    reports.iter().for_each(|r| tally.add(r));
    tally.render()
}

/// The counts [`tally`] shows, gathered a file at a time.
#[derive(Debug, Default)]
struct Tally {
    /// (file, errors, warnings) for each file with findings.
    files: Vec<(String, usize, usize)>,
    /// Findings per (code, requirement).
    rules: BTreeMap<(&'static str, Option<&'static str>), usize>,
}

impl Tally {
    fn add(&mut self, report: &FileReport) {
        if report.diagnostics.is_empty() {
            return;
        }
        self.files.push((
            report.name.clone(),
            report.count(Severity::Error),
            report.count(Severity::Warning),
        ));
        for d in &report.diagnostics {
            *self.rules.entry((d.code, d.requirement)).or_default() += 1;
        }
    }

    fn render(&self) -> String {
        if self.files.is_empty() {
            return String::new();
        }
        let mut files: Vec<&(String, usize, usize)> = self.files.iter().collect();
        files.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        let mut rules: Vec<(&(&str, Option<&str>), &usize)> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let width = files.iter().map(|f| f.0.chars().count()).max().unwrap_or(0);
        let mut out = String::from("findings by file:\n");
        for (name, errors, warnings) in files {
            let _ = writeln!(
                out,
                "  {name:<width$}  {}, {}",
                plural(*errors, "error", "errors"),
                plural(*warnings, "warning", "warnings")
            );
        }
        out.push_str("findings by rule:\n");
        for ((code, key), count) in rules {
            let name = match key {
                Some(key) => format!("{code} {key}"),
                None => code.to_string(),
            };
            let _ = writeln!(out, "  {name:<40} {count}");
        }
        out.push('\n');
        out
    }
}

/// "checked 2 notices: 3 errors, 1 warning", or "... no problems found";
/// shared parts reported on their own are counted after the notices.
pub fn summary_line(summary: Summary) -> String {
    let mut notices = plural(summary.notices, "notice", "notices");
    if summary.notices == 0 && summary.parts > 0 {
        notices = plural(summary.parts, "shared part", "shared parts");
    } else if summary.parts > 0 {
        notices.push_str(&format!(
            " and {}",
            plural(summary.parts, "shared part", "shared parts")
        ));
    }
    let accepted = if summary.suppressed > 0 {
        format!(
            " ({} accepted by [[allow]])",
            plural(summary.suppressed, "finding", "findings")
        )
    } else {
        String::new()
    };
    if summary.errors == 0 && summary.warnings == 0 {
        return format!("checked {notices}: no problems found{accepted}");
    }
    format!(
        "checked {notices}: {}, {}{accepted}",
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings")
    )
}

/// "1 error", "2 errors": a count with its noun.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Options, check_files};

    /// Every `.toml` below the folders the repository's examples and
    /// fixtures live in.
    fn notices() -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = ["examples", "tests/fixtures"]
            .iter()
            .flat_map(|dir| walkdir::WalkDir::new(root.join(dir)).sort_by_file_name())
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            // Big on purpose; a test of its own covers it.
            .filter(|p| !p.to_string_lossy().contains("hundred-thousand"))
            .collect();
        files.sort();
        files
    }

    /// The report wraps messages and help itself (miette does not): the
    /// bytes are those miette's own wrapping gives with the same rules
    /// (whole words, ASCII spaces), for every finding on every example and
    /// fixture, plain and coloured, at several widths.
    #[test]
    fn wrapping_here_draws_what_miette_would() {
        let options = Options::new(jiff::civil::date(2026, 11, 23));
        let reports = check_files(&notices(), &options);
        let count: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
        assert!(count > 300, "only {count} findings to compare");
        for color in [false, true] {
            for width in [80, 100, 60, 30] {
                let style = Style { color, width };
                let reference = handler(style)
                    .with_wrap_lines(true)
                    .with_break_words(false)
                    .with_word_separator(textwrap::WordSeparator::AsciiSpace)
                    .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
                let ours = handler(style);
                for report in &reports {
                    for d in &report.diagnostics {
                        let mut expected = String::new();
                        let mut got = String::new();
                        reference
                            .render_report(&mut expected, &d.as_miette())
                            .unwrap();
                        ours.render_report(&mut got, &d.as_miette().wrapped(width))
                            .unwrap();
                        assert_eq!(got, expected, "{} at {width}, colour {color}", report.name);
                    }
                }
            }
        }
    }
}
