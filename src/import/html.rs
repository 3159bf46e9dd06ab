//! HTML → blocks. The page is parsed with html5ever (through `scraper`'s
//! tree), as a browser would, so broken markup still gives the text a
//! reader sees. The parser's sink is wrapped to note the source line each
//! element starts on. Then one walk, with its own stack (deeply nested
//! markup cannot overflow the call stack), collects the text of the page's
//! content — `<main>` when there is one — into headings, paragraphs, list
//! items and table cells, leaving out page chrome: navigation, banners and
//! footers outside the content, scripts, styles, forms and hidden parts.
//! Links keep their address as Markdown (`[text](https://…)`).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use super::{Block, BlockKind, tidy};

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// scraper's sink, noting the line each element starts on.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<HashMap<Handle, usize>>,
}

impl TreeSink for LineSink {
    type Output = (Html, HashMap<Handle, usize>);
    type Handle = Handle;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }
    fn get_document(&self) -> Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let handle = self.inner.create_element(name, attrs, flags);
        self.lines.borrow_mut().insert(
            handle,
            usize::try_from(self.line.get()).unwrap_or(usize::MAX),
        );
        handle
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.inner.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.inner.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.inner.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.inner.reparent_children(node, new_parent);
    }
    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

/// Elements whose whole content is chrome, code or controls, never notice text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "svg", "iframe", "object", "canvas", "head", "dialog", "menu",
];
/// Skipped only outside the content (`<main>`, `<article>`): a page's
/// banner and footer, not an article's own header.
const CHROME: &[&str] = &["header", "footer"];
/// Roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "menu",
    "menubar",
];
/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "pre",
    "caption",
    "figcaption",
    "address",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "body",
    "details",
    "summary",
    "fieldset",
    "legend",
    "figure",
    "header",
    "footer",
    "hr",
];

/// The blocks of an HTML page.
pub fn blocks(source: &str) -> Vec<Block> {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        lines: RefCell::new(HashMap::new()),
    };
    let (html, lines) = html5ever::parse_document(sink, Default::default()).one(source);
    let tree = &html.tree;
    // The content: <main> (or role="main") when the page has one.
    let start = tree
        .nodes()
        .find(|n| {
            n.value().as_element().is_some_and(|e| {
                e.name() == "main"
                    || e.attr("role")
                        .is_some_and(|r| r.eq_ignore_ascii_case("main"))
            })
        })
        .unwrap_or_else(|| tree.root());
    let title = tree
        .nodes()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))
        .map(|n| {
            let text: String = n
                .descendants()
                .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                .collect();
            (lines.get(&n.id()).copied().unwrap_or(1), tidy(&text, false))
        });

    let mut walk = Walk::default();
    // The stack holds nodes to enter, and markers to leave an element.
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        Leave(ego_tree::NodeRef<'a, Node>),
    }
    let inside_content = start.value().as_element().is_some();
    walk.content_depth = usize::from(inside_content);
    let mut stack = vec![Step::Enter(start)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => match node.value() {
                Node::Text(text) => walk.text(text),
                Node::Element(element) => {
                    let name = element.name();
                    let chrome_role = element
                        .attr("role")
                        .is_some_and(|r| CHROME_ROLES.iter().any(|c| r.eq_ignore_ascii_case(c)));
                    let hidden = element.attr("hidden").is_some()
                        || element.attr("aria-hidden").is_some_and(|v| v == "true");
                    if SKIPPED.contains(&name)
                        || chrome_role
                        || hidden
                        || (CHROME.contains(&name) && walk.content_depth == 0)
                    {
                        continue;
                    }
                    let line = lines.get(&node.id()).copied().unwrap_or(walk.line);
                    walk.enter(name, element.attr("href"), line);
                    stack.push(Step::Leave(node));
                    let children: Vec<_> = node.children().collect();
                    for child in children.into_iter().rev() {
                        stack.push(Step::Enter(child));
                    }
                }
                Node::Document | Node::Fragment => {
                    let children: Vec<_> = node.children().collect();
                    for child in children.into_iter().rev() {
                        stack.push(Step::Enter(child));
                    }
                }
                _ => {}
            },
            Step::Leave(node) => {
                if let Some(element) = node.value().as_element() {
                    walk.leave(element.name(), element.attr("href"));
                }
            }
        }
    }
    walk.flush();
    let mut out = walk.out;
    // A page with no <h1> in its content: its <title> is the title.
    if !out.iter().any(|b| b.kind == BlockKind::Heading(1))
        && let Some((line, title)) = title
        && !title.is_empty()
    {
        out.insert(0, Block::new(line, BlockKind::Heading(1), title));
    }
    out
}

/// The state of the walk: the blocks so far and the one being written.
#[derive(Default)]
struct Walk {
    out: Vec<Block>,
    /// The open block elements, innermost last.
    open: Vec<BlockKind>,
    buffer: String,
    line: usize,
    buffer_line: Option<usize>,
    /// The text of a leading `<strong>`/`<b>`/`<dt>` being read, and where
    /// it started in the buffer.
    lead_start: Option<usize>,
    lead: Option<String>,
    /// How many `<main>`/`<article>` elements are open.
    content_depth: usize,
    /// Open links: whether each wrote a `[`.
    links: Vec<bool>,
    /// How many table rows have started.
    rows: usize,
}

