//! The five real council notices in `examples/seeds/`: what noticec finds in
//! them (snapshotted, so any change shows up in review), the findings table
//! in `examples/seeds/README.md` (generated; run with `NOTICEC_BLESS=1` to
//! rewrite it), and that building them keeps every piece of their content.

mod common;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use noticec::check::validate::Options;
use noticec::check::{FileReport, check_file};
use noticec::diagnostic::Severity;
use noticec::render::view::NoticeView;
use noticec::render::{Format, RenderOptions, Renderer};
use noticec::report::json;
use noticec::rules::{RULES, RuleKind};

fn seeds() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("examples/seeds")
        .expect("examples/seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "one port per seed");
    files
}

fn check(path: &Path) -> FileReport {
    check_file(path, &Options::new(jiff::civil::date(2026, 11, 23)))
}

#[test]
fn findings_in_the_real_notices() {
    for path in seeds() {
        let report = check(&path);
        assert!(
            report.diagnostics.iter().all(|d| !d.code.starts_with('E')),
            "{}: a port must load cleanly: {:?}",
            path.display(),
            report
                .diagnostics
                .iter()
                .filter(|d| d.code.starts_with('E'))
                .map(|d| &d.message)
                .collect::<Vec<_>>()
        );
        let name = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(
            format!("findings-{name}"),
            json::render(std::slice::from_ref(&report)).expect("renders")
        );
    }
}

