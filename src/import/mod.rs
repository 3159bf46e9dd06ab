//! import: an existing notice (a saved HTML page, a CMS export, plain text
//! or Markdown) becomes a draft notice file for an officer to review.
//!
//! Steps, one file each:
//!
//! 1. **blocks** — [`html`] (a real HTML parser, html5ever through
//!    `scraper`, dropping navigation, scripts, styles, forms and other page
//!    chrome; a page nested over 1000 deep is read as text, as the tree
//!    builder would take quadratic time) or [`text`] (headings by shape)
//!    turn the source into [`Block`]s: headings, paragraphs, list items
//!    and table cells, each with its source line;
//! 2. **recognise** — [`recognise`] reads the blocks as council-notice
//!    language ([`patterns`] holds the small scanners: postcodes, ICO
//!    registration numbers, phones, emails, links, dates, lawful bases) and
//!    fills a [`Notice`] with what the text says, each value with the line
//!    it came from;
//! 3. **write** — [`write`](mod@write) prints the draft as TOML, a `# from line N:
//!    "…"` comment beside each recognised value.
//!
//! # Nothing lost: the rule
//!
//! Every block of the source ends up in the draft, in source order:
//!
//! - a block **consumed** by a structured field goes there *in its own
//!   words*, in a field the pages print as prose or as a name: a list item
//!   read as a purpose, data category or recipient becomes that entry's
//!   `name` (a "**Name**: what it is" item its `name` and `description`);
//!   a paragraph saying what the data includes, under a data heading, a
//!   data category's `name`; the blocks under a purpose heading (or a
//!   section read as a purpose) its `description`; a retention statement
//!   `retention.criteria`, or a `[[retention.rules]]` entry's `criteria`
//!   under another heading; a complaints statement
//!   `complaints.controller.description`; a request route
//!   `rights.how_to_exercise`; a consent-withdrawal statement that says
//!   how `rights.how_to_withdraw_consent`; a transfers statement
//!   `transfers.description`; a notice-wide "if you do not give it"
//!   statement `all_purposes.provision.consequence`;
//! - **every other block** — including those from which only a fact or a
//!   phrase was taken (an email, a postcode, a lawful basis, a date, a list
//!   of rights, a recipient or source named in a sentence) — stays in a
//!   `[[sections]]` entry under its heading, with its original wording; a
//!   heading whose blocks were all consumed stays as a section's title.
//!
//! So a fact may be said twice (in a field and in its paragraph), but no
//! wording is ever only in a comment. What the text does not say stays
//! unstated, so `noticec check` reports it: the recognisers never invent
//! a fact, and a guess they are unsure of stays prose.
//!
//! The library never prints: [`Draft`] carries the TOML text, what was
//! recognised (for the command's summary) and warnings.

pub mod html;
pub mod patterns;
pub mod recognise;
pub mod text;
pub mod write;

use crate::model::Notice;

/// What kind of source is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A saved web page or a CMS export.
    Html,
    /// Plain text or Markdown.
    Text,
}

impl SourceKind {
    /// The kind a file name suggests: `.html`/`.htm` are HTML, anything
    /// else is text or Markdown.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm" | "xhtml") => SourceKind::Html,
            _ => SourceKind::Text,
        }
    }
}

/// What a block of the source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, level 1 (the title) to 6.
    Heading(u8),
    /// A paragraph (or a `<dt>`/`<dd>`, a quotation, a preformatted block).
    Paragraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A cell of a table.
    Cell,
}

/// One piece of the source: a heading, paragraph, list item or table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The 1-based line of the source it starts on.
    pub line: usize,
    pub kind: BlockKind,
    /// Its text, whitespace inside lines collapsed; a paragraph written on
    /// several lines (an address) keeps its line breaks.
    pub text: String,
    /// For HTML: the text of a `<strong>`/`<b>`/`<dt>` it starts with
    /// ("**Name**: description"), which can be a name.
    pub lead: Option<String>,
    /// Whether each line break in `text` is a line break of the source
    /// (a text paragraph), so a word's line can be counted from `line`.
    pub source_lines: bool,
    /// For a table cell: which row of the source it is in.
    pub row: Option<usize>,
}

impl Block {
    pub fn new(line: usize, kind: BlockKind, text: impl Into<String>) -> Self {
        Self {
            line,
            kind,
            text: text.into(),
            lead: None,
            source_lines: false,
            row: None,
        }
    }

    /// The source line of the first occurrence of `words` in the block:
    /// its own line when the block keeps the source's line breaks,
    /// otherwise the line the block starts on.
    pub fn line_of(&self, words: &str) -> usize {
        match self.text.find(words) {
            Some(at) if self.source_lines => self.line + self.text[..at].matches('\n').count(),
            _ => self.line,
        }
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// One recognised value and the line of the source it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The dotted key path of the value in the draft, e.g. `controller.email`
    /// or `purposes.2.lawful_bases`.
    pub key: String,
    pub line: usize,
    /// The words of the source it was read from (shortened for the comment).
    pub quote: String,
}

/// The result of an import: the draft file and what went into it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft notice as TOML text, with `# from line N` comments.
    pub toml: String,
    /// The notice the draft holds (what loading `toml` gives).
    pub notice: Notice,
    /// Each recognised value with its source line.
    pub provenance: Vec<Provenance>,
    /// How many blocks the source had, and how many went to `[[sections]]`.
    pub blocks: usize,
    pub kept_in_sections: usize,
    /// Problems with the source that did not stop the import (invalid UTF-8).
    pub warnings: Vec<String>,
}

impl Draft {
    /// One line per kind of thing recognised, for the officer: "3 purposes",
    /// "controller address" …
    pub fn summary(&self) -> Vec<String> {
        recognise::summary(&self.notice)
    }
}

/// Imports a notice's text.
pub fn import(source: &str, kind: SourceKind) -> Draft {
    let (blocks, warning) = match kind {
        SourceKind::Html => html::blocks_with_warning(source),
        SourceKind::Text => (text::blocks(source), None),
    };
    let recognised = recognise::recognise(&blocks);
    let toml = write::draft_toml(&recognised);
    Draft {
        toml,
        blocks: blocks.len(),
        kept_in_sections: recognised.kept_in_sections,
        notice: recognised.notice,
        provenance: recognised.provenance,
        warnings: warning.into_iter().collect(),
    }
}

/// Imports raw bytes: invalid UTF-8 is replaced (U+FFFD) with a warning.
pub fn import_bytes(bytes: &[u8], kind: SourceKind) -> Draft {
    let text = String::from_utf8_lossy(bytes);
    let lossy = matches!(text, std::borrow::Cow::Owned(_));
    let mut draft = import(&text, kind);
    if lossy {
        draft.warnings.push(
            "the source is not valid UTF-8: bytes that are not were replaced with \u{FFFD}; \
             check those places in the draft"
                .to_string(),
        );
    }
    draft
}

/// Collapses runs of whitespace (except line breaks when `keep_lines`) to
/// one space and trims; drops control characters other than line breaks.
pub(crate) fn tidy(text: &str, keep_lines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(if keep_lines { '\n' } else { ' ' });
        }
        let mut space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                space = true;
            } else if c.is_control() {
                continue;
            } else {
                if space && !out.is_empty() && !out.ends_with('\n') && !out.ends_with(' ') {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    let lines: Vec<&str> = out
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(if keep_lines { "\n" } else { " " })
}
