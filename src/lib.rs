//! noticec: a compiler and linter for UK privacy notices.
//!
//! A notice is a TOML file. noticec checks it against what UK GDPR Articles
//! 13 and 14 and DPA 2018 Part 3 require, and compiles it to HTML, Markdown
//! and plain text. The pipeline, one folder per stage:
//!
//! 1. **load** ([`load`]) — find the notice files ([`load::discover`]), read
//!    each with spans, report unknown keys and wrong values against the
//!    schema, deserialise it into the [`model`], and merge the shared parts
//!    it `extends` ([`load::resolve`]);
//! 2. **check** ([`check`]) — the [`check::Workspace`] every command goes
//!    through: every [`rules`] check of the selected profile over each
//!    notice, the project checks over all of them, each finding filed once
//!    under the file it is in, as located [`diagnostic`]s;
//! 3. **render** ([`render`]) — a view of each notice through minijinja
//!    templates to HTML, Markdown and plain text, prose made safe;
//! 4. **publish** ([`site`]) — decide what is published, write the pages
//!    atomically, skip what is unchanged;
//! 5. **preview** ([`serve`]) — the same build into a temporary folder,
//!    rebuilt on every change and served on loopback with each page's
//!    findings beside it.
//!
//! Before the stages, for a council's existing notices: [`import`] turns a
//! published notice (HTML, text or Markdown) into a draft notice file —
//! blocks with their source lines, read as council-notice language,
//! written as TOML with a `# from line N` comment beside each guess and
//! every other paragraph kept in `[[sections]]` — which the stages then
//! load and check (`noticec import`).
//!
//! Beside the stages: [`history`] compares two versions of a notice as
//! data (`noticec diff`, `check --baseline`), reading git revisions;
//! [`law`] is the one home of legal facts (profiles,
//! rights per basis, articles, the regulator); [`i18n`] holds the words of
//! the pages in English and Welsh (message catalogues, dates, lists);
//! [`report`] turns verdicts
//! into human, JSON, SARIF, GitHub and GitLab output and rule docs into
//! `noticec explain`; [`project`] reads `noticec.toml`; [`scaffold`]
//! creates a project; [`files`] writes files atomically for all of them.
//! The library never prints and never exits: the command line
//! (`src/main.rs`, `src/cli/`) does.

pub mod check;
pub mod diagnostic;
pub mod files;
pub mod history;
pub mod i18n;
pub mod import;
pub mod law;
pub mod load;
pub mod model;
pub mod project;
pub mod render;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod serve;
pub mod site;
