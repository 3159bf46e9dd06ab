//! The notice model: what a notice TOML file says, as Rust types.
//!
//! These types are the single source of truth for the file format: serde reads
//! them, [`crate::load::schema`] turns their doc comments into the JSON Schema that
//! editors use for completion, and the rules in [`crate::rules`] check them.
//!
//! Nearly every field is optional on purpose. A notice that leaves out
//! something the law asks for is not a *syntax* error: it is a finding that a
//! rule reports at the right place, with the article and a fix. Where the law
//! says "if applicable" (transfers, automated decisions, special category
//! data) the author states the answer explicitly; an unstated answer is a
//! finding, a stated "none" is not.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A privacy notice (UK GDPR Articles 13 and 14; DPA 2018 section 44).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(title = "noticec privacy notice")]
pub struct Notice {
    /// Shared parts this notice builds on: a file, or a list of files,
    /// relative to this one (e.g. `"../shared/council.toml"`). Their tables
    /// are merged in order, then this file's own values override them;
    /// entries with the same `id` (purposes, recipients …) are replaced.
    pub extends: Option<Extends>,
    /// About the notice itself: title, language, version, dates.
    pub notice: Option<Metadata>,
    /// Who decides how personal data is used (UK GDPR Art. 13(1)(a), 14(1)(a)).
    pub controller: Option<Controller>,
    /// The controller's UK representative, needed only when the controller is
    /// established outside the UK (Art. 27).
    pub representative: Option<Representative>,
    /// The data protection officer (Art. 13(1)(b), 14(1)(b)). A public
    /// authority must have one (Art. 37(1)(a)).
    pub dpo: Option<Dpo>,
    /// The kinds of personal data used, each with an `id` that purposes refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<DataCategory>,
    /// Organisations and people the data is shared with, each with an `id`
    /// that purposes refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// Why the data is used: one entry per purpose, each with its lawful basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
    /// Statements made once for the whole notice: they apply to every
    /// purpose that does not say otherwise ("we use most information under
    /// public task", "we share information with …", "if you do not give us
    /// the information we may not be able to help you"), and the page says
    /// them once.
    pub all_purposes: Option<AllPurposes>,
    /// How long data is kept (Art. 13(2)(a), 14(2)(a)).
    pub retention: Option<Retention>,
    /// Whether personal data leaves the UK, and on what terms (Art. 13(1)(f), 14(1)(f)).
    pub transfers: Option<Transfers>,
    /// Whether decisions with legal or similarly significant effects are made
    /// solely by automated means (Art. 13(2)(f), 14(2)(g), 22A-22D).
    pub automated_decisions: Option<AutomatedDecisions>,
    /// How people use their data protection rights (Arts. 15-21).
    pub rights: Option<Rights>,
    /// How to complain: to the council itself and to the regulator (the ICO).
    pub complaints: Option<Complaints>,
    /// Further sections in Markdown (CCTV, cookies, National Fraud Initiative,
    /// call recording …), rendered after the required ones in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The record of changes to this notice, published as "What has
    /// changed" (latest first): one entry per published version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeEntry>,
    /// Findings the council has decided to accept, each with a written
    /// reason. They are not counted, but are reported to auditors
    /// (`suppressed` in JSON output, suppressions in SARIF).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
}

/// Accepting the findings of one rule, with the reason why.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Allow {
    /// The rule, by name or code, e.g. "public-task-legitimate-interests".
    pub rule: Option<String>,
    /// Only findings about this purpose (its `id`); leave out for the whole notice.
    pub purpose: Option<String>,
    /// Why the finding is acceptable, for auditors. Required.
    pub reason: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One shared file or several.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Extends {
    One(String),
    Many(Vec<String>),
}

impl Extends {
    /// The files, in merge order.
    pub fn files(&self) -> Vec<&str> {
        match self {
            Extends::One(file) => vec![file.as_str()],
            Extends::Many(files) => files.iter().map(String::as_str).collect(),
        }
    }
}

