//! The "at a glance" layer (the ICO's layered approach): one short
//! sentence per topic, built as sentences people write — items in lower
//! case where they are not names, "a, b and c", no doubled punctuation —
//! and never saying more than the notice does.

use super::view::{GlanceItem, NoticeView};
use crate::i18n::{Arg, Language};

/// At most this many items are named in a glance sentence, in at most
/// about this many characters; the rest are counted ("and 6 others"), and
/// the full list is one link away.
const MAX_ITEMS: usize = 5;
const MAX_CHARS: usize = 200;

/// The glance layer of a notice.
pub fn glance(view: &NoticeView<'_>) -> Vec<GlanceItem> {
    let lang = view.lang;
    let mut items = Vec::new();
    let mut push = |heading: &str, text: String, anchor: &'static str| {
        let heading = lang.text(heading).into_owned();
        let more = lang
            .format(
                "glance-more",
                &[("topic", Arg::Text(&lower_first(&heading)))],
            )
            .into_owned();
        items.push(GlanceItem {
            heading,
            more,
            text,
            anchor,
        });
    };
    if let Some(name) = view.controller.as_ref().and_then(|c| c.name) {
        push(
            "glance-who",
            lang.format("glance-responsible", &[("name", Arg::Text(bare(name)))])
                .into_owned(),
            "who-we-are",
        );
    }
    let categories: Vec<String> = view
        .data_categories
        .iter()
        .map(|c| description_case(bare(&c.name)))
        .collect();
    if !categories.is_empty() {
        push(
            "glance-what",
            sentence(&capitalise(&list(
                lang,
                &categories,
                "glance-other-kinds",
                "glance-all-kinds",
            ))),
            "what-we-collect",
        );
    }
    if !view.purposes.is_empty() {
        let mut bases: Vec<String> = view
            .purposes
            .iter()
            .chain(&view.all_purposes)
            .flat_map(|p| p.bases.iter().map(|b| b.name.to_lowercase()))
            .collect();
        bases.sort();
        bases.dedup();
        let why: Vec<String> = view
            .purposes
            .iter()
            .map(|p| description_case(bare(&p.name)))
            .collect();
        let mut text = sentence(&capitalise(&list(
            lang,
            &why,
            "glance-other-purposes",
            "glance-all-purposes",
        )));
        if !bases.is_empty() {
            text.push(' ');
            text.push_str(&lang.format(
                "glance-bases",
                &[
                    ("count", Arg::Count(bases.len() as u64)),
                    ("bases", Arg::Text(&lang.join_words(&bases))),
                ],
            ));
        }
        push("glance-why", text, "purposes");
    }
    let mut shared: Vec<String> = Vec::new();
    for name in view
        .purposes
        .iter()
        .chain(&view.all_purposes)
        .flat_map(|p| p.recipients.iter().flatten())
    {
        if !shared.contains(name) {
            shared.push(name.clone());
        }
    }
    let all_stated = !view.purposes.is_empty()
        && (view.purposes.iter().all(|p| p.recipients.is_some())
            || view
                .all_purposes
                .as_ref()
                .is_some_and(|a| a.recipients.is_some()));
    if !shared.is_empty() || all_stated {
        let names: Vec<String> = shared.iter().map(|n| name_case(bare(n))).collect();
        push(
            "glance-shared",
            if shared.is_empty() {
                lang.text("glance-not-shared").into_owned()
            } else {
                sentence(&capitalise(&list(
                    lang,
                    &names,
                    "glance-other-recipients",
                    "glance-all-recipients",
                )))
            },
            // With nothing shared there is no sharing section: point at the purposes.
            if shared.is_empty() {
                "purposes"
            } else {
                "sharing"
            },
        );
    }
    if let Some(text) = retention(view) {
        push("glance-retention", text, "retention");
    }
    if let Some(text) = rights(view) {
        push("glance-rights", text, "rights");
    }
    if let Some(latest) = view.changes.first() {
        let what = latest.summary.map_or_else(
            || lang.text("glance-changes-see").into_owned(),
            |s| sentence(&capitalise(bare(s))),
        );
        let text = match &latest.date {
            Some(date) => lang
                .format(
                    "glance-changes-on",
                    &[("date", Arg::Text(date)), ("what", Arg::Text(&what))],
                )
                .into_owned(),
            None => what,
        };
        push("glance-changes", text, "changes");
    }
    if view.complaints_controller.is_some() || view.ico.is_some() {
        // A name in another language cannot be marked in a plain sentence:
        // the sentence then gives the regulator's short name only.
        let regulator = |id: &str, ico: &super::view::IcoView<'_>| {
            let id = if ico.name_lang.is_some() {
                format!("{id}-short")
            } else {
                id.to_string()
            };
            lang.format(
                &id,
                &[
                    ("name", Arg::Text(ico.name)),
                    ("short", Arg::Text(ico.short)),
                ],
            )
            .into_owned()
        };
        let text = match (view.complaints_controller.as_ref(), view.ico.as_ref()) {
            (Some(_), Some(ico)) => regulator("glance-complain-both", ico),
            (Some(_), None) => lang.text("glance-complain-us").into_owned(),
            (None, Some(ico)) => regulator("glance-complain-regulator", ico),
            (None, None) => String::new(),
        };
        push("glance-complaints", text, "complaints");
    }
    items
}

