//! `noticec build` end to end: what is written, what is withheld, what is
//! refused, and that a rebuild of unchanged notices writes nothing.

use std::path::{Path, PathBuf};

use noticec::check::{Options, Workspace};
use noticec::site::write::WriteStatus;
use noticec::site::{self, BuildError, BuildOptions, BuildReport};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("noticec-build-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn options(out: &Path) -> BuildOptions {
    BuildOptions::new(out.to_path_buf())
}

/// Builds `paths` (no project) through the workspace, as `noticec build` does.
fn build(paths: &[PathBuf], options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let check = Options::new(jiff::civil::date(2026, 11, 23));
    let workspace = Workspace::open(paths, None, check).expect("notices to build");
    site::build(&workspace, options)
}

/// Every file a build produced, relative to `out`, sorted.
fn written(report: &BuildReport, out: &Path) -> Vec<String> {
    let mut written: Vec<String> = report
        .outputs
        .iter()
        .map(|o| {
            o.path
                .strip_prefix(out)
                .expect("inside the output folder")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    written.sort();
    written
}

/// A folder with the complete example and the minimal (failing) one.
fn sources(name: &str) -> PathBuf {
    let dir = temp_dir(name).join("notices");
    std::fs::create_dir_all(&dir).expect("dir");
    for example in ["council-tax", "minimal"] {
        std::fs::copy(
            format!("examples/{example}.toml"),
            dir.join(format!("{example}.toml")),
        )
        .expect("copy");
    }
    dir
}

#[test]
fn a_folder_builds_every_format_and_an_index_and_withholds_notices_with_errors() {
    let src = sources("folder");
    let out = src.parent().expect("parent").join("site");
    let report = build(std::slice::from_ref(&src), &options(&out)).expect("builds");
    let written = written(&report, &out);
    assert_eq!(
        written,
        [
            "council-tax.html",
            "council-tax.md",
            "council-tax.txt",
            "index.html",
            "index.md"
        ]
    );
    assert_eq!(
        report.withheld,
        [noticec::load::source::display_name(
            &src.join("minimal.toml")
        )]
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("<a href=\"council-tax.html\">Council tax privacy notice</a> (last updated 1 October 2026)"), "{index}");

    // With --allow-errors the minimal notice is published too.
    let mut allow = options(&out);
    allow.allow_errors = true;
    let report = build(&[src], &allow).expect("builds");
    assert!(report.withheld.is_empty());
    assert!(out.join("minimal.html").is_file());
}

#[test]
fn an_unchanged_rebuild_writes_nothing() {
    let src = sources("rebuild");
    let out = src.parent().expect("parent").join("site");
    build(std::slice::from_ref(&src), &options(&out)).expect("first build");
    let report = build(&[src], &options(&out)).expect("second build");
    assert!(!report.outputs.is_empty());
    assert!(
        report
            .outputs
            .iter()
            .all(|o| o.status == WriteStatus::Unchanged),
        "{:?}",
        report.outputs
    );
}

#[test]
fn a_build_that_would_overwrite_a_source_file_is_refused() {
    let dir = temp_dir("overwrite");
    // A source named like an output of another format.
    let source = dir.join("notice.md");
    std::fs::copy("examples/council-tax.toml", &source).expect("copy");
    let before = std::fs::read(&source).expect("read");
    let err = build(std::slice::from_ref(&source), &options(&dir)).expect_err("refused");
    assert!(matches!(err, BuildError::OverwritesSource { .. }), "{err}");
    assert!(err.to_string().contains("would overwrite the source file"));
    assert_eq!(
        std::fs::read(&source).expect("read"),
        before,
        "the source is untouched"
    );
}

#[test]
fn two_notices_with_the_same_output_name_are_refused() {
    let dir = temp_dir("same-name");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).expect("dir");
        std::fs::copy("examples/council-tax.toml", dir.join(sub).join("tax.toml")).expect("copy");
    }
    let err = build(
        &[dir.join("a/tax.toml"), dir.join("b/tax.toml")],
        &options(&dir.join("site")),
    )
    .expect_err("refused");
    assert!(matches!(err, BuildError::SameOutput { .. }), "{err}");
}