/// About the notice itself.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Metadata {
    /// The page title, e.g. "Council tax privacy notice".
    pub title: Option<String>,
    /// The language of the notice as a BCP 47 tag, e.g. `en-GB` or `cy`.
    /// Defaults to `en-GB`.
    pub language: Option<String>,
    /// Your own version label for the notice, e.g. "2.1".
    pub version: Option<String>,
    /// When the notice was last updated, as a TOML date: `2026-04-01`.
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub last_updated: Option<toml::value::Datetime>,
    /// How often the notice must be reviewed, in months. Defaults to 12.
    pub review_period_months: Option<u32>,
    /// A short summary shown at the top of the notice (Markdown).
    pub summary: Option<String>,
    /// Where the notice is published, e.g. `"https://www.example.gov.uk/privacy"`.
    pub url: Option<String>,
    /// In a translation: the notice file it translates, relative to this
    /// file, e.g. `"../en/council-tax.toml"`. Its purposes, recipients,
    /// categories, retention rules and sections have the same ids, and
    /// every fact that is not words (bases, dates, periods, contacts …)
    /// must match.
    pub translation_of: Option<String>,
}

/// Who the controller is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ControllerKind {
    /// A council, combined authority, fire authority or other public authority
    /// under the Freedom of Information Act 2000.
    PublicAuthority,
    /// A company.
    Company,
    /// A charity or voluntary organisation.
    Charity,
    /// Anything else.
    Other,
}

/// How to reach someone: the fields every contact table shares
/// (`[controller]`, `[representative]`, `[dpo]`, `[complaints.controller]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub struct Contact {
    /// The name: an organisation's legal name (e.g. "Example Borough
    /// Council"), or a person's name or job title.
    pub name: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// A web form or contact page (https URL).
    pub web_form: Option<String>,
}

impl Contact {
    /// Every field with its key, in the order pages show them.
    pub fn fields(&self) -> [(&'static str, &Option<String>); 5] {
        [
            ("name", &self.name),
            ("address", &self.address),
            ("email", &self.email),
            ("phone", &self.phone),
            ("web_form", &self.web_form),
        ]
    }
}

/// The controller: the organisation that decides why and how data is used.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Controller {
    #[serde(flatten)]
    pub contact: Contact,
    /// What kind of body the controller is. A public authority must have a
    /// DPO and may not rely on legitimate interests for its public tasks.
    pub kind: Option<ControllerKind>,
    /// The controller's registration number with the regulator (the ICO),
    /// e.g. "Z1234567".
    pub ico_registration: Option<String>,
    /// Whether the controller is established in the UK. Defaults to true; a
    /// controller outside the UK needs a UK representative (Art. 27).
    pub established_in_uk: Option<bool>,
    /// Whether the controller must meet the Welsh Language Standards
    /// (Welsh Language (Wales) Measure 2011): every notice of the project
    /// then needs a Welsh version.
    pub welsh_language_standards: Option<bool>,
}

/// The controller's representative in the UK (Art. 27).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Representative {
    #[serde(flatten)]
    pub contact: Contact,
}

/// The data protection officer. A named person is optional; a working
/// contact route is not.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Dpo {
    /// Whether a DPO has been appointed. Defaults to true. Only a body that is
    /// not a public authority (and not otherwise required to) may say false.
    pub appointed: Option<bool>,
    #[serde(flatten)]
    pub contact: Contact,
}

/// A kind of personal data, e.g. "contact details" or "health information".
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct DataCategory {
    /// A short identifier that purposes use to refer to this category, e.g. "contact".
    pub id: Option<String>,
    /// The name shown to readers, e.g. "Contact details".
    pub name: Option<String>,
    /// What the category includes (Markdown).
    pub description: Option<String>,
    /// Special category data (Art. 9): racial or ethnic origin, political
    /// opinions, religious or philosophical beliefs, trade union membership,
    /// genetic or biometric data, health, sex life or sexual orientation.
    #[serde(default, skip_serializing_if = "is_false")]
    pub special_category: bool,
    /// Personal data about criminal convictions and offences (Art. 10).
    #[serde(default, skip_serializing_if = "is_false")]
    pub criminal_offence: bool,
}

