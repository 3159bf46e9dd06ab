//! `noticec explain`: a rule's documentation, with its severity and citation
//! under each profile.

use std::fmt::Write;

use crate::diagnostic::Severity;
use crate::law::profile::Profile;
use crate::rules::{RULES, Rule, RuleKind};

/// The full documentation of one rule.
pub fn explain(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}): {}", rule.name, rule.code, rule.summary);
    out.push('\n');
    match (rule.kind, rule.severity) {
        (RuleKind::Structure, Some(Severity::Warning)) => {
            out.push_str("A warning about the notice file.\n");
        }
        (RuleKind::Structure, _) => {
            out.push_str("Always an error: noticec cannot check a notice until it is fixed.\n");
        }
        (RuleKind::Project, severity) => {
            let level = match severity {
                Some(Severity::Error) => "an error",
                _ => "a warning",
            };
            let _ = writeln!(
                out,
                "Checked across a project's notices (`noticec check` in a project); {level} unless the project's `[severity]` says otherwise."
            );
        }
        (RuleKind::Requirement, _) => {
            out.push_str("Profile            Severity  Cites\n");
            for profile in Profile::built_in() {
                match profile.requirements.get(rule.name) {
                    Some(setting) => {
                        let level = format!("{:?}", setting.severity).to_lowercase();
                        let _ = writeln!(
                            out,
                            "{:<18} {:<9} {}",
                            profile.name, level, setting.citation
                        );
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "{:<18} {:<9} (not part of this profile)",
                            profile.name, "off"
                        );
                    }
                }
            }
        }
    }
    let _ = writeln!(out, "Read more: {}", rule.url);
    out.push('\n');
    out.push_str(rule.docs.trim_end());
    out.push('\n');
    out
}

/// One line per rule: code, name, summary.
pub fn list() -> String {
    let mut out = String::from("Rules (run `noticec explain NAME` for one):\n\n");
    for rule in RULES {
        let _ = writeln!(out, "{}  {:<34} {}", rule.code, rule.name, rule.summary);
    }
    out
}

/// The README's rule table, in Markdown; a test keeps the README in step.
pub fn markdown_table() -> String {
    let mut out = String::from("| code | name | what it asks for |\n|---|---|---|\n");
    for rule in RULES {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} |",
            rule.code, rule.name, rule.summary
        );
    }
    out
}