#[test]
fn template_errors_name_the_template_and_line() {
    let dir = temp_dir("templates");
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates).expect("dir");
    std::fs::write(
        templates.join("notice.txt.j2"),
        "Title: {{ notice.title }}\n{% if %}\n",
    )
    .expect("write");
    let mut opts = options(&dir.join("site"));
    opts.render.templates_dir = Some(templates);
    let err =
        build(&[PathBuf::from("examples/council-tax.toml")], &opts).expect_err("template error");
    let message = err.to_string();
    assert!(message.contains("notice.txt.j2, line 2"), "{message}");
}

#[test]
fn a_user_template_overrides_one_file_and_the_rest_stay_built_in() {
    let dir = temp_dir("override");
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates).expect("dir");
    std::fs::write(
        templates.join("notice.txt.j2"),
        "{{ notice.title }} for {{ notice.controller.name }}\n",
    )
    .expect("write");
    let out = dir.join("site");
    let mut opts = options(&out);
    opts.render.templates_dir = Some(templates);
    build(&[PathBuf::from("examples/council-tax.toml")], &opts).expect("builds");
    assert_eq!(
        std::fs::read_to_string(out.join("council-tax.txt")).expect("txt"),
        "Council tax privacy notice for Example Borough Council\n"
    );
    assert!(
        std::fs::read_to_string(out.join("council-tax.html"))
            .expect("html")
            .contains("<h2 id=\"rights\">Your rights</h2>")
    );
}

#[test]
fn init_writes_the_default_templates_and_never_overwrites() {
    use noticec::render::templates::DEFAULTS;
    use noticec::scaffold::{Scaffolded as Written, templates as write_defaults};
    let dir = temp_dir("init").join("templates");
    let first = write_defaults(&dir).expect("writes");
    assert_eq!(
        first
            .iter()
            .filter(|w| matches!(w, Written::Created(_)))
            .count(),
        DEFAULTS.len()
    );
    std::fs::write(dir.join("notice.txt.j2"), "mine").expect("write");
    let second = write_defaults(&dir).expect("writes");
    assert!(second.iter().all(|w| matches!(w, Written::Kept(_))));
    assert_eq!(
        std::fs::read_to_string(dir.join("notice.txt.j2")).expect("read"),
        "mine"
    );
}

#[test]
fn names_that_differ_only_in_an_inner_extension_get_their_own_pages() {
    // `x.toml` and `x.md.toml` once both wrote x.html, x.md and x.txt.
    let dir = temp_dir("inner-extension");
    let src = dir.join("notices");
    std::fs::create_dir_all(&src).expect("dir");
    for name in ["x.toml", "x.md.toml"] {
        std::fs::copy("examples/council-tax.toml", src.join(name)).expect("copy");
    }
    let out = dir.join("site");
    let report = build(std::slice::from_ref(&src), &options(&out)).expect("builds");
    let written = written(&report, &out);
    assert_eq!(
        written,
        [
            "index.html",
            "index.md",
            "x.html",
            "x.md",
            "x.md.html",
            "x.md.md",
            "x.md.txt",
            "x.txt"
        ]
    );
}

#[test]
fn a_file_named_twice_is_built_once() {
    let src = sources("twice");
    let file = src.join("council-tax.toml");
    let out = src.parent().expect("parent").join("site");
    for _ in 0..5 {
        let report = build(&[file.clone(), file.clone()], &options(&out)).expect("builds");
        assert_eq!(report.notices, 1);
    }
}

#[test]
fn a_file_name_never_becomes_a_link_scheme() {
    let dir = temp_dir("scheme");
    let src = dir.join("notices");
    std::fs::create_dir_all(&src).expect("dir");
    std::fs::copy(
        "examples/council-tax.toml",
        src.join("javascript:alert(1).toml"),
    )
    .expect("copy");
    let out = dir.join("site");
    build(std::slice::from_ref(&src), &options(&out)).expect("builds");
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    // "./" (written &#x2f; by the HTML escaper) keeps the name a path.
    assert!(
        index.contains("href=\".&#x2f;javascript:alert(1).html\""),
        "{index}"
    );
    assert!(!index.contains("href=\"javascript:"), "{index}");
}