/// Someone the data is disclosed to (Art. 13(1)(e), 14(1)(e)).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Recipient {
    /// A short identifier that purposes use to refer to this recipient, e.g. "dwp".
    pub id: Option<String>,
    /// The recipient or category of recipients, e.g. "Department for Work and Pensions".
    pub name: Option<String>,
    /// Why and what is shared with them (Markdown).
    pub description: Option<String>,
}

/// A lawful basis under UK GDPR Article 6(1).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum LawfulBasis {
    /// Art. 6(1)(a): the person has given consent.
    Consent,
    /// Art. 6(1)(b): a contract with the person, or steps before one.
    Contract,
    /// Art. 6(1)(c): a legal obligation of the controller.
    LegalObligation,
    /// Art. 6(1)(d): to protect someone's life.
    VitalInterests,
    /// Art. 6(1)(e): a task in the public interest or official authority.
    PublicTask,
    /// Art. 6(1)(ea): a recognised legitimate interest (Data (Use and Access) Act 2025).
    RecognisedLegitimateInterest,
    /// Art. 6(1)(f): legitimate interests (not for a public authority's tasks).
    LegitimateInterests,
}

/// A condition for a recognised legitimate interest (Art. 6(1)(ea), Annex 1).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum RecognisedInterest {
    /// Disclosure to a body that needs it for a task in the public interest.
    PublicTaskDisclosure,
    /// National security, public security and defence.
    NationalSecurity,
    /// Responding to an emergency.
    Emergencies,
    /// Detecting, investigating or preventing crime, or apprehending offenders.
    Crime,
    /// Safeguarding vulnerable people.
    Safeguarding,
}

/// A condition for processing special category data (UK GDPR Art. 9(2)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum SpecialCategoryCondition {
    /// Art. 9(2)(a): explicit consent.
    ExplicitConsent,
    /// Art. 9(2)(b): employment, social security and social protection law.
    EmploymentSocialSecurity,
    /// Art. 9(2)(c): vital interests of someone who cannot consent.
    VitalInterests,
    /// Art. 9(2)(d): a not-for-profit body's members.
    NotForProfit,
    /// Art. 9(2)(e): made manifestly public by the person.
    MadePublic,
    /// Art. 9(2)(f): legal claims and courts.
    LegalClaims,
    /// Art. 9(2)(g): substantial public interest (needs a DPA 2018 Sch. 1 Part 2 condition).
    SubstantialPublicInterest,
    /// Art. 9(2)(h): health or social care.
    HealthSocialCare,
    /// Art. 9(2)(i): public health.
    PublicHealth,
    /// Art. 9(2)(j): archiving, research or statistics.
    ArchivingResearch,
}

/// Whether people must give the data (Art. 13(2)(e)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ProvisionRequirement {
    /// The law requires the person to give it.
    Statutory,
    /// A contract requires it.
    Contractual,
    /// It is needed before a contract can be entered into.
    ContractPrecondition,
    /// Giving it is up to the person.
    Voluntary,
    /// It is recorded by observing the person (CCTV, body-worn cameras);
    /// they are not asked to give it.
    Observed,
    /// It depends on the service: some of it the law or a contract
    /// requires, some not. For a statement made once for the whole notice
    /// ("where we need it by law or under a contract and you do not give
    /// it, we may not be able to help"); a purpose that can say which
    /// should.
    Varies,
}

