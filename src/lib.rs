//! noticec: a compiler and linter for UK privacy notices.
//!
//! A notice is a TOML file. noticec checks it against what UK GDPR Articles
//! 13 and 14 and DPA 2018 Part 3 require, and compiles it to HTML, Markdown
//! and plain text. The pipeline:
//!
//! 1. **load** ([`load`]) — read the file, parse TOML with spans ([`locate`]),
//!    report unknown keys against the [`schema`], deserialise into the
//!    [`model`]; [`resolve`] merges the shared parts a notice `extends`;
//! 2. **validate** ([`validate`]) — run every [`rules`] check of the selected
//!    [`profile`]; findings become located [`diagnostic`]s;
//! 3. **render** ([`render`]) — a view of the notice through minijinja
//!    templates to HTML, Markdown and plain text, prose made safe;
//! 4. **write** ([`write`](mod@write)) — atomic writes that skip unchanged files.
//!
//! [`check`] drives load and validate over many files and [`report`] prints
//! their diagnostics (human, JSON, SARIF, GitHub, GitLab); [`build`] drives
//! all four stages. A council's repository is a [`project`]
//! (`noticec.toml`), whose notices [`consistency`] compares; [`scaffold`]
//! creates one.
//! [`rights`] derives which rights apply from the lawful bases; [`explain`]
//! renders a rule's documentation. The library never prints and never
//! exits: `main.rs` does.

pub mod build;
pub mod check;
pub mod consistency;
pub mod diagnostic;
pub mod explain;
pub mod incremental;
pub mod load;
pub mod locate;
pub mod model;
pub mod profile;
pub mod project;
pub mod render;
pub mod report;
pub mod resolve;
pub mod rights;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod validate;
pub mod write;
