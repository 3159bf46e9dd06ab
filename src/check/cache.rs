//! The verdict cache: a notice whose files are byte for byte what they
//! were when it was last checked, under the same noticec and the same
//! settings, gets the verdict it got then, without being loaded again.
//!
//! A verdict is a function of exactly these inputs: the bytes of every
//! file loaded for the notice (the notice, the shared parts it extends,
//! the original it translates), the noticec program, and the settings
//! (profile, severity overrides, the date review periods are measured to,
//! where shared parts may live). An entry records all of them — each file
//! by its BLAKE3 hash — and is used only when every one is the same, so a
//! cached verdict is the verdict a fresh check would give. What a check
//! learns from the absence of a file (an `extends` or `translation_of`
//! that names nothing, a file that cannot be read) is never cached: those
//! notices are checked every time. Nor are the project checks, which
//! compare notices with each other, or checks against a `--baseline`.
//!
//! Where it lives ([`location`]): `$NOTICEC_CACHE_DIR` when that is set;
//! otherwise `.noticec-cache/` at the project's root (with a `.gitignore`
//! that keeps it out of version control), as ruff keeps `.ruff_cache`;
//! without a project, the user's cache folder (`$XDG_CACHE_HOME/noticec`
//! or `~/.cache/noticec`), a folder per working directory — never the
//! folder of the notices, which a build promises not to write in. In it,
//! a folder per program and settings (the most recent few are kept), and
//! in that one file, `verdicts.jsonl`, a line per notice. One file, because creating a file costs far more than writing
//! one; a line per notice, read only when that notice is checked, so the
//! verdicts of ten thousand notices are never all in memory. A run that
//! gives new verdicts writes them to a new file as they come, copies the
//! other notices' lines after them and renames it over the old one; a run
//! that gives none writes nothing. A cache that cannot be read or written
//! is simply not used; `--no-cache` turns it off.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

use serde::{Deserialize, Serialize};

use super::{FileKind, FileReport, Options, Suppressed};
use crate::diagnostic::{Diagnostic, Related, Severity, code};
use crate::load::discover::NoticeFile;
use crate::load::source::SourceFile;

/// The folder the cache lives in, under the project's root.
pub const CACHE_DIR: &str = ".noticec-cache";
/// Overrides where the cache lives.
pub const CACHE_DIR_VAR: &str = "NOTICEC_CACHE_DIR";
/// How many working directories' caches the user's cache folder keeps.
const KEEP_FOLDERS: usize = 32;
/// A temporary file older than this was left by a run that was killed.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);
/// Bumped when the shape of an entry changes (it is part of every
/// settings folder's name).
const FORMAT: u32 = 1;
/// How many settings' folders are kept.
const KEEP_SETTINGS: usize = 4;

/// Its file in the settings folder.
const CACHE_FILE: &str = "verdicts.jsonl";

/// Verdicts of earlier runs, read a notice at a time, and this run's.
#[derive(Debug)]
pub struct VerdictCache {
    /// The folder of this program and these settings.
    dir: PathBuf,
    /// The earlier verdicts' file, and where each notice's line is in it
    /// (by the hash of its key).
    earlier: Option<Mutex<std::fs::File>>,
    lines: HashMap<String, Range<u64>>,
    /// This run's new verdicts, written as they come: the new file, and
    /// the hashes of the keys it has.
    fresh: Mutex<Option<Fresh>>,
    /// Files read for this run's lookups: path as loaded → the text while
    /// some report still holds it, and its hash; `None` when it could not
    /// be read as text. A shared part is read and hashed once.
    read: Mutex<HashMap<PathBuf, Option<Seen>>>,
}

/// A file read for a lookup: its text while a report holds it, and the
/// hash of that text.
type Seen = (Weak<SourceFile>, String);

/// The file this run's verdicts go to until [`VerdictCache::finish`].
#[derive(Debug)]
struct Fresh {
    temp: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    keys: std::collections::HashSet<String>,
}

/// One notice's verdict and what it was made from.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// The notice's absolute path (the file is named by its hash).
    key: String,
    /// The notice's path as it was given (names in the report follow it).
    given: PathBuf,
    /// Every file loaded for the verdict, as loaded, with its hash: the
    /// notice's own, then its original's.
    files: Vec<(PathBuf, String)>,
    /// How many of `files` are the notice's own.
    own: usize,
    diagnostics: Vec<CachedDiagnostic>,
    suppressed: Vec<(CachedDiagnostic, String)>,
}

