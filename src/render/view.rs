//! The view templates see: a serializable summary of a notice built for
//! presentation, not the model itself.
//!
//! References are resolved (a purpose carries its recipients' names), the
//! rights are derived from the lawful bases, dates are written out in words,
//! and the regulator's details are filled in (from [`crate::law`]). Users' custom templates depend only
//! on this view, so the model can change without breaking them (zola's
//! `SerializingPage` does the same).

use foldhash::HashMap;
use serde::Serialize;

use crate::i18n::{Arg, Language};
use crate::law::regulator::regulator;
use crate::law::rights::{Availability, Objection, RightUse, notice_rights, objection};
use crate::model::{Contact, LawfulBasis, Notice, Right};

/// Everything a notice template can use.
#[derive(Debug, Serialize)]
pub struct NoticeView<'a> {
    pub title: String,
    /// The notice's BCP 47 tag, for `lang`.
    pub language: String,
    /// The catalogue its fixed text comes from.
    #[serde(skip)]
    pub lang: Language,
    pub version: Option<&'a str>,
    pub last_updated: Option<String>,
    pub summary: Option<&'a str>,
    /// The notice's published address (`[notice] url`).
    pub url: Option<&'a str>,
    /// One or two plain sentences for search results (`<meta name="description">`).
    pub description: String,
    /// The notice has errors and is published only because errors are
    /// allowed: every format says "Draft — not ready to publish".
    pub draft: bool,
    /// The file name of this notice's HTML page, when built into a site
    /// (the short notices for forms link to it).
    pub own_page: Option<String>,
    pub controller: Option<ContactView<'a>>,
    /// What the controller is, with its article: "a public authority".
    pub controller_kind: Option<String>,
    pub ico_registration: Option<&'a str>,
    pub representative: Option<ContactView<'a>>,
    pub dpo: Option<ContactView<'a>>,
    pub data_categories: Vec<CategoryView<'a>>,
    pub recipients: Vec<NamedView<'a>>,
    pub purposes: Vec<PurposeView<'a>>,
    /// What the notice says once for every purpose (`[all_purposes]`),
    /// shown once before the purposes.
    pub all_purposes: Option<PurposeView<'a>>,
    pub retention: Option<RetentionView<'a>>,
    pub transfers: Option<TransfersView<'a>>,
    pub automated_decisions: Option<AutomatedView<'a>>,
    pub rights: Vec<RightView>,
    /// The right to object, shown in its own block (Art. 21(4)).
    pub objection: Option<RightView>,
    pub how_to_exercise: Option<&'a str>,
    pub how_to_withdraw_consent: Option<&'a str>,
    pub free_of_charge: Option<bool>,
    pub rights_description: Option<&'a str>,
    /// Whether any purpose is law-enforcement processing (DPA 2018 Part 3).
    pub law_enforcement: bool,
    pub complaints_controller: Option<ComplaintsView<'a>>,
    pub ico: Option<IcoView<'a>>,
    /// The regulator in force on the build date, whether or not the notice
    /// has `[complaints.ico]` (for the registration number).
    pub regulator: RegulatorView,
    pub sections: Vec<SectionView<'a>>,
    /// The change record, latest first.
    pub changes: Vec<ChangeView<'a>>,
    /// The "at a glance" layer: one line per topic, linking to its section.
    pub glance: Vec<GlanceItem>,
    /// In a project: the corporate notice this notice adds to.
    pub corporate: Option<LinkView>,
    /// In a project, on the corporate notice: the service notices.
    pub service_notices: Vec<LinkView>,
    /// With `build --archive`: the page listing every published version
    /// (relative to this page, with extension).
    pub versions: Option<String>,
    /// On an archived version: where the current version and the list of
    /// versions are.
    pub archived: Option<ArchivedView>,
    /// The machine-readable twins built beside the page (`--format json`).
    pub twins: Vec<TwinView>,
    /// In a project: the same notice in the other language (the notice
    /// this one translates, or its translation).
    pub alternates: Vec<AlternateView>,
}

