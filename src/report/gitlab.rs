//! GitLab Code Quality: a JSON array of issues that merge requests show.
//!
//! Fingerprints are stable across runs: they hash the file, rule, key path
//! and message (not the line number, so unrelated edits above a finding do
//! not make it look new), plus a counter for repeats.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::check::FileReport;
use crate::diagnostic::Severity;

/// The Code Quality report, pretty-printed, with a trailing newline.
pub fn render(reports: &[FileReport]) -> serde_json::Result<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut issues = Vec::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let base = super::fingerprint(d);
        let count = seen.entry(base.clone()).or_default();
        *count += 1;
        let fingerprint = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        let line = d
            .span
            .as_ref()
            .map_or(1, |span| d.file.position(span.start).line);
        let check_name = match d.requirement {
            Some(key) => format!("{} {key}", d.code),
            None => d.code.to_string(),
        };
        let description = super::describe(d);
        issues.push(json!({
            "description": description,
            "check_name": check_name,
            "fingerprint": fingerprint,
            "severity": match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
            },
            "location": { "path": d.file.name, "lines": { "begin": line } },
        }));
    }
    let mut text = serde_json::to_string_pretty(&Value::Array(issues))?;
    text.push('\n');
    Ok(text)
}
