//! Hostile input never panics: arbitrary bytes, TOML-ish text made from
//! pieces of real notice syntax, and structurally valid notices with
//! arbitrary strings in every field go through load → validate → view →
//! render (every format, both themes, fragment mode) and the human report.
//!
//! Every diagnostic must have a message and a location inside the file on
//! character boundaries, and every HTML page (and every Markdown page once
//! rendered by a CommonMark renderer that lets raw HTML through) must be
//! inert: no script element, no event handler, no script URL.
//!
//! Also runs every regression input kept from fuzzing
//! (`tests/fixtures/hostile/fuzz/`) and checks the hand-written hostile
//! notices (`tests/fixtures/hostile/*.toml`) render inert and unevaluated.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use miette::{GraphicalReportHandler, GraphicalTheme};
use noticec::check::check_file;
use noticec::check::validate::{Options, validate};
use noticec::diagnostic::Diagnostic;
use noticec::load::load_str;
use noticec::render::view::NoticeView;
use noticec::render::{Format, RenderOptions, Renderer, Theme};
use proptest::prelude::*;

#[path = "common/prose_writers.rs"]
mod prose_writers;
use proptest::test_runner::{Config, FileFailurePersistence};

// ------------------------------------------------------------------ helpers

fn options() -> Options {
    Options::new(jiff::civil::date(2026, 11, 23))
}

/// Plain page, GOV.UK page and GOV.UK fragment.
fn renderers() -> &'static [(&'static str, Renderer)] {
    static RENDERERS: OnceLock<Vec<(&'static str, Renderer)>> = OnceLock::new();
    RENDERERS.get_or_init(|| {
        [
            ("plain", Theme::Plain, false, false),
            ("govuk", Theme::Govuk, false, false),
            ("govuk-fragment", Theme::Govuk, true, false),
            ("cms-fragment", Theme::Plain, true, true),
        ]
        .into_iter()
        .map(|(name, theme, fragment, cms)| {
            let options = RenderOptions {
                theme,
                fragment,
                cms,
                gfm: cms,
                ..RenderOptions::default()
            };
            (name, Renderer::new(options))
        })
        .collect()
    })
}

/// Every diagnostic has a message and, when it concerns a place in the file,
/// a span inside the text on character boundaries (related spans too), and
/// miette can draw it.
fn check_diagnostics(diagnostics: &[Diagnostic], require_span: bool) {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(80)
        .with_links(false)
        .with_context_lines(1);
    for d in diagnostics {
        assert!(!d.message.trim().is_empty(), "empty message: {d:?}");
        let text: &str = &d.file.text;
        let mut spans: Vec<_> = d.related.iter().map(|r| r.span.clone()).collect();
        match &d.span {
            Some(span) => spans.push(span.clone()),
            None => assert!(!require_span, "no location: {}", d.message),
        }
        for span in spans {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "span {span:?} outside the text ({} bytes): {}",
                text.len(),
                d.message
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "span {span:?} not on char boundaries: {}",
                d.message
            );
        }
        let mut out = String::new();
        let _ = handler.render_report(&mut out, &d.as_miette());
    }
}

/// What one pass through the pipeline produced.
#[derive(Default)]
struct Outputs {
    loaded: bool,
    pages: Vec<(String, Format, String)>,
}

/// load → validate → view → render every format with every renderer.
fn pipeline(text: &str) -> Outputs {
    let outcome = load_str(Path::new("case.toml"), text.to_string());
    check_diagnostics(&outcome.diagnostics, true);
    let mut outputs = Outputs::default();
    let Some(loaded) = &outcome.notice else {
        return outputs;
    };
    outputs.loaded = true;
    // The twin is always JSON, whatever the notice holds.
    let twin = noticec::render::twin::to_json(
        &loaded.notice,
        true,
        false,
        jiff::civil::date(2026, 11, 23),
    );
    let parsed: serde_json::Value = serde_json::from_str(&twin).expect("the twin is JSON");
    assert_eq!(parsed["format"], "noticec-notice/1");
    let linked = noticec::render::jsonld::to_jsonld(
        &loaded.notice,
        "https://example.org/n",
        jiff::civil::date(2026, 11, 23),
    );
    let linked: serde_json::Value =
        serde_json::from_str(&linked).expect("the JSON-LD twin is JSON");
    assert_eq!(linked["@type"], "dpv:PrivacyNotice");
    check_diagnostics(&validate(loaded, &options()), true);
    for law_enforcement in [false, true] {
        let view = NoticeView::new(
            &loaded.notice,
            law_enforcement,
            jiff::civil::date(2026, 11, 23),
        );
        for (name, renderer) in renderers() {
            for format in Format::EVERY {
                // The page chrome is the same for every renderer outside
                // HTML, so Markdown and text are rendered once.
                if format != Format::Html && *name != "plain" {
                    continue;
                }
                // The twin is data, not a template: checked below.
                if matches!(format, Format::Json | Format::JsonLd) {
                    continue;
                }
                let page = renderer
                    .render_notice(&view, format)
                    .unwrap_or_else(|e| panic!("built-in template failed: {e:?}"));
                outputs.pages.push((name.to_string(), format, page));
            }
        }
    }
    outputs
}

