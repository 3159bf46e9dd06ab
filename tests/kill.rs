//! No data loss: a build killed at any moment leaves every output file
//! absent, the previous complete version, or the new complete version, never
//! half a page; a build writes nothing inside the source folder and deletes
//! nothing it did not write.
//!
//! A corpus of 200 notices is generated in two versions (A and B, which
//! differ in every notice). Each is built once, to completion, as the
//! reference. Then the real binary builds into one output folder, switching
//! between the versions, and is killed with SIGKILL after a random delay,
//! 20 times; after each kill every file in the output folder is compared
//! with the references. The seed is printed so a failure can be replayed
//! with `NOTICEC_KILL_SEED=...`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

const NOTICES: usize = 200;
const KILLS: usize = 20;
const TEMP_SUFFIX: &str = ".noticec-tmp";

/// A small deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("noticec-kill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes the corpus in `version` ("A" or "B") into `src`: every notice is
/// the council tax example with its own title, summary and size.
fn write_corpus(src: &Path, version: &str) {
    let base = std::fs::read_to_string("examples/council-tax.toml").expect("the example");
    for i in 0..NOTICES {
        let dir = src.join(format!("area-{}", i % 10));
        std::fs::create_dir_all(&dir).expect("corpus dir");
        let extra = format!(
            "\n[[sections]]\nid = \"extra\"\ntitle = \"About notice {i}\"\nbody = \"\"\"\n{}\n\"\"\"\n",
            format!("Version {version} of notice {i} says more. ").repeat(1 + i % 40)
        );
        let text =
            base.replace(
                "title = \"Council tax privacy notice\"",
                &format!("title = \"Council tax privacy notice {i} ({version})\""),
            )
            .replace(
                "to bill and collect council tax",
                &format!("to bill and collect council tax (version {version})"),
            ) + &extra;
        std::fs::write(dir.join(format!("notice-{i:03}.toml")), text).expect("write notice");
    }
}

fn build_command(src: &Path, out: &Path, cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_noticec"));
    command
        .arg("build")
        .arg(src)
        .arg("--out")
        .arg(out)
        .current_dir(cwd)
        .env("NOTICEC_TODAY", "2026-11-23")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Builds to completion and returns how long it took.
fn build(src: &Path, out: &Path, cwd: &Path) -> Duration {
    let started = Instant::now();
    let status = build_command(src, out, cwd).status().expect("run noticec");
    assert_eq!(status.code(), Some(0), "the corpus builds cleanly");
    started.elapsed()
}

/// Every file under `dir`: relative path → content.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if let Ok(content) = std::fs::read(&path) {
                let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                found.insert(relative, content);
            }
        }
    }
    found
}

fn is_temp(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(TEMP_SUFFIX))
}

/// What one look at the output folder found.
#[derive(Debug, Default)]
struct Check {
    previous: usize,
    new: usize,
    absent: usize,
    temp_files: usize,
    partial: Vec<String>,
    strangers: Vec<String>,
}

/// Compares the output folder with the references: every reference file is
/// absent or equal to one of the two versions; any other file must be a
/// hidden temporary file, or one we put there ourselves.
fn check_outputs(
    out: &Path,
    previous: &BTreeMap<PathBuf, Vec<u8>>,
    new: &BTreeMap<PathBuf, Vec<u8>>,
    ours: &[&str],
) -> Check {
    let found = files(out);
    let mut check = Check::default();
    for path in previous
        .keys()
        .chain(new.keys().filter(|p| !previous.contains_key(*p)))
    {
        match found.get(path) {
            None => check.absent += 1,
            Some(content) if previous.get(path) == Some(content) => check.previous += 1,
            Some(content) if new.get(path) == Some(content) => check.new += 1,
            Some(content) => check.partial.push(format!(
                "{} ({} bytes; previous {:?} bytes, new {:?} bytes)",
                path.display(),
                content.len(),
                previous.get(path).map(Vec::len),
                new.get(path).map(Vec::len),
            )),
        }
    }
    for path in found.keys() {
        if previous.contains_key(path) || new.contains_key(path) {
            continue;
        }
        if is_temp(path) {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                check.temp_files += 1;
                continue;
            }
        }
        if !ours.iter().any(|o| path == Path::new(o)) {
            check.strangers.push(path.display().to_string());
        }
    }
    check
}

/// A fingerprint of a folder that changes if any file is added, removed,
/// rewritten or touched.
fn fingerprint(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, Option<SystemTime>)> {
    files(dir)
        .into_iter()
        .map(|(path, content)| {
            let modified = std::fs::metadata(dir.join(&path))
                .and_then(|m| m.modified())
                .ok();
            (path, (content, modified))
        })
        .collect()
}

