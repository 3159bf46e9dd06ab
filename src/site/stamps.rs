//! Page stamps: how a rebuild knows a page on disk is still what a build
//! wrote, without reading it again.
//!
//! A page is kept only when its file holds exactly the content the build
//! record names ([`super::incremental`]). Reading and hashing every page
//! proves that, and costs a rebuild of ten thousand notices a gigabyte
//! read. So, as git's index does, the build also keeps each page's
//! *stamp* as it left the file — device, inode, size, modification time
//! and change time — with the hash of the content the file had at that
//! stamp. A page whose file has the same stamp now, and whose record names
//! the same hash, is kept unread. The change time is set by the system on
//! every change to a file (a write, a rename over it, a change of its
//! times) and no program can set it back, so a page that was edited,
//! replaced or touched does not have its old stamp and is read again.
//!
//! A change made by another program in the same tick of the file system's
//! clock as the build's own write of a page leaves the page the same
//! stamp — and a tick is a whole second on some file systems (ext2 and
//! ext3 with small inodes, FAT, some network mounts). So a stamp is kept
//! only when the file's change and modification times were already past
//! when the build that took the stamp started, as the output folder's
//! file system tells it (the times of a file made there for the purpose):
//! any later change then gets a later change time. A page a build wrote is
//! therefore read once by the next build, which stamps it. (git's rule for
//! "racily clean" files, made strict: git compares with the time the index
//! is written, which leaves that same-tick change unseen.)
//!
//! Stamps are kept only where the change time can be relied on: on Linux,
//! for an output folder on a local file system known to keep it
//! (`TRUSTED_FILE_SYSTEMS`); elsewhere every page is read.
//!
//! Stamps are facts of one machine (inode numbers, times): they are not in
//! the build record, which is published and the same for the same input,
//! but in the cache folder (see [`crate::check::cache::location`]), one
//! file per output folder, `pages-HASH.stamps`. Without a cache folder, or
//! with `--no-cache`, every page is read. A stamps file that cannot be read
//! or written is simply not used.
//!
//! The file: a header line, then fixed-size records sorted by page, each
//! the first 8 bytes of the BLAKE3 hash of the page's path in the output
//! folder, the first 8 bytes of its content hash, and the stamp's seven
//! numbers, little-endian. (Eight bytes suffice: a record is used only
//! for the very file — device and inode — it was taken of, and only when
//! the build record names content starting with those bytes.)

use std::path::{Path, PathBuf};

/// The first line of a stamps file; bumped when a record's shape changes.
const HEADER: &[u8] = b"noticec page stamps 1\n";
/// Bytes in one record.
const RECORD: usize = 8 + 8 + 8 * 5 + 4 * 2;
/// How many output folders' stamps a cache folder keeps.
const KEEP: usize = 16;
/// The largest stamps file read: 16 million pages' records.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// What the file system says of a file, as far as telling a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    mtime: (i64, u32),
    ctime: (i64, u32),
}

impl Stamp {
    /// The stamp of a regular file; `None` for anything else, and where
    /// the system gives no inode numbers (then every page is read).
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let nanos = |n: i64| u32::try_from(n).ok();
            meta.file_type().is_file().then_some(())?;
            Some(Stamp {
                dev: meta.dev(),
                ino: meta.ino(),
                size: meta.size(),
                mtime: (meta.mtime(), nanos(meta.mtime_nsec())?),
                ctime: (meta.ctime(), nanos(meta.ctime_nsec())?),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// The stamp of the file at `path` (not following a link).
    fn at(path: &Path) -> Option<Stamp> {
        Stamp::of(&std::fs::symlink_metadata(path).ok()?)
    }

    /// The stamp of the file at `path` now, if it is the file `written`
    /// describes as it was just before it was renamed there: the same
    /// file (device and inode), size and modification time. (The rename
    /// itself sets a new change time.) `None` when another file was put
    /// there since.
    pub fn after_rename(written: &std::fs::Metadata, path: &Path) -> Option<Stamp> {
        let before = Stamp::of(written)?;
        let after = Stamp::at(path)?;
        let same = |s: &Stamp| (s.dev, s.ino, s.size, s.mtime);
        (same(&before) == same(&after)).then_some(after)
    }
}

/// One page's stamp, with the content it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// Hash of the page's path in the output folder.
    page: [u8; 8],
    /// Its content hash (as the build record has it), shortened.
    content: [u8; 8],
    stamp: Stamp,
}

impl Record {
    /// The record of `page` holding content `hash`, with `stamp`; `None`
    /// when there is no stamp, or the hash is not one of ours.
    fn new(page: &str, hash: &str, stamp: Option<Stamp>) -> Option<Record> {
        Some(Record {
            page: page_key(page),
            content: short_hash(hash)?,
            stamp: stamp?,
        })
    }