/// The same notice in another language.
#[derive(Debug, Clone, Serialize)]
pub struct AlternateView {
    /// Its language tag, for `hreflang` and `lang`: `cy`.
    pub language: &'static str,
    /// The language's name in that language: "Cymraeg".
    pub name: String,
    pub title: String,
    /// Relative to this page, without extension.
    pub href: String,
    /// Its published address.
    pub url: Option<String>,
}

/// A machine-readable twin of the page.
#[derive(Debug, Clone, Serialize)]
pub struct TwinView {
    /// Its media type: `application/json`.
    pub media_type: &'static str,
    /// "JSON".
    pub label: &'static str,
    /// Relative to the page.
    pub href: String,
}

/// What an archived version of a notice says about itself.
#[derive(Debug, Clone, Serialize)]
pub struct ArchivedView {
    /// The current page, relative to the archived one (with extension).
    pub current: String,
    /// The list of versions, relative to the archived one.
    pub versions: String,
}

/// A link to another notice of the site. `href` is relative to this page and
/// has no extension: templates add `.html` or `.md`.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub href: String,
    /// The other notice's published address, when it has one: fragments,
    /// Markdown and text link to it rather than to the built page.
    pub url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ContactView<'a> {
    pub name: Option<&'a str>,
    pub address: Option<&'a str>,
    pub email: Option<&'a str>,
    /// Whether `email` is an address a `mailto:` link can use.
    pub email_link: bool,
    pub phone: Option<&'a str>,
    /// `tel:` address of `phone`, when it is a telephone number.
    pub phone_href: Option<String>,
    pub web_form: Option<&'a str>,
}

impl<'a> ContactView<'a> {
    fn new(contact: &'a Contact) -> Self {
        Self {
            name: text(&contact.name),
            address: text(&contact.address),
            email: text(&contact.email),
            email_link: text(&contact.email).is_some_and(crate::model::forms::is_email),
            phone: text(&contact.phone),
            phone_href: text(&contact.phone).and_then(tel_href),
            web_form: link(&contact.web_form),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct CategoryView<'a> {
    pub name: String,
    pub description: Option<&'a str>,
    pub special_category: bool,
    pub criminal_offence: bool,
}

#[derive(Debug, Serialize)]
pub struct NamedView<'a> {
    pub name: String,
    pub description: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct BasisView {
    pub key: &'static str,
    pub name: String,
    pub article: String,
    pub explanation: String,
}

#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    pub name: Option<&'a str>,
    pub description: Option<&'a str>,
    pub publicly_accessible: bool,
}

#[derive(Debug, Serialize)]
pub struct PurposeView<'a> {
    pub anchor: String,
    pub name: String,
    pub description: Option<&'a str>,
    pub bases: Vec<BasisView>,
    pub law: Option<&'a str>,
    pub legitimate_interests: Option<&'a str>,
    pub recognised_interest: Option<String>,
    pub special_category_conditions: Vec<String>,
    pub schedule_1_conditions: Vec<&'a str>,
    pub appropriate_policy_document: Option<&'a str>,
    pub criminal_offence_condition: Option<&'a str>,
    pub data_categories: Vec<String>,
    /// `None` when the notice does not say; empty when it says "nobody".
    pub recipients: Option<Vec<String>>,
    pub retention: Option<String>,
    pub from_person: Option<bool>,
    pub other_sources: Vec<SourceView<'a>>,
    pub provision: Option<String>,
    pub provision_consequence: Option<&'a str>,
    pub law_enforcement: bool,
    pub direct_marketing: bool,
}

