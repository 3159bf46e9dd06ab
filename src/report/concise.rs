//! Concise output: one line per finding, `file:line:col: severity
//! CODE[key] message` (as ruff's `--output-format concise`), for people who
//! want to scan a long report or feed it to an editor, then the summary.

use std::fmt::Write;

use crate::check::{FileReport, Summary};

/// One line per finding, then the summary line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let place = match &d.span {
            Some(span) => {
                let start = d.file.position(span.start);
                format!(
                    "{}:{}:{}",
                    crate::model::forms::escape_unsafe(&d.file.name),
                    start.line,
                    start.column
                )
            }
            None => crate::model::forms::escape_unsafe(&d.file.name).into_owned(),
        };
        let code = match d.requirement {
            Some(key) => format!("{}[{key}]", d.code),
            None => d.code.to_string(),
        };
        // One line each: a message never spans lines here.
        let message = crate::model::forms::escape_unsafe(&d.message)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(out, "{place}: {} {code} {message}", d.severity);
    }
    out.push_str(&super::human::summary_line(Summary::of(reports)));
    out.push('\n');
    out
}