/// HTML pages, and Markdown pages rendered by a CommonMark renderer that
/// passes raw HTML through, contain nothing that could run script.
fn assert_pages_inert(outputs: &Outputs) {
    for (renderer, format, page) in &outputs.pages {
        match format {
            Format::Html | Format::Jit => assert_inert(page, &format!("{renderer} HTML")),
            Format::Markdown => {
                let mut html = String::new();
                let parser = pulldown_cmark::Parser::new_ext(page, pulldown_cmark::Options::all());
                pulldown_cmark::html::push_html(&mut html, parser);
                assert_inert(&html, "Markdown rendered to HTML");
            }
            Format::Text | Format::Json | Format::JsonLd => {}
        }
    }
}

/// Elements that may run script or load active content; none of our
/// templates emits them.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "img",
    "svg",
    "math",
    "base",
    "form",
    "input",
    "button",
    "meta-refresh",
    "video",
    "audio",
    "source",
    "template",
    "portal",
];

/// Scans every tag of an HTML document: no active element, no `on*`
/// attribute, no URL attribute with a script scheme (after decoding entities
/// and removing what browsers ignore), at most the page's own `<style>`.
fn assert_inert(html: &str, what: &str) {
    let mut styles = 0;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some(comment) = after.strip_prefix("!--") {
                // Skip HTML comments whole.
                rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            } else {
                rest = after;
            }
            continue;
        }
        let (attrs, next) = parse_tag(&after[name.len()..]);
        assert!(
            !ACTIVE_ELEMENTS.contains(&name.as_str()),
            "{what}: active element <{name}> in output:\n{}",
            context(html, rest.len(), lt)
        );
        if name == "style" {
            styles += 1;
        }
        // The <link>s a page may have: its canonical web address, and its
        // machine-readable twins beside it.
        if name == "link" && attrs.iter().any(|(n, v)| n == "rel" && v == "alternate") {
            let href = attrs
                .iter()
                .find(|(n, _)| n == "href")
                .map(|(_, v)| v.as_str())
                .unwrap_or("");
            assert!(
                !href.contains(':') && (href.ends_with(".json") || href.ends_with(".jsonld")),
                "{what}: an alternate <link> that is not a twin beside the page:\n{}",
                context(html, rest.len(), lt)
            );
        } else if name == "link" {
            let attr = |wanted: &str| {
                attrs
                    .iter()
                    .find(|(n, _)| n == wanted)
                    .map(|(_, v)| v.replace("&#x2f;", "/").to_ascii_lowercase())
            };
            assert!(
                attr("rel").as_deref() == Some("canonical")
                    && attr("href")
                        .is_some_and(|h| h.starts_with("https://") || h.starts_with("http://")),
                "{what}: a <link> that is not the canonical address:\n{}",
                context(html, rest.len(), lt)
            );
        }
        if name == "meta" && attrs.iter().any(|(n, _)| n == "http-equiv") {
            panic!("{what}: <meta http-equiv> in output");
        }
        for (attr, value) in &attrs {
            assert!(
                !attr.starts_with("on"),
                "{what}: event handler attribute `{attr}` on <{name}>:\n{}",
                context(html, rest.len(), lt)
            );
            if matches!(
                attr.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "xlink:href"
                    | "data"
                    | "srcdoc"
                    | "poster"
                    | "background"
                    | "ping"
                    | "style"
            ) {
                let decoded: String = decode_entities(value)
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for bad in ["javascript:", "vbscript:", "data:", "livescript:"] {
                    assert!(
                        !decoded.starts_with(bad),
                        "{what}: script URL in {attr}=\"{value}\" on <{name}>"
                    );
                }
                assert!(
                    attr != "style" && attr != "srcdoc",
                    "{what}: `{attr}` attribute from notice text on <{name}>"
                );
            }
        }
        rest = next;
    }
    assert!(styles <= 1, "{what}: {styles} <style> elements");
}

