//! Files as every stage writes them: atomically (a temporary file beside
//! the target, renamed into place), never through a file or link someone
//! else put there, and hashed one way. The site's pages
//! ([`crate::site::write`]), its build record, the verdict cache and
//! `noticec init` write through these, so no stage borrows another's.

use std::io::Write;
use std::path::Path;

/// A stable content hash of bytes (BLAKE3, hex): what the build record and
/// the verdict cache compare files by.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Writes to `path` atomically what `write` writes, through a buffer: a
/// temporary file beside it, renamed into place once complete (removed if
/// anything fails).
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_with_metadata(path, write).map(|_| ())
}

/// As [`write_with`], and returns what the system said of the temporary
/// file once it was complete, just before it was renamed into place (so a
/// caller can tell the file now at `path` is the one it wrote).
pub fn write_with_metadata(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<std::fs::Metadata> {
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
        let written = out.get_ref().metadata()?;
        drop(out);
        std::fs::rename(&temp, path).map(|()| written)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The ending of the temporary files noticec writes beside a file.
pub const TEMP_SUFFIX: &str = ".noticec-tmp";

/// A new temporary file in `dir` for the file `name`, created exclusively
/// (a file or a symbolic link already at that name is never followed or
/// overwritten), named `.NAME.PID-N` + [`TEMP_SUFFIX`]. The caller renames
/// it into place, or removes it.
pub fn create_temp(dir: &Path, name: &str) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
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

/// Opens the regular file at `path` for reading, with its metadata as
/// opened, if it holds at most `limit` bytes. Anything else found at the
/// name is an error, found without waiting on it or reading it: a pipe, a
/// socket or a device (not opened at all, by its type; and should one be
/// swapped in after that look, the open is non-blocking on Unix, since
/// opening a pipe nobody writes to would wait for ever — which changes
/// nothing for a regular file), or a file larger than `limit` (a sparse
/// file of a terabyte is read in no time only by not reading it).
///
/// Every file noticec reads that it did not choose the name of itself —
/// pages found in the output folder, the build record, the verdict cache,
/// the page stamps, the preview server's files — is opened through this.
pub fn open_regular(
    path: &Path,
    limit: u64,
) -> std::io::Result<(std::fs::File, std::fs::Metadata)> {
    let not_regular =
        || std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file");
    // Not even opened unless it is a regular file now (opening some devices
    // does something, and a link to one can be committed to git); checked
    // again once open, in case it was swapped in between.
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(not_regular());
    }
    if metadata.len() > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {limit} bytes"),
        ));
    }
    Ok((file, metadata))
}

/// The bytes of the regular file at `path`, if it holds at most `limit`
/// ([`open_regular`]; a file that grows past `limit` while it is read is
/// refused too).
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let (file, metadata) = open_regular(path, limit)?;
    read_opened(&file, &metadata, limit)
}

/// The content of a file [`open_regular`] opened (`metadata` as it gave
/// it), if it is at most `limit` bytes.
pub fn read_opened(
    file: &std::fs::File,
    metadata: &std::fs::Metadata,
    limit: u64,
) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let expected = metadata.len().min(limit);
    bytes.try_reserve_exact(usize::try_from(expected).unwrap_or(0))?;
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {limit} bytes"),
        ));
    }
    Ok(bytes)
}