    fn encode(&self) -> [u8; RECORD] {
        let s = &self.stamp;
        let mut out = [0; RECORD];
        let mut at = 0;
        let mut put = |bytes: &[u8]| {
            out[at..at + bytes.len()].copy_from_slice(bytes);
            at += bytes.len();
        };
        put(&self.page);
        put(&self.content);
        for n in [s.dev, s.ino, s.size] {
            put(&n.to_le_bytes());
        }
        for (secs, nanos) in [s.mtime, s.ctime] {
            put(&secs.to_le_bytes());
            put(&nanos.to_le_bytes());
        }
        out
    }

    fn decode(bytes: &[u8]) -> Option<Record> {
        let mut at = 0;
        let mut take = |n: usize| {
            let slice = bytes.get(at..at + n);
            at += n;
            slice
        };
        let page = take(8)?.try_into().ok()?;
        let content = take(8)?.try_into().ok()?;
        let mut u64s = [0u64; 3];
        for n in &mut u64s {
            *n = u64::from_le_bytes(take(8)?.try_into().ok()?);
        }
        let mut times = [(0i64, 0u32); 2];
        for time in &mut times {
            *time = (
                i64::from_le_bytes(take(8)?.try_into().ok()?),
                u32::from_le_bytes(take(4)?.try_into().ok()?),
            );
        }
        Some(Record {
            page,
            content,
            stamp: Stamp {
                dev: u64s[0],
                ino: u64s[1],
                size: u64s[2],
                mtime: times[0],
                ctime: times[1],
            },
        })
    }
}

/// The stamps the last build left for one output folder.
#[derive(Debug, Default)]
pub struct PageStamps {
    /// The stamps file; `None` when stamps are not kept.
    file: Option<PathBuf>,
    /// Its records, sorted by page.
    earlier: Vec<Record>,
    /// This build's records, as its pages are written or found unchanged.
    now: std::sync::Mutex<Vec<Record>>,
    /// The time of the output folder's file system when this build
    /// started; only stamps of files last changed before it are kept.
    /// `None` when it could not be told (the folder is not there yet: every
    /// page is new).
    since: Option<(i64, u32)>,
}

impl PageStamps {
    /// No stamps: every page is read.
    pub fn none() -> PageStamps {
        PageStamps::default()
    }

    /// The stamps kept in `cache` for the output folder `out_dir`
    /// (resolved), or none when there is no cache folder; room is made
    /// for `pages` records of this build.
    pub fn open(cache: Option<&Path>, out_dir: &Path, pages: usize) -> PageStamps {
        let mut stamps = PageStamps::fresh(cache, out_dir, pages);
        if let Some(file) = &stamps.file {
            stamps.earlier = read_records(file).unwrap_or_default();
        }
        stamps
    }

    /// As [`PageStamps::open`], without reading the last build's stamps
    /// (there is no page to keep): this build's replace them.
    pub fn fresh(cache: Option<&Path>, out_dir: &Path, pages: usize) -> PageStamps {
        let Some(cache) = cache else {
            return PageStamps::none();
        };
        if !keeps_change_times(out_dir) {
            return PageStamps::none();
        }
        let name = crate::files::content_hash(out_dir.to_string_lossy().as_bytes());
        PageStamps {
            file: Some(cache.join(format!("pages-{}.stamps", &name[..16]))),
            earlier: Vec::new(),
            now: std::sync::Mutex::new(Vec::with_capacity(pages)),
            since: file_system_now(out_dir),
        }
    }

    /// The earlier record of `page`, whatever its content.
    fn earlier(&self, page: &str) -> Option<&Record> {
        let key = page_key(page);
        let at = self.earlier.binary_search_by(|r| r.page.cmp(&key)).ok()?;
        self.earlier.get(at)
    }

