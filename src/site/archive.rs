//! The archive (`build --archive`): every version of each notice that its
//! git history holds — a commit that changed the notice's file and gave it
//! a new `version` or `last_updated` — read with the shared parts of that
//! commit, built as HTML into `archive/NAME/LABEL.html`, with a list of
//! versions at `archive/NAME/index.html` that the notice's page links to.
//! The label is the version (or the date); pages are rendered from the
//! history each build and written only when their bytes change, so the
//! archive is deterministic and a rebuild rewrites nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::history::git::{Tree, commits_of};
use crate::model::Notice;

/// One published version of a notice.
pub struct Version {
    pub label: String,
    pub version: Option<String>,
    pub last_updated: Option<jiff::civil::Date>,
    pub notice: Notice,
}

/// Trees of commits, unpacked once however many notices need them.
#[derive(Default)]
pub struct Trees(Mutex<HashMap<String, Arc<Tree>>>);

impl Trees {
    fn get(&self, commit: &str, from: &Path) -> Option<Arc<Tree>> {
        let mut trees = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tree) = trees.get(commit) {
            return Some(tree.clone());
        }
        let tree = Arc::new(Tree::at(commit, from).ok()?);
        trees.insert(commit.to_string(), tree.clone());
        Some(tree)
    }
}

/// The versions of the notice at `source` in its git history, oldest
/// first: one per commit that gave it a new version or date.
pub fn versions(source: &Path, trees: &Trees) -> Vec<Version> {
    let Some(from) = source.parent().filter(|p| p.is_dir()) else {
        return Vec::new();
    };
    let mut out: Vec<Version> = Vec::new();
    for commit in commits_of(source) {
        let Some(tree) = trees.get(&commit, from) else {
            continue;
        };
        let Some(file) = tree.file(source).filter(|f| f.is_file()) else {
            continue;
        };
        let Ok(notice) = crate::history::load(&file) else {
            continue;
        };
        let meta = notice.notice.clone().unwrap_or_default();
        let version = meta
            .version
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string);
        let last_updated = meta
            .last_updated
            .and_then(|d| d.date)
            .and_then(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok());
        let same = out
            .last()
            .is_some_and(|v| v.version == version && v.last_updated == last_updated);
        if same {
            // Same version and date: the later wording is what was published.
            if let Some(last) = out.last_mut() {
                last.notice = notice;
            }
            continue;
        }
        let label = version
            .as_deref()
            .map(safe_label)
            .or_else(|| last_updated.map(|d| d.to_string()))
            .unwrap_or_else(|| commit[..commit.len().min(12)].to_string());
        out.push(Version {
            label,
            version,
            last_updated,
            notice,
        });
    }
    // Two versions with the same label (a version string reused): the
    // later keeps the label with its date.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for v in &mut out {
        let n = seen.entry(v.label.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            v.label = format!(
                "{}-{}",
                v.label,
                v.last_updated
                    .map_or_else(|| n.to_string(), |d| d.to_string())
            );
        }
    }
    out
}

/// A version as a file name: letters, digits, `.`, `-` and `_` only.
fn safe_label(version: &str) -> String {
    let label: String = version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let label = label.trim_matches(['.', '-']).to_string();
    if label.is_empty() {
        "version".to_string()
    } else {
        label
    }
}

/// The folder of a notice's archive, relative to the output folder.
pub fn folder(stem: &Path) -> PathBuf {
    Path::new("archive").join(stem)
}

/// `../` enough times to go from a file in `folder` back to the output folder.
pub fn up(folder: &Path) -> String {
    "../".repeat(folder.components().count())
}
