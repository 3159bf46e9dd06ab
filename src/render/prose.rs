//! Prose fields: Markdown written by council officers, made safe for each
//! output format.
//!
//! Notices are published on council websites, so nothing in a prose field may
//! become live markup: raw HTML is shown as text (never passed through), and
//! links keep only `http`, `https`, `mailto` and `tel` destinations (a
//! `javascript:` or `data:` link becomes plain text). This is done on the
//! parser's events before rendering, which is safer than cleaning HTML
//! afterwards. Headings inside prose are demoted so they nest under the
//! section they appear in.

use std::cell::RefCell;
use std::rc::Rc;

use foldhash::{HashMap, HashMapExt};

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};
use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};

use super::Theme;

/// Where prose sits in the page: the level of the heading it appears under.
/// Headings in the prose are renumbered to follow on from it without gaps
/// (a `#` in a section under an `<h2>` becomes an `<h3>`), so the page's
/// headings stay in order whatever levels the author used.
#[derive(Debug, Clone, Copy)]
pub struct Nesting {
    pub parent_level: u8,
}

impl Default for Nesting {
    fn default() -> Self {
        Self { parent_level: 2 }
    }
}

/// The Markdown extensions prose may use: tables and strikethrough.
const PARSER_OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, PARSER_OPTIONS)
}

