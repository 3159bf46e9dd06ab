//! The ready-to-copy integrations work: completions for every shell, a man
//! page that renders, and the pre-commit manifest and CI snippets in the
//! README point at commands that exist.

use std::process::Command;

fn noticec(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_noticec"))
        .args(args)
        .output()
        .expect("noticec runs")
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = noticec(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.len() > 500, "{shell}: the script is empty or tiny");
        assert!(script.contains("noticec"), "{shell}");
        assert!(
            script.contains("deny-warnings"),
            "{shell}: options are completed"
        );
    }
    let output = noticec(&["completions", "tcsh"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn the_man_page_renders() {
    let output = noticec(&["man"]);
    assert!(output.status.success());
    let page = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        page.starts_with(".ie") || page.contains(".TH noticec"),
        "roff output"
    );
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    // Render it with groff or mandoc where the machine has one.
    for (tool, args) in [
        ("mandoc", vec!["-T", "utf8"]),
        ("groff", vec!["-man", "-T", "utf8"]),
    ] {
        let Ok(mut child) = Command::new(tool)
            .args(&args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
        else {
            continue;
        };
        use std::io::Write;
        if let Some(stdin) = child.stdin.as_mut() {
            stdin.write_all(page.as_bytes()).expect("write");
        }
        let rendered = child.wait_with_output().expect("renders");
        assert!(
            rendered.status.success(),
            "{tool} failed: {}",
            String::from_utf8_lossy(&rendered.stderr)
        );
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(text.contains("noticec"), "{tool} output");
        return;
    }
    eprintln!("note: neither mandoc nor groff is installed; checked the roff structure only");
}

#[test]
fn the_pre_commit_hook_runs_a_real_command() {
    let manifest = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("manifest");
    assert!(manifest.contains("entry: noticec check"));
    assert!(manifest.contains("language: rust"));
    // The hook passes file names to `noticec check`, which must accept them.
    let output = noticec(&[
        "check",
        "examples/council-tax.toml",
        "examples/corrected/derby-city-council.toml",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn the_readme_ci_snippets_use_real_options() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    for needle in [
        "--format sarif",
        "--format github",
        "--format gitlab",
        "upload-sarif",
        "codequality",
    ] {
        assert!(readme.contains(needle), "README mentions {needle}");
    }
    for format in ["sarif", "github", "gitlab"] {
        let output = noticec(&["check", "examples/council-tax.toml", "--format", format]);
        assert_eq!(output.status.code(), Some(0), "--format {format}");
    }
}