#[test]
fn killed_builds_leave_only_complete_files() {
    let started = Instant::now();
    let root = temp_dir("corpus");
    let src = root.join("notices");
    let cwd = root.join("cwd");
    std::fs::create_dir_all(&cwd).expect("cwd");

    // The two reference builds.
    write_corpus(&src, "A");
    let took_a = build(&src, &root.join("ref-a"), &cwd);
    let ref_a = files(&root.join("ref-a"));
    write_corpus(&src, "B");
    let took_b = build(&src, &root.join("ref-b"), &cwd);
    let ref_b = files(&root.join("ref-b"));
    // Hidden files (the build's manifest) are outputs too, checked alike.
    let pages = |files: &BTreeMap<PathBuf, Vec<u8>>| {
        files
            .keys()
            .filter(|p| !p.to_string_lossy().starts_with('.'))
            .count()
    };
    assert_eq!(
        pages(&ref_a),
        NOTICES * 3 + 2,
        "3 formats per notice and 2 index pages"
    );
    assert_eq!(ref_a.len(), ref_b.len());
    let differing = ref_a
        .iter()
        .filter(|(p, c)| ref_b.get(*p) != Some(*c))
        .count();
    assert!(
        differing >= NOTICES * 3,
        "the two versions differ in every notice page ({differing} files differ)"
    );
    assert!(ref_a.keys().chain(ref_b.keys()).all(|p| !is_temp(p)));
    let full = took_a.max(took_b);
    println!("reference builds of {NOTICES} notices: {took_a:?} and {took_b:?}");

    let seed = std::env::var("NOTICEC_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0x9E37_79B9, |d| d.as_nanos() as u64)
                | 1
        });
    println!("NOTICEC_KILL_SEED={seed}");
    let mut rng = Rng(seed);

    // The output folder holds files the build did not write: they must
    // survive every build, killed or not.
    let out = root.join("site");
    std::fs::create_dir_all(out.join("area-0")).expect("out");
    let ours = ["keep-me.txt", "area-0/old-page.html", ".hidden"];
    for name in ours {
        std::fs::write(out.join(name), name).expect("write our file");
    }

    let src_before = fingerprint(&src);
    let nothing = BTreeMap::new();
    let mut version = "A";
    let mut tried = 0;
    let mut partial = 0;
    let mut max_temp = 0;
    let mut killed_while_running = 0;
    for round in 0..KILLS {
        // The first round builds version A into an empty folder: every file
        // must be absent or new. Later rounds switch versions each time, so
        // every file must be the version being built or the other one (the
        // folder holds a mix of both after earlier kills), or absent.
        let (previous, new) = if round == 0 {
            write_corpus(&src, "A");
            (&nothing, &ref_a)
        } else {
            version = if version == "A" { "B" } else { "A" };
            write_corpus(&src, version);
            if version == "A" {
                (&ref_b, &ref_a)
            } else {
                (&ref_a, &ref_b)
            }
        };
        // Kill at a random moment of the build (which takes about `full`).
        let delay = Duration::from_micros(rng.below(full.as_micros() as u64 * 6 / 10));
        let mut child = build_command(&src, &out, &cwd).spawn().expect("spawn");
        std::thread::sleep(delay);
        if child.try_wait().expect("poll").is_none() {
            killed_while_running += 1;
        }
        let _ = child.kill();
        let _ = child.wait();

        let check = check_outputs(&out, previous, new, &ours);
        tried += 1;
        partial += check.partial.len();
        max_temp = max_temp.max(check.temp_files);
        println!(
            "round {round:2}: killed after {delay:>9.3?}: {} previous, {} new, {} absent, {} temporary files",
            check.previous, check.new, check.absent, check.temp_files
        );
        assert!(
            check.partial.is_empty(),
            "round {round}: files that are neither version (seed {seed}): {:#?}",
            check.partial
        );
        assert!(
            check.strangers.is_empty(),
            "round {round}: unexpected visible files in the output (seed {seed}): {:?}",
            check.strangers
        );
        for name in ours {
            assert_eq!(
                std::fs::read(out.join(name)).ok().as_deref(),
                Some(name.as_bytes()),
                "{name} was not written by the build and must survive it"
            );
        }
    }

    // A build that is not killed finishes the job: exactly the new version,
    // and the files that were not ours are still there.
    build(&src, &out, &cwd);
    let finished = files(&out);
    let reference = if version == "A" { &ref_a } else { &ref_b };
    for (path, content) in reference {
        assert_eq!(
            finished.get(path),
            Some(content),
            "{} is the new version after a complete build",
            path.display()
        );
    }
    let leftovers: Vec<_> = finished.keys().filter(|p| is_temp(p)).collect();
    println!(
        "after {tried} kills ({killed_while_running} while the build was running): \
         {partial} partial files; at most {max_temp} temporary files seen after a kill; \
         {} temporary files still there after a complete build: {leftovers:?}",
        leftovers.len()
    );
    assert!(
        leftovers.iter().all(|p| p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))),
        "temporary files are hidden"
    );

    // Nothing was added to the source folder (its contents are rewritten
    // by this test; `build_never_writes_inside_the_source_folder` checks
    // them byte for byte), and nothing was written in the working directory.
    assert_eq!(
        fingerprint(&src).keys().collect::<Vec<_>>(),
        src_before.keys().collect::<Vec<_>>(),
        "the build added or removed files in the source folder"
    );
    assert!(
        files(&cwd).is_empty(),
        "a build with --out writes nothing in the working directory"
    );
    println!("kill test took {:?}", started.elapsed());
    let _ = std::fs::remove_dir_all(&root);
}