/// Whether a link destination may be published.
pub fn is_safe_url(url: &str) -> bool {
    let trimmed = url.trim();
    // A character reference (`&#106;`, `&colon;`) would be decoded by a
    // Markdown or HTML reader after this check, and could spell out a
    // scheme: an address written in a notice has no reason to contain one.
    if has_character_reference(trimmed) {
        return false;
    }
    let lower = trimmed.to_ascii_lowercase();
    // A scheme is everything before the first ':' if no '/', '?' or '#' comes first.
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    match scheme_end {
        Some(colon) if path_start.is_none_or(|p| colon < p) => {
            let scheme = &lower[..colon];
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        // No scheme: a relative link or a fragment (#section).
        _ => !lower.chars().any(|c| c.is_control()),
    }
}

/// Whether a text contains an HTML character reference: `&` followed by
/// `#` and digits, `#x` and hex digits, or a name, and then `;`.
fn has_character_reference(text: &str) -> bool {
    text.match_indices('&')
        .any(|(i, _)| starts_character_reference(&text[i..]))
}

/// Whether a text that starts with `&` starts with a character reference.
fn starts_character_reference(text: &str) -> bool {
    // The longest reference name is 31 characters: look no further.
    let rest = text.get(1..).unwrap_or("");
    let window = &rest[..rest.floor_char_boundary(40)];
    let Some(body) = window.split_once(';').map(|(body, _)| body) else {
        return false;
    };
    if body.is_empty() {
        return false;
    }
    if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(dec) = body.strip_prefix('#') {
        return !dec.is_empty() && dec.chars().all(|c| c.is_ascii_digit());
    }
    body.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A prose field parsed and made safe ([`make_safe`]) under one nesting:
/// what every format writes it from.
struct SafeProse {
    events: Vec<Event<'static>>,
    /// Whether the field as written nests deeper than [`MAX_NESTING`], so
    /// that `events` flatten it.
    flattened: bool,
}

/// How many fields [`SAFE_PROSE`] keeps before it starts again: a notice
/// has a few dozen.
const SAFE_PROSE_FIELDS: usize = 1024;

/// Parsed fields by their text, then by the heading level they nest under.
type SafeProseCache = HashMap<Box<str>, Vec<(u8, Rc<SafeProse>)>>;

thread_local! {
    /// The prose fields this thread parsed for the page it is writing, by
    /// their text and then by the heading level they nest under. A notice
    /// is written in several formats (HTML, Markdown, text, and one-line
    /// forms in each), all reading the same fields: each field is parsed
    /// and made safe once for all of them, not once per format (issue 21).
    /// Emptied for each notice page ([`forget_parsed`]), and when full.
    static SAFE_PROSE: RefCell<SafeProseCache> = RefCell::new(HashMap::new());
}

/// Forgets the prose fields parsed so far on this thread: called when a
/// new notice page is prepared, so the cache holds one notice's fields.
pub fn forget_parsed() {
    SAFE_PROSE.with_borrow_mut(HashMap::clear);
}

/// A prose field parsed and made safe under `nesting`, from the cache when
/// this page already read it. `None` for the nesting: any will do (the
/// caller does not write heading levels).
fn safe_prose(markdown: &str, nesting: Option<Nesting>) -> Rc<SafeProse> {
    let level = nesting.map(|n| n.parent_level);
    let found = SAFE_PROSE.with_borrow(|cache| {
        cache.get(markdown).and_then(|parsed| {
            parsed
                .iter()
                .find(|(l, _)| level.is_none_or(|level| level == *l))
                .map(|(_, safe)| Rc::clone(safe))
        })
    });
    if let Some(safe) = found {
        return safe;
    }
    let nesting = nesting.unwrap_or_default();
    let events: Vec<Event<'_>> = parser(markdown).collect();
    let mut depth = Depth::default();
    events.iter().for_each(|event| depth.see(event));
    let safe = Rc::new(SafeProse {
        events: make_safe(events, nesting)
            .into_iter()
            .map(Event::into_static)
            .collect(),
        flattened: depth.deepest > MAX_NESTING,
    });
    SAFE_PROSE.with_borrow_mut(|cache| {
        if cache.len() >= SAFE_PROSE_FIELDS {
            cache.clear();
        }
        cache
            .entry(markdown.into())
            .or_default()
            .push((nesting.parent_level, Rc::clone(&safe)));
    });
    safe
}

/// The events of a parsed field, lent: each string borrows the cached
/// event's, so writing a field in one more format copies no text.
fn lend<'b>(events: &'b [Event<'static>]) -> impl ExactSizeIterator<Item = Event<'b>> {
    events.iter().map(lend_event)
}

fn lend_str<'b>(text: &'b CowStr<'_>) -> CowStr<'b> {
    CowStr::Borrowed(text)
}

fn lend_event<'b>(event: &'b Event<'_>) -> Event<'b> {
    match event {
        Event::Start(tag) => Event::Start(lend_tag(tag)),
        Event::End(end) => Event::End(*end),
        Event::Text(text) => Event::Text(lend_str(text)),
        Event::Code(text) => Event::Code(lend_str(text)),
        Event::InlineMath(text) => Event::InlineMath(lend_str(text)),
        Event::DisplayMath(text) => Event::DisplayMath(lend_str(text)),
        Event::Html(text) => Event::Html(lend_str(text)),
        Event::InlineHtml(text) => Event::InlineHtml(lend_str(text)),
        Event::FootnoteReference(label) => Event::FootnoteReference(lend_str(label)),
        Event::SoftBreak => Event::SoftBreak,
        Event::HardBreak => Event::HardBreak,
        Event::Rule => Event::Rule,
        Event::TaskListMarker(checked) => Event::TaskListMarker(*checked),
    }
}

fn lend_tag<'b>(tag: &'b Tag<'_>) -> Tag<'b> {
    match tag {
        Tag::Paragraph => Tag::Paragraph,
        Tag::Heading {
            level,
            id,
            classes,
            attrs,
        } => Tag::Heading {
            level: *level,
            id: id.as_ref().map(lend_str),
            classes: classes.iter().map(lend_str).collect(),
            attrs: attrs
                .iter()
                .map(|(key, value)| (lend_str(key), value.as_ref().map(lend_str)))
                .collect(),
        },
        Tag::BlockQuote(kind) => Tag::BlockQuote(*kind),
        Tag::CodeBlock(CodeBlockKind::Indented) => Tag::CodeBlock(CodeBlockKind::Indented),
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
            Tag::CodeBlock(CodeBlockKind::Fenced(lend_str(info)))
        }
        Tag::HtmlBlock => Tag::HtmlBlock,
        Tag::List(start) => Tag::List(*start),
        Tag::Item => Tag::Item,
        Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(lend_str(label)),
        Tag::DefinitionList => Tag::DefinitionList,
        Tag::DefinitionListTitle => Tag::DefinitionListTitle,
        Tag::DefinitionListDefinition => Tag::DefinitionListDefinition,
        Tag::Table(alignments) => Tag::Table(alignments.clone()),
        Tag::TableHead => Tag::TableHead,
        Tag::TableRow => Tag::TableRow,
        Tag::TableCell => Tag::TableCell,
        Tag::Emphasis => Tag::Emphasis,
        Tag::Strong => Tag::Strong,
        Tag::Strikethrough => Tag::Strikethrough,
        Tag::Superscript => Tag::Superscript,
        Tag::Subscript => Tag::Subscript,
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type: *link_type,
            dest_url: lend_str(dest_url),
            title: lend_str(title),
            id: lend_str(id),
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type: *link_type,
            dest_url: lend_str(dest_url),
            title: lend_str(title),
            id: lend_str(id),
        },
        Tag::MetadataBlock(kind) => Tag::MetadataBlock(*kind),
    }
}

/// Turns raw HTML into visible text and unsafe links into their text, and
/// renumbers headings under `nesting`.
fn make_safe(events: Vec<Event<'_>>, nesting: Nesting) -> Vec<Event<'_>> {
    let mut levels: Vec<HeadingLevel> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level),
            _ => None,
        })
        .collect();
    levels.sort();
    levels.dedup();
    let renumber = |level: HeadingLevel| {
        let rank = levels.iter().position(|l| *l == level).unwrap_or(0);
        let n = (usize::from(nesting.parent_level) + 1 + rank).min(6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
    };
    let mut out = Vec::new();
    // For each open link or image: whether it was dropped.
    let mut dropped: Vec<bool> = Vec::new();
    for event in limit_nesting(events) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => out.push(Event::Text(html)),
            // A raw HTML block becomes an ordinary paragraph of visible text.
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // `<dpo@example.gov.uk>` is an email address, not a path.
                let dest_url = if link_type == LinkType::Email {
                    CowStr::from(format!("mailto:{dest_url}"))
                } else {
                    dest_url
                };
                let safe = is_safe_url(&dest_url);
                dropped.push(!safe);
                if safe {
                    out.push(Event::Start(Tag::Link {
                        link_type: normal_link_type(link_type),
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if dropped.pop() == Some(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            // Images are not published: their description is kept as text.
            Event::Start(Tag::Image { .. }) => dropped.push(true),
            Event::End(TagEnd::Image) => {
                dropped.pop();
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => out.push(Event::Start(Tag::Heading {
                level: renumber(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(renumber(level))))
            }
            other => out.push(other),
        }
    }
    out
}

/// How deep lists and quotes may nest in prose. Deeper structure (`- - - -
/// …`, `> > > …`) is not something a reader can follow, and it would make
/// the text and Markdown writers' output grow with the square of the input:
/// it is flattened into one paragraph, and `check` reports it (E011).
pub const MAX_NESTING: usize = 8;

/// Whether an event opens or closes a list or a quote.
fn container(event: &Event<'_>) -> Option<bool> {
    match event {
        Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => Some(true),
        Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => Some(false),
        _ => None,
    }
}

/// How deeply a prose field nests, when that is deeper than
/// [`MAX_NESTING`]. Most fields cannot go that deep, which their characters
/// alone show (`nesting_bound`), and are not parsed.
pub fn too_deep(markdown: &str) -> Option<usize> {
    if nesting_bound(markdown) <= MAX_NESTING {
        return None;
    }
    Some(nesting_depth(markdown)).filter(|&depth| depth > MAX_NESTING)
}

/// At least [`nesting_depth`], read from the characters of each line.
///
/// - Lists and quotes open only at the start of a line, and inside
///   containers the line continues: each quote it continues takes a `>`,
///   each list item at least two columns of indent (the marker and a space
///   on the item's first line), and each container it opens takes a
///   marker. So no line is deeper than the markers (`>`, `-`, `+`, `*`, a
///   number and `.` or `)`) and half the columns of spaces and tabs (at
///   most four each) it starts with.
/// - Emphasis nests within one block of text, which a blank line ends, and
///   each level takes a delimiter (`*`, `_`, `~`) to open and one to
///   close: no deeper than half the delimiters between blank lines.
///
/// Lines end at `\n`, `\r\n` or `\r`, as CommonMark says.
fn nesting_bound(markdown: &str) -> usize {
    let (mut blocks, mut inline, mut delimiters) = (0usize, 0usize, 0usize);
    let mut rest = markdown.as_bytes();
    while !rest.is_empty() {
        let end = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
        let line = &rest[..end];
        let ending = match rest[end..] {
            [b'\r', b'\n', ..] => 2,
            [] => 0,
            _ => 1,
        };
        rest = &rest[end + ending..];
        if line.iter().all(|&b| b == b' ' || b == b'\t') {
            delimiters = 0;
            continue;
        }
        let (mut markers, mut columns, mut i) = (0, 0, 0);
        while let Some(&b) = line.get(i) {
            match b {
                b' ' => columns += 1,
                b'\t' => columns += 4,
                b'>' | b'-' | b'+' | b'*' => markers += 1,
                b'0'..=b'9' => {
                    let digits = line[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                    if !matches!(line.get(i + digits), Some(b'.' | b')')) {
                        break;
                    }
                    markers += 1;
                    i += digits;
                }
                _ => break,
            }
            i += 1;
        }
        blocks = blocks.max(markers + columns / 2);
        delimiters += memchr::memchr3_iter(b'*', b'_', b'~', line).count();
        inline = inline.max(delimiters / 2);
    }
    blocks.max(inline)
}

/// How deeply the lists and quotes, or the emphasis, of a prose field nest.
pub fn nesting_depth(markdown: &str) -> usize {
    let mut depth = Depth::default();
    parser(markdown).for_each(|event| depth.see(&event));
    depth.deepest
}

/// How deep lists and quotes, and emphasis, nest so far, each counted on
/// their own, while reading a field's events once.
#[derive(Default)]
struct Depth {
    blocks: usize,
    inline: usize,
    deepest: usize,
}

impl Depth {
    fn see(&mut self, event: &Event<'_>) {
        for (depth, opens) in [
            (&mut self.blocks, container(event)),
            (&mut self.inline, emphasis(event)),
        ] {
            match opens {
                Some(true) => {
                    *depth += 1;
                    self.deepest = self.deepest.max(*depth);
                }
                Some(false) => *depth = depth.saturating_sub(1),
                None => {}
            }
        }
    }
}

/// Whether an event opens or closes emphasis (`*a *b* a*` nests).
fn emphasis(event: &Event<'_>) -> Option<bool> {
    match event {
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => Some(true),
        Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => Some(false),
        _ => None,
    }
}

/// Lists and quotes nested deeper than [`MAX_NESTING`] become one paragraph
/// of their inline content; emphasis nested deeper loses its marks.
fn limit_nesting<'a>(events: Vec<Event<'a>>) -> Vec<Event<'a>> {
    let mut depth = 0usize;
    // For each open emphasis: whether its marks are kept.
    let mut marks: Vec<bool> = Vec::new();
    // For each open list item: whether it is tight (its text is not in
    // paragraphs), once its first event shows it.
    let mut items: Vec<Option<bool>> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    // The flattened region: its depth, whether it goes in a paragraph, and
    // its events so far.
    let mut flat: Option<(usize, bool, Vec<Event<'a>>)> = None;
    let events = events.into_iter().filter(|event| match emphasis(event) {
        Some(true) => {
            let keep = marks.len() < MAX_NESTING;
            marks.push(keep);
            keep
        }
        Some(false) => marks.pop().unwrap_or(true),
        None => true,
    });
    let finish = |out: &mut Vec<Event<'a>>, paragraph: bool, inner: Vec<Event<'a>>| {
        if paragraph {
            out.push(Event::Start(Tag::Paragraph));
        }
        out.extend(inline_only(inner));
        if paragraph {
            out.push(Event::End(TagEnd::Paragraph));
        }
    };
    for event in events {
        let opens = container(&event);
        match opens {
            Some(true) => depth += 1,
            Some(false) => depth = depth.saturating_sub(1),
            None => {}
        }
        if let Some((from, paragraph, inner)) = &mut flat {
            if depth < *from {
                let (paragraph, inner) = (*paragraph, std::mem::take(inner));
                flat = None;
                finish(&mut out, paragraph, inner);
            } else {
                inner.push(event);
            }
            continue;
        }
        if let Some(tight @ None) = items.last_mut() {
            *tight = Some(!matches!(event, Event::Start(Tag::Paragraph)));
        }
        if opens == Some(true) && depth > MAX_NESTING {
            // In a tight list item, text stands without a paragraph.
            let in_tight_item = matches!(out.last(), Some(Event::Start(Tag::Item)))
                || items.last().copied().flatten() == Some(true);
            flat = Some((depth, !in_tight_item, Vec::new()));
            continue;
        }
        match &event {
            Event::Start(Tag::Item) => items.push(None),
            Event::End(TagEnd::Item) => {
                items.pop();
            }
            _ => {}
        }
        out.push(event);
    }
    if let Some((_, paragraph, inner)) = flat {
        finish(&mut out, paragraph, inner);
    }
    out
}

/// The inline content of some events: blocks (paragraphs, lists, quotes,
/// code blocks, tables, headings) become spaces between their text, so the
/// result can stand inside one paragraph or after a label on one line.
fn inline_only<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::new();
    // One space between blocks, however many blocks end and start there.
    let space = |out: &mut Vec<Event<'a>>| {
        if !out.is_empty() && !matches!(out.last(), Some(Event::Text(t)) if t.ends_with(' ')) {
            out.push(Event::Text(CowStr::Borrowed(" ")));
        }
    };
    let mut in_code_block = false;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                space(&mut out);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                space(&mut out);
            }
            Event::Text(text) if in_code_block => {
                out.push(Event::Text(CowStr::from(text.replace(['\n', '\r'], " "))));
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::MetadataBlock(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::HtmlBlock
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::MetadataBlock(_),
            )
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Rule => space(&mut out),
            Event::TaskListMarker(_) => {}
            other => out.push(other),
        }
    }
    if matches!(out.last(), Some(Event::Text(t)) if t.as_ref() == " ") {
        out.pop();
    }
    out
}

/// Every link is written back as an inline link, `[text](destination)`:
/// autolinks so the Markdown output never contains `<...>`, and reference
/// links so it never contains a reference definition, which the page's
/// other fields could use (a definition in one field, `[text][ref]` in the
/// next).
fn normal_link_type(_: LinkType) -> LinkType {
    LinkType::Inline
}

/// Renders prose to HTML, with GOV.UK Frontend classes under that theme.
pub fn to_html(markdown: &str, theme: Theme, nesting: Nesting) -> String {
    // Control characters (pasted from Word, say) are not allowed in HTML.
    let cleaned: String;
    let markdown = if markdown
        .chars()
        .any(|c| c.is_control() && !"\n\r\t".contains(c))
    {
        cleaned = markdown
            .chars()
            .filter(|c| !c.is_control() || "\n\r\t".contains(*c))
            .collect();
        cleaned.as_str()
    } else {
        markdown
    };
    let safe = safe_prose(markdown, Some(nesting));
    let events = mark_address_links(lend(&safe.events), theme);
    let mut html = String::new();
    match theme {
        Theme::Plain => pulldown_cmark::html::push_html(&mut html, events.into_iter()),
        Theme::Govuk => {
            pulldown_cmark::html::push_html(&mut html, govuk_classes(events).into_iter());
        }
    }
    html
}

/// A link whose text is its own address gets the class `notice-url`, so
/// the print style sheet, which prints each web link's address after it,
/// does not print that address twice.
fn mark_address_links<'a>(
    events: impl ExactSizeIterator<Item = Event<'a>>,
    theme: Theme,
) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut events = events.peekable();
    while let Some(event) = events.next() {
        let Event::Start(Tag::Link {
            dest_url, title, ..
        }) = &event
        else {
            out.push(event);
            continue;
        };
        let shows_address =
            matches!(events.peek(), Some(Event::Text(text)) if text.trim() == dest_url.trim());
        if !shows_address {
            out.push(event);
            continue;
        }
        let mut tag = String::from("<a class=\"notice-url");
        if theme == Theme::Govuk {
            tag.push_str(" govuk-link");
        }
        tag.push_str("\" href=\"");
        let _ = escape_href(&mut tag, dest_url);
        tag.push('"');
        if !title.is_empty() {
            tag.push_str(" title=\"");
            let _ = escape_html(&mut tag, title);
            tag.push('"');
        }
        tag.push('>');
        out.push(Event::Html(CowStr::from(tag)));
    }
    out
}

