//! The templates: embedded defaults, overridable one file at a time.
//!
//! As in mdBook, the default templates are compiled into the binary so
//! `noticec build` works with nothing beside it. A user's template folder
//! (`--templates DIR`) replaces only the files it contains, and
//! `noticec init --templates DIR` writes the defaults out for editing.

use std::path::Path;

/// The embedded default templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "notice.html.j2",
        include_str!("../../templates/notice.html.j2"),
    ),
    ("notice.md.j2", include_str!("../../templates/notice.md.j2")),
    (
        "notice.jit.html.j2",
        include_str!("../../templates/notice.jit.html.j2"),
    ),
    (
        "notice.txt.j2",
        include_str!("../../templates/notice.txt.j2"),
    ),
    (
        "index.html.j2",
        include_str!("../../templates/index.html.j2"),
    ),
    ("index.md.j2", include_str!("../../templates/index.md.j2")),
    (
        "versions.html.j2",
        include_str!("../../templates/versions.html.j2"),
    ),
    (
        "_page.html.j2",
        include_str!("../../templates/_page.html.j2"),
    ),
    ("_base.css.j2", include_str!("../../templates/_base.css.j2")),
    (
        "_fragment.html.j2",
        include_str!("../../templates/_fragment.html.j2"),
    ),
    (
        "_macros.html.j2",
        include_str!("../../templates/_macros.html.j2"),
    ),
    (
        "_macros.md.j2",
        include_str!("../../templates/_macros.md.j2"),
    ),
    (
        "_macros.txt.j2",
        include_str!("../../templates/_macros.txt.j2"),
    ),
    (
        "_style.css.j2",
        include_str!("../../templates/_style.css.j2"),
    ),
];

/// Looks a template up: the user's folder first, then the defaults.
pub fn load(dir: Option<&Path>, name: &str) -> Result<Option<String>, minijinja::Error> {
    // Template names come from `include`/`extends`; keep them inside the folder.
    if name.contains("..") || name.starts_with(['/', '\\']) || name.contains(':') {
        return Ok(None);
    }
    if let Some(dir) = dir {
        let path = dir.join(name);
        if path.is_file() {
            return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                minijinja::Error::new(
                    minijinja::ErrorKind::TemplateNotFound,
                    format!("cannot read template {}: {e}", path.display()),
                )
            });
        }
    }
    Ok(DEFAULTS
        .iter()
        .find(|(default, _)| *default == name)
        .map(|(_, text)| (*text).to_string()))
}
