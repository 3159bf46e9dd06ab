//! One pipeline: `check`, `build` and a rebuild of the same project give
//! the same verdict; a problem in a shared part is reported once; a
//! withheld notice leaves no link to a page that is not there; a shared
//! part is checked as a part; and a page is never trusted as current when
//! its source is another file or changed during the build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use common::{copy_tree, diagnostic_values, edit, noticec, noticec_on};

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("pipeline", name)
}

/// A copy of the model council in a temporary folder.
fn model_council(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    copy_tree(Path::new("examples/model-council"), &dir);
    // Not the verdicts other runs kept in the example.
    let _ = std::fs::remove_dir_all(dir.join(".noticec-cache"));
    dir
}

/// The verdict in a JSON report: its files and diagnostics.
fn verdict(json: &str) -> (serde_json::Value, serde_json::Value) {
    let document: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    (document["files"].clone(), document["diagnostics"].clone())
}

/// `check`, `build` and a second `build` report the same, with the same
/// exit code.
fn assert_one_verdict(dir: &Path) -> serde_json::Value {
    let (check_code, check, _) = noticec(dir, &["check", "--format", "json"]);
    let (first_code, first, first_err) = noticec(dir, &["build", "--message-format", "json"]);
    let (second_code, second, second_err) = noticec(dir, &["build", "--message-format", "json"]);
    assert_eq!(verdict(&check), verdict(&first), "first build: {first_err}");
    assert_eq!(
        verdict(&check),
        verdict(&second),
        "second build: {second_err}"
    );
    assert_eq!(check_code, first_code);
    assert_eq!(check_code, second_code);
    assert!(
        second_err.contains(": 0 files written"),
        "the second build rewrote pages: {second_err}"
    );
    verdict(&check).1
}

#[test]
fn check_build_and_rebuild_give_one_verdict() {
    // A clean project.
    let dir = model_council("clean");
    let diagnostics = assert_one_verdict(&dir);
    assert_eq!(diagnostics, serde_json::json!([]));

    // One service notice with its own DPO email: a P002 warning, found by
    // every command (a rebuild once lost it, and found a false P003).
    let text = std::fs::read_to_string(dir.join("notices/housing.toml")).expect("read");
    std::fs::write(
        dir.join("notices/housing.toml"),
        format!("{text}\n[dpo]\nemail = \"dpo-housing@modelborough.gov.uk\"\n"),
    )
    .expect("write");
    let diagnostics = assert_one_verdict(&dir);
    let codes: Vec<&str> = diagnostics
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["P002"]);
}

