//! The words of the pages noticec writes, in English and in Welsh.
//!
//! Every heading, label and generated sentence of a page comes from a
//! Project Fluent message catalogue, one per language, embedded in the
//! program: `locales/en-GB.ftl` and `locales/cy.ftl` (Fluent handles the
//! Welsh plural forms). Templates look messages up with `t("id", arg=…)`;
//! [`crate::render::view`] does the same for the sentences it builds. Dates
//! are written by ICU4X with its compiled locale data ("1 Hydref 2026").
//!
//! Diagnostics, `noticec explain` and the other terminal output stay in
//! English: they are read by the officers who write the notices.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language noticec writes pages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    #[default]
    English,
    Welsh,
}

impl Language {
    /// Every language, in the order their catalogues are listed.
    pub const ALL: [Language; 2] = [Language::English, Language::Welsh];

    /// The language of a BCP 47 tag: Welsh for `cy` (`cy-GB` …), English
    /// otherwise — the only other catalogue there is.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("cy") {
            Language::Welsh
        } else {
            Language::English
        }
    }

    /// The tag written in `lang` and `hreflang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en-GB",
            Language::Welsh => "cy",
        }
    }

    /// The file name part of this language's pages beside the other
    /// language's (`council-tax.cy.html`), for an index page.
    pub fn suffix(self) -> &'static str {
        match self {
            Language::English => "",
            Language::Welsh => ".cy",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Language::English => include_str!("../locales/en-GB.ftl"),
            Language::Welsh => include_str!("../locales/cy.ftl"),
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
        let bundles = BUNDLES.get_or_init(|| Language::ALL.map(build_bundle));
        &bundles[self as usize]
    }

    /// A message without arguments ("At a glance").
    pub fn text(self, id: &str) -> Cow<'static, str> {
        self.format(id, &[])
    }

    /// A message without arguments, borrowed from the catalogue for the
    /// life of the program (the message id when it needs arguments).
    pub fn static_text(self, id: &'static str) -> &'static str {
        match self.text(id) {
            Cow::Borrowed(text) => text,
            Cow::Owned(_) => id,
        }
    }

    /// A message with its arguments filled in. A missing message or a
    /// missing argument is a bug in noticec (the catalogue tests catch
    /// it); the page then shows the message id rather than wrong words.
    pub fn format(self, id: &str, args: &[(&str, Arg<'_>)]) -> Cow<'static, str> {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return Cow::Owned(id.to_string());
        };
        let mut errors = Vec::new();
        if args.is_empty() {
            return bundle.format_pattern(pattern, None, &mut errors);
        }
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent.set(*name, FluentValue::from(text.to_string())),
                Arg::Count(n) => fluent.set(*name, FluentValue::from(*n)),
            }
        }
        Cow::Owned(
            bundle
                .format_pattern(pattern, Some(&fluent), &mut errors)
                .into_owned(),
        )
    }

    /// A message named by a prefix and a key of the notice format:
    /// `word("basis-title", "public-task")` is `basis-title-public-task`.
    pub fn word(self, prefix: &str, key: &str) -> Cow<'static, str> {
        self.text(&format!("{prefix}-{key}"))
    }

    /// A date as people write it in this language: "1 October 2026",
    /// "1 Hydref 2026" (CLDR's long date; the month names are in the
    /// catalogue, and a test compares every day of several years with what
    /// ICU4X writes). Not ICU4X itself at run time: its compiled data for
    /// every locale was a third of the pointers the loader relocates at
    /// each start, 0.17 ms of every command, for two languages' months.
    pub fn date(self, date: jiff::civil::Date) -> String {
        let day = date.day().to_string();
        let year = date.year().to_string();
        let month = self.text(&format!("month-{}", date.month()));
        self.format(
            "date-long",
            &[
                ("day", Arg::Text(&day)),
                ("month", Arg::Text(&month)),
                ("year", Arg::Text(&year)),
            ],
        )
        .into_owned()
    }

    /// Joins a list as this language writes it: "a, b and c"; in Welsh
    /// "a, b a c", with "ac" before a vowel, "a'ch" for "a eich", "a'r"
    /// for "a yr", and the aspirate mutation after "a" ("a thasg
    /// gyhoeddus") of a word in lower case. With semicolons when an item
    /// has a comma of its own, and a comma before the last "and" when the
    /// last item has an "and" of its own.
    pub fn join_words<S: AsRef<str>>(self, items: &[S]) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [rest @ .., last] => {
                let last = last.as_ref();
                let and = self.text("list-and");
                let joined = match self {
                    Language::English => format!("{and} {last}"),
                    Language::Welsh => welsh_and(last),
                };
                let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
                if rest.iter().any(|i| i.contains(',')) || last.contains(',') {
                    return format!("{}; {joined}", rest.join("; "));
                }
                let comma = if rest.len() > 1 && last.contains(&format!(" {and} ")) {
                    ","
                } else {
                    ""
                };
                format!("{}{comma} {joined}", rest.join(", "))
            }
        }
    }

    /// A citation of the law as this language writes it: "UK GDPR Art. 15"
    /// is "Erthygl 15 GDPR y DU" in Welsh. Citations are joined by "; ".
    pub fn cite(self, citation: &str) -> String {
        if self == Language::English {
            return citation.to_string();
        }
        citation
            .split("; ")
            .map(|one| {
                let forms = [
                    ("UK GDPR Art. ", "cite-uk-gdpr"),
                    ("Art. ", "cite-article"),
                    ("DPA 2018 ss.", "cite-dpa-sections"),
                    ("DPA 2018 s.", "cite-dpa"),
                ];
                forms
                    .iter()
                    .find_map(|(prefix, id)| {
                        one.strip_prefix(prefix)
                            .map(|rest| self.format(id, &[("ref", Arg::Text(rest))]).into_owned())
                    })
                    .unwrap_or_else(|| one.to_string())
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A number written as one word, in English or Welsh, up to twelve
/// ("six", "chwe", "dwy"; Welsh eleven is three words and not read): how
/// periods in either language are read and compared.
pub fn number_word(word: &str) -> Option<u32> {
    const WORDS: [(&str, u32); 28] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("un", 1),
        ("dau", 2),
        ("dwy", 2),
        ("tri", 3),
        ("tair", 3),
        ("pedwar", 4),
        ("pedair", 4),
        ("pum", 5),
        ("pump", 5),
        ("chwe", 6),
        ("chwech", 6),
        ("saith", 7),
        ("wyth", 8),
        ("naw", 9),
        ("deg", 10),
        ("deuddeg", 12),
    ];
    let word = word.to_lowercase();
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    /// A number, which selects the plural form.
    Count(u64),
}

/// "a" (and) with the word after it, as Welsh writes them.
fn welsh_and(word: &str) -> String {
    // "a" with the article or "eich" after it is written as one word, in
    // lower case whatever the case of the item ("a'r Adran Gwaith a
    // Phensiynau").
    for (article, contracted) in [("eich ", "a'ch "), ("yr ", "a'r "), ("y ", "a'r ")] {
        let starts = word
            .get(..article.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(article));
        if starts {
            return format!("{contracted}{}", &word[article.len()..]);
        }
    }
    let mut chars = word.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some(c), _) if "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü".contains(c.to_ascii_lowercase()) =>
        {
            format!("ac {word}")
        }
        // The aspirate mutation: c, p, t become ch, ph, th. Only for a word
        // in lower case: names keep the form they are given in.
        (Some(c @ ('c' | 'p' | 't')), Some(next)) if next != 'h' => {
            format!("a {c}h{}", &word[1..])
        }
        _ => format!("a {word}"),
    }
}