#[test]
fn temporary_files_of_a_killed_build_are_removed_by_the_next() {
    let src = sources("leftovers");
    let out = src.parent().expect("parent").join("site");
    std::fs::create_dir_all(out.join("nested")).expect("dir");
    let leftovers = [
        out.join(".council-tax.html.4242-0.noticec-tmp"),
        out.join("nested/.page.md.4242-7.noticec-tmp"),
    ];
    for leftover in &leftovers {
        std::fs::write(leftover, "").expect("leftover");
    }
    // A file of the user's that merely looks similar is kept.
    let kept = out.join("notes.noticec-tmp");
    std::fs::write(&kept, "mine").expect("file");
    build(std::slice::from_ref(&src), &options(&out)).expect("builds");
    for leftover in &leftovers {
        assert!(!leftover.exists(), "{} removed", leftover.display());
    }
    assert!(kept.exists());
}

#[cfg(unix)]
#[test]
fn a_planted_symbolic_link_at_a_temporary_name_is_never_followed() {
    let dir = temp_dir("symlink");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let out = dir.join("site");
    std::fs::create_dir_all(&out).expect("dir");
    // Plant links at every temporary name this process could use first,
    // and at the name earlier versions used (`.page.html.PID.noticec-tmp`,
    // which `File::create` followed).
    let pid = std::process::id();
    let names = (0..64)
        .map(|n| format!(".page.html.{pid}-{n}.noticec-tmp"))
        .chain(std::iter::once(format!(".page.html.{pid}.noticec-tmp")));
    for name in names {
        std::os::unix::fs::symlink(&victim, out.join(name)).expect("symlink");
    }
    let page = out.join("page.html");
    // Whether the write succeeds or gives up, the link's target is untouched.
    let _ = noticec::site::write::write_if_changed(&page, b"new page");
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
}

/// With a cache folder, a build keeps each page's stamp there (not in the
/// published build record), and a rebuild trusts a page by its stamp only
/// while the file is untouched: a page edited in place, to the same size
/// and with its modification time put back, is still made again.
#[test]
fn a_page_edited_in_place_is_made_again_though_its_size_and_time_are_the_same() {
    let src = sources("stamps");
    let root = src.parent().expect("parent").to_path_buf();
    if !site::stamps::keeps_change_times(&root) {
        eprintln!("skipped: no stamps are kept in {}", root.display());
        return;
    }
    let out = root.join("site");
    let cache = root.join("cache");
    let build_cached = || {
        let check = Options::new(jiff::civil::date(2026, 11, 23));
        let mut workspace =
            Workspace::open(std::slice::from_ref(&src), None, check).expect("notices to build");
        workspace.use_verdict_cache(&cache);
        site::build(&workspace, &options(&out)).expect("builds")
    };
    let statuses = |report: &BuildReport| -> Vec<(String, WriteStatus)> {
        report
            .outputs
            .iter()
            .map(|o| {
                (
                    o.path.file_name().unwrap().to_string_lossy().into_owned(),
                    o.status,
                )
            })
            .collect()
    };
    let assert_all_unchanged = |report: &BuildReport| {
        let statuses = statuses(report);
        assert!(
            statuses.iter().all(|(_, s)| *s == WriteStatus::Unchanged),
            "{statuses:?}"
        );
    };
    let set_modified = |path: &Path, time: std::time::SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(time))
            .expect("modification time set");
    };
    build_cached();
    // The pages were written in this build's tick of the clock: the next
    // build reads them, and stamps them.
    let rebuilt = build_cached();
    assert_all_unchanged(&rebuilt);
    let stamps: Vec<PathBuf> = std::fs::read_dir(&cache)
        .expect("the cache folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "stamps"))
        .collect();
    assert_eq!(stamps.len(), 1, "one stamps file for the output folder");
    let manifest = std::fs::read_to_string(out.join(".noticec-build.json")).expect("record");
    assert!(
        !manifest.contains("ino") && !manifest.contains("stamp"),
        "{manifest}"
    );

    let page = out.join("council-tax.html");
    let original = std::fs::read(&page).expect("page");
    let modified = std::fs::metadata(&page)
        .and_then(|m| m.modified())
        .expect("time");
    let rebuilt = build_cached();
    assert_all_unchanged(&rebuilt);

    // The same length, the old modification time: only the change time,
    // which no program sets back, tells.
    let edited = String::from_utf8(original.clone())
        .expect("UTF-8")
        .replacen("Council tax", "Council TAX", 1);
    assert_eq!(edited.len(), original.len());
    std::fs::write(&page, &edited).expect("edit");
    set_modified(&page, modified);
    let rebuilt = build_cached();
    let written: Vec<String> = statuses(&rebuilt)
        .into_iter()
        .filter(|(_, s)| *s == WriteStatus::Written)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(written, ["council-tax.html"]);
    assert_eq!(std::fs::read(&page).expect("page"), original);

    // Touched, not changed: read again, found the same, not written.
    set_modified(&out.join("council-tax.md"), std::time::SystemTime::now());
    let rebuilt = build_cached();
    assert_all_unchanged(&rebuilt);
}