/// A [`Diagnostic`] as stored: its file by its place in [`Entry::files`].
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedDiagnostic {
    severity: Severity,
    code: String,
    requirement: Option<String>,
    citation: Option<String>,
    message: String,
    help: Option<String>,
    url: Option<String>,
    file: usize,
    span: Option<Range<usize>>,
    label: Option<String>,
    related: Vec<(Range<usize>, String)>,
    path: Option<String>,
}

/// A verdict taken from the cache, with the files it was checked from (as
/// read for this run, each with its hash).
#[derive(Debug, Clone)]
pub struct CachedVerdict {
    /// The notice's own files (the parts it extends, bases first, then
    /// itself), then those of the original it translates.
    pub files: Vec<(Arc<SourceFile>, String)>,
    /// How many of `files` are the notice's own.
    pub own: usize,
}

impl CachedVerdict {
    /// The files the notice itself was loaded from, as
    /// [`crate::load::LoadedNotice::files`] gives them.
    pub fn own_files(&self) -> &[(Arc<SourceFile>, String)] {
        &self.files[..self.own.min(self.files.len())]
    }
}

/// Where the cache of a run lives: `$NOTICEC_CACHE_DIR`, else
/// `.noticec-cache` in the project's root, else a folder for the current
/// directory in the user's cache folder; `None` when there is no such
/// place (no home folder).
pub fn location(project_root: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if let Some(root) = project_root {
        return Some(root.join(CACHE_DIR));
    }
    let user = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|d| !d.is_empty())
                .map(|home| PathBuf::from(home).join(".cache"))
        })?
        .join("noticec");
    let here = std::env::current_dir().ok()?;
    let name = hash(&here.to_string_lossy())[..16].to_string();
    prune(&user, &name, KEEP_FOLDERS);
    Some(user.join(name))
}

/// Whether `path` is inside a verdict cache (a preview does not rebuild
/// when the cache changes): in a `.noticec-cache` folder, or in
/// `$NOTICEC_CACHE_DIR`.
pub fn is_cache_path(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == CACHE_DIR)
        || std::env::var_os(CACHE_DIR_VAR)
            .filter(|d| !d.is_empty())
            .is_some_and(|dir| {
                crate::load::discover::canonical(path)
                    .starts_with(crate::load::discover::canonical(Path::new(&dir)))
            })
}

impl VerdictCache {
    /// The cache in `root` (see [`location`]) for checks under `options`,
    /// or `None` when these checks cannot be cached (a `--baseline`
    /// comparison).
    pub fn open(root: &Path, options: &Options) -> Option<VerdictCache> {
        if options.baseline.is_some() {
            return None;
        }
        let settings = format!("v{FORMAT}-{}", &settings_key(options)[..16]);
        prune(root, &settings, KEEP_SETTINGS);
        let dir = root.join(settings);
        remove_stale_temps(&dir);
        let (earlier, lines) = match std::fs::read(dir.join(CACHE_FILE)) {
            Ok(bytes) => (
                std::fs::File::open(dir.join(CACHE_FILE))
                    .ok()
                    .map(Mutex::new),
                index_lines(&bytes),
            ),
            Err(_) => (None, HashMap::new()),
        };
        Some(VerdictCache {
            dir,
            earlier,
            lines,
            fresh: Mutex::new(None),
            read: Mutex::new(HashMap::new()),
        })
    }

