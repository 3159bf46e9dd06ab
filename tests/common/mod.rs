//! Helpers shared by the tests that run the `noticec` binary in a folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// An empty temporary folder for one test (`noticec-KIND-NAME-PID`).
pub fn temp_dir(kind: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("noticec-{kind}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs noticec in `dir`; returns (exit code, stdout, stderr).
pub fn noticec(dir: &Path, args: &[&str]) -> (i32, String, String) {
    noticec_on(dir, args, "2026-11-23")
}

/// The user cache folder the tests' runs of noticec use (its verdict cache
/// outside a project goes there, not into the real `~/.cache`).
pub fn cache_home() -> PathBuf {
    std::env::temp_dir().join(format!("noticec-test-cache-{}", std::process::id()))
}

/// Runs noticec in `dir` as if `today` were the date.
pub fn noticec_on(dir: &Path, args: &[&str], today: &str) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_noticec"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", cache_home())
        .env_remove("NOTICEC_CACHE_DIR")
        .env("NOTICEC_TODAY", today)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .expect("noticec runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Replaces the first `find` in a file, which must contain it.
pub fn edit(path: &Path, find: &str, replace: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(
        text.contains(find),
        "{} does not contain {find:?}",
        path.display()
    );
    std::fs::write(path, text.replacen(find, replace, 1)).expect("write");
}

/// The values of `key` in every diagnostic of a JSON report.
pub fn diagnostic_values(document: &serde_json::Value, key: &str) -> Vec<String> {
    document["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d[key].as_str().map(str::to_owned))
        .collect()
}

/// Copies a folder tree (the model council) into `to`, without its site.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let relative = entry.path().strip_prefix(from).expect("inside");
        if relative.starts_with("site") {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Which port in `examples/seeds/` each seed text in `examples/seeds/texts/`
/// became (the table in `examples/seeds/README.md`).
pub const SEED_PORTS: &[(&str, &str)] = &[
    ("000_bd85e0bc4a7d37c7", "combined-authority"),
    ("001_8b15156f99e16b26", "council"),
    ("002_064ec42c0cc06881", "pendle-borough-council"),
    ("003_fd44004175f5a4c5", "derby-city-council"),
    ("004_1fd81869786d0524", "staffordshire-county-council"),
];
