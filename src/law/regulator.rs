//! The regulator people can complain to (UK GDPR Art. 77; Art. 13(2)(d),
//! 14(2)(e); DPA 2018 s.44(1)(e)), as dated data: `regulator.toml` beside
//! this file holds its names (by the date each took effect), website,
//! complaint page, helpline and, when a dated source confirms one, postal
//! address, each with the date it was checked and its source.
//!
//! A page built on a date names the regulator as it was named on that
//! date; a notice's `[complaints.ico]` may override every detail.

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;

/// One dated fact: its value, where it comes from, when it was checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub value: String,
    pub source: String,
    pub checked: toml::value::Datetime,
}

/// One name of the regulator, from the date it took effect.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    /// The full name, without "the": "Information Commission".
    pub name: String,
    /// How it presents itself: "ICO".
    pub short: String,
    /// The name in Welsh, where the regulator publishes one.
    pub welsh: Option<String>,
    /// When the name took effect; the first name has none.
    pub from: Option<toml::value::Datetime>,
    pub source: String,
    pub checked: toml::value::Datetime,
}

/// Everything `regulator.toml` says.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegulatorData {
    pub names: Vec<Name>,
    pub website: Fact,
    pub complaint_page: Fact,
    pub helpline: Fact,
    /// Numbers published before, comma-separated.
    pub former_helplines: Fact,
    pub address: Option<Fact>,
}

/// The regulator's published details on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regulator {
    /// "Information Commission".
    pub name: &'static str,
    /// "ICO".
    pub short: &'static str,
    /// "Swyddfa'r Comisiynydd Gwybodaeth", where the regulator publishes
    /// a Welsh name.
    pub welsh: Option<&'static str>,
    /// Only when a dated source confirms the address in use.
    pub address: Option<&'static str>,
    pub phone: &'static str,
    /// Where to make a complaint.
    pub website: &'static str,
}

/// The data, parsed once.
pub fn data() -> &'static RegulatorData {
    static DATA: OnceLock<RegulatorData> = OnceLock::new();
    DATA.get_or_init(|| {
        // Part of the program and tested: a broken file is a bug in noticec.
        toml::from_str(include_str!("regulator.toml"))
            .unwrap_or_else(|e| panic!("src/law/regulator.toml: {e}"))
    })
}

fn date_of(datetime: &toml::value::Datetime) -> Option<Date> {
    let d = datetime.date?;
    Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok()
}

/// The regulator's details in force on `on`.
pub fn regulator(on: Date) -> Regulator {
    let data = data();
    let name = data
        .names
        .iter()
        .rev()
        .find(|n| {
            n.from
                .as_ref()
                .and_then(date_of)
                .is_none_or(|from| from <= on)
        })
        .or(data.names.first());
    Regulator {
        name: name.map_or("Information Commissioner's Office", |n| n.name.as_str()),
        short: name.map_or("ICO", |n| n.short.as_str()),
        welsh: name.and_then(|n| n.welsh.as_deref()),
        address: data.address.as_ref().map(|a| a.value.as_str()),
        phone: data.helpline.value.as_str(),
        website: data.complaint_page.value.as_str(),
    }
}

impl Regulator {
    /// The name to give on a page in `language`, and the language it is
    /// in when that is not the page's (a Welsh page names the Information
    /// Commission in English until it has a Welsh name).
    pub fn name_in(&self, language: crate::i18n::Language) -> (&'static str, Option<&'static str>) {
        use crate::i18n::Language;
        match (language, self.welsh) {
            (Language::English, _) => (self.name, None),
            (Language::Welsh, Some(welsh)) => (welsh, None),
            (Language::Welsh, None) => (self.name, Some(Language::English.tag())),
        }
    }
}

/// Whether a telephone number is one the regulator publishes or has
/// published (compared by its digits).
pub fn is_regulator_phone(phone: &str) -> bool {
    let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let wanted = digits(phone);
    let data = data();
    !wanted.is_empty()
        && std::iter::once(data.helpline.value.as_str())
            .chain(data.former_helplines.value.split(','))
            .any(|known| digits(known) == wanted)
}

/// The date a name stopped being the regulator's legal name, if it has:
/// the `from` of the name after it.
pub fn name_replaced_on(name: &str) -> Option<(Date, &'static str)> {
    let names = &data().names;
    let i = names
        .iter()
        .position(|n| n.name.eq_ignore_ascii_case(name))?;
    let next = names.get(i + 1)?;
    Some((next.from.as_ref().and_then(date_of)?, next.name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_loads_with_a_date_and_source_for_every_fact() {
        let data = data();
        assert!(!data.names.is_empty());
        for name in &data.names[1..] {
            assert!(name.from.is_some(), "{} needs `from`", name.name);
        }
        for fact in [&data.website, &data.complaint_page, &data.helpline]
            .into_iter()
            .chain(data.address.as_ref())
        {
            assert!(!fact.source.trim().is_empty());
            assert!(date_of(&fact.checked).is_some());
        }
    }

    #[test]
    fn the_name_follows_the_date() {
        let before = regulator(jiff::civil::date(2026, 9, 29));
        let after = regulator(jiff::civil::date(2026, 9, 30));
        assert_eq!(before.name, "Information Commissioner's Office");
        assert_eq!(after.name, "Information Commission");
        assert_eq!(after.short, "ICO");
        assert_eq!(
            name_replaced_on("information commissioner's office"),
            Some((jiff::civil::date(2026, 9, 30), "Information Commission"))
        );
        assert_eq!(name_replaced_on("Information Commission"), None);
    }
}
