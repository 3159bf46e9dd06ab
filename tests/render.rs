//! What readers see: every example rendered in every format, both themes and
//! fragment mode (snapshots), and hostile prose coming out inert.

use std::path::{Path, PathBuf};

use noticec::load::load_str;
use noticec::render::view::NoticeView;
use noticec::render::{Format, RenderOptions, Renderer, Theme};

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["examples", "examples/seeds", "examples/corrected"]
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flat_map(|entries| entries.flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the examples are there");
    files
}

fn render(text: &str, format: Format, options: RenderOptions) -> String {
    let outcome = load_str(Path::new("case.toml"), text.to_string());
    let loaded = outcome.notice.expect("the notice loads");
    let view = NoticeView::new(&loaded.notice, false, jiff::civil::date(2026, 11, 23));
    Renderer::new(options)
        .render_notice(&view, format)
        .expect("renders")
}

fn snapshot_name(path: &Path, suffix: &str) -> String {
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match parent.as_deref() {
        Some("examples") | None => format!("{stem}.{suffix}"),
        Some(dir) => format!("{dir}-{stem}.{suffix}"),
    }
}

#[test]
fn every_example_in_every_format() {
    for path in examples() {
        let text = std::fs::read_to_string(&path).expect("example");
        for format in Format::ALL {
            let output = render(&text, format, RenderOptions::default());
            insta::assert_snapshot!(snapshot_name(&path, format.extension()), output);
        }
        let govuk = RenderOptions {
            theme: Theme::Govuk,
            ..RenderOptions::default()
        };
        insta::assert_snapshot!(
            snapshot_name(&path, "govuk.html"),
            render(&text, Format::Html, govuk)
        );
        let fragment = RenderOptions {
            fragment: true,
            ..RenderOptions::default()
        };
        insta::assert_snapshot!(
            snapshot_name(&path, "fragment.html"),
            render(&text, Format::Html, fragment)
        );
        let cms = RenderOptions {
            cms: true,
            ..RenderOptions::default()
        };
        insta::assert_snapshot!(
            snapshot_name(&path, "cms.html"),
            render(&text, Format::Html, cms)
        );
        insta::assert_snapshot!(
            snapshot_name(&path, "jit.html"),
            render(&text, Format::Jit, RenderOptions::default())
        );
    }
}

#[test]
fn the_model_council_in_every_format() {
    let dir = Path::new("examples/model-council/notices");
    let mut notices: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("model council")
        .flatten()
        .map(|e| e.path())
        .collect();
    notices.sort();
    let renderer = Renderer::new(RenderOptions::default());
    for path in notices {
        let outcome =
            noticec::load::resolve::load_resolved(&path, &Default::default(), &Default::default());
        let loaded = outcome.notice.expect("the notice and its parts load");
        let view = NoticeView::new(&loaded.notice, false, jiff::civil::date(2026, 11, 23));
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        for format in Format::ALL {
            let output = renderer.render_notice(&view, format).expect("renders");
            insta::assert_snapshot!(
                format!("model-council-{stem}.{}", format.extension()),
                output
            );
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    let text = std::fs::read_to_string("examples/council-tax.toml").expect("example");
    for format in Format::ALL {
        assert_eq!(
            render(&text, format, RenderOptions::default()),
            render(&text, format, RenderOptions::default())
        );
    }
}

#[test]
fn text_output_fits_80_columns() {
    for path in examples() {
        let text = std::fs::read_to_string(&path).expect("example");
        let output = render(&text, Format::Text, RenderOptions::default());
        for line in output.lines() {
            // A single word longer than the width (a long URL) cannot be wrapped.
            if line.contains(' ') || line.trim_start().starts_with('-') {
                let width = line.chars().count();
                assert!(
                    width <= 80 || !line.trim().contains(' '),
                    "{}: line of {width} columns: {line:?}",
                    path.display()
                );
            }
        }
    }
}

/// Puts `payload` into a title, a name and several prose fields.
fn hostile(payload: &str) -> String {
    let base = std::fs::read_to_string("examples/council-tax.toml").expect("example");
    let quoted = payload.replace('\\', "\\\\").replace('"', "\\\"");
    base.replace(
        "title = \"Council tax privacy notice\"",
        &format!("title = \"Council tax {quoted}\""),
    )
    .replace(
        "name = \"Department for Work and Pensions\"",
        &format!("name = \"DWP {quoted}\""),
    )
    .replace(
        "description = \"We work out who must pay, send bills and take payments.\"",
        &format!("description = \"We work out who must pay. {quoted}\""),
    )
    .replace(
        "Read more on [the National Fraud Initiative]",
        &format!("{payload}\n\nRead more on [the National Fraud Initiative]"),
    )
}

/// What a standard CommonMark renderer makes of Markdown output, so the
/// tests judge it as a reader's browser would.
fn markdown_to_html(md: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    html
}

/// Asserts that no markup, handler or unsafe link can run in `html`.
fn assert_inert(html: &str, context: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "href=\"javascript:",
        "href=\"data:",
        "src=\"",
    ] {
        assert!(!lower.contains(bad), "{context}: found {bad} in\n{html}");
    }
}

#[test]
fn script_tags_are_inert() {
    let text = hostile("<script>alert(1)</script>");
    let html = render(&text, Format::Html, RenderOptions::default());
    assert_inert(&html, "html");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is kept, escaped"
    );
    let md = render(&text, Format::Markdown, RenderOptions::default());
    let from_md = markdown_to_html(&md);
    assert_inert(&from_md, "markdown");
    assert!(
        from_md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "markdown keeps the words"
    );
    let txt = render(&text, Format::Text, RenderOptions::default());
    assert!(
        txt.contains("<script>alert(1)</script>"),
        "plain text keeps the words as they are"
    );
}

