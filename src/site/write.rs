//! Stage 4, writing: output files are replaced atomically, and only when
//! their content changed.
//!
//! Each file is written to a temporary file beside it and renamed over the
//! old one ([`files::write_with`]), so a build interrupted at any moment
//! leaves either the previous complete page or the new complete page —
//! never half of one. A file whose content is already right is not
//! touched, so rebuilding an unchanged project writes nothing (writing
//! costs more than rendering).

use std::path::Path;

use super::stamps::Stamp;
use crate::files::{self, TEMP_SUFFIX};

/// The largest page a build reads back to see whether it is still right:
/// a file larger than this at a page's name (no notice makes a page this
/// size) is simply not the page, and is replaced unread.
pub const MAX_PAGE_BYTES: u64 = 256 << 20;

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
    write_stamped(path, content).map(|(status, _)| status)
}

/// As [`write_if_changed`], with the stamp of the file that then holds
/// `content` ([`super::stamps`]): `None` when the system gives none, or
/// when the file at `path` is not the one just written or read.
pub fn write_stamped(path: &Path, content: &[u8]) -> std::io::Result<(WriteStatus, Option<Stamp>)> {
    // A larger file is not this content: it is not read.
    if let Ok((existing, stamp)) = super::stamps::read_stamped(path, content.len() as u64)
        && existing == content
    {
        return Ok((WriteStatus::Unchanged, stamp));
    }
    let written = files::write_with_metadata(path, |out| out.write_all(content))?;
    Ok((WriteStatus::Written, Stamp::after_rename(&written, path)))
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

/// Whether `folder`, links followed, is inside `out_dir` (resolved): a
/// folder of the output folder can be a link to anywhere.
pub fn resolves_inside(out_dir: &Path, folder: &Path) -> bool {
    folder
        .canonicalize()
        .is_ok_and(|folder| folder.starts_with(out_dir))
}

/// Removes a page this build wrote before, if it is still exactly what was
/// written (`hash` of its content): a file someone changed since is left
/// alone, and so is one whose folder is not inside `out_dir` (resolved)
/// once links are followed — a folder in the output folder can be a link
/// to anywhere. Returns whether it was removed.
pub fn remove_if_unchanged(out_dir: &Path, path: &Path, hash: &str) -> std::io::Result<bool> {
    use std::io::ErrorKind;
    if !path
        .parent()
        .is_some_and(|folder| resolves_inside(out_dir, folder))
    {
        return Ok(false);
    }
    match files::read_regular(path, MAX_PAGE_BYTES) {
        Ok(bytes) if files::content_hash(&bytes) == hash => {
            std::fs::remove_file(path)?;
            Ok(true)
        }
        Ok(_) => Ok(false),
        // Not there, or not a page this build wrote: left alone.
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::NotFound | ErrorKind::InvalidInput | ErrorKind::FileTooLarge
            ) =>
        {
            Ok(false)
        }
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