/// Whether giving the data is required, and what happens if it is not given.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Provision {
    /// Whether giving the data is statutory, contractual, needed for a
    /// contract, voluntary, observed, or varies by service.
    pub requirement: Option<ProvisionRequirement>,
    /// What happens if the person does not give it (Markdown).
    pub consequence: Option<String>,
}

/// Somewhere other than the person that the data comes from (Art. 14(2)(f)).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct DataSource {
    /// Who or what provides the data, e.g. "HM Revenue and Customs".
    pub name: Option<String>,
    /// More about the source (Markdown).
    pub description: Option<String>,
    /// Whether the source is publicly accessible, e.g. the electoral register.
    #[serde(default, skip_serializing_if = "is_false")]
    pub publicly_accessible: bool,
}

/// One purpose of processing, with its lawful basis.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Purpose {
    /// A short identifier, e.g. "council-tax-billing".
    pub id: Option<String>,
    /// What the data is used for, as a reader would say it, e.g.
    /// "Collecting council tax".
    pub name: Option<String>,
    /// More about the purpose (Markdown).
    pub description: Option<String>,
    /// The lawful basis or bases under Art. 6(1).
    pub lawful_bases: Option<Vec<LawfulBasis>>,
    /// The law that sets out the public task or legal obligation (Art. 6(3)),
    /// e.g. "Local Government Finance Act 1992". For law-enforcement
    /// processing, the legal basis under DPA 2018 s.35.
    pub law: Option<String>,
    /// The legitimate interests pursued, when relying on Art. 6(1)(f).
    pub legitimate_interests: Option<String>,
    /// Which recognised legitimate interest is relied on, when using Art. 6(1)(ea).
    pub recognised_interest: Option<RecognisedInterest>,
    /// The Art. 9(2) condition(s) for special category data.
    pub special_category_conditions: Option<Vec<SpecialCategoryCondition>>,
    /// The DPA 2018 Schedule 1 condition(s), e.g. "Sch. 1 para 6: statutory
    /// and government purposes".
    pub schedule_1_conditions: Option<Vec<String>>,
    /// Link to the appropriate policy document (DPA 2018 Sch. 1 Part 4).
    pub appropriate_policy_document: Option<String>,
    /// The condition for criminal offence data (Art. 10; DPA 2018 s.10(5), Sch. 1).
    pub criminal_offence_condition: Option<String>,
    /// The ids of the data categories used (see `[[data_categories]]`).
    pub data_categories: Option<Vec<String>>,
    /// The ids of the recipients (see `[[recipients]]`). Write `[]` to state
    /// that data for this purpose is not shared.
    pub recipients: Option<Vec<String>>,
    /// The id of the retention rule that applies (see `[[retention.rules]]`).
    pub retention: Option<String>,
    /// Whether the data is collected from the person themselves (Art. 13).
    pub from_person: Option<bool>,
    /// Other sources of the data (Art. 14). Write `[]` to state there are none.
    pub other_sources: Option<Vec<DataSource>>,
    /// Whether people must give the data and what happens if they do not
    /// (Art. 13(2)(e)); needed when the data is collected from the person.
    pub provision: Option<Provision>,
    /// Processing for law enforcement (DPA 2018 Part 3): prosecutions by
    /// trading standards, licensing, planning enforcement, benefit fraud.
    #[serde(default, skip_serializing_if = "is_false")]
    pub law_enforcement: bool,
    /// Whether the purpose is direct marketing (the right to object is then
    /// absolute, Art. 21(2)-(3)).
    #[serde(default, skip_serializing_if = "is_false")]
    pub direct_marketing: bool,
}