    /// The earlier verdict on the notice with this key, as stored.
    fn earlier_entry(&self, key: &str) -> Option<Entry> {
        use std::io::{Read, Seek, SeekFrom};
        let range = self.lines.get(&key_hash(key))?;
        let mut bytes = vec![0; usize::try_from(range.end - range.start).ok()?];
        {
            let mut file = self.earlier.as_ref()?.lock().ok()?;
            file.seek(SeekFrom::Start(range.start)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        let json = bytes.get(KEY_HASH_LEN + 1..)?;
        serde_json::from_slice(json).ok()
    }

    /// The cached verdict on `file`, if every file it was checked from is
    /// unchanged: a report as [`super::Workspace`] would make it, without
    /// the loaded notice.
    pub fn lookup(&self, file: &NoticeFile) -> Option<(FileReport, CachedVerdict)> {
        let entry = self.entry_for(file)?;
        let files = self.unchanged(&entry, &[])?;
        let (diagnostics, suppressed) = restore_all(&entry, &files)?;
        let mut report = FileReport::new(&file.source, FileKind::Notice);
        report.output = Some(file.stem.clone());
        report.diagnostics = diagnostics;
        report.suppressed = suppressed;
        report.has_errors = report.count(Severity::Error) > 0;
        Some((
            report,
            CachedVerdict {
                files,
                own: entry.own,
            },
        ))
    }

    /// The cached verdict on a notice already loaded (for the project
    /// checks, which need every notice): its diagnostics and suppressed
    /// findings, if the files it was loaded from are the ones the verdict
    /// was made from and the other files it depends on are unchanged.
    pub fn lookup_loaded(
        &self,
        file: &NoticeFile,
        loaded: &crate::load::LoadedNotice,
    ) -> Option<(Vec<Diagnostic>, Vec<Suppressed>)> {
        let entry = self.entry_for(file)?;
        let own: Vec<(Arc<SourceFile>, String)> =
            loaded.files().map(|f| (f.clone(), hash(&f.text))).collect();
        let files = self.unchanged(&entry, &own)?;
        restore_all(&entry, &files)
    }

    /// The earlier entry on `file`, if it was made for the path as given.
    fn entry_for(&self, file: &NoticeFile) -> Option<Entry> {
        let key = key_of(&file.source);
        let entry = self.earlier_entry(&key)?;
        (entry.key == key && entry.given == file.source).then_some(entry)
    }

    /// The files `entry` was made from as they are now, if every one has
    /// the hash it had: those in `loaded` (already read for this run, the
    /// first of the entry's files, by path), the rest read now.
    fn unchanged(
        &self,
        entry: &Entry,
        loaded: &[(Arc<SourceFile>, String)],
    ) -> Option<Vec<(Arc<SourceFile>, String)>> {
        if !loaded.is_empty() && loaded.len() != entry.own {
            return None;
        }
        let mut files = Vec::with_capacity(entry.files.len());
        for (index, (path, hash)) in entry.files.iter().enumerate() {
            let now = match loaded.get(index) {
                Some((source, now)) if source.path == *path => (source.clone(), now.clone()),
                Some(_) => return None,
                None => self.read(path)?,
            };
            if now.1 != *hash {
                return None;
            }
            files.push(now);
        }
        Some(files)
    }

    /// Records the verdict a check just gave on `file`, made from `files`
    /// (every file loaded for it) — unless it depends on more than their
    /// bytes.
    pub fn store(
        &self,
        file: &NoticeFile,
        files: &[Arc<SourceFile>],
        own: usize,
        report: &FileReport,
    ) {
        let learned_from_absence = report.diagnostics.iter().any(|d| {
            matches!(
                d.code,
                code::UNREADABLE_FILE | code::SYNTAX | code::UNKNOWN_REFERENCE | code::INTERNAL
            ) || d.code == crate::rules::translation::ORIGINAL.code
        });
        if learned_from_absence || report.notice.is_none() {
            return;
        }
        let place = |d: &Diagnostic| {
            files
                .iter()
                .position(|f| Arc::ptr_eq(f, &d.file) || f.path == d.file.path)
        };
        let store = |d: &Diagnostic| -> Option<CachedDiagnostic> {
            Some(CachedDiagnostic {
                severity: d.severity,
                code: d.code.to_string(),
                requirement: d.requirement.map(str::to_string),
                citation: d.citation.clone(),
                message: d.message.clone(),
                help: d.help.clone(),
                url: d.url.map(str::to_string),
                file: place(d)?,
                span: d.span.clone(),
                label: d.label.clone(),
                related: d
                    .related
                    .iter()
                    .map(|r| (r.span.clone(), r.label.clone()))
                    .collect(),
                path: d.path.clone(),
            })
        };
        let Some(diagnostics) = report
            .diagnostics
            .iter()
            .map(store)
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        let Some(suppressed) = report
            .suppressed
            .iter()
            .map(|s| Some((store(&s.diagnostic)?, s.reason.clone())))
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        let key = key_of(&file.source);
        let entry = Entry {
            key: key.clone(),
            given: file.source.clone(),
            files: files
                .iter()
                .map(|f| (f.path.clone(), hash(&f.text)))
                .collect(),
            own,
            diagnostics,
            suppressed,
        };
        let Ok(json) = serde_json::to_string(&entry) else {
            return;
        };
        let hash = key_hash(&key);
        let Ok(mut fresh) = self.fresh.lock() else {
            return;
        };
        if fresh.is_none() {
            *fresh = self.start_fresh();
        }
        let Some(fresh) = fresh.as_mut() else {
            return;
        };
        use std::io::Write as _;
        if writeln!(fresh.out, "{hash} {json}").is_ok() {
            fresh.keys.insert(hash);
        }
    }

    /// A new file for this run's verdicts, beside the old one.
    fn start_fresh(&self) -> Option<Fresh> {
        std::fs::create_dir_all(&self.dir).ok()?;
        if let Some(ignore) = self.dir.parent().map(|root| root.join(".gitignore"))
            && !ignore.exists()
        {
            let _ = crate::site::write::create_new(
                &ignore,
                b"# noticec's verdict cache: safe to delete, never commit.\n*\n",
            );
        }
        let temp = self.dir.join(format!(
            ".{CACHE_FILE}.{}{}",
            std::process::id(),
            crate::site::write::TEMP_SUFFIX
        ));
        // Never through a link or a file someone else put there.
        let _ = std::fs::remove_file(&temp);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .ok()?;
        Some(Fresh {
            temp,
            out: std::io::BufWriter::with_capacity(1 << 16, file),
            keys: std::collections::HashSet::new(),
        })
    }

    /// Saves this run's verdicts, if it gave any: after them, every
    /// earlier notice's line they do not replace, and the new file renamed
    /// over the old. A failure leaves the old cache as it was.
    pub fn finish(&self) {
        use std::io::{Read, Seek, SeekFrom, Write as _};
        let Some(mut fresh) = self.fresh.lock().ok().and_then(|mut f| f.take()) else {
            return;
        };
        let mut copied = || -> std::io::Result<()> {
            if let Some(earlier) = &self.earlier {
                let mut earlier = earlier.lock().map_err(|_| std::io::Error::other("lock"))?;
                let mut kept: Vec<&Range<u64>> = self
                    .lines
                    .iter()
                    .filter(|(hash, _)| !fresh.keys.contains(*hash))
                    .map(|(_, range)| range)
                    .collect();
                kept.sort_by_key(|r| r.start);
                let mut buffer = Vec::new();
                for range in kept {
                    buffer.resize(usize::try_from(range.end - range.start).unwrap_or(0), 0);
                    earlier.seek(SeekFrom::Start(range.start))?;
                    earlier.read_exact(&mut buffer)?;
                    fresh.out.write_all(&buffer)?;
                    fresh.out.write_all(b"\n")?;
                }
            }
            fresh.out.flush()
        };
        let done = copied().and_then(|()| std::fs::rename(&fresh.temp, self.dir.join(CACHE_FILE)));
        if done.is_err() {
            let _ = std::fs::remove_file(&fresh.temp);
        }
    }

    /// A file as it is now, read once per run however many notices use it.
    fn read(&self, path: &Path) -> Option<(Arc<SourceFile>, String)> {
        match self.read.lock().ok()?.get(path) {
            Some(None) => return None,
            Some(Some((text, hash))) => {
                if let Some(text) = text.upgrade() {
                    return Some((text, hash.clone()));
                }
            }
            None => {}
        }
        let now = std::fs::read(path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .map(|text| {
                let text = crate::load::read::strip_bom(text);
                let hash = hash(&text);
                (Arc::new(SourceFile::new(path, text)), hash)
            });
        let known = now
            .as_ref()
            .map(|(text, hash)| (Arc::downgrade(text), hash.clone()));
        self.read.lock().ok()?.insert(path.to_path_buf(), known);
        now
    }
}

/// Removes the folders in `root` other than `current` but the `keep - 1`
/// most recently changed.
fn prune(root: &Path, current: &str, keep: usize) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()) && e.file_name() != current)
        .map(|e| {
            let modified = e
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, e.path())
        })
        .collect();
    others.sort();
    let excess = others.len().saturating_sub(keep.saturating_sub(1));
    for (_, dir) in others.into_iter().take(excess) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Removes the temporary files runs that were killed left in `dir`