fn context(html: &str, rest_len: usize, lt: usize) -> String {
    let at = html.len() - rest_len + lt;
    let start = html.floor_char_boundary(at.saturating_sub(80));
    let end = html.ceil_char_boundary((at + 160).min(html.len()));
    html[start..end].to_string()
}

/// Attributes (lowercased names, raw values) of a tag and the text after it.
fn parse_tag(s: &str) -> (Vec<(String, String)>, &str) {
    let mut attrs = Vec::new();
    let mut chars = s.char_indices().peekable();
    loop {
        while chars
            .next_if(|(_, c)| c.is_whitespace() || *c == '/')
            .is_some()
        {}
        let Some(&(i, c)) = chars.peek() else {
            return (attrs, "");
        };
        if c == '>' {
            return (attrs, &s[i + 1..]);
        }
        let mut name = String::new();
        while let Some((_, c)) =
            chars.next_if(|(_, c)| !c.is_whitespace() && !matches!(c, '=' | '>' | '/'))
        {
            name.push(c.to_ascii_lowercase());
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '=').is_some() {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            match chars.peek().map(|&(_, c)| c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace() && *c != '>')
                    {
                        value.push(c);
                    }
                }
            }
        }
        if name.is_empty() {
            // A stray character: skip it.
            chars.next();
        } else {
            attrs.push((name, value));
        }
    }
}

