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

/// The placeholders `noticec init` writes, and the invented but
/// real-looking details (those of the model council) a test puts instead.
const PLACEHOLDERS: &[(&str, &str)] = &[
    (
        "Council Offices, High Street, Exampleton, EX1 1AA",
        "Town Hall, Market Square, Modelton, MB1 1AA",
    ),
    ("example.gov.uk", "modelborough.gov.uk"),
    ("Example Council", "Model Borough Council"),
    ("01632 960999", "01632 960000"),
    ("Z0000000", "Z0000002"),
];

/// The notice files of a new project, and its configuration.
const PROJECT_TOML: &[&str] = &[
    "noticec.toml",
    "shared/council.toml",
    "notices/corporate.toml",
    "notices/council-tax.toml",
];

/// Replaces every placeholder in a new project's TOML files, as a council
/// does before publishing.
fn fill_in(dir: &Path) {
    for file in PROJECT_TOML {
        let path = dir.join(file);
        let mut text = std::fs::read_to_string(&path).expect("read");
        for (placeholder, real) in PLACEHOLDERS {
            text = text.replace(placeholder, real);
        }
        std::fs::write(&path, text).expect("write");
    }
}

/// A new project with its placeholders replaced.
fn filled_in_project(name: &str) -> PathBuf {
    let dir = new_project(name);
    fill_in(&dir);
    dir
}

