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

/// How deep elements may nest before the page is read without the tree
/// builder: html5ever's scope checks walk the stack of open elements, so
/// a page nesting tens of thousands deep would take quadratic time. No
/// real notice comes near this.
const MAX_DEPTH: usize = 1000;

/// Elements with no end tag, or whose end tag is usually left out: they
/// do not deepen the nesting.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option",
];

/// How deep a page's elements nest, counted from its tags in one pass
/// (an estimate: it does not know every rule of implied end tags).
fn nesting(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + at + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        let tag = &source.as_bytes()[start..end];
        if let Some(rest) = tag.strip_prefix(b"/") {
            if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                depth = depth.saturating_sub(1);
            }
        } else if tag.first().is_some_and(u8::is_ascii_alphabetic) && !tag.ends_with(b"/") {
            let name: Vec<u8> = tag
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .map(u8::to_ascii_lowercase)
                .collect();
            if !FLAT.iter().any(|f| f.as_bytes() == name.as_slice()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

/// A page nested too deeply for the tree builder, read as text: tags
/// become paragraph breaks (headings and list items keep their kind through
/// Markdown marks), scripts and styles are dropped, the common entities
/// decoded. Linear in the size of the page; every word is kept.
fn flattened(source: &str) -> Vec<Block> {
    let lower = source.to_ascii_lowercase();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < source.len() {
        let Some(at) = source[i..].find('<') else {
            out.push_str(&source[i..]);
            break;
        };
        out.push_str(&source[i..i + at]);
        let start = i + at;
        let end = source[start..]
            .find('>')
            .map_or(source.len(), |e| start + e + 1);
        let name: String = lower[start + 1..end]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let closing = lower[start + 1..].starts_with('/');
        i = end;
        if !closing && matches!(name.as_str(), "script" | "style" | "template" | "noscript") {
            let close = format!("</{name}");
            i = lower[end..].find(&close).map_or(source.len(), |c| end + c);
            continue;
        }
        match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !closing => {
                out.push_str("\n\n");
                out.push_str(&"#".repeat(usize::from(name.as_bytes()[1] - b'0')));
                out.push(' ');
            }
            "li" if !closing => out.push_str("\n\n- "),
            "br" => out.push('\n'),
            n if BLOCKS.contains(&n) => out.push_str("\n\n"),
            _ => {}
        }
    }
    let text = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let mut blocks = super::text::blocks(&text);
    // The lines are those of the text made, not of the page.
    for block in &mut blocks {
        block.line = 1;
        block.source_lines = false;
    }
    blocks
}

/// The blocks of an HTML page, and a warning when the page had to be
/// read without its structure.
pub fn blocks_with_warning(source: &str) -> (Vec<Block>, Option<String>) {
    let depth = nesting(source);
    if depth > MAX_DEPTH {
        return (
            flattened(source),
            Some(format!(
                "the page nests its elements {depth} deep; it was read as plain text, so the \
                 line numbers in the draft are not the page's"
            )),
        );
    }
    (blocks(source), None)
}

/// The blocks of an HTML page (parsed with its structure; see
/// [`blocks_with_warning`] for pages nested too deeply for that).
pub fn blocks(source: &str) -> Vec<Block> {
    if nesting(source) > MAX_DEPTH {
        return flattened(source);
    }
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
            "strong" | "b" if self.buffer_line.is_none() && self.lead.is_none() => {
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
        if self.buffer_line.is_none() && !text.trim().is_empty() {
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
    fn deep_nesting_is_read_flat_in_linear_time() {
        let page = format!(
            "<h1>T</h1>{}<p>deep &amp; text</p><script>alert(1)</script>{}",
            "<div><ul><li>".repeat(100_000),
            "</li></ul></div>".repeat(100_000)
        );
        assert!(nesting(&page) > MAX_DEPTH);
        let started = std::time::Instant::now();
        let (b, warning) = blocks_with_warning(&page);
        assert!(warning.is_some());
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert!(b.iter().any(|b| b.text == "deep & text"));
        assert!(!b.iter().any(|b| b.text.contains("alert")));
    }

    #[test]
    fn an_ordinary_page_is_not_deep() {
        let page = "<html><body><ul><li>a<li>b</ul><p>x<p>y<br><img src=x></body></html>";
        assert!(nesting(page) < 5);
        let long_list = format!("<ul>{}</ul>", "<li>item".repeat(5_000));
        assert!(nesting(&long_list) < MAX_DEPTH);
    }
}
