//! Incremental builds: a rebuild where nothing changed does almost nothing.
//!
//! `build` records in `OUT/.noticec-build.json` what every published page
//! was made from: the content hash of each source file (the notice and the
//! shared parts it extends) and a hash of every setting that shapes the
//! output (noticec's version, formats, theme, templates, profile, severities,
//! the date review periods are measured to, the corporate notice's title).
//! A notice whose sources and settings hash the same, whose last build had no
//! findings, and whose pages are still exactly as that build wrote them
//! (by content hash) is not checked or rendered again. Changes are found by content, never by
//! timestamps, so the output stays deterministic.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The manifest's file name inside the output folder.
pub const MANIFEST: &str = ".noticec-build.json";

/// What one published notice was built from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// Source file → content hash (hex).
    pub sources: BTreeMap<String, String>,
    /// Output file (relative to the output folder) → content hash: a page
    /// is only trusted if it is exactly what this build wrote, so a build
    /// that was interrupted (and left the manifest of the one before) can
    /// never make the next one skip a page that is out of date.
    pub outputs: BTreeMap<String, String>,
    pub title: String,
    pub last_updated: Option<String>,
    pub language: String,
}

/// The whole manifest.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// Hash of the settings the pages were built with.
    pub settings: String,
    /// Output stem → entry.
    pub notices: BTreeMap<String, Entry>,
}

/// A stable content hash of bytes (FNV-1a, 64 bits).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// A hash of settings given as strings.
pub fn settings_hash(parts: &[String]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    parts.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The content of every file in a templates folder, for the settings hash.
pub fn templates_fingerprint(dir: Option<&Path>) -> String {
    let Some(dir) = dir else { return String::new() };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            format!(
                "{}={}",
                f.display(),
                content_hash(&std::fs::read(f).unwrap_or_default())
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

impl Manifest {
    /// The manifest of a previous build in `out_dir`, or an empty one.
    pub fn read(out_dir: &Path) -> Manifest {
        std::fs::read(out_dir.join(MANIFEST))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The recorded entry for `stem`, if its sources and pages are unchanged.
    pub fn unchanged(&self, settings: &str, stem: &str, out_dir: &Path) -> Option<&Entry> {
        if self.settings != settings {
            return None;
        }
        let entry = self.notices.get(stem)?;
        let sources_same = entry.sources.iter().all(|(path, hash)| {
            std::fs::read(path).is_ok_and(|bytes| content_hash(&bytes) == *hash)
        });
        let outputs_there = entry.outputs.iter().all(|(path, hash)| {
            std::fs::read(out_dir.join(path)).is_ok_and(|bytes| content_hash(&bytes) == *hash)
        });
        (sources_same && outputs_there).then_some(entry)
    }

    /// The manifest as written: pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
