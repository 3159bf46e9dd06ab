//! What changed between two versions of a notice, compared as data: the
//! purposes with their bases and laws, recipients, data categories,
//! sources, retention, transfers, automated decisions, rights, contacts
//! and sections — each change said in plain English ("New recipient:
//! Citizens Advice (for Recovering unpaid council tax)") and marked
//! *material* (what the notice tells people about their information) or
//! not (wording, the date, the version).
//!
//! Both versions are resolved first (with the shared parts they extend),
//! so a change made in a shared part shows in every notice that uses it.
//! [`git`] reads a version from a git revision.

pub mod git;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Notice;

/// Added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// One difference between two versions of a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: Kind,
    /// What changed: `purpose`, `recipient`, `lawful-basis`, `contact` …
    pub topic: &'static str,
    /// Where in the notice, as a key path (`purposes[billing].recipients`).
    pub path: String,
    /// The change in plain English.
    pub text: String,
    /// Whether people are told something different about their
    /// information (anything but wording, the date and the version).
    pub material: bool,
    /// The purpose it concerns, when it concerns one (its name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// Every difference from `old` to `new`, in the order of the notice.
pub fn compare(old: &Notice, new: &Notice) -> Vec<Change> {
    let mut diff = Diff {
        changes: Vec::new(),
        old_names: names(old),
        new_names: names(new),
    };
    diff.metadata(old, new);
    diff.contacts(old, new);
    diff.categories(old, new);
    diff.recipients(old, new);
    diff.purposes(old, new);
    diff.retention(old, new);
    diff.transfers(old, new);
    diff.automated(old, new);
    diff.rights(old, new);
    diff.sections(old, new);
    diff.changes
}

/// The display names of recipients and categories by id, for messages.
struct Names {
    recipients: BTreeMap<String, String>,
    categories: BTreeMap<String, String>,
    retention: BTreeMap<String, String>,
}

fn names(notice: &Notice) -> Names {
    let name = |name: &Option<String>, id: &Option<String>| {
        text(name).or(text(id)).unwrap_or_default().to_string()
    };
    Names {
        recipients: notice
            .recipients
            .iter()
            .filter_map(|r| Some((r.id.clone()?, name(&r.name, &r.id))))
            .collect(),
        categories: notice
            .data_categories
            .iter()
            .filter_map(|c| Some((c.id.clone()?, name(&c.name, &c.id))))
            .collect(),
        retention: notice
            .retention
            .iter()
            .flat_map(|r| &r.rules)
            .filter_map(|rule| Some((rule.id.clone()?, rule.said().unwrap_or_default())))
            .collect(),
    }
}

use crate::model::forms::given as text;

/// A value as a short phrase: a string as it is, a list joined, a choice
/// by its name, `yes`/`no`.
fn show<T: Serialize>(value: &T) -> String {
    fn plain(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::Null => "nothing".to_string(),
            serde_json::Value::Bool(true) => "yes".to_string(),
            serde_json::Value::Bool(false) => "no".to_string(),
            // A choice (`legal-obligation`) in words; other text as it is.
            serde_json::Value::String(s)
                if s.chars().any(|c| c.is_ascii_lowercase())
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') =>
            {
                s.replace('-', " ")
            }
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(items) => {
                let items: Vec<String> = items.iter().map(plain).collect();
                crate::i18n::Language::English.join_words(&items)
            }
            other => other.to_string(),
        }
    }
    serde_json::to_value(value)
        .map(|v| plain(&v))
        .unwrap_or_default()
}

/// The key of an entry in a list: its id, or its name when it has none.
fn key(id: &Option<String>, name: &Option<String>, index: usize) -> String {
    text(id)
        .or(text(name))
        .map_or_else(|| format!("#{}", index + 1), str::to_string)
}

/// Pairs the entries of two lists by key: (key, old, new).
fn pair<'a, T>(
    old: &'a [T],
    new: &'a [T],
    key_of: impl Fn(&T, usize) -> String,
) -> Vec<(String, Option<&'a T>, Option<&'a T>)> {
    let mut out: Vec<(String, Option<&T>, Option<&T>)> = Vec::new();
    for (i, item) in old.iter().enumerate() {
        out.push((key_of(item, i), Some(item), None));
    }
    for (i, item) in new.iter().enumerate() {
        let k = key_of(item, i);
        match out.iter_mut().find(|(key, _, n)| *key == k && n.is_none()) {
            Some(slot) => slot.2 = Some(item),
            None => out.push((k, None, Some(item))),
        }
    }
    out
}

