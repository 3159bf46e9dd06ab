//! Source files and positions: byte offsets to 1-based line and column.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A notice file as read from disk, with the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The name shown in diagnostics: the path as given, with `/` separators.
    pub name: String,
    /// The text, without a leading byte order mark.
    pub text: Arc<str>,
    /// Where each line starts, made when a diagnostic first needs a line:
    /// a rebuild reads every unchanged notice only to hash it, and finding
    /// its lines was a tenth of that.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The text as excerpts show it: every character that could hide or
    /// disguise text replaced by one character of the same length in bytes
    /// (`?`, `¿` or U+FFFD), so spans and columns stay right. Made when
    /// first needed.
    shown: std::sync::OnceLock<Option<String>>,
}

/// A 1-based line and column (in characters) in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: &Path, text: impl Into<Arc<str>>) -> Self {
        Self {
            path: path.to_path_buf(),
            name: display_name(path),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            shown: std::sync::OnceLock::new(),
        }
    }

    /// The byte offset where each line starts.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// The text excerpts show (see `shown`).
    fn shown_text(&self) -> &str {
        self.shown
            .get_or_init(|| {
                use crate::model::forms::{has_unsafe_char, is_unsafe_char};
                has_unsafe_char(&self.text).then(|| {
                    self.text
                        .chars()
                        // The same length in bytes, so every span still fits.
                        .map(|c| match (is_unsafe_char(c), c.len_utf8()) {
                            (true, 1) => '?',
                            (true, 2) => '\u{bf}',
                            (true, _) => '\u{fffd}',
                            (false, _) => c,
                        })
                        .collect()
                })
            })
            .as_deref()
            .unwrap_or(&self.text)
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts().partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts()[line];
        let prefix = self.text.get(start..offset).unwrap_or("");
        Position {
            line: line + 1,
            column: prefix.chars().count() + 1,
        }
    }

    /// Start and end positions of a span; the end is exclusive, so an empty
    /// span starts and ends at the same place.
    pub fn range(&self, span: &Range<usize>) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

/// miette reads source excerpts through this. Its own implementation for
/// `str` scans from the start of the file for every diagnostic, which made
/// a report of many findings far into a large file quadratic; this one cuts
/// the few lines around the span out first, using the line index.
impl miette::SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let start = span.offset().min(self.text.len());
        let end = (span.offset() + span.len()).min(self.text.len());
        let line_of = |offset: usize| {
            self.line_starts()
                .partition_point(|&s| s <= offset)
                .saturating_sub(1)
        };
        let first = line_of(start).saturating_sub(context_lines_before);
        let last = (line_of(end.saturating_sub(1).max(start)) + context_lines_after + 1)
            .min(self.line_starts().len());
        let window_start = self.line_starts()[first];
        let window_end = self
            .line_starts()
            .get(last)
            .copied()
            .unwrap_or(self.text.len());
        let window = self
            .shown_text()
            .get(window_start..window_end)
            .unwrap_or("");
        let inner_span = miette::SourceSpan::new((start - window_start).into(), end - start);
        let inner = window.read_span(&inner_span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            miette::SourceSpan::new(
                (inner.span().offset() + window_start).into(),
                inner.span().len(),
            ),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        )))
    }
}

/// The name a path is reported under: relative to the current folder when
/// it is inside it (as CI annotations and SARIF need), otherwise as given;
/// with `/` separators and without a leading `./`.
pub fn display_name(path: &Path) -> String {
    let relative = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
    } else {
        None
    };
    let name = normalize(relative.as_deref().unwrap_or(path))
        .to_string_lossy()
        .replace('\\', "/");
    name.strip_prefix("./").map(str::to_owned).unwrap_or(name)
}

/// Removes `.` and `name/..` from a path without touching the disk, so a
/// shared part reached as `notices/../shared/council.toml` is reported as
/// `shared/council.toml`.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let file = SourceFile::new(Path::new("./a.toml"), "ab\n£c = 1\n");
        assert_eq!(file.name, "a.toml");
        assert_eq!(
            display_name(Path::new("notices/../shared/x.toml")),
            "shared/x.toml"
        );
        assert_eq!(display_name(Path::new("../x.toml")), "../x.toml");
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(3), Position { line: 2, column: 1 });
        // "£" is two bytes but one column.
        assert_eq!(file.position(5), Position { line: 2, column: 2 });
        assert_eq!(file.position(999), Position { line: 3, column: 1 });
    }
}