/// How long information is kept, as far as the notice says: the one
/// period, or the shortest and the longest, or that each kind of record
/// has its own (when the periods cannot be compared), or the schedule.
/// `None` when the notice gives none of these.
fn retention(view: &NoticeView<'_>) -> Option<String> {
    let lang = view.lang;
    let retention = view.retention.as_ref()?;
    let schedule = retention
        .schedule_url
        .map(|_| lang.text("glance-retention-schedule"));
    let text = match retention.rules.as_slice() {
        [] => match (&schedule, retention.criteria) {
            (Some(schedule), _) => schedule.to_string(),
            (None, Some(_)) => lang.text("glance-retention-criteria").into_owned(),
            (None, None) => return None,
        },
        [one] => sentence(&capitalise(bare(&one.text))),
        rules => {
            let mut periods: Vec<(u32, &str)> = rules
                .iter()
                .filter_map(|r| {
                    let period = r.period?;
                    Some((days(period)?, period))
                })
                .collect();
            periods.sort_by_key(|(d, _)| *d);
            let mut text = match periods.len() {
                n if n == rules.len() => {
                    let (shortest, longest) = (periods[0], periods[periods.len() - 1]);
                    if rules.iter().all(|r| r.text == rules[0].text) {
                        sentence(&capitalise(bare(&rules[0].text)))
                    } else if shortest.0 == longest.0 {
                        lang.format(
                            "glance-retention-start-varies",
                            &[("period", Arg::Text(&capitalise(bare(shortest.1))))],
                        )
                        .into_owned()
                    } else {
                        lang.format(
                            "glance-retention-range",
                            &[
                                ("shortest", Arg::Text(bare(shortest.1))),
                                ("longest", Arg::Text(bare(longest.1))),
                            ],
                        )
                        .into_owned()
                    }
                }
                n if n >= 2 && periods[0].0 != periods[n - 1].0 => lang
                    .format(
                        "glance-retention-some",
                        &[
                            ("shortest", Arg::Text(bare(periods[0].1))),
                            ("longest", Arg::Text(bare(periods[n - 1].1))),
                            ("count", Arg::Count(n as u64)),
                            ("total", Arg::Count(rules.len() as u64)),
                        ],
                    )
                    .into_owned(),
                _ => lang
                    .format(
                        "glance-retention-each",
                        &[("total", Arg::Count(rules.len() as u64))],
                    )
                    .into_owned(),
            };
            if let Some(schedule) = schedule {
                text.push(' ');
                text.push_str(&schedule);
            }
            return Some(text);
        }
    };
    Some(text)
}

/// The length of a period that starts with a number and a unit, in
/// English or Welsh ("6 years", "31 days", "two months after…", "6
/// blynedd", "chwe mis"), in days, to compare periods.
pub(crate) fn days(period: &str) -> Option<u32> {
    let mut words = period.split_whitespace();
    let number = words.next()?.to_lowercase();
    let n: u32 = number
        .parse()
        .ok()
        .or_else(|| crate::i18n::number_word(&number))?;
    let unit = words.next()?.to_lowercase();
    let unit = unit.trim_end_matches(|c: char| !c.is_alphabetic());
    // Welsh units as they follow a number, mutations included.
    let per = match unit {
        "day" | "days" | "diwrnod" | "niwrnod" | "diwrnodau" => 1,
        "week" | "weeks" | "wythnos" | "wythnosau" => 7,
        "month" | "months" | "mis" | "fis" | "misoedd" => 30,
        "year" | "years" | "blwyddyn" | "flwyddyn" | "blynedd" | "mlynedd" | "flynedd" => 365,
        _ => return None,
    };
    n.checked_mul(per)
}

/// The rights in one sentence of what the reader can do.
fn rights(view: &NoticeView<'_>) -> Option<String> {
    let lang = view.lang;
    let asks: Vec<String> = view
        .rights
        .iter()
        .filter(|r| {
            use strum::IntoEnumIterator;
            crate::model::Right::iter()
                .any(|right| right.key() == r.key && right.has_glance_phrase())
        })
        .map(|r| lang.word("right-glance", r.key).into_owned())
        .collect();
    let mut sentences: Vec<String> = Vec::new();
    if !asks.is_empty() {
        let asks = lang.join_words(&asks);
        sentences.push(
            lang.format("glance-rights-ask", &[("asks", Arg::Text(&asks))])
                .into_owned(),
        );
    }
    if view.objection.is_some() {
        sentences.push(lang.text("glance-rights-object").into_owned());
    }
    if sentences.is_empty() {
        return None;
    }
    if view.rights.iter().any(|r| r.limitation.is_some()) {
        sentences.push(lang.text("glance-rights-limits").into_owned());
    }
    if view.free_of_charge == Some(true) {
        sentences.push(lang.text("glance-rights-free").into_owned());
    }
    Some(sentences.join(" "))
}

