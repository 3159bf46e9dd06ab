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
    out.push_str(&summary_line(Summary::of(reports)));
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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
