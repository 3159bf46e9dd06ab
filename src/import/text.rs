//! Plain text and Markdown → blocks. Headings are found by their shape:
//! Markdown `#` headings, a line underlined with `===` or `---`, a line in
//! ALL CAPITALS, or a short line standing alone without a full stop that
//! has text after it. Bullets (`-`, `*`, `•` …) and numbered items are list
//! items; Markdown table rows give cells. Everything is one pass over the
//! lines: linear in the size of the source.

use super::{Block, BlockKind, tidy};

/// The longest line that can be a heading by shape alone.
const HEADING_MAX_CHARS: usize = 90;
const HEADING_MAX_WORDS: usize = 14;
/// In a run of lines with no blank line between them, a line this long
/// means each line is a paragraph of its own (text saved from a page with
/// one paragraph per line), not a paragraph wrapped by hand.
const UNWRAPPED_LINE: usize = 120;

/// A line of the source, after its list marker or `#`s are read.
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// The blocks of a text or Markdown source.
pub fn blocks(source: &str) -> Vec<Block> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<Line> = source
        .split('\n')
        .enumerate()
        .map(|(i, text)| Line {
            number: i + 1,
            text: text.trim_end_matches('\r'),
        })
        .collect();
    let mut out: Vec<Block> = Vec::new();
    // Lines of the paragraph being gathered.
    let mut pending: Vec<&Line> = Vec::new();
    let mut in_fence = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let trimmed = line.text.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut pending, &mut out);
            in_fence = !in_fence;
            i += 1;
            continue;
        }
        if in_fence {
            if !trimmed.is_empty() {
                out.push(Block::new(
                    line.number,
                    BlockKind::Paragraph,
                    tidy(trimmed, false),
                ));
            }
            i += 1;
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut pending, &mut out);
            i += 1;
            continue;
        }
        // Setext: the line under a paragraph's single line.
        if !pending.is_empty() && is_underline(trimmed) {
            let level = if trimmed.starts_with('=') { 1 } else { 2 };
            let heading: Vec<&str> = pending.iter().map(|l| l.text.trim()).collect();
            let number = pending[0].number;
            pending.clear();
            out.push(Block::new(
                number,
                BlockKind::Heading(level),
                tidy(&heading.join(" "), false),
            ));
            i += 1;
            continue;
        }
        if let Some((level, text)) = atx_heading(trimmed) {
            flush(&mut pending, &mut out);
            if !text.is_empty() {
                out.push(Block::new(
                    line.number,
                    BlockKind::Heading(level),
                    tidy(text, false),
                ));
            }
            i += 1;
            continue;
        }
        if let Some(item) = list_item(trimmed) {
            flush(&mut pending, &mut out);
            // Lines indented under the item, with no blank line, continue it.
            let mut text = item.to_string();
            let mut j = i + 1;
            while j < lines.len() {
                let next = lines[j].text;
                let next_trimmed = next.trim();
                if next_trimmed.is_empty()
                    || !next.starts_with([' ', '\t'])
                    || list_item(next_trimmed).is_some()
                {
                    break;
                }
                text.push(' ');
                text.push_str(next_trimmed);
                j += 1;
            }
            let text = tidy(&text, false);
            if !text.is_empty() {
                out.push(Block::new(line.number, BlockKind::ListItem, text));
            }
            i = j;
            continue;
        }
        if trimmed.starts_with('|') && trimmed.len() > 1 {
            flush(&mut pending, &mut out);
            for cell in trimmed.trim_matches('|').split('|') {
                let cell = tidy(cell, false);
                if !cell.is_empty() && !cell.chars().all(|c| matches!(c, '-' | ':' | ' ')) {
                    let mut block = Block::new(line.number, BlockKind::Cell, cell);
                    block.row = Some(line.number);
                    out.push(block);
                }
            }
            i += 1;
            continue;
        }
        pending.push(line);
        i += 1;
    }
    flush(&mut pending, &mut out);
    mark_headings(&mut out);
    out
}

/// Ends the paragraph being gathered: one block, or one a line when the
/// lines are too long to be a hand-wrapped paragraph.
fn flush(pending: &mut Vec<&Line>, out: &mut Vec<Block>) {
    if pending.is_empty() {
        return;
    }
    let unwrapped = pending.len() > 1
        && pending
            .iter()
            .any(|l| l.text.trim().chars().count() > UNWRAPPED_LINE);
    if unwrapped {
        for line in pending.iter() {
            let text = tidy(line.text, false);
            if !text.is_empty() {
                out.push(Block::new(line.number, BlockKind::Paragraph, text));
            }
        }
    } else {
        let text: Vec<&str> = pending.iter().map(|l| l.text).collect();
        // A line of only control characters would leave no line behind
        // and shift the count: such paragraphs keep their first line only.
        let counted = pending.iter().all(|l| !tidy(l.text, false).is_empty());
        let text = tidy(&text.join("\n"), true);
        if !text.is_empty() {
            let mut block = Block::new(pending[0].number, BlockKind::Paragraph, text);
            block.source_lines = counted;
            out.push(block);
        }
    }
    pending.clear();
}