/// Decodes the character references a browser would decode in an attribute.
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .unwrap_or(after.len());
        let entity = &after[..end];
        let decoded = if let Some(num) = entity.strip_prefix("#x").or(entity.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = entity.strip_prefix('#') {
            num.parse().ok().and_then(char::from_u32)
        } else {
            match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                let skip = end + usize::from(after[end..].starts_with(';'));
                rest = &after[skip..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------- strategies

/// Strings that have broken out of HTML, Markdown, TOML or templates
/// somewhere.
const HOSTILE: &[&str] = &[
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<xss-probe onclick=alert(1)>",
    "</title><script>alert(1)</script>",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![x](https://x.invalid/a.png\"onerror=\"alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "{{ 7*7 }}",
    "{onclick=alert(1)}",
    "x {#id .c onclick=alert(1)}",
    "{% raw %}",
    "{% endraw %}",
    "{% include '_page.html.j2' %}",
    "{# #}",
    "${7*7}",
    "<!--",
    "-->",
    "<![CDATA[",
    "&lt;script&gt;",
    "&#x3C;script&#x3E;",
    "```",
    "~~~",
    "# heading",
    "| a | b |\n|---|---|\n| <b onclick=x>c</b> | d |",
    "- list\n  - nested",
    "1. one",
    "> quote",
    "\\",
    "\"",
    "'''",
    "\"\"\"",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\r\n",
    "\r",
    "\n\n\n",
    "\t",
    "e\u{301}",
    "👩‍👩‍👧‍👦",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Ω≈ç√∫˜µ≤≥÷",
    "ﷺ",
    "",
    " ",
    "a@b.c",
    "mailto:a@b.c",
    "tel:+441234",
    "https://example.org/a(b)c<d>e f",
    "#anchor",
    "//evil.example",
    "N/A",
    "TBC",
    "Data Protection Act 1998",
];

/// Pieces to build awkward strings from.
const PIECES: &[&str] = &[
    "<",
    ">",
    "\"",
    "'",
    "&",
    "=",
    "/",
    ":",
    "javascript",
    "script",
    "on",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "{{",
    "}}",
    "{%",
    "%}",
    "*",
    "_",
    "`",
    "#",
    "|",
    "!",
    "~",
    "\\",
    "\n",
    "\r",
    "\t",
    " ",
    "\u{0}",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "é",
    "ß",
    "中",
    "🙂",
    "a",
    "1",
    "-",
    ".",
    "http",
    "https://",
    "mailto:",
    "@",
    "%",
    "%00",
    ";",
    "&amp;",
    "&#",
    "x",
    "<p>",
    "</p>",
    "<br>",
    "<a href=",
];

fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "\\PC{0,40}",
        3 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..16).prop_map(|v| v.concat()),
        1 => (prop::sample::select(HOSTILE), 1usize..200).prop_map(|(s, n)| s.repeat(n)),
        1 => (1usize..5_000).prop_map(|n| "x".repeat(n)),
    ]
}

/// Keys from the notice schema, plus near misses.
const KEYS: &[&str] = &[
    "title",
    "language",
    "version",
    "last_updated",
    "review_period_months",
    "summary",
    "url",
    "name",
    "kind",
    "address",
    "email",
    "phone",
    "web_form",
    "ico_registration",
    "established_in_uk",
    "appointed",
    "id",
    "description",
    "special_category",
    "criminal_offence",
    "requirement",
    "consequence",
    "publicly_accessible",
    "lawful_bases",
    "law",
    "legitimate_interests",
    "recognised_interest",
    "special_category_conditions",
    "schedule_1_conditions",
    "appropriate_policy_document",
    "criminal_offence_condition",
    "data_categories",
    "recipients",
    "retention",
    "from_person",
    "other_sources",
    "provision",
    "law_enforcement",
    "direct_marketing",
    "schedule_url",
    "criteria",
    "rules",
    "records",
    "period",
    "trigger",
    "outside_uk",
    "destinations",
    "destination",
    "recipient",
    "mechanism",
    "copy",
    "used",
    "decisions",
    "logic",
    "significance",
    "safeguards",
    "listed",
    "how_to_exercise",
    "how_to_withdraw_consent",
    "free_of_charge",
    "website",
    "body",
    "extends",
    "allow",
    "rule",
    "purpose",
    "reason",
    "titel",
    "lawful_basis",
    "\"quoted key\"",
    "a.b",
    "'literal'",
    "",
];

const HEADERS: &[&str] = &[
    "[notice]",
    "[controller]",
    "[representative]",
    "[dpo]",
    "[[data_categories]]",
    "[[recipients]]",
    "[[purposes]]",
    "[retention]",
    "[[retention.rules]]",
    "[transfers]",
    "[[transfers.destinations]]",
    "[automated_decisions]",
    "[[automated_decisions.decisions]]",
    "[rights]",
    "[complaints]",
    "[complaints.controller]",
    "[complaints.ico]",
    "[[sections]]",
    "[[allow]]",
    "[purposes]",
    "[[notice]]",
    "[notice.title]",
    "[a.b.c]",
    "[",
    "[[",
    "[]",
    "[[purposes.provision]]",
];

const VALUES: &[&str] = &[
    "\"text\"",
    "'literal'",
    "\"\"\"\nmulti\nline\n\"\"\"",
    "'''\nraw\n'''",
    "\"unclosed",
    "'unclosed",
    "\"\"\"unclosed",
    "\"bad \\q escape\"",
    "\"\\u0000\"",
    "\"\\uD800\"",
    "1",
    "-0",
    "+12",
    "0x1F",
    "0o7",
    "0b1",
    "1_000",
    "99999999999999999999",
    "1e400",
    "-1.5",
    "inf",
    "-nan",
    "true",
    "false",
    "True",
    "2026-10-01",
    "2026-13-45",
    "2026-02-30",
    "0000-00-00",
    "1979-05-27T07:32:00Z",
    "07:32:00",
    "2026-10-01T25:00:00",
    "[]",
    "[1, \"a\", true]",
    "[\"public-task\"]",
    "[\"public_task\", \"consent\"]",
    "[[1], [2]]",
    "{}",
    "{ a = 1 }",
    "{ requirement = \"statutory\" }",
    "{ name = \"x\", name = \"y\" }",
    "[",
    "{",
    "=",
    "",
    "\"public-authority\"",
    "\"public-task\"",
    "\"statutory\"",
    "12",
    "0",
    "-12",
    "4294967296",
];

fn toml_fragment() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(KEYS),
        prop::sample::select(VALUES),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(k, v, eq)| {
            if eq {
                format!("{k} = {v}\n")
            } else {
                format!("{k} {v}\n")
            }
        });
    prop_oneof![
        3 => prop::sample::select(HEADERS).prop_map(|h| format!("{h}\n")),
        8 => line,
        2 => (prop::sample::select(KEYS), hostile_string())
            .prop_map(|(k, s)| format!("{k} = {}\n", toml_quote(&s))),
        1 => prop::sample::select(VALUES).prop_map(str::to_owned),
        1 => prop::sample::select(&["\n", "\r\n", "#comment\n", "# é\n", " ", "\t", "\u{feff}", ",", "]", "}", "."][..])
            .prop_map(str::to_owned),
        1 => "\\PC{0,12}",
    ]
}