/// Builds the two examples, adds to the record of council-tax a page
/// `page` (relative to the output folder) holding a victim file's bytes,
/// after `prepare` (given the folder above the output folder) made what it
/// needs; then gives council-tax an error and builds again, so that its
/// pages are taken down. Returns the second build's report.
fn withhold_with_a_forged_page(
    name: &str,
    page: &str,
    prepare: impl FnOnce(&Path),
) -> (PathBuf, BuildReport) {
    let notices = sources(name);
    let root = notices.parent().expect("parent").to_path_buf();
    let out = root.join("site");
    build(std::slice::from_ref(&notices), &options(&out)).expect("first build");
    prepare(&root);
    let hash = noticec::files::content_hash(b"not a page\n");
    let record_path = out.join(".noticec-build.json");
    let record = std::fs::read_to_string(&record_path).expect("record");
    let mut json: serde_json::Value = serde_json::from_str(&record).expect("json");
    json["notices"]["council-tax"]["outputs"]
        .as_object_mut()
        .expect("the record of council-tax")
        .insert(page.into(), serde_json::Value::String(hash));
    std::fs::write(&record_path, serde_json::to_string(&json).expect("json")).expect("record");
    // council-tax now has an error: withheld, its pages taken down.
    let path = notices.join("council-tax.toml");
    let text = std::fs::read_to_string(&path).expect("notice");
    std::fs::write(
        &path,
        text.replacen("[controller]", "[controller]\nnmae = 1", 1),
    )
    .expect("edit");
    let report = build(&[notices], &options(&out)).expect("second build");
    assert!(
        report.withheld.iter().any(|w| w.contains("council-tax")),
        "{:?}",
        report.withheld
    );
    assert!(
        report.outputs.iter().all(|o| o.path.starts_with(&out)),
        "{:?}",
        report.outputs
    );
    (root, report)
}

/// The build record is a file in the output folder, which others may be
/// able to edit (a pull request to a repository that keeps its site): one
/// that names a file outside the folder as a page of a notice now withheld
/// does not get that file removed, even with its right hash.
#[test]
fn a_record_naming_a_file_outside_the_folder_never_removes_it() {
    let (root, _) = withhold_with_a_forged_page("record-outside", "../victim.txt", |root| {
        std::fs::write(root.join("victim.txt"), "not a page\n").expect("victim");
    });
    assert!(
        root.join("victim.txt").is_file(),
        "a file outside the output folder was removed"
    );
}

