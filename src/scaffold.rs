//! `noticec init DIR`: a new notice project that passes `noticec check` at
//! once — configuration, a shared part with the council's details, a
//! corporate notice, one service notice and CI workflows — and `noticec
//! init --templates DIR`: the built-in templates, for editing. Both are
//! written without ever overwriting a file.

use std::path::{Path, PathBuf};

/// The files of a new project, relative to its folder.
pub const FILES: &[(&str, &str)] = &[
    ("noticec.toml", CONFIG),
    ("shared/council.toml", SHARED),
    ("notices/corporate.toml", CORPORATE),
    ("notices/council-tax.toml", SERVICE),
    (".github/workflows/notices.yml", GITHUB),
    (".gitlab-ci.yml", GITLAB),
];

/// What happened to each file.
#[derive(Debug, PartialEq, Eq)]
pub enum Scaffolded {
    Created(PathBuf),
    /// A file of that name was already there and was left alone.
    Kept(PathBuf),
}

/// Writes the built-in templates into `dir` for editing, skipping files
/// that exist.
pub fn templates(dir: &Path) -> std::io::Result<Vec<Scaffolded>> {
    create_all(dir, crate::render::templates::DEFAULTS.iter().copied())
}

/// Creates each (relative path, text) in `dir`, leaving existing files alone.
fn create_all<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> std::io::Result<Vec<Scaffolded>> {
    let mut done = Vec::new();
    for (relative, text) in files {
        let path = dir.join(relative);
        done.push(if crate::site::write::create_new(&path, text.as_bytes())? {
            Scaffolded::Created(path)
        } else {
            Scaffolded::Kept(path)
        });
    }
    Ok(done)
}

/// Writes the project into `dir`, skipping files that exist. The notice
/// schema is written too, so editors offer completion straight away.
pub fn init(dir: &Path) -> std::io::Result<Vec<Scaffolded>> {
    let schema = crate::load::schema::notice_schema_json();
    let files = FILES
        .iter()
        .map(|(path, text)| (*path, *text))
        .chain(std::iter::once((
            "schemas/notice.schema.json",
            schema.as_str(),
        )));
    create_all(dir, files)
}

const CONFIG: &str = r#"# noticec project: `noticec check` and `noticec build` with no paths use this.
name = "Example Council"
notices = ["notices"]
parts = ["shared"]
corporate = "notices/corporate.toml"
out = "site"
formats = ["html", "md", "txt"]
theme = "plain"

# Change how strict a requirement is: "off", "warning" or "error".
[severity]
plain-language = "warning"
"#;

const SHARED: &str = r#"#:schema ../schemas/notice.schema.json
# Shared by every notice: say each fact once, here.
# Replace every "Example Council" detail with your own.

[controller]
name = "Example Council"
kind = "public-authority"
address = "Council Offices, High Street, Exampleton, EX1 1AA"
email = "dataprotection@example.gov.uk"
phone = "01234 567890"
ico_registration = "Z0000000"

[dpo]
name = "Data Protection Officer"
email = "dpo@example.gov.uk"
address = "Data Protection Officer, Council Offices, High Street, Exampleton, EX1 1AA"

[retention]
schedule_url = "https://www.example.gov.uk/retention-schedule"

[transfers]
outside_uk = false

[automated_decisions]
used = false

[rights]
how_to_exercise = "Email dpo@example.gov.uk or write to the Data Protection Officer. We will reply within one month."
free_of_charge = true

[complaints.controller]
description = "If you are unhappy with how we have used your information, you can complain to us. We will acknowledge your complaint within 30 days."
email = "dpo@example.gov.uk"

[complaints.ico]
"#;

const CORPORATE: &str = r#"#:schema ../schemas/notice.schema.json
extends = "../shared/council.toml"

[notice]
title = "Corporate privacy notice"
language = "en-GB"
last_updated = 2026-11-01
summary = "How Example Council uses personal information. Each service has its own notice too."

[[data_categories]]
id = "contact"
name = "Contact details"

[[purposes]]
id = "enquiries"
name = "Answering your enquiries"
lawful_bases = ["public-task"]
law = "Local Government Act 1972, section 111"
data_categories = ["contact"]
recipients = []
from_person = true
other_sources = []
provision = { requirement = "voluntary", consequence = "Without your contact details we cannot reply to you." }
"#;

const SERVICE: &str = r#"#:schema ../schemas/notice.schema.json
extends = "../shared/council.toml"

[notice]
title = "Council tax privacy notice"
language = "en-GB"
last_updated = 2026-11-01

[[data_categories]]
id = "contact"
name = "Contact details"

[[data_categories]]
id = "household"
name = "Who lives at the property"

[[recipients]]
id = "voa"
name = "Valuation Office Agency"

[[purposes]]
id = "billing"
name = "Billing and collecting council tax"
lawful_bases = ["legal-obligation"]
law = "Local Government Finance Act 1992"
data_categories = ["contact", "household"]
recipients = ["voa"]
from_person = true
other_sources = []
provision = { requirement = "statutory", consequence = "We may charge a penalty and bill you for the full amount." }
"#;

const GITHUB: &str = r#"# Checks the privacy notices on every push and pull request.
name: privacy notices
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # Install noticec from your copy of its repository.
      - run: cargo install --locked --git https://github.com/YOUR-ORG/noticec noticec
      - run: noticec check --format github
      - run: noticec check --format sarif > noticec.sarif
        if: always()
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: noticec.sarif
"#;

const GITLAB: &str = r#"# Checks the privacy notices in every pipeline.
privacy-notices:
  image: rust:latest
  script:
    # Install noticec from your copy of its repository.
    - cargo install --locked --git https://gitlab.example.gov.uk/tools/noticec.git noticec
    - noticec check --format gitlab > gl-code-quality-report.json
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"#;
