//! Pages a council can publish as they are (issue 15): fragments for a
//! CMS, drafts marked as drafts, CommonMark, headings in order, and
//! nothing generated that the notice does not support.

use std::path::{Path, PathBuf};
use std::process::Command;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("noticec-pages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn noticec(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_noticec"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("noticec runs")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `href` value in an HTML text (with `&#x2f;` decoded).
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&#x2f;", "/").replace("&amp;", "&"))
        .collect()
}

/// Builds the model council into `out`; it has no errors, so the build succeeds.
fn build_model_council(out: &Path, extra: &[&str]) {
    let out = out.to_string_lossy().into_owned();
    let mut args = vec![
        "build",
        "--config",
        "examples/model-council/noticec.toml",
        "--out",
        &out,
    ];
    args.extend_from_slice(extra);
    let built = noticec(&args);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
}

fn html_pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("site")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(
        pages.len() >= 7,
        "the model council's pages and index: {pages:?}"
    );
    pages
}

#[test]
fn the_model_council_fragment_has_no_h1_and_no_relative_link() {
    let out = temp_dir("fragment");
    build_model_council(&out, &["--fragment", "--format", "html"]);
    for page in html_pages(&out) {
        let html = read(&page);
        assert!(!html.contains("<h1"), "{} has an <h1>", page.display());
        for href in hrefs(&html) {
            assert!(
                ["https://", "mailto:", "tel:", "#"]
                    .iter()
                    .any(|scheme| href.starts_with(scheme)),
                "{} links to {href}, which does not work from a CMS page",
                page.display()
            );
        }
    }
    // The corporate notice links to the service notices by their addresses.
    let corporate = read(&out.join("corporate.html"));
    assert!(
        hrefs(&corporate)
            .contains(&"https://www.modelborough.gov.uk/privacy/council-tax".to_string())
    );
}

/// Drupal's "Basic HTML" text format (the standard profile's
/// `filter_html` allow-list, which LocalGov Drupal keeps), without images.
fn drupal_basic_html(html: &str) -> String {
    use std::collections::{HashMap, HashSet};
    let tags = HashSet::from([
        "br",
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "cite",
        "dl",
        "dt",
        "dd",
        "a",
        "blockquote",
        "ul",
        "ol",
        "strong",
        "em",
        "code",
        "li",
    ]);
    let ids = HashSet::from(["id"]);
    let attributes = HashMap::from([
        ("h2", ids.clone()),
        ("h3", ids.clone()),
        ("h4", ids.clone()),
        ("h5", ids.clone()),
        ("h6", ids),
        ("a", HashSet::from(["href", "hreflang"])),
        ("blockquote", HashSet::from(["cite"])),
        ("ul", HashSet::from(["type"])),
        ("ol", HashSet::from(["start", "type"])),
    ]);
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(attributes)
        .generic_attributes(HashSet::new())
        .link_rel(None)
        .clean(html)
        .to_string()
}

#[test]
fn the_cms_fragment_comes_through_a_cms_filter_unchanged() {
    let out = temp_dir("cms");
    build_model_council(&out, &["--fragment=cms", "--format", "html"]);
    for page in html_pages(&out) {
        let html = read(&page);
        let filtered = drupal_basic_html(&html);
        assert_eq!(
            filtered.trim(),
            html.trim(),
            "{}: the CMS filter changed the fragment",
            page.display()
        );
        assert!(!html.contains("class="), "{}", page.display());
        assert!(!html.contains("<h1"), "{}", page.display());
    }
    // The objection block is still set apart: its own heading, its text in bold.
    let council_tax = read(&out.join("council-tax.html"));
    let after = council_tax
        .split("<h3 id=\"right-to-object\">Your right to object</h3>")
        .nth(1)
        .expect("the objection block has its own heading");
    assert!(
        after.trim_start().starts_with("<p><strong>You can object"),
        "{}",
        &after[..200.min(after.len())]
    );
}

const BROKEN: &str = r#"
[notice]
title = "Broken notice"
url = "https://www.example-council.gov.uk/privacy/broken"

[controller]
name = "Example Borough Council"
email = "dp@example-council.gov.uk"

[[purposes]]
id = "billing"
name = "Billing"
"#;

