//! Stage 3, rendering: a checked notice → HTML, Markdown and plain text.
//!
//! Templates ([`templates`]) receive a [`view::NoticeView`], never the model.
//! Prose fields are Markdown, made safe by [`prose`] for each format. Notice
//! content is only ever passed to templates as data, so text such as
//! `{{ 7*7 }}` in a notice is printed as it is, never evaluated.

pub mod cms;
pub mod glance;
pub mod jsonld;
pub mod prose;
pub mod templates;
pub mod twin;
pub mod view;
pub mod wrap;

use std::collections::BTreeMap;
use std::path::PathBuf;

use foldhash::{HashMap, HashMapExt};
use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::i18n::{Arg, Language};
use prose::Nesting;
use view::NoticeView;

/// An output format of `noticec build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Html,
    Markdown,
    Text,
    /// "Just-in-time" notices (the ICO's term): one short notice per
    /// purpose, for the form where the information is collected. An HTML
    /// page; not built unless asked for.
    Jit,
    /// The machine-readable twin ([`twin`]): the resolved notice and the
    /// facts behind the generated text, as JSON. Not built unless asked for.
    Json,
    /// The same facts in JSON-LD with the W3C Data Privacy Vocabulary
    /// ([`jsonld`]). Not built unless asked for.
    JsonLd,
}

impl Format {
    /// The formats built by default.
    pub const ALL: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];
    /// Every format there is.
    pub const EVERY: [Format; 6] = [
        Format::Html,
        Format::Markdown,
        Format::Text,
        Format::Jit,
        Format::Json,
        Format::JsonLd,
    ];

    /// The file extension of outputs in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Jit => "jit.html",
            Format::Json => "json",
            Format::JsonLd => "jsonld",
        }
    }

    /// Parses `html`, `md` (or `markdown`), `txt` (or `text`), `jit`, `json`
    /// and `jsonld`.
    pub fn parse(text: &str) -> Option<Format> {
        match text.trim().to_ascii_lowercase().as_str() {
            "html" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "jit" => Some(Format::Jit),
            "json" => Some(Format::Json),
            "jsonld" | "json-ld" => Some(Format::JsonLd),
            _ => None,
        }
    }
}

/// The look of the HTML output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Plain semantic HTML with a small built-in stylesheet.
    Plain,
    /// GOV.UK Frontend class names, which most council websites style.
    Govuk,
}

impl Theme {
    fn name(self) -> &'static str {
        match self {
            Theme::Plain => "plain",
            Theme::Govuk => "govuk",
        }
    }

    /// Role → CSS classes, used by the HTML templates' `class_attr()`.
    fn classes(self) -> BTreeMap<&'static str, &'static str> {
        match self {
            Theme::Plain => BTreeMap::new(),
            Theme::Govuk => BTreeMap::from([
                ("h1", "govuk-heading-xl"),
                ("h2", "govuk-heading-l"),
                ("h3", "govuk-heading-m"),
                ("body", "govuk-body"),
                ("link", "govuk-link"),
                ("list", "govuk-list govuk-list--bullet"),
                ("summary", "govuk-summary-list"),
                ("row", "govuk-summary-list__row"),
                ("key", "govuk-summary-list__key"),
                ("value", "govuk-summary-list__value"),
                ("table", "govuk-table"),
                ("caption", "govuk-table__caption govuk-table__caption--m"),
                ("thead", "govuk-table__head"),
                ("tbody", "govuk-table__body"),
                ("tr", "govuk-table__row"),
                ("th", "govuk-table__header"),
                ("td", "govuk-table__cell"),
                ("inset", "govuk-inset-text"),
            ]),
        }
    }
}

/// How notices are rendered.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub theme: Theme,
    /// HTML without the page around it, for pasting into a CMS: no `<h1>`
    /// (the CMS page has the title) and links by the notices' addresses.
    pub fragment: bool,
    /// The fragment uses only the tags a CMS text format keeps
    /// ([`cms::ALLOWED_TAGS`]); implies `fragment`.
    pub cms: bool,
    /// Markdown with GitHub Flavored Markdown tables (default: CommonMark
    /// only, where a table is a list).
    pub gfm: bool,
    /// A folder whose templates replace the embedded ones.
    pub templates_dir: Option<PathBuf>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            theme: Theme::Plain,
            fragment: false,
            cms: false,
            gfm: false,
            templates_dir: None,
        }
    }
}