#[test]
fn init_creates_a_project_whose_placeholders_fail_check_and_never_overwrites() {
    let dir = new_project("init");
    for file in PROJECT_TOML.iter().chain(&[
        "README.md",
        ".gitignore",
        ".github/workflows/notices.yml",
        ".gitlab-ci.yml",
        "schemas/notice.schema.json",
    ]) {
        assert!(dir.join(file).is_file(), "{file}");
    }
    // Until the placeholders are replaced, check fails and names each one.
    let (code, stdout, stderr) = noticec(&dir, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert_eq!(d["code"], "Q011", "only placeholders are findings: {d}");
        assert_eq!(d["requirement"], "placeholder-details");
        assert_eq!(d["severity"], "error");
    }
    let messages: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    for (placeholder, _) in PLACEHOLDERS {
        assert!(
            messages.iter().any(|m| m.contains(placeholder)),
            "{placeholder} is named: {messages:#?}"
        );
    }
    let (code, stdout, _) = noticec(&dir, &["check", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Q011[placeholder-details]"), "{stdout}");
    assert!(stdout.contains("shared/council.toml"), "{stdout}");
    // ... and build publishes nothing.
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("built 0 of 2 notices"), "{stderr}");
    assert!(!dir.join("site/corporate.html").exists());
    // With them replaced, the project passes every rule.
    fill_in(&dir);
    let (code, stdout, _) = noticec(&dir, &["check", "--deny-warnings"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.trim(), "checked 2 notices: no problems found");
    // init never overwrites a file.
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
fn init_writes_a_readme_a_gitignore_and_workflows_that_build_and_cache() {
    let dir = new_project("extras");
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).expect(file);
    let readme = read("README.md");
    for said in [
        "noticec check",
        "noticec build",
        "placeholder",
        "Example Council",
        "Z0000000",
        "site/",
        "shared/council.toml",
        ".gitignore",
    ] {
        assert!(readme.contains(said), "the README says {said:?}");
    }
    assert!(
        read(".gitignore").lines().any(|l| l.trim() == "site/"),
        "site/ is ignored"
    );
    let github = read(".github/workflows/notices.yml");
    for step in [
        "actions/cache/restore@v4",
        "actions/cache/save@v4",
        "path: ~/.cargo/bin/noticec",
        "key: noticec-${{ runner.os }}-${{ runner.arch }}-${{ env.NOTICEC_VERSION }}",
        "if: steps.noticec.outputs.cache-hit != 'true'",
        "cargo install --locked --git",
        "noticec check --format github",
        "noticec build",
        "actions/upload-artifact@v4",
        "path: site/",
    ] {
        assert!(github.contains(step), "the GitHub workflow has {step:?}");
    }
    let gitlab = read(".gitlab-ci.yml");
    for step in [
        "cache:",
        "key: noticec-$NOTICEC_VERSION",
        "command -v noticec || cargo install --locked --root \"$CI_PROJECT_DIR/.noticec\"",
        "noticec check --format gitlab",
        "noticec build",
        "paths:\n      - site/",
        "codequality: gl-code-quality-report.json",
    ] {
        assert!(gitlab.contains(step), "the GitLab job has {step:?}");
    }
    // The workflows are YAML: spaces, never tabs, for indentation.
    for text in [&github, &gitlab] {
        assert!(!text.contains('\t'));
    }
}

/// `tests/cmd/project.in/ready/` is what `noticec init` writes with the
/// placeholders replaced, and `typo/` the same with one misspelt key: the
/// transcript (`tests/cmd/project.md`) shows this version of init.
#[test]
fn the_transcript_projects_are_this_init_filled_in() {
    // All but the `#:schema` lines (whose path depends on the folder) and
    // the copies' own comment.
    let body = |text: &str| {
        text.lines()
            .filter(|l| !l.starts_with("#:schema") && !l.starts_with("# Transcript copy:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let dir = filled_in_project("transcript");
    for file in PROJECT_TOML {
        let made = std::fs::read_to_string(dir.join(file)).expect("made");
        let copy = |folder: &str| {
            std::fs::read_to_string(Path::new("tests/cmd/project.in").join(folder).join(file))
                .expect("the transcript's copy")
        };
        assert_eq!(
            body(&copy("ready")),
            body(&made),
            "tests/cmd/project.in/ready/{file} is out of date"
        );
        let typo = if *file == "shared/council.toml" {
            made.replacen("phone = ", "phnoe = ", 1)
        } else {
            made
        };
        assert_eq!(
            body(&copy("typo")),
            body(&typo),
            "tests/cmd/project.in/typo/{file} is out of date"
        );
    }
}

#[test]
fn changing_the_dpo_email_in_the_shared_part_changes_every_page() {
    let dir = filled_in_project("dpo");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    // Every mention of the DPO's address is in the one shared part.
    let shared = dir.join("shared/council.toml");
    let text = std::fs::read_to_string(&shared).expect("read");
    assert!(text.matches("dpo@modelborough.gov.uk").count() >= 2);
    std::fs::write(
        &shared,
        text.replace("dpo@modelborough.gov.uk", "privacy@modelborough.gov.uk"),
    )
    .expect("write");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    for page in ["corporate", "council-tax"] {
        for ext in ["html", "md", "txt"] {
            let text =
                std::fs::read_to_string(dir.join(format!("site/{page}.{ext}"))).expect("page");
            assert!(
                text.contains("privacy@modelborough.gov.uk"),
                "{page}.{ext} has the new address"
            );
            assert!(
                !text.contains("dpo@modelborough.gov.uk"),
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
    assert!(index.contains("<title>Model Borough Council privacy notices</title>"));
}

#[test]
fn findings_point_into_the_shared_part_where_the_value_lives() {
    let dir = filled_in_project("located");
    edit(
        &dir.join("shared/council.toml"),
        "email = \"dpo@modelborough.gov.uk\"\naddress",
        "email = \"the dpo\"\naddress",
    );
    let line = std::fs::read_to_string(dir.join("shared/council.toml"))
        .expect("read")
        .lines()
        .position(|l| l == "email = \"the dpo\"")
        .expect("the edited line") as u64
        + 1;
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
    assert_eq!(found, [("E004", "shared/council.toml", line)], "{stdout}");
}

fn human_check(dir: &Path) -> String {
    let (_, stdout, stderr) = noticec(dir, &["check", "--color", "never"]);
    format!("{stdout}{stderr}")
}

#[test]
fn an_extends_cycle_is_reported_with_its_chain() {
    let dir = filled_in_project("cycle");
    edit(
        &dir.join("shared/council.toml"),
        "[controller]",
        "extends = \"../notices/corporate.toml\"\n\n[controller]",
    );
    insta::assert_snapshot!(human_check(&dir));
}

#[test]
fn a_missing_shared_part_is_reported_where_it_is_named() {
    let dir = filled_in_project("missing");
    edit(
        &dir.join("notices/council-tax.toml"),
        "extends = \"../shared/council.toml\"",
        "extends = \"../shared/councl.toml\"",
    );
    insta::assert_snapshot!(human_check(&dir));
}

#[test]
fn a_shared_part_outside_the_project_is_refused() {
    let dir = filled_in_project("outside");
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
    let dir = filled_in_project("config");
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
    let dir = filled_in_project("cross");
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
        "#:schema ../schemas/notice.schema.json\n[dpo]\nemail = \"old@modelborough.gov.uk\"\n",
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

/// A finding about a shared entry points at that entry, even when an
/// entry before it in the shared part is not used by the notice (and so
/// is left out of the merged notice).
#[test]
fn findings_in_shared_lists_point_at_their_own_entry() {
    let dir = temp_dir("shared-entry-lines");
    std::fs::create_dir_all(dir.join("notices")).expect("notices");
    std::fs::create_dir_all(dir.join("shared")).expect("shared");
    let write = |path: &str, text: &str| std::fs::write(dir.join(path), text).expect("write");
    write(
        "noticec.toml",
        "name = \"X\"\nnotices = [\"notices\"]\nparts = [\"shared\"]\n",
    );
    write(
        "shared/recipients.toml",
        "[[recipients]]\nid = \"a\"\nname = \"Alpha\"\n\n[[recipients]]\nid = \"b\"\nname = \"Beta\"\n\n[[recipients]]\nid = \"c\"\nname = \"Gamma\"\n",
    );
    write(
        "notices/a.toml",
        "[notice]\ntitle = \"A\"\n[[recipients]]\nid = \"c\"\nname = \"Gamma, differently\"\n[[purposes]]\nid = \"p\"\nname = \"P\"\nrecipients = [\"c\"]\n",
    );
    write(
        "notices/b.toml",
        "extends = \"../shared/recipients.toml\"\n[notice]\ntitle = \"B\"\n[[purposes]]\nid = \"p\"\nname = \"P\"\nrecipients = [\"c\"]\n",
    );
    let (_, stdout, stderr) = noticec(&dir, &["check", "--format", "concise"]);
    let line = stdout
        .lines()
        .find(|l| l.contains("P001"))
        .unwrap_or_else(|| panic!("no P001:\n{stdout}{stderr}"));
    // Line 11 is `name = "Gamma"`, not line 3 (`name = "Alpha"`).
    assert!(line.starts_with("shared/recipients.toml:11:"), "{line}");
}