/// What every purpose has unless it says otherwise.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct AllPurposes {
    /// The lawful basis or bases under Art. 6(1) of every purpose that
    /// gives none of its own.
    pub lawful_bases: Option<Vec<LawfulBasis>>,
    /// The law that sets out the public task or legal obligation (Art.
    /// 6(3)), for every purpose that names none.
    pub law: Option<String>,
    /// The ids of the recipients of every purpose that names none (see
    /// `[[recipients]]`); `[]` for "we do not share it".
    pub recipients: Option<Vec<String>>,
    /// The ids of the data categories of every purpose that lists none (see
    /// `[[data_categories]]`).
    pub data_categories: Option<Vec<String>>,
    /// Whether data is collected from the person, for every purpose that
    /// does not say.
    pub from_person: Option<bool>,
    /// Other sources of the data, for every purpose that does not say;
    /// `[]` for "nowhere else".
    pub other_sources: Option<Vec<DataSource>>,
    /// Whether people must give the data and what happens if they do not,
    /// for every purpose that does not say.
    pub provision: Option<Provision>,
}

impl Notice {
    /// The notice with `[all_purposes]` applied: every purpose gets the
    /// notice-wide statements it does not make itself. Rules and rights see
    /// this; the page says the statements once.
    pub fn with_all_purposes(&self) -> std::borrow::Cow<'_, Notice> {
        let Some(all) = &self.all_purposes else {
            return std::borrow::Cow::Borrowed(self);
        };
        let mut notice = self.clone();
        for purpose in &mut notice.purposes {
            if all.gives(purpose, "lawful_bases") {
                purpose.lawful_bases.clone_from(&all.lawful_bases);
            }
            if all.gives(purpose, "law") {
                purpose.law.clone_from(&all.law);
            }
            if all.gives(purpose, "recipients") {
                purpose.recipients.clone_from(&all.recipients);
            }
            if all.gives(purpose, "data_categories") {
                purpose.data_categories.clone_from(&all.data_categories);
            }
            if all.gives(purpose, "from_person") {
                purpose.from_person = all.from_person;
            }
            if all.gives(purpose, "other_sources") {
                purpose.other_sources.clone_from(&all.other_sources);
            }
            if all.gives(purpose, "provision") {
                purpose.provision.clone_from(&all.provision);
            }
        }
        std::borrow::Cow::Owned(notice)
    }
}

impl Purpose {
    /// Whether the purpose relies on a lawful basis.
    pub fn relies_on(&self, basis: LawfulBasis) -> bool {
        self.lawful_bases
            .as_deref()
            .is_some_and(|bases| bases.contains(&basis))
    }
}

impl AllPurposes {
    /// Whether a purpose takes `key` from here: it says nothing of its own
    /// (a purpose's empty `lawful_bases` counts as nothing) and this does.
    pub fn gives(&self, purpose: &Purpose, key: &str) -> bool {
        match key {
            "lawful_bases" => {
                purpose.lawful_bases.as_deref().is_none_or(<[_]>::is_empty)
                    && self.lawful_bases.is_some()
            }
            "law" => purpose.law.is_none() && self.law.is_some(),
            "recipients" => purpose.recipients.is_none() && self.recipients.is_some(),
            "data_categories" => {
                purpose.data_categories.is_none() && self.data_categories.is_some()
            }
            "from_person" => purpose.from_person.is_none() && self.from_person.is_some(),
            "other_sources" => purpose.other_sources.is_none() && self.other_sources.is_some(),
            "provision" => purpose.provision.is_none() && self.provision.is_some(),
            _ => false,
        }
    }
}

/// How long data is kept.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Retention {
    /// Link to the retention schedule that covers this notice. A schedule
    /// counts as the criteria used to decide how long data is kept.
    pub schedule_url: Option<String>,
    /// The criteria used to decide how long data is kept (Markdown).
    pub criteria: Option<String>,
    /// Specific retention rules; purposes refer to them by `id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RetentionRule>,
}

/// One retention rule, e.g. "6 years after the account is closed".
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct RetentionRule {
    /// A short identifier that purposes use to refer to this rule.
    pub id: Option<String>,
    /// Which records the rule covers, e.g. "Council tax accounts".
    pub records: Option<String>,
    /// How long, e.g. "6 years".
    pub period: Option<String>,
    /// From when the period runs, e.g. "after the account is closed".
    pub trigger: Option<String>,
    /// The criteria used, when there is no fixed period (Markdown).
    pub criteria: Option<String>,
}

