//! SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and
//! others). Every rule is described in `tool.driver.rules` from its
//! documentation; findings accepted by `[[allow]]` are included as
//! suppressed results, so auditors see them with their reasons.

use serde_json::{Value, json};

use crate::check::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::law::profile::Profile;
use crate::rules::{RULES, Rule, RuleKind};

/// The SARIF log for a check, pretty-printed, with a trailing newline.
pub fn render(reports: &[FileReport], profile: &Profile) -> serde_json::Result<String> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| rule_descriptor(rule, profile))
        .collect();
    let mut results = Vec::new();
    for report in reports {
        for diagnostic in &report.diagnostics {
            results.push(result(diagnostic, None));
        }
        for suppressed in &report.suppressed {
            results.push(result(&suppressed.diagnostic, Some(&suppressed.reason)));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "noticec",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log)?;
    text.push('\n');
    Ok(text)
}

/// The first paragraph of a documentation section, as one line.
fn section(docs: &str, heading: &str) -> String {
    docs.split("## ")
        .find(|part| part.starts_with(heading))
        .map(|part| part[heading.len()..].trim())
        .map(|text| text.split("\n\n").next().unwrap_or(text))
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn level(severity: Option<Severity>) -> &'static str {
    match severity {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        None => "none",
    }
}

fn rule_descriptor(rule: &Rule, profile: &Profile) -> Value {
    let default_level = level(rule.severity_under(profile));
    let citation = match rule.kind {
        RuleKind::Requirement => profile.citation_of(rule.name),
        RuleKind::Structure | RuleKind::Project => None,
    };
    let mut properties = json!({ "tags": [if rule.kind == RuleKind::Requirement { "privacy-notice" } else { "file" }] });
    if let Some(citation) = citation {
        properties["citation"] = json!(citation);
    }
    if rule.kind == RuleKind::Requirement {
        properties["requirement"] = json!(rule.name);
    }
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": section(rule.docs, "What it checks") },
        "help": { "text": rule.docs.trim(), "markdown": rule.docs.trim() },
        "helpUri": rule.url,
        "defaultConfiguration": { "level": default_level },
        "properties": properties,
    })
}

fn result(d: &Diagnostic, suppressed_because: Option<&str>) -> Value {
    let message = super::describe(d);
    let mut physical = json!({ "artifactLocation": { "uri": d.file.name } });
    if let Some(span) = &d.span {
        let (start, end) = d.file.range(span);
        let mut region = json!({ "startLine": start.line, "startColumn": start.column });
        // An empty span still marks a place; SARIF wants end after start.
        if (end.line, end.column) > (start.line, start.column) {
            region["endLine"] = json!(end.line);
            region["endColumn"] = json!(end.column);
        }
        physical["region"] = region;
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": level(Some(d.severity)),
        "message": { "text": message },
        "locations": [{ "physicalLocation": physical }],
        "partialFingerprints": { "noticecFinding/v2": super::fingerprint(d) },
    });
    // Every code is in the rules table (a test says so); were one not, the
    // result would still name its rule by id.
    if let Some(index) = RULES.iter().position(|r| r.code == d.code) {
        result["ruleIndex"] = json!(index);
    }
    if let Some(path) = &d.path {
        result["locations"][0]["logicalLocations"] =
            json!([{ "fullyQualifiedName": path, "kind": "member" }]);
    }
    if let Some(reason) = suppressed_because {
        result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
    }
    result
}
