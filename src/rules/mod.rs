//! The rules: one file per requirement of the catalogue, documentation first.
//!
//! Every rule has a stable code and name. Requirement rules (`N…`, `Q…`) are
//! named by their key in the requirement catalogue (`lawful-basis`,
//! `complaint-ico`, …), which is a public interface: JSON and SARIF output and
//! `noticec explain` use it. Structure rules (`E…`) are problems with the
//! file itself (errors, except `unused-allow`). Which requirement rules run, how severe their findings are and
//! which provisions they cite come from the selected [`Profile`]. Project
//! rules (`P…`) compare a council's notices with each other, translation
//! rules (`T…`, [`translation`]) a notice with its translation.
//!
//! [`RULES`] is the one sorted table of rules; a test keeps it sorted, unique
//! and documented, and the README's rule list is generated from it.

use jiff::civil::Date;

use crate::diagnostic::Severity;
use crate::law::profile::Profile;
use crate::model::{KeyPath, LawfulBasis, Notice, Purpose};

mod automated_decisions;
mod complaint_controller;
mod complaint_ico;
mod consent_public_task;
mod controller_identity;
mod cookie_consent;
mod criminal_offence_data;
mod current_law;
mod data_categories;
mod dpo_contact;
mod free_of_charge;
mod implied;
mod international_transfers;
mod lawful_basis;
mod legitimate_interests;
mod placeholder_details;
mod placeholder_link;
mod plain_language;
pub mod project;
mod provision_requirement;
mod public_task_legitimate_interests;
mod purposes;
mod recipients;
mod recognised_legitimate_interest;
mod representative;
mod retention;
mod retired_contact;
mod review_date;
mod rights;
mod rights_request_wording;
mod source;
mod special_category_condition;
pub mod structure;
pub(crate) mod text;
pub mod translation;
mod withdraw_consent;

/// Whether a rule checks a catalogue requirement or the file's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// A requirement from the catalogue; `name` is its key.
    Requirement,
    /// A problem with the file itself (syntax, unknown keys, references).
    Structure,
    /// Consistency across the notices of a project.
    Project,
}

/// A rule: its identity, documentation and check.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `N005`.
    pub code: &'static str,
    /// Stable name; for requirement rules, the catalogue key.
    pub name: &'static str,
    pub kind: RuleKind,
    /// The severity of structure and project rules. Requirement rules say
    /// `None`: theirs comes from the profile (see [`Rule::severity_under`]).
    pub severity: Option<Severity>,
    /// One line: what the rule asks for.
    pub summary: &'static str,
    /// Markdown with the sections "What it checks", "Why it matters",
    /// "Example" and "How to fix".
    pub docs: &'static str,
    /// Where to read the law it comes from.
    pub url: &'static str,
    /// The check; structure rules are reported by the loader and
    /// [`structure::check`] instead.
    pub check: Option<fn(&Context<'_>, &mut Vec<Finding>)>,
}