    /// Whether the page `page` in `out_dir` holds exactly the content
    /// `hash`: by its stamp when it has the one recorded with that hash,
    /// else by reading it. `Some` with the page's record for the next
    /// build (`None` inside when it has no stamp to keep) when it does.
    pub fn holds(&self, out_dir: &Path, page: &str, hash: &str) -> Option<Option<Record>> {
        let path = out_dir.join(page);
        if let Some(earlier) = self.earlier(page)
            && Some(earlier.content) == short_hash(hash)
            && Stamp::at(&path) == Some(earlier.stamp)
        {
            return Some(Some(*earlier));
        }
        let (bytes, stamp) = read_stamped(&path, super::write::MAX_PAGE_BYTES).ok()?;
        (crate::files::content_hash(&bytes) == hash).then(|| self.record(page, hash, stamp))
    }

    /// The record of `page` holding content `hash` at `stamp` (as
    /// [`super::write::write_stamped`] gives it), when stamps are kept.
    pub fn record(&self, page: &str, hash: &str, stamp: Option<Stamp>) -> Option<Record> {
        self.file.as_ref()?;
        Record::new(page, hash, stamp)
    }

    /// The earlier record of a page this build neither wrote nor checked
    /// (its notice is not part of the build), if it holds `hash`.
    pub fn kept(&self, page: &str, hash: &str) -> Option<Record> {
        self.earlier(page)
            .filter(|r| Some(r.content) == short_hash(hash))
            .copied()
    }

    /// Notes records of this build's pages, to be saved.
    pub fn note(&self, records: impl IntoIterator<Item = Record>) {
        if self.file.is_some()
            && let Ok(mut now) = self.now.lock()
        {
            now.extend(records);
        }
    }

    /// Saves the records noted for the next build, without those of files
    /// changed since this build started (see the module's notes). The
    /// file is left alone when it already says exactly that. Failures are
    /// ignored: the next build reads its pages.
    pub fn save(self) {
        let PageStamps {
            file,
            earlier,
            now,
            since,
        } = self;
        let Some(file) = file else {
            return;
        };
        let Ok(mut records) = now.into_inner() else {
            return;
        };
        records.retain(|r| since.is_some_and(|s| r.stamp.ctime < s && r.stamp.mtime < s));
        records.sort_by_key(|r| r.page);
        records.dedup_by(|a, b| a.page == b.page);
        if records == earlier {
            // Still marked as used, for `prune`, which keeps the stamps
            // of the folders built most recently.
            let _ = crate::files::open_regular(&file, u64::MAX)
                .and_then(|(f, _)| f.set_modified(std::time::SystemTime::now()));
            return;
        }
        drop(earlier);
        let Some(cache) = file.parent() else {
            return;
        };
        if crate::check::cache::prepare_root(cache) {
            let _ = crate::files::write_with(&file, |out| {
                out.write_all(HEADER)?;
                records.iter().try_for_each(|r| out.write_all(&r.encode()))
            });
            prune(cache, &file);
        }
    }
}

/// The records of a stamps file, sorted; `None` when it cannot be read or
/// is not one this version wrote.
fn read_records(file: &Path) -> Option<Vec<Record>> {
    let bytes = crate::files::read_regular(file, MAX_FILE_BYTES).ok()?;
    let body = bytes.strip_prefix(HEADER)?;
    if !body.len().is_multiple_of(RECORD) {
        return None;
    }
    let records: Vec<Record> = body
        .chunks_exact(RECORD)
        .map(Record::decode)
        .collect::<Option<_>>()?;
    records
        .windows(2)
        .all(|w| w[0].page < w[1].page)
        .then_some(records)
}

/// The content of a regular file of at most `limit` bytes and its stamp,
/// when the file did not change while it was read (the stamp before and
/// after are the same). Anything else at `path` is an error
/// ([`crate::files::open_regular`]).
pub fn read_stamped(path: &Path, limit: u64) -> std::io::Result<(Vec<u8>, Option<Stamp>)> {
    let (file, metadata) = crate::files::open_regular(path, limit)?;
    let before = Stamp::of(&metadata);
    let bytes = crate::files::read_opened(&file, &metadata, limit)?;
    let after = file.metadata().ok().as_ref().and_then(Stamp::of);
    Ok((bytes, before.filter(|_| before == after)))
}

/// Local file systems whose change times stamps can rely on, by the names
/// Linux gives them (`/proc/self/mountinfo`). Not among them: FAT and
/// exFAT, which keep no change time (Linux makes one up from the others,
/// which a program can set back); network file systems (NFS, SMB), whose
/// clients may show times cached for a while after another machine changed
/// a file; FUSE and the shared folders of virtual machines, whose times are
/// whatever the program behind them says.
pub const TRUSTED_FILE_SYSTEMS: &[&str] = &[
    "btrfs", "ext2", "ext3", "ext4", "f2fs", "overlay", "tmpfs", "xfs", "zfs",
];

/// Whether stamps are kept for pages in `dir`: it is on a local file
/// system known to keep change times ([`TRUSTED_FILE_SYSTEMS`]). Only
/// Linux tells which file system a folder is on without unsafe code; on
/// other systems every page is read, as with `--no-cache`.
pub fn keeps_change_times(dir: &Path) -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    std::fs::read_to_string("/proc/self/mountinfo").is_ok_and(|mounts| {
        file_system_of(&mounts, dir, device_of(dir))
            .is_some_and(|kind| TRUSTED_FILE_SYSTEMS.contains(&kind))
    })
}

