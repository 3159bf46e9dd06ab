//! The draft as TOML text, written by hand so that each recognised value
//! has its `# from line N: "…"` comment beside it. Every string goes
//! through the `toml` crate's own serialisation of a string value, so any
//! text — quotes, `"""`, control characters, TOML-looking lines — is a
//! valid TOML string that loads back as the same text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::recognise::Recognised;
use crate::model::{Contact, DataSource, Notice, Provision};

/// A TOML string value.
fn string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(string).collect();
    format!("[{}]", items.join(", "))
}

/// An enum value by its file-format key.
fn key_of<T: Copy + Into<&'static str>>(value: T) -> &'static str {
    value.into()
}

/// A comment line is one line of text without control characters.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

struct Writer<'a> {
    out: String,
    from: BTreeMap<&'a str, Vec<(usize, &'a str)>>,
}

impl Writer<'_> {
    /// The `# from line` comments of a key path.
    fn from(&mut self, key: &str) {
        if let Some(notes) = self.from.get(key) {
            for (line, quote) in notes.clone() {
                let _ = writeln!(self.out, "# from line {line}: \"{}\"", comment_text(quote));
            }
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn value(&mut self, at: &str, key: &str, value: Option<String>) {
        if let Some(value) = value {
            self.from(&format!("{at}.{key}"));
            let _ = writeln!(self.out, "{key} = {value}");
        }
    }

    fn text(&mut self, at: &str, key: &str, value: &Option<String>) {
        self.value(at, key, value.as_deref().map(string));
    }

    fn contact(&mut self, at: &str, contact: &Contact) {
        for (key, value) in contact.fields() {
            self.text(at, key, value);
        }
    }

    fn table(&mut self, header: &str, at: &str) {
        self.out.push('\n');
        self.from(at);
        let _ = writeln!(self.out, "{header}");
    }
}

fn provision(p: &Provision) -> String {
    let mut parts = Vec::new();
    if let Some(r) = p.requirement {
        parts.push(format!("requirement = {}", string(key_of(r))));
    }
    if let Some(c) = &p.consequence {
        parts.push(format!("consequence = {}", string(c)));
    }
    format!("{{ {} }}", parts.join(", "))
}

fn sources(list: &[DataSource]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|s| {
            let mut parts = Vec::new();
            if let Some(n) = &s.name {
                parts.push(format!("name = {}", string(n)));
            }
            if let Some(d) = &s.description {
                parts.push(format!("description = {}", string(d)));
            }
            if s.publicly_accessible {
                parts.push("publicly_accessible = true".to_string());
            }
            format!("{{ {} }}", parts.join(", "))
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// The draft file.
pub fn draft_toml(recognised: &Recognised) -> String {
    let mut from: BTreeMap<&str, Vec<(usize, &str)>> = BTreeMap::new();
    for p in &recognised.provenance {
        from.entry(p.key.as_str())
            .or_default()
            .push((p.line, p.quote.as_str()));
    }
    let mut w = Writer {
        out: String::new(),
        from,
    };
    write_notice(&mut w, &recognised.notice);
    w.out
}

fn write_notice(w: &mut Writer, n: &Notice) {
    w.line("# A draft made by `noticec import`: what the source says, nothing added.");
    w.line("# Each value read from the text has a `# from line N` comment: review");
    w.line("# each one, then run `noticec check` on this file, which lists what the");
    w.line("# notice does not say yet. Paragraphs that were not read into a field");
    w.line("# are in the [[sections]] at the end, in their original words.");
    if let Some(meta) = &n.notice {
        w.table("[notice]", "notice");
        w.text("notice", "title", &meta.title);
        w.text("notice", "version", &meta.version);
        w.value(
            "notice",
            "last_updated",
            meta.last_updated.map(|d| d.to_string()),
        );
    }
    if let Some(c) = &n.controller {
        w.table("[controller]", "controller");
        w.contact("controller", &c.contact);
        w.value("controller", "kind", c.kind.map(|k| string(key_of(k))));
        w.text("controller", "ico_registration", &c.ico_registration);
    }
    if let Some(d) = &n.dpo {
        w.table("[dpo]", "dpo");
        w.contact("dpo", &d.contact);
    }
    for (i, c) in n.data_categories.iter().enumerate() {
        let at = format!("data_categories.{i}");
        w.table("[[data_categories]]", &at);
        w.text(&at, "id", &c.id);
        w.text(&at, "name", &c.name);
        w.text(&at, "description", &c.description);
        if c.special_category {
            w.line("special_category = true");
        }
        if c.criminal_offence {
            w.line("criminal_offence = true");
        }
    }
    for (i, r) in n.recipients.iter().enumerate() {
        let at = format!("recipients.{i}");
        w.table("[[recipients]]", &at);
        w.text(&at, "id", &r.id);
        w.text(&at, "name", &r.name);
        w.text(&at, "description", &r.description);
    }
    if let Some(all) = n.all_purposes.as_ref().filter(|a| {
        a.lawful_bases.is_some()
            || a.law.is_some()
            || a.recipients.is_some()
            || a.data_categories.is_some()
            || a.from_person.is_some()
            || a.other_sources.is_some()
            || a.provision.is_some()
    }) {
        let at = "all_purposes";
        w.table("[all_purposes]", at);
        w.value(
            at,
            "lawful_bases",
            all.lawful_bases
                .as_ref()
                .map(|b| strings(b.iter().map(|b| key_of(*b)))),
        );
        w.text(at, "law", &all.law);
        w.value(
            at,
            "data_categories",
            all.data_categories
                .as_ref()
                .map(|ids| strings(ids.iter().map(String::as_str))),
        );
        w.value(
            at,
            "recipients",
            all.recipients
                .as_ref()
                .map(|ids| strings(ids.iter().map(String::as_str))),
        );
        w.value(at, "from_person", all.from_person.map(|b| b.to_string()));
        if let Some(list) = &all.other_sources {
            for i in 0..list.len() {
                w.from(&format!("{at}.other_sources.{i}"));
            }
            w.value(at, "other_sources", Some(sources(list)));
        }
        w.value(at, "provision", all.provision.as_ref().map(provision));
    }
    for (i, p) in n.purposes.iter().enumerate() {
        let at = format!("purposes.{i}");
        w.table("[[purposes]]", &at);
        w.text(&at, "id", &p.id);
        w.text(&at, "name", &p.name);
        w.text(&at, "description", &p.description);
        w.value(
            &at,
            "lawful_bases",
            p.lawful_bases
                .as_ref()
                .map(|b| strings(b.iter().map(|b| key_of(*b)))),
        );
        w.text(&at, "law", &p.law);
        w.text(&at, "legitimate_interests", &p.legitimate_interests);
        w.value(
            &at,
            "special_category_conditions",
            p.special_category_conditions
                .as_ref()
                .map(|c| strings(c.iter().map(|c| key_of(*c)))),
        );
        w.value(
            &at,
            "data_categories",
            p.data_categories
                .as_ref()
                .map(|ids| strings(ids.iter().map(String::as_str))),
        );
        w.value(
            &at,
            "recipients",
            p.recipients
                .as_ref()
                .map(|ids| strings(ids.iter().map(String::as_str))),
        );
        w.value(&at, "from_person", p.from_person.map(|b| b.to_string()));
        if let Some(list) = &p.other_sources {
            for j in 0..list.len() {
                w.from(&format!("{at}.other_sources.{j}"));
            }
            w.value(&at, "other_sources", Some(sources(list)));
        }
        w.value(&at, "provision", p.provision.as_ref().map(provision));
    }
    if let Some(r) = &n.retention {
        w.table("[retention]", "retention");
        w.text("retention", "schedule_url", &r.schedule_url);
        w.text("retention", "criteria", &r.criteria);
        for (i, rule) in r.rules.iter().enumerate() {
            let at = format!("retention.rules.{i}");
            w.table("[[retention.rules]]", &at);
            w.text(&at, "id", &rule.id);
            w.text(&at, "records", &rule.records);
            w.text(&at, "period", &rule.period);
            w.text(&at, "trigger", &rule.trigger);
            w.text(&at, "criteria", &rule.criteria);
        }
    }
    if let Some(t) = &n.transfers {
        w.table("[transfers]", "transfers");
        w.value(
            "transfers",
            "outside_uk",
            t.outside_uk.map(|b| b.to_string()),
        );
        w.text("transfers", "description", &t.description);
    }
    if let Some(a) = &n.automated_decisions {
        w.table("[automated_decisions]", "automated_decisions");
        w.value("automated_decisions", "used", a.used.map(|b| b.to_string()));
    }
    if let Some(r) = &n.rights {
        w.table("[rights]", "rights");
        w.value(
            "rights",
            "listed",
            r.listed
                .as_ref()
                .map(|l| strings(l.iter().map(|r| key_of(*r)))),
        );
        w.text("rights", "how_to_exercise", &r.how_to_exercise);
        w.text(
            "rights",
            "how_to_withdraw_consent",
            &r.how_to_withdraw_consent,
        );
        w.value(
            "rights",
            "free_of_charge",
            r.free_of_charge.map(|b| b.to_string()),
        );
    }
    if let Some(c) = &n.complaints {
        if let Some(controller) = &c.controller {
            w.table("[complaints.controller]", "complaints.controller");
            w.text(
                "complaints.controller",
                "description",
                &controller.description,
            );
            w.contact("complaints.controller", &controller.contact);
        }
        if c.ico.is_some() {
            w.table("[complaints.ico]", "complaints.ico");
            w.line("# Empty: the regulator's published contact details are used.");
        }
    }
    for (i, s) in n.sections.iter().enumerate() {
        let at = format!("sections.{i}");
        w.table("[[sections]]", &at);
        w.text(&at, "id", &s.id);
        w.text(&at, "title", &s.title);
        w.text(&at, "body", &s.body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings_are_valid_toml() {
        for text in [
            "\"\"\"",
            "a\u{0}b\u{7f}c",
            "x = 1\n[table]\n",
            "'''",
            "\\u0041",
            "line\r\nend",
        ] {
            let doc = format!("v = {}\n", string(text));
            let back: toml::Table = toml::from_str(&doc).expect("valid TOML");
            assert_eq!(back["v"].as_str(), Some(text));
        }
    }

    #[test]
    fn comments_have_no_line_breaks() {
        assert_eq!(comment_text("a\nb\u{0}"), "a b ");
    }
}
