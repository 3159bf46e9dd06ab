//! Diagnostics: what every stage reports, located in a source file.
//!
//! A [`Diagnostic`] is plain data. [`crate::report`] turns a list of them into
//! human (miette), JSON and other output; [`Diagnostic::as_miette`] adapts one
//! to [`miette::Diagnostic`] so the graphical renderer can draw it.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{LabeledSpan, SourceCode};
use serde::{Deserialize, Serialize};

use crate::load::source::SourceFile;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Should be fixed; fails the check only with `--deny-warnings`.
    Warning,
    /// Must be fixed before publishing; fails the check.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The codes of problems with a file itself, which the loader reports
/// before any rule runs (documented with the structure rules in
/// [`crate::rules`]).
pub mod code {
    /// The file cannot be read as UTF-8 text.
    pub const UNREADABLE_FILE: &str = "E001";
    /// The file is not valid TOML.
    pub const SYNTAX: &str = "E002";
    /// A key the format does not have.
    pub const UNKNOWN_KEY: &str = "E003";
    /// A value of the wrong type or form.
    pub const INVALID_VALUE: &str = "E004";
    /// An id, file or path that refers to nothing.
    pub const UNKNOWN_REFERENCE: &str = "E005";
    /// Two entries with the same id.
    pub const DUPLICATE_ID: &str = "E006";
    /// An entry others refer to has no id.
    pub const MISSING_ID: &str = "E007";
    /// An `[[allow]]` that accepts no finding.
    pub const UNUSED_ALLOW: &str = "E008";
    /// noticec itself failed (a bug): reported rather than lost.
    pub const INTERNAL: &str = "E009";
    /// Text with a control or bidi-override character.
    pub const CONTROL_CHARACTER: &str = "E010";
    /// Prose nested too deeply to publish as written.
    pub const PROSE_NESTING: &str = "E011";
}

/// The closest of `candidates` to `given`, if it is close enough to be a
/// typo: a few letters wrong, swapped or missing (Damerau-Levenshtein), or a
/// shared long prefix (Jaro-Winkler). For "did you mean" hints.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let allowed_edits = (given.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| {
            strsim::damerau_levenshtein(given, c) <= allowed_edits
                || strsim::jaro_winkler(given, c) > 0.9
        })
        .map(|c| (strsim::normalized_damerau_levenshtein(given, c), c))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A secondary place that explains a diagnostic ("first defined here").
#[derive(Debug, Clone)]
pub struct Related {
    pub span: Range<usize>,
    pub label: String,
}

/// One problem found in one file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable rule code, e.g. `N005`.
    pub code: &'static str,
    /// The requirement key from the catalogue, e.g. `lawful-basis`; `None`
    /// for problems with the file itself (syntax, unknown keys).
    pub requirement: Option<&'static str>,
    /// The provisions that ask for this, e.g. "UK GDPR Art. 13(1)(c), 14(1)(c)".
    pub citation: Option<String>,
    /// A short lowercase phrase saying what is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where to read the law or the rule's documentation.
    pub url: Option<&'static str>,
    /// The file the problem is in.
    pub file: Arc<SourceFile>,
    /// The narrowest place in the file; `None` when the file could not be read.
    pub span: Option<Range<usize>>,
    /// What the label at `span` says.
    pub label: Option<String>,
    /// Other places in the same file that explain the problem.
    pub related: Vec<Related>,
    /// The key path the finding is about, e.g. `purposes[2].law`.
    pub path: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about the file itself, with no rule behind it.
    pub fn file_problem(
        file: Arc<SourceFile>,
        code: &'static str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            code,
            requirement: None,
            citation: None,
            message: message.into(),
            help: Some(help.into()),
            url: None,
            file,
            span: None,
            label: None,
            related: Vec::new(),
            path: None,
        }
    }

    /// Sets the place the diagnostic points at.
    pub fn at(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.span = Some(span);
        self.label = Some(label.into());
        self
    }

    /// Sorting key: file, then position, then code, so output is the same
    /// whatever order the rules ran in.
    pub fn sort_key(&self) -> (&str, usize, usize, &'static str, &str) {
        let span = self.span.clone().unwrap_or(0..0);
        (
            &self.file.name,
            span.start,
            span.end,
            self.code,
            &self.message,
        )
    }

    /// Adapts this diagnostic for miette's renderers, which wrap its text.
    pub fn as_miette(&self) -> MietteView<'_> {
        MietteView {
            diagnostic: self,
            wrapped: None,
            code: match self.requirement {
                Some(key) => format!("{}[{key}]", self.code),
                None => self.code.to_string(),
            },
            help: match (&self.help, &self.citation) {
                (Some(help), Some(law)) => Some(format!("{help}\nlaw: {law}")),
                (Some(help), None) => Some(help.clone()),
                (None, Some(law)) => Some(format!("law: {law}")),
                (None, None) => None,
            }
            .map(|help| crate::model::forms::escape_unsafe(&help).into_owned()),
        }
    }
}