/// (those of a run still going are younger).
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE));
        if name.starts_with(&format!(".{CACHE_FILE}."))
            && name.ends_with(crate::site::write::TEMP_SUFFIX)
            && stale
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// How long a key's hash is at the start of each line.
const KEY_HASH_LEN: usize = 32;

/// The hash a notice's line starts with.
fn key_hash(key: &str) -> String {
    hash(key)[..KEY_HASH_LEN].to_string()
}

/// Where each notice's line is in the cache file (without its newline),
/// by the hash it starts with; a later line for the same notice wins.
fn index_lines(bytes: &[u8]) -> HashMap<String, Range<u64>> {
    let mut lines = HashMap::new();
    let mut start = 0;
    for line in bytes.split(|&b| b == b'\n') {
        let end = start + line.len();
        if line.len() > KEY_HASH_LEN + 1
            && line[KEY_HASH_LEN] == b' '
            && let Ok(hash) = std::str::from_utf8(&line[..KEY_HASH_LEN])
        {
            lines.insert(hash.to_string(), start as u64..end as u64);
        }
        start = end + 1;
    }
    lines
}

/// The cache key of a notice: its absolute path, made without touching
/// the disk (a notice reached by two paths simply has two entries; each
/// also records the path as given).
fn key_of(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// BLAKE3 of a file's text, hex.
fn hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// What every verdict depends on besides its files: this very program
/// (its version, size and modification time: a rebuilt noticec starts a
/// new cache) and the settings of the check.
fn settings_key(options: &Options) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
        hasher.update(&meta.len().to_le_bytes());
        if let Ok(modified) = meta.modified()
            && let Ok(since) = modified.duration_since(std::time::UNIX_EPOCH)
        {
            hasher.update(&since.as_nanos().to_le_bytes());
        }
    }
    let settings = format!(
        "{:?}|{:?}|{}|{:?}",
        options.profile, options.overrides, options.today, options.sharing
    );
    hasher.update(settings.as_bytes());
    hasher.finalize().to_hex().to_string()
}