impl Walk {
    fn kind(&self) -> BlockKind {
        self.open.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    fn enter(&mut self, name: &str, href: Option<&str>, line: usize) {
        self.line = line;
        if matches!(name, "main" | "article") {
            self.content_depth += 1;
        }
        if BLOCKS.contains(&name) {
            self.flush();
            if name == "tr" {
                self.rows += 1;
            }
            let kind = match name {
                "h1" => Some(BlockKind::Heading(1)),
                "h2" => Some(BlockKind::Heading(2)),
                "h3" => Some(BlockKind::Heading(3)),
                "h4" => Some(BlockKind::Heading(4)),
                "h5" => Some(BlockKind::Heading(5)),
                "h6" => Some(BlockKind::Heading(6)),
                "li" => Some(BlockKind::ListItem),
                "td" | "th" => Some(BlockKind::Cell),
                "p" | "dt" | "dd" | "pre" | "caption" | "figcaption" | "address" | "blockquote"
                | "summary" | "legend" => Some(BlockKind::Paragraph),
                _ => None,
            };
            self.open.push(kind.unwrap_or_else(|| self.kind()));
            if name == "dt" {
                self.lead_start = Some(0);
            }
            return;
        }
        match name {
            "br" => self.buffer.push('\n'),
            "strong" | "b" if self.buffer.trim().is_empty() && self.lead.is_none() => {
                self.lead_start = Some(self.buffer.len());
            }
            "a" => {
                let link = href.is_some_and(|h| {
                    let h = h.to_ascii_lowercase();
                    h.starts_with("https://")
                        || h.starts_with("http://")
                        || h.starts_with("mailto:")
                });
                if link {
                    self.buffer.push('[');
                }
                self.links.push(link);
            }
            _ => {}
        }
    }

    fn leave(&mut self, name: &str, href: Option<&str>) {
        if matches!(name, "main" | "article") {
            self.content_depth = self.content_depth.saturating_sub(1);
        }
        if BLOCKS.contains(&name) {
            if name == "dt" {
                self.end_lead();
            }
            self.flush();
            self.open.pop();
            return;
        }
        match name {
            "strong" | "b" => self.end_lead(),
            "a" if self.links.pop() == Some(true) => {
                let href = href.unwrap_or_default();
                if self.buffer.ends_with('[') {
                    self.buffer.pop();
                } else {
                    let text_start = self.buffer.rfind('[').map_or(0, |i| i + 1);
                    let text = tidy(&self.buffer[text_start..], false);
                    if text == href || format!("mailto:{text}") == href {
                        // The address is its own text: keep it once.
                        self.buffer.truncate(text_start.saturating_sub(1));
                        self.buffer.push_str(&text);
                    } else {
                        self.buffer.push_str("](");
                        self.buffer.push_str(&href.replace(['(', ')', ' '], ""));
                        self.buffer.push(')');
                    }
                }
            }
            _ => {}
        }
    }

    fn end_lead(&mut self) {
        if let Some(start) = self.lead_start.take() {
            let lead = tidy(self.buffer.get(start..).unwrap_or_default(), false);
            if !lead.is_empty() {
                self.lead = Some(lead);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.buffer.trim().is_empty() && !text.trim().is_empty() {
            self.buffer_line = Some(self.line);
        }
        self.buffer.push_str(text);
    }

    fn flush(&mut self) {
        let text = tidy(&self.buffer, true);
        if !text.is_empty() {
            let mut block = Block::new(self.buffer_line.unwrap_or(self.line), self.kind(), text);
            if let BlockKind::Heading(_) = block.kind {
                block.text = block.text.replace('\n', " ");
            }
            block.lead = self.lead.take();
            if block.kind == BlockKind::Cell {
                block.row = Some(self.rows);
            }
            self.out.push(block);
        }
        self.buffer.clear();
        self.buffer_line = None;
        self.lead = None;
        self.lead_start = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_without_chrome_with_lines() {
        let page = "<!doctype html>\n<html><head><title>T</title><style>p{}</style></head>\n<body>\n\
            <header><nav><a href=/>Home</a></nav></header>\n<main>\n<h1>Privacy notice</h1>\n\
            <p>We are <b>Example</b> Council.</p>\n<ul><li>one<li>two</ul>\n\
            <script>var x = 1;</script>\n<table><tr><td>cell</td></tr></table>\n</main>\n\
            <footer>Copyright</footer></body></html>";
        let got: Vec<(usize, BlockKind, String)> = blocks(page)
            .into_iter()
            .map(|b| (b.line, b.kind, b.text))
            .collect();
        assert_eq!(
            got,
            [
                (6, BlockKind::Heading(1), "Privacy notice".to_string()),
                (
                    7,
                    BlockKind::Paragraph,
                    "We are Example Council.".to_string()
                ),
                (8, BlockKind::ListItem, "one".to_string()),
                (8, BlockKind::ListItem, "two".to_string()),
                (10, BlockKind::Cell, "cell".to_string()),
            ]
        );
    }

    #[test]
    fn links_keep_their_address_and_leads_are_noted() {
        let b = blocks(
            "<ul><li><strong>DWP</strong>: benefits. See <a href=\"https://x.example/a\">the schedule</a>.</li></ul>",
        );
        assert_eq!(
            b[0].text,
            "DWP: benefits. See [the schedule](https://x.example/a)."
        );
        assert_eq!(b[0].lead.as_deref(), Some("DWP"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let b = blocks(&page);
        assert_eq!(b.len(), 1);
    }
}