/// A span cut to its first line when it runs over more than three: a
/// report shows a few lines around the place, not a 50-line value.
fn first_lines(text: &str, span: Range<usize>) -> Range<usize> {
    let Some(inside) = text.get(span.clone()) else {
        return span;
    };
    if inside.matches('\n').count() < 3 {
        return span;
    }
    let end = inside.find('\n').map_or(span.end, |i| span.start + i);
    span.start..end
}

/// A [`Diagnostic`] seen through [`miette::Diagnostic`].
pub struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    /// The report's width when the message and help come wrapped for it.
    wrapped: Option<usize>,
    code: String,
    help: Option<String>,
}

/// Columns miette puts before the message ("  × ", "  │ ") and before the
/// help ("  help: ", then eight spaces), besides the two it keeps free at
/// the right.
const MESSAGE_INDENT: usize = 4;
const HELP_INDENT: usize = 8;

impl MietteView<'_> {
    /// The message and help wrapped here for a report `width` columns wide,
    /// for a handler that does not wrap (`with_wrap_lines(false)`): the same
    /// lines miette's own wrapping gives with `break_words(false)`, ASCII
    /// spaces and no hyphenation, at a fraction of the cost.
    pub fn wrapped(mut self, width: usize) -> Self {
        self.wrapped = Some(width);
        if let Some(help) = &self.help {
            let columns = width.saturating_sub(2 + HELP_INDENT);
            self.help = Some(crate::render::wrap::paragraphs(help, columns));
        }
        self
    }

    /// The message as the report shows it, not yet wrapped.
    fn message(&self) -> String {
        use crate::model::forms::escape_unsafe;
        let message = escape_unsafe(&self.diagnostic.message);
        // Without an excerpt nothing else names the file: say which it is.
        if self.diagnostic.span.is_none() {
            format!("{}: {message}", escape_unsafe(&self.diagnostic.file.name))
        } else {
            message.into_owned()
        }
    }
}

impl fmt::Debug for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message();
        match self.wrapped {
            Some(width) => {
                let columns = width.saturating_sub(2 + MESSAGE_INDENT);
                f.write_str(&crate::render::wrap::paragraphs(&message, columns))
            }
            None => f.write_str(&message),
        }
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .url
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.diagnostic
            .span
            .as_ref()
            .map(|_| &*self.diagnostic.file as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = &self.diagnostic.file.text;
        let span = first_lines(text, self.diagnostic.span.clone()?);
        let shown = |label: &str| crate::model::forms::escape_unsafe(label).into_owned();
        let primary =
            LabeledSpan::new_primary_with_span(self.diagnostic.label.as_deref().map(shown), span);
        let related = self.diagnostic.related.iter().map(move |r| {
            LabeledSpan::new_with_span(Some(shown(&r.label)), first_lines(text, r.span.clone()))
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
