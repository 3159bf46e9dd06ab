//! Bilingual notices (issue 16): the Welsh council example passes, its
//! Welsh pages have no English fixed text and link to the English ones both
//! ways, and a Welsh version that drifts from its original is found, with
//! both files named.

use std::path::{Path, PathBuf};

mod common;

use common::{copy_tree, edit, noticec};

fn project(name: &str) -> PathBuf {
    let dir = common::temp_dir("translation", name);
    copy_tree(Path::new("examples/welsh-council"), &dir);
    dir
}

/// `noticec check` of the project, as concise lines.
fn check(dir: &Path) -> (i32, String) {
    let (code, stdout, stderr) = noticec(dir, &["check", "--format", "concise"]);
    assert!(code <= 1, "{stderr}");
    (code, stdout)
}

#[test]
fn the_welsh_council_example_passes_with_no_warnings() {
    let (code, stdout, stderr) = noticec(
        Path::new("."),
        &[
            "check",
            "--config",
            "examples/welsh-council/noticec.toml",
            "--deny-warnings",
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// The English catalogue's messages without arguments, as (id, text),
/// from the catalogue file itself.
fn english_messages() -> Vec<(String, String)> {
    let text = std::fs::read_to_string("locales/en-GB.ftl").expect("catalogue");
    text.lines()
        .filter_map(|line| {
            let (id, value) = line.split_once(" = ")?;
            let id = id.trim();
            let valid = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            (valid && !value.contains('{')).then(|| (id.to_string(), value.trim().to_string()))
        })
        .collect()
}

fn build(dir: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("out");
    let mut args = vec!["build", "--out", "out"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = noticec(dir, &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn welsh_pages_have_no_english_fixed_text() {
    let dir = project("fixed-text");
    let out = build(&dir, &[]);
    let english = english_messages();
    assert!(english.len() > 100, "{}", english.len());
    for page in ["cy/council-tax", "cy/corporate"] {
        for extension in ["html", "md", "txt"] {
            let text = read(&out.join(format!("{page}.{extension}")));
            // HTML escapes apostrophes; compare the words people read.
            let text = text.replace("&#x27;", "'").replace("&quot;", "\"");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for (id, message) in &english {
                // One-word messages ("Records", "Post") could be names.
                if message.split_whitespace().count() < 2 || id == "language-name" {
                    continue;
                }
                assert!(
                    !text.contains(message.as_str()),
                    "{page}.{extension} has the English `{id}`: {message:?}"
                );
            }
        }
    }
    // The regulator has no Welsh name since it became the Information
    // Commission: the English name appears only marked as English.
    let welsh = read(&out.join("cy/council-tax.html"));
    let named = welsh.matches("Information Commission").count();
    let marked = welsh
        .matches("<span lang=\"en-GB\">Information Commission</span>")
        .count();
    assert!(
        named >= 1 && named == marked,
        "{named} named, {marked} marked"
    );
    // Welsh periods are read like English ones: the glance compares them.
    assert!(
        welsh.contains("6 blynedd; mae"),
        "the Welsh glance compares periods"
    );
    // The same English pages do have them (the test can fail).
    let english_page = read(&out.join("en/council-tax.html"));
    assert!(english_page.contains("Why we use your information"));
}

#[test]
fn the_two_versions_link_to_each_other() {
    let dir = project("links");
    let out = build(&dir, &[]);
    let welsh = read(&out.join("cy/council-tax.html"));
    let english = read(&out.join("en/council-tax.html"));
    assert!(welsh.contains("<html lang=\"cy\">"), "{welsh}");
    assert!(english.contains("<html lang=\"en-GB\">"));
    // In the head, to the published page of the other language …
    assert!(welsh.contains(
        "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"https:&#x2f;&#x2f;www.modelcounty.gov.wales&#x2f;privacy&#x2f;council-tax\">"
    ));
    assert!(english.contains("<link rel=\"alternate\" hreflang=\"cy\""));
    // … and a visible link at the top, in the other language.
    assert!(welsh.contains(
        "<a href=\"..&#x2f;en&#x2f;council-tax.html\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"
    ));
    assert!(english.contains(
        "<a href=\"..&#x2f;cy&#x2f;council-tax.html\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"
    ));
    // Text and Markdown say where the other version is.
    let text = read(&out.join("cy/council-tax.txt"));
    assert!(text.contains("English: https://www.modelcounty.gov.wales/privacy/council-tax"));
    let markdown = read(&out.join("en/council-tax.md"));
    assert!(
        markdown.contains("Cymraeg: [https://www.modelcounty.gov.wales/cy/privacy/council-tax]")
    );
    // An index per language, each linking to the other.
    let index_cy = read(&out.join("index.cy.html"));
    assert!(index_cy.contains("<html lang=\"cy\">"));
    assert!(index_cy.contains("Hysbysiadau preifatrwydd Cyngor Bwrdeistref Sirol Model"));
    assert!(index_cy.contains("cy&#x2f;council-tax.html"));
    assert!(!index_cy.contains("en&#x2f;council-tax.html"));
    assert!(index_cy.contains("hreflang=\"en-GB\""));
    let index = read(&out.join("index.html"));
    assert!(index.contains("<html lang=\"en-GB\">"));
    assert!(index.contains("index.cy.html"));
    // Service notices link to the corporate notice in their own language.
    assert!(welsh.contains("corporate.html"));
    assert!(!welsh.contains("en&#x2f;corporate.html"));
    // The fragment for a CMS keeps the language link.
    let fragment = build(
        &dir,
        &["--fragment", "--theme", "govuk", "--format", "html"],
    );
    let cms = read(&fragment.join("cy/council-tax.html"));
    assert!(cms.contains("lang=\"en-GB\">English</a>"), "{cms}");
}

#[test]
fn a_purpose_dropped_from_the_welsh_version_is_found_in_both_files() {
    let dir = project("dropped");
    let welsh = dir.join("notices/cy/council-tax.toml");
    let text = read(&welsh);
    let start = text
        .find("[[purposes]]\nid = \"discounts\"")
        .expect("discounts");
    let end = start + text[start + 1..].find("[[purposes]]").expect("next") + 1;
    std::fs::write(&welsh, format!("{}{}", &text[..start], &text[end..])).expect("write");
    let (code, found) = check(&dir);
    assert_eq!(code, 1, "{found}");
    let line = found
        .lines()
        .find(|l| l.contains("T002") && l.contains("`discounts`"))
        .unwrap_or_else(|| panic!("no T002 for `discounts`:\n{found}"));
    assert!(line.starts_with("notices/cy/council-tax.toml:"), "{line}");
    assert!(line.contains("notices/en/council-tax.toml line"), "{line}");
}

#[test]
fn a_retention_period_changed_in_one_language_is_found() {
    let dir = project("period");
    edit(
        &dir.join("notices/cy/council-tax.toml"),
        "period = \"6 blynedd\"",
        "period = \"7 mlynedd\"",
    );
    let (code, found) = check(&dir);
    assert_eq!(code, 1, "{found}");
    let line = found
        .lines()
        .find(|l| l.contains("T003") && l.contains("period"))
        .unwrap_or_else(|| panic!("no T003 for the period:\n{found}"));
    assert!(line.starts_with("notices/cy/council-tax.toml:"), "{line}");
    assert!(line.contains("notices/en/council-tax.toml line"), "{line}");
    // The finding cites the law, as every finding does.
    let (_, json, _) = noticec(&dir, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    let cited = report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "T003")
        .all(|d| d["citation"] == "UK GDPR Art. 12(1)");
    assert!(cited, "{json}");
}

#[test]
fn a_welsh_description_left_in_english_is_found() {
    let dir = project("untranslated");
    edit(
        &dir.join("notices/cy/council-tax.toml"),
        "description = \"Rydym yn cyfrifo pwy sy'n gorfod talu am bob cartref, yn anfon biliau ac yn cymryd taliadau.\"",
        "description = \"We work out who must pay for each home, send bills and take payments.\"",
    );
    let (_, found) = check(&dir);
    let line = found
        .lines()
        .find(|l| l.contains("T004"))
        .unwrap_or_else(|| panic!("no T004:\n{found}"));
    assert!(line.starts_with("notices/cy/council-tax.toml:"), "{line}");
    assert!(line.contains("purposes[0].description"), "{line}");
    assert!(line.contains("notices/en/council-tax.toml line"), "{line}");
    // A warning: it fails the check with --deny-warnings.
    let (code, _, _) = noticec(&dir, &["check", "--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn a_welsh_body_without_a_welsh_version_is_found() {
    let dir = project("no-welsh");
    std::fs::remove_file(dir.join("notices/cy/council-tax.toml")).expect("remove");
    let (code, found) = check(&dir);
    assert_eq!(code, 1, "{found}");
    assert!(
        found
            .lines()
            .any(|l| l.contains("T005") && l.contains("no Welsh version")),
        "{found}"
    );
}

#[test]
fn a_translation_of_a_missing_file_is_found() {
    let dir = project("missing-original");
    edit(
        &dir.join("notices/cy/corporate.toml"),
        "translation_of = \"../en/corporate.toml\"",
        "translation_of = \"../en/corporat.toml\"",
    );
    let (code, found) = check(&dir);
    assert_eq!(code, 1, "{found}");
    assert!(
        found
            .lines()
            .any(|l| l.contains("T001") && l.contains("there is no file")),
        "{found}"
    );
}