#[test]
fn event_handler_attributes_are_inert() {
    let text = hostile("<img src=x onerror=alert(1)>");
    for theme in [Theme::Plain, Theme::Govuk] {
        let html = render(
            &text,
            Format::Html,
            RenderOptions {
                theme,
                ..RenderOptions::default()
            },
        );
        assert_inert(&html, "html");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
    let md = render(&text, Format::Markdown, RenderOptions::default());
    assert_inert(&markdown_to_html(&md), "markdown");
}

#[test]
fn javascript_links_are_inert() {
    let text =
        hostile("[click](javascript:alert(1)) [data](data:text/html,hi) [ok](https://ico.org.uk)");
    let html = render(&text, Format::Html, RenderOptions::default());
    assert_inert(&html, "html");
    assert!(
        html.contains("<a href=\"https://ico.org.uk\">ok</a>"),
        "safe links survive"
    );
    let md = render(&text, Format::Markdown, RenderOptions::default());
    assert_inert(&markdown_to_html(&md), "markdown");
    let txt = render(&text, Format::Text, RenderOptions::default());
    assert!(
        !txt.contains("(javascript:alert(1))") || txt.contains("[click](javascript:alert(1))"),
        "prose links lose unsafe targets"
    );
    // A javascript: address in a link field is dropped too.
    let text = std::fs::read_to_string("examples/council-tax.toml")
        .expect("example")
        .replace("https://www.borough.gov.uk/contact", "javascript:alert(1)");
    for format in Format::ALL {
        let output = render(&text, format, RenderOptions::default());
        assert!(!output.contains("javascript:"), "{format:?}: {output}");
    }
}

#[test]
fn template_syntax_in_content_is_not_evaluated() {
    let text = hostile("{{ 7*7 }} {% if true %}yes{% endif %}");
    let html = render(&text, Format::Html, RenderOptions::default());
    let md = markdown_to_html(&render(&text, Format::Markdown, RenderOptions::default()));
    let txt = render(&text, Format::Text, RenderOptions::default());
    for (format, output) in [("html", html), ("markdown", md), ("text", txt)] {
        assert!(
            output.contains("{{ 7*7 }}"),
            "{format} keeps the text as written"
        );
        assert!(
            output.contains("{% if true %}yes{% endif %}"),
            "{format} keeps the text as written"
        );
        assert!(!output.contains("49"), "{format} did not evaluate it");
    }
}

/// Renders a notice as plain text on a date.
fn text_on(text: &str, date: jiff::civil::Date) -> String {
    let outcome = load_str(Path::new("case.toml"), text.to_string());
    let loaded = outcome.notice.expect("the notice loads");
    let view = NoticeView::new(&loaded.notice, false, date);
    Renderer::new(RenderOptions::default())
        .render_notice(&view, Format::Text)
        .expect("renders")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const COUNCIL_TAX: &str = include_str!("../examples/council-tax.toml");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 23)
}

#[test]
fn rights_are_derived_per_purpose_and_keep_each_limit() {
    // A consent purpose beside legal-obligation and public-task purposes.
    let text = format!(
        "{COUNCIL_TAX}\n[[purposes]]\nid = \"newsletter\"\nname = \"Sending our council tax newsletter\"\nlawful_bases = [\"consent\"]\nrecipients = []\nretention = \"council-tax-accounts\"\nfrom_person = true\nother_sources = []\nprovision = {{ requirement = \"voluntary\" }}\n"
    );
    let page = text_on(&text, today());
    // Erasure stays limited for the purposes that are not consent.
    assert!(page.contains("we cannot delete information where keeping it is necessary to meet a legal obligation or to carry out our public tasks (UK GDPR Art. 17(3)(b))"), "{page}");
    assert!(
        page.contains("For “Billing and collecting council tax”"),
        "{page}"
    );
    assert!(
        !page.contains("For “Sending our council tax newsletter”, we cannot"),
        "{page}"
    );
    // Portability and withdrawal apply to the consent purpose only, with
    // portability's conditions.
    assert!(page.contains("The right to data portability (UK GDPR Art. 20), for “Sending our council tax newsletter”"), "{page}");
    assert!(
        page.contains("only to information you provided to us"),
        "{page}"
    );
    assert!(page.contains("The right to withdraw consent (UK GDPR Art. 7(3)), for “Sending our council tax newsletter”"), "{page}");
}

