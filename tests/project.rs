//! Notice projects: shared parts merged with `extends`, diagnostics pointing
//! into the file where a value lives, cross-notice checks, the project
//! configuration, `noticec init` and building a site.

use std::path::{Path, PathBuf};

mod common;

use common::{copy_tree, edit, noticec};

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("project", name)
}

/// A new project made by `noticec init`.
fn new_project(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let (code, _, stderr) = noticec(&dir, &["init", "."]);
    assert_eq!(code, 0, "{stderr}");
    dir
}

#[test]
fn init_creates_a_project_that_passes_check_and_never_overwrites() {
    let dir = new_project("init");
    let (code, stdout, _) = noticec(&dir, &["check", "--deny-warnings"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.trim(), "checked 2 notices: no problems found");
    for file in [
        "noticec.toml",
        ".github/workflows/notices.yml",
        ".gitlab-ci.yml",
        "schemas/notice.schema.json",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    std::fs::write(dir.join("notices/corporate.toml"), "# mine\n").expect("write");
    let (code, _, stderr) = noticec(&dir, &["init", "."]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("kept") && stderr.contains("corporate.toml"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("notices/corporate.toml")).expect("read"),
        "# mine\n"
    );
}

#[test]
fn changing_the_dpo_email_in_the_shared_part_changes_every_page() {
    let dir = new_project("dpo");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    // Every mention of the DPO's address is in the one shared part.
    let shared = dir.join("shared/council.toml");
    let text = std::fs::read_to_string(&shared).expect("read");
    assert!(text.matches("dpo@example.gov.uk").count() >= 2);
    std::fs::write(
        &shared,
        text.replace("dpo@example.gov.uk", "privacy@example.gov.uk"),
    )
    .expect("write");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    for page in ["corporate", "council-tax"] {
        for ext in ["html", "md", "txt"] {
            let text =
                std::fs::read_to_string(dir.join(format!("site/{page}.{ext}"))).expect("page");
            assert!(
                text.contains("privacy@example.gov.uk"),
                "{page}.{ext} has the new address"
            );
            assert!(
                !text.contains("dpo@example.gov.uk"),
                "{page}.{ext} has no old address"
            );
        }
    }
    let html = std::fs::read_to_string(dir.join("site/council-tax.html")).expect("page");
    assert!(
        html.contains("<a href=\"corporate.html\">Corporate privacy notice</a>"),
        "service notices link to the corporate notice"
    );
    let corporate = std::fs::read_to_string(dir.join("site/corporate.html")).expect("page");
    assert!(
        corporate.contains("<a href=\"council-tax.html\">Council tax privacy notice</a>"),
        "and it lists them"
    );
    assert_eq!(
        corporate.matches("id=\"service-notices\"").count(),
        1,
        "the list of service notices appears once"
    );
    let index = std::fs::read_to_string(dir.join("site/index.html")).expect("index");
    assert!(index.contains("<title>Example Council privacy notices</title>"));
}

#[test]
fn findings_point_into_the_shared_part_where_the_value_lives() {
    let dir = new_project("located");
    edit(
        &dir.join("shared/council.toml"),
        "email = \"dpo@example.gov.uk\"\naddress",
        "email = \"the dpo\"\naddress",
    );
    let (code, stdout, _) = noticec(&dir, &["check", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let found: Vec<_> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or(""),
                d["file"].as_str().unwrap_or(""),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // Reported once although two notices extend the part, at the right line.
    assert_eq!(found, [("E004", "shared/council.toml", 15)], "{stdout}");
}

fn human_check(dir: &Path) -> String {
    let (_, stdout, stderr) = noticec(dir, &["check", "--color", "never"]);
    format!("{stdout}{stderr}")
}

#[test]
fn an_extends_cycle_is_reported_with_its_chain() {
    let dir = new_project("cycle");
    edit(
        &dir.join("shared/council.toml"),
        "[controller]",
        "extends = \"../notices/corporate.toml\"\n\n[controller]",
    );
    insta::assert_snapshot!(human_check(&dir));
}

#[test]
fn a_missing_shared_part_is_reported_where_it_is_named() {
    let dir = new_project("missing");
    edit(
        &dir.join("notices/council-tax.toml"),
        "extends = \"../shared/council.toml\"",
        "extends = \"../shared/councl.toml\"",
    );
    insta::assert_snapshot!(human_check(&dir));
}

#[test]
fn a_shared_part_outside_the_project_is_refused() {
    let dir = new_project("outside");
    // The project lives in its own folder; the part is next to it, outside.
    let outside = dir
        .parent()
        .expect("parent")
        .join("noticec-outside-part.toml");
    std::fs::write(&outside, "[dpo]\nemail = \"x@example.gov.uk\"\n").expect("write");
    edit(
        &dir.join("notices/council-tax.toml"),
        "extends = \"../shared/council.toml\"",
        "extends = [\"../shared/council.toml\", \"../../noticec-outside-part.toml\"]",
    );
    insta::assert_snapshot!(human_check(&dir));
}

#[test]
fn unknown_keys_in_the_project_configuration_are_located() {
    let dir = new_project("config");
    edit(
        &dir.join("noticec.toml"),
        "theme = \"plain\"",
        "theme = \"plain\"\ntheem = \"govuk\"\nprofile = \"gdpr\"",
    );
    let (code, _, stderr) = noticec(&dir, &["check", "--color", "never"]);
    assert_eq!(code, 2, "a broken configuration is a usage error");
    insta::assert_snapshot!(stderr);
}

#[test]
fn cross_notice_checks() {
    let dir = new_project("cross");
    // The same recipient id defined differently, a DPO phone that differs
    // from the corporate notice, and a shared part nobody uses.
    edit(
        &dir.join("notices/corporate.toml"),
        "[[purposes]]",
        "[[recipients]]\nid = \"voa\"\nname = \"VOA (valuations)\"\n\n[[purposes]]",
    );
    edit(
        &dir.join("notices/council-tax.toml"),
        "[[purposes]]",
        "[dpo]\nphone = \"01234 000000\"\n\n[[purposes]]",
    );
    edit(
        &dir.join("notices/corporate.toml"),
        "[[purposes]]",
        "[dpo]\nphone = \"01234 999999\"\n\n[[purposes]]",
    );
    std::fs::write(
        dir.join("shared/old.toml"),
        "#:schema ../schemas/notice.schema.json\n[dpo]\nemail = \"old@example.gov.uk\"\n",
    )
    .expect("write");
    let (code, stdout, _) = noticec(&dir, &["check", "--format", "json"]);
    assert_eq!(code, 0, "project findings are warnings: {stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let mut codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["P001", "P002", "P003"], "{stdout}");
    // Checking named files is not checking the project: no cross-checks.
    let (_, stdout, _) = noticec(
        &dir,
        &["check", "notices/council-tax.toml", "--format", "json"],
    );
    assert!(!stdout.contains("\"P00"), "{stdout}");
}

#[test]
fn show_resolved_prints_the_merged_notice() {
    let dir = new_project("show");
    let (code, stdout, stderr) = noticec(&dir, &["show", "notices/council-tax.toml", "--resolved"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn the_model_council_builds_and_one_dpo_change_reaches_every_page() {
    let dir = temp_dir("model-council");
    copy_tree(Path::new("examples/model-council"), &dir);
    let (code, stdout, stderr) = noticec(&dir, &["check", "--deny-warnings"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let pages: Vec<PathBuf> = std::fs::read_dir(dir.join("site"))
        .expect("site")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| s != "index" && !s.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(pages.len(), 18, "six notices in three formats");
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("page");
        assert!(
            text.contains("dpo@modelborough.gov.uk"),
            "{}",
            page.display()
        );
    }
    // The DPO's address is written once, in the shared part.
    let shared = dir.join("shared/council.toml");
    let text = std::fs::read_to_string(&shared).expect("read");
    std::fs::write(
        &shared,
        text.replace("dpo@modelborough.gov.uk", "privacy@modelborough.gov.uk"),
    )
    .expect("write");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("page");
        assert!(
            text.contains("privacy@modelborough.gov.uk"),
            "{} has the new address",
            page.display()
        );
        assert!(
            !text.contains("dpo@modelborough.gov.uk"),
            "{} has no old address",
            page.display()
        );
    }
}

#[test]
fn a_long_extends_chain_is_refused_without_exhausting_the_stack() {
    // 8,000 files, each extending the next: reported once, at the depth
    // limit, in well under a second of work per file.
    let dir = temp_dir("long-chain");
    for i in 0..8000 {
        std::fs::write(
            dir.join(format!("part{i}.toml")),
            format!("extends = \"part{}.toml\"\n", i + 1),
        )
        .expect("write");
    }
    std::fs::write(
        dir.join("part8000.toml"),
        "[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )
    .expect("write");
    let started = std::time::Instant::now();
    let (code, stdout, stderr) = noticec(&dir, &["check", "--format", "concise", "part0.toml"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("`extends` goes more than 16 files deep here"),
        "{stdout}{stderr}"
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn extends_never_reads_a_file_that_is_not_a_notice_part() {
    let dir = temp_dir("not-a-part");
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "password = hunter2\n").expect("write");
    for target in [secret.display().to_string(), "secret.txt".to_string()] {
        std::fs::write(
            dir.join("notice.toml"),
            format!("extends = {target:?}\n\n[notice]\ntitle = \"x\"\n"),
        )
        .expect("write");
        let (code, stdout, stderr) = noticec(&dir, &["check", "--color", "never", "notice.toml"]);
        assert_eq!(code, 1);
        let all = format!("{stdout}{stderr}");
        assert!(all.contains("is not a relative path"), "{all}");
        assert!(!all.contains("hunter2"), "{all}");
    }
}