/// A TOML basic string holding `s` exactly.
fn toml_quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

// --------------------------------------------- structurally valid notices

/// A step on the way to a value in a TOML document.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Keys whose strings are choices from a list: replacing them would make the
/// notice fail to load, which the other strategies cover.
const CHOICE_KEYS: &[&str] = &[
    "kind",
    "lawful_bases",
    "requirement",
    "special_category_conditions",
    "recognised_interest",
    "mechanism",
    "listed",
];

fn base_notice() -> &'static (toml::Table, Vec<Vec<Step>>) {
    static BASE: OnceLock<(toml::Table, Vec<Vec<Step>>)> = OnceLock::new();
    BASE.get_or_init(|| {
        let text =
            std::fs::read_to_string("examples/council-tax.toml").expect("the council tax example");
        let table: toml::Table = toml::from_str(&text).expect("the example parses");
        let mut leaves = Vec::new();
        collect_strings(
            &toml::Value::Table(table.clone()),
            &mut Vec::new(),
            &mut leaves,
        );
        assert!(leaves.len() > 40, "found {} strings", leaves.len());
        (table, leaves)
    })
}

fn collect_strings(value: &toml::Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        toml::Value::String(_) => out.push(path.clone()),
        toml::Value::Table(table) => {
            for (key, value) in table {
                if CHOICE_KEYS.contains(&key.as_str()) {
                    continue;
                }
                path.push(Step::Key(key.clone()));
                collect_strings(value, path, out);
                path.pop();
            }
        }
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                collect_strings(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn set_string(root: &mut toml::Value, path: &[Step], text: String) {
    let mut value = root;
    for step in path {
        value = match (step, value) {
            (Step::Key(k), toml::Value::Table(t)) => t.get_mut(k).expect("key"),
            (Step::Index(i), toml::Value::Array(a)) => &mut a[*i],
            _ => unreachable!("paths come from the same document"),
        };
    }
    *value = toml::Value::String(text);
}

/// The council tax example with the given strings put in place of some of
/// its free-text values (names, titles, prose, URLs, emails, ids …).
fn substituted(substitutions: &[(prop::sample::Index, String)]) -> String {
    let (table, leaves) = base_notice();
    let mut root = toml::Value::Table(table.clone());
    for (index, text) in substitutions {
        let path: &Vec<Step> = index.get(leaves);
        set_string(&mut root, path, text.clone());
    }
    toml::to_string(&root).expect("serialises")
}

fn every_string_replaced(strings: &[String]) -> String {
    let (table, leaves) = base_notice();
    let mut root = toml::Value::Table(table.clone());
    for (path, text) in leaves.iter().zip(strings) {
        set_string(&mut root, path, text.clone());
    }
    toml::to_string(&root).expect("serialises")
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reported with their minimal input; do not write
        // proptest-regressions files into the source tree.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

// ------------------------------------------------------------------- tests

proptest! {
    #![proptest_config(config(1536))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        pipeline(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn toml_ish_text_never_panics(pieces in prop::collection::vec(toml_fragment(), 0..48)) {
        let outputs = pipeline(&pieces.concat());
        assert_pages_inert(&outputs);
    }
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn valid_notices_with_arbitrary_strings_load_and_render_inert(
        substitutions in prop::collection::vec((any::<prop::sample::Index>(), hostile_string()), 1..10)
    ) {
        let text = substituted(&substitutions);
        let outputs = pipeline(&text);
        prop_assert!(outputs.loaded, "a structurally valid notice loads:\n{text}");
        assert_pages_inert(&outputs);
    }

    #[test]
    fn arbitrary_bytes_from_disk_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        // The read path: size limit, binary and UTF-8 detection.
        let dir = scratch_dir();
        let path = dir.join(format!("case-{:?}.toml", std::thread::current().id()));
        std::fs::write(&path, &bytes).expect("write the case");
        let report = check_file(&path, &options());
        check_diagnostics(&report.diagnostics, false);
        prop_assert!(!bytes.iter().all(u8::is_ascii_whitespace) || !report.diagnostics.is_empty());
    }
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn every_string_replaced_at_once(
        strings in prop::collection::vec(hostile_string(), base_notice().1.len())
    ) {
        let text = every_string_replaced(&strings);
        let outputs = pipeline(&text);
        prop_assert!(outputs.loaded, "a structurally valid notice loads:\n{text}");
        assert_pages_inert(&outputs);
    }
}

fn scratch_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("noticec-no-panic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    })
}

/// Every input kept from fuzzing (crashes once found, and a minimised
/// corpus) goes through the whole pipeline, from the file (read path) and
/// from memory.
#[test]
fn fuzz_regressions_never_panic() {
    let dir = Path::new("tests/fixtures/hostile/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/fixtures/hostile/fuzz exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the fuzz corpus is kept");
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let report = check_file(path, &options());
        check_diagnostics(&report.diagnostics, false);
        let outputs = pipeline(&String::from_utf8_lossy(&bytes));
        assert_pages_inert(&outputs);
    }
    println!("{} fuzz regression inputs passed", files.len());
}