struct Diff {
    changes: Vec<Change>,
    old_names: Names,
    new_names: Names,
}

impl Diff {
    fn push(
        &mut self,
        kind: Kind,
        topic: &'static str,
        path: String,
        text: String,
        material: bool,
    ) {
        self.changes.push(Change {
            kind,
            topic,
            path,
            text,
            material,
            purpose: None,
        });
    }

    /// A value that changed, said as "LABEL: OLD → NEW" (or added/removed).
    fn field<T: Serialize + PartialEq>(
        &mut self,
        topic: &'static str,
        path: String,
        label: &str,
        old: Option<&T>,
        new: Option<&T>,
        material: bool,
    ) {
        if old == new {
            return;
        }
        let (kind, text) = match (old, new) {
            (None, Some(new)) => (Kind::Added, format!("{label}: now {}", show(new))),
            (Some(old), None) => (
                Kind::Removed,
                format!("{label}: no longer given (was {})", show(old)),
            ),
            (Some(old), Some(new)) => (
                Kind::Changed,
                format!("{label}: {} (was {})", show(new), show(old)),
            ),
            (None, None) => return,
        };
        self.push(kind, topic, path, text, material);
    }

    /// Prose that changed: wording, not material.
    fn wording(&mut self, path: String, label: &str, old: &Option<String>, new: &Option<String>) {
        if text(old) == text(new) {
            return;
        }
        let what = match (text(old), text(new)) {
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            _ => "reworded",
        };
        self.push(
            Kind::Changed,
            "wording",
            path,
            format!("{label}: {what}"),
            false,
        );
    }

    fn metadata(&mut self, old: &Notice, new: &Notice) {
        let (o, n) = (
            old.notice.clone().unwrap_or_default(),
            new.notice.clone().unwrap_or_default(),
        );
        self.wording("notice.title".into(), "Title", &o.title, &n.title);
        self.wording("notice.summary".into(), "Summary", &o.summary, &n.summary);
        self.field(
            "version",
            "notice.version".into(),
            "Version",
            text(&o.version).as_ref(),
            text(&n.version).as_ref(),
            false,
        );
        let date = |m: &crate::model::Metadata| m.last_updated.as_ref().map(|d| d.to_string());
        self.field(
            "date",
            "notice.last_updated".into(),
            "Last updated",
            date(&o).as_ref(),
            date(&n).as_ref(),
            false,
        );
        self.field(
            "address",
            "notice.url".into(),
            "Published at",
            text(&o.url).as_ref(),
            text(&n.url).as_ref(),
            false,
        );
    }

    fn contacts(&mut self, old: &Notice, new: &Notice) {
        let contacts = |n: &Notice| -> Vec<(&'static str, &'static str, crate::model::Contact)> {
            vec![
                (
                    "controller",
                    "The controller",
                    n.controller
                        .as_ref()
                        .map(|c| c.contact.clone())
                        .unwrap_or_default(),
                ),
                (
                    "representative",
                    "The UK representative",
                    n.representative
                        .as_ref()
                        .map(|c| c.contact.clone())
                        .unwrap_or_default(),
                ),
                (
                    "dpo",
                    "The data protection officer",
                    n.dpo
                        .as_ref()
                        .map(|c| c.contact.clone())
                        .unwrap_or_default(),
                ),
                (
                    "complaints.controller",
                    "Complaints to us",
                    n.complaints
                        .as_ref()
                        .and_then(|c| c.controller.as_ref())
                        .map(|c| c.contact.clone())
                        .unwrap_or_default(),
                ),
            ]
        };
        for ((table, who, o), (_, _, n)) in contacts(old).into_iter().zip(contacts(new)) {
            for ((key, ov), (_, nv)) in o.fields().into_iter().zip(n.fields()) {
                let label = format!("{who}: {}", key.replace('_', " "));
                self.field(
                    "contact",
                    format!("{table}.{key}"),
                    &label,
                    text(ov).as_ref(),
                    text(nv).as_ref(),
                    true,
                );
            }
        }
        let number = |n: &Notice| {
            n.controller
                .as_ref()
                .and_then(|c| text(&c.ico_registration).map(str::to_string))
        };
        self.field(
            "contact",
            "controller.ico_registration".into(),
            "Registration number with the regulator",
            number(old).as_ref(),
            number(new).as_ref(),
            true,
        );
    }

