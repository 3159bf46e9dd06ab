//! Machine output for CI: SARIF, GitHub annotations and GitLab Code Quality,
//! snapshotted on the minimal example and on a finding whose message holds
//! the characters each format must escape (`%`, a newline and a comma).

use std::path::{Path, PathBuf};

use noticec::check::validate::{Options, validate_with_suppressions};
use noticec::check::{FileKind, FileReport, check_files};
use noticec::load::load_str;
use noticec::report::{github, gitlab, sarif};

fn options() -> Options {
    Options::new(jiff::civil::date(2026, 11, 23))
}

fn minimal() -> Vec<FileReport> {
    check_files(&[PathBuf::from("examples/minimal.toml")], &options())
}

/// A notice with an unknown key written `"50% of\nthings, here"`.
fn awkward() -> Vec<FileReport> {
    let text = std::fs::read_to_string("examples/council-tax.toml")
        .expect("example")
        .replace("[dpo]\n", "[dpo]\n\"50% of\\nthings, here\" = 1\n");
    let outcome = load_str(Path::new("examples/awkward.toml"), text);
    let mut diagnostics = outcome.diagnostics;
    let loaded = outcome.notice.expect("loads");
    let validation = validate_with_suppressions(&loaded, &options());
    diagnostics.extend(validation.diagnostics);
    assert!(
        diagnostics.iter().any(|d| d.message.contains('%')
            && d.message.contains('\n')
            && d.message.contains(','))
    );
    let mut report = FileReport::new(Path::new("examples/awkward.toml"), FileKind::Notice);
    report.notice = Some(std::sync::Arc::new(loaded));
    report.diagnostics = diagnostics;
    report.suppressed = validation.suppressed;
    vec![report]
}

#[test]
fn sarif_output() {
    let profile = options().profile;
    insta::assert_snapshot!(
        "sarif-minimal",
        sarif::render(&minimal(), &profile).expect("renders")
    );
    let awkward = sarif::render(&awkward(), &profile).expect("renders");
    let log: serde_json::Value = serde_json::from_str(&awkward).expect("valid JSON");
    assert_eq!(log["version"], "2.1.0");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), noticec::rules::RULES.len());
    for rule in rules {
        assert!(
            !rule["fullDescription"]["text"]
                .as_str()
                .unwrap_or("")
                .is_empty(),
            "{rule}"
        );
        assert!(
            !rule["help"]["text"].as_str().unwrap_or("").is_empty(),
            "{rule}"
        );
    }
    insta::assert_snapshot!("sarif-awkward", awkward);
}

#[test]
fn github_annotations() {
    insta::assert_snapshot!("github-minimal", github::render(&minimal()));
    let awkward = github::render(&awkward());
    assert!(
        awkward.contains("50%25 of%0Athings%2C here")
            || awkward.contains("50%25 of%0Athings, here")
    );
    for line in awkward.lines().filter(|l| l.starts_with("::")) {
        assert!(!line.contains('\r'));
    }
    insta::assert_snapshot!("github-awkward", awkward);
}

#[test]
fn gitlab_code_quality() {
    let first = gitlab::render(&minimal()).expect("renders");
    assert_eq!(
        first,
        gitlab::render(&minimal()).expect("renders"),
        "fingerprints are stable across runs"
    );
    let issues: serde_json::Value = serde_json::from_str(&first).expect("valid JSON");
    let fingerprints: std::collections::HashSet<_> = issues
        .as_array()
        .expect("array")
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint").to_string())
        .collect();
    assert_eq!(
        fingerprints.len(),
        issues.as_array().map_or(0, Vec::len),
        "fingerprints are unique"
    );
    insta::assert_snapshot!("gitlab-minimal", first);
    insta::assert_snapshot!(
        "gitlab-awkward",
        gitlab::render(&awkward()).expect("renders")
    );
}