/// A template that failed, with where.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct RenderError {
    /// The template file, e.g. `notice.html.j2`.
    pub template: Option<String>,
    /// The line in that template.
    pub line: Option<usize>,
    pub message: String,
}

impl From<minijinja::Error> for RenderError {
    fn from(err: minijinja::Error) -> Self {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(inner) = source {
            message.push_str(&format!(": {inner}"));
            source = inner.source();
        }
        RenderError {
            template: err.name().map(str::to_owned),
            line: err.line(),
            message,
        }
    }
}

/// One entry of the index page.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    pub title: String,
    /// The built page, relative to the index.
    pub href: String,
    /// The notice's published address (fragments and Markdown link to it).
    pub url: Option<String>,
    pub last_updated: Option<String>,
    /// Published with errors (`--allow-errors`).
    pub draft: bool,
    /// The notice's JSON twin, relative to the index, when built.
    pub twin: Option<String>,
    /// The notice's JSON-LD twin, relative to the index, when built.
    pub twin_ld: Option<String>,
}

/// One entry of a notice's list of versions.
#[derive(Debug, Clone, Serialize)]
pub struct VersionEntry {
    /// The file name part: the version, or the date.
    pub label: String,
    pub href: String,
    pub version: Option<String>,
    /// "1 October 2026".
    pub date: Option<String>,
    /// The version published now.
    pub current: bool,
}

/// What the notice templates receive, made once per notice and shared by
/// its formats: the view as a template value (converted once, not once a
/// format: the conversion walks the whole view), the page title and the
/// footer printed at the foot of every page.
pub struct NoticePage {
    notice: Value,
    language: String,
    page_title: String,
    print_footer: String,
}

impl NoticePage {
    pub fn new(view: &NoticeView<'_>) -> Self {
        // The prose cache holds the fields of the page being written.
        prose::forget_parsed();
        let lang = view.lang;
        let page_title = if view.draft {
            lang.format("title-draft", &[("title", Arg::Text(&view.title))])
                .into_owned()
        } else {
            view.title.clone()
        };
        // Printed at the foot of every page: where the notice lives, and its date.
        let print_footer = [
            view.url.map(str::to_string),
            view.last_updated.as_ref().map(|d| {
                lang.format("meta-last-updated", &[("date", Arg::Text(d))])
                    .into_owned()
            }),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        Self {
            notice: Value::from(Serde(view)),
            language: view.language.clone(),
            page_title,
            print_footer,
        }
    }
}

/// Renders notices with one template environment per format.
pub struct Renderer {
    envs: BTreeMap<Format, Environment<'static>>,
    options: RenderOptions,
}

impl Renderer {
    pub fn new(options: RenderOptions) -> Self {
        let envs = Format::EVERY
            .into_iter()
            .map(|format| (format, environment(format, &options)))
            .collect();
        Self { envs, options }
    }

    fn env(&self, format: Format) -> &Environment<'static> {
        // Every format has an environment (built in `new`).
        &self.envs[&format]
    }

    /// Renders one notice in one format.
    pub fn render_notice(
        &self,
        view: &NoticeView<'_>,
        format: Format,
    ) -> Result<String, RenderError> {
        self.render_page(&NoticePage::new(view), format)
    }

    /// Renders a notice prepared once for all its formats.
    pub fn render_page(&self, page: &NoticePage, format: Format) -> Result<String, RenderError> {
        let template = self
            .env(format)
            .get_template(&format!("notice.{}.j2", format.extension()))?;
        let output = template.render(context! {
            notice => page.notice.clone(),
            language => &page.language,
            page_title => &page.page_title,
            print_footer => &page.print_footer,
            layout => self.layout(),
        })?;
        let output = if matches!(format, Format::Html | Format::Jit) && self.options.cms {
            cms::clean(&output)
        } else {
            output
        };
        Ok(finish(&output, format))
    }

