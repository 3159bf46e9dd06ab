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
//! in that sixteen files, `verdicts-0.jsonl` to `verdicts-f.jsonl`, a line
//! per notice, each notice in the file of the first hex digit of its key's
//! hash. Few files, because creating a file costs far more than writing
//! one; sixteen, so that checking one notice reads a sixteenth of the
//! verdicts; a line per notice, read only when that notice is checked, so
//! the verdicts of ten thousand notices are never all in memory. A run
//! that gives new verdicts writes each file they go to anew as they come,
//! copies the other notices' lines after them and renames it over the old
//! one (keeping only the notices of this run once a file is past
//! `TRIM_AT`); a run that gives none writes nothing. A cache that cannot
//! be read or written is simply not used; `--no-cache` turns it off.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, Weak};

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

/// How many files the verdicts are spread over, by the first hex digit of
/// the hash of a notice's key: checking one notice reads one of them.
const SHARDS: usize = 16;
/// A file that would grow past this when it is rewritten keeps only the
/// lines of the notices of this run: verdicts on notices checked long ago
/// (or gone) do not make every later run copy them.
const TRIM_AT: u64 = 16 << 20;

/// The name of a shard's file in the settings folder.
fn shard_file(shard: usize) -> String {
    format!("verdicts-{shard:x}.jsonl")
}

/// Verdicts of earlier runs, read a notice at a time, and this run's.
#[derive(Debug)]
pub struct VerdictCache {
    /// The folder of this program and these settings.
    dir: PathBuf,
    /// The verdicts, spread over [`SHARDS`] files.
    shards: Vec<Shard>,
    /// Files read for this run's lookups: path as loaded → the text while
    /// some report still holds it, and its hash; `None` when it could not
    /// be read as text. A shared part is read and hashed once. Not the
    /// notices themselves, each read for its own lookup only: ten thousand
    /// entries kept a few megabytes for nothing.
    read: Mutex<HashMap<PathBuf, Option<Seen>>>,
}

/// A file read for a lookup: its text while a report holds it, and the
/// hash of that text.
type Seen = (Weak<SourceFile>, String);

/// One file of verdicts: the earlier ones, read when first needed, and
/// this run's.
#[derive(Debug, Default)]
struct Shard {
    /// The earlier verdicts' file and where each line is in it; `None`
    /// when there is none (or it cannot be read).
    earlier: OnceLock<Option<Earlier>>,
    /// This run's new verdicts, written as they come.
    fresh: Mutex<Option<Fresh>>,
    /// The hashes of the notices whose earlier line this run read.
    used: Mutex<HashSet<String>>,
}

/// A shard's earlier file, indexed and then read through one handle (a
/// file another run renames into place meanwhile is not mixed with it).
#[derive(Debug)]
struct Earlier {
    file: Mutex<std::fs::File>,
    /// Where each notice's line is, by the hash of its key.
    lines: HashMap<String, Range<u64>>,
    len: u64,
}

