//! Source files and positions: byte offsets to 1-based line and column.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A notice file as read from disk, with the name it is reported under.
#[derive(Debug)]
pub struct SourceFile {
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The name shown in diagnostics: the path as given, with `/` separators.
    pub name: String,
    /// The text, without a leading byte order mark.
    pub text: Arc<str>,
    /// Where each line starts, made once a file's positions have been
    /// asked for [`INDEX_AFTER`] times: a rebuild reads every unchanged
    /// notice only to hash it, and most files with findings have one or
    /// two, whose lines are found faster by counting line breaks.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// How many positions were found without the index.
    counted: std::sync::atomic::AtomicUsize,
    /// The text as excerpts show it: every character that could hide or
    /// disguise text replaced by one character of the same length in bytes
    /// (`?`, `¿` or U+FFFD), so spans and columns stay right. Made when
    /// first needed.
    shown: std::sync::OnceLock<Option<String>>,
}

impl Clone for SourceFile {
    fn clone(&self) -> Self {
        Self {
            path: self.path.clone(),
            name: self.name.clone(),
            text: self.text.clone(),
            line_starts: self.line_starts.clone(),
            counted: std::sync::atomic::AtomicUsize::new(
                self.counted.load(std::sync::atomic::Ordering::Relaxed),
            ),
            shown: self.shown.clone(),
        }
    }
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
            counted: std::sync::atomic::AtomicUsize::new(0),
            shown: std::sync::OnceLock::new(),
        }
    }

    /// The byte offset where each line starts, once it is worth making
    /// (see `line_starts`).
    fn line_index(&self) -> Option<&[usize]> {
        if let Some(starts) = self.line_starts.get() {
            return Some(starts);
        }
        let counted = self
            .counted
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        (counted >= INDEX_AFTER).then(|| {
            self.line_starts
                .get_or_init(|| {
                    std::iter::once(0)
                        .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                        .collect()
                })
                .as_slice()
        })
    }

    /// The 0-based line of a byte offset (at most the text's length), and
    /// the offset that line starts at.
    fn line_at(&self, offset: usize) -> (usize, usize) {
        if let Some(starts) = self.line_index() {
            let line = starts.partition_point(|&start| start <= offset) - 1;
            return (line, starts[line]);
        }
        let before = &self.text.as_bytes()[..offset];
        (
            memchr::memchr_iter(b'\n', before).count(),
            memchr::memrchr(b'\n', before).map_or(0, |i| i + 1),
        )
    }

    /// The bytes around `start..end` that an excerpt shows: from the start
    /// of the line `before` lines above the one `start` is on, to the end
    /// of the line `after` lines below the one the span ends on (with its
    /// line break). Returns that range and its first line (0-based).
    fn window(
        &self,
        start: usize,
        end: usize,
        before: usize,
        after: usize,
    ) -> (Range<usize>, usize) {
        let text = self.text.as_bytes();
        let last = end.saturating_sub(1).max(start);
        let (line, line_start) = self.line_at(start);
        let first = line.saturating_sub(before);
        if let Some(starts) = self.line_starts.get() {
            let (last_line, _) = self.line_at(last);
            let past = (last_line + after + 1).min(starts.len());
            let window_end = starts.get(past).copied().unwrap_or(text.len());
            return (starts[first]..window_end, first);
        }
        let mut window_start = line_start;
        for _ in first..line {
            window_start = memchr::memrchr(b'\n', &text[..window_start - 1]).map_or(0, |i| i + 1);
        }
        let mut window_end = last;
        for _ in 0..=after {
            match memchr::memchr(b'\n', &text[window_end.min(text.len())..]) {
                Some(i) => window_end += i + 1,
                None => {
                    window_end = text.len();
                    break;
                }
            }
        }
        (window_start..window_end, first)
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
        let (line, start) = self.line_at(offset);
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
        let (range, first) = self.window(start, end, context_lines_before, context_lines_after);
        let (window_start, window_end) = (range.start, range.end);
        // The shown text differs only where a character is unsafe: a
        // window without one is shown as it is, and the whole file need
        // not be searched for one.
        let window = match self.text.get(window_start..window_end) {
            Some(raw) if !crate::model::forms::has_unsafe_char(raw) => raw,
            _ => self
                .shown_text()
                .get(window_start..window_end)
                .unwrap_or(""),
        };
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

/// How many positions in a file are found by counting line breaks before
/// the file's line index is made (see `SourceFile::line_starts`).
const INDEX_AFTER: usize = 8;

/// The name a path is reported under: relative to the current folder when
/// it is inside it (as CI annotations and SARIF need), otherwise as given;
/// with `/` separators and without a leading `./`.
pub fn display_name(path: &Path) -> String {
    let relative = if path.is_absolute() {
        working_dir().and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
    } else {
        None
    };
    let name = normalize(relative.as_deref().unwrap_or(path))
        .to_string_lossy()
        .replace('\\', "/");
    name.strip_prefix("./").map(str::to_owned).unwrap_or(name)
}

/// The folder noticec runs in, asked for once: nothing in it changes the
/// folder, and a rebuild of 10,000 notices asked 20,000 times.
fn working_dir() -> Option<&'static Path> {
    static DIR: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    DIR.get_or_init(|| std::env::current_dir().ok()).as_deref()
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

    /// What an excerpt shows of a span, everything miette is told.
    fn excerpt(
        file: &SourceFile,
        span: (usize, usize),
        context: (usize, usize),
    ) -> (String, (usize, usize), usize, usize, usize) {
        use miette::SourceCode;
        let span = miette::SourceSpan::new(span.0.into(), span.1);
        let contents = file
            .read_span(&span, context.0, context.1)
            .expect("excerpt");
        (
            String::from_utf8_lossy(contents.data()).into_owned(),
            (contents.span().offset(), contents.span().len()),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )
    }

    /// Lines found by counting line breaks (a file's first few positions)
    /// are the lines its index gives (every later one).
    #[test]
    fn counted_lines_are_the_lines_of_the_index() {
        let mut random = crate::render::RandomTexts::new(0x1405_7b7e_f767_814f);
        let pieces = ["a", "bc", " ", "\n", "\n\n", "£", "\r\n", "€x", "key = 1\n"];
        for _ in 0..5_000 {
            let text = random.text(&pieces, 0, 40);
            let indexed = SourceFile::new(Path::new("a.toml"), text.as_str());
            for _ in 0..=INDEX_AFTER {
                indexed.position(0);
            }
            assert!(indexed.line_starts.get().is_some(), "the index is made");
            for _ in 0..8 {
                let counted = SourceFile::new(Path::new("a.toml"), text.as_str());
                let mut offset = random.below(text.len() + 2);
                while !text.is_char_boundary(offset.min(text.len())) {
                    offset -= 1;
                }
                let mut len = random.below(text.len() + 2 - offset.min(text.len()));
                while !text.is_char_boundary((offset + len).min(text.len())) {
                    len -= 1;
                }
                let context = (random.below(4), random.below(4));
                assert_eq!(
                    counted.position(offset),
                    indexed.position(offset),
                    "{text:?} at {offset}"
                );
                assert_eq!(
                    excerpt(&counted, (offset, len), context),
                    excerpt(&indexed, (offset, len), context),
                    "{text:?} at {offset}+{len}, context {context:?}"
                );
                assert!(counted.line_starts.get().is_none(), "counted, not indexed");
            }
        }
    }
}