/// An entry's diagnostics and suppressed findings made whole again, in
/// `files` (as [`VerdictCache::unchanged`] gave them).
fn restore_all(
    entry: &Entry,
    files: &[(Arc<SourceFile>, String)],
) -> Option<(Vec<Diagnostic>, Vec<Suppressed>)> {
    let diagnostics = entry
        .diagnostics
        .iter()
        .map(|d| restore(d, files))
        .collect::<Option<Vec<_>>>()?;
    let suppressed = entry
        .suppressed
        .iter()
        .map(|(d, reason)| {
            Some(Suppressed {
                diagnostic: restore(d, files)?,
                reason: reason.clone(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((diagnostics, suppressed))
}

/// A stored diagnostic made whole again; `None` when it names a code,
/// requirement or address this noticec does not have.
fn restore(d: &CachedDiagnostic, files: &[(Arc<SourceFile>, String)]) -> Option<Diagnostic> {
    let rule = crate::rules::RULES.iter().find(|r| r.code == d.code)?;
    let requirement = match &d.requirement {
        Some(key) => Some(crate::rules::RULES.iter().find(|r| r.name == key)?.name),
        None => None,
    };
    let url = match &d.url {
        Some(url) => Some(crate::rules::RULES.iter().find(|r| r.url == url)?.url),
        None => None,
    };
    Some(Diagnostic {
        severity: d.severity,
        code: rule.code,
        requirement,
        citation: d.citation.clone(),
        message: d.message.clone(),
        help: d.help.clone(),
        url,
        file: files.get(d.file)?.0.clone(),
        span: d.span.clone(),
        label: d.label.clone(),
        related: d
            .related
            .iter()
            .map(|(span, label)| Related {
                span: span.clone(),
                label: label.clone(),
            })
            .collect(),
        path: d.path.clone(),
    })
}
