//! `noticec init DIR`: a new notice project — configuration, a shared part
//! with the council's details, a corporate notice, one service notice, a
//! README, a `.gitignore` and CI workflows that check, build and keep the
//! site — and `noticec init --templates DIR`: the built-in templates, for
//! editing. Both are written without ever overwriting a file.
//!
//! The council's details in a new project are placeholders ("Example
//! Council", addresses on `example.gov.uk`, `Z0000000` …): `noticec check`
//! reports each one (`placeholder-details`, Q011) until it is replaced, so a
//! new project is never published as it is.

use std::path::{Path, PathBuf};

/// The files of a new project, relative to its folder.
pub const FILES: &[(&str, &str)] = &[
    ("noticec.toml", CONFIG),
    ("shared/council.toml", SHARED),
    ("notices/corporate.toml", CORPORATE),
    ("notices/council-tax.toml", SERVICE),
    ("README.md", README),
    (".gitignore", GITIGNORE),
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
        done.push(if crate::files::create_new(&path, text.as_bytes())? {
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
name = "Example Council" # your council's name: it titles the index page
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
# The council's details below (name, postal address, email and web
# addresses, telephone number, registration number) are placeholders.
# Replace each with your own: until you do, `noticec check` reports it
# (placeholder-details) and `noticec build` does not publish the notices.

[controller]
name = "Example Council"
kind = "public-authority"
address = "Council Offices, High Street, Exampleton, EX1 1AA"
email = "dataprotection@example.gov.uk"
phone = "01632 960999"
# Your number on the ICO's register of fee payers.
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

# How to complain to the council itself. Section 103 of the Data (Use and
# Access) Act 2025 added this right to the Data Protection Act 2018 (as its
# section 164A), from 19 June 2026: anyone who thinks the council has broken
# data protection law in using their personal information can complain to
# it. The council must make complaining easy (for example with a complaint
# form that can be filled in online and in other ways), acknowledge each
# complaint within 30 days, and then, without undue delay, look into it and
# tell the person the outcome. Every notice must tell people about this
# right (UK GDPR Art. 13(2)(ca) and 14(2)(da)): say here how to complain.
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
url = "https://www.example.gov.uk/privacy"
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
url = "https://www.example.gov.uk/privacy/council-tax"

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

const README: &str = r#"# Privacy notices

The council's privacy notices, written as TOML files. noticec checks them
against what UK GDPR Articles 13 and 14 (and the Data Protection Act 2018)
require a privacy notice to say, and publishes them as web pages, Markdown
and plain text.

## What is here

| file | what it is |
|---|---|
| `noticec.toml` | the project: the council's name (it titles the index page), where the notices are, where the site is written, how strict each check is |
| `shared/council.toml` | what every notice shares: the council's contact details, the data protection officer, rights, complaints. Each fact is said once, here |
| `notices/corporate.toml` | the corporate privacy notice; it links to every service notice |
| `notices/council-tax.toml` | a service notice; copy it for each service |
| `schemas/notice.schema.json` | lets editors (VS Code with Even Better TOML, or taplo) complete keys and explain them |
| `.github/workflows/notices.yml` | GitHub Actions: check and build on every push (delete it if you use GitLab) |
| `.gitlab-ci.yml` | GitLab CI: the same (delete it if you use GitHub) |
| `.gitignore` | keeps the built site, `site/`, and the verdict cache, `.noticec-cache/`, out of version control |

## First: replace the placeholders

The council's details in these files are placeholders:

- the name "Example Council";
- the email and web addresses on `example.gov.uk`;
- the telephone number `01632 960999`;
- the address "Council Offices, High Street, Exampleton, EX1 1AA";
- the registration number `Z0000000`.

Until each is replaced, `noticec check` reports it as an error
(`placeholder-details`), naming the file and line, and `noticec build`
does not publish the notices. Change `name` in `noticec.toml` too.

The purposes, lawful bases, laws and recipients in the two notices are
examples as well: make them say what your services really do.

## Check and build

In this folder:

```sh
noticec check    # what the notices do not yet say, with the file, line and law
noticec build    # check, then write the notices without errors into site/
```

`noticec explain placeholder-details` (or any rule name or code in a
finding) explains a finding and how to fix it.

## Publish

`noticec build` writes `site/`: each notice as `.html`, `.md` and `.txt`,
and an index page (`index.html`) linking to them. Copy the contents of
`site/` to your website. A notice with errors is not published.

The CI workflows run the same check and build on every push and keep
`site/` as an artefact of the run: on GitHub, on the run's summary page
("privacy-notices-site"); on GitLab, under the job's artifacts. Before the
first run, put the address of your copy of noticec's repository in the
workflow for your platform, and set `NOTICEC_VERSION` to one of its tags.
noticec is compiled on the first run only and then taken from the cache
until you change `NOTICEC_VERSION`.
"#;

const GITIGNORE: &str = "# Written by `noticec build`; published from CI, not kept in version control.\nsite/\n# Verdicts kept from run to run by `noticec check` and `build`.\n.noticec-cache/\n";

const GITHUB: &str = r#"# Checks the privacy notices on every push and pull request, then builds the
# site and keeps it as an artefact: download "privacy-notices-site" from the
# run's summary page and publish its contents.
name: privacy notices
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
env:
  # The tag of your copy of noticec's repository to install. noticec is
  # compiled once per version and kept in the cache: change this to upgrade.
  NOTICEC_VERSION: v0.1.0
jobs:
  notices:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache/restore@v4
        id: noticec
        with:
          path: ~/.cargo/bin/noticec
          key: noticec-${{ runner.os }}-${{ runner.arch }}-${{ env.NOTICEC_VERSION }}
      # Install noticec from your copy of its repository, when the cache does
      # not have it, and save it at once (a failing check must not lose it).
      - if: steps.noticec.outputs.cache-hit != 'true'
        run: cargo install --locked --git https://github.com/YOUR-ORG/noticec --tag "$NOTICEC_VERSION" noticec
      - if: steps.noticec.outputs.cache-hit != 'true'
        uses: actions/cache/save@v4
        with:
          path: ~/.cargo/bin/noticec
          key: ${{ steps.noticec.outputs.cache-primary-key }}
      - run: noticec check --format github
      - run: noticec check --format sarif > noticec.sarif
        if: always()
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: noticec.sarif
      # Only when the check passed: the pages of notices without errors.
      - run: noticec build
      - uses: actions/upload-artifact@v4
        with:
          name: privacy-notices-site
          path: site/
          if-no-files-found: error
"#;

const GITLAB: &str = r#"# Checks the privacy notices in every pipeline, then builds the site and keeps
# it as an artefact: download it from the job's page (Job artifacts) and
# publish the contents of site/.
variables:
  # The tag of your copy of noticec's repository to install. noticec is
  # compiled once per version and kept in the cache: change this to upgrade.
  NOTICEC_VERSION: v0.1.0

privacy-notices:
  image: rust:latest
  cache:
    key: noticec-$NOTICEC_VERSION
    paths:
      - .noticec/
    when: always # kept even when the check fails
  script:
    # Install noticec from your copy of its repository, when the cache does not have it.
    - export PATH="$CI_PROJECT_DIR/.noticec/bin:$PATH"
    - command -v noticec || cargo install --locked --root "$CI_PROJECT_DIR/.noticec" --git https://gitlab.example.gov.uk/tools/noticec.git --tag "$NOTICEC_VERSION" noticec
    - noticec check --format gitlab > gl-code-quality-report.json
    # Only when the check passed: the pages of notices without errors.
    - noticec build
  artifacts:
    when: always
    paths:
      - site/
    reports:
      codequality: gl-code-quality-report.json
"#;
