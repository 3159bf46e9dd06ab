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
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.noticec-tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(content)?;
        file.flush()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map(|()| WriteStatus::Written)
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