/// Every rule, sorted by code.
pub static RULES: &[&Rule] = &[
    &structure::UNREADABLE_FILE,
    &structure::SYNTAX,
    &structure::UNKNOWN_KEY,
    &structure::INVALID_VALUE,
    &structure::UNKNOWN_REFERENCE,
    &structure::DUPLICATE_ID,
    &structure::MISSING_ID,
    &structure::UNUSED_ALLOW,
    &structure::INTERNAL,
    &structure::CONTROL_CHARACTER,
    &structure::PROSE_NESTING,
    &controller_identity::RULE,
    &representative::RULE,
    &dpo_contact::RULE,
    &purposes::RULE,
    &lawful_basis::RULE,
    &legitimate_interests::RULE,
    &recognised_legitimate_interest::RULE,
    &special_category_condition::RULE,
    &criminal_offence_data::RULE,
    &data_categories::RULE,
    &recipients::RULE,
    &international_transfers::RULE,
    &retention::RULE,
    &rights::RULE,
    &withdraw_consent::RULE,
    &complaint_controller::RULE,
    &complaint_ico::RULE,
    &source::RULE,
    &provision_requirement::RULE,
    &automated_decisions::RULE,
    &plain_language::RULE,
    &free_of_charge::RULE,
    &review_date::RULE,
    &current_law::RULE,
    &public_task_legitimate_interests::RULE,
    &retired_contact::RULE,
    &placeholder_link::RULE,
    &cookie_consent::RULE,
    &consent_public_task::RULE,
    &rights_request_wording::RULE,
    &placeholder_details::RULE,
    &project::INCONSISTENT_DEFINITION,
    &project::INCONSISTENT_CONTACT,
    &project::UNUSED_PART,
    &project::DUPLICATE_OUTPUT,
    &project::NOTICE_URL,
    &project::UNDATED_CHANGE,
    &project::NEW_PROCESSING,
    &project::REMOVED_NOTICE,
    &translation::ORIGINAL,
    &translation::ITEMS,
    &translation::FACTS,
    &translation::UNTRANSLATED,
    &translation::WELSH_VERSION,
];

impl Rule {
    /// The severity of this rule's findings under `profile` before any
    /// override; `None` when the profile leaves the requirement out.
    pub fn severity_under(&self, profile: &Profile) -> Option<Severity> {
        match self.kind {
            RuleKind::Requirement => profile.severity_of(self.name, &Default::default()),
            RuleKind::Structure | RuleKind::Project => self.severity,
        }
    }

    /// Whether a project or notice may change this rule's severity.
    pub fn is_adjustable(&self) -> bool {
        self.kind != RuleKind::Structure
    }
}

/// Finds a rule by code (`N005`) or name (`lawful-basis`), ignoring case.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| {
        rule.code.eq_ignore_ascii_case(code_or_name) || rule.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// What a rule sees: the notice and the settings it is checked under.
pub struct Context<'a> {
    /// The notice as rules see it: every purpose with the notice-wide
    /// statements of `[all_purposes]` it inherits.
    pub notice: &'a Notice,
    /// The notice as written, where a notice-wide statement is one text
    /// (in `[all_purposes]`) however many purposes inherit it: what the
    /// wording rules read, so that text is read, and reported, once.
    written: &'a Notice,
    pub profile: &'a Profile,
    /// The date the review period is measured to.
    pub today: Date,
    /// Every prose field, collected once for the wording rules.
    prose: std::sync::OnceLock<Vec<(KeyPath, &'a str)>>,
    /// The phrases of every wording rule in each prose field, found in one
    /// pass over each.
    phrases: std::sync::OnceLock<Vec<Vec<text::Hit>>>,
}

impl<'a> Context<'a> {
    /// `written` is the notice as loaded; `notice` the same notice with
    /// `[all_purposes]` applied ([`Notice::with_all_purposes`]).
    pub fn new(notice: &'a Notice, written: &'a Notice, profile: &'a Profile, today: Date) -> Self {
        Self {
            notice,
            written,
            profile,
            today,
            prose: std::sync::OnceLock::new(),
            phrases: std::sync::OnceLock::new(),
        }
    }

    /// Whether the controller says it is a public authority.
    pub fn is_public_authority(&self) -> bool {
        self.notice
            .controller
            .as_ref()
            .and_then(|c| c.kind)
            .is_some_and(|k| k == crate::model::ControllerKind::PublicAuthority)
    }

    /// Whether a purpose is checked as DPA 2018 Part 3 law-enforcement
    /// processing, either because it says so or because the profile is Part 3.
    pub fn is_law_enforcement(&self, purpose: &Purpose) -> bool {
        crate::law::rights::is_law_enforcement(purpose, self.profile.law_enforcement)
    }

