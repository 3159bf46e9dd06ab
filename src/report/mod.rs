//! Reporting diagnostics: one module per output format. Each returns the
//! whole output as a string; only `main` prints.
//!
//! - [`human`]: miette's graphical reports and a summary line;
//! - [`json`]: noticec's own stable JSON contract;
//! - [`sarif`]: SARIF 2.1.0 for code-scanning dashboards;
//! - [`github`]: GitHub Actions annotations;
//! - [`gitlab`]: GitLab Code Quality.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::Diagnostic;

/// A fingerprint of a finding that survives unrelated edits: FNV-1a (64
/// bits, stable across Rust versions, unlike `DefaultHasher`) over the file,
/// code, key path and message.
pub fn fingerprint(d: &Diagnostic) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        d.file.name.as_str(),
        d.code,
        d.path.as_deref().unwrap_or(""),
        d.message.as_str(),
    ];
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
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