/// The device (major, minor) of the file system `dir` is on.
#[cfg(unix)]
fn device_of(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let dev = std::fs::metadata(dir).ok()?.dev();
    // As glibc's gnu_dev_major and gnu_dev_minor split Linux's dev_t.
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    Some((major, minor))
}

#[cfg(not(unix))]
fn device_of(_: &Path) -> Option<(u64, u64)> {
    None
}

/// The type of the file system `path` (absolute, resolved) is on, from
/// the text of `/proc/self/mountinfo`: of the mounts whose mount point is
/// a leading part of `path`, the deepest of the device `path` is on (a
/// mount made later over a folder above hides the one below), else the
/// deepest of all (a btrfs subvolume has a device of its own); of two at
/// the same place, the last, which hides the other.
fn file_system_of<'m>(
    mountinfo: &'m str,
    path: &Path,
    device: Option<(u64, u64)>,
) -> Option<&'m str> {
    // (on the device, depth) of the best mount so far, and its type.
    let mut best: Option<((bool, usize), &str)> = None;
    for line in mountinfo.lines() {
        // ID PARENT MAJOR:MINOR ROOT MOUNT-POINT OPTIONS [FIELDS...] - TYPE SOURCE OPTIONS
        let Some((before, after)) = line.split_once(" - ") else {
            continue;
        };
        let mut fields = before.split(' ');
        let (Some(numbers), Some(point), Some(kind)) =
            (fields.nth(2), fields.nth(1), after.split(' ').next())
        else {
            continue;
        };
        let point = path_of(unescape_mount_point(point));
        if !path.starts_with(&point) {
            continue;
        }
        let mounted = numbers
            .split_once(':')
            .and_then(|(major, minor)| Some((major.parse().ok()?, minor.parse().ok()?)));
        let rank = (
            device.is_some() && mounted == device,
            point.components().count(),
        );
        if best.is_none_or(|(better, _)| rank >= better) {
            best = Some((rank, kind));
        }
    }
    best.map(|(_, kind)| kind)
}

/// A mount point as mountinfo writes it, with its octal escapes (`\040`
/// for a space, `\011`, `\012`, `\134`) put back.
fn unescape_mount_point(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes
            .get(i + 1..i + 4)
            .filter(|d| {
                bytes[i] == b'\\'
                    && (b'0'..=b'3').contains(&d[0])
                    && d[1..].iter().all(|d| (b'0'..=b'7').contains(d))
            })
            .map(|d| (d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
        match octal {
            Some(byte) => {
                out.push(byte);
                i += 4;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    out
}

/// A path from its bytes, as Unix has them.
#[cfg(unix)]
fn path_of(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: Vec<u8>) -> PathBuf {
    String::from_utf8_lossy(&bytes).into_owned().into()
}

/// The time of `dir`'s file system now: the change time of a file made
/// there for the purpose (and removed).
fn file_system_now(dir: &Path) -> Option<(i64, u32)> {
    let (temp, file) = crate::files::create_temp(dir, "stamps").ok()?;
    let stamp = file.metadata().ok().as_ref().and_then(Stamp::of);
    drop(file);
    let _ = std::fs::remove_file(&temp);
    stamp.map(|s| s.ctime.max(s.mtime))
}

/// Removes the stamps of all but the [`KEEP`] output folders built most
/// recently (`current` among them).
fn prune(cache: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("pages-") && name.ends_with(".stamps") && e.path() != current
        })
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified());
            (modified.unwrap_or(std::time::UNIX_EPOCH), e.path())
        })
        .collect();
    others.sort();
    let excess = others.len().saturating_sub(KEEP - 1);
    for (_, file) in others.into_iter().take(excess) {
        let _ = std::fs::remove_file(file);
    }
}