impl RetentionRule {
    /// How long, as the notice says it: the period with its trigger ("6
    /// years after the account closes"), or the criteria when there is no
    /// period; `None` when it says neither.
    pub fn said(&self) -> Option<String> {
        use super::forms::given;
        match (
            given(&self.period),
            given(&self.trigger),
            given(&self.criteria),
        ) {
            (Some(period), Some(trigger), _) => Some(format!("{period} {trigger}")),
            (Some(period), None, _) => Some(period.to_string()),
            (None, _, Some(criteria)) => Some(criteria.to_string()),
            (None, _, None) => None,
        }
    }
}

/// Whether personal data leaves the UK.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Transfers {
    /// Whether any personal data is transferred outside the UK. State
    /// `false` explicitly when it is not.
    pub outside_uk: Option<bool>,
    /// Each destination and the safeguard relied on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<Transfer>,
    /// Anything more to say about transfers (Markdown).
    pub description: Option<String>,
}

/// The legal mechanism for a transfer out of the UK (Arts. 45-49).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum TransferMechanism {
    /// UK adequacy regulations ("data bridge") cover the destination (Art. 45).
    Adequacy,
    /// The ICO's International Data Transfer Agreement (Art. 46).
    Idta,
    /// The ICO's Addendum to the EU standard contractual clauses (Art. 46).
    Addendum,
    /// Binding corporate rules (Art. 47).
    Bcr,
    /// A derogation for a specific situation (Art. 49).
    Derogation,
}

/// One transfer out of the UK.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Transfer {
    /// The country or international organisation, e.g. "United States".
    pub destination: Option<String>,
    /// The id of the recipient involved, if any (see `[[recipients]]`).
    pub recipient: Option<String>,
    /// The mechanism relied on.
    pub mechanism: Option<TransferMechanism>,
    /// How to get a copy of the safeguards, e.g. "email dpo@example.gov.uk".
    /// Needed for an IDTA, the Addendum or binding corporate rules.
    pub copy: Option<String>,
}

/// Automated decision-making, including profiling.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct AutomatedDecisions {
    /// Whether decisions with legal or similarly significant effects are made
    /// solely by automated means. State `false` explicitly when they are not.
    pub used: Option<bool>,
    /// Each such decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<AutomatedDecision>,
}

/// One significant decision based solely on automated processing (UK GDPR
/// Arts. 22A-22D, which replaced Art. 22 from 5 February 2026).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct AutomatedDecision {
    /// What is decided, e.g. "Eligibility for a single person discount".
    pub description: Option<String>,
    /// Meaningful information about the logic involved.
    pub logic: Option<String>,
    /// The significance and likely consequences for the person.
    pub significance: Option<String>,
    /// The safeguards (Art. 22C): how the person is told about the
    /// decision, can make representations, get a person to intervene and
    /// contest it.
    pub safeguards: Option<String>,
    /// The `id` of the purpose the decision is made for: a significant
    /// decision cannot be based solely on automated processing that relies
    /// on a recognised legitimate interest (Art. 22B(4)).
    pub purpose: Option<String>,
}

/// A data protection right.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Right {
    /// Art. 15: access to your data.
    Access,
    /// Art. 16: correction of inaccurate data.
    Rectification,
    /// Art. 17: erasure ("right to be forgotten").
    Erasure,
    /// Art. 18: restriction of use.
    Restriction,
    /// Art. 20: data portability.
    Portability,
    /// Art. 21: objection.
    Object,
    /// Art. 7(3): withdrawing consent.
    WithdrawConsent,
    /// Art. 22C: safeguards for decisions based solely on automated processing.
    AutomatedDecisions,
}

