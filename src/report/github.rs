//! GitHub Actions workflow commands: one annotation per finding, shown on the
//! changed lines of a pull request.
//!
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE`.
//! In the message `%`, CR and LF are escaped; in property values also `:`
//! and `,`. Columns are only given for ranges on one line.

use std::fmt::Write;

use crate::check::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};

/// One annotation line per finding, then the summary as a plain line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for diagnostic in reports.iter().flat_map(|r| &r.diagnostics) {
        out.push_str(&annotation(diagnostic));
        out.push('\n');
    }
    let _ = writeln!(out, "{}", super::human::summary_line(Summary::of(reports)));
    out
}

fn annotation(d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![format!("file={}", escape_property(&d.file.name))];
    if let Some(span) = &d.span {
        let (start, end) = d.file.range(span);
        properties.push(format!("line={}", start.line));
        if end.line == start.line && end.column > start.column {
            properties.push(format!("col={}", start.column));
            properties.push(format!("endColumn={}", end.column));
        } else if end.line > start.line {
            properties.push(format!("endLine={}", end.line));
        }
    }
    let title = match d.requirement {
        Some(key) => format!("{} {key}", d.code),
        None => d.code.to_string(),
    };
    properties.push(format!("title={}", escape_property(&title)));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    if let Some(citation) = &d.citation {
        message.push_str("\nlaw: ");
        message.push_str(citation);
    }
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// Escapes a message (the part after `::`); characters that could drive a
/// terminal or reverse text are written as visible escapes.
pub fn escape_data(text: &str) -> String {
    crate::model::forms::escape_unsafe(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_percent_newlines_and_separators() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