/// Names the first items (at most [`MAX_ITEMS`], in about [`MAX_CHARS`])
/// and counts the rest ("and 4 others"); when not even the first fits,
/// only counts them ("22 purposes, each described below").
fn list(lang: Language, items: &[String], others: &str, all: &str) -> String {
    let fits =
        |named: &[String]| named.iter().map(|i| i.chars().count() + 2).sum::<usize>() <= MAX_CHARS;
    if items.len() <= MAX_ITEMS && fits(items) {
        return lang.join_words(items);
    }
    let mut shown = (MAX_ITEMS - 1).min(items.len());
    while shown > 0 && !fits(&items[..shown]) {
        shown -= 1;
    }
    if shown == 0 {
        return lang
            .format(all, &[("count", Arg::Count(items.len() as u64))])
            .into_owned();
    }
    let mut named = items[..shown].to_vec();
    named.push(
        lang.format(
            others,
            &[("count", Arg::Count((items.len() - shown) as u64))],
        )
        .into_owned(),
    );
    lang.join_words(&named)
}

/// Text without the punctuation it ends with in the source ("Fraud.",
/// "details;"), so a sentence built from it does not read ".." or ";,".
fn bare(text: &str) -> &str {
    text.trim()
        .trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!') || c.is_whitespace())
}

/// Ends a sentence with a full stop, unless it ends with ? or ! already.
pub fn sentence(text: &str) -> String {
    let text = bare(text);
    if text.ends_with(['?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether a word is written with one capital then lower case ("Date").
fn title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A description ("Date of birth and National Insurance number") inside a
/// sentence: its first word in lower case, unless the first two words are
/// capitalised like a name ("National Insurance", "Cabinet Office").
fn description_case(text: &str) -> String {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next();
    if title_case(first) && !second.is_some_and(title_case) {
        lower_first(text)
    } else {
        text.to_string()
    }
}

/// A name ("Department for Work and Pensions", "The police") inside a
/// sentence: in lower case only when no other word of it has a capital
/// ("the police", "companies that provide services for us").
fn name_case(text: &str) -> String {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    if title_case(first) && words.all(|w| !w.chars().any(char::is_uppercase)) {
        lower_first(text)
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(Language::English.join_words(&["a", "b", "c"]), "a, b and c");
        assert_eq!(
            Language::English.join_words(&[
                "household details",
                "income, savings and benefits",
                "payments"
            ]),
            "household details; income, savings and benefits; and payments"
        );
        assert_eq!(
            Language::English.join_words(&["household details", "name and contact details"]),
            "household details and name and contact details"
        );
        assert_eq!(
            Language::English.join_words(&[
                "property",
                "payments",
                "date of birth and National Insurance number"
            ]),
            "property, payments, and date of birth and National Insurance number"
        );
    }

    #[test]
    fn items_are_lower_case_unless_they_are_names() {
        assert_eq!(
            description_case("Date of birth and National Insurance number"),
            "date of birth and National Insurance number"
        );
        assert_eq!(
            description_case("National Insurance number"),
            "National Insurance number"
        );
        assert_eq!(description_case("CCTV images"), "CCTV images");
        assert_eq!(name_case("The police"), "the police");
        assert_eq!(
            name_case("Department for Work and Pensions"),
            "Department for Work and Pensions"
        );
        assert_eq!(
            name_case("HM Revenue and Customs"),
            "HM Revenue and Customs"
        );
    }

    #[test]
    fn source_punctuation_does_not_leak() {
        assert_eq!(
            sentence("Six years after the claim ends."),
            "Six years after the claim ends."
        );
        assert_eq!(bare("Fraud;,"), "Fraud");
        assert_eq!(sentence("Why?"), "Why?");
    }

    #[test]
    fn long_lists_are_counted() {
        let items: Vec<String> = (1..=8).map(|i| format!("item {i}")).collect();
        let english = Language::English;
        assert_eq!(
            list(
                english,
                &items,
                "glance-other-recipients",
                "glance-all-recipients"
            ),
            "item 1, item 2, item 3, item 4 and 4 others"
        );
        let long = vec!["x".repeat(300), "y".to_string()];
        assert_eq!(
            list(
                english,
                &long,
                "glance-other-recipients",
                "glance-all-recipients"
            ),
            "2 organisations, listed below"
        );
        let five: Vec<String> = (1..=5)
            .map(|i| format!("item {i} {}", "z".repeat(40)))
            .collect();
        assert!(
            list(
                english,
                &five,
                "glance-other-purposes",
                "glance-all-purposes"
            )
            .ends_with("and one other purpose"),
            "one left over is singular"
        );
    }

    #[test]
    fn periods_are_compared_in_days() {
        assert_eq!(days("6 years after the account closes"), Some(6 * 365));
        assert_eq!(days("31 days"), Some(31));
        assert_eq!(days("Two months"), Some(60));
        assert_eq!(days("6 blynedd ar ôl i'r cyfrif gau"), Some(6 * 365));
        assert_eq!(days("chwe mis"), Some(180));
        assert_eq!(days("7 mlynedd"), Some(7 * 365));
        assert_eq!(days("Until the case is closed"), None);
        assert!(days("6 weeks") < days("2 months"));
    }
}
