//! Incremental builds: a rebuild where nothing changed writes nothing.
//!
//! Every notice is always checked — the verdict of a rebuild is the verdict
//! of `noticec check` — but rendering and writing a page can be skipped.
//! `build` records in `OUT/.noticec-build.json`, for every published page,
//! what it was made from: its source file, the BLAKE3 hash of the bytes
//! that were actually loaded for it (the notice and every shared part it
//! extends, as read for this build — never read again afterwards), a hash
//! of its links to other pages, and the hash of each page written. A page
//! is reused only when all of these are the same, the settings that shape
//! every page (noticec's version, formats, theme, templates, profile) are
//! the same, and the files on disk are still exactly what was written
//! (known from their stamps, [`super::stamps`], or by reading them) — so
//! an interrupted build, an edit during a build, or another notice built
//! to the same name can never leave a page the next build trusts wrongly.
//!
//! Paths in the manifest are relative to the output folder: it is
//! published with the site and must not reveal the machine's folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::stamps::{PageStamps, Record};
use crate::files::content_hash;

/// The manifest's file name inside the output folder.
pub const MANIFEST: &str = ".noticec-build.json";

/// The largest manifest read (a record of a million notices is smaller):
/// anything larger is not one, and the build starts afresh.
const MAX_MANIFEST_BYTES: u64 = 1 << 30;

/// What one published notice was built from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// The notice file, relative to the output folder.
    pub source: String,
    /// Every file loaded for the notice (relative to the output folder) →
    /// hash of the bytes loaded.
    pub sources: BTreeMap<String, String>,
    /// Hash of the page's links to other pages of the site.
    pub context: String,
    /// Output file (relative to the output folder) → hash of its content.
    pub outputs: BTreeMap<String, String>,
    /// What the index page says of the notice, so an unchanged notice
    /// whose verdict is cached need not be loaded for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<IndexFacts>,
}

/// The facts of a published notice that its index entry shows.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct IndexFacts {
    pub title: String,
    pub url: Option<String>,
    /// As the page writes it, in its language.
    pub last_updated: Option<String>,
    /// The page's language tag.
    pub language: String,
}

/// An [`Entry`] as the manifest holds it: its compact JSON, one string,
/// parsed only when a build asks for it. Ten thousand notices' records
/// stay a few megabytes, rather than ten thousand maps of strings, and
/// the manifest gets a line per notice.
pub type RawEntry = Box<serde_json::value::RawValue>;

/// The whole manifest.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Hash of the settings the pages were built with.
    pub settings: String,
    /// Output stem → entry.
    pub notices: BTreeMap<String, RawEntry>,
}

impl Entry {
    /// The entry as the manifest keeps it.
    pub fn to_raw(&self) -> serde_json::Result<RawEntry> {
        serde_json::value::to_raw_value(self)
    }
}

/// A hash of noticec's version and the settings, given as strings.
pub fn settings_hash(parts: &[String]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for part in parts {
        // Lengths keep ("ab", "c") apart from ("a", "bc").
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}

/// How a source file is named in the manifest: its path relative to the
/// output folder (`out_dir` resolved), with `/` separators; a file that
/// has no relative path from there (another drive) by a hash of its path.
/// `resolved` is the path as [`canonical`](crate::load::discover::canonical) resolves it (a build resolves
/// each file once, [`crate::load::discover::CanonicalPaths`]).
pub fn manifest_name(resolved: &Path, out_dir: &Path) -> String {
    match pathdiff::diff_paths(resolved, out_dir) {
        Some(relative) if relative.is_relative() => relative.to_string_lossy().replace('\\', "/"),
        _ => format!(
            "path-hash:{}",
            content_hash(resolved.to_string_lossy().as_bytes())
        ),
    }
}

/// What identifies the noticec that renders: its version, its built-in
/// templates and the size of the program, so pages built by another
/// noticec are rebuilt, and the same program always records the same
/// fingerprint (no file times). Hashing the whole program would cost more
/// than a small build; two different programs of the same version and
/// size with the same templates are not told apart. Computed once.
pub fn renderer_fingerprint() -> String {
    static FINGERPRINT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FINGERPRINT
        .get_or_init(|| {
            let mut hasher = blake3::Hasher::new();
            hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
            for (name, template) in crate::render::templates::DEFAULTS {
                hasher.update(name.as_bytes());
                hasher.update(template.as_bytes());
            }
            if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
                hasher.update(&meta.len().to_le_bytes());
            }
            hasher.finalize().to_hex().to_string()
        })
        .clone()
}

/// The content of every file in a templates folder, for the settings hash.
/// A file that cannot be read counts as changed every time (its read error
/// is part of the fingerprint), so a build never trusts it.
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
            let hash = match std::fs::read(f) {
                Ok(bytes) => content_hash(&bytes),
                Err(e) => format!("unreadable: {e}"),
            };
            let name = f.strip_prefix(dir).unwrap_or(f).to_string_lossy();
            format!("{name}={hash}")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Whether a page path of the record names a file inside the output
/// folder: relative, plain names only (no `..`, `.`, root or drive). The
/// record is a file in the output folder, which anyone who can write there
/// (a pull request to a repository that keeps its built site) can edit: it
/// must not make a build read, keep or remove a file elsewhere.
fn inside_folder(page: &str) -> bool {
    !page.is_empty()
        && !page.contains('\0')
        && Path::new(page)
            .components()
            .all(|part| matches!(part, std::path::Component::Normal(_)))
}