fn hostile_fixtures() -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/hostile")
        .expect("tests/fixtures/hostile")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the hostile notices are there");
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p, text)
        })
        .collect()
}

/// The hand-written hostile notices load, and every page made from them is
/// inert; template syntax is printed, never evaluated.
#[test]
fn hostile_notices_render_inert_and_unevaluated() {
    for (path, text) in hostile_fixtures() {
        let outputs = pipeline(&text);
        assert!(outputs.loaded, "{} loads", path.display());
        assert_pages_inert(&outputs);
        for (renderer, format, page) in &outputs.pages {
            assert!(
                !page.contains("Council tax 49") && !page.contains("This notice 49"),
                "{}: template syntax was evaluated in {renderer} {format:?}",
                path.display()
            );
        }
    }
    let (_, text) = hostile_fixtures()
        .into_iter()
        .find(|(p, _)| p.ends_with("templates.toml"))
        .expect("templates.toml");
    let outputs = pipeline(&text);
    for (renderer, format, page) in &outputs.pages {
        // A fragment has no title: the CMS page around it has one.
        if renderer.contains("fragment") && matches!(format, Format::Html | Format::Jit) {
            continue;
        }
        let expected = match format {
            Format::Markdown => "Council tax \\{\\{ 7\\*7 \\}\\} notice \\{% raw %\\}",
            _ => "Council tax {{ 7*7 }} notice {% raw %}",
        };
        assert!(
            page.contains(expected),
            "{renderer} {format:?}: the title is not printed as written"
        );
    }
}

/// Plain-text output keeps notice text as written: markup is not escaped,
/// stripped or evaluated there.
#[test]
fn hostile_text_is_unchanged_in_plain_text() {
    let (_, text) = hostile_fixtures()
        .into_iter()
        .find(|(p, _)| p.ends_with("markup.toml"))
        .expect("markup.toml");
    let outputs = pipeline(&text);
    let (_, _, page) = outputs
        .pages
        .iter()
        .find(|(_, f, _)| *f == Format::Text)
        .expect("a text page");
    for expected in [
        "Council tax \"><script>alert(\"title\")</script> notice",
        "Example <b>Borough</b> Council '><svg onload=alert(1)>",
        "Household </title></head><body onload=alert(6)>",
    ] {
        assert!(page.contains(expected), "{expected:?} not in the text page");
    }
}