fn is_underline(line: &str) -> bool {
    line.len() >= 3 && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
}

fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    Some((hashes as u8, text))
}

/// The text of a bulleted or numbered item, without its marker.
pub(crate) fn list_item(line: &str) -> Option<&str> {
    for marker in [
        "- ", "* ", "+ ", "• ", "· ", "◦ ", "‣ ", "– ", "— ", "▪ ", "o ",
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            // "o " is a bullet only as Word writes it: followed by a word.
            if marker == "o " && !rest.starts_with(char::is_alphabetic) {
                return None;
            }
            return Some(rest.trim());
        }
    }
    if let Some(rest) = line.strip_prefix(['•', '◦', '▪']) {
        return Some(rest.trim());
    }
    // "1. ", "2) ", "a) "
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim());
        }
    }
    None
}

/// Paragraphs that look like headings become headings: a single short line
/// without final punctuation with text after it, or a line in capitals.
fn mark_headings(blocks: &mut [Block]) {
    let n = blocks.len();
    for (i, block) in blocks.iter_mut().enumerate() {
        let followed = i + 1 < n;
        if block.kind != BlockKind::Paragraph || block.text.contains('\n') {
            continue;
        }
        let level = if i == 0 { 1 } else { 2 };
        if followed && looks_like_heading(&block.text) {
            block.kind = BlockKind::Heading(level);
        }
    }
}

/// The shape of a heading: short, one line, starting with a capital or a
/// digit, no full stop, comma, colon or semicolon at the end, and not a
/// contact detail (an email, a link, a phone number, an address).
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    if chars == 0 || chars > HEADING_MAX_CHARS || words > HEADING_MAX_WORDS {
        return false;
    }
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    if text.ends_with(['.', ',', ';', ':', '!', ')', '"', '”']) {
        return false;
    }
    let lower = text.to_lowercase();
    if lower.contains('@') || lower.contains("http") || lower.contains("www.") {
        return false;
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits >= 5 || text.matches(',').count() >= 2 {
        return false;
    }
    if super::patterns::postcodes(text).next().is_some() {
        return false;
    }
    // "Tel: 0303 …", "By post: …": a label with a value.
    if let Some((label, value)) = text.split_once(": ")
        && !value.is_empty()
        && label.split_whitespace().count() <= 3
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(BlockKind, String)> {
        blocks(source)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_by_shape() {
        let got = kinds(
            "Privacy notice\n\nWho we are\n\nWe are Example Council. We run services.\n\n\
             HOW LONG WE KEEP IT\n\nSix years.\n",
        );
        assert_eq!(got[0].0, BlockKind::Heading(1));
        assert_eq!(got[1], (BlockKind::Heading(2), "Who we are".into()));
        assert_eq!(got[2].0, BlockKind::Paragraph);
        assert_eq!(got[3].0, BlockKind::Heading(2));
        // The last line has nothing after it: a paragraph.
        assert_eq!(got[4].0, BlockKind::Paragraph);
    }

    #[test]
    fn markdown_headings_lists_and_underlines() {
        let got = kinds(
            "# Title\n\nIntro text here.\n\nRights\n------\n\n- access\n* erasure\n1. object\n",
        );
        assert_eq!(got[0], (BlockKind::Heading(1), "Title".into()));
        assert_eq!(got[2], (BlockKind::Heading(2), "Rights".into()));
        assert_eq!(got[3], (BlockKind::ListItem, "access".into()));
        assert_eq!(got[4], (BlockKind::ListItem, "erasure".into()));
        assert_eq!(got[5], (BlockKind::ListItem, "object".into()));
    }

    #[test]
    fn a_wrapped_address_is_one_paragraph_and_lines_are_kept() {
        let b = blocks("By Post: Information Governance\nThe Council House,\nDerby, DE1 2FS\n");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].line, 1);
        assert!(b[0].text.contains("House,\nDerby"));
    }

    #[test]
    fn long_lines_without_blank_lines_are_paragraphs_each() {
        let long = "word ".repeat(40);
        let b = blocks(&format!("Heading here\n{long}\n{long}\n"));
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert_eq!(b[2].line, 3);
    }

    #[test]
    fn contact_lines_are_not_headings() {
        assert!(!looks_like_heading("Tel: 0303 123 1113"));
        assert!(!looks_like_heading("Email dpo@example.gov.uk"));
        assert!(!looks_like_heading("We have a duty to:"));
        assert!(looks_like_heading("Who we are?"));
    }
}