#[test]
fn a_typo_in_a_shared_part_is_reported_once_by_check_and_by_build() {
    let dir = model_council("typo");
    edit(
        &dir.join("shared/council.toml"),
        "phone = \"01632 960001\"",
        "phnoe = \"01632 960001\"",
    );
    let diagnostics = assert_one_verdict(&dir);
    let found: Vec<(&str, &str)> = diagnostics
        .as_array()
        .expect("list")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or(""),
                d["file"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(found, [("E003", "shared/council.toml")]);
    let (_, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(stderr.matches("unknown key `phnoe`").count(), 1, "{stderr}");
    assert!(
        stderr.contains("not published (a shared part it extends has errors"),
        "{stderr}"
    );
}

/// Every relative link of every page in `site` leads to a page that is there.
fn dead_links(site: &Path) -> Vec<String> {
    let mut dead = Vec::new();
    for entry in walkdir::WalkDir::new(site).into_iter().flatten() {
        let path = entry.path();
        let is_page = path.extension().is_some_and(|e| e == "html" || e == "md");
        if !is_page {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("page");
        let targets = text
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .chain(
                text.split("](")
                    .skip(1)
                    .filter_map(|rest| rest.split(')').next()),
            );
        for target in targets {
            let target = target.split('#').next().unwrap_or("");
            let external = ["http:", "https:", "mailto:", "tel:"]
                .iter()
                .any(|scheme| target.starts_with(scheme));
            if target.is_empty() || external {
                continue;
            }
            let resolved = path.parent().expect("folder").join(target);
            if !resolved.is_file() {
                dead.push(format!("{} → {target}", path.display()));
            }
        }
    }
    dead
}

#[test]
fn a_withheld_corporate_notice_leaves_no_dead_link() {
    let dir = model_council("withheld");
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dead_links(&dir.join("site")).is_empty());
    let html = std::fs::read_to_string(dir.join("site/housing.html")).expect("page");
    assert!(
        html.contains("href=\"corporate.html\""),
        "linked while published"
    );

    // An error in the corporate notice withholds it: no page may link to it,
    // and its old pages are taken down.
    edit(
        &dir.join("notices/corporate.toml"),
        "[[purposes]]",
        "[[purposes]]\nlawful_bases = [\"public_task\"]",
    );
    let (code, _, stderr) = noticec(&dir, &["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not published (has errors"), "{stderr}");
    assert!(!dir.join("site/corporate.html").exists(), "{stderr}");
    assert_eq!(dead_links(&dir.join("site")), Vec::<String>::new());
    let html = std::fs::read_to_string(dir.join("site/housing.html")).expect("page");
    assert!(!html.contains("corporate.html"));
}

#[test]
fn a_shared_part_is_checked_through_the_notices_that_use_it() {
    let dir = model_council("part");
    let (code, stdout, _) = noticec(&dir, &["check", "shared/council.toml"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.trim(), "checked 1 shared part: no problems found");

    // A finding located in the part is reported under it; the notices'
    // own findings are not.
    edit(
        &dir.join("shared/council.toml"),
        "email = \"dpo@modelborough.gov.uk\"",
        "email = \"dpo at modelborough\"",
    );
    edit(
        &dir.join("notices/cctv.toml"),
        "[[purposes]]",
        "[[purposes]]\nzzz = 1",
    );
    let (code, stdout, _) = noticec(&dir, &["check", "shared/council.toml", "--format", "json"]);
    assert_eq!(code, 1, "{stdout}");
    let document: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let files: BTreeSet<String> = diagnostic_values(&document, "file").into_iter().collect();
    assert_eq!(files, BTreeSet::from(["shared/council.toml".to_string()]));
    let codes = diagnostic_values(&document, "code");
    assert_eq!(
        codes,
        ["E004"],
        "one finding, however many notices use the part"
    );
    assert_eq!(document["files"][0]["kind"], "part");
}

#[test]
fn a_part_no_notice_uses_is_reported_when_checked_on_its_own() {
    let dir = model_council("unused");
    std::fs::write(
        dir.join("shared/old-dpo.toml"),
        "[dpo]\nemail = \"old@modelborough.gov.uk\"\n",
    )
    .expect("write");
    let (code, stdout, _) = noticec(&dir, &["check", "shared/old-dpo.toml", "--format", "json"]);
    assert_eq!(code, 0, "a warning: {stdout}");
    let document: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let codes = diagnostic_values(&document, "code");
    assert_eq!(codes, ["P003"], "never the omissions of a notice: {stdout}");
}

#[test]
fn a_page_from_another_source_with_the_same_name_is_rebuilt() {
    let dir = temp_dir("same-name");
    for (folder, title) in [("a", "First notice"), ("b", "Second notice")] {
        std::fs::create_dir_all(dir.join(folder)).expect("dir");
        let text = std::fs::read_to_string("examples/council-tax.toml").expect("example");
        let text = text.replace(
            "title = \"Council tax privacy notice\"",
            &format!("title = \"{title}\""),
        );
        std::fs::write(dir.join(folder).join("x.toml"), text).expect("write");
    }
    let (code, _, stderr) = noticec(&dir, &["build", "a/x.toml", "--out", "site"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = noticec(&dir, &["build", "b/x.toml", "--out", "site"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("3 files written"), "{stderr}");
    let page = std::fs::read_to_string(dir.join("site/x.html")).expect("page");
    assert!(page.contains("Second notice"), "the page of b/x.toml");
    let manifest = std::fs::read_to_string(dir.join("site/.noticec-build.json")).expect("manifest");
    assert!(
        manifest.contains("\"source\":\"../b/x.toml\""),
        "{manifest}"
    );
    assert!(
        !manifest.contains(&dir.to_string_lossy().into_owned()),
        "the published manifest names no absolute path: {manifest}"
    );
}

#[test]
fn a_source_edited_during_a_build_is_rebuilt_next_time() {
    use noticec::check::{Options, Workspace};
    use noticec::site::{self, BuildOptions, Progress};

    let dir = temp_dir("edited");
    let source = dir.join("notice.toml");
    let original = std::fs::read_to_string("examples/council-tax.toml").expect("example");
    std::fs::write(&source, &original).expect("write");
    let edited = original.replace(
        "title = \"Council tax privacy notice\"",
        "title = \"Edited while building\"",
    );
    let out = dir.join("site");
    let mut options = BuildOptions::new(out.clone());
    // The notice has been read and checked when its pages are made: an
    // officer saving the file at that moment changes the file on disk, not
    // what this build publishes.
    let (path, text) = (source.clone(), edited.clone());
    options.progress = Some(Progress(std::sync::Arc::new(move |_, _| {
        std::fs::write(&path, &text).expect("edit");
    })));
    let check = Options::new(jiff::civil::date(2026, 11, 23));
    let workspace =
        Workspace::open(std::slice::from_ref(&source), None, check.clone()).expect("workspace");
    site::build(&workspace, &options).expect("first build");
    let page = std::fs::read_to_string(out.join("notice.html")).expect("page");
    assert!(page.contains("Council tax privacy notice"));
    assert!(!page.contains("Edited while building"));

    // The next build sees the edit: the manifest recorded what was loaded.
    let workspace = Workspace::open(std::slice::from_ref(&source), None, check).expect("workspace");
    let report = site::build(&workspace, &BuildOptions::new(out.clone())).expect("second build");
    let written = report
        .outputs
        .iter()
        .filter(|o| o.status == noticec::site::write::WriteStatus::Written)
        .count();
    assert_eq!(written, 3, "{:?}", report.outputs);
    let page = std::fs::read_to_string(out.join("notice.html")).expect("page");
    assert!(page.contains("Edited while building"));
}

#[test]
fn a_closed_standard_error_is_not_a_panic() {
    // `noticec build … 2>&1 | head -1` closed the pipe and the binary
    // panicked (exit 101) printing its summary.
    use std::process::Stdio;
    let dir = temp_dir("closed-stderr");
    std::fs::copy("examples/minimal.toml", dir.join("minimal.toml")).expect("copy");
    for args in [
        &["build", "minimal.toml", "--out", "site"][..],
        &["check", "minimal.toml"][..],
        &["check", "no-such-file.toml"][..],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_noticec"))
            .args(args)
            .current_dir(&dir)
            .env("NOTICEC_TODAY", "2026-11-23")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stderr.take());
        let status = child.wait().expect("exits");
        let code = status.code();
        assert!(matches!(code, Some(0..=2)), "{args:?} exited with {code:?}");
    }
}

/// The human report written as the verdicts come is, byte for byte, the
/// report of all the verdicts at once: the notices in order, across more
/// batches than one, then a shared part's finding, once, however many
/// notices meet it; the counts survive letting the diagnostics go.
#[test]
fn a_streamed_human_report_is_the_whole_report() {
    use noticec::check::{Options, Summary, Workspace};
    use noticec::report::human;

    let dir = temp_dir("streamed-human");
    std::fs::create_dir_all(dir.join("shared")).expect("shared");
    // A shared part with an unknown key: one finding in the part.
    std::fs::write(
        dir.join("shared/council.toml"),
        "[controller]\nname = \"Model Council\"\nemial = \"x@example.org\"\n",
    )
    .expect("part");
    let seed = std::fs::read_to_string("examples/minimal.toml").expect("example");
    let mut files = Vec::new();
    for i in 0..300 {
        let path = dir.join(format!("notice-{i:03}.toml"));
        // Every third notice extends the part; every notice has its own
        // findings (a missing purpose name on every fifth).
        let mut text = seed.clone();
        if i % 3 == 0 {
            text = format!("extends = \"shared/council.toml\"\n{text}");
        }
        if i % 5 == 0 {
            text.push_str("\n[[purposes]]\nid = \"extra\"\n");
        }
        std::fs::write(&path, text).expect("notice");
        files.push(path);
    }
    let options = Options::new(jiff::civil::date(2026, 11, 23));
    let workspace = Workspace::for_files(&files, options);
    let whole = workspace.check();
    let expected = human::render(&whole.reports, human::Style::plain());

    let mut written: Vec<u8> = Vec::new();
    let mut stream = human::Stream::new(&mut written, human::Style::plain());
    let streamed = workspace.check_streamed(|_| (), &mut stream).0;
    stream.finish(&streamed.reports).expect("written");
    let written = String::from_utf8(written).expect("UTF-8");
    assert_eq!(written, expected);

    // The part comes last, with its one finding, after 300 notices.
    assert_eq!(streamed.reports.len(), 301, "{written}");
    let tally = |code: &str| {
        written
            .lines()
            .skip_while(|l| *l != "findings by rule:")
            .find(|l| l.trim_start().starts_with(code))
            .map(|l| l.split_whitespace().last().unwrap_or_default().to_string())
    };
    assert_eq!(tally("E003").as_deref(), Some("1"), "{written}");
    assert!(written.find("emial") > written.find("notice-299.toml"));
    // Let go, but still counted: the same summary and the same trouble.
    assert!(streamed.reports.iter().all(|r| r.diagnostics.is_empty()));
    assert_eq!(Summary::of(&streamed.reports), Summary::of(&whole.reports));
    assert!(Summary::of(&whole.reports).errors >= 60);
    for (a, b) in streamed.reports.iter().zip(&whole.reports) {
        assert_eq!(
            (&a.name, a.has_errors, a.has_trouble()),
            (&b.name, b.has_errors, b.has_trouble())
        );
    }
}

/// Runs noticec twice, with the verdict cache and without it, and checks
/// that both say exactly the same; returns what they said.
fn same_with_and_without_cache(dir: &Path, args: &[&str], today: &str) -> (i32, String) {
    let run = |extra: &[&str]| {
        let args: Vec<&str> = args.iter().chain(extra).copied().collect();
        let (code, stdout, _) = noticec_on(dir, &args, today);
        (code, stdout)
    };
    let cached = run(&[]);
    let fresh = run(&["--no-cache"]);
    assert_eq!(cached, fresh, "{args:?} with and without the cache");
    cached
}

/// A verdict from the cache is the verdict a fresh check gives, whatever
/// changed in between: the notice, a part it extends, a file it named that
/// did not exist, the date, a severity, or the cache file itself.
#[test]
fn a_cached_verdict_is_the_verdict_a_fresh_check_gives() {
    let dir = temp_dir("verdict-cache");
    std::fs::create_dir_all(dir.join("notices")).expect("notices");
    std::fs::create_dir_all(dir.join("shared")).expect("shared");
    let minimal = std::fs::read_to_string("examples/minimal.toml").expect("example");
    std::fs::write(
        dir.join("shared/dpo.toml"),
        "[dpo]\nemail = \"dpo@example.org\"\n",
    )
    .expect("part");
    std::fs::write(
        dir.join("notices/a.toml"),
        format!("extends = \"../shared/dpo.toml\"\n{minimal}"),
    )
    .expect("a");
    std::fs::write(dir.join("notices/b.toml"), &minimal).expect("b");
    let check = ["check", "notices", "--format", "json"];
    let today = "2026-11-23";

    let (_, first) = same_with_and_without_cache(&dir, &check, today);
    // Outside a project the cache is in the user's cache folder, never
    // beside the notices.
    assert!(!dir.join(".noticec-cache").exists());
    let kept_in = cache_folder_of(&dir);
    // One verdict per notice is kept.
    let kept = verdict_files(&kept_in);
    let count: usize = kept.iter().map(|(_, text)| text.lines().count()).sum();
    assert_eq!(count, 2, "{kept:?}");
    // From the cache this time, and the same. That it is from the cache
    // shows when the cache is edited by hand: the edit is believed.
    let (_, again) = same_with_and_without_cache(&dir, &check, today);
    assert_eq!(first, again);
    for (path, text) in &kept {
        std::fs::write(path, text.replace("has no lawful basis", "HAND EDITED")).expect("edit");
    }
    let (_, hand_edited, _) = noticec(&dir, &check);
    assert!(hand_edited.contains("HAND EDITED"), "{hand_edited}");
    for (path, text) in &kept {
        std::fs::write(path, text).expect("restore");
    }

    // A part changes: the notice that extends it has a new finding.
    std::fs::write(
        dir.join("shared/dpo.toml"),
        "[dpo]\nemial = \"dpo@example.org\"\n",
    )
    .expect("part");
    let (_, part_changed) = same_with_and_without_cache(&dir, &check, today);
    assert!(part_changed.contains("emial"), "{part_changed}");

    // The notice changes.
    edit(
        &dir.join("notices/b.toml"),
        "[controller]",
        "[controller]\nnmae = \"x\"",
    );
    let (_, notice_changed) = same_with_and_without_cache(&dir, &check, today);
    assert!(notice_changed.contains("nmae"), "{notice_changed}");

    // A notice extends a file that is not there yet, then is.
    let b = std::fs::read_to_string(dir.join("notices/b.toml")).expect("b");
    std::fs::write(
        dir.join("notices/b.toml"),
        format!("extends = \"../shared/later.toml\"\n{b}"),
    )
    .expect("b");
    let (_, missing) = same_with_and_without_cache(&dir, &check, today);
    assert!(missing.contains("later.toml"), "{missing}");
    std::fs::write(
        dir.join("shared/later.toml"),
        "[dpo]\nemail = \"dpo@example.org\"\n",
    )
    .expect("later");
    let (_, created) = same_with_and_without_cache(&dir, &check, today);
    assert_ne!(missing, created);

    // Another date, another severity: other verdicts.
    edit(
        &dir.join("notices/a.toml"),
        "title = \"Privacy notice\"",
        "title = \"Privacy notice\"\nlast_updated = 2026-04-01",
    );
    let (_, reviewed) = same_with_and_without_cache(&dir, &check, today);
    let (_, later) = same_with_and_without_cache(&dir, &check, "2031-01-01");
    assert!(
        !reviewed.contains("more than") && later.contains("more than"),
        "five years on, the review is overdue"
    );
    let severity = [
        "check",
        "notices",
        "--format",
        "json",
        "--severity",
        "review-date=off",
    ];
    let (_, relaxed) = same_with_and_without_cache(&dir, &severity, "2031-01-01");
    assert!(
        later.contains("Q003") && !relaxed.contains("Q003"),
        "review-date=off silences the review date"
    );

    // A cache file that is not one is not used, and not a panic.
    for (path, _) in verdict_files(&kept_in) {
        std::fs::write(
            path,
            "0123456789abcdef0123456789abcdef {\"not\n\u{0}garbage",
        )
        .expect("garbage");
    }
    let (_, after_garbage) = same_with_and_without_cache(&dir, &check, today);
    assert_eq!(after_garbage, reviewed);
}

/// The verdict files in the settings folders of cache folder `dir`, with
/// their text.
fn verdict_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for settings in std::fs::read_dir(dir).expect("cache").flatten() {
        for file in std::fs::read_dir(settings.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                let text = std::fs::read_to_string(&path).expect("verdicts");
                found.push((path, text));
            }
        }
    }
    assert!(!found.is_empty(), "no verdicts in {}", dir.display());
    found
}

/// The cache folder of runs in `dir` outside a project: the one in the
/// tests' user cache folder that holds a verdict on a notice in `dir`.
fn cache_folder_of(dir: &Path) -> PathBuf {
    let needle = dir.to_string_lossy().replace('\\', "\\\\");
    std::fs::read_dir(common::cache_home().join("noticec"))
        .expect("the user cache folder")
        .flatten()
        .map(|entry| entry.path())
        .find(|folder| {
            std::fs::read_dir(folder)
                .into_iter()
                .flatten()
                .flatten()
                .flat_map(|settings| std::fs::read_dir(settings.path()).into_iter().flatten())
                .flatten()
                .any(|file| {
                    std::fs::read_to_string(file.path()).is_ok_and(|text| text.contains(&needle))
                })
        })
        .expect("a cache folder for this directory")
}

/// In a project the cache is `.noticec-cache/` at its root, which keeps
/// itself out of git; `NOTICEC_CACHE_DIR` puts it elsewhere.
#[test]
fn a_project_keeps_its_verdicts_at_its_root() {
    let dir = model_council("cache-in-project");
    let notice = std::fs::read_dir(dir.join("notices"))
        .expect("notices")
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "toml"))
        .expect("a notice");
    let notice = notice
        .strip_prefix(&dir)
        .expect("inside")
        .to_string_lossy()
        .into_owned();
    let (code, _, stderr) = noticec(&dir, &["check", &notice]);
    assert!(code == 0 || code == 1, "{stderr}");
    let ignore = std::fs::read_to_string(dir.join(".noticec-cache/.gitignore")).expect("ignore");
    assert!(ignore.lines().any(|line| line == "*"), "{ignore}");
    let elsewhere = temp_dir("cache-elsewhere");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_noticec"))
        .args(["check", &notice])
        .current_dir(&dir)
        .env("NOTICEC_CACHE_DIR", &elsewhere)
        .env("NOTICEC_TODAY", "2026-11-23")
        .output()
        .expect("noticec runs");
    assert!(output.status.code().is_some_and(|c| c <= 1));
    assert!(elsewhere.join(".gitignore").is_file());
}

/// Checking a whole project, every notice is loaded for the project
/// checks, which always run afresh; a notice whose files are unchanged
/// takes its own findings from the cache instead of being validated again.
#[test]
fn a_whole_project_check_reuses_verdicts_and_compares_notices_afresh() {
    let dir = model_council("cache-whole-project");
    let copy = dir.join("notices/cctv-copy.toml");
    std::fs::copy(dir.join("notices/cctv.toml"), &copy).expect("copy");
    edit(&copy, "last_updated = 2026-10-01\n", "");
    edit(
        &copy,
        "url = \"https://www.modelborough.gov.uk/privacy/cctv\"",
        "url = \"https://www.modelborough.gov.uk/privacy/cctv-copy\"",
    );
    let check = ["check", "--format", "json"];
    let today = "2026-11-23";
    let (_, first) = same_with_and_without_cache(&dir, &check, today);
    assert!(first.contains("Q003"), "{first}");
    // The copy now names a data category differently: a project finding,
    // while the other notices' own findings come from the cache.
    edit(
        &copy,
        "name = \"CCTV images\"",
        "name = \"Camera pictures\"",
    );
    let (_, renamed) = same_with_and_without_cache(&dir, &check, today);
    assert!(renamed.contains("P001"), "{renamed}");
    let (_, again) = same_with_and_without_cache(&dir, &check, today);
    assert_eq!(again, renamed);
    // The copy's own finding is taken from the cache: edited there by
    // hand, the edit shows.
    let kept = verdict_files(&dir.join(".noticec-cache"));
    let phrase = "does not say when it was last updated";
    assert!(kept.iter().any(|(_, text)| text.contains(phrase)));
    for (path, text) in &kept {
        std::fs::write(path, text.replace(phrase, "HAND EDITED")).expect("edit");
    }
    let (_, hand_edited, _) = noticec(&dir, &check);
    assert!(hand_edited.contains("HAND EDITED") && hand_edited.contains("P001"));
}

/// A build into an empty output folder (CI with its cache restored on a
/// fresh checkout) loads every notice to write its pages, and takes each
/// verdict from the cache rather than validating the notice again — unless
/// one of its files changed. Its pages and findings are those of a build
/// without the cache.
#[test]
fn a_build_into_an_empty_folder_takes_the_cached_verdicts() {
    let dir = temp_dir("verdict-cache-empty-folder");
    std::fs::create_dir_all(dir.join("notices")).expect("notices");
    std::fs::copy("examples/council-tax.toml", dir.join("notices/a.toml")).expect("a");
    std::fs::copy("examples/minimal.toml", dir.join("notices/b.toml")).expect("b");
    let build = |out: &str, extra: &[&str]| {
        let mut args = vec!["build", "notices", "--out", out, "--allow-errors"];
        args.extend(extra);
        let (code, _, stderr) = noticec(&dir, &args);
        assert_eq!(code, 1, "{stderr}"); // b.toml has errors
        stderr.replace(&format!(" into {out}:"), " into OUT:")
    };
    let pages = |out: &str| {
        let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join(out))
            .expect("site")
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).expect("page"))
            })
            .collect();
        pages.sort();
        pages
    };
    let fresh = build("fresh", &["--no-cache"]);
    let cold = build("cold", &[]);
    let warm = build("warm", &[]);
    assert_eq!(cold, fresh);
    assert_eq!(warm, fresh);
    assert!(
        warm.contains("does not say when it was last updated"),
        "{warm}"
    );
    let fresh_pages = pages("fresh");
    assert!(fresh_pages.iter().any(|(name, _)| name == "b.html"));
    assert_eq!(pages("cold"), fresh_pages);
    assert_eq!(pages("warm"), fresh_pages);

    // That the verdicts came from the cache shows when it is edited by
    // hand: the edit is believed.
    let kept = verdict_files(&cache_folder_of(&dir));
    let phrase = "does not say when it was last updated";
    for (path, text) in &kept {
        std::fs::write(path, text.replace(phrase, "HAND EDITED")).expect("edit");
    }
    let hand_edited = build("edited", &[]);
    assert!(hand_edited.contains("HAND EDITED"), "{hand_edited}");
    assert!(!hand_edited.contains(phrase), "{hand_edited}");
    assert_eq!(pages("edited"), fresh_pages);

    // The notice changes: it is validated again, and its finding is the
    // fresh one.
    edit(
        &dir.join("notices/b.toml"),
        "[controller]",
        "# edited\n[controller]",
    );
    let changed = build("changed", &[]);
    assert!(changed.contains(phrase), "{changed}");
    assert!(!changed.contains("HAND EDITED"), "{changed}");
    assert_eq!(changed, build("changed-fresh", &["--no-cache"]));
}