/// Replaces the tags GOV.UK Frontend styles with markup carrying its
/// classes. Only our own markup is emitted as raw HTML here: user raw HTML
/// was already turned into text by [`make_safe`].
fn govuk_classes(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let raw = |s: String| Event::Html(CowStr::from(s));
    // Table cells are written here too, so the head/body state is ours.
    let mut in_head = false;
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::TableHead) => {
                in_head = true;
                raw("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">".into())
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                raw("</tr></thead><tbody class=\"govuk-table__body\">\n".into())
            }
            Event::Start(Tag::TableRow) => raw("<tr class=\"govuk-table__row\">".into()),
            Event::End(TagEnd::TableRow) => raw("</tr>\n".into()),
            Event::Start(Tag::TableCell) if in_head => {
                raw("<th scope=\"col\" class=\"govuk-table__header\">".into())
            }
            Event::End(TagEnd::TableCell) if in_head => raw("</th>".into()),
            Event::Start(Tag::TableCell) => raw("<td class=\"govuk-table__cell\">".into()),
            Event::End(TagEnd::TableCell) => raw("</td>".into()),
            Event::End(TagEnd::Table) => raw("</tbody></table>\n".into()),
            Event::Start(Tag::Paragraph) => raw("<p class=\"govuk-body\">".into()),
            Event::Start(Tag::List(None)) => {
                raw("<ul class=\"govuk-list govuk-list--bullet\">\n".into())
            }
            Event::Start(Tag::List(Some(1))) => {
                raw("<ol class=\"govuk-list govuk-list--number\">\n".into())
            }
            Event::Start(Tag::List(Some(start))) => raw(format!(
                "<ol class=\"govuk-list govuk-list--number\" start=\"{start}\">\n"
            )),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let mut tag = String::from("<a class=\"govuk-link\" href=\"");
                let _ = escape_href(&mut tag, &dest_url);
                tag.push('"');
                if !title.is_empty() {
                    tag.push_str(" title=\"");
                    let _ = escape_html(&mut tag, &title);
                    tag.push('"');
                }
                tag.push('>');
                raw(tag)
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let size = if level <= HeadingLevel::H3 { "m" } else { "s" };
                raw(format!("<{level} class=\"govuk-heading-{size}\">"))
            }
            Event::Start(Tag::Table(_)) => raw("<table class=\"govuk-table\">".into()),

            other => other,
        })
        .collect()
}