#[derive(Debug, Serialize)]
pub struct RetentionView<'a> {
    pub schedule_url: Option<&'a str>,
    pub criteria: Option<&'a str>,
    pub rules: Vec<RetentionRuleView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RetentionRuleView<'a> {
    pub records: Option<&'a str>,
    /// How long, as the notice writes it ("6 years").
    pub period: Option<&'a str>,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct TransfersView<'a> {
    pub outside_uk: Option<bool>,
    pub description: Option<&'a str>,
    pub destinations: Vec<TransferView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct TransferView<'a> {
    pub destination: Option<&'a str>,
    pub recipient: Option<String>,
    pub mechanism: Option<String>,
    pub copy: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct AutomatedView<'a> {
    pub used: Option<bool>,
    pub decisions: Vec<DecisionView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DecisionView<'a> {
    pub description: Option<&'a str>,
    pub logic: Option<&'a str>,
    pub significance: Option<&'a str>,
    pub safeguards: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RightView {
    pub key: &'static str,
    pub name: String,
    pub article: String,
    pub description: String,
    /// The purposes the right applies to, in words, when it does not apply
    /// to them all ("collecting council tax and recovering debts").
    pub applies_to: Option<String>,
    /// Why the right is limited, and for which purposes, when it is.
    pub limitation: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ComplaintsView<'a> {
    pub description: Option<&'a str>,
    #[serde(flatten)]
    pub contact: ContactView<'a>,
}

/// The regulator's name in force (see [`crate::law::regulator`]).
#[derive(Debug, Serialize)]
pub struct RegulatorView {
    pub name: &'static str,
    /// The language of `name` when it is not the page's (a Welsh page
    /// names the Information Commission in English until it has a Welsh
    /// name): templates mark it with `lang`.
    pub name_lang: Option<&'static str>,
    pub short: &'static str,
}

/// The regulator, as the page names it (see [`crate::law::regulator`]).
#[derive(Debug, Serialize)]
pub struct IcoView<'a> {
    /// "Information Commission".
    pub name: &'a str,
    /// The language of `name` when it is not the page's.
    pub name_lang: Option<&'static str>,
    /// "ICO".
    pub short: &'a str,
    /// Only when the notice gives one or a dated source confirms it.
    pub address: Option<&'a str>,
    pub phone: &'a str,
    /// `tel:` address of `phone`, when it is a telephone number.
    pub phone_href: Option<String>,
    pub website: &'a str,
}

/// A `tel:` link target for a telephone number, or `None` when the text is
/// not one (it is then shown without a link).
pub fn tel_href(phone: &str) -> Option<String> {
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-".contains(c));
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (allowed && digits.chars().filter(char::is_ascii_digit).count() >= 3)
        .then(|| format!("tel:{digits}"))
}

#[derive(Debug, Serialize)]
pub struct SectionView<'a> {
    pub anchor: String,
    pub title: String,
    pub body: Option<&'a str>,
}

/// One entry of the change record.
#[derive(Debug, Serialize)]
pub struct ChangeView<'a> {
    /// "20 November 2026".
    pub date: Option<String>,
    pub version: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub details: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct GlanceItem {
    pub heading: String,
    /// The link to the section: "More about who we are".
    pub more: String,
    pub text: String,
    pub anchor: &'static str,
}

use crate::model::forms::given as text;

/// A link field, kept only if its scheme is safe to publish (http, https,
/// mailto, tel): a `javascript:` address is dropped even with `--allow-errors`.
fn link(field: &Option<String>) -> Option<&str> {
    text(field).filter(|url| super::prose::is_safe_url(url))
}

/// A string safe to use as an HTML id: lowercase letters, digits, hyphens.
pub fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    let mut last_hyphen = prefix.ends_with('-');
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            last_hyphen = false;
        } else if !last_hyphen {
            out.push('-');
            last_hyphen = true;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The ids given out on one page, so none is given twice.
#[derive(Default)]
struct Anchors(foldhash::HashSet<String>);

impl Anchors {
    /// `wanted`, or `wanted-2`, `wanted-3` … if it is taken.
    fn unique(&mut self, wanted: String) -> String {
        let mut candidate = wanted.clone();
        let mut n = 1;
        while !self.0.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{wanted}-{n}");
        }
        candidate
    }
}