/// A rebuild of unchanged notices takes their verdicts from the cache and
/// writes nothing; a page removed since is made again, with its verdict
/// from the cache.
#[test]
fn a_rebuild_from_cached_verdicts_writes_nothing_and_restores_a_lost_page() {
    let dir = temp_dir("verdict-cache-build");
    std::fs::create_dir_all(dir.join("notices")).expect("notices");
    for name in ["a", "b", "c"] {
        std::fs::copy(
            "examples/council-tax.toml",
            dir.join(format!("notices/{name}.toml")),
        )
        .expect("copy");
    }
    let build = ["build", "notices", "--out", "site"];
    let (code, _, first) = noticec(&dir, &build);
    assert_eq!(code, 0, "{first}");
    let page = std::fs::read(dir.join("site/b.html")).expect("page");
    let (code, _, second) = noticec(&dir, &build);
    assert_eq!(code, 0, "{second}");
    assert!(second.contains(": 0 files written"), "{second}");
    std::fs::remove_file(dir.join("site/b.html")).expect("remove");
    let (code, _, third) = noticec(&dir, &build);
    assert_eq!(code, 0, "{third}");
    assert!(third.contains(": 1 file written"), "{third}");
    assert_eq!(std::fs::read(dir.join("site/b.html")).expect("page"), page);
    // The index lists every notice, from the cache as from a fresh check.
    let index = std::fs::read(dir.join("site/index.html")).expect("index");
    let (_, _, _) = noticec(&dir, &["build", "notices", "--out", "fresh", "--no-cache"]);
    assert_eq!(
        std::fs::read(dir.join("fresh/index.html")).expect("index"),
        index
    );
}