/// Renders prose back to CommonMark with the same safety rules as HTML,
/// from its parsed events. A table becomes a list (one item per row, each
/// cell after its column's heading), since CommonMark has no tables. Prose
/// the writer would only copy (see `as_written`) is passed through as
/// written, its headings renumbered in place, which is faster and keeps
/// its layout.
pub fn to_markdown(markdown: &str, nesting: Nesting) -> String {
    markdown_with(markdown, nesting, false)
}

/// As [`to_markdown`], but tables stay GitHub Flavored Markdown pipe tables.
pub fn to_markdown_gfm(markdown: &str, nesting: Nesting) -> String {
    markdown_with(markdown, nesting, true)
}

fn markdown_with(markdown: &str, nesting: Nesting, gfm: bool) -> String {
    let safe = safe_prose(markdown, Some(nesting));
    as_written(markdown, &safe, gfm).unwrap_or_else(|| markdown_rewritten(&safe, markdown, gfm))
}

/// [`markdown_with`] through the writer, from the field's safe events.
fn markdown_rewritten(safe: &SafeProse, markdown: &str, gfm: bool) -> String {
    let events = lend(&safe.events).collect();
    if gfm {
        write_markdown(events, markdown)
    } else {
        write_markdown(tables_as_lists(events), markdown)
    }
}

/// The field as written, each ATX heading's `#`s set to its renumbered
/// level, when that means exactly what its safe events mean (what the
/// writer would write from them); `None` when only the writer will do:
/// - a character that can start a construct reaching beyond the field (a
///   fence, raw HTML or an autolink, an escape), a character reference, a
///   tab or an indented line (code), or a brace (a heading's `{...}` is
///   attributes to some readers: the writer escapes it);
/// - a bracket that is not one of an inline link's two, kept as it is: a
///   reference link or definition, an image, a link dropped for its
///   destination or a bracket in the text each adds brackets and no link;
/// - a code block, a setext heading (underlined), nesting past the limit
///   (flattened), or a table where tables become lists.
///
/// The tests check on many fields that the result, read back, means
/// what the safe events mean.
fn as_written(markdown: &str, safe: &SafeProse, gfm: bool) -> Option<String> {
    if markdown.contains(['<', '>', '`', '~', '\\', '\t', '{', '}'])
        || has_character_reference(markdown)
        || markdown.lines().any(|l| l.starts_with("    "))
        || safe.flattened
    {
        return None;
    }
    let mut links = 0;
    let mut levels: Vec<HeadingLevel> = Vec::new();
    for event in &safe.events {
        match event {
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::Start(Tag::Heading { level, .. }) => levels.push(*level),
            Event::Start(Tag::Table(_)) if !gfm => return None,
            // Indented inside a list item (`-     code`): the writer makes
            // code a paragraph of text.
            Event::Start(Tag::CodeBlock(_)) => return None,
            _ => {}
        }
    }
    if markdown.matches('[').count() != links || markdown.matches(']').count() != links {
        return None;
    }
    if levels.is_empty() {
        return Some(markdown.to_string());
    }
    // Where each heading starts, from a parse that keeps offsets (the
    // cached events do not): its `#`s are rewritten there.
    let starts: Vec<usize> = parser(markdown)
        .into_offset_iter()
        .filter_map(|(event, range)| {
            matches!(event, Event::Start(Tag::Heading { .. })).then_some(range.start)
        })
        .collect();
    if starts.len() != levels.len() {
        return None;
    }
    let mut out = String::with_capacity(markdown.len() + 2 * levels.len());
    let mut copied = 0;
    for (start, level) in starts.into_iter().zip(levels) {
        let at = start + markdown[start..].len() - markdown[start..].trim_start_matches(' ').len();
        let hashes = markdown[at..].len() - markdown[at..].trim_start_matches('#').len();
        let after = markdown[at + hashes..].chars().next();
        if !(1..=6).contains(&hashes) || !matches!(after, None | Some(' ' | '\n' | '\r')) {
            // Underlined (setext; its text may start with `#`): only the
            // writer can renumber it.
            return None;
        }
        out.push_str(&markdown[copied..at]);
        out.push_str(&"#".repeat(level as usize));
        copied = at + hashes;
    }
    out.push_str(&markdown[copied..]);
    Some(out)
}

/// Each table as a bulleted list: one item per body row, each cell after
/// its column's heading in bold ("**Records:** Council tax accounts;
/// **Period:** 6 years").
fn tables_as_lists(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut headings: Vec<Vec<Event<'_>>> = Vec::new();
    let mut in_head = false;
    let mut cell: Option<Vec<Event<'_>>> = None;
    let mut column = 0;
    for event in events {
        match event {
            Event::Start(Tag::Table(_)) => {
                headings.clear();
                out.push(Event::Start(Tag::List(None)));
            }
            Event::End(TagEnd::Table) => out.push(Event::End(TagEnd::List(false))),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                column = 0;
                out.push(Event::Start(Tag::Item));
            }
            Event::End(TagEnd::TableRow) => out.push(Event::End(TagEnd::Item)),
            Event::Start(Tag::TableCell) => cell = Some(Vec::new()),
            Event::End(TagEnd::TableCell) => {
                let content = cell.take().unwrap_or_default();
                if in_head {
                    headings.push(content);
                    continue;
                }
                let empty = content
                    .iter()
                    .all(|e| matches!(e, Event::Text(t) if t.trim().is_empty()));
                if !empty {
                    if column > 0 && !matches!(out.last(), Some(Event::Start(Tag::Item))) {
                        out.push(Event::Text(CowStr::from("; ")));
                    }
                    if let Some(heading) = headings.get(column).filter(|h| !h.is_empty()) {
                        out.push(Event::Start(Tag::Strong));
                        out.extend(heading.iter().cloned());
                        out.push(Event::Text(CowStr::from(":")));
                        out.push(Event::End(TagEnd::Strong));
                        out.push(Event::Text(CowStr::from(" ")));
                    }
                    out.extend(content);
                }
                column += 1;
            }
            other => match &mut cell {
                Some(content) => content.push(other),
                None => out.push(other),
            },
        }
    }
    out
}

