//! Broken input: what `noticec check` says about files that are not
//! notices, not text, too big, too deep, unreadable or not there, as
//! snapshots of the human report (no colour, 80 columns).
//!
//! Small fixtures are in `tests/fixtures/broken/`. Large or
//! filesystem-specific cases (a 50 MB file, 100,000 purposes, permissions,
//! symbolic link loops) are made at test time in a temporary folder, whose
//! path is replaced by `[tmp]` in the snapshots.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use noticec::check::validate::Options;
use noticec::check::{FileReport, check_files};
use noticec::load::discover::discover;
use noticec::report::human::{Style, render};

fn options() -> Options {
    Options::new(jiff::civil::date(2026, 11, 23))
}

/// The plain report, wide enough that no line holding a temporary path is
/// wrapped: where the wrap falls would depend on the temporary folder's
/// length (`TMPDIR`), which differs between machines.
fn wide() -> Style {
    Style {
        width: 400,
        ..Style::plain()
    }
}

/// A fresh temporary folder for one test.
struct TempDir(PathBuf);

impl TempDir {
    /// The process id is padded to seven digits (the largest Linux pid),
    /// so the path, and with it the wrapping of every snapshot that quotes
    /// it, has the same length on every run.
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("noticec-broken-{name}-{:07}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// `text` with this folder's path replaced by `[tmp]`.
    fn scrub(&self, text: &str) -> String {
        text.replace(&self.0.display().to_string(), "[tmp]")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Make everything removable again.
            if let Ok(entries) = std::fs::read_dir(&self.0) {
                for entry in entries.flatten() {
                    let _ = std::fs::set_permissions(
                        entry.path(),
                        std::fs::Permissions::from_mode(0o755),
                    );
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every diagnostic has a message; where it has a place, the place is in
/// the file's text on character boundaries.
fn assert_well_formed(reports: &[FileReport]) {
    for report in reports {
        for d in &report.diagnostics {
            assert!(
                !d.message.trim().is_empty(),
                "{}: empty message",
                report.name
            );
            if let Some(span) = &d.span {
                let text: &str = &d.file.text;
                assert!(
                    span.end <= text.len(),
                    "{}: {span:?} past the end",
                    report.name
                );
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}

// ------------------------------------------------------ small fixtures

#[test]
fn small_broken_files() {
    for name in [
        "empty.toml",
        "whitespace-only.toml",
        "bom.toml",
        "crlf.toml",
        "windows-1252.toml",
        "binary.toml",
        "duplicate-keys.toml",
        "duplicate-tables.toml",
        "deep-arrays.toml",
        "deep-tables.toml",
        "deep-inline-tables.toml",
        "deep-forty.toml",
        "date-impossible.toml",
        "date-month-only.toml",
        "date-as-text.toml",
        "date-with-time.toml",
        "date-time-only.toml",
        "future-last-updated.toml",
        "extends-cycle-a.toml",
        "extends-self.toml",
        "extends-missing.toml",
    ] {
        let path = PathBuf::from(format!("tests/fixtures/broken/{name}"));
        let reports = check_files(std::slice::from_ref(&path), &options());
        assert_well_formed(&reports);
        // A problem found in another file (the other end of a cycle) is
        // reported under that file.
        assert!(
            reports.iter().any(|r| !r.diagnostics.is_empty()),
            "{name}: something is reported"
        );
        let output = render(&reports, Style::plain());
        let snapshot = name.trim_end_matches(".toml").to_string();
        insta::assert_snapshot!(snapshot, output);
    }
}

/// The byte order mark is not counted: the finding is on the line and
/// column an editor shows, and the CRLF file's findings are on the same
/// lines as in the LF original.
#[test]
fn bom_and_crlf_do_not_shift_locations() {
    let bom = check_files(
        &[PathBuf::from("tests/fixtures/broken/bom.toml")],
        &options(),
    );
    let d = &bom[0].diagnostics[0];
    let text: &str = &d.file.text;
    let span = d.span.clone().expect("located");
    assert_eq!(&text[span], "\"twelve\"");

    let crlf = check_files(
        &[PathBuf::from("tests/fixtures/broken/crlf.toml")],
        &options(),
    );
    let unknown = crlf[0]
        .diagnostics
        .iter()
        .find(|d| d.message.contains("adress"))
        .expect("the misspelt key is reported");
    let text: &str = &unknown.file.text;
    let span = unknown.span.clone().expect("located");
    assert_eq!(&text[span.clone()], "adress");
    let line = text[..span.start].matches('\n').count() + 1;
    assert_eq!(line, 21);
}

// --------------------------------------------------- generated at test time

/// A 50 MB file is refused from its size alone, without being read.
#[test]
fn fifty_megabytes_are_refused() {
    let tmp = TempDir::new("huge");
    let path = tmp.path("huge.toml");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: 50 MB long, no disk space used.
    file.set_len(50 * 1024 * 1024).expect("set_len");
    drop(file);
    let started = Instant::now();
    let reports = check_files(std::slice::from_ref(&path), &options());
    let took = started.elapsed();
    assert_well_formed(&reports);
    let d = &reports[0].diagnostics[0];
    assert!(d.message.contains("50 MiB"), "{}", d.message);
    assert!(d.message.contains("at most"), "{}", d.message);
    assert!(reports[0].notice.is_none());
    // Reading 50 MB would show up here; refusing from the metadata is instant.
    assert!(
        d.file.text.is_empty(),
        "the text was not kept: {} bytes",
        d.file.text.len()
    );
    assert!(took < Duration::from_secs(2), "took {took:?}");
    insta::assert_snapshot!("fifty-megabytes", tmp.scrub(&render(&reports, wide())));
}

/// A folder, a missing file and a file that cannot be read each get one
/// clear error.
#[test]
fn paths_that_are_not_readable_files() {
    let reports = check_files(
        &[
            PathBuf::from("tests/fixtures/broken"),
            PathBuf::from("tests/fixtures/broken/does-not-exist.toml"),
        ],
        &options(),
    );
    assert_well_formed(&reports);
    assert!(reports.iter().all(|r| r.diagnostics.len() == 1));
    insta::assert_snapshot!("folder-and-missing-file", render(&reports, Style::plain()));
}

#[cfg(unix)]
#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new("permission");
    let path = tmp.path("secret.toml");
    std::fs::copy("examples/council-tax.toml", &path).expect("copy");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&path).is_ok() {
        println!(
            "note: skipped: this process can read a file with mode 000 \
             (running as root, where permissions are not enforced)"
        );
        return;
    }
    let reports = check_files(std::slice::from_ref(&path), &options());
    assert_well_formed(&reports);
    insta::assert_snapshot!("no-read-permission", tmp.scrub(&render(&reports, wide())));
}

/// A folder holding a symbolic link to itself, and a file link that points
/// at itself: the search ends, finds each notice once, and checking the
/// looping link directly is one error.
#[cfg(unix)]
#[test]
fn symlink_loops() {
    let tmp = TempDir::new("symlinks");
    let dir = tmp.path("notices");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::copy(
        "examples/council-tax.toml",
        dir.join("sub/council-tax.toml"),
    )
    .expect("copy");
    std::os::unix::fs::symlink(".", dir.join("sub/again")).expect("link to own folder");
    std::os::unix::fs::symlink("..", dir.join("sub/up")).expect("link to parent");
    std::os::unix::fs::symlink("loop.toml", dir.join("loop.toml")).expect("link to itself");
    std::os::unix::fs::symlink("b.toml", dir.join("a.toml")).expect("a → b");
    std::os::unix::fs::symlink("a.toml", dir.join("b.toml")).expect("b → a");

    let started = Instant::now();
    let found = discover(std::slice::from_ref(&dir));
    assert!(started.elapsed() < Duration::from_secs(5));
    let names: Vec<String> = found
        .iter()
        .map(|p| tmp.scrub(&p.display().to_string()))
        .collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.ends_with("council-tax.toml"))
            .count(),
        1,
        "each notice is found once: {names:?}"
    );
    let mut reports = check_files(&found, &options());
    reports.extend(check_files(
        &[dir.join("loop.toml"), dir.join("a.toml")],
        &options(),
    ));
    assert_well_formed(&reports);
    let output = format!(
        "discovered: {names:?}\n\n{}",
        tmp.scrub(&render(&reports, wide()))
    );
    insta::assert_snapshot!("symlink-loops", output);
}

/// 100,000 purposes (3.7 MB, under the size limit) are checked and
/// rendered in reasonable time.
#[test]
fn a_hundred_thousand_purposes() {
    let tmp = TempDir::new("purposes");
    let path = tmp.path("many-purposes.toml");
    let mut text =
        std::fs::read_to_string("tests/fixtures/broken/hundred-thousand-purposes-base.toml")
            .expect("base notice");
    for i in 0..100_000 {
        text.push_str(&format!("\n[[purposes]]\nname = \"Purpose {i}\"\n"));
    }
    std::fs::write(&path, &text).expect("write");

    let started = Instant::now();
    let mut reports = check_files(std::slice::from_ref(&path), &options());
    let checked = started.elapsed();
    let report = &reports[0];
    let loaded = report.notice.as_ref().expect("the notice loads");
    assert_eq!(loaded.notice.purposes.len(), 100_003);
    assert_well_formed(&reports);

    let started = Instant::now();
    let view = noticec::render::view::NoticeView::new(
        &loaded.notice,
        false,
        jiff::civil::date(2026, 11, 23),
    );
    let renderer = noticec::render::Renderer::new(noticec::render::RenderOptions::default());
    let mut sizes = Vec::new();
    for format in noticec::render::Format::ALL {
        let page = renderer.render_notice(&view, format).expect("renders");
        assert!(page.contains("Purpose 99999"));
        sizes.push(page.len());
    }
    let rendered = started.elapsed();

    // The human report of the first findings, and a count of the rest.
    let mut counts = std::collections::BTreeMap::new();
    for d in &report.diagnostics {
        *counts.entry(d.code).or_insert(0usize) += 1;
    }
    let findings = report.diagnostics.len();
    drop(view);
    let mut first = reports.remove(0);
    first.diagnostics.truncate(3);
    let output = format!(
        "{findings} findings: {counts:?}\nthe first three:\n\n{}",
        tmp.scrub(&render(std::slice::from_ref(&first), wide()))
    );
    println!(
        "100,000 purposes ({} bytes): checked in {checked:?} ({findings} findings), \
         rendered in {rendered:?} (HTML, Markdown, text: {sizes:?} bytes)",
        text.len(),
    );
    insta::assert_snapshot!("hundred-thousand-purposes", output);
    assert!(
        checked < Duration::from_secs(60),
        "checking took {checked:?}"
    );
    assert!(
        rendered < Duration::from_secs(60),
        "rendering took {rendered:?}"
    );
}

/// Drawing one finding costs the same wherever it is in the file. (With
/// 100,000 purposes there are 300,000 findings; if each one costs time in
/// proportion to its offset, the human report takes most of an hour.)
#[test]
fn human_report_cost_does_not_grow_with_the_offset() {
    let mut text = std::fs::read_to_string("examples/council-tax.toml").expect("example");
    for i in 0..10_000 {
        text.push_str(&format!("\n[[purposes]]\nname = \"Purpose {i}\"\n"));
    }
    let tmp = TempDir::new("offset");
    let path = tmp.path("offsets.toml");
    std::fs::write(&path, &text).expect("write");
    let mut report = check_files(std::slice::from_ref(&path), &options()).remove(0);
    let all = std::mem::take(&mut report.diagnostics);
    let n = 30;
    let mut time = |diagnostics: &[noticec::diagnostic::Diagnostic]| {
        report.diagnostics = diagnostics.to_vec();
        let started = Instant::now();
        let _ = render(std::slice::from_ref(&report), Style::plain());
        started.elapsed()
    };
    assert!(all.len() > 2 * n);
    // Warm up, then time the first and the last findings in the file.
    let _ = time(&all[..n]);
    let near_start = time(&all[..n]);
    let near_end = time(&all[all.len() - n..]);
    println!(
        "{n} findings near the start: {near_start:?}; near the end ({} bytes in): {near_end:?}",
        text.len()
    );
    assert!(
        near_end < near_start * 10 + Duration::from_millis(200),
        "drawing {n} findings near the end of a {} byte file took {near_end:?}, \
         near the start {near_start:?}: the cost grows with the offset",
        text.len()
    );
}

/// Four MiB of values nested 80 deep took 4.6 GB and 40 s to check: the
/// nesting is refused before the file is parsed, with one finding.
#[test]
fn deeply_nested_values_are_refused_before_parsing() {
    let dir = TempDir::new("deep-4mib");
    let line = format!("{}1{}\n", "[".repeat(80), "]".repeat(80));
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 4 * 1024 * 1024 - 200 {
        text.push_str(&format!("a{i} = {line}"));
        i += 1;
    }
    let path = dir.path("deep.toml");
    std::fs::write(&path, &text).expect("write");
    let reports = check_files(std::slice::from_ref(&path), &options());
    assert_well_formed(&reports);
    let codes: Vec<_> = reports[0].diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["E004"], "{:?}", reports[0].diagnostics);
    // A string full of brackets is not nesting.
    std::fs::write(
        &path,
        format!("[notice]\ntitle = \"{}\" # [[[[\n", "[".repeat(100)),
    )
    .expect("write");
    let reports = check_files(std::slice::from_ref(&path), &options());
    assert!(
        reports[0]
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("nested")),
        "{:?}",
        reports[0].diagnostics
    );
}

/// Four MiB of long lists of plain values under unknown keys took 14.7 s
/// and 870 MB (the span index held a path per value): each list is one
/// place now, and every unknown key is still reported.
#[test]
fn long_lists_of_values_are_located_by_the_list() {
    let dir = TempDir::new("wide-lists");
    let list = format!("[{}]", "1,".repeat(2000));
    let text: String = (0..200).map(|i| format!("a{i} = {list}\n")).collect();
    let path = dir.path("wide.toml");
    std::fs::write(&path, &text).expect("write");
    let reports = check_files(std::slice::from_ref(&path), &options());
    assert_well_formed(&reports);
    let unknown = reports[0]
        .diagnostics
        .iter()
        .filter(|d| d.code == "E003")
        .count();
    assert_eq!(unknown, 200);
}
