//! The benchmark's clean corpus (`benches/tools/gen_corpus.rs`) passes
//! every rule. `benches/compare.sh` times "clean" builds against Hugo and
//! against the findings corpus: if a new rule finds something in every
//! generated notice, those rows silently time diagnostics too (it happened:
//! N009 found "crime" in 85 % of them). `compare.sh` refuses such a corpus;
//! this test says so before anyone runs it.

use std::path::Path;

use noticec::check::validate::{Options, validate};
use noticec::load::load_str;

#[allow(dead_code)]
#[path = "../benches/tools/gen_corpus.rs"]
mod gen_corpus;

/// The date the generator's notices are written to pass on (its docs).
fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 23)
}

#[test]
fn generated_notices_have_no_findings() {
    let options = Options::new(today());
    let mut found = Vec::new();
    // compare.sh's seed (7) and the (11): a few hundred notices
    // reach every purpose, section and recipient the generator has.
    for (seed, count) in [(7, 300), (11, 100)] {
        for index in 0..count {
            let text = gen_corpus::notice_toml(seed, index);
            let outcome = load_str(Path::new("notice.toml"), text);
            let mut diagnostics = outcome.diagnostics;
            match outcome.notice {
                Some(loaded) => diagnostics.extend(validate(&loaded, &options)),
                None => panic!("generated notice {seed}/{index} does not load"),
            }
            found.extend(
                diagnostics
                    .iter()
                    .map(|d| format!("seed {seed}, notice {index}: {} {}", d.code, d.message)),
            );
        }
    }
    assert!(
        found.is_empty(),
        "{} findings in the clean corpus, first: {:#?}",
        found.len(),
        &found[..found.len().min(5)]
    );
}