/// A prose field that is only a sentence or two of words: letters,
/// digits, spaces and the punctuation of ordinary sentences, on lines that
/// each start with a letter, with no blank line, hard break or indented
/// first line. No Markdown construct can start in such a field (no list,
/// heading, emphasis, link, code, HTML, table, reference or escape), so it
/// parses as one paragraph of its own words and the inline writers need
/// not parse it: they write what the parser would give them (the tests
/// compare both ways on every field they see). `None` for any other field.
fn plain_words(markdown: &str) -> Option<PlainWords<'_>> {
    let words_only = markdown.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '\n'
                    | '.'
                    | ','
                    | ';'
                    | ':'
                    | '?'
                    | '\''
                    | '('
                    | ')'
                    | '/'
                    | '%'
                    | '’'
                    | '‘'
                    | '“'
                    | '”'
                    | '–'
                    | '—'
            )
    });
    if !words_only {
        return None;
    }
    let blank = |line: &&str| line.trim_start_matches(' ').is_empty();
    let mut lines: Vec<&str> = markdown.split('\n').skip_while(blank).collect();
    while lines.last().is_some_and(blank) {
        lines.pop();
    }
    // The first line starts at the margin (an indented one can be code).
    if lines.first().is_none_or(|line| line.starts_with(' ')) {
        return None;
    }
    for line in &mut lines {
        // A line ending in two spaces is a hard line break.
        if line.ends_with("  ") {
            return None;
        }
        *line = line.trim_matches(' ');
        if !line.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
    }
    Some(PlainWords { lines })
}

/// The lines of a field of [`plain_words`], each without the spaces
/// around it, as the parser gives a paragraph's text.
struct PlainWords<'a> {
    lines: Vec<&'a str>,
}

impl PlainWords<'_> {
    /// The words on one line, one space between each.
    fn one_line(&self) -> String {
        let mut out = String::new();
        for word in self.lines.iter().flat_map(|line| line.split_whitespace()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }
}

/// Renders prose to HTML for use inside a sentence: a single paragraph
/// without its `<p>` wrapper; a field of several blocks keeps them.
pub fn to_html_inline(markdown: &str, theme: Theme) -> String {
    if let Some(words) = plain_words(markdown) {
        let mut html = String::with_capacity(markdown.len() + 8);
        for (i, line) in words.lines.iter().enumerate() {
            if i > 0 {
                html.push('\n');
            }
            let _ = escape_html_body_text(&mut html, line);
        }
        return html;
    }
    html_inline_parsed(markdown, theme)
}

/// [`to_html_inline`] through the parser.
fn html_inline_parsed(markdown: &str, theme: Theme) -> String {
    let html = to_html(markdown, theme, Nesting::default());
    let trimmed = html.trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .or_else(|| trimmed.strip_prefix("<p class=\"govuk-body\">"))
        && let Some(inner) = inner.strip_suffix("</p>")
        && !inner.contains("<p")
    {
        return inner.to_string();
    }
    html
}

/// Renders prose to plain text on one line, for use after a label.
pub fn to_text_inline(markdown: &str) -> String {
    if let Some(words) = plain_words(markdown) {
        return words.one_line();
    }
    text_inline_parsed(markdown)
}

