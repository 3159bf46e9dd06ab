//! Finding notices: the notice files under the paths given, and the name
//! each one is published under.
//!
//! A file given directly is published as `NAME.ext`; a file found in a
//! folder keeps its place below that folder. The order is stable (sorted
//! within each folder), so reports and sites do not depend on the file
//! system.

use std::path::{Path, PathBuf};

/// The name of the project configuration file.
pub const CONFIG_FILE: &str = "noticec.toml";

/// File names that are TOML but never notices, skipped when searching folders.
const NOT_NOTICES: &[&str] = &[
    "Cargo.toml",
    "noticec.toml",
    "pyproject.toml",
    "rust-toolchain.toml",
    "taplo.toml",
    ".taplo.toml",
];

/// Folders never searched for notices.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules", "site"];

/// The notice files named by `paths`: files as given, folders searched
/// recursively for `*.toml` notices (skipping hidden folders, build output,
/// folders of other projects and well-known non-notice files). Sorted within each folder, so the order
/// is stable. Symbolic links to folders are not followed, so a link loop
/// cannot trap the search.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if !path.is_dir() {
            found.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let name = entry.file_name().to_string_lossy();
                // A folder with its own noticec.toml is another project, with
                // shared parts that are not notices: check it on its own.
                entry.depth() == 0
                    || !(entry.file_type().is_dir()
                        && (name.starts_with('.')
                            || SKIPPED_DIRS.contains(&name.as_ref())
                            || entry.path().join(CONFIG_FILE).is_file()))
            });
        for entry in walker.flatten() {
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file()
                && name.ends_with(".toml")
                && !NOT_NOTICES.contains(&name.as_ref())
            {
                found.push(entry.into_path());
            }
        }
    }
    found
}

/// A notice file to check, and where its pages go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFile {
    /// The file, as given or as found in a folder.
    pub source: PathBuf,
    /// Its pages' path relative to the output folder, without extension.
    pub stem: PathBuf,
}

/// A page's file name: the stem with the format's extension added (never
/// replacing part of the name, so `x.md.toml` becomes `x.md.html`, not the
/// `x.html` of `x.toml`).
pub fn output_file(stem: &Path, extension: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Every notice named by `paths`, with its output name, and whether any
/// path was a folder (a site with an index page). A file named twice is
/// checked and built once.
pub fn notice_files(paths: &[PathBuf]) -> (Vec<NoticeFile>, bool) {
    let mut files: Vec<NoticeFile> = Vec::new();
    let mut any_dir = false;
    for path in paths {
        if path.is_dir() {
            any_dir = true;
            for file in discover(std::slice::from_ref(path)) {
                let stem = file.strip_prefix(path).unwrap_or(&file).with_extension("");
                files.push(NoticeFile { source: file, stem });
            }
        } else {
            let stem = PathBuf::from(path.file_stem().unwrap_or_default());
            files.push(NoticeFile {
                source: path.clone(),
                stem,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    let paths = CanonicalPaths::default();
    files.retain(|f| seen.insert(paths.get(&f.source)));
    (files, any_dir)
}

/// The path with symbolic links and `..` resolved, or as given when it
/// does not exist: how files are told apart.
pub fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// [`canonical`] for the many files of one build, which names every
/// notice's file several times (its record's source, its own files, the
/// guard against overwriting a source). Resolving asks the system about
/// every folder on the way (a `readlink` each), which was a sixth of a
/// no-change rebuild: here a file that is not a link is resolved as its
/// folder's resolution plus its name (one `lstat`), and each folder is
/// resolved once. Only folders are kept (a site has a few), at most
/// [`MAX_KEPT_FOLDERS`], so the memory stays the same however many
/// notices there are. Made afresh for each build, so a link changed
/// between builds is seen.
/// How many resolved folders [`CanonicalPaths`] keeps before it starts
/// again.
pub const MAX_KEPT_FOLDERS: usize = 256;

#[derive(Debug, Default)]
pub struct CanonicalPaths(std::sync::Mutex<foldhash::HashMap<PathBuf, PathBuf>>);

impl CanonicalPaths {
    /// `path` resolved, as [`canonical`] resolves it.
    pub fn get(&self, path: &Path) -> PathBuf {
        match (path.parent(), path.file_name()) {
            (Some(parent), Some(name))
                if std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_symlink()) =>
            {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                self.folder(parent).join(name)
            }
            _ => canonical(path),
        }
    }

    /// A folder resolved, from the ones this build resolved before.
    fn folder(&self, dir: &Path) -> PathBuf {
        if let Some(known) = self.lock().get(dir) {
            return known.clone();
        }
        let resolved = canonical(dir);
        let mut known = self.lock();
        // A corpus with a folder for each notice would keep them all.
        if known.len() >= MAX_KEPT_FOLDERS {
            known.clear();
        }
        known.insert(dir.to_path_buf(), resolved.clone());
        resolved
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, foldhash::HashMap<PathBuf, PathBuf>> {
        // A map of resolved paths stays right if a holder panicked.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolving through the folders' memo gives what resolving each path
    /// afresh gives: plain files, files in a linked folder, linked files,
    /// `..`, relative names, missing files.
    #[test]
    fn resolved_paths_match_resolving_afresh() {
        let dir = std::env::temp_dir().join(format!("noticec-canonical-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("real/sub")).expect("folders");
        std::fs::write(dir.join("real/sub/a.toml"), "").expect("file");
        std::fs::write(dir.join("real/b.toml"), "").expect("file");
        let mut paths = vec![
            dir.join("real/sub/a.toml"),
            dir.join("real/sub/../b.toml"),
            dir.join("real/sub/missing.toml"),
            dir.join("nowhere/c.toml"),
            PathBuf::from("Cargo.toml"),
            PathBuf::from("src/../Cargo.toml"),
            PathBuf::from("missing.toml"),
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("real"), dir.join("linked")).expect("link");
            std::os::unix::fs::symlink(dir.join("real/b.toml"), dir.join("real/sub/b-link.toml"))
                .expect("link");
            paths.extend([
                dir.join("linked/sub/a.toml"),
                dir.join("linked/b.toml"),
                dir.join("real/sub/b-link.toml"),
                dir.join("linked/sub/b-link.toml"),
            ]);
        }
        let memo = CanonicalPaths::default();
        for _ in 0..2 {
            for path in &paths {
                assert_eq!(memo.get(path), canonical(path), "{}", path.display());
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
