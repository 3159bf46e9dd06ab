//! Human output: miette's graphical reports, then a one-line summary.

use std::fmt::Write;

use miette::{GraphicalReportHandler, GraphicalTheme};

use crate::check::{FileReport, Summary};

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

/// Renders every diagnostic of every file, then the summary.
pub fn render(reports: &[FileReport], style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for report in reports {
        for diagnostic in &report.diagnostics {
            let view = diagnostic.as_miette();
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
    }
    out.push_str(&tally(reports));
    out.push_str(&summary_line(Summary::of(reports)));
    out.push('\n');
    out
}

/// Where the findings are, for a person reading a long report: each file
/// with findings (most errors first), then each rule (most findings
/// first). Nothing when there are no findings.
pub fn tally(reports: &[FileReport]) -> String {
    use std::collections::BTreeMap;
    let mut files: Vec<(&str, usize, usize)> = reports
        .iter()
        .filter(|r| !r.diagnostics.is_empty())
        .map(|r| {
            (
                r.name.as_str(),
                r.count(crate::diagnostic::Severity::Error),
                r.count(crate::diagnostic::Severity::Warning),
            )
        })
        .collect();
    if files.is_empty() {
        return String::new();
    }
    files.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let mut rules: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        *rules.entry((d.code, d.requirement)).or_default() += 1;
    }
    let mut rules: Vec<((&str, Option<&str>), usize)> = rules.into_iter().collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = files.iter().map(|f| f.0.chars().count()).max().unwrap_or(0);
    let mut out = String::from("findings by file:\n");
    for (name, errors, warnings) in files {
        let _ = writeln!(
            out,
            "  {name:<width$}  {}, {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
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