/// The key of a page's path in the output folder.
fn page_key(page: &str) -> [u8; 8] {
    let hash = blake3::hash(page.as_bytes());
    let mut key = [0; 8];
    key.copy_from_slice(&hash.as_bytes()[..8]);
    key
}

/// The first 8 bytes of a content hash written in hex.
fn short_hash(hex: &str) -> Option<[u8; 8]> {
    let digits = hex.as_bytes().get(..16)?;
    let mut out = [0; 8];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::content_hash;

    /// A fresh folder with an output folder and a cache folder in it.
    fn folders(name: &str) -> (PathBuf, PathBuf, PathBuf) {
        let root =
            std::env::temp_dir().join(format!("noticec-stamps-{name}-{:07}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let (out, cache) = (root.join("out"), root.join("cache"));
        std::fs::create_dir_all(&out).unwrap();
        (root, out, cache)
    }

    /// [`folders`], when stamps are kept there (on Linux, on a file system
    /// that keeps change times); else the test is skipped, saying why.
    fn stamped_folders(name: &str) -> Option<(PathBuf, PathBuf, PathBuf)> {
        let (root, out, cache) = folders(name);
        if keeps_change_times(&out) {
            return Some((root, out, cache));
        }
        eprintln!("skipped: no stamps are kept in {}", out.display());
        let _ = std::fs::remove_dir_all(root);
        None
    }

    /// Writes `pages` into `out` and saves their stamps, as a build does;
    /// returns how many were kept.
    fn write(out: &Path, cache: &Path, pages: &[(&str, &str)]) -> usize {
        let stamps = PageStamps::open(Some(cache), out, pages.len());
        for (page, text) in pages {
            let (_, stamp) = super::super::write::write_stamped(&out.join(page), text.as_bytes())
                .expect("written");
            stamps.note(stamps.record(page, &content_hash(text.as_bytes()), stamp));
        }
        stamps.save();
        PageStamps::open(Some(cache), out, 0).earlier.len()
    }

    /// Writes `pages` into `out` as a build does, then builds again,
    /// which stamps them.
    fn build(out: &Path, cache: &Path, pages: &[(&str, &str)]) {
        write(out, cache, pages);
        // Past the tick the pages were written in.
        std::thread::sleep(std::time::Duration::from_millis(20));
        rebuild(out, cache, pages);
    }

    /// Builds `pages` again, as a rebuild that finds each holds what it
    /// should.
    fn rebuild(out: &Path, cache: &Path, pages: &[(&str, &str)]) {
        let stamps = PageStamps::open(Some(cache), out, pages.len());
        for (page, text) in pages {
            let held = stamps.holds(out, page, &content_hash(text.as_bytes()));
            stamps.note(held.expect("the page holds what was written"));
        }
        stamps.save();
    }

    #[test]
    fn a_page_a_build_wrote_is_stamped_by_the_next_build_not_by_that_one() {
        let Some((root, out, cache)) = stamped_folders("next") else {
            return;
        };
        // Written just now, in the tick of the build: never stamped.
        assert_eq!(write(&out, &cache, &[("a.html", "x"), ("b.html", "y")]), 0);
        build(&out, &cache, &[("a.html", "x"), ("b.html", "y")]);
        let stamps = PageStamps::open(Some(&cache), &out, 0);
        assert_eq!(stamps.earlier.len(), 2);
        // A build that finds the same stamps leaves the file as it is, but
        // marks it used (the stamps of the folders used least are pruned).
        let file = stamps.file.clone().unwrap();
        let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
        let set = std::fs::File::open(&file).and_then(|f| f.set_modified(long_ago));
        set.unwrap();
        let bytes = std::fs::read(&file).unwrap();
        rebuild(&out, &cache, &[("a.html", "x"), ("b.html", "y")]);
        assert_eq!(std::fs::read(&file).unwrap(), bytes);
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        assert!(modified > long_ago);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_folder_is_on_the_file_system_mounted_deepest_above_it() {
        let mountinfo = "\
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw
30 24 0:27 / /dev/shm rw,relatime shared:5 - overlay overlay rw
40 27 8:17 / /media/usb\\040stick rw,nosuid master:1 - vfat /dev/sdb1 rw
41 27 0:50 / /mnt/share rw - nfs4 server:/export rw
42 27 0:51 / /mnt/back\\134slash rw - cifs //server/x rw
not a mount line
43 27 0:52 / /odd\\777\\04 rw - xfs /dev/x rw
";
        let on = |path: &str| file_system_of(mountinfo, Path::new(path), None);
        assert_eq!(on("/home/officer/site"), Some("ext4"));
        assert_eq!(
            on("/dev/shm/site"),
            Some("overlay"),
            "the later mount hides the earlier"
        );
        assert_eq!(on("/media/usb stick/site"), Some("vfat"));
        assert_eq!(on("/media/usb"), Some("ext4"));
        assert_eq!(on("/mnt/share/site"), Some("nfs4"));
        assert_eq!(on("/mnt/shared/site"), Some("ext4"), "whole names only");
        assert_eq!(on("/mnt/back\\slash/site"), Some("cifs"));
        assert_eq!(
            on("/odd\\777\\04/site"),
            Some("xfs"),
            "not an escape: left as written"
        );
        assert_eq!(file_system_of("", Path::new("/"), None), None);
        // A share mounted over /srv hides the disk mounted at /srv/x: the
        // folder's device tells which it is on.
        let shadowed = "\
27 1 254:0 / / rw - ext4 /dev/vda rw
50 27 8:1 / /srv/x rw - ext4 /dev/sda1 rw
51 27 0:60 / /srv rw - nfs4 server:/srv rw
";
        let site = Path::new("/srv/x/site");
        assert_eq!(file_system_of(shadowed, site, Some((0, 60))), Some("nfs4"));
        assert_eq!(file_system_of(shadowed, site, Some((8, 1))), Some("ext4"));
        // A device no mount names (a btrfs subvolume): the deepest mount.
        assert_eq!(file_system_of(shadowed, site, Some((0, 99))), Some("ext4"));
        assert_eq!(file_system_of(shadowed, site, None), Some("ext4"));
        for kind in ["vfat", "exfat", "nfs4", "cifs", "fuseblk", "9p"] {
            assert!(!TRUSTED_FILE_SYSTEMS.contains(&kind), "{kind}");
        }
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let record = Record::new(
            "a/b.html",
            &content_hash(b"x"),
            Some(Stamp {
                dev: 1,
                ino: u64::MAX,
                size: 3,
                mtime: (-5, 999_999_999),
                ctime: (i64::MAX, 0),
            }),
        )
        .unwrap();
        assert_eq!(Record::decode(&record.encode()), Some(record));
        assert_eq!(short_hash("not hex at all!!"), None);
    }

    #[cfg(unix)]
    #[test]
    fn an_unchanged_page_is_known_by_its_stamp_and_a_changed_one_is_not() {
        let Some((root, out, cache)) = stamped_folders("known") else {
            return;
        };
        let hash = content_hash(b"<p>one</p>");
        build(
            &out,
            &cache,
            &[("a.html", "<p>one</p>"), ("b.html", "<p>two</p>")],
        );
        let stamps = PageStamps::open(Some(&cache), &out, 0);
        assert_eq!(stamps.earlier.len(), 2, "both pages were stamped");
        let kept = stamps.holds(&out, "a.html", &hash);
        assert_eq!(kept, Some(stamps.earlier("a.html").copied()));

        // The same size and the old modification time: only the change
        // time tells, and the content is read.
        let path = out.join("a.html");
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::fs::write(&path, "<p>ONE</p>").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert_eq!(stamps.holds(&out, "a.html", &hash), None);

        // Put back byte for byte: read, and found to hold it, with a new stamp.
        std::fs::write(&path, "<p>one</p>").unwrap();
        let again = stamps.holds(&out, "a.html", &hash).expect("it holds it");
        assert_ne!(again, stamps.earlier("a.html").copied());

        // A record names another content: the stamp does not vouch for it.
        let other = content_hash(b"<p>three</p>");
        assert_eq!(stamps.holds(&out, "b.html", &other), None);
        // Gone: not held.
        std::fs::remove_file(out.join("b.html")).unwrap();
        assert_eq!(
            stamps.holds(&out, "b.html", &content_hash(b"<p>two</p>")),
            None
        );
        let _ = std::fs::remove_dir_all(root);
    }

    #[cfg(unix)]
    #[test]
    fn a_page_changed_in_the_tick_it_was_stamped_is_not_kept_by_its_stamp() {
        let Some((root, out, cache)) = stamped_folders("racy") else {
            return;
        };
        let stamps = PageStamps::open(Some(&cache), &out, 0);
        let path = out.join("a.html");
        std::fs::write(&path, "new").unwrap();
        let record = stamps.record("a.html", &content_hash(b"new"), Stamp::at(&path));
        // As on a clock coarse enough that the build's start falls in the
        // tick the stamp was taken in: a change or modification time not
        // before it.
        let (secs, nanos) = stamps.since.unwrap();
        let mut changed = record.unwrap();
        changed.stamp.ctime = (secs + 1, nanos);
        let mut modified = Record::new("b.html", &content_hash(b"b"), Some(changed.stamp)).unwrap();
        modified.stamp.ctime = (secs - 1, nanos);
        modified.stamp.mtime = (secs + 1, nanos);
        let mut before = modified;
        before.page = page_key("c.html");
        before.stamp.mtime = (secs - 1, nanos);
        let mut now = before;
        now.page = page_key("d.html");
        now.stamp.ctime = (secs, nanos);
        stamps.note([changed, modified, before, now]);
        stamps.save();
        let kept = PageStamps::open(Some(&cache), &out, 0).earlier;
        assert_eq!(
            kept,
            [before],
            "only the stamp of a file changed before the build is kept"
        );
        let _ = std::fs::remove_dir_all(root);
    }

    #[cfg(unix)]
    #[test]
    fn a_stamp_is_taken_only_of_the_file_that_was_written() {
        let (root, out, _) = folders("renamed");
        let path = out.join("a.html");
        let ours = crate::files::write_with_metadata(&path, |w| w.write_all(b"ours")).unwrap();
        assert!(Stamp::after_rename(&ours, &path).is_some());
        // Another build's page, the same bytes, renamed over it since.
        crate::files::write_with(&path, |w| w.write_all(b"ours")).unwrap();
        assert_eq!(Stamp::after_rename(&ours, &path), None);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn without_a_cache_every_page_is_read() {
        let (root, out, _) = folders("none");
        std::fs::write(out.join("a.html"), "x").unwrap();
        let stamps = PageStamps::none();
        assert_eq!(
            stamps.holds(&out, "a.html", &content_hash(b"x")),
            Some(None)
        );
        assert_eq!(stamps.holds(&out, "a.html", &content_hash(b"y")), None);
        let stamp = Stamp::at(&out.join("a.html"));
        assert_eq!(stamps.record("a.html", &content_hash(b"x"), stamp), None);
        let _ = std::fs::remove_dir_all(root);
    }

    /// Whatever bytes are in a stamps file, reading it never panics, and
    /// only a well-formed file gives records.
    #[test]
    fn any_bytes_read_as_records_or_nothing() {
        let (root, _, cache) = folders("bytes");
        std::fs::create_dir_all(&cache).unwrap();
        let file = cache.join("pages-0000000000000000.stamps");
        let mut random = crate::render::RandomTexts::new(0x27bb_2ee6_87b0_b0fd);
        for round in 0..2_000 {
            let mut bytes = if round % 2 == 0 {
                HEADER.to_vec()
            } else {
                Vec::new()
            };
            let len = random.below(3 * RECORD);
            bytes.extend((0..len).map(|_| random.below(256) as u8));
            std::fs::write(&file, &bytes).unwrap();
            let read = read_records(&file);
            let well_formed = bytes.starts_with(HEADER) && len.is_multiple_of(RECORD);
            if !well_formed {
                assert_eq!(read, None, "{bytes:?}");
            }
        }
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_damaged_stamps_file_is_not_used() {
        let Some((root, out, cache)) = stamped_folders("damaged") else {
            return;
        };
        build(&out, &cache, &[("a.html", "x")]);
        let stamps = PageStamps::open(Some(&cache), &out, 0);
        let file = stamps.file.clone().unwrap();
        let bytes = std::fs::read(&file).unwrap();
        for cut in [bytes.len() - 1, HEADER.len() - 1, 0] {
            std::fs::write(&file, &bytes[..cut]).unwrap();
            assert!(PageStamps::open(Some(&cache), &out, 0).earlier.is_empty());
        }
        let _ = std::fs::remove_dir_all(root);
    }
}
