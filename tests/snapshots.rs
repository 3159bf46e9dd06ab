//! Snapshots of what users see: human output (no colour, 80 columns) and
//! JSON for the bundled examples and for broken files.

use std::path::PathBuf;

use noticec::check::check_files;
use noticec::check::validate::Options;
use noticec::report::{concise, human, json};

fn options() -> Options {
    Options::new(jiff::civil::date(2026, 11, 23))
}

fn human_output(path: &str) -> String {
    human::render(
        &check_files(&[PathBuf::from(path)], &options()),
        human::Style::plain(),
    )
}

#[test]
fn minimal_example_human() {
    insta::assert_snapshot!(human_output("examples/minimal.toml"));
}

#[test]
fn minimal_example_json() {
    let output = json::render(&check_files(
        &[PathBuf::from("examples/minimal.toml")],
        &options(),
    ))
    .expect("renders");
    insta::assert_snapshot!(output);
}

#[test]
fn the_seeds_in_concise_format() {
    // One line per finding, `file:line:col: severity CODE[key] message`,
    // for every seed: what a person scanning a long report reads.
    let mut files: Vec<PathBuf> = std::fs::read_dir("examples/seeds")
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let output = concise::render(&check_files(&files, &options()));
    for line in output.lines().filter(|l| !l.starts_with("checked ")) {
        let (place, rest) = line.split_once(": ").expect("place: finding");
        assert_eq!(place.matches(':').count(), 2, "{line}");
        assert!(
            rest.starts_with("error ") || rest.starts_with("warning "),
            "{line}"
        );
    }
    insta::assert_snapshot!(output);
}

#[test]
fn complete_example_is_clean() {
    insta::assert_snapshot!(human_output("examples/council-tax.toml"), @"checked 1 notice: no problems found");
}

#[test]
fn broken_files_human() {
    for name in [
        "unknown-keys",
        "syntax-error",
        "wrong-type",
        "dangling-reference",
        "not-utf8",
        "empty",
    ] {
        let output = human_output(&format!("tests/fixtures/broken/{name}.toml"));
        insta::assert_snapshot!(format!("broken_{name}"), output);
    }
}
