//! Which file of the built site a request names — and nothing else: no
//! path outside the site (`..`, encoded or not, a backslash, a link out of
//! the folder), no hidden file (the build's own record), no folder listing.

use std::path::{Path, PathBuf};

/// The file of the site under `root` that the request path `target` (as
/// it came, percent-encoded, perhaps with a query) names: a folder means
/// its `index.html`. `None` for anything that is not a file of the site.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if !decoded.starts_with('/') {
        return None;
    }
    let mut file = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        let unsafe_segment = segment == ".."
            || segment.starts_with('.')
            || segment.contains(['\\', ':', '\0'])
            || segment.chars().any(char::is_control);
        if unsafe_segment {
            return None;
        }
        file.push(segment);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // The real file must be inside the real site folder (no link out of it).
    let real = file.canonicalize().ok()?;
    let real_root = root.canonicalize().ok()?;
    (real.starts_with(&real_root) && real.is_file()).then_some(real)
}

/// The `Content-Type` of a file of the site.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_of_the_site_are_served() {
        let root = tempfile::tempdir().expect("temp dir");
        let site = root.path().join("site");
        std::fs::create_dir_all(site.join("seeds")).expect("site");
        std::fs::write(site.join("index.html"), "index").expect("write");
        std::fs::write(site.join("seeds/a.html"), "a").expect("write");
        std::fs::write(site.join(".noticec-build.json"), "{}").expect("write");
        std::fs::write(root.path().join("secret.txt"), "secret").expect("write");
        let real = |p: &str| Some(site.join(p).canonicalize().expect("exists"));
        assert_eq!(resolve(&site, "/"), real("index.html"));
        assert_eq!(resolve(&site, "/seeds/a.html?x=1"), real("seeds/a.html"));
        assert_eq!(resolve(&site, "/seeds/"), None, "no index in seeds/");
        for hostile in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/seeds/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/.noticec-build.json",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "//etc/passwd",
            "/index.html%00",
            "/C:%5cWindows",
            "relative.html",
        ] {
            assert_eq!(resolve(&site, hostile), None, "{hostile}");
        }
    }
}
