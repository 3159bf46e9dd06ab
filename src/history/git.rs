//! Reading a notice as it was at a git revision, with the shared parts and
//! the project file as they were then: the whole tree at the revision is
//! written into a temporary folder (`git archive`, unpacked with `tar`),
//! and the notice is loaded from there as from a checkout. Uses the `git`
//! command, which every council repository's CI and every officer's
//! machine with the repository already has.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A notice named `REV:PATH`, or a plain file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    File(PathBuf),
    /// A path (relative to the current folder, as on the command line) at
    /// a revision.
    Revision {
        rev: String,
        path: PathBuf,
    },
}

impl Spec {
    /// `REV:PATH` when there is a colon that is not part of an existing
    /// file's name or a Windows drive (`C:\…`); a plain file otherwise.
    pub fn parse(text: &str) -> Spec {
        if Path::new(text).exists() {
            return Spec::File(PathBuf::from(text));
        }
        match text.split_once(':') {
            Some((rev, path)) if !rev.is_empty() && !is_drive(rev, path) => Spec::Revision {
                rev: rev.to_string(),
                path: PathBuf::from(path),
            },
            _ => Spec::File(PathBuf::from(text)),
        }
    }
}

/// Whether `C:\…` is a Windows drive and path, not a revision and a path.
fn is_drive(before: &str, after: &str) -> bool {
    before.len() == 1
        && before.chars().all(|c| c.is_ascii_alphabetic())
        && after.starts_with(['\\', '/'])
}

/// The tree of a revision, unpacked into a temporary folder (removed when
/// dropped).
#[derive(Debug)]
pub struct Tree {
    dir: tempfile::TempDir,
    /// The repository's top folder (of the working copy).
    top: PathBuf,
    /// The revision as given, and the commit it names.
    pub rev: String,
    pub commit: String,
}

impl Tree {
    /// Unpacks the tree of `rev` of the repository that `from` (a folder)
    /// is in. Errors are sentences for the command line.
    pub fn at(rev: &str, from: &Path) -> Result<Tree, String> {
        let top = git(from, &["rev-parse", "--show-toplevel"])
            .map_err(|_| format!("{} is not in a git repository", from.display()))?;
        let top = PathBuf::from(top.trim());
        let commit = git(
            from,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map_err(|_| {
            format!(
                "`{rev}` is not a revision of the repository in {}",
                top.display()
            )
        })?;
        let commit = commit.trim().to_string();
        let archive = Command::new("git")
            .arg("-C")
            .arg(&top)
            .args(["archive", "--format=tar", &commit])
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !archive.status.success() {
            return Err(format!(
                "git cannot read `{rev}`: {}",
                String::from_utf8_lossy(&archive.stderr).trim()
            ));
        }
        let dir = tempfile::Builder::new()
            .prefix("noticec-rev-")
            .tempdir()
            .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
        tar::Archive::new(archive.stdout.as_slice())
            .unpack(dir.path())
            .map_err(|e| format!("cannot unpack `{rev}`: {e}"))?;
        Ok(Tree {
            dir,
            top,
            rev: rev.to_string(),
            commit,
        })
    }

    /// Where the file now at `path` (relative to the current folder, or
    /// absolute) was in this tree; `None` when it is outside the repository.
    pub fn file(&self, path: &Path) -> Option<PathBuf> {
        let absolute = std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf());
        let absolute = normalise(&absolute);
        let top = normalise(&self.top);
        let real_top = normalise(&self.top.canonicalize().unwrap_or_else(|_| self.top.clone()));
        let relative = absolute
            .strip_prefix(&real_top)
            .or_else(|_| absolute.strip_prefix(&top))
            .ok()?;
        Some(self.dir.path().join(relative))
    }

    /// The unpacked tree's folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The commit, shortened as people quote it.
    pub fn short(&self) -> &str {
        &self.commit[..self.commit.len().min(12)]
    }
}

/// A notice as it was at a revision: the unpacked tree and the file in it.
pub struct Checkout {
    pub tree: Tree,
    /// The notice's file inside the unpacked tree.
    pub notice: PathBuf,
}

/// Unpacks the repository's tree at `rev` and finds `path` (relative to
/// the current folder) in it.
pub fn checkout(rev: &str, path: &Path) -> Result<Checkout, String> {
    // The folder of the path may not exist any more (a removed notice):
    // ask git from the nearest folder that does.
    let mut from = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    while !from.is_dir() {
        match from.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => from = parent.to_path_buf(),
            _ => {
                from = PathBuf::from(".");
                break;
            }
        }
    }
    let tree = Tree::at(rev, &from)?;
    let notice = tree
        .file(path)
        .ok_or_else(|| format!("{} is not inside the repository", path.display()))?;
    if !notice.is_file() {
        return Err(format!(
            "{} is not in `{rev}` ({})",
            path.display(),
            tree.short()
        ));
    }
    Ok(Checkout { tree, notice })
}

/// The commits that changed the file at `path` (following renames),
/// oldest first. Empty when the file is not in a repository.
pub fn commits_of(path: &Path) -> Vec<String> {
    let Some(dir) = path.parent().filter(|p| p.is_dir()) else {
        return Vec::new();
    };
    let Some(name) = path.file_name() else {
        return Vec::new();
    };
    let Ok(log) = git(
        dir,
        &[
            "log",
            "--follow",
            "--reverse",
            "--format=%H",
            "--",
            &name.to_string_lossy(),
        ],
    ) else {
        return Vec::new();
    };
    log.lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect()
}

/// `path` with `.` and `..` worked out (the file may not exist).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Runs git in `dir`; its standard output, or an error when it fails.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colon_names_a_revision_unless_the_file_exists() {
        assert_eq!(
            Spec::parse("HEAD~1:notices/council-tax.toml"),
            Spec::Revision {
                rev: "HEAD~1".into(),
                path: "notices/council-tax.toml".into()
            }
        );
        assert_eq!(Spec::parse("Cargo.toml"), Spec::File("Cargo.toml".into()));
        assert_eq!(
            Spec::parse("C:\\notices\\a.toml"),
            Spec::File("C:\\notices\\a.toml".into())
        );
        assert_eq!(Spec::parse("plain.toml"), Spec::File("plain.toml".into()));
    }
}
