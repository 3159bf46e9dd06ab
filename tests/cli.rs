//! CLI transcripts (`tests/cmd/*.md`): arguments, output and exit code of
//! real runs of the binary, as a reader would type them. A transcript with
//! a `NAME.in/` folder runs there; one with a `NAME.out/` folder too runs in
//! a fresh temporary copy of it, so builds never share an output folder.

#[test]
fn cli_transcripts() {
    trycmd::TestCases::new()
        .env("NOTICEC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir()
                .join("noticec-cli-cache")
                .to_string_lossy(),
        )
        .case("tests/cmd/*.md");
}

/// The transcripts' copies of the examples are the examples (all but the
/// `#:schema` line, whose path depends on the folder).
#[test]
fn transcript_copies_of_the_examples_are_current() {
    for dir in ["check.in", "build.in", "build.out"] {
        for example in ["council-tax.toml", "minimal.toml"] {
            let copy = std::path::Path::new("tests/cmd").join(dir).join(example);
            let Ok(copy) = std::fs::read_to_string(&copy) else {
                continue;
            };
            let original = std::fs::read_to_string(format!("examples/{example}")).expect("example");
            let body = |text: &str| text.lines().skip(1).collect::<Vec<_>>().join("\n");
            assert_eq!(
                body(&copy),
                body(&original),
                "tests/cmd/{dir}/{example} differs from examples/{example}: copy it again"
            );
        }
    }
}
