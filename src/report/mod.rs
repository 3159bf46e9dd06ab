//! Reporting: verdicts and rule documentation as text. Each module returns
//! the whole output as a string, except that the human report can also be
//! written file by file as the verdicts come ([`human::Stream`], a
//! [`Sink`](crate::check::Sink)); only the command line prints.
//!
//! - [`explain`]: a rule's documentation (`noticec explain`);
//! - [`concise`]: one line per finding;
//! - [`human`]: miette's graphical reports and a summary line, whole or streamed;
//! - [`json`]: noticec's own stable JSON contract;
//! - [`sarif`]: SARIF 2.1.0 for code-scanning dashboards;
//! - [`github`]: GitHub Actions annotations;
//! - [`gitlab`]: GitLab Code Quality.

pub mod concise;
pub mod explain;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::Diagnostic;

/// A fingerprint of a finding that survives unrelated edits: BLAKE3 (stable
/// across Rust versions and machines) over the file, code, key path and
/// message, cut to 16 hex digits.
pub fn fingerprint(d: &Diagnostic) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in [
        d.file.name.as_str(),
        d.code,
        d.path.as_deref().unwrap_or(""),
        d.message.as_str(),
    ] {
        hasher.update(part.as_bytes());
        hasher.update(&[0]);
    }
    hasher.finalize().to_hex()[..16].to_string()
}

/// A finding as one or more sentences, for formats that show a single text:
/// "Message. Help. Law: citation."
pub fn describe(d: &Diagnostic) -> String {
    let mut text = sentence(&d.message);
    if let Some(help) = &d.help {
        text.push(' ');
        text.push_str(&sentence(help));
    }
    if let Some(citation) = &d.citation {
        text.push_str(&format!(" Law: {citation}."));
    }
    text
}

/// Capitalises the first letter and ends with a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}