fn build_bundle(language: Language) -> FluentBundle<FluentResource> {
    let tag: unic_langid::LanguageIdentifier = language
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Pages are in one direction: no isolation marks around arguments.
    bundle.set_use_isolating(false);
    // Part of the program and tested: a broken catalogue is a bug in noticec.
    let resource = FluentResource::try_new(language.source().to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}.ftl: {errors:?}", language.tag()));
    if let Err(errors) = bundle.add_resource(resource) {
        panic!("locales/{}.ftl: {errors:?}", language.tag());
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids of a catalogue and the arguments each uses, for the
    /// tests that keep the catalogues in step.
    fn catalogue_shape(language: Language) -> Vec<(String, Vec<String>)> {
        use fluent_syntax::ast;
        let Ok(resource) = fluent_syntax::parser::parse(language.source()) else {
            return Vec::new();
        };
        fn collect(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    expression_args(expression, out);
                }
            }
        }
        fn expression_args(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
            match expression {
                ast::Expression::Select { selector, variants } => {
                    inline_args(selector, out);
                    for variant in variants {
                        collect(&variant.value, out);
                    }
                }
                ast::Expression::Inline(inline) => inline_args(inline, out),
            }
        }
        fn inline_args(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
            match inline {
                ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
                ast::InlineExpression::Placeable { expression } => expression_args(expression, out),
                _ => {}
            }
        }
        let mut shape = Vec::new();
        for entry in &resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut args = Vec::new();
                if let Some(value) = &message.value {
                    collect(value, &mut args);
                }
                args.sort();
                args.dedup();
                shape.push((message.id.name.to_string(), args));
            }
        }
        shape.sort();
        shape
    }

    #[test]
    fn both_catalogues_have_the_same_messages_and_arguments() {
        let english = catalogue_shape(Language::English);
        let welsh = catalogue_shape(Language::Welsh);
        assert!(english.len() > 200, "{}", english.len());
        let missing: Vec<_> = english.iter().filter(|m| !welsh.contains(m)).collect();
        let extra: Vec<_> = welsh.iter().filter(|m| !english.contains(m)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "cy.ftl differs from en-GB.ftl: missing or different {missing:?}; extra {extra:?}"
        );
    }

    #[test]
    fn every_message_formats_without_errors() {
        for language in Language::ALL {
            let bundle = language.bundle();
            for (id, args) in catalogue_shape(language) {
                let mut fluent = FluentArgs::new();
                for arg in &args {
                    fluent.set(arg.clone(), FluentValue::from(2));
                }
                let pattern = bundle.get_message(&id).and_then(|m| m.value());
                let Some(pattern) = pattern else {
                    panic!("{}: {id} has no value", language.tag());
                };
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                assert!(errors.is_empty(), "{} {id}: {errors:?}", language.tag());
                assert!(!text.trim().is_empty(), "{} {id} is empty", language.tag());
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let one = Language::English.format("glance-other-purposes", &[("count", Arg::Count(1))]);
        let many = Language::English.format("glance-other-purposes", &[("count", Arg::Count(3))]);
        assert_eq!(one, "one other purpose");
        assert_eq!(many, "3 other purposes");
    }

    #[test]
    fn dates_are_written_in_each_language() {
        let date = jiff::civil::date(2026, 10, 1);
        assert_eq!(Language::English.date(date), "1 October 2026");
        assert_eq!(Language::Welsh.date(date), "1 Hydref 2026");
    }

    /// Every day from 1998 to 2031 (and a few far years) is written as
    /// ICU4X writes CLDR's long date in each language. (Before the year
    /// 1000 ICU4X adds the era, "999 AD", and this does not; those years
    /// are left out.)
    #[test]
    fn dates_are_what_cldr_says() {
        use icu_datetime::{DateTimeFormatter, fieldsets};
        for language in Language::ALL {
            let locale: icu_locale::Locale = language.tag().parse().expect("a locale");
            let formatter = DateTimeFormatter::try_new(locale.into(), fieldsets::YMD::long())
                .expect("compiled data has the locale");
            let far = [1000, 1001, 1999, 9999].map(|y| jiff::civil::date(y, 12, 31));
            let mut day = jiff::civil::date(1998, 1, 1);
            let mut days = Vec::new();
            while day.year() < 2032 {
                days.push(day);
                day = day.tomorrow().expect("a next day");
            }
            for date in days.into_iter().chain(far) {
                let iso = icu_calendar::Date::try_new_iso(
                    i32::from(date.year()),
                    date.month() as u8,
                    date.day() as u8,
                )
                .expect("a date");
                assert_eq!(
                    language.date(date),
                    formatter.format(&iso).to_string(),
                    "{date} in {}",
                    language.tag()
                );
            }
        }
    }

    #[test]
    fn lists_are_joined_in_each_language() {
        assert_eq!(Language::English.join_words(&["a", "b", "c"]), "a, b and c");
        assert_eq!(
            Language::Welsh.join_words(&["treth", "budd-daliadau"]),
            "treth a budd-daliadau"
        );
        assert_eq!(
            Language::Welsh.join_words(&["treth", "enw"]),
            "treth ac enw"
        );
        assert_eq!(
            Language::Welsh.join_words(&["rhwymedigaeth gyfreithiol", "tasg gyhoeddus"]),
            "rhwymedigaeth gyfreithiol a thasg gyhoeddus"
        );
        assert_eq!(
            Language::Welsh.join_words(&["x", "eich cydsyniad"]),
            "x a'ch cydsyniad"
        );
        assert_eq!(
            Language::English.join_words(&["household details", "income, savings", "payments"]),
            "household details; income, savings; and payments"
        );
    }

    #[test]
    fn tags_pick_the_catalogue() {
        assert_eq!(Language::from_tag("cy"), Language::Welsh);
        assert_eq!(Language::from_tag("cy-GB"), Language::Welsh);
        assert_eq!(Language::from_tag("en-GB"), Language::English);
        assert_eq!(Language::from_tag(""), Language::English);
    }
}
