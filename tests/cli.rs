//! CLI transcripts (`tests/cmd/*.md`): arguments, output and exit code of
//! real runs of the binary, as a reader would type them.

#[test]
fn cli_transcripts() {
    trycmd::TestCases::new()
        .env("NOTICEC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.md");
}