    fn categories(&mut self, old: &Notice, new: &Notice) {
        for (k, o, n) in pair(&old.data_categories, &new.data_categories, |c, i| {
            key(&c.id, &c.name, i)
        }) {
            let path = format!("data_categories[{k}]");
            match (o, n) {
                (None, Some(n)) => {
                    let special = if n.special_category {
                        " (special category)"
                    } else if n.criminal_offence {
                        " (criminal offence information)"
                    } else {
                        ""
                    };
                    self.push(
                        Kind::Added,
                        "data-category",
                        path,
                        format!("New kind of information: {}{special}", label(&n.name, &k)),
                        true,
                    );
                }
                (Some(o), None) => self.push(
                    Kind::Removed,
                    "data-category",
                    path,
                    format!("Kind of information no longer used: {}", label(&o.name, &k)),
                    true,
                ),
                (Some(o), Some(n)) => {
                    let name = label(&n.name, &k);
                    if o.special_category != n.special_category {
                        let text = if n.special_category {
                            format!("{name} is now special category information")
                        } else {
                            format!("{name} is no longer special category information")
                        };
                        self.push(
                            Kind::Changed,
                            "special-category",
                            format!("{path}.special_category"),
                            text,
                            true,
                        );
                    }
                    if o.criminal_offence != n.criminal_offence {
                        let text = if n.criminal_offence {
                            format!("{name} is now criminal offence information")
                        } else {
                            format!("{name} is no longer criminal offence information")
                        };
                        self.push(
                            Kind::Changed,
                            "criminal-offence",
                            format!("{path}.criminal_offence"),
                            text,
                            true,
                        );
                    }
                    self.wording(
                        format!("{path}.name"),
                        &format!("Name of {name}"),
                        &o.name,
                        &n.name,
                    );
                    self.wording(
                        format!("{path}.description"),
                        &format!("Description of {name}"),
                        &o.description,
                        &n.description,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn recipients(&mut self, old: &Notice, new: &Notice) {
        for (k, o, n) in pair(&old.recipients, &new.recipients, |r, i| {
            key(&r.id, &r.name, i)
        }) {
            let path = format!("recipients[{k}]");
            match (o, n) {
                (Some(o), Some(n)) => {
                    let name = label(&n.name, &k);
                    self.wording(
                        format!("{path}.name"),
                        &format!("Name of {name}"),
                        &o.name,
                        &n.name,
                    );
                    self.wording(
                        format!("{path}.description"),
                        &format!("Description of {name}"),
                        &o.description,
                        &n.description,
                    );
                }
                // Added or removed recipients are said with the purposes
                // that share with them; one no purpose uses is said here.
                (None, Some(n)) if !used_recipient(new, &k) => {
                    self.push(
                        Kind::Added,
                        "recipient",
                        path,
                        format!("New recipient: {}", label(&n.name, &k)),
                        true,
                    );
                }
                (Some(o), None) if !used_recipient(old, &k) => {
                    self.push(
                        Kind::Removed,
                        "recipient",
                        path,
                        format!("Recipient removed: {}", label(&o.name, &k)),
                        true,
                    );
                }
                _ => {}
            }
        }
    }

    fn purposes(&mut self, old: &Notice, new: &Notice) {
        let all = |n: &Notice| {
            n.all_purposes.clone().map(|a| crate::model::Purpose {
                id: Some("all_purposes".into()),
                name: Some("Every purpose".into()),
                lawful_bases: a.lawful_bases,
                law: a.law,
                data_categories: a.data_categories,
                recipients: a.recipients,
                from_person: a.from_person,
                other_sources: a.other_sources,
                provision: a.provision,
                ..Default::default()
            })
        };
        let old_list: Vec<crate::model::Purpose> = all(old)
            .into_iter()
            .chain(old.purposes.iter().cloned())
            .collect();
        let new_list: Vec<crate::model::Purpose> = all(new)
            .into_iter()
            .chain(new.purposes.iter().cloned())
            .collect();
        for (k, o, n) in pair(&old_list, &new_list, |p, i| key(&p.id, &p.name, i)) {
            let path = if k == "all_purposes" {
                "all_purposes".to_string()
            } else {
                format!("purposes[{k}]")
            };
            let start = self.changes.len();
            match (o, n) {
                (None, Some(n)) => {
                    let name = label(&n.name, &k);
                    let bases = n
                        .lawful_bases
                        .as_ref()
                        .map(|b| format!(" (lawful basis: {})", show(b)))
                        .unwrap_or_default();
                    self.push(
                        Kind::Added,
                        "purpose",
                        path.clone(),
                        format!("New purpose: {name}{bases}"),
                        true,
                    );
                    for id in n.recipients.iter().flatten() {
                        let who = self
                            .new_names
                            .recipients
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| id.clone());
                        self.push(
                            Kind::Added,
                            "recipient",
                            format!("{path}.recipients"),
                            format!("New recipient: {who} (for {name})"),
                            true,
                        );
                    }
                    if n.data_categories
                        .iter()
                        .flatten()
                        .any(|id| special(new, id))
                    {
                        self.push(
                            Kind::Added,
                            "special-category",
                            format!("{path}.data_categories"),
                            format!("{name} uses special category information"),
                            true,
                        );
                    }
                }
                (Some(o), None) => {
                    self.push(
                        Kind::Removed,
                        "purpose",
                        path.clone(),
                        format!("Purpose removed: {}", label(&o.name, &k)),
                        true,
                    );
                }
                (Some(o), Some(n)) => self.purpose(&path, o, n, old, new),
                (None, None) => {}
            }
            let name = n.or(o).map(|p| label(&p.name, &k));
            for change in &mut self.changes[start..] {
                change.purpose = name.clone();
            }
        }
    }

    fn purpose(
        &mut self,
        path: &str,
        o: &crate::model::Purpose,
        n: &crate::model::Purpose,
        old: &Notice,
        new: &Notice,
    ) {
        let name = label(&n.name, "this purpose");
        self.wording(
            format!("{path}.name"),
            &format!("Name of {name}"),
            &o.name,
            &n.name,
        );
        self.wording(
            format!("{path}.description"),
            &format!("Description of {name}"),
            &o.description,
            &n.description,
        );
        self.field(
            "lawful-basis",
            format!("{path}.lawful_bases"),
            &format!("{name}, lawful basis"),
            o.lawful_bases.as_ref(),
            n.lawful_bases.as_ref(),
            true,
        );
        self.field(
            "law",
            format!("{path}.law"),
            &format!("{name}, the law"),
            text(&o.law).as_ref(),
            text(&n.law).as_ref(),
            true,
        );
        self.wording(
            format!("{path}.legitimate_interests"),
            &format!("{name}, legitimate interests"),
            &o.legitimate_interests,
            &n.legitimate_interests,
        );
        self.field(
            "lawful-basis",
            format!("{path}.recognised_interest"),
            &format!("{name}, recognised legitimate interest"),
            o.recognised_interest.as_ref(),
            n.recognised_interest.as_ref(),
            true,
        );
        self.field(
            "special-category",
            format!("{path}.special_category_conditions"),
            &format!("{name}, special category conditions"),
            o.special_category_conditions.as_ref(),
            n.special_category_conditions.as_ref(),
            true,
        );
        self.field(
            "special-category",
            format!("{path}.schedule_1_conditions"),
            &format!("{name}, DPA 2018 Schedule 1 conditions"),
            o.schedule_1_conditions.as_ref(),
            n.schedule_1_conditions.as_ref(),
            true,
        );
        self.field(
            "criminal-offence",
            format!("{path}.criminal_offence_condition"),
            &format!("{name}, criminal offence condition"),
            text(&o.criminal_offence_condition).as_ref(),
            text(&n.criminal_offence_condition).as_ref(),
            true,
        );
        // Recipients and categories one by one, by name.
        let (old_r, new_r): (Vec<String>, Vec<String>) = (
            o.recipients.clone().unwrap_or_default(),
            n.recipients.clone().unwrap_or_default(),
        );
        for id in new_r.iter().filter(|id| !old_r.contains(id)) {
            let who = self
                .new_names
                .recipients
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone());
            self.push(
                Kind::Added,
                "recipient",
                format!("{path}.recipients"),
                format!("New recipient: {who} (for {name})"),
                true,
            );
        }
        for id in old_r.iter().filter(|id| !new_r.contains(id)) {
            let who = self
                .old_names
                .recipients
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone());
            self.push(
                Kind::Removed,
                "recipient",
                format!("{path}.recipients"),
                format!("No longer shared with {who} (for {name})"),
                true,
            );
        }
        let (old_c, new_c): (Vec<String>, Vec<String>) = (
            o.data_categories.clone().unwrap_or_default(),
            n.data_categories.clone().unwrap_or_default(),
        );
        for id in new_c.iter().filter(|id| !old_c.contains(id)) {
            let what = self
                .new_names
                .categories
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone());
            let topic = if special(new, id) && !special(old, id) || special(new, id) {
                "special-category"
            } else {
                "data-category"
            };
            let note = if special(new, id) {
                " (special category information)"
            } else {
                ""
            };
            self.push(
                Kind::Added,
                topic,
                format!("{path}.data_categories"),
                format!("{name} now uses {what}{note}"),
                true,
            );
        }
        for id in old_c.iter().filter(|id| !new_c.contains(id)) {
            let what = self
                .old_names
                .categories
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone());
            self.push(
                Kind::Removed,
                "data-category",
                format!("{path}.data_categories"),
                format!("{name} no longer uses {what}"),
                true,
            );
        }
        let keep = |names: &Names, id: &Option<String>| {
            id.as_ref().map(|id| {
                names
                    .retention
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| id.clone())
            })
        };
        self.field(
            "retention",
            format!("{path}.retention"),
            &format!("{name}, how long it is kept"),
            keep(&self.old_names, &o.retention).as_ref(),
            keep(&self.new_names, &n.retention).as_ref(),
            true,
        );
        self.field(
            "source",
            format!("{path}.from_person"),
            &format!("{name}, collected from the person"),
            o.from_person.as_ref(),
            n.from_person.as_ref(),
            true,
        );
        let sources = |p: &crate::model::Purpose| {
            p.other_sources.as_ref().map(|s| {
                s.iter()
                    .filter_map(|s| text(&s.name).map(str::to_string))
                    .collect::<Vec<_>>()
            })
        };
        self.field(
            "source",
            format!("{path}.other_sources"),
            &format!("{name}, other sources"),
            sources(o).as_ref(),
            sources(n).as_ref(),
            true,
        );
        let need = |p: &crate::model::Purpose| p.provision.as_ref().and_then(|v| v.requirement);
        self.field(
            "provision",
            format!("{path}.provision"),
            &format!("{name}, whether people must give it"),
            need(o).as_ref(),
            need(n).as_ref(),
            true,
        );
        self.field(
            "law-enforcement",
            format!("{path}.law_enforcement"),
            &format!("{name}, law enforcement processing"),
            Some(&o.law_enforcement),
            Some(&n.law_enforcement),
            true,
        );
        self.field(
            "direct-marketing",
            format!("{path}.direct_marketing"),
            &format!("{name}, direct marketing"),
            Some(&o.direct_marketing),
            Some(&n.direct_marketing),
            true,
        );
    }

    fn retention(&mut self, old: &Notice, new: &Notice) {
        let (o, n) = (
            old.retention.clone().unwrap_or_default(),
            new.retention.clone().unwrap_or_default(),
        );
        self.field(
            "retention",
            "retention.schedule_url".into(),
            "Retention schedule",
            text(&o.schedule_url).as_ref(),
            text(&n.schedule_url).as_ref(),
            true,
        );
        self.wording(
            "retention.criteria".into(),
            "How we decide how long to keep information",
            &o.criteria,
            &n.criteria,
        );
        for (k, or, nr) in pair(&o.rules, &n.rules, |r, i| key(&r.id, &r.records, i)) {
            let path = format!("retention.rules[{k}]");
            let shown = |names: &Names| names.retention.get(&k).cloned().unwrap_or_default();
            match (or, nr) {
                (None, Some(r)) => self.push(
                    Kind::Added,
                    "retention",
                    path,
                    format!(
                        "New retention period: {} — {}",
                        label(&r.records, &k),
                        shown(&self.new_names)
                    ),
                    true,
                ),
                (Some(r), None) => self.push(
                    Kind::Removed,
                    "retention",
                    path,
                    format!("Retention period removed: {}", label(&r.records, &k)),
                    true,
                ),
                (Some(or), Some(nr)) => {
                    let records = label(&nr.records, &k);
                    self.field(
                        "retention",
                        format!("{path}.period"),
                        &format!("How long we keep {records}"),
                        Some(&shown(&self.old_names))
                            .filter(|_| or.period != nr.period || or.trigger != nr.trigger),
                        Some(&shown(&self.new_names))
                            .filter(|_| or.period != nr.period || or.trigger != nr.trigger),
                        true,
                    );
                    self.wording(
                        format!("{path}.records"),
                        &format!("Name of the records {records}"),
                        &or.records,
                        &nr.records,
                    );
                    self.wording(
                        format!("{path}.criteria"),
                        &format!("Criteria for {records}"),
                        &or.criteria,
                        &nr.criteria,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn transfers(&mut self, old: &Notice, new: &Notice) {
        let (o, n) = (
            old.transfers.clone().unwrap_or_default(),
            new.transfers.clone().unwrap_or_default(),
        );
        self.field(
            "transfer",
            "transfers.outside_uk".into(),
            "Information sent outside the UK",
            o.outside_uk.as_ref(),
            n.outside_uk.as_ref(),
            true,
        );
        self.wording(
            "transfers.description".into(),
            "About transfers",
            &o.description,
            &n.description,
        );
        let key_of = |t: &crate::model::Transfer, i: usize| key(&t.recipient, &t.destination, i);
        for (k, ot, nt) in pair(&o.destinations, &n.destinations, key_of) {
            let path = format!("transfers.destinations[{k}]");
            let place = |t: &crate::model::Transfer| {
                let who = t.recipient.as_ref().map(|id| {
                    self.new_names
                        .recipients
                        .get(id)
                        .cloned()
                        .unwrap_or_else(|| id.clone())
                });
                let place = text(&t.destination).unwrap_or("outside the UK").to_string();
                match who {
                    Some(who) => format!("{who} ({place})"),
                    None => place,
                }
            };
            match (ot, nt) {
                (None, Some(t)) => {
                    let text = format!("New transfer outside the UK: {}", place(t));
                    self.push(Kind::Added, "transfer", path, text, true);
                }
                (Some(t), None) => {
                    let text = format!("Transfer outside the UK ended: {}", place(t));
                    self.push(Kind::Removed, "transfer", path, text, true);
                }
                (Some(ot), Some(nt)) => {
                    let label = format!("Transfer to {}", place(nt));
                    self.field(
                        "transfer",
                        format!("{path}.destination"),
                        &format!("{label}, destination"),
                        text(&ot.destination).as_ref(),
                        text(&nt.destination).as_ref(),
                        true,
                    );
                    self.field(
                        "transfer",
                        format!("{path}.mechanism"),
                        &format!("{label}, safeguard"),
                        ot.mechanism.as_ref(),
                        nt.mechanism.as_ref(),
                        true,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn automated(&mut self, old: &Notice, new: &Notice) {
        let (o, n) = (
            old.automated_decisions.clone().unwrap_or_default(),
            new.automated_decisions.clone().unwrap_or_default(),
        );
        self.field(
            "automated-decision",
            "automated_decisions.used".into(),
            "Decisions made by computer alone",
            o.used.as_ref(),
            n.used.as_ref(),
            true,
        );
        for (k, od, nd) in pair(&o.decisions, &n.decisions, |d, i| {
            key(&None, &d.description, i)
        }) {
            let path = format!("automated_decisions.decisions[{k}]");
            match (od, nd) {
                (None, Some(_)) => self.push(
                    Kind::Added,
                    "automated-decision",
                    path,
                    format!("New decision made by computer: {k}"),
                    true,
                ),
                (Some(_), None) => self.push(
                    Kind::Removed,
                    "automated-decision",
                    path,
                    format!("Decision no longer made by computer: {k}"),
                    true,
                ),
                (Some(od), Some(nd)) => {
                    self.wording(
                        format!("{path}.logic"),
                        &format!("How “{k}” works"),
                        &od.logic,
                        &nd.logic,
                    );
                    self.wording(
                        format!("{path}.significance"),
                        &format!("What “{k}” means for people"),
                        &od.significance,
                        &nd.significance,
                    );
                    self.wording(
                        format!("{path}.safeguards"),
                        &format!("Safeguards for “{k}”"),
                        &od.safeguards,
                        &nd.safeguards,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn rights(&mut self, old: &Notice, new: &Notice) {
        let (o, n) = (
            old.rights.clone().unwrap_or_default(),
            new.rights.clone().unwrap_or_default(),
        );
        self.field(
            "rights",
            "rights.listed".into(),
            "Rights listed",
            o.listed.as_ref(),
            n.listed.as_ref(),
            true,
        );
        self.field(
            "rights",
            "rights.free_of_charge".into(),
            "Requests free of charge",
            o.free_of_charge.as_ref(),
            n.free_of_charge.as_ref(),
            true,
        );
        self.wording(
            "rights.how_to_exercise".into(),
            "How to use your rights",
            &o.how_to_exercise,
            &n.how_to_exercise,
        );
        self.wording(
            "rights.how_to_withdraw_consent".into(),
            "How to withdraw consent",
            &o.how_to_withdraw_consent,
            &n.how_to_withdraw_consent,
        );
        self.wording(
            "rights.description".into(),
            "About your rights",
            &o.description,
            &n.description,
        );
    }

    fn sections(&mut self, old: &Notice, new: &Notice) {
        for (k, os, ns) in pair(&old.sections, &new.sections, |s, i| key(&s.id, &s.title, i)) {
            let path = format!("sections[{k}]");
            match (os, ns) {
                (None, Some(s)) => self.push(
                    Kind::Added,
                    "section",
                    path,
                    format!("New section: {}", label(&s.title, &k)),
                    false,
                ),
                (Some(s), None) => self.push(
                    Kind::Removed,
                    "section",
                    path,
                    format!("Section removed: {}", label(&s.title, &k)),
                    false,
                ),
                (Some(os), Some(ns)) => {
                    let title = label(&ns.title, &k);
                    self.wording(
                        format!("{path}.title"),
                        &format!("Title of {title}"),
                        &os.title,
                        &ns.title,
                    );
                    self.wording(
                        format!("{path}.body"),
                        &format!("Section {title}"),
                        &os.body,
                        &ns.body,
                    );
                }
                (None, None) => {}
            }
        }
    }
}

/// A name to show: the value, or the key.
fn label(name: &Option<String>, key: &str) -> String {
    text(name).unwrap_or(key).to_string()
}

/// Whether a purpose of the notice shares with recipient `id`.
fn used_recipient(notice: &Notice, id: &str) -> bool {
    notice
        .purposes
        .iter()
        .flat_map(|p| p.recipients.iter().flatten())
        .chain(
            notice
                .all_purposes
                .iter()
                .flat_map(|a| a.recipients.iter().flatten()),
        )
        .any(|r| r == id)
}

/// Whether data category `id` is special category information.
fn special(notice: &Notice, id: &str) -> bool {
    notice
        .data_categories
        .iter()
        .any(|c| c.id.as_deref() == Some(id) && c.special_category)
}

/// A `[[changes]]` entry for `new` that says its material changes, to
/// paste into the notice and put in the council's own words: the date and
/// version are the notice's own.
pub fn change_entry(new: &Notice, changes: &[Change]) -> String {
    let meta = new.notice.clone().unwrap_or_default();
    let material: Vec<String> = changes
        .iter()
        .filter(|c| c.material)
        .map(|c| crate::render::glance::sentence(&c.text))
        .collect();
    let summary = if material.is_empty() {
        "We have changed the wording; nothing about how we use your information has changed."
            .to_string()
    } else {
        material.join(" ")
    };
    let entry = crate::model::ChangeEntry {
        date: meta.last_updated,
        version: text(&meta.version).map(str::to_string),
        summary: Some(summary),
        details: None,
    };
    let mut out = String::from(
        "# Paste into the notice and put it in your own words. The date and\n# version are the notice's `last_updated` and `version`: update those first.\n[[changes]]\n",
    );
    out.push_str(&toml::to_string(&entry).unwrap_or_default());
    out
}

/// Loads a notice with the shared parts it extends — and, when it is in a
/// project (a `noticec.toml` above it), the project's defaults. The error
/// is a sentence naming the first problem.
pub fn load(path: &std::path::Path) -> Result<Notice, String> {
    let mut sharing = crate::load::resolve::Sharing::default();
    if let Some(config) = path.parent().and_then(crate::project::find)
        && let Ok(project) = crate::project::Project::load(&config)
    {
        sharing = crate::load::resolve::Sharing {
            root: Some(project.root.clone()),
            defaults: project.defaults(),
        };
    }
    let outcome = crate::load::resolve::load_resolved(path, &sharing, &Default::default());
    match outcome.notice {
        Some(loaded) => Ok(loaded.notice.clone()),
        None => {
            let first = outcome
                .diagnostics
                .iter()
                .find(|d| d.severity == crate::diagnostic::Severity::Error)
                .map(|d| {
                    let at = d
                        .span
                        .as_ref()
                        .map(|s| format!(":{}", d.file.position(s.start).line))
                        .unwrap_or_default();
                    format!("{}{at}: {}", d.file.name, d.message)
                })
                .unwrap_or_else(|| "it cannot be read".to_string());
            Err(first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(text: &str) -> Notice {
        crate::load::load_str(std::path::Path::new("n.toml"), text.to_string())
            .notice
            .expect("loads")
            .notice
            .clone()
    }

    const OLD: &str = r#"
[notice]
title = "T"
summary = "Old words."
last_updated = 2026-10-01
[[data_categories]]
id = "health"
name = "Health"
[[recipients]]
id = "dwp"
name = "Department for Work and Pensions"
[[purposes]]
id = "billing"
name = "Billing"
description = "We bill."
lawful_bases = ["legal-obligation"]
data_categories = []
recipients = []
retention = "accounts"
[retention]
[[retention.rules]]
id = "accounts"
records = "Accounts"
period = "6 years"
[transfers]
outside_uk = false
"#;

    #[test]
    fn material_changes_are_named_and_wording_is_not_material() {
        let new = OLD
            .replace("Old words.", "New words.")
            .replace("We bill.", "We send bills.")
            .replace("name = \"Health\"", "name = \"Health\"\nspecial_category = true")
            .replace("data_categories = []", "data_categories = [\"health\"]")
            .replace("recipients = []", "recipients = [\"dwp\"]")
            .replace("lawful_bases = [\"legal-obligation\"]", "lawful_bases = [\"public-task\"]")
            .replace("period = \"6 years\"", "period = \"7 years\"")
            .replace(
                "outside_uk = false",
                "outside_uk = true\n[[transfers.destinations]]\ndestination = \"United States\"\nmechanism = \"idta\"",
            );
        let changes = compare(&notice(OLD), &notice(&new));
        let text = |c: &Change| format!("{}{}", if c.material { "M " } else { "  " }, c.text);
        let all: Vec<String> = changes.iter().map(text).collect();
        for wanted in [
            "  Summary: reworded",
            "  Description of Billing: reworded",
            "M Health is now special category information",
            "M Billing, lawful basis: public task (was legal obligation)",
            "M New recipient: Department for Work and Pensions (for Billing)",
            "M Billing now uses Health (special category information)",
            "M How long we keep Accounts: 7 years (was 6 years)",
            "M Information sent outside the UK: yes (was no)",
            "M New transfer outside the UK: United States",
        ] {
            assert!(
                all.iter().any(|c| c == wanted),
                "{wanted:?} not in {all:#?}"
            );
        }
        assert!(compare(&notice(OLD), &notice(OLD)).is_empty());
    }
}