/// How people use their rights.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Rights {
    /// The rights this notice tells people they have. Leave it out and
    /// noticec derives the list from the lawful bases; give it and noticec
    /// checks it against them.
    pub listed: Option<Vec<Right>>,
    /// How to make a request: who to contact and how (Markdown).
    pub how_to_exercise: Option<String>,
    /// How to withdraw consent, when any purpose relies on it (Markdown).
    pub how_to_withdraw_consent: Option<String>,
    /// Whether requests are free of charge (Art. 12(5); a reasonable fee for
    /// further copies, Art. 15(3), or for manifestly unfounded or excessive
    /// requests, Art. 12(5), is lawful). Should be true.
    pub free_of_charge: Option<bool>,
    /// Anything more to say about rights (Markdown).
    pub description: Option<String>,
}

/// How to complain.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Complaints {
    /// How to complain to the controller itself (UK GDPR Art. 13(2)(ca),
    /// 14(2)(da); DPA 2018 s.164A).
    pub controller: Option<ControllerComplaints>,
    /// The right to complain to the regulator, the Information Commission
    /// (ICO) (Art. 13(2)(d), 14(2)(e), 77). An empty `[complaints.ico]`
    /// table uses its published contact details; set a field to override
    /// them.
    pub ico: Option<IcoContact>,
}

/// How to complain to the controller.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct ControllerComplaints {
    /// How the complaints process works (Markdown).
    pub description: Option<String>,
    /// Who handles complaints and how to reach them.
    #[serde(flatten)]
    pub contact: Contact,
}

/// The regulator's contact details. Leave fields out to use its published
/// details.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct IcoContact {
    /// The regulator's name; defaults to its published name.
    pub name: Option<String>,
    /// Postal address; defaults to the regulator's published address.
    pub address: Option<String>,
    /// Telephone number; defaults to the regulator's helpline.
    pub phone: Option<String>,
    /// Where to complain; defaults to the regulator's complaint page.
    pub website: Option<String>,
}

/// One entry of the change record: what changed in a published version,
/// in plain words (`noticec diff --entry` drafts one).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct ChangeEntry {
    /// When the changed notice was published, as a TOML date: `2026-11-20`.
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub date: Option<toml::value::Datetime>,
    /// The version it was published as, e.g. "4.1".
    pub version: Option<String>,
    /// What changed, in a sentence or two a reader understands.
    pub summary: Option<String>,
    /// More about the change (Markdown).
    pub details: Option<String>,
}

/// A further section of the notice, written in Markdown.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Section {
    /// A stable identifier, used as the HTML anchor, e.g. "cctv".
    pub id: Option<String>,
    /// The section heading, e.g. "CCTV".
    pub title: Option<String>,
    /// The section text (Markdown).
    pub body: Option<String>,
}

impl Notice {
    /// Every contact table the notice has, with its path: the controller,
    /// the UK representative, the DPO and the complaints contact.
    pub fn contacts(&self) -> Vec<(crate::model::KeyPath, &Contact)> {
        let root = crate::model::KeyPath::root();
        let complaints = self.complaints.as_ref().and_then(|c| c.controller.as_ref());
        [
            (
                root.key("controller"),
                self.controller.as_ref().map(|c| &c.contact),
            ),
            (
                root.key("representative"),
                self.representative.as_ref().map(|c| &c.contact),
            ),
            (root.key("dpo"), self.dpo.as_ref().map(|c| &c.contact)),
            (
                root.key("complaints").key("controller"),
                complaints.map(|c| &c.contact),
            ),
        ]
        .into_iter()
        .filter_map(|(at, contact)| Some((at, contact?)))
        .collect()
    }
}