/// [`to_text_inline`] through the parser.
fn text_inline_parsed(markdown: &str) -> String {
    to_text(markdown)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders prose to CommonMark for use after a label on one line (a data
/// category's description, a source's details): inline content only, so a
/// list, quote or code block in the field cannot change the line it joins.
pub fn to_markdown_inline(markdown: &str) -> String {
    if let Some(words) = plain_words(markdown) {
        return words.one_line();
    }
    markdown_inline_parsed(markdown)
}

/// [`to_markdown_inline`] through the parser.
fn markdown_inline_parsed(markdown: &str) -> String {
    let safe = safe_prose(markdown, None);
    let mut inline = inline_only(lend(&safe.events));
    let blank = |e: &Event<'_>| matches!(e, Event::Text(t) if t.trim().is_empty());
    while inline.last().is_some_and(blank) {
        inline.pop();
    }
    let first = inline
        .iter()
        .position(|e| !blank(e))
        .unwrap_or(inline.len());
    let mut events = vec![Event::Start(Tag::Paragraph)];
    events.extend(inline.drain(first..));
    events.push(Event::End(TagEnd::Paragraph));
    write_markdown(events, markdown)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_markdown(events: Vec<Event<'_>>, source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    // Lists as the templates write them: `-` bullets, numbered 1, 2, 3.
    let options = pulldown_cmark_to_cmark::Options {
        list_token: '-',
        increment_ordered_list_bullets: true,
        ..Default::default()
    };
    // A code block is written as a paragraph of its lines. Fenced or
    // indented, the writer can get its edges wrong (a line of the text
    // closing the fence, indentation lost inside a list item), and then the
    // text is live Markdown; as text it is escaped like any other.
    // Inside a code block: how many of its lines are written so far.
    let mut code_lines: Option<usize> = None;
    // A brace in a heading is written escaped (the writer leaves it as it
    // is): a closing `{...}` is attributes to readers with heading
    // attributes (`{onclick=…}`).
    let mut in_heading = false;
    let mut written: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for event in events {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                written.push(event);
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                written.push(event);
            }
            Event::Text(text) if in_heading && text.contains(['{', '}']) => {
                let mut rest: &str = &text;
                while let Some(at) = rest.find(['{', '}']) {
                    if at > 0 {
                        written.push(Event::Text(CowStr::from(rest[..at].to_string())));
                    }
                    let brace = if rest[at..].starts_with('{') {
                        "\\{"
                    } else {
                        "\\}"
                    };
                    written.push(Event::InlineHtml(CowStr::Borrowed(brace)));
                    rest = &rest[at + 1..];
                }
                if !rest.is_empty() {
                    written.push(Event::Text(CowStr::from(rest.to_string())));
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                code_lines = Some(0);
                written.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::CodeBlock) => {
                code_lines = None;
                written.push(Event::End(TagEnd::Paragraph));
            }
            Event::Text(text) if code_lines.is_some() => {
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    if code_lines.is_some_and(|n| n > 0) {
                        written.push(Event::HardBreak);
                    }
                    written.push(Event::Text(CowStr::from(line.to_string())));
                    code_lines = code_lines.map(|n| n + 1);
                }
            }
            other => written.push(other),
        }
    }
    let events = written.iter();
    if pulldown_cmark_to_cmark::cmark_with_options(events, &mut out, PARSER_OPTIONS, options)
        .is_err()
    {
        // Cannot happen when writing to a String; keep the text escaped.
        out = escape_markdown(source);
    }
    out
}

/// Renders prose as plain text: paragraphs separated by blank lines, lists
/// with "- ", links as "text (URL)". Wrapping happens on the whole page.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut link_text_start: Vec<usize> = Vec::new();
    let mut heading_start: Option<usize> = None;
    // Headings are underlined whatever their level: any nesting will do.
    let safe = safe_prose(markdown, None);
    for event in lend(&safe.events) {
        match event {
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                out.push_str(if lists.is_empty() { "\n\n" } else { "\n" })
            }
            Event::Start(Tag::Heading { .. }) => heading_start = Some(out.len()),
            Event::End(TagEnd::Heading(_)) => {
                let width = heading_start.map(|s| out[s..].chars().count()).unwrap_or(0);
                out.push('\n');
                out.push_str(&"-".repeat(width));
                out.push_str("\n\n");
                heading_start = None;
            }
            Event::Start(Tag::List(start)) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push(dest_url.to_string());
                link_text_start.push(out.len());
            }
            Event::End(TagEnd::Link) => {
                let url = links.pop().unwrap_or_default();
                let start = link_text_start.pop().unwrap_or(out.len());
                let text = out[start..].trim().to_string();
                let bare = url.trim_start_matches("mailto:").trim_start_matches("tel:");
                if text != url && text != bare {
                    out.push_str(&format!(" ({bare})"));
                }
            }
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => out.push_str("----\n\n"),
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// Escapes text so that Markdown shows it literally (for single-line fields
/// such as names and titles in Markdown output).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            // Only where a reader would decode it (`&amp;`, `&#106;`).
            '&' if starts_character_reference(&text[i..]) => out.push_str("\\&"),
            // `{` and `}` too: a heading's closing `{...}` is attributes to
            // readers with heading attributes (`{onclick=…}`).
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fields made of words, the punctuation [`plain_words`] allows and
    /// the characters next to it that it must refuse, in many layouts.
    fn word_fields() -> Vec<String> {
        const PIECES: &[&str] = &[
            "council",
            "Tax",
            "2024",
            "Ynys",
            "Môn",
            "élan",
            "a",
            " ",
            " ",
            "  ",
            "   ",
            "    ",
            "\n",
            "\n",
            "\n\n",
            "\r\n",
            "\n ",
            "\n    ",
            ".",
            ",",
            ";",
            ":",
            "?",
            "'",
            "(",
            ")",
            "/",
            "%",
            "’",
            "‘",
            "“",
            "”",
            "–",
            "—",
            "-",
            "*",
            "_",
            "#",
            "1.",
            "2)",
            "!",
            "&",
            "=",
            "+",
            "<",
            ">",
            "[",
            "]",
            "|",
            "`",
            "~",
            "\\",
            "\t",
            "\u{a0}",
            "http://example.org/a",
            "\u{202e}",
            "\u{7}",
        ];
        let mut random = crate::render::RandomTexts::new(0x9e37_79b9_7f4a_7c15);
        let mut fields: Vec<String> = [
            "Council tax",
            "a\n  b",
            "a  \nb",
            "a \nb",
            "a\n1. b",
            "a\n\nb",
            "\n\nWords here\n",
            "   lead",
            "a\n=",
            "a\n---",
            "It’s “quoted” (here); 10% off: yes?",
            "x\r\ny",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Half the fields from the pieces `plain_words` accepts (up to
        // the dash), half from all of them.
        let accepted = PIECES.iter().position(|p| *p == "—").map_or(0, |i| i + 1);
        for i in 0..20_000 {
            let pieces = if i % 2 == 0 {
                &PIECES[..accepted]
            } else {
                PIECES
            };
            fields.push(random.text(pieces, 1, 12));
        }
        fields
    }

    #[test]
    fn plain_words_are_written_as_the_parser_would_write_them() {
        let mut plain = 0;
        for field in word_fields() {
            if plain_words(&field).is_none() {
                continue;
            }
            plain += 1;
            for theme in [Theme::Plain, Theme::Govuk] {
                assert_eq!(
                    to_html_inline(&field, theme),
                    html_inline_parsed(&field, theme),
                    "{field:?}"
                );
            }
            assert_eq!(
                to_markdown_inline(&field),
                markdown_inline_parsed(&field),
                "{field:?}"
            );
            assert_eq!(
                to_text_inline(&field),
                text_inline_parsed(&field),
                "{field:?}"
            );
        }
        // Enough of the fields take the short way for the comparison to
        // mean something.
        assert!(plain > 1000, "only {plain} plain fields");
    }

    #[test]
    fn plain_words_refuse_anything_that_could_be_markdown() {
        for field in [
            "a\n- b",
            "a\n1. b",
            "*a*",
            "a_b_",
            "[a](b)",
            "a  \nb",
            "a\n\nb",
            "    code",
            "a\n# b",
            "a\n===",
            "a | b",
            "a &amp; b",
            "a\\b",
            "<b>",
            "`a`",
            "",
            "  \n ",
            "\u{202e}a",
            "a\tb",
            "42 things",
        ] {
            assert!(plain_words(field).is_none(), "{field:?}");
        }
        assert!(plain_words("It’s (here): 10% off; yes?").is_some());
    }

    /// Block prose of the kinds officers write (paragraphs, headings of
    /// both kinds, lists, links safe and not, references, images, tables,
    /// emphasis), with the characters [`as_written`] must refuse.
    fn block_fields() -> Vec<String> {
        const PIECES: &[&str] = &[
            "Council tax",
            "words",
            "a",
            " ",
            "  ",
            "   ",
            "    ",
            "\n",
            "\n",
            "\n\n",
            "\n\n",
            "\r\n",
            "# ",
            "## ",
            "### ",
            "#### ",
            "###### ",
            "####### ",
            "#",
            " ##",
            "#tag",
            "- ",
            "* ",
            "+ ",
            "1. ",
            "3) ",
            "  - ",
            "*",
            "**",
            "_",
            "~~",
            "!",
            "(",
            ")",
            ":",
            "|",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "---",
            "===",
            "Title\n===\n",
            "Title\n---\n",
            "[the ICO](https://ico.org.uk)",
            "[email us](mailto:dpo@example.gov.uk)",
            "[call](tel:0300123)",
            "[rights](#rights)",
            "[*em* link](https://ico.org.uk \"ICO\")",
            "[bad](javascript:alert(1))",
            "[data](data:text/html,x)",
            "![a map](map.png)",
            "[ref]",
            "[text][ref]",
            "[ref]: https://ico.org.uk\n",
            "[",
            "]",
            "](x)",
            "[a [b] c](https://x.org)",
            "[a](https://x.org/[1])",
            "<b>",
            ">",
            "> ",
            "`",
            "```\n",
            "\\",
            "&amp;",
            "&#106;",
            "\t",
        ];
        let mut random = crate::render::RandomTexts::new(0x2545_f491_4f6c_dd1d);
        let mut fields: Vec<String> = [
            "# Heading\n\nText with [a link](https://ico.org.uk).",
            "- item\n- # heading in an item\n\n## Next",
            "   ### indented heading\nand a line",
            "## Closed ##\n\n#### Deeper",
            "Setext\n===\n\n# ATX",
            "[ref]\n\n[ref]: https://ico.org.uk",
            "1. one\n2. two\n\n* star\n* list",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for _ in 0..20_000 {
            fields.push(random.text(PIECES, 1, 14));
        }
        fields
    }

    /// HTML for Markdown as any CommonMark reader would show it.
    fn shown(markdown: &str) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, parser(markdown));
        html
    }

    #[test]
    fn prose_as_written_means_what_its_safe_events_mean() {
        let (mut as_is, mut with_links, mut renumbered) = (0, 0, 0);
        for field in block_fields() {
            for (parent_level, gfm) in [(1, false), (2, true), (3, false), (5, true)] {
                let nesting = Nesting { parent_level };
                let safe = safe_prose(&field, Some(nesting));
                let Some(written) = as_written(&field, &safe, gfm) else {
                    continue;
                };
                as_is += 1;
                with_links += usize::from(field.contains("]("));
                renumbered += usize::from(written != field);
                // What the field means once made safe: the HTML of its
                // safe events (not the writer's output, which loses
                // structure in corners: `* + ---` comes back as `- * ***`).
                let mut meant = String::new();
                pulldown_cmark::html::push_html(&mut meant, lend(&safe.events));
                assert_eq!(
                    shown(&written),
                    meant,
                    "{field:?} at level {parent_level}, gfm {gfm}\nas written: {written:?}"
                );
            }
            forget_parsed();
        }
        // Enough fields of each kind take the short way for the
        // comparison to mean something.
        assert!(as_is > 10_000, "only {as_is} fields as written");
        assert!(with_links > 1_000, "only {with_links} with links");
        assert!(renumbered > 1_000, "only {renumbered} renumbered");
    }

    #[test]
    fn prose_with_other_brackets_goes_through_the_writer() {
        for field in [
            "[ref]\n\n[ref]: https://ico.org.uk",
            "[text][ref]\n\n[ref]: https://ico.org.uk",
            "![a map](map.png)",
            "[bad](javascript:alert(1))",
            "[a [b] c](https://x.org)",
            "a ] b",
            "Title\n===",
            "<https://ico.org.uk>",
            "`code`",
            "    code",
            "a\\*b",
        ] {
            let safe = safe_prose(field, Some(Nesting::default()));
            assert!(as_written(field, &safe, true).is_none(), "{field:?}");
        }
        assert_eq!(
            to_markdown(
                "# Our work\n\nSee [the ICO](https://ico.org.uk).",
                Nesting { parent_level: 3 }
            ),
            "#### Our work\n\nSee [the ICO](https://ico.org.uk)."
        );
    }

    #[test]
    fn raw_html_and_script_links_come_out_inert() {
        let html = to_html(
            "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1))",
            Theme::Plain,
            Nesting::default(),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let md = to_markdown(
            "Hi <b>x</b> [x](javascript:alert(1)) <https://ico.org.uk>",
            Nesting::default(),
        );
        assert!(md.contains("\\<b>"), "raw HTML is escaped: {md}");
        assert!(!md.contains("javascript:"), "{md}");
    }

    #[test]
    fn safe_links_survive() {
        assert!(is_safe_url("https://ico.org.uk"));
        assert!(is_safe_url("mailto:dpo@example.gov.uk"));
        assert!(is_safe_url("tel:03031231113"));
        assert!(is_safe_url("#rights"));
        assert!(!is_safe_url("javascript:alert(1)"));
        assert!(!is_safe_url(" JavaScript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
        let table = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |",
            Theme::Govuk,
            Nesting::default(),
        );
        assert!(
            table.contains("<th scope=\"col\" class=\"govuk-table__header\">a</th>"),
            "{table}"
        );
        assert!(
            table.contains("<td class=\"govuk-table__cell\">2</td>"),
            "{table}"
        );
        let html = to_html(
            "[ICO](https://ico.org.uk)",
            Theme::Govuk,
            Nesting::default(),
        );
        assert_eq!(
            html,
            "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"https://ico.org.uk\">ICO</a></p>\n"
        );
    }

    #[test]
    fn headings_follow_on_from_their_parent_without_gaps() {
        let html = to_html(
            "### A\n\n##### B\n\n### C",
            Theme::Plain,
            Nesting { parent_level: 2 },
        );
        assert_eq!(html, "<h3>A</h3>\n<h4>B</h4>\n<h3>C</h3>\n");
    }

    #[test]
    fn a_field_read_again_keeps_the_nesting_of_its_own_caller() {
        // Text takes a parse of any nesting; HTML must still renumber
        // under its own parent level, not reuse another level's headings.
        forget_parsed();
        let field = "# Heading\n\nText.";
        assert_eq!(to_text(field), "Heading\n-------\n\nText.");
        let under_h3 = to_html(field, Theme::Plain, Nesting { parent_level: 3 });
        let under_h2 = to_html(field, Theme::Plain, Nesting { parent_level: 2 });
        assert!(under_h3.starts_with("<h4>"), "{under_h3}");
        assert!(under_h2.starts_with("<h3>"), "{under_h2}");
    }

    #[test]
    fn text_shows_links_as_urls() {
        let text = to_text("Read [our schedule](https://example.gov.uk/r).\n\n- one\n- two");
        assert_eq!(
            text,
            "Read our schedule (https://example.gov.uk/r).\n\n- one\n- two"
        );
    }

    /// The Markdown of a page is its fields joined: nothing written in one
    /// field may take effect in another.
    #[test]
    fn markdown_fields_cannot_reach_each_other() {
        let parse_html = |md: &str| {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, Parser::new_ext(md, PARSER_OPTIONS));
            html
        };
        // A reference definition in one field, used in another.
        let page = format!(
            "{}\n\n{}",
            to_markdown("[more]: javascript:alert(1)", Nesting::default()),
            to_markdown("[Read it][more]", Nesting::default())
        );
        assert!(!parse_html(&page).contains("href"), "{page}");
        // A reference link inside one field is written inline.
        let md = to_markdown("[ICO][i]\n\n[i]: https://ico.org.uk", Nesting::default());
        assert_eq!(md.trim(), "[ICO](https://ico.org.uk)");
        // A fence opened in one field and closed in another.
        let page = format!(
            "{}\n\n{}",
            to_markdown("```\nopen", Nesting::default()),
            to_markdown("```\n<script>alert(1)</script>", Nesting::default())
        );
        assert!(!parse_html(&page).contains("<script"), "{page}");
        // An indented code block joined to a label on one line.
        let line = format!(
            "- **Name**: {}",
            to_markdown_inline("x\n\n    <img src=x onerror=alert(1)>")
        );
        assert!(!parse_html(&line).contains("<img"), "{line}");
        // An email autolink is a mailto: link, not a relative path.
        let html = to_html("<dpo@example.gov.uk>", Theme::Plain, Nesting::default());
        assert!(
            html.contains("href=\"mailto:dpo@example.gov.uk\""),
            "{html}"
        );
    }

    #[test]
    fn a_link_showing_its_address_is_marked_for_print() {
        let html = to_html(
            "See <https://ico.org.uk/> or [the ICO](https://ico.org.uk/).",
            Theme::Plain,
            Nesting::default(),
        );
        assert_eq!(
            html.trim(),
            r#"<p>See <a class="notice-url" href="https://ico.org.uk/">https://ico.org.uk/</a> or <a href="https://ico.org.uk/">the ICO</a>.</p>"#
        );
    }

    #[test]
    fn a_table_is_a_list_in_commonmark() {
        let table = "| Records | Period |\n|---|---|\n| Accounts | 6 years |\n| Claims |  |";
        assert_eq!(
            to_markdown(table, Nesting::default()).trim(),
            "- **Records:** Accounts; **Period:** 6 years\n- **Records:** Claims"
        );
        assert!(to_markdown_gfm(table, Nesting::default()).contains("| Accounts |"));
    }

    #[test]
    fn a_code_block_is_written_as_its_lines() {
        let md = to_markdown("```\nfirst <b>\nsecond\n```", Nesting::default());
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&md, PARSER_OPTIONS));
        assert_eq!(html, "<p>first &lt;b&gt;<br />\nsecond</p>\n", "{md}");
    }

    #[test]
    fn an_encoded_scheme_is_not_safe() {
        assert!(!is_safe_url("&#106;avascript:alert(1)"));
        assert!(!is_safe_url("&#x6A;avascript:alert(1)"));
        assert!(!is_safe_url("javascript&colon;alert(1)"));
        assert!(is_safe_url("https://example.gov.uk/a?b=1&c=2"));
    }

    #[test]
    fn too_deep_agrees_with_the_parser() {
        // Mixes of the characters that can open a level, and of some that
        // cannot: counting the characters never hides a field the parser
        // finds too deep.
        let pieces = [
            "- ", "* ", "+ ", "> ", "1. ", "2) ", "  ", "\n", "*", "_", "~~", "**", "a", ". ",
            "&#45; ", "\t", "\r\n", "\r", "\n\n", "    ", "10. ", "-\n", "> - ", "***", "~",
            "_a_ ", " \n", "-\t", "1.\n", ">\n",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed
        };
        let mut deep = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            // A few runs of one piece repeated, so some nest deep.
            for _ in 0..(next() >> 33) % 5 {
                let seed = next();
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                text.push_str(&piece.repeat((seed >> 20) as usize % 12));
                text.push_str(pieces[(seed >> 40) as usize % pieces.len()]);
            }
            text.push('x');
            let depth = nesting_depth(&text);
            let expected = (depth > MAX_NESTING).then_some(depth);
            assert_eq!(too_deep(&text), expected, "{text:?}");
            deep += usize::from(expected.is_some());
        }
        assert!(deep > 100, "only {deep} of the fields were too deep");
        assert_eq!(too_deep(&format!("{}x", "- ".repeat(9))), Some(9));
        assert_eq!(too_deep(&format!("{}x", "> ".repeat(8))), None);
    }

    /// Fields built to nest nine or ten deep in each way a line can
    /// continue its containers (indents of spaces or tabs, quote markers)
    /// and emphasis can run over lines (of each line ending): the bound
    /// never lets one through unparsed.
    #[test]
    fn too_deep_finds_nesting_by_indent_quotes_and_lines() {
        let nested = |levels: usize, line: &dyn Fn(usize) -> String| -> String {
            (0..levels).map(line).collect::<Vec<_>>().join("")
        };
        let mut cases = vec![
            // Each item under the last, by two spaces, three (under "1. ")
            // or a tab.
            nested(10, &|k| format!("{}- item\n", "  ".repeat(k))),
            nested(10, &|k| format!("{}1. item\n", "   ".repeat(k))),
            nested(10, &|k| format!("{}- item\r\n", "\t".repeat(k))),
            nested(10, &|k| format!("{}- item\r", "  ".repeat(k))),
            // Quotes and lists, continued by `>` and indent.
            nested(9, &|k| format!("{}> - item\n", "> ".repeat(k))),
            // Empty items, each holding the next.
            nested(10, &|k| format!("{}-\n", "  ".repeat(k))),
        ];
        for ending in ["\n", "\r\n", "\r"] {
            // Emphasis opened a level a line, closed on the last line.
            let open: String = (0..10).map(|k| format!("*w{k} {ending}")).collect();
            cases.push(format!("{open}x{}", "*".repeat(10)));
            let open: String = (0..10).map(|k| format!("_w{k} {ending}")).collect();
            cases.push(format!("{open}x{}", "_".repeat(10)));
        }
        for case in &cases {
            let depth = nesting_depth(case);
            assert!(depth > MAX_NESTING, "{depth} for {case:?}");
            assert_eq!(too_deep(case), Some(depth), "{case:?}");
        }
    }

    #[test]
    fn deep_nesting_is_flattened_and_output_stays_linear() {
        let deep = format!("{}x", "- ".repeat(3000));
        assert_eq!(nesting_depth(&deep), 3000);
        for out in [
            to_text(&deep),
            to_markdown(&deep, Nesting::default()),
            to_html(&deep, Theme::Plain, Nesting::default()),
        ] {
            assert!(out.len() < 20 * deep.len(), "{} bytes", out.len());
        }
        // The Markdown is flattened too, not passed through as written.
        assert!(nesting_depth(&to_markdown(&deep, Nesting::default())) <= MAX_NESTING);
        let emphasis = format!("{}<b>{}", "*a ".repeat(3000), " a*".repeat(3000));
        assert_eq!(nesting_depth(&emphasis), 3000);
        let md = to_markdown(&emphasis, Nesting::default());
        assert!(md.len() < 20 * emphasis.len(), "{} bytes", md.len());
        let quotes = format!("{}x", ">".repeat(3000));
        let md = to_markdown(&quotes, Nesting::default());
        assert!(md.len() < 20 * quotes.len(), "{} bytes", md.len());
    }

    /// Markdown readers with heading attributes (pulldown-cmark's option,
    /// kramdown, Pandoc, markdown-it-attrs) take a heading's closing
    /// `{...}` as attributes for the element: `{onclick=alert(1)}` would be
    /// an event handler on the CMS page. No name or prose field written to
    /// Markdown ends a heading in a brace a reader can take so.
    #[test]
    fn a_brace_at_the_end_of_a_heading_never_becomes_attributes() {
        let options = pulldown_cmark::Options::all();
        let html = |md: &str| {
            let mut out = String::new();
            pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new_ext(md, options));
            out
        };
        for text in [
            "{on%}",
            "x {onclick=alert(1)}",
            "x {#id .c onclick=alert(1)}",
            "{.a}",
        ] {
            let heading = format!("### {}\n", escape_markdown(text));
            let page = html(&heading);
            assert!(
                page.starts_with("<h3>") && page.contains('{'),
                "{text:?}: {page}"
            );
            for field in [
                format!("## {text}"),
                format!("Intro.\n\n# {text}\n\nMore."),
                format!("Heading {text}\n---"),
                format!("- a\n\n  ## {text}"),
            ] {
                let md = to_markdown(&field, Nesting::default());
                let page = html(&md);
                assert!(
                    !page.contains("<h3 ") && !page.contains("<h4 ") && !page.contains("<h5 "),
                    "{field:?} → {md:?} → {page}"
                );
                assert!(page.contains('{'), "{field:?} → {md:?} → {page}");
            }
        }
    }
}
