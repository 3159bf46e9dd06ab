//! Properties of the prose writers (`src/render/prose.rs`), shared by the
//! fuzz target `prose` (`fuzz/`) and the property tests in
//! `tests/no_panic.rs`: no panic, output in proportion to the input, and
//! Markdown that cannot reach beyond its field.

use noticec::render::Theme;
use noticec::render::prose::{self, Nesting};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Outputs may be this many times the input, plus a constant: the writers
/// escape characters and add list markers, nothing grows faster.
const GROWTH: usize = 20;

fn bounded(what: &str, input: &str, output: &str) {
    assert!(
        output.len() <= GROWTH * input.len() + 256,
        "{what}: {} bytes out of {} in",
        output.len(),
        input.len()
    );
}

/// The Markdown of one field, followed by a heading as the next thing on
/// the page would be, parses with that heading at the top level and
/// nothing live.
fn contained(markdown: &str) {
    let page = format!("{markdown}\n\n# SENTINEL\n");
    let mut depth = 0usize;
    let mut sentinel_at_top = false;
    let mut in_heading_at_top = false;
    for event in Parser::new_ext(
        &page,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("raw HTML in the Markdown output: {html:?}\n{markdown}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(
                    prose::is_safe_url(dest_url),
                    "unsafe link {dest_url:?} in the Markdown output\n{markdown}"
                );
                depth += 1;
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading_at_top = depth == 0;
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading_at_top = false;
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) if in_heading_at_top && text.as_ref() == "SENTINEL" => {
                sentinel_at_top = true;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    assert!(
        sentinel_at_top,
        "the field's Markdown runs on into the page:\n{markdown}"
    );
}

/// Every writer on one prose field, with every property checked.
pub fn check_prose_writers(input: &str) {
    for theme in [Theme::Plain, Theme::Govuk] {
        bounded(
            "html",
            input,
            &prose::to_html(input, theme, Nesting::default()),
        );
    }
    bounded("text", input, &prose::to_text(input));
    let markdown = prose::to_markdown(input, Nesting::default());
    bounded("markdown", input, &markdown);
    assert!(
        prose::nesting_depth(&markdown) <= prose::MAX_NESTING,
        "the Markdown nests deeper than the limit:\n{markdown}"
    );
    contained(&markdown);
    let inline = prose::to_markdown_inline(input);
    bounded("inline markdown", input, &inline);
    assert!(
        !inline.contains('\n'),
        "inline Markdown has a line break: {inline:?}"
    );
    contained(&inline);
}
