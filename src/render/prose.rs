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

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

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

/// Turns raw HTML into visible text and unsafe links into their text, and
/// renumbers headings under `nesting`.
fn make_safe<'a>(events: impl Iterator<Item = Event<'a>>, nesting: Nesting) -> Vec<Event<'a>> {
    let events: Vec<Event<'a>> = events.collect();
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
    for event in events {
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

/// Autolinks and email autolinks are written back as ordinary links, so
/// the Markdown output never contains `<...>`.
fn normal_link_type(link_type: LinkType) -> LinkType {
    match link_type {
        LinkType::Autolink | LinkType::Email => LinkType::Inline,
        other => other,
    }
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
    let events = make_safe(parser(markdown), nesting);
    let mut html = String::new();
    match theme {
        Theme::Plain => pulldown_cmark::html::push_html(&mut html, events.into_iter()),
        Theme::Govuk => {
            pulldown_cmark::html::push_html(&mut html, govuk_classes(events).into_iter());
        }
    }
    html
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

/// Renders prose back to CommonMark with the same safety rules as HTML.
/// Prose with nothing to change (no raw HTML, no unsafe link, no heading)
/// is passed through as written, which is faster and keeps its layout.
pub fn to_markdown(markdown: &str, nesting: Nesting) -> String {
    let needs_rewrite = parser(markdown).any(|event| match event {
        Event::Html(_)
        | Event::InlineHtml(_)
        | Event::Start(Tag::Heading { .. } | Tag::Image { .. }) => true,
        Event::Start(Tag::Link {
            dest_url,
            link_type,
            ..
        }) => !is_safe_url(&dest_url) || matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    });
    if !needs_rewrite {
        return markdown.to_string();
    }
    let events = make_safe(parser(markdown), nesting);
    let mut out = String::new();
    if pulldown_cmark_to_cmark::cmark(events.iter(), &mut out, PARSER_OPTIONS).is_err() {
        // Cannot happen when writing to a String; keep the text escaped.
        out = escape_markdown(markdown);
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
    for event in make_safe(parser(markdown), Nesting::default()) {
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
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' => {
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
    fn text_shows_links_as_urls() {
        let text = to_text("Read [our schedule](https://example.gov.uk/r).\n\n- one\n- two");
        assert_eq!(
            text,
            "Read our schedule (https://example.gov.uk/r).\n\n- one\n- two"
        );
    }
}