/// The same through a folder of the output folder that is a link to a
/// folder elsewhere: the page path is plain, the file it reaches is not in
/// the output folder.
#[cfg(unix)]
#[test]
fn a_record_naming_a_page_in_a_linked_folder_never_removes_what_it_reaches() {
    let (root, report) =
        withhold_with_a_forged_page("record-linked", "assets/victim.txt", |root| {
            let elsewhere = root.join("elsewhere");
            std::fs::create_dir_all(&elsewhere).expect("elsewhere");
            std::fs::write(elsewhere.join("victim.txt"), "not a page\n").expect("victim");
            std::os::unix::fs::symlink(&elsewhere, root.join("site/assets")).expect("link");
        });
    assert!(
        root.join("elsewhere/victim.txt").is_file(),
        "a file in a linked folder was removed"
    );
    // The notice's own pages were taken down all the same.
    assert!(
        report
            .outputs
            .iter()
            .any(|o| o.status == WriteStatus::Removed),
        "{:?}",
        report.outputs
    );
}

/// Whatever is found at a page's name or the build record's — a pipe that
/// nobody writes to, a sparse file of a terabyte — a rebuild neither waits
/// on it nor reads it whole: it replaces it with what belongs there.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_huge_file_where_a_page_was_is_replaced_without_waiting() {
    let notices = sources("odd-files");
    let out = notices.parent().expect("parent").join("site");
    build(std::slice::from_ref(&notices), &options(&out)).expect("first build");
    let html = out.join("council-tax.html");
    let txt = out.join("council-tax.txt");
    let record = out.join(".noticec-build.json");
    let (html_page, txt_page) = (
        std::fs::read(&html).expect("html"),
        std::fs::read(&txt).expect("txt"),
    );
    let mkfifo = |path: &Path| {
        std::fs::remove_file(path).expect("remove");
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.expect("mkfifo runs").success());
    };
    mkfifo(&html);
    mkfifo(&record);
    std::fs::File::options()
        .write(true)
        .open(&txt)
        .and_then(|file| file.set_len(1 << 40))
        .expect("a sparse terabyte");
    let (done, finished) = std::sync::mpsc::channel();
    let options = options(&out);
    std::thread::spawn(move || done.send(build(&[notices], &options).map(|r| r.withheld)));
    let withheld = finished
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the build does not wait on a pipe or read a terabyte")
        .expect("the build");
    assert_eq!(withheld.len(), 1, "{withheld:?}"); // the minimal notice
    assert_eq!(std::fs::read(&html).expect("html"), html_page);
    assert_eq!(std::fs::read(&txt).expect("txt"), txt_page);
    assert!(std::fs::metadata(&record).expect("record").is_file());
}

/// A folder of the output folder that is a link to a folder elsewhere
/// (made by hand, or committed to a repository that keeps its site) would
/// have the pages of the notices in that folder written there: the build
/// is refused, saying which folder, and nothing is written through it.
#[cfg(unix)]
#[test]
fn pages_are_never_written_through_a_link_out_of_the_output_folder() {
    let root = temp_dir("linked-folder");
    let notices = root.join("notices");
    std::fs::create_dir_all(notices.join("sub")).expect("notices");
    std::fs::copy(
        "examples/council-tax.toml",
        notices.join("sub/council-tax.toml"),
    )
    .expect("copy");
    let out = root.join("site");
    build(std::slice::from_ref(&notices), &options(&out)).expect("a first build");
    assert!(out.join("sub/council-tax.html").is_file());
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("elsewhere");
    std::fs::remove_dir_all(out.join("sub")).expect("remove");
    std::os::unix::fs::symlink(&elsewhere, out.join("sub")).expect("link");
    let refused = build(std::slice::from_ref(&notices), &options(&out));
    match refused {
        Err(BuildError::LeavesOutput { folder }) => assert_eq!(folder, out.join("sub")),
        other => panic!("not refused: {:?}", other.map(|r| written(&r, &out))),
    }
    assert_eq!(std::fs::read_dir(&elsewhere).expect("elsewhere").count(), 0);
    // A link to a folder inside the output folder is fine.
    std::fs::remove_file(out.join("sub")).expect("unlink");
    std::fs::create_dir_all(out.join("real")).expect("real");
    std::os::unix::fs::symlink(out.join("real"), out.join("sub")).expect("link");
    build(std::slice::from_ref(&notices), &options(&out)).expect("a link inside is followed");
    assert!(out.join("real/council-tax.html").is_file());
}