/// Building from a folder writes nothing inside it: not in the source
/// folder, not in the working directory (which is the source folder here),
/// and a second build does not touch files that did not change.
#[test]
fn build_never_writes_inside_the_source_folder() {
    let root = temp_dir("source");
    let src = root.join("notices");
    std::fs::create_dir_all(src.join("housing")).expect("src");
    std::fs::copy(
        "examples/council-tax.toml",
        src.join("housing/council-tax.toml"),
    )
    .expect("copy");
    std::fs::write(src.join("README.txt"), "not a notice").expect("write");
    let before = fingerprint(&src);
    let out = root.join("out");
    let status = build_command(Path::new("."), &out, &src)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        fingerprint(&src),
        before,
        "building `.` with --out elsewhere wrote inside the source folder"
    );
    let first = fingerprint(&out);
    assert!(first.contains_key(Path::new("housing/council-tax.html")));
    // A second, unchanged build rewrites nothing.
    std::thread::sleep(Duration::from_millis(20));
    let status = build_command(Path::new("."), &out, &src)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(0));
    assert_eq!(fingerprint(&out), first, "an unchanged build rewrote files");
    let _ = std::fs::remove_dir_all(&root);
}

/// A build that stops part-way (killed, or failing on one page) must not
/// leave the next complete build trusting a record of pages it has since
/// replaced. Here the second build writes `a.html` from a new source and
/// then fails on `b.html` (a folder is in the way), before it records what
/// it wrote; the source is then put back, and a third, complete build must
/// publish the page of the source as it now is.
#[test]
fn an_interrupted_build_leaves_no_stale_page_behind() {
    let root = temp_dir("stale");
    let src = root.join("src");
    let out = root.join("out");
    std::fs::create_dir_all(&src).expect("src");
    let base = std::fs::read_to_string("examples/council-tax.toml").expect("example");
    // The two versions have the same length, as a one-letter fix has.
    let version = |v: &str| {
        base.replace(
            "title = \"Council tax privacy notice\"",
            &format!("title = \"Council tax privacy notice ({v})\""),
        )
    };
    std::fs::write(src.join("a.toml"), version("B")).expect("write");
    std::fs::write(src.join("b.toml"), &base).expect("write");
    let cwd = root.clone();
    build(&src, &out, &cwd);

    std::fs::write(src.join("a.toml"), version("A")).expect("write");
    std::fs::remove_file(out.join("b.html")).expect("remove");
    std::fs::create_dir_all(out.join("b.html/in-the-way")).expect("mkdir");
    let status = build_command(&src, &out, &cwd).status().expect("run");
    assert_eq!(status.code(), Some(2), "the second build fails on b.html");
    let a = std::fs::read_to_string(out.join("a.html")).expect("a.html");
    assert!(
        a.contains("privacy notice (A)"),
        "the failed build wrote a.html first"
    );

    std::fs::write(src.join("a.toml"), version("B")).expect("write");
    std::fs::remove_dir_all(out.join("b.html")).expect("rmdir");
    build(&src, &out, &cwd);
    let a = std::fs::read_to_string(out.join("a.html")).expect("a.html");
    let _ = std::fs::remove_dir_all(&root);
    assert!(
        a.contains("privacy notice (B)"),
        "a complete build left a.html built from the source as it was two builds ago \
         (the manifest written by the first build still vouched for it)"
    );
}
