//! Snapshots of what users see: human output (no colour, 80 columns) and
//! JSON for the bundled examples and for broken files.

use std::path::PathBuf;

use noticec::check::check_files;
use noticec::check::validate::Options;
use noticec::report::{human, json};

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