fn basis(lang: Language, b: LawfulBasis) -> BasisView {
    BasisView {
        key: b.key(),
        name: lang.word("basis-title", b.key()).into_owned(),
        article: lang.cite(b.article()),
        explanation: lang.word("basis-explanation", b.key()).into_owned(),
    }
}

/// The names of the purposes at `indexes`, in words; `None` when they are
/// all of the `out_of` purposes (the page then need not say which).
fn purposes_in_words(
    lang: Language,
    names: &[String],
    indexes: &[usize],
    out_of: usize,
) -> Option<String> {
    if indexes.len() >= out_of {
        return None;
    }
    let chosen: Vec<String> = indexes
        .iter()
        .filter_map(|&i| names.get(i))
        .map(|name| format!("\u{201c}{name}\u{201d}"))
        .collect();
    Some(lang.join_words(&chosen))
}

/// One right as the page states it, for the purposes it applies to.
fn right_view(
    lang: Language,
    right: Right,
    use_: &RightUse,
    names: &[String],
    notice: &Notice,
    all_le: bool,
) -> RightView {
    let name = super::glance::capitalise(&lang.word("right-name", right.key()));
    // Law-enforcement purposes have these rights from DPA 2018 Part 3.
    let le = |i: &usize| {
        notice
            .purposes
            .get(*i)
            .is_some_and(|p| crate::law::rights::is_law_enforcement(p, all_le))
    };
    let article = lang.cite(&match right.law_enforcement_section() {
        Some(section) if use_.purposes.iter().all(le) => section.to_string(),
        Some(section) if use_.purposes.iter().any(le) => format!("{}; {section}", right.article()),
        _ => right.article().to_string(),
    });
    // The limit the page states: the UK GDPR one, for the purposes it
    // concerns (law-enforcement limits are explained below the list).
    let gdpr_limited: Vec<usize> = use_.limited.iter().copied().filter(|i| !le(i)).collect();
    let gdpr_purposes = use_.purposes.iter().filter(|i| !le(i)).count();
    let kind = if right == Right::Portability {
        Availability::Conditional
    } else {
        Availability::Limited
    };
    let limitation = right
        .limitation_message(kind)
        .filter(|_| !gdpr_limited.is_empty())
        .map(
            |id| match purposes_in_words(lang, names, &gdpr_limited, gdpr_purposes) {
                Some(which) if right == Right::Erasure => lang
                    .format(
                        "right-limitation-erasure-for",
                        &[("purposes", Arg::Text(&which))],
                    )
                    .into_owned(),
                _ => lang.text(id).into_owned(),
            },
        );
    RightView {
        key: right.key(),
        name,
        article,
        description: lang.word("right-description", right.key()).into_owned(),
        applies_to: purposes_in_words(lang, names, &use_.purposes, names.len()),
        limitation,
    }
}

/// The right to object, written from the grounds the notice has (Art.
/// 21(1) for public task and (recognised) legitimate interests, with its
/// particular-situation test and the controller's answer; Art. 21(2)-(3)
/// for direct marketing only where a purpose is direct marketing).
fn objection_view(lang: Language, found: &Objection, names: &[String]) -> Option<RightView> {
    if found.is_empty() {
        return None;
    }
    let mut text = String::new();
    let mut articles = Vec::new();
    if !found.grounds.is_empty() {
        let phrases: Vec<String> = found
            .grounds
            .iter()
            .map(|(basis, purposes)| {
                let phrase = lang.text(match basis {
                    LawfulBasis::PublicTask => "objection-use-public-task",
                    LawfulBasis::RecognisedLegitimateInterest => "objection-use-recognised",
                    _ => "objection-use-legitimate",
                });
                match purposes_in_words(lang, names, purposes, names.len()) {
                    Some(which) => lang
                        .format(
                            "objection-use-for",
                            &[("use", Arg::Text(&phrase)), ("purposes", Arg::Text(&which))],
                        )
                        .into_owned(),
                    None => phrase.into_owned(),
                }
            })
            .collect();
        let or = format!(" {} ", lang.text("list-or"));
        text.push_str(&lang.format(
            "objection-grounds",
            &[("uses", Arg::Text(&phrases.join(&or)))],
        ));
        articles.push("21(1)");
    }
    if !found.direct_marketing.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(
            &match purposes_in_words(lang, names, &found.direct_marketing, names.len()) {
                Some(which) => lang.format(
                    "objection-marketing-for",
                    &[("purposes", Arg::Text(&which))],
                ),
                None => lang.text("objection-marketing"),
            },
        );
        articles.push("21(2)-(3)");
    }
    Some(RightView {
        key: Right::Object.key(),
        name: lang.text("objection-name").into_owned(),
        article: lang.cite(&format!("UK GDPR Art. {}", articles.join(", "))),
        description: text,
        applies_to: None,
        limitation: None,
    })
}