/// The file a shard's new verdicts go to until [`VerdictCache::finish`].
#[derive(Debug)]
struct Fresh {
    temp: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    /// The hashes of the notices it has a line for.
    keys: HashSet<String>,
    written: u64,
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
        Some(VerdictCache {
            dir,
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
            read: Mutex::new(HashMap::new()),
        })
    }

    /// The earlier file of shard `index`, indexed the first time it is
    /// needed.
    fn earlier(&self, index: usize) -> Option<&Earlier> {
        self.shards[index]
            .earlier
            .get_or_init(|| {
                let (mut file, _) =
                    crate::files::open_regular(&self.dir.join(shard_file(index)), u64::MAX).ok()?;
                let (lines, len) = index_lines(&mut file)?;
                Some(Earlier {
                    file: Mutex::new(file),
                    lines,
                    len,
                })
            })
            .as_ref()
    }

    /// The earlier verdict on the notice with this key, as stored.
    fn earlier_entry(&self, key: &str) -> Option<Entry> {
        use std::io::{Read, Seek, SeekFrom};
        let hash = key_hash(key);
        let index = shard_of(&hash);
        let earlier = self.earlier(index)?;
        let range = earlier.lines.get(&hash)?;
        let mut bytes = vec![0; usize::try_from(range.end - range.start).ok()?];
        {
            let mut file = earlier.file.lock().ok()?;
            file.seek(SeekFrom::Start(range.start)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        let json = bytes.get(KEY_HASH_LEN + 1..)?;
        let entry: Entry = serde_json::from_slice(json).ok()?;
        if let Ok(mut used) = self.shards[index].used.lock() {
            used.insert(hash);
        }
        Some(entry)
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
                // The notice itself is read for its own lookup only: not
                // kept in the memo of shared files.
                None => self.read(path, index > 0)?,
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
        let index = shard_of(&hash);
        let Ok(mut fresh) = self.shards[index].fresh.lock() else {
            return;
        };
        if fresh.is_none() {
            *fresh = self.start_fresh(index);
        }
        let Some(fresh) = fresh.as_mut() else {
            return;
        };
        use std::io::Write as _;
        if writeln!(fresh.out, "{hash} {json}").is_ok() {
            fresh.written += (hash.len() + json.len() + 2) as u64;
            fresh.keys.insert(hash);
        }
    }

    /// A new file for shard `index`'s new verdicts, beside the old one.
    fn start_fresh(&self, index: usize) -> Option<Fresh> {
        prepare_root(self.dir.parent()?).then_some(())?;
        std::fs::create_dir_all(&self.dir).ok()?;
        // Never through a link or a file someone else put there.
        let (temp, file) = crate::files::create_temp(&self.dir, &shard_file(index)).ok()?;
        Some(Fresh {
            temp,
            out: std::io::BufWriter::with_capacity(1 << 16, file),
            keys: HashSet::new(),
            written: 0,
        })
    }

    /// Saves this run's verdicts: each shard that has new ones is written
    /// again — the new lines, then every earlier line they do not replace
    /// (only those this run read, when the file would grow past
    /// `TRIM_AT`) — and renamed over the old file. A shard with no new
    /// verdict is not touched; a failure leaves a shard as it was.
    pub fn finish(&self) {
        for index in 0..SHARDS {
            self.finish_shard(index);
        }
    }

    fn finish_shard(&self, index: usize) {
        use std::io::{Read, Seek, SeekFrom, Write as _};
        let shard = &self.shards[index];
        let Some(mut fresh) = shard.fresh.lock().ok().and_then(|mut f| f.take()) else {
            return;
        };
        let used = shard.used.lock().map(|u| u.clone()).unwrap_or_default();
        // Read now if this run never looked at it, so its lines are kept.
        let earlier = self.earlier(index);
        let mut copied = || -> std::io::Result<()> {
            if let Some(earlier) = earlier {
                let trim = earlier.len + fresh.written > TRIM_AT;
                let mut file = earlier
                    .file
                    .lock()
                    .map_err(|_| std::io::Error::other("lock"))?;
                let mut kept: Vec<&Range<u64>> = earlier
                    .lines
                    .iter()
                    .filter(|(hash, _)| !fresh.keys.contains(*hash))
                    .filter(|(hash, _)| !trim || used.contains(*hash))
                    .map(|(_, range)| range)
                    .collect();
                kept.sort_by_key(|r| r.start);
                let mut buffer = Vec::new();
                for range in kept {
                    buffer.resize(usize::try_from(range.end - range.start).unwrap_or(0), 0);
                    file.seek(SeekFrom::Start(range.start))?;
                    file.read_exact(&mut buffer)?;
                    fresh.out.write_all(&buffer)?;
                    fresh.out.write_all(b"\n")?;
                }
            }
            fresh.out.flush()
        };
        let done =
            copied().and_then(|()| std::fs::rename(&fresh.temp, self.dir.join(shard_file(index))));
        if done.is_err() {
            let _ = std::fs::remove_file(&fresh.temp);
        }
    }

    /// A file as it is now, read once per run however many notices use it.
    fn read(&self, path: &Path, remember: bool) -> Option<(Arc<SourceFile>, String)> {
        match self.read.lock().ok()?.get(path) {
            Some(None) => return None,
            Some(Some((text, hash))) => {
                if let Some(text) = text.upgrade() {
                    return Some((text, hash.clone()));
                }
            }
            None => {}
        }
        let now = crate::files::read_regular(path, crate::load::read::MAX_NOTICE_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .map(|text| {
                let text = crate::load::read::strip_bom(text);
                let hash = hash(&text);
                (Arc::new(SourceFile::new(path, text)), hash)
            });
        if remember {
            let known = now
                .as_ref()
                .map(|(text, hash)| (Arc::downgrade(text), hash.clone()));
            self.read.lock().ok()?.insert(path.to_path_buf(), known);
        }
        now
    }
}

/// Makes the cache folder `root` if it is not there, with a `.gitignore`
/// that keeps it out of version control; whether it is there now.
pub fn prepare_root(root: &Path) -> bool {
    if std::fs::create_dir_all(root).is_err() {
        return false;
    }
    let ignore = root.join(".gitignore");
    if !ignore.exists() {
        let _ = crate::files::create_new(
            &ignore,
            b"# noticec's cache (verdicts, page stamps): safe to delete, never commit.\n*\n",
        );
    }
    true
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
        if name.starts_with(".verdicts-") && name.ends_with(crate::files::TEMP_SUFFIX) && stale {
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

/// The shard of a key hash: its first hex digit.
fn shard_of(hash: &str) -> usize {
    hash.get(..1)
        .and_then(|digit| usize::from_str_radix(digit, 16).ok())
        .unwrap_or(0)
        % SHARDS
}

/// Where each notice's line is in the cache file (without its newline),
/// by the hash it starts with; a later line for the same notice wins. The
/// file is read a buffer at a time (it may hold ten thousand verdicts);
/// `None` if it cannot be read.
fn index_lines(file: &mut std::fs::File) -> Option<(HashMap<String, Range<u64>>, u64)> {
    use std::io::{BufRead, Seek};
    let mut reader = std::io::BufReader::with_capacity(1 << 16, &mut *file);
    let mut lines = HashMap::new();
    let mut line = Vec::new();
    let mut start = 0u64;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).ok()?;
        if read == 0 {
            break;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        if text.len() > KEY_HASH_LEN + 1
            && text[KEY_HASH_LEN] == b' '
            && let Ok(hash) = std::str::from_utf8(&text[..KEY_HASH_LEN])
        {
            lines.insert(hash.to_string(), start..start + text.len() as u64);
        }
        start += read as u64;
    }
    drop(reader);
    file.rewind().ok()?;
    Some((lines, start))
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

/// BLAKE3 of a file's text, hex: as the build record hashes a source.
fn hash(text: &str) -> String {
    crate::files::content_hash(text.as_bytes())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache in a fresh folder, with shard 0's earlier file holding
    /// `lines`, and a new verdict on `new` written to it.
    fn rewrite_shard(name: &str, lines: &[(&str, usize)], used: &[&str], new: &str) -> String {
        let root =
            std::env::temp_dir().join(format!("noticec-cache-unit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let options = Options::new(jiff::civil::date(2026, 11, 23));
        let cache = VerdictCache::open(&root, &options).expect("cache");
        std::fs::create_dir_all(&cache.dir).expect("dir");
        let mut text = String::new();
        for (hash, padding) in lines {
            text.push_str(&format!(
                "{hash} {{\"pad\":\"{}\"}}\n",
                "x".repeat(*padding)
            ));
        }
        std::fs::write(cache.dir.join(shard_file(0)), text).expect("earlier");
        cache.shards[0]
            .used
            .lock()
            .expect("used")
            .extend(used.iter().map(|u| u.to_string()));
        let mut fresh = cache.start_fresh(0).expect("fresh");
        use std::io::Write as _;
        writeln!(fresh.out, "{new} {{}}").expect("write");
        fresh.keys.insert(new.to_string());
        fresh.written = new.len() as u64 + 3;
        *cache.shards[0].fresh.lock().expect("fresh") = Some(fresh);
        cache.finish();
        let after = std::fs::read_to_string(cache.dir.join(shard_file(0))).expect("after");
        let _ = std::fs::remove_dir_all(&root);
        after
    }

    const OLD: &str = "0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const SEEN: &str = "0bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    const NEW: &str = "0ccccccccccccccccccccccccccccccc";

    #[test]
    fn a_rewritten_file_keeps_the_other_notices_lines() {
        let after = rewrite_shard("keep", &[(OLD, 10), (SEEN, 10)], &[SEEN], NEW);
        let hashes: Vec<&str> = after.lines().map(|l| &l[..KEY_HASH_LEN]).collect();
        assert_eq!(hashes, [NEW, OLD, SEEN]);
    }

    #[test]
    fn a_file_past_the_limit_keeps_only_this_runs_notices() {
        let big = usize::try_from(TRIM_AT).expect("size");
        let after = rewrite_shard("trim", &[(OLD, big), (SEEN, 10)], &[SEEN], NEW);
        let hashes: Vec<&str> = after.lines().map(|l| &l[..KEY_HASH_LEN]).collect();
        assert_eq!(hashes, [NEW, SEEN]);
    }

    #[test]
    fn a_new_verdict_replaces_the_earlier_line() {
        let after = rewrite_shard("replace", &[(NEW, 10), (OLD, 10)], &[NEW], NEW);
        let hashes: Vec<&str> = after.lines().map(|l| &l[..KEY_HASH_LEN]).collect();
        assert_eq!(hashes, [NEW, OLD]);
        assert!(after.starts_with(&format!("{NEW} {{}}")));
    }
}
