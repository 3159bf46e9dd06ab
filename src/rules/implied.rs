//! Data the notice's own words imply: special category or criminal offence
//! data that the prose mentions ("equalities monitoring", "prosecute
//! offenders") while no data category is marked as such. An unmarked
//! category is an unstated answer, and the conditions rules would otherwise
//! stay silent (N008, N009).

use std::ops::Range;

use super::text::{PhraseList, whole_word};
use super::{Context, Finding};
use crate::model::KeyPath;

/// Words that name special category data (UK GDPR Art. 9(1)), or the
/// equalities monitoring that collects it.
const SPECIAL_CATEGORY: &[&str] = &[
    "racial origin",
    "racial or ethnic origin",
    "ethnic origin",
    "ethnicity",
    "political opinion",
    "political opinions",
    "religion",
    "religious belief",
    "religious beliefs",
    "philosophical beliefs",
    "trade union membership",
    "genetic data",
    "biometric",
    "health data",
    "health information",
    "health records",
    "medical",
    "mental health",
    "physical health",
    "disability",
    "disabilities",
    "sexual orientation",
    "sex life",
    "equalities monitoring",
    "equality monitoring",
    "equal opportunities monitoring",
    "diversity monitoring",
];

/// Words that mean information about offences, alleged offences or
/// convictions (UK GDPR Art. 10, DPA 2018 s.11(2)).
const CRIMINAL_OFFENCE: &[&str] = &[
    "crime",
    "crimes",
    "criminal",
    "offence",
    "offences",
    "offense",
    "offenses",
    "offender",
    "offenders",
    "conviction",
    "convictions",
    "prosecute",
    "prosecuted",
    "prosecuting",
    "prosecution",
    "prosecutions",
];

/// The kinds of data the prose can imply.
#[derive(Debug, Clone, Copy)]
pub enum Implied {
    SpecialCategory,
    CriminalOffence,
}

/// The terms of each kind, searched with every other rule's phrases
/// ([`super::text::PhraseList`]).
pub static SPECIAL_CATEGORY_TERMS: PhraseList = PhraseList {
    phrases: || SPECIAL_CATEGORY.to_vec(),
};
pub static CRIMINAL_OFFENCE_TERMS: PhraseList = PhraseList {
    phrases: || CRIMINAL_OFFENCE.to_vec(),
};

impl Implied {
    fn terms(self) -> &'static PhraseList {
        match self {
            Implied::SpecialCategory => &SPECIAL_CATEGORY_TERMS,
            Implied::CriminalOffence => &CRIMINAL_OFFENCE_TERMS,
        }
    }
}

/// The finding for prose that mentions data of this kind while no data
/// category is marked as such: once, at the first mention.
pub fn unmarked_mention(cx: &Context<'_>, kind: Implied) -> Option<Finding> {
    let marked = cx.notice.data_categories.iter().any(|c| match kind {
        Implied::SpecialCategory => c.special_category,
        Implied::CriminalOffence => c.criminal_offence,
    });
    if marked {
        return None;
    }
    let (at, range, words) = first_mention(cx, kind)?;
    let (message, help, label) = match kind {
        Implied::SpecialCategory => (
            format!(
                "the text mentions special category data (\"{words}\") but no data category is marked as special category"
            ),
            "if you use such data, add `special_category = true` to its `[[data_categories]]` entry and give the Art. 9(2) condition in the purposes that use it; if the text means something else, reword it",
            "special category data?",
        ),
        Implied::CriminalOffence => (
            format!(
                "the text mentions \"{words}\", which suggests criminal offence data, but no data category is marked as criminal offence data"
            ),
            "if you use information about offences, alleged offences or convictions, add `criminal_offence = true` to its `[[data_categories]]` entry and give the condition in the purposes that use it; if not, reword the text",
            "criminal offence data?",
        ),
    };
    Some(
        Finding::new(at, message, help)
            .label(label)
            .within(range)
            .warning(),
    )
}

/// Where the prose first mentions data of this kind, as a whole word (the
/// field, the range in it and the words),
/// outside the purposes checked as law enforcement (DPA 2018 Part 3 has its
/// own regime for such data).
fn first_mention<'a>(cx: &Context<'a>, kind: Implied) -> Option<(KeyPath, Range<usize>, &'a str)> {
    cx.prose().iter().enumerate().find_map(|(i, (at, text))| {
        let law_enforcement = at
            .in_purpose()
            .and_then(|(i, _)| cx.notice.purposes.get(i))
            .is_some_and(|p| cx.is_law_enforcement(p));
        if law_enforcement {
            return None;
        }
        // Leftmost-longest, so "racial or ethnic origin" wins over "ethnic
        // origin".
        cx.phrases(i)
            .leftmost_longest(kind.terms())
            .into_iter()
            .map(|h| h.range.clone())
            .find(|r| whole_word(&text[..r.start], &text[r.end..]))
            .map(|r| (at.clone(), r.clone(), &text[r]))
    })
}