impl<'a> NoticeView<'a> {
    /// Builds the view of a notice. `all_law_enforcement` follows the
    /// profile; `today` is the date the page is built on, which the
    /// regulator's name follows.
    pub fn new(notice: &'a Notice, all_law_enforcement: bool, today: jiff::civil::Date) -> Self {
        let meta = notice.notice.as_ref();
        let language = meta
            .and_then(|m| text(&m.language))
            // An invalid tag (published with --allow-errors) must not reach `lang`.
            .filter(|tag| crate::model::forms::is_language_tag(tag))
            .unwrap_or("en-GB")
            .to_string();
        let lang = Language::from_tag(&language);
        let names: HashMap<&str, String> = notice
            .recipients
            .iter()
            .filter_map(|r| Some((r.id.as_deref()?, display(lang, &r.name, &r.id))))
            .collect();
        let categories: HashMap<&str, String> = notice
            .data_categories
            .iter()
            .filter_map(|c| Some((c.id.as_deref()?, display(lang, &c.name, &c.id))))
            .collect();
        let retention_rules: HashMap<&str, String> = notice
            .retention
            .iter()
            .flat_map(|r| &r.rules)
            .filter_map(|rule| Some((rule.id.as_deref()?, retention_text(lang, rule))))
            .collect();

        // Every id on the page is different, even when two ids differ only
        // in case or punctuation (`check` reports those as E006).
        let mut anchors = Anchors::default();
        let purposes: Vec<PurposeView<'a>> = notice
            .purposes
            .iter()
            .enumerate()
            .map(|(i, p)| PurposeView {
                anchor: anchors.unique(match &p.id {
                    Some(id) if !id.trim().is_empty() => anchor("purpose-", id),
                    _ => format!("purpose-{}", i + 1),
                }),
                name: text(&p.name)
                    .map_or_else(|| lang.text("purpose-unnamed").into_owned(), str::to_string),
                description: text(&p.description),
                bases: p
                    .lawful_bases
                    .iter()
                    .flatten()
                    .map(|b| basis(lang, *b))
                    .collect(),
                law: text(&p.law),
                legitimate_interests: text(&p.legitimate_interests),
                recognised_interest: p
                    .recognised_interest
                    .map(|r| lang.word("recognised-interest", r.into()).into_owned()),
                special_category_conditions: p
                    .special_category_conditions
                    .iter()
                    .flatten()
                    .map(|c| lang.word("special-condition", c.into()).into_owned())
                    .collect(),
                schedule_1_conditions: p
                    .schedule_1_conditions
                    .iter()
                    .flatten()
                    .map(|s| s.trim())
                    .collect(),
                appropriate_policy_document: link(&p.appropriate_policy_document),
                criminal_offence_condition: text(&p.criminal_offence_condition),
                data_categories: p
                    .data_categories
                    .iter()
                    .flatten()
                    .map(|id| {
                        categories
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect(),
                recipients: p.recipients.as_ref().map(|ids| {
                    ids.iter()
                        .map(|id| {
                            names
                                .get(id.as_str())
                                .cloned()
                                .unwrap_or_else(|| id.clone())
                        })
                        .collect()
                }),
                retention: p
                    .retention
                    .as_deref()
                    .and_then(|id| retention_rules.get(id).cloned()),
                from_person: p.from_person,
                other_sources: sources_view(&p.other_sources),
                provision: provision_sentence(lang, &p.provision),
                provision_consequence: p.provision.as_ref().and_then(|v| text(&v.consequence)),
                law_enforcement: all_law_enforcement || p.law_enforcement,
                direct_marketing: p.direct_marketing,
            })
            .collect();

        let all_purposes = notice.all_purposes.as_ref().map(|all| PurposeView {
            anchor: "all-purposes".to_string(),
            name: lang.text("all-purposes-name").into_owned(),
            description: Some(lang.static_text("all-purposes-description")),
            bases: all
                .lawful_bases
                .iter()
                .flatten()
                .map(|b| basis(lang, *b))
                .collect(),
            law: text(&all.law),
            legitimate_interests: None,
            recognised_interest: None,
            special_category_conditions: Vec::new(),
            schedule_1_conditions: Vec::new(),
            appropriate_policy_document: None,
            criminal_offence_condition: None,
            data_categories: all
                .data_categories
                .iter()
                .flatten()
                .map(|id| {
                    categories
                        .get(id.as_str())
                        .cloned()
                        .unwrap_or_else(|| id.clone())
                })
                .collect(),
            recipients: all.recipients.as_ref().map(|ids| {
                ids.iter()
                    .map(|id| {
                        names
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect()
            }),
            retention: None,
            from_person: all.from_person,
            other_sources: sources_view(&all.other_sources),
            provision: provision_sentence(lang, &all.provision),
            provision_consequence: all.provision.as_ref().and_then(|v| text(&v.consequence)),
            law_enforcement: false,
            direct_marketing: false,
        });
        // Rights follow from every purpose as it stands with the notice-wide
        // statements it inherits.
        let effective = notice.with_all_purposes();
        let purpose_names: Vec<String> = purposes.iter().map(|p| p.name.clone()).collect();
        let rights: Vec<RightView> = notice_rights(&effective, all_law_enforcement)
            .iter()
            .filter(|(right, _)| **right != Right::Object)
            .map(|(right, use_)| {
                right_view(
                    lang,
                    *right,
                    use_,
                    &purpose_names,
                    &effective,
                    all_law_enforcement,
                )
            })
            .collect();
        let objection = objection_view(
            lang,
            &objection(&effective, all_law_enforcement),
            &purpose_names,
        );

        let rights_table = notice.rights.as_ref();
        let complaints = notice.complaints.as_ref();
        let mut view = NoticeView {
            title: meta
                .and_then(|m| text(&m.title))
                .map_or_else(|| lang.text("title-default").into_owned(), str::to_string),
            language,
            lang,
            version: meta.and_then(|m| text(&m.version)),
            last_updated: meta
                .and_then(|m| m.last_updated.as_ref())
                .and_then(|d| d.date)
                .and_then(|d| {
                    jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
                })
                .map(|d| lang.date(d)),
            summary: meta.and_then(|m| text(&m.summary)),
            description: description(
                lang,
                meta.and_then(|m| text(&m.summary)),
                notice
                    .controller
                    .as_ref()
                    .and_then(|c| text(&c.contact.name)),
            ),
            draft: false,
            own_page: None,
            url: meta.and_then(|m| link(&m.url)),
            controller: notice
                .controller
                .as_ref()
                .map(|c| ContactView::new(&c.contact)),
            controller_kind: notice
                .controller
                .as_ref()
                .and_then(|c| c.kind)
                .map(|k| lang.word("controller-kind", k.into()).into_owned()),
            ico_registration: notice
                .controller
                .as_ref()
                .and_then(|c| text(&c.ico_registration)),
            representative: notice
                .representative
                .as_ref()
                .map(|c| ContactView::new(&c.contact)),
            dpo: notice
                .dpo
                .as_ref()
                .filter(|d| d.appointed != Some(false))
                .map(|c| {
                    let mut view = ContactView::new(&c.contact);
                    // "our data protection officer (Data Protection Officer)" says nothing.
                    if view.name.is_some_and(|n| {
                        n.eq_ignore_ascii_case("data protection officer")
                            || n.eq_ignore_ascii_case("swyddog diogelu data")
                    }) {
                        view.name = None;
                    }
                    view
                }),
            data_categories: notice
                .data_categories
                .iter()
                .map(|c| CategoryView {
                    name: display(lang, &c.name, &c.id),
                    description: text(&c.description),
                    special_category: c.special_category,
                    criminal_offence: c.criminal_offence,
                })
                .collect(),
            recipients: notice
                .recipients
                .iter()
                .map(|r| NamedView {
                    name: display(lang, &r.name, &r.id),
                    description: text(&r.description),
                })
                .collect(),
            law_enforcement: purposes.iter().any(|p| p.law_enforcement),
            purposes,
            all_purposes,
            retention: notice.retention.as_ref().map(|r| RetentionView {
                schedule_url: link(&r.schedule_url),
                criteria: text(&r.criteria),
                rules: r
                    .rules
                    .iter()
                    .map(|rule| RetentionRuleView {
                        records: text(&rule.records),
                        period: text(&rule.period),
                        text: retention_text(lang, rule),
                    })
                    .collect(),
            }),
            transfers: notice.transfers.as_ref().map(|t| TransfersView {
                outside_uk: t.outside_uk,
                description: text(&t.description),
                destinations: t
                    .destinations
                    .iter()
                    .map(|d| TransferView {
                        destination: text(&d.destination),
                        recipient: d
                            .recipient
                            .as_deref()
                            .map(|id| names.get(id).cloned().unwrap_or_else(|| id.to_string())),
                        mechanism: d
                            .mechanism
                            .map(|m| lang.word("transfer-mechanism", m.into()).into_owned()),
                        copy: text(&d.copy),
                    })
                    .collect(),
            }),
            automated_decisions: notice.automated_decisions.as_ref().map(|a| AutomatedView {
                used: a.used,
                decisions: a
                    .decisions
                    .iter()
                    .map(|d| DecisionView {
                        description: text(&d.description),
                        logic: text(&d.logic),
                        significance: text(&d.significance),
                        safeguards: text(&d.safeguards),
                    })
                    .collect(),
            }),
            rights,
            objection,
            how_to_exercise: rights_table.and_then(|r| text(&r.how_to_exercise)),
            how_to_withdraw_consent: rights_table.and_then(|r| text(&r.how_to_withdraw_consent)),
            free_of_charge: rights_table.and_then(|r| r.free_of_charge),
            rights_description: rights_table.and_then(|r| text(&r.description)),
            complaints_controller: complaints.and_then(|c| c.controller.as_ref()).map(|c| {
                ComplaintsView {
                    description: text(&c.description),
                    contact: ContactView::new(&c.contact),
                }
            }),
            ico: complaints.and_then(|c| c.ico.as_ref()).map(|ico| {
                let published = regulator(today);
                let phone = text(&ico.phone).unwrap_or(published.phone);
                let (name, name_lang) = match text(&ico.name) {
                    Some(own) => (own, None),
                    None => published.name_in(lang),
                };
                IcoView {
                    name,
                    name_lang,
                    short: published.short,
                    address: text(&ico.address).or(published.address),
                    phone,
                    phone_href: tel_href(phone),
                    website: link(&ico.website).unwrap_or(published.website),
                }
            }),
            regulator: {
                let published = regulator(today);
                let (name, name_lang) = published.name_in(lang);
                RegulatorView {
                    name,
                    name_lang,
                    short: published.short,
                }
            },
            sections: notice
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| SectionView {
                    anchor: anchors.unique(match &s.id {
                        Some(id) if !id.trim().is_empty() => anchor("section-", id),
                        _ => format!("section-{}", i + 1),
                    }),
                    title: text(&s.title).map_or_else(
                        || lang.text("section-untitled").into_owned(),
                        str::to_string,
                    ),
                    body: text(&s.body),
                })
                .collect(),
            changes: changes_view(lang, &notice.changes),
            glance: Vec::new(),
            corporate: None,
            service_notices: Vec::new(),
            versions: None,
            archived: None,
            twins: Vec::new(),
            alternates: Vec::new(),
        };
        view.glance = super::glance::glance(&view);
        view
    }
}

/// The page's description for search results: the notice's summary as
/// plain text, cut at a word near 160 characters, or a sentence saying
/// what a privacy notice tells.
fn description(lang: Language, summary: Option<&str>, controller: Option<&str>) -> String {
    const LIMIT: usize = 160;
    if let Some(summary) = summary {
        let plain = super::prose::to_text(summary);
        let plain = crate::model::forms::strip_unsafe(&plain);
        let words: Vec<&str> = plain.split_whitespace().collect();
        let mut out = String::new();
        for word in words {
            if out.chars().count() + word.chars().count() + 1 > LIMIT {
                out.push('…');
                return out;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        if !out.is_empty() {
            return out;
        }
    }
    match controller {
        Some(name) => lang
            .format("description-named", &[("name", Arg::Text(name))])
            .into_owned(),
        None => lang.text("description-we").into_owned(),
    }
}

/// The change record, latest first (entries without a date last, in the
/// order written).
fn changes_view(lang: Language, changes: &[crate::model::ChangeEntry]) -> Vec<ChangeView<'_>> {
    let date = |c: &crate::model::ChangeEntry| {
        c.date
            .and_then(|d| d.date)
            .and_then(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok())
    };
    let mut entries: Vec<(Option<jiff::civil::Date>, usize, &crate::model::ChangeEntry)> = changes
        .iter()
        .enumerate()
        .map(|(i, c)| (date(c), i, c))
        .filter(|(_, _, c)| text(&c.summary).is_some() || text(&c.details).is_some())
        .collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    entries
        .into_iter()
        .map(|(date, _, c)| ChangeView {
            date: date.map(|d| lang.date(d)),
            version: text(&c.version),
            summary: text(&c.summary),
            details: text(&c.details),
        })
        .collect()
}

fn sources_view(sources: &Option<Vec<crate::model::DataSource>>) -> Vec<SourceView<'_>> {
    sources
        .iter()
        .flatten()
        .map(|s| SourceView {
            name: text(&s.name),
            description: text(&s.description),
            publicly_accessible: s.publicly_accessible,
        })
        .collect()
}

fn provision_sentence(
    lang: Language,
    provision: &Option<crate::model::Provision>,
) -> Option<String> {
    provision
        .as_ref()
        .and_then(|v| v.requirement)
        .map(|r| lang.word("provision", r.into()).into_owned())
}

fn display(lang: Language, name: &Option<String>, id: &Option<String>) -> String {
    text(name)
        .or(text(id))
        .map_or_else(|| lang.text("unnamed").into_owned(), str::to_string)
}

fn retention_text(lang: Language, rule: &crate::model::RetentionRule) -> String {
    rule.said()
        .unwrap_or_else(|| lang.text("retention-not-stated").into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_anchor_on_a_page_is_different() {
        let mut anchors = Anchors::default();
        let ids =
            ["Billing!", "billing?", "BILLING"].map(|id| anchors.unique(anchor("purpose-", id)));
        assert_eq!(
            ids,
            ["purpose-billing", "purpose-billing-2", "purpose-billing-3"]
        );
    }

    #[test]
    fn anchors_are_safe_ids() {
        assert_eq!(anchor("section-", "CCTV & Cameras"), "section-cctv-cameras");
        assert_eq!(anchor("purpose-", "\"><script>"), "purpose-script");
    }

    #[test]
    fn dates_are_written_in_words() {
        let date = jiff::civil::date(2026, 4, 1);
        assert_eq!(Language::English.date(date), "1 April 2026");
    }
}
