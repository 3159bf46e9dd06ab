//! The public interface stays in step: every key of the requirement catalogue
//! has a rule, the committed JSON Schema matches the Rust types, and the
//! README's rule list matches the rule table.

use noticec::rules::{RULES, RuleKind, find};

/// The keys of `shared/reference/requirements.md`, a public interface.
const CATALOGUE_KEYS: &[&str] = &[
    "controller-identity",
    "representative",
    "dpo-contact",
    "purposes",
    "lawful-basis",
    "legitimate-interests",
    "recognised-legitimate-interest",
    "special-category-condition",
    "criminal-offence-data",
    "data-categories",
    "recipients",
    "international-transfers",
    "retention",
    "rights",
    "withdraw-consent",
    "complaint-controller",
    "complaint-ico",
    "source",
    "provision-requirement",
    "automated-decisions",
    "plain-language",
    "free-of-charge",
    "review-date",
    "current-law",
    "public-task-legitimate-interests",
    "rights-request-wording",
];

/// noticec's own requirement keys, for risky wording found in real notices
/// (documented in the README; also a public interface).
const NOTICEC_KEYS: &[&str] = &[
    "retired-contact",
    "placeholder-link",
    "placeholder-details",
    "cookie-consent",
    "consent-public-task",
];

#[test]
fn every_catalogue_key_is_a_requirement_rule() {
    for key in CATALOGUE_KEYS {
        let rule = find(key).unwrap_or_else(|| panic!("no rule for `{key}`"));
        assert_eq!(rule.kind, RuleKind::Requirement, "{key}");
        assert!(
            noticec::report::explain::list().contains(key),
            "`noticec explain` lists {key}"
        );
    }
    let requirement_rules = RULES
        .iter()
        .filter(|r| r.kind == RuleKind::Requirement)
        .count();
    for key in NOTICEC_KEYS {
        assert_eq!(
            find(key).map(|r| r.kind),
            Some(RuleKind::Requirement),
            "{key}"
        );
    }
    assert_eq!(
        requirement_rules,
        CATALOGUE_KEYS.len() + NOTICEC_KEYS.len(),
        "every requirement rule is a catalogue key or listed as noticec's own"
    );
}

#[test]
fn committed_output_schema_is_up_to_date() {
    let committed =
        std::fs::read_to_string("schemas/notice-output.schema.json").expect("output schema file");
    assert!(
        committed == noticec::render::twin::output_schema_json(),
        "schemas/notice-output.schema.json is out of date: run `cargo run -- schema --output > schemas/notice-output.schema.json`"
    );
}

#[test]
fn committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string("schemas/notice.schema.json").expect("schema file");
    let generated = noticec::load::schema::notice_schema_json();
    assert_eq!(
        noticec::load::schema::notice_schema(),
        &noticec::load::schema::generate(),
        "the loader's schema is the generated one"
    );
    assert!(
        committed == generated,
        "schemas/notice.schema.json is out of date: run `cargo run -- schema > schemas/notice.schema.json`"
    );
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let table = noticec::report::explain::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's rule table is out of date; replace it with:\n{table}"
    );
}

#[test]
fn readme_example_passes_without_warnings() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find("```toml\n#:schema")
        .expect("README has the example notice")
        + "```toml\n".len();
    let end = start + readme[start..].find("\n```").expect("end of example");
    let outcome = noticec::load::load_str(
        std::path::Path::new("README.md"),
        readme[start..end].to_string(),
    );
    let loaded = outcome.notice.expect("the README example loads");
    let options = noticec::check::validate::Options::new(jiff::civil::date(2026, 11, 23));
    let mut diagnostics = outcome.diagnostics;
    diagnostics.extend(noticec::check::validate::validate(&loaded, &options));
    let found: Vec<_> = diagnostics
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    assert!(found.is_empty(), "the README example must pass: {found:?}");
}