/// Every free-text field of a notice with its key path, in file order of
/// the model: what wording checks (`current-law`, `plain-language`) read.
pub fn prose_fields<'a>(notice: &'a Notice) -> Vec<(crate::model::KeyPath, &'a str)> {
    use crate::model::KeyPath;
    let mut out = Vec::new();
    // The path of a field is built only when the field is there.
    let mut add = |at: &KeyPath, key: &str, text: &'a Option<String>| {
        if let Some(text) = text.as_deref() {
            out.push((at.key(key), text));
        }
    };
    let root = KeyPath::root();
    if let Some(meta) = &notice.notice {
        let at = root.key("notice");
        add(&at, "title", &meta.title);
        add(&at, "summary", &meta.summary);
    }
    for (i, category) in notice.data_categories.iter().enumerate() {
        let at = root.key("data_categories").index(i);
        add(&at, "name", &category.name);
        add(&at, "description", &category.description);
    }
    for (i, recipient) in notice.recipients.iter().enumerate() {
        let at = root.key("recipients").index(i);
        add(&at, "name", &recipient.name);
        add(&at, "description", &recipient.description);
    }
    for (i, purpose) in notice.purposes.iter().enumerate() {
        let at = root.key("purposes").index(i);
        add(&at, "name", &purpose.name);
        add(&at, "description", &purpose.description);
        add(&at, "law", &purpose.law);
        add(&at, "legitimate_interests", &purpose.legitimate_interests);
        add(
            &at,
            "criminal_offence_condition",
            &purpose.criminal_offence_condition,
        );
        for (j, source) in purpose.other_sources.iter().flatten().enumerate() {
            let at = at.key("other_sources").index(j);
            add(&at, "name", &source.name);
            add(&at, "description", &source.description);
        }
        if let Some(provision) = &purpose.provision {
            add(&at.key("provision"), "consequence", &provision.consequence);
        }
    }
    if let Some(all) = &notice.all_purposes {
        let at = root.key("all_purposes");
        add(&at, "law", &all.law);
        for (j, source) in all.other_sources.iter().flatten().enumerate() {
            let at = at.key("other_sources").index(j);
            add(&at, "name", &source.name);
            add(&at, "description", &source.description);
        }
        if let Some(provision) = &all.provision {
            add(&at.key("provision"), "consequence", &provision.consequence);
        }
    }
    if let Some(retention) = &notice.retention {
        let at = root.key("retention");
        add(&at, "criteria", &retention.criteria);
        for (i, rule) in retention.rules.iter().enumerate() {
            let at = at.key("rules").index(i);
            add(&at, "records", &rule.records);
            add(&at, "period", &rule.period);
            add(&at, "trigger", &rule.trigger);
            add(&at, "criteria", &rule.criteria);
        }
    }
    if let Some(transfers) = &notice.transfers {
        let at = root.key("transfers");
        add(&at, "description", &transfers.description);
        for (i, transfer) in transfers.destinations.iter().enumerate() {
            add(&at.key("destinations").index(i), "copy", &transfer.copy);
        }
    }
    if let Some(automated) = &notice.automated_decisions {
        for (i, decision) in automated.decisions.iter().enumerate() {
            let at = root.key("automated_decisions").key("decisions").index(i);
            add(&at, "description", &decision.description);
            add(&at, "logic", &decision.logic);
            add(&at, "significance", &decision.significance);
            add(&at, "safeguards", &decision.safeguards);
        }
    }
    if let Some(rights) = &notice.rights {
        let at = root.key("rights");
        add(&at, "how_to_exercise", &rights.how_to_exercise);
        add(
            &at,
            "how_to_withdraw_consent",
            &rights.how_to_withdraw_consent,
        );
        add(&at, "description", &rights.description);
    }
    if let Some(controller) = notice
        .complaints
        .as_ref()
        .and_then(|c| c.controller.as_ref())
    {
        add(
            &root.key("complaints").key("controller"),
            "description",
            &controller.description,
        );
    }
    for (i, section) in notice.sections.iter().enumerate() {
        let at = root.key("sections").index(i);
        add(&at, "title", &section.title);
        add(&at, "body", &section.body);
    }
    out
}