    /// Renders the index page (HTML or Markdown).
    pub fn render_index(
        &self,
        title: &str,
        language: &str,
        notices: &[IndexEntry],
        alternates: &[view::AlternateView],
        format: Format,
    ) -> Result<String, RenderError> {
        let template = self
            .env(format)
            .get_template(&format!("index.{}.j2", format.extension()))?;
        let output = template.render(context! {
            title,
            page_title => title,
            language,
            notices => Value::from(Serde(notices)),
            index => context! { alternates => Value::from(Serde(alternates)) },
            layout => self.layout(),
        })?;
        let output = if format == Format::Html && self.options.cms {
            cms::clean(&output)
        } else {
            output
        };
        Ok(finish(&output, format))
    }

    /// Renders the list of a notice's versions (`build --archive`).
    pub fn render_versions(
        &self,
        title: &str,
        language: &str,
        current: &str,
        versions: &[VersionEntry],
    ) -> Result<String, RenderError> {
        let template = self.env(Format::Html).get_template("versions.html.j2")?;
        let output = template.render(context! {
            title,
            page_title => format!("{title}: every version"),
            language,
            current,
            versions => Value::from(Serde(versions)),
            layout => self.layout(),
        })?;
        Ok(finish(&output, Format::Html))
    }

    fn layout(&self) -> &'static str {
        if self.options.fragment || self.options.cms {
            "_fragment.html.j2"
        } else {
            "_page.html.j2"
        }
    }
}

fn environment(format: Format, options: &RenderOptions) -> Environment<'static> {
    let mut env = Environment::new();
    // Every value a template prints loses the characters that could drive
    // a terminal, ring a bell or reverse text (control and bidi-override
    // characters), in every format: they never reach a page, a `.md` pasted
    // into a CMS or a `.txt` printed in a letter.
    env.set_formatter(|out, state, value| {
        if let Some(text) = value.as_str()
            && crate::model::forms::has_unsafe_char(text)
        {
            let clean = crate::model::forms::strip_unsafe(text).into_owned();
            let clean = if value.is_safe() {
                Value::from_safe_string(clean)
            } else {
                Value::from(clean)
            };
            return minijinja::escape_formatter(out, state, &clean);
        }
        minijinja::escape_formatter(out, state, value)
    });
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    let dir = options.templates_dir.clone();
    env.set_loader(move |name| templates::load(dir.as_deref(), name));
    env.add_global("theme", options.theme.name());
    // A CMS text format drops every class: the CMS flavour writes none.
    let classes = if options.cms {
        BTreeMap::new()
    } else {
        options.theme.classes()
    };
    // `class_attr("role")`: ` class="…"` for the theme's classes of that
    // role, or nothing. A function, not a macro: the HTML templates call it
    // for nearly every element, and a macro call costs a template frame.
    let attributes: BTreeMap<&'static str, Value> = classes
        .iter()
        .map(|(role, class)| {
            let attribute = format!(" class=\"{}\"", escape_html(class));
            (*role, Value::from_safe_string(attribute))
        })
        .collect();
    // `row_start(key)` … `row_end()`: one row of a summary list around
    // its value, as the `row` macro of `_macros.html.j2` writes it (a
    // `<dl>` row, or a bulleted item with a bold key in the CMS flavour).
    // Functions, not a call block: a notice has dozens of rows, and a call
    // block costs a macro frame and a closure each.
    let class = |role: &str| {
        attributes
            .get(role)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let (row_open, key_open, value_open) = (class("row"), class("key"), class("value"));
    let cms = options.cms;
    env.add_function("row_start", move |key: Value| {
        // Printed as `{{ key }}` would be: escaped unless it is markup.
        let key = match key.as_str() {
            Some(text) if key.is_safe() => text.to_string(),
            _ => minijinja::HtmlEscape(&key.to_string()).to_string(),
        };
        Value::from_safe_string(if cms {
            format!("<li><strong>{key}:</strong> ")
        } else {
            format!("<div{row_open}><dt{key_open}>{key}</dt><dd{value_open}>")
        })
    });
    env.add_function("row_end", move || {
        Value::from_safe_string(if cms { "</li>\n" } else { "</dd></div>\n" }.to_string())
    });
    env.add_function("class_attr", move |role: &str| {
        attributes
            .get(role)
            .cloned()
            .unwrap_or_else(|| Value::from_safe_string(String::new()))
    });
    env.add_global("classes", Value::from(Serde(classes)));
    env.add_global("fragment", options.fragment || options.cms);
    env.add_global("cms", options.cms);
    env.add_global("gfm", options.gfm);
    env.add_filter("css_string", css_string);
    env.add_filter("words", |state: &minijinja::State, items: Vec<String>| {
        page_language(state).join_words(&items)
    });
    env.add_function("t", translate(matches!(format, Format::Html | Format::Jit)));
    env.add_filter("sentence", |text: &str| glance::sentence(text));
    let theme = options.theme;
    match format {
        Format::Html | Format::Jit => {
            env.add_filter("prose", move |md: &str, parent: Option<u8>| {
                Value::from_safe_string(prose::to_html(md, theme, nesting(parent)))
            });
            env.add_filter("inline_prose", move |md: &str| {
                Value::from_safe_string(prose::to_html_inline(md, theme))
            });
            env.add_filter("inline", |s: &str| s.to_string());
            env.add_filter("url", |s: &str| s.to_string());
        }
        Format::Markdown => {
            let gfm = options.gfm;
            env.add_filter("prose", move |md: &str, parent: Option<u8>| {
                let markdown = if gfm {
                    prose::to_markdown_gfm(md, nesting(parent))
                } else {
                    prose::to_markdown(md, nesting(parent))
                };
                markdown.trim_end().to_string()
            });
            env.add_filter("inline_prose", |md: &str| prose::to_markdown_inline(md));
            env.add_filter("inline", |s: &str| prose::escape_markdown(s));
            // A link destination as written, except what would end it early,
            // and `&` written `&amp;` so no character reference in it is
            // decoded into something else (`&#106;avascript:`).
            env.add_filter("url", |s: &str| {
                s.trim()
                    .replace('&', "&amp;")
                    .replace(' ', "%20")
                    .replace('(', "%28")
                    .replace(')', "%29")
                    .replace('<', "%3C")
                    .replace('>', "%3E")
            });
        }
        Format::Text | Format::Json | Format::JsonLd => {
            env.add_filter("prose", |md: &str, _parent: Option<u8>| prose::to_text(md));
            env.add_filter("inline_prose", |md: &str| prose::to_text_inline(md));
            env.add_filter("inline", |s: &str| s.to_string());
            env.add_filter("url", |s: &str| s.to_string());
        }
    }
    env.add_filter("underline", |title: &str, mark: &str| {
        let title = one_line(title);
        let width = title.chars().count().clamp(1, TEXT_WIDTH);
        format!(
            "{title}\n{}",
            mark.chars().next().unwrap_or('-').to_string().repeat(width)
        )
    });
    env
}