#[test]
fn the_objection_block_is_built_from_the_grounds_present() {
    let page = text_on(COUNCIL_TAX, today());
    // Public task is present: Art. 21(1), with its test and the legal-claims ground.
    assert!(
        page.contains("on grounds relating to your particular situation"),
        "{page}"
    );
    assert!(page.contains("to carry out our public tasks"), "{page}");
    assert!(
        page.contains("establish, exercise or defend legal claims"),
        "{page}"
    );
    // No purpose is direct marketing, and none relies on legitimate interests.
    assert!(!page.contains("direct marketing"), "{page}");
    assert!(!page.contains("legitimate interests"), "{page}");

    // Only legal obligations: no right to object at all.
    let obligations = COUNCIL_TAX.replace("\"public-task\"", "\"legal-obligation\"");
    let page = text_on(&obligations, today());
    assert!(!page.contains("right to object"), "{page}");

    // A direct-marketing purpose adds the absolute right, and only then.
    let marketing = format!(
        "{obligations}\n[[purposes]]\nname = \"Telling you about council events\"\nlawful_bases = [\"consent\"]\ndirect_marketing = true\nrecipients = []\nretention = \"council-tax-accounts\"\nfrom_person = true\nother_sources = []\n"
    );
    let page = text_on(&marketing, today());
    assert!(
        page.contains(
            "You can object at any time to our using your information for direct marketing"
        ),
        "{page}"
    );
    assert!(!page.contains("particular situation"), "{page}");
}

#[test]
fn the_regulator_is_named_as_it_was_on_the_build_date() {
    let before = text_on(COUNCIL_TAX, jiff::civil::date(2026, 9, 29));
    let after = text_on(COUNCIL_TAX, jiff::civil::date(2026, 9, 30));
    assert!(
        before.contains("the regulator, the Information Commissioner's Office (ICO)"),
        "{before}"
    );
    assert!(
        after.contains("the regulator, the Information Commission (ICO)"),
        "{after}"
    );
    // No complaint precondition, and no postal address nobody has confirmed.
    for page in [&before, &after] {
        assert!(!page.contains("complain to us first"), "{page}");
        assert!(!page.contains("Wycliffe House"), "{page}");
        assert!(page.contains("0303 123 1113"), "{page}");
    }
}

#[test]
fn control_and_bidi_characters_never_reach_a_page_or_a_terminal() {
    // An escape sequence in the title and a right-to-left override in a
    // purpose name: a finding (E010), stripped from every output, escaped in
    // every diagnostic.
    let text = COUNCIL_TAX
        .replace(
            "title = \"Council tax privacy notice\"",
            "title = \"Council tax \\u001b[2J\\u001b[HALL CHECKS PASSED\\u0007\"",
        )
        .replace(
            "name = \"Billing and collecting council tax\"",
            "name = \"Billing \u{202e}gnillib\"",
        );
    let outcome = load_str(Path::new("case.toml"), text.clone());
    let e010 = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "E010")
        .count();
    assert_eq!(e010, 2, "{:?}", outcome.diagnostics);
    let loaded = outcome.notice.expect("still loads");
    let view = NoticeView::new(&loaded.notice, false, today());
    for theme in [Theme::Plain, Theme::Govuk] {
        for format in Format::ALL {
            let page = Renderer::new(RenderOptions {
                theme,
                ..RenderOptions::default()
            })
            .render_notice(&view, format)
            .expect("renders");
            assert!(
                !page.chars().any(noticec::model::forms::is_unsafe_char),
                "{format:?} keeps an unsafe character"
            );
            assert!(page.contains("ALL CHECKS PASSED"), "the visible text stays");
        }
    }
    // The diagnostics show the characters as escapes, never raw.
    let reports = noticec::check::check_files(
        &[write_temp("control.toml", &text)],
        &noticec::check::Options::new(today()),
    );
    for output in [
        noticec::report::human::render(&reports, noticec::report::human::Style::plain()),
        noticec::report::concise::render(&reports),
        noticec::report::github::render(&reports),
    ] {
        assert!(
            !output.chars().any(noticec::model::forms::is_unsafe_char),
            "{output}"
        );
    }
}

fn write_temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("noticec-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}
