//! What changed (issue 17): `noticec diff` between files and git
//! revisions, and `check --baseline REV`, in a repository made here.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("history", name)
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.email=test@example.org", "-c", "user.name=Test"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The model council, committed in a new repository.
fn repository(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    common::copy_tree(Path::new("examples/model-council"), &dir);
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "notices"]);
    dir
}

use common::noticec;

const NEW_PURPOSE: &str = r#"

[[recipients]]
id = "citizens-advice"
name = "Citizens Advice"
description = "When you ask us to refer you for debt advice."

[[purposes]]
id = "debt-advice"
name = "Referring you for debt advice"
lawful_bases = ["public-task"]
data_categories = ["contact", "payments"]
recipients = ["citizens-advice"]
retention = "council-tax-accounts"
from_person = true
other_sources = []
provision = { requirement = "voluntary", consequence = "We cannot refer you." }
"#;

/// Adds a recipient to an existing purpose and a new purpose.
fn change_council_tax(dir: &Path) -> PathBuf {
    let notice = dir.join("notices/council-tax.toml");
    let text = std::fs::read_to_string(&notice).expect("notice");
    let old = "recipients = [\"courts\", \"enforcement-agents\", \"employers\", \"dwp\"]";
    assert!(text.contains(old), "the recovery purpose's recipients");
    let text = text.replace(
        old,
        "recipients = [\"courts\", \"enforcement-agents\", \"employers\", \"dwp\", \"citizens-advice\"]",
    );
    std::fs::write(&notice, format!("{text}{NEW_PURPOSE}")).expect("edit");
    notice
}