/// The language of the page being rendered, from its `language` tag.
fn page_language(state: &minijinja::State) -> Language {
    state
        .lookup("language")
        .and_then(|tag| tag.as_str().map(Language::from_tag))
        .unwrap_or_default()
}

/// How many messages without arguments `t()` keeps per thread, language
/// and format; the catalogue has a few hundred.
const MAX_PLAIN_MESSAGES: usize = 2048;

thread_local! {
    /// The messages without arguments made so far by `t()`, by language and
    /// by whether they are for HTML (escaped), and by message id.
    static PLAIN_MESSAGES: std::cell::RefCell<HashMap<(Language, bool), HashMap<String, Value>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The templates' `t("id", name=value, …)`: a message of the page's
/// language ([`crate::i18n`]) with its arguments. In HTML the message is
/// escaped, and so is every argument that is not already safe markup (a
/// link built by the template), so a message is always plain text and a
/// notice's words can never become markup. Numbers choose plural forms.
fn translate(
    html: bool,
) -> impl Fn(&minijinja::State, &str, minijinja::value::Kwargs) -> Result<Value, minijinja::Error>
+ Send
+ Sync
+ 'static {
    move |state, id, kwargs| {
        let lang = page_language(state);
        if kwargs.args().next().is_none() {
            // Most messages have no arguments: each is made once per
            // thread, language and format (a page asks for about seventy).
            return Ok(PLAIN_MESSAGES.with_borrow_mut(|known| {
                let known = known.entry((lang, html)).or_default();
                if let Some(value) = known.get(id) {
                    return value.clone();
                }
                let message = lang.format(id, &[]);
                let value = if html {
                    Value::from_safe_string(escape_html(&message))
                } else {
                    Value::from(message.into_owned())
                };
                // A template that makes ids from data could ask for any
                // number of them: `serve` runs for hours.
                if known.len() < MAX_PLAIN_MESSAGES {
                    known.insert(id.to_string(), value.clone());
                }
                value
            }));
        }
        let mut names: Vec<&str> = kwargs.args().collect();
        names.sort_unstable();
        // Text arguments go in as markers and are put back after escaping.
        let mut filled: Vec<String> = Vec::with_capacity(names.len());
        let mut markers: Vec<String> = Vec::with_capacity(names.len());
        let mut counts: Vec<(&str, u64)> = Vec::new();
        for name in &names {
            let value: Value = kwargs.get(name)?;
            if let Some(n) = value
                .as_i64()
                .filter(|_| value.kind() == minijinja::value::ValueKind::Number)
            {
                counts.push((name, n.max(0) as u64));
                continue;
            }
            let text = if value.is_none() || value.is_undefined() {
                String::new()
            } else {
                value.to_string()
            };
            filled.push(if html && !value.is_safe() {
                escape_html(&text)
            } else {
                text
            });
            markers.push(format!("\u{e000}{}\u{e001}", markers.len()));
        }
        let mut args: Vec<(&str, Arg<'_>)> = Vec::with_capacity(names.len());
        let mut texts = markers.iter();
        for name in &names {
            match counts.iter().find(|(n, _)| n == name) {
                Some((_, n)) => args.push((name, Arg::Count(*n))),
                None => {
                    if let Some(marker) = texts.next() {
                        args.push((name, Arg::Text(marker)));
                    }
                }
            }
        }
        let message = lang.format(id, &args);
        let out = if html {
            escape_html(&message)
        } else {
            message.into_owned()
        };
        // Without text arguments there are no markers to put back.
        let out = if filled.is_empty() {
            out
        } else {
            put_back(&out, &filled)
        };
        Ok(if html {
            Value::from_safe_string(out)
        } else {
            Value::from(out)
        })
    }
}

/// Puts the arguments back where [`translate`] left their markers, in one
/// pass, so an argument's own text is never read as a marker.
fn put_back(text: &str, values: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('\u{e000}') {
        out.push_str(&rest[..start]);
        let after = &rest[start + '\u{e000}'.len_utf8()..];
        let Some(end) = after.find('\u{e001}') else {
            rest = after;
            continue;
        };
        if let Some(value) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| values.get(i))
        {
            out.push_str(value);
        }
        rest = &after[end + '\u{e001}'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Text as HTML: the five characters that mean something there escaped.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// The `prose` filter's optional argument: the level of the heading the
/// prose sits under (default 2, a section).
fn nesting(parent: Option<u8>) -> Nesting {
    Nesting {
        parent_level: parent.unwrap_or(2).clamp(1, 5),
    }
}

/// Text as a CSS string literal: quoted, with every character that is not
/// a letter, digit or space written as a CSS escape, so nothing in it can
/// end the string or the style sheet.
fn css_string(text: &str) -> Value {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else if !c.is_control() {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

/// Plain text and Markdown are wrapped or checked against this width.
pub const TEXT_WIDTH: usize = 80;

/// Joins lines into one (for values shown inside a list item).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tidies rendered output: no trailing spaces, at most one blank line in a
/// row, one newline at the end. Markdown headings get a blank line before
/// and after (so templates need not count newlines); plain text is wrapped
/// at 80 columns.
fn finish(output: &str, format: Format) -> String {
    match format {
        Format::Text | Format::Markdown => finish_lines(output, format),
        _ => tidy(output),
    }
}

/// [`finish`] for HTML: lines without trailing spaces, at most one blank
/// line in a row, none at the start, one newline at the end — what
/// [`finish_lines`] does for it, but copying each run of lines that need
/// nothing in one piece rather than a line at a time (line by line it was
/// 7 % of a build; a test compares both).
fn tidy(output: &str) -> String {
    let mut out = String::with_capacity(output.len());
    let mut blank = true;
    // Where the run of lines copied as they are started, if one is open.
    let mut run: Option<usize> = None;
    let mut pos = 0;
    while pos < output.len() {
        let end =
            memchr::memchr(b'\n', &output.as_bytes()[pos..]).map_or(output.len(), |i| pos + i);
        let raw = &output[pos..end];
        let line = raw.trim_end();
        if !line.is_empty() && line.len() == raw.len() && end < output.len() {
            // Kept with its newline, as part of the run.
            run.get_or_insert(pos);
            blank = false;
        } else {
            if let Some(start) = run.take() {
                out.push_str(&output[start..pos]);
            }
            if line.is_empty() {
                if !blank {
                    out.push('\n');
                }
                blank = true;
            } else {
                out.push_str(line);
                out.push('\n');
                blank = false;
            }
        }
        pos = end + 1;
    }
    if let Some(start) = run {
        out.push_str(&output[start..]);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// [`finish`] a line at a time: Markdown headings spaced, text wrapped.
fn finish_lines(output: &str, format: Format) -> String {
    let mut out = String::with_capacity(output.len() + output.len() / 16);
    let mut blank = true;
    let mut in_fence = false;
    // One line at a time, straight into `out`: a blank line is written
    // only when a line with text follows it.
    let mut push = |line: &str, out: &mut String| {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            return;
        }
        blank = false;
        // A line of at most TEXT_WIDTH bytes is no wider than that: no
        // character takes more columns than its UTF-8 bytes.
        if format == Format::Text
            && line.len() > TEXT_WIDTH
            && wrap::display_width(line) > TEXT_WIDTH
        {
            out.push_str(&wrap_line(line));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    };
    for line in output.lines().map(str::trim_end) {
        let start = line.trim_start();
        let fence = start.starts_with("```") || start.starts_with("~~~");
        let heading = format == Format::Markdown && !in_fence && is_atx_heading(line);
        if fence {
            in_fence = !in_fence;
        }
        if heading {
            push("", &mut out);
        }
        push(line, &mut out);
        if heading {
            push("", &mut out);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// Wraps a long line of a plain-text page at [`TEXT_WIDTH`] columns,
/// indenting continuation lines under list text.
fn wrap_line(line: &str) -> String {
    wrap::first_fit(line, TEXT_WIDTH, &hanging_indent(line))
}

/// The indent of a wrapped line's continuation lines: under the text of a
/// list item ("- ", "12. "), or under the line's own indent.
fn hanging_indent(line: &str) -> String {
    let indent_len = line.len() - line.trim_start().len();
    let rest = &line[indent_len..];
    let marker = if rest.starts_with("- ") {
        2
    } else {
        rest.find(". ")
            .filter(|&i| i > 0 && i <= 3 && rest[..i].chars().all(|c| c.is_ascii_digit()))
            .map_or(0, |i| i + 2)
    };
    " ".repeat(indent_len + marker)
}

/// Texts made of pieces in a pseudo-random order, the same on every run
/// (xorshift), for the tests that compare a fast path with the general
/// one on many inputs.
#[cfg(test)]
pub(crate) struct RandomTexts(u64);

#[cfg(test)]
impl RandomTexts {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// `least` pieces or up to `spread - 1` more, each any of `pieces`.
    pub(crate) fn text(&mut self, pieces: &[&str], least: usize, spread: usize) -> String {
        let count = least + self.below(spread);
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_wrapped_with_hanging_indents() {
        let line = format!("- {}", "word ".repeat(30).trim_end());
        let wrapped = finish(&line, Format::Text);
        for l in wrapped.lines() {
            assert!(l.chars().count() <= TEXT_WIDTH, "{l:?}");
        }
        assert!(
            wrapped
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("  word"))
        );
    }

    #[test]
    fn html_is_tidied_as_line_by_line() {
        const PIECES: &[&str] = &[
            "<p>", "a", "é", " ", "  ", "\t", "\r", "\n", "\n", "\n\n", "\r\n", "\u{a0}",
            "\u{2028}", "\u{3000}", "x\n", "```",
        ];
        let mut random = RandomTexts::new(0x51_7cc1_b727_220a);
        let mut fields: Vec<String> = ["", "\n", "a", "a\n", "\n\na\n\n\nb  \n\n", "a\r\nb"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for _ in 0..50_000 {
            fields.push(random.text(PIECES, 0, 16));
        }
        for field in fields {
            assert_eq!(
                tidy(&field),
                finish_lines(&field, Format::Html),
                "{field:?}"
            );
        }
    }

    #[test]
    fn blank_lines_are_collapsed() {
        assert_eq!(finish("a\n\n\n\nb  \n\n", Format::Markdown), "a\n\nb\n");
    }
}