/// A sanity check of the inertness checker itself.
#[test]
fn the_inert_check_catches_script() {
    for bad in [
        "<p>x</p><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" java&#x09;script&colon;alert(1)\">x</a>",
        "<a href='data:text/html,x'>x</a>",
        "<p class=x onclick=\"alert(1)\">x</p>",
        "<div><IMG SRC=x OnError=alert(1)></div>",
        "<p><svg/onload=alert(1)></p>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_inert(bad, "test")).is_err();
        assert!(caught, "not caught: {bad}");
    }
    assert_inert(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://x.org/?a=javascript:\">ok</a></p>",
        "test",
    );
}

/// Very long strings in every field at once: one word of 10,000 letters
/// (which cannot be wrapped) and 2,000 words of prose.
#[test]
fn very_long_strings_in_every_field() {
    let count = base_notice().1.len();
    for long in ["x".repeat(10_000), "word ".repeat(2_000)] {
        let started = std::time::Instant::now();
        let text = every_string_replaced(&vec![long; count]);
        let outputs = pipeline(&text);
        assert!(outputs.loaded);
        assert_pages_inert(&outputs);
        println!(
            "{} bytes of notice through the pipeline in {:?}",
            text.len(),
            started.elapsed()
        );
    }
}

/// The binary never exits with 101 (a panic) on any hostile or broken
/// input, with `check --format json` (whose output must parse) and with
/// `build --allow-errors` into every format and both themes.
#[test]
fn the_binary_never_panics_on_hostile_files() {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [
        "tests/fixtures/hostile",
        "tests/fixtures/hostile/fuzz",
        "tests/fixtures/broken",
    ] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("fixture folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
            .collect();
        found.sort();
        files.extend(found);
    }
    let binary = env!("CARGO_BIN_EXE_noticec");
    let output = std::process::Command::new(binary)
        .arg("check")
        .args(&files)
        .args(["--format", "json"])
        .env("NOTICEC_TODAY", "2026-11-23")
        .output()
        .expect("run noticec check");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "check exited with {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("check --format json prints JSON");
    let reported = json["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["kind"] == "notice")
        .count();
    assert_eq!(reported, files.len(), "every file is reported");

    // Build a copy of every file (named *.toml so the folder search finds
    // it) into every format with both themes.
    let dir = scratch_dir().join("build-src");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("build dir");
    for (i, file) in files.iter().enumerate() {
        // Extending fixtures refer to their neighbours; skip them here.
        if file.to_string_lossy().contains("extends-") {
            continue;
        }
        std::fs::copy(file, dir.join(format!("case-{i:04}.toml"))).expect("copy");
    }
    for theme in ["plain", "govuk"] {
        let out = scratch_dir().join(format!("build-out-{theme}"));
        let output = std::process::Command::new(binary)
            .arg("build")
            .arg(&dir)
            .arg("--out")
            .arg(&out)
            .args(["--allow-errors", "--theme", theme])
            .env("NOTICEC_TODAY", "2026-11-23")
            .output()
            .expect("run noticec build");
        let code = output.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "build --theme {theme} exited with {code:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut pages = 0;
        for entry in std::fs::read_dir(&out).expect("output").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "html") {
                let html = std::fs::read_to_string(&path).expect("page");
                assert_inert(&html, &path.display().to_string());
                pages += 1;
            }
        }
        assert!(pages > 0, "some pages were built");
    }
    println!("{} files through the binary", files.len());
}

/// Markdown's own syntax, for prose that opens and closes constructs.
const MARKDOWN_PIECES: &[&str] = &[
    "- ",
    "* ",
    "1. ",
    "> ",
    "# ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "```",
    "~~~",
    "`",
    "*",
    "**",
    "_",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "[x]: ",
    "javascript:alert(1)",
    "https://ico.org.uk",
    "<",
    ">",
    "<b>",
    "</b>",
    "<script>",
    "&#106;",
    "&amp;",
    "\\",
    "|",
    "---",
    "===",
    "!",
    "x",
    "word ",
    "<dpo@x.gov.uk>",
    "<https://x.org>",
];

proptest! {
    #![proptest_config(config(2048))]

    /// The properties the `prose` fuzz target checks, on Markdown-shaped
    /// text: no panic, bounded output, and Markdown that stays in its field.
    #[test]
    fn prose_writers_keep_their_properties(
        pieces in prop::collection::vec(prop::sample::select(MARKDOWN_PIECES), 0..40)
    ) {
        prose_writers::check_prose_writers(&pieces.concat());
    }
}