impl Manifest {
    /// The manifest of a previous build in `out_dir`, or an empty one (no
    /// manifest, or one this version cannot read: everything is rebuilt).
    pub fn read(out_dir: &Path) -> Manifest {
        crate::files::read_regular(&out_dir.join(MANIFEST), MAX_MANIFEST_BYTES)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The recorded entry for `stem`, if there is one this version reads
    /// and each page it names is inside the output folder.
    pub fn entry(&self, stem: &str) -> Option<Entry> {
        let entry: Entry = serde_json::from_str(self.notices.get(stem)?.get()).ok()?;
        entry
            .outputs
            .keys()
            .all(|page| inside_folder(page))
            .then_some(entry)
    }

    /// The recorded entry for `stem`, if it was made from exactly what
    /// `wanted` says (same source, same bytes, same links, same settings)
    /// and its pages are still on disk as written (by their `stamps`, or
    /// read); with the pages' records for the next build's stamps.
    pub fn unchanged(
        &self,
        settings: &str,
        stem: &str,
        wanted: &Entry,
        out_dir: &Path,
        stamps: &PageStamps,
    ) -> Option<(Entry, Vec<Record>)> {
        if self.settings != settings {
            return None;
        }
        let entry = self.entry(stem)?;
        let same_inputs = entry.source == wanted.source
            && entry.sources == wanted.sources
            && entry.context == wanted.context;
        if !same_inputs || entry.outputs.is_empty() {
            return None;
        }
        let mut records = Vec::with_capacity(entry.outputs.len());
        for (path, hash) in &entry.outputs {
            records.extend(stamps.holds(out_dir, path, hash)?);
        }
        Some((entry, records))
    }

    /// The manifest as written: pretty JSON, each entry compact on its own
    /// line, with a trailing newline.
    fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }

    /// Writes the manifest to `path` atomically, unless the file already
    /// holds exactly it. It is serialised as it is written (and, to compare,
    /// hashed as it is serialised): the record of ten thousand notices is
    /// never a string in memory, nor is the one it replaces.
    pub fn save(&self, path: &Path) -> std::io::Result<super::write::WriteStatus> {
        let mut new = blake3::Hasher::new();
        self.write_json(&mut new)?;
        let mut old = blake3::Hasher::new();
        let same = crate::files::open_regular(path, u64::MAX)
            .and_then(|(mut file, _)| std::io::copy(&mut file, &mut old))
            .is_ok_and(|_| old.finalize() == new.finalize());
        if same {
            return Ok(super::write::WriteStatus::Unchanged);
        }
        crate::files::write_with(path, |out| self.write_json(out))
            .map(|()| super::write::WriteStatus::Written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str) -> Entry {
        Entry {
            source: format!("../{name}.toml"),
            sources: BTreeMap::from([(format!("../{name}.toml"), content_hash(name.as_bytes()))]),
            context: content_hash(b""),
            outputs: BTreeMap::from([(format!("{name}.html"), content_hash(b"<p>"))]),
            index: Some(IndexFacts {
                title: format!("{name} notice"),
                url: None,
                last_updated: Some("1 December 2026".into()),
                language: "en-GB".into(),
            }),
        }
    }

    #[test]
    fn a_saved_record_reads_back_entry_for_entry_one_line_each() {
        let dir = std::env::temp_dir().join(format!("noticec-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join(MANIFEST);
        let mut manifest = Manifest {
            settings: "s".into(),
            notices: BTreeMap::new(),
        };
        for name in ["a", "b/c"] {
            let raw = entry(name).to_raw().expect("raw");
            manifest.notices.insert(name.into(), raw);
        }
        assert_eq!(
            manifest.save(&path).expect("save"),
            super::super::write::WriteStatus::Written
        );
        assert_eq!(
            manifest.save(&path).expect("save again"),
            super::super::write::WriteStatus::Unchanged
        );
        let text = std::fs::read_to_string(&path).expect("read");
        let read = Manifest::read(&dir);
        assert_eq!(read.settings, "s");
        for name in ["a", "b/c"] {
            assert_eq!(read.entry(name), Some(entry(name)));
            let line = text
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("\"{name}\":")))
                .expect("a line of its own");
            assert!(line.contains("\"outputs\":{"), "{line}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_record_written_pretty_by_an_earlier_version_still_reads() {
        let pretty = serde_json::to_string_pretty(&serde_json::json!({
            "settings": "s",
            "notices": { "a": entry("a") },
        }))
        .expect("json");
        let read: Manifest = serde_json::from_str(&pretty).expect("read");
        assert_eq!(read.entry("a"), Some(entry("a")));
        assert_eq!(read.entry("b"), None);
    }

    #[test]
    fn a_record_naming_a_page_outside_the_folder_is_not_believed() {
        let mut manifest = Manifest::default();
        let outside = [
            "../victim.txt",
            "a/../../victim.txt",
            "/etc/passwd",
            "./a.html",
            "a\0.html",
            "",
        ];
        for (i, page) in outside.iter().enumerate() {
            let mut record = entry("a");
            record
                .outputs
                .insert((*page).to_string(), content_hash(b"x"));
            manifest
                .notices
                .insert(format!("n{i}"), record.to_raw().expect("raw"));
        }
        for (i, page) in outside.iter().enumerate() {
            assert_eq!(manifest.entry(&format!("n{i}")), None, "{page}");
        }
        // Pages in folders below the output folder are fine.
        let mut record = entry("a");
        record
            .outputs
            .insert("cy/a.html".into(), content_hash(b"x"));
        manifest
            .notices
            .insert("cy".into(), record.to_raw().expect("raw"));
        assert!(manifest.entry("cy").is_some());
    }
}