/// The table: one row per requirement, one column per seed; a cell is `ok`
/// or the codes found with how many times.
fn findings_table() -> String {
    let reports: Vec<(String, FileReport)> = seeds()
        .iter()
        .map(|p| {
            (
                p.file_stem().expect("stem").to_string_lossy().into_owned(),
                check(p),
            )
        })
        .collect();
    let mut out = String::from("| requirement |");
    for (name, _) in &reports {
        out.push_str(&format!(" {name} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(reports.len()));
    out.push('\n');
    for rule in RULES.iter().filter(|r| r.kind == RuleKind::Requirement) {
        out.push_str(&format!("| `{}` |", rule.name));
        for (_, report) in &reports {
            let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
            for d in report
                .diagnostics
                .iter()
                .filter(|d| d.requirement == Some(rule.name))
            {
                *counts.entry((d.code, d.severity)).or_default() += 1;
            }
            let cell = if counts.is_empty() {
                "ok".to_string()
            } else {
                counts
                    .iter()
                    .map(|((code, severity), n)| {
                        let kind = if *severity == Severity::Error {
                            "error"
                        } else {
                            "warning"
                        };
                        format!("{code} {kind} ×{n}")
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    let mut totals = String::from("| **total** |");
    for (_, report) in &reports {
        totals.push_str(&format!(
            " {} errors, {} warnings |",
            report.count(Severity::Error),
            report.count(Severity::Warning)
        ));
    }
    out.push_str(&totals);
    out.push('\n');
    out
}

#[test]
fn seeds_readme_table_is_generated_from_the_findings() {
    generated_section("findings", &findings_table());
}

/// Keeps the README section between `<!-- NAME:start -->` and
/// `<!-- NAME:end -->` equal to `content`: with `NOTICEC_BLESS` set it is
/// rewritten, otherwise the test fails when it differs. Two tests write the
/// README: one at a time.
fn generated_section(name: &str, content: &str) {
    static README: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = README
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = "examples/seeds/README.md";
    let readme = std::fs::read_to_string(path).expect("examples/seeds/README.md");
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme.find(&start_marker).expect("start marker") + start_marker.len();
    let end = readme.find(&end_marker).expect("end marker");
    if std::env::var_os("NOTICEC_BLESS").is_some() {
        let updated = format!("{}{content}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).expect("write README");
        return;
    }
    assert!(
        readme[start..end] == *content,
        "examples/seeds/README.md is out of date; run `NOTICEC_BLESS=1 cargo test --test seeds`"
    );
}

fn section_texts(markdown: &str) -> Vec<String> {
    pulldown_cmark::Parser::new(markdown)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Text(text) | pulldown_cmark::Event::Code(text) => {
                Some(text.to_string())
            }
            _ => None,
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

#[test]
fn every_section_of_every_port_reaches_every_format() {
    let renderer = Renderer::new(RenderOptions::default());
    for path in seeds() {
        let text = std::fs::read_to_string(&path).expect("port");
        let outcome = noticec::load::load_str(&path, text);
        let loaded = outcome.notice.expect("loads");
        let view = NoticeView::new(&loaded.notice, false, jiff::civil::date(2026, 11, 23));
        let html = renderer.render_notice(&view, Format::Html).expect("html");
        let markdown = renderer
            .render_notice(&view, Format::Markdown)
            .expect("markdown");
        let plain = renderer.render_notice(&view, Format::Text).expect("text");
        let plain_words: String = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        for section in &loaded.notice.sections {
            let body = section.body.as_deref().unwrap_or_default();
            for piece in section_texts(body) {
                let mut escaped = String::new();
                pulldown_cmark_escape::escape_html_body_text(&mut escaped, &piece).expect("escape");
                assert!(
                    html.contains(&escaped) || html.contains(&piece.replace('"', "&quot;")),
                    "{}: section {:?} lost {piece:?} in HTML",
                    path.display(),
                    section.id
                );
                let words: String = piece.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    plain_words.contains(&words),
                    "{}: text lost {piece:?}",
                    path.display()
                );
            }
            assert!(!markdown.is_empty());
        }
    }
}

#[test]
fn the_corrected_notice_passes_without_warnings() {
    let report = check(Path::new("examples/corrected/derby-city-council.toml"));
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    assert!(found.is_empty(), "{found:?}");
    // ... while the port of the same seed has errors.
    let original = check(Path::new("examples/seeds/derby-city-council.toml"));
    assert!(original.count(Severity::Error) > 0);
}

/// Which port each seed became.
const PORTS: &[(&str, &str)] = common::SEED_PORTS;

#[derive(serde::Deserialize)]
struct Verdict {
    verdict: String,
    reason: String,
}

/// How noticec's findings agree with the DPO's verdicts
/// (`tests/fixtures/seed-verdicts.toml`): for each kind of DPO verdict, how
/// many items noticec raised a finding on, and the items it got wrong.
fn agreement() -> String {
    let text = std::fs::read_to_string("tests/fixtures/seed-verdicts.toml").expect("verdicts");
    let verdicts: BTreeMap<String, BTreeMap<String, Verdict>> =
        toml::from_str(&text).expect("the verdicts file is TOML");
    // verdict → (items, items with a finding)
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed: Vec<String> = Vec::new();
    let mut flagged: Vec<String> = Vec::new();
    for (seed, port) in PORTS {
        let report = check(Path::new(&format!("examples/seeds/{port}.toml")));
        let seed_verdicts = verdicts.get(*seed).expect("verdicts for every seed");
        for (key, verdict) in seed_verdicts {
            assert!(
                noticec::rules::find(key).is_some(),
                "{seed}: `{key}` is not a requirement key"
            );
            let found = report
                .diagnostics
                .iter()
                .any(|d| d.requirement == Some(key.as_str()));
            let kind = match verdict.verdict.as_str() {
                "missing" => "missing",
                "vague" => "vague",
                "adequate" => "adequate",
                "n/a" => continue,
                other => panic!("{seed} {key}: unknown verdict {other}"),
            };
            let entry = counts.entry(kind).or_default();
            entry.0 += 1;
            entry.1 += usize::from(found);
            let line = format!("`{port}` `{key}`: {}", verdict.reason);
            match (kind, found) {
                ("missing" | "vague", false) => missed.push(format!("{line} ({kind})")),
                ("adequate", true) => flagged.push(line),
                _ => {}
            }
        }
    }
    let percent = |(n, k): (usize, usize)| (100 * k + n / 2).checked_div(n).unwrap_or(0);
    let row = |kind: &str| counts.get(kind).copied().unwrap_or_default();
    let verdict = |met: bool| if met { "met" } else { "not met" };
    let mut out = String::new();
    out.push_str(
        "| DPO's verdict | items | noticec raised a finding | target |\n|---|---|---|---|\n",
    );
    // The targets the issue set: catch what is missing or vague, rarely
    // flag what the DPO found adequate.
    let targets = [
        ("missing", "≥ 90 %", 90..=100),
        ("vague", "≥ 75 %", 75..=100),
        ("adequate", "≤ 10 %", 0..=10),
    ];
    for (kind, target, met) in targets {
        let (items, found) = row(kind);
        let share = percent((items, found));
        out.push_str(&format!(
            "| {kind} | {items} | {found} ({share} %) | {target}: {} |\n",
            verdict(met.contains(&share))
        ));
    }
    out.push_str("\nItems the DPO found lacking and noticec did not:\n\n");
    for line in &missed {
        out.push_str(&format!("- {line}\n"));
    }
    out.push_str("\nItems the DPO judged adequate and noticec raised a finding on:\n\n");
    for line in &flagged {
        out.push_str(&format!("- {line}\n"));
    }
    out
}

#[test]
fn seeds_readme_agreement_is_measured_against_the_dpo_verdicts() {
    generated_section("agreement", &agreement());
}
