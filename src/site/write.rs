//! Stage 4, writing: output files are replaced atomically, and only when
//! their content changed.
//!
//! Each file is written to a temporary file beside it and renamed over the
//! old one, so a build interrupted at any moment leaves either the previous
//! complete page or the new complete page — never half of one. A file whose
//! content is already right is not touched, so rebuilding an unchanged
//! project writes nothing (writing costs more than rendering).

use std::io::Write;
use std::path::Path;

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStatus {
    /// The file was created or its content replaced.
    Written,
    /// The file already had exactly this content.
    Unchanged,
    /// The file was a page of a notice that is now withheld, and was
    /// removed so that an out-of-date page is not published.
    Removed,
}

/// Writes `content` to `path` atomically, unless it is already there.
pub fn write_if_changed(path: &Path, content: &[u8]) -> std::io::Result<WriteStatus> {
    if let Ok(existing) = std::fs::read(path)
        && existing == content
    {
        return Ok(WriteStatus::Unchanged);
    }
    write_with(path, |out| out.write_all(content)).map(|()| WriteStatus::Written)
}

/// Writes to `path` atomically what `write` writes, through a buffer: a
/// temporary file beside it, renamed into place once complete (removed if
/// anything fails).
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let (temp, file) = create_temp(dir, &name)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
    let result = write(&mut out).and_then(|()| out.flush()).and_then(|()| {
        drop(out);
        std::fs::rename(&temp, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The ending of the temporary files noticec writes beside a page.
pub const TEMP_SUFFIX: &str = ".noticec-tmp";

/// A new temporary file beside the page, created exclusively: a file or a
/// symbolic link already at that name is never followed or overwritten.
fn create_temp(dir: &Path, name: &str) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let mut last = None;
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}-{n}{TEMP_SUFFIX}", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

/// Removes the temporary files a killed build left in `dir` (and the
/// folders below it). Only files whose names end in [`TEMP_SUFFIX`] and
/// start with a dot, as noticec names them, are touched; symbolic links are
/// not followed. Returns how many were removed.
pub fn remove_leftovers(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() || e.file_type().is_symlink())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Removes a page this build wrote before, if it is still exactly what was
/// written (`hash` of its content): a file someone changed since is left
/// alone. Returns whether it was removed.
pub fn remove_if_unchanged(path: &Path, hash: &str) -> std::io::Result<bool> {
    match std::fs::read(path) {
        Ok(bytes) if super::incremental::content_hash(&bytes) == hash => {
            std::fs::remove_file(path)?;
            Ok(true)
        }
        Ok(_) => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Creates a file with `content` unless one already exists there; returns
/// whether it was created. Used where noticec must never overwrite a file
/// (`noticec init`).
pub fn create_new(path: &Path, content: &[u8]) -> std::io::Result<bool> {
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut file) => {
            file.write_all(content)?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_then_skips_identical_content() {
        let dir = std::env::temp_dir().join(format!("noticec-write-{}", std::process::id()));
        let path = dir.join("sub/page.html");
        assert_eq!(
            write_if_changed(&path, b"one").ok(),
            Some(WriteStatus::Written)
        );
        assert_eq!(
            write_if_changed(&path, b"one").ok(),
            Some(WriteStatus::Unchanged)
        );
        assert_eq!(
            write_if_changed(&path, b"two").ok(),
            Some(WriteStatus::Written)
        );
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"two"[..]));
        let leftovers: Vec<_> = std::fs::read_dir(dir.join("sub"))
            .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