#[test]
fn a_page_built_with_errors_says_draft_in_every_format() {
    let dir = temp_dir("draft");
    let notice = dir.join("broken.toml");
    std::fs::write(&notice, BROKEN).expect("write");
    let out = dir.join("site");
    let built = noticec(&[
        "build",
        &notice.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--allow-errors",
        "--format",
        "html,md,txt,jit",
    ]);
    assert_eq!(built.status.code(), Some(1), "errors, published anyway");
    for (file, banner) in [
        ("broken.html", "Draft — not ready to publish."),
        ("broken.md", "**Draft — not ready to publish.**"),
        ("broken.txt", "DRAFT — NOT READY TO PUBLISH."),
        ("broken.jit.html", "Draft — not ready to publish."),
    ] {
        let page = read(&out.join(file));
        assert!(page.contains(banner), "{file} does not say it is a draft");
    }
    assert!(read(&out.join("broken.html")).contains("<title>Draft: Broken notice</title>"));
}

#[test]
fn a_page_without_errors_is_not_a_draft() {
    let out = temp_dir("clean");
    let built = noticec(&[
        "build",
        "examples/council-tax.toml",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    for file in ["council-tax.html", "council-tax.md", "council-tax.txt"] {
        let page = read(&out.join(file));
        assert!(
            !page.contains("Draft —") && !page.contains("DRAFT"),
            "{file}"
        );
    }
}

/// Renders one notice in one format through the library.
fn render(
    text: &str,
    format: noticec::render::Format,
    options: noticec::render::RenderOptions,
) -> String {
    let outcome = noticec::load::load_str(Path::new("case.toml"), text.to_string());
    let loaded = outcome.notice.expect("the notice loads");
    let view = noticec::render::view::NoticeView::new(
        &loaded.notice,
        false,
        jiff::civil::date(2026, 11, 23),
    );
    noticec::render::Renderer::new(options)
        .render_notice(&view, format)
        .expect("renders")
}

#[test]
fn pages_say_requests_are_free_only_when_the_notice_does() {
    use noticec::render::{Format, RenderOptions};
    let example = read(Path::new("examples/council-tax.toml"));
    assert!(example.contains("free_of_charge = true"));
    let silent = example.replace("free_of_charge = true", "");
    for format in Format::ALL {
        let said = render(&example, format, RenderOptions::default());
        assert!(said.contains("There is no charge"), "{format:?}");
        assert!(said.contains("Requests are free"), "{format:?}");
        let unsaid = render(&silent, format, RenderOptions::default());
        assert!(!unsaid.contains("There is no charge"), "{format:?}");
        assert!(!unsaid.contains("Requests are free"), "{format:?}");
    }
}

#[test]
fn the_glance_never_names_a_schedule_the_notice_does_not_have() {
    use noticec::render::{Format, RenderOptions};
    let notice = r#"
[notice]
title = "T"
[controller]
name = "Example Borough Council"
[[purposes]]
id = "a"
name = "Answering enquiries"
lawful_bases = ["public-task"]
[retention]
criteria = "We keep enquiries until we have answered them."
"#;
    let page = render(notice, Format::Markdown, RenderOptions::default());
    assert!(!page.contains("retention schedule"), "{page}");
    assert!(
        page.contains("**How long we keep it**: Only as long as we need it"),
        "{page}"
    );
}

#[test]
fn markdown_is_commonmark_unless_gfm_is_asked_for() {
    use noticec::render::{Format, RenderOptions};
    let example = read(Path::new("examples/council-tax.toml"));
    let commonmark = render(&example, Format::Markdown, RenderOptions::default());
    assert!(
        !commonmark.lines().any(|l| l.starts_with('|')),
        "a pipe table in CommonMark"
    );
    assert!(
        commonmark.contains("- **Council tax accounts"),
        "the retention rules as a list"
    );
    let gfm = RenderOptions {
        gfm: true,
        ..RenderOptions::default()
    };
    let gfm = render(&example, Format::Markdown, gfm);
    assert!(gfm.contains("| Records | How long we keep them |"));
}

#[test]
fn what_follows_the_objection_block_has_a_heading_of_its_own() {
    use noticec::render::{Format, RenderOptions};
    let example = read(Path::new("examples/council-tax.toml"));
    let md = render(&example, Format::Markdown, RenderOptions::default());
    let object = md.find("### Your right to object").expect("objection");
    let using = md
        .find("### How to use your rights")
        .expect("a heading after it");
    let free = md.find("There is no charge").expect("free of charge");
    assert!(object < using && using < free, "{md}");
    // Nothing but the objection text between its heading and the next one.
    let between = &md[object..using];
    assert_eq!(between.matches("\n\n").count(), 2, "{between}");
}

#[test]
fn text_gives_the_address_of_the_notice() {
    use noticec::render::{Format, RenderOptions};
    let example = read(Path::new("examples/council-tax.toml"));
    let text = render(&example, Format::Text, RenderOptions::default());
    assert!(
        text.contains("This notice is published at https://"),
        "{text}"
    );
    assert!(text.contains("Our data protection officer\n~~~"), "{text}");
}