    /// Every purpose with its path.
    pub fn purposes(&self) -> impl Iterator<Item = (KeyPath, &'a Purpose)> + 'a {
        self.notice
            .purposes
            .iter()
            .enumerate()
            .map(|(i, p)| (KeyPath::root().key("purposes").index(i), p))
    }

    /// Purposes checked under UK GDPR (not law enforcement).
    pub fn gdpr_purposes(&self) -> impl Iterator<Item = (KeyPath, &'a Purpose)> + '_ {
        self.purposes().filter(|(_, p)| !self.is_law_enforcement(p))
    }

    /// Whether any UK GDPR purpose relies on a basis.
    pub fn uses_basis(&self, basis: LawfulBasis) -> bool {
        self.gdpr_purposes().any(|(_, p)| has_basis(p, basis))
    }

    /// Every prose field in the notice, with its path, for wording checks
    /// (collected once, shared by every rule).
    pub fn prose(&self) -> &[(KeyPath, &'a str)] {
        self.prose
            .get_or_init(|| crate::model::prose_fields(self.written))
    }

    /// The wording rules' phrases in the prose field `field` (its place in
    /// [`Context::prose`]); every field is searched, once, on first use.
    pub fn phrases(&self, field: usize) -> text::Hits<'_> {
        let all = self
            .phrases
            .get_or_init(|| self.prose().iter().map(|(_, t)| text::search(t)).collect());
        text::Hits(all.get(field).map_or(&[], Vec::as_slice))
    }

    /// Every prose field with the phrases found in it, for a rule that
    /// searches a few other texts too (their phrases found with
    /// `text::search` and pushed after these).
    pub fn prose_with_phrases(&self) -> Vec<(KeyPath, &'a str, std::borrow::Cow<'_, [text::Hit]>)> {
        self.prose()
            .iter()
            .enumerate()
            .map(|(i, (at, text))| {
                (
                    at.clone(),
                    *text,
                    std::borrow::Cow::Borrowed(self.phrases(i).0),
                )
            })
            .collect()
    }

    /// A readable name for a purpose in messages: its name (shortened to
    /// 60 characters), id or place in the file.
    pub fn purpose_label(&self, path: &KeyPath, purpose: &Purpose) -> String {
        const LONGEST: usize = 60;
        match (&purpose.name, &purpose.id) {
            (Some(name), _) if !name.trim().is_empty() => {
                let name = name.trim();
                if name.chars().count() > LONGEST {
                    let cut: String = name.chars().take(LONGEST - 1).collect();
                    format!("purpose \"{}…\"", cut.trim_end())
                } else {
                    format!("purpose \"{name}\"")
                }
            }
            (_, Some(id)) if !id.trim().is_empty() => format!("purpose `{}`", id.trim()),
            _ => format!("purpose `{path}`"),
        }
    }
}

/// Whether a purpose relies on a basis.
pub fn has_basis(purpose: &Purpose, basis: LawfulBasis) -> bool {
    purpose.relies_on(basis)
}

/// Whether a text says only "as long as necessary" about how long data is
/// kept: no period, no trigger, no schedule, no criteria that could be
/// checked (ICO: "as long as necessary" on its own is not enough).
pub fn vague_retention(text: &str) -> bool {
    let lower = text.to_lowercase();
    let vague = [
        "as long as necessary",
        "as long as is necessary",
        "as long as we need",
        "as long as required",
        "as long as is required",
        "no longer than necessary",
        "no longer than is necessary",
        "for as long as needed",
        "only as long as",
    ]
    .iter()
    .any(|p| lower.contains(p));
    let concrete = lower.chars().any(|c| c.is_ascii_digit())
        || [
            "year",
            "month",
            "week",
            "schedule",
            "after ",
            "until ",
            "policy",
            "statutory period",
            "limitation",
        ]
        .iter()
        .any(|w| lower.contains(w));
    vague && !concrete
}

/// Whether an optional text field has something in it.
pub fn present(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// One thing a rule found, located by key path.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What the finding is about; if it does not exist, the diagnostic points
    /// at the table where it belongs.
    pub at: KeyPath,
    /// A short lowercase phrase.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// The label at the location; a default is chosen when `None`.
    pub label: Option<String>,
    /// A narrower citation than the profile's, e.g. one paragraph.
    pub citation: Option<String>,
    /// Overrides the profile's severity, for a lesser variant of a finding.
    pub severity: Option<Severity>,
    /// A byte range inside the string value at `at` (for wording findings).
    pub within: Option<std::ops::Range<usize>>,
    /// Other places that explain the finding.
    pub related: Vec<(KeyPath, Option<std::ops::Range<usize>>, String)>,
    /// For a finding about one purpose: how to say it when every purpose
    /// has it ("no purpose says where the data comes from"). Validation
    /// then reports it once for the notice instead of once per purpose.
    pub per_purpose: Option<&'static str>,
    /// How many purposes the check applies to, when not all of them (the
    /// law behind a public task applies only to public-task purposes): the
    /// finding is reported once when that many purposes have it.
    pub per_purpose_of: Option<usize>,
}

impl Finding {
    pub fn new(at: KeyPath, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            at,
            message: message.into(),
            help: help.into(),
            label: None,
            citation: None,
            severity: None,
            within: None,
            related: Vec::new(),
            per_purpose: None,
            per_purpose_of: None,
        }
    }

    /// Marks a finding about one purpose as one that, when every purpose
    /// has it, is reported once for the notice as `all`.
    pub fn per_purpose(mut self, all: &'static str) -> Self {
        self.per_purpose = Some(all);
        self
    }

    /// As [`Finding::per_purpose`], for a check that applies to `of`
    /// purposes only.
    pub fn per_purpose_of(mut self, all: &'static str, of: usize) -> Self {
        self.per_purpose = Some(all);
        self.per_purpose_of = Some(of);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn cite(mut self, citation: impl Into<String>) -> Self {
        self.citation = Some(citation.into());
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Some(crate::diagnostic::Severity::Warning);
        self
    }

    pub fn severity_error(mut self) -> Self {
        self.severity = Some(crate::diagnostic::Severity::Error);
        self
    }

    pub fn within(mut self, range: std::ops::Range<usize>) -> Self {
        self.within = Some(range);
        self
    }

    pub fn related(mut self, at: KeyPath, label: impl Into<String>) -> Self {
        self.related.push((at, None, label.into()));
        self
    }

    /// As [`Finding::related`], at a byte range inside the string value at
    /// `at` (as [`Finding::within`]).
    pub fn related_within(
        mut self,
        at: KeyPath,
        range: std::ops::Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        self.related.push((at, Some(range), label.into()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_sorted_unique_and_documented() {
        let order = |code: &str| {
            let prefix = match &code[..1] {
                "E" => 0,
                "N" => 1,
                "Q" => 2,
                "P" => 3,
                "T" => 4,
                other => panic!("unknown code prefix {other}"),
            };
            (prefix, code[1..].parse::<u32>().expect("numeric code"))
        };
        for pair in RULES.windows(2) {
            assert!(
                order(pair[0].code) < order(pair[1].code),
                "{} must come before {}",
                pair[0].code,
                pair[1].code
            );
        }
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "rule names must be unique");
        for rule in RULES {
            for section in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## How to fix",
            ] {
                assert!(rule.docs.contains(section), "{} lacks {section}", rule.code);
            }
            assert!(
                rule.url.starts_with("https://"),
                "{} needs a url",
                rule.code
            );
            assert_eq!(
                rule.kind != RuleKind::Requirement,
                rule.check.is_none(),
                "{}: requirement rules have a check, structure and project rules do not",
                rule.code
            );
        }
    }

    #[test]
    fn find_accepts_codes_and_names() {
        assert_eq!(find("n005").map(|r| r.name), Some("lawful-basis"));
        assert_eq!(find("complaint-ico").map(|r| r.code), Some("N017"));
        assert!(find("nope").is_none());
    }
}