#[test]
fn diff_names_a_new_recipient_and_a_new_purpose() {
    let dir = repository("diff");
    change_council_tax(&dir);
    let (code, out, err) = noticec(
        &dir,
        &[
            "diff",
            "HEAD:notices/council-tax.toml",
            "notices/council-tax.toml",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("- New recipient: Citizens Advice (for Recovering unpaid council tax)"),
        "{out}"
    );
    assert!(
        out.contains("- New purpose: Referring you for debt advice (lawful basis: public task)"),
        "{out}"
    );
    let (_, json, _) = noticec(
        &dir,
        &[
            "diff",
            "HEAD:notices/council-tax.toml",
            "notices/council-tax.toml",
            "--format",
            "json",
        ],
    );
    let document: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(document["material"], true);
    let topics: Vec<&str> = document["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter_map(|c| c["topic"].as_str())
        .collect();
    assert!(
        topics.contains(&"purpose") && topics.contains(&"recipient"),
        "{topics:?}"
    );

    // The same file against itself: nothing.
    let (code, out, _) = noticec(
        &dir,
        &[
            "diff",
            "notices/council-tax.toml",
            "notices/council-tax.toml",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("say the same"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_change_in_a_shared_part_shows_in_the_notices_that_use_it() {
    let dir = repository("shared");
    let part = dir.join("shared/council.toml");
    let text = std::fs::read_to_string(&part).expect("part");
    let changed = text.replacen(
        "dpo@modelborough.gov.uk",
        "data.protection@modelborough.gov.uk",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&part, changed).expect("edit");
    let (_, out, err) = noticec(
        &dir,
        &["diff", "HEAD:notices/housing.toml", "notices/housing.toml"],
    );
    assert!(out.contains("The data protection officer: email: data.protection@modelborough.gov.uk (was dpo@modelborough.gov.uk)"), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_baseline_check_finds_the_undated_change_and_the_new_purpose() {
    let dir = repository("baseline");
    let notice = change_council_tax(&dir);
    let (code, out, err) = noticec(
        &dir,
        &["check", "--baseline", "HEAD", "--format", "concise"],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("error P006"), "the undated change: {out}");
    assert!(
        out.contains("warning P007 New purpose: Referring you for debt advice"),
        "the new purpose: {out}"
    );

    // Dated: the undated-change finding is gone, the new purpose stays.
    let text = std::fs::read_to_string(&notice).expect("notice");
    assert!(text.contains("last_updated = 2026-10-01"));
    std::fs::write(
        &notice,
        text.replace("last_updated = 2026-10-01", "last_updated = 2026-11-20"),
    )
    .expect("date");
    let (code, out, _) = noticec(
        &dir,
        &["check", "--baseline", "HEAD", "--format", "concise"],
    );
    assert!(!out.contains("P006"), "{out}");
    assert!(out.contains("P007"), "{out}");
    assert_eq!(code, 0, "warnings only: {out}");

    // The change record, published: latest first, and in the glance layer.
    let (_, entry, _) = noticec(
        &dir,
        &[
            "diff",
            "HEAD:notices/council-tax.toml",
            "notices/council-tax.toml",
            "--entry",
        ],
    );
    assert!(entry.contains("[[changes]]\ndate = 2026-11-20"), "{entry}");
    assert!(
        entry.contains("New purpose: Referring you for debt advice"),
        "{entry}"
    );
    let text = std::fs::read_to_string(&notice).expect("notice");
    std::fs::write(
        &notice,
        format!("{text}\n[[changes]]\ndate = 2026-11-20\nversion = \"4.1\"\nsummary = \"We can now refer you to Citizens Advice for debt advice.\"\n\n[[changes]]\ndate = 2026-04-01\nsummary = \"First published.\"\n"),
    )
    .expect("changes");
    let (code, out, _) = noticec(
        &dir,
        &["check", "--baseline", "HEAD", "--format", "concise"],
    );
    assert!(!out.contains("P006"), "{out}");
    assert_eq!(code, 0, "{out}");
    let site = dir.join("site-out");
    let (code, _, err) = noticec(&dir, &["build", "--out", &site.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.join("council-tax.md")).expect("page");
    let record = page
        .split("## What has changed")
        .nth(1)
        .expect("the change record");
    let latest = record
        .find("We can now refer you to Citizens Advice")
        .expect("latest");
    let first = record.find("First published.").expect("first");
    assert!(latest < first, "latest first: {record}");
    assert!(
        page.contains("**What has changed**: On 20 November 2026: We can now refer you to Citizens Advice for debt advice."),
        "the glance layer: {page}"
    );

    // A removed notice is reported, and has no page.
    git(&dir, &["rm", "-q", "notices/cctv.toml"]);
    let (_, out, _) = noticec(
        &dir,
        &["check", "--baseline", "HEAD", "--format", "concise"],
    );
    assert!(out.contains("notices/cctv.toml: warning P008"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn revisions_and_repositories_that_do_not_exist_are_clear_errors() {
    let dir = repository("errors");
    let (code, _, err) = noticec(
        &dir,
        &["diff", "NO-SUCH-REV:notices/cctv.toml", "notices/cctv.toml"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("`NO-SUCH-REV` is not a revision"), "{err}");
    let (code, _, err) = noticec(
        &dir,
        &["diff", "HEAD:notices/missing.toml", "notices/cctv.toml"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("notices/missing.toml is not in `HEAD`"),
        "{err}"
    );
    let outside = temp_dir("outside");
    std::fs::copy(dir.join("notices/cctv.toml"), outside.join("cctv.toml")).expect("copy");
    let (code, _, err) = noticec(&outside, &["diff", "HEAD:cctv.toml", "cctv.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not in a git repository"), "{err}");
    let (code, _, err) = noticec(&dir, &["check", "--baseline", "NO-SUCH-REV"]);
    assert_eq!(code, 2);
    assert!(err.contains("`NO-SUCH-REV` is not a revision"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&outside);
}

#[test]
fn the_archive_has_a_page_for_every_version_and_a_list_of_them() {
    let dir = temp_dir("archive");
    std::fs::create_dir_all(dir.join("notices")).expect("notices");
    let notice = dir.join("notices/ct.toml");
    let text = std::fs::read_to_string("examples/council-tax.toml").expect("example");
    assert!(text.contains("version = \"3.0\""));
    std::fs::write(&notice, &text).expect("v3.0");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "3.0"]);
    for (version, message) in [("3.1", "3.1"), ("3.2", "3.2")] {
        let now = std::fs::read_to_string(&notice).expect("notice");
        let bumped = now
            .lines()
            .map(|l| {
                if l.starts_with("version = ") {
                    format!("version = \"{version}\"")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&notice, bumped).expect("bump");
        git(&dir, &["commit", "-q", "-a", "-m", message]);
    }
    // A commit that changes only wording is not a version of its own.
    let now = std::fs::read_to_string(&notice).expect("notice");
    std::fs::write(&notice, format!("{now}\n# a comment\n")).expect("wording");
    git(&dir, &["commit", "-q", "-a", "-m", "wording"]);

    let site = dir.join("site");
    let build = |dir: &Path| {
        noticec(
            dir,
            &[
                "build",
                "notices",
                "--archive",
                "--out",
                &site.to_string_lossy(),
            ],
        )
    };
    let (code, _, err) = build(&dir);
    assert_eq!(code, 0, "{err}");
    for page in ["3.0.html", "3.1.html", "3.2.html", "index.html"] {
        assert!(
            site.join("archive/ct").join(page).is_file(),
            "archive/ct/{page}: {err}"
        );
    }
    let pages = std::fs::read_dir(site.join("archive/ct"))
        .expect("archive")
        .count();
    assert_eq!(pages, 4, "three versions and their list");
    let list = std::fs::read_to_string(site.join("archive/ct/index.html")).expect("list");
    let (v32, v30) = (
        list.find("Version 3.2").expect("3.2"),
        list.find("Version 3.0").expect("3.0"),
    );
    assert!(v32 < v30, "latest first");
    assert!(list.contains("(the version published now)"));
    let old = std::fs::read_to_string(site.join("archive/ct/3.0.html")).expect("3.0");
    assert!(
        old.contains("Version 3.0") && old.contains("A version of this notice kept as a record")
    );
    assert!(
        old.contains("href=\"..&#x2f;..&#x2f;ct.html\""),
        "links to the current page"
    );
    let page = std::fs::read_to_string(site.join("ct.html")).expect("page");
    assert!(
        page.contains("href=\"archive&#x2f;ct&#x2f;index.html\""),
        "the notice links to its versions"
    );

    // Deterministic and incremental: a rebuild writes nothing.
    let before: Vec<Vec<u8>> = ["3.0.html", "index.html"]
        .iter()
        .map(|p| std::fs::read(site.join("archive/ct").join(p)).expect("read"))
        .collect();
    let (code, _, err) = build(&dir);
    assert_eq!(code, 0);
    assert!(err.contains("0 files written"), "{err}");
    let after: Vec<Vec<u8>> = ["3.0.html", "index.html"]
        .iter()
        .map(|p| std::fs::read(site.join("archive/ct").join(p)).expect("read"))
        .collect();
    assert_eq!(before, after);
    let _ = std::fs::remove_dir_all(&dir);
}
