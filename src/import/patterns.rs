//! The small scanners the recognisers use: UK postcodes, ICO registration
//! numbers, UK phone numbers, emails, links, dates, version labels and the
//! words of the lawful bases. All are `regex` patterns, which run in time
//! linear in the text (no backtracking), so hostile input cannot make them
//! hang.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{LawfulBasis, SpecialCategoryCondition};

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file; a test compiles each.
    Regex::new(pattern).unwrap_or_else(|e| panic!("pattern {pattern}: {e}"))
}

static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b"));
static ICO_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"\b(Z[0-9]{7}|Z[A-Z][0-9]{6})\b"));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?i)\b(?:https?://|www\.)[^\s<>()\[\]"'{}|\\^`]+"#));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\+44\s?(?:\(0\)\s?)?[1-9]|\(?0[1-9])[0-9]*\)?(?:[ -]?[0-9]+){1,4}"));
static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+([0-9]{4})\b",
    )
});
static DATE_SLASH: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})\b"));
static DATE_ISO: LazyLock<Regex> = LazyLock::new(|| re(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b"));
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bversion(?:\s+number)?\s*:?\s*v?([0-9]+(?:\.[0-9]+){0,3})\b"));
static ARTICLE_6: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)6\s*\(\s*1\s*\)\s*\(\s*(ea|[a-f])\s*\)"));
static ARTICLE_9: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)9\s*\(\s*2\s*\)\s*\(\s*([a-j])\s*\)"));
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:[A-Z][A-Za-z'’]*|and|of|the|for|in|on|to|\(|\))[ ,]*){1,12}(?:Act|Regulations|Order)(?: \([A-Za-z ]+\))? [0-9]{4}\b",
    )
});

/// The UK postcodes in a text, as written.
pub fn postcodes(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    POSTCODE.find_iter(text)
}

/// The ICO registration numbers ("Z1234567", "ZA123456") in a text.
pub fn ico_numbers(text: &str) -> impl Iterator<Item = &str> {
    ICO_NUMBER.find_iter(text).map(|m| m.as_str())
}

/// The email addresses in a text.
pub fn emails(text: &str) -> impl Iterator<Item = &str> {
    EMAIL
        .find_iter(text)
        .map(|m| m.as_str().trim_end_matches(['.', '-']))
}

/// The links in a text (`https://…`, `www.…`), without trailing punctuation.
pub fn urls(text: &str) -> impl Iterator<Item = &str> {
    URL.find_iter(text).map(|m| {
        m.as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '>', '*'])
    })
}

/// A link as an https URL: `www.x` gets `https://`; other schemes none.
pub fn https(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        Some(url.to_string())
    } else if lower.starts_with("www.") {
        Some(format!("https://{url}"))
    } else {
        None
    }
}

/// The UK phone numbers in a text: 10 or 11 digits from a leading 0, or
/// +44 and 9 or 10 more.
pub fn phones(text: &str) -> impl Iterator<Item = &str> {
    PHONE.find_iter(text).filter_map(|m| {
        let number = m.as_str().trim();
        let digits = number.chars().filter(char::is_ascii_digit).count();
        let ok = if number.starts_with('+') {
            (11..=12).contains(&digits)
        } else {
            (10..=11).contains(&digits)
        };
        ok.then_some(number)
    })
}

/// The first date in a text that is a real calendar date: "1 April 2026",
/// "1st Apr 2026", "01/04/2026" (day first, as in the UK), "2026-04-01".
pub fn date(text: &str) -> Option<(jiff::civil::Date, &str)> {
    let month_of = |name: &str| -> Option<i8> {
        const MONTHS: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let lower = name.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|m| lower.starts_with(m))
            .map(|i| i as i8 + 1)
    };
    let make = |y: &str, m: i8, d: &str| -> Option<jiff::civil::Date> {
        let year: i16 = y.parse().ok()?;
        let day: i8 = d.parse().ok()?;
        if !(1990..=2100).contains(&year) {
            return None;
        }
        jiff::civil::Date::new(year, m, day).ok()
    };
    let mut found: Vec<(usize, jiff::civil::Date, &str)> = Vec::new();
    if let Some(c) = DATE_WORDS.captures_iter(text).find_map(|c| {
        let date = make(&c[3], month_of(&c[2])?, &c[1])?;
        Some((c.get(0)?.start(), date, c.get(0)?.as_str()))
    }) {
        found.push(c);
    }
    if let Some(c) = DATE_SLASH.captures_iter(text).find_map(|c| {
        let date = make(&c[3], c[2].parse().ok()?, &c[1])?;
        Some((c.get(0)?.start(), date, c.get(0)?.as_str()))
    }) {
        found.push(c);
    }
    if let Some(c) = DATE_ISO.captures_iter(text).find_map(|c| {
        let date = make(&c[1], c[2].parse().ok()?, &c[3])?;
        Some((c.get(0)?.start(), date, c.get(0)?.as_str()))
    }) {
        found.push(c);
    }
    found.sort_by_key(|(at, ..)| *at);
    found.into_iter().next().map(|(_, date, text)| (date, text))
}

/// A version label: "Version 2.1", "version: 3".
pub fn version(text: &str) -> Option<&str> {
    VERSION
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// The Art. 9(2) conditions a text cites by letter: "(Art. 9(2)(g))".
pub fn special_category_conditions(text: &str) -> Vec<SpecialCategoryCondition> {
    use SpecialCategoryCondition::*;
    let mut out = Vec::new();
    for c in ARTICLE_9.captures_iter(text) {
        let condition = match c[1].to_ascii_lowercase().as_str() {
            "a" => ExplicitConsent,
            "b" => EmploymentSocialSecurity,
            "c" => VitalInterests,
            "d" => NotForProfit,
            "e" => MadePublic,
            "f" => LegalClaims,
            "g" => SubstantialPublicInterest,
            "h" => HealthSocialCare,
            "i" => PublicHealth,
            _ => ArchivingResearch,
        };
        if !out.contains(&condition) {
            out.push(condition);
        }
    }
    out
}

/// The laws a text cites by name: "Local Government Finance Act 1992".
pub fn laws(text: &str) -> Vec<&str> {
    LAW.find_iter(text)
        .map(|m| {
            let law = m.as_str().trim_start_matches([' ', ',', '(', ')']);
            // "under the Data Protection Act 2018": from the first capital.
            let start = law
                .char_indices()
                .find(|(_, c)| c.is_uppercase())
                .map_or(0, |(i, _)| i);
            let law = &law[start..];
            law.strip_prefix("The ").unwrap_or(law)
        })
        .filter(|law| law.split_whitespace().count() >= 3)
        .collect()
}

/// Whether `needle` occurs in `lower` (a lowercased text) as a phrase that
/// is not negated just before it ("not", "without", "no").
fn says(lower: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(at) = lower[from..].find(needle) {
        let start = from + at;
        let before = &lower[..start];
        let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        let negated = last
            .iter()
            .any(|w| matches!(*w, "not" | "without" | "no" | "never" | "don't" | "won't"));
        let boundary = before
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary && !negated {
            return true;
        }
        from = start + needle.len();
    }
    false
}

/// The lawful bases a text states in words or by article letter, in the
/// order of [`LawfulBasis`]. Only the bases' own names count: "required
/// by law" or "to help you" are not read as a basis.
pub fn lawful_bases(text: &str) -> Vec<LawfulBasis> {
    let lower = text.to_lowercase().replace('’', "'");
    // A sentence about other processing ("it may form part of other
    // processes with a different lawful basis …") states no basis here.
    let lower: String = lower
        .split_inclusive(". ")
        .filter(|s| {
            ![
                "different lawful basis",
                "different legal basis",
                "another lawful basis",
                "other lawful basis",
            ]
            .iter()
            .any(|p| s.contains(p))
        })
        .collect();
    let mut bases = Vec::new();
    let mut add = |b: LawfulBasis| {
        if !bases.contains(&b) {
            bases.push(b);
        }
    };
    for c in ARTICLE_6.captures_iter(&lower) {
        match &c[1] {
            "a" => add(LawfulBasis::Consent),
            "b" => add(LawfulBasis::Contract),
            "c" => add(LawfulBasis::LegalObligation),
            "d" => add(LawfulBasis::VitalInterests),
            "e" => add(LawfulBasis::PublicTask),
            "ea" => add(LawfulBasis::RecognisedLegitimateInterest),
            _ => add(LawfulBasis::LegitimateInterests),
        }
    }
    let consent = [
        "your consent",
        "given consent",
        "give consent",
        "you consent",
        "you have consented",
        "with consent",
        "basis of consent",
        "based on consent",
        "consent:",
        "consent –",
        "consent -",
        "consent (",
        "you have agreed",
    ];
    if consent.iter().any(|p| says(&lower, p)) && !says(&lower, "consent of the individuals") {
        add(LawfulBasis::Consent);
    }
    if [
        "performance of a contract",
        "contract with you",
        "a contract we have",
        "contract:",
        "contract (",
    ]
    .iter()
    .any(|p| says(&lower, p))
    {
        add(LawfulBasis::Contract);
    }
    if ["legal obligation", "legally obliged", "legal obligations"]
        .iter()
        .any(|p| says(&lower, p))
    {
        add(LawfulBasis::LegalObligation);
    }
    if says(&lower, "vital interest") {
        add(LawfulBasis::VitalInterests);
    }
    if [
        "public task",
        "task carried out in the public interest",
        "exercise of official authority",
        "in the public interest",
    ]
    .iter()
    .any(|p| says(&lower, p))
    {
        add(LawfulBasis::PublicTask);
    }
    if says(&lower, "recognised legitimate interest")
        || says(&lower, "recognized legitimate interest")
    {
        add(LawfulBasis::RecognisedLegitimateInterest);
    }
    let li = lower
        .replace("recognised legitimate interest", "")
        .replace("recognized legitimate interest", "");
    if says(&li, "legitimate interest") {
        add(LawfulBasis::LegitimateInterests);
    }
    bases.sort();
    bases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_found_and_words_are_not() {
        let found: Vec<_> =
            postcodes("The Council House, Derby, DE1 2FS and SK9 5AF; also EC1A 1BB")
                .map(|m| m.as_str())
                .collect();
        assert_eq!(found, ["DE1 2FS", "SK9 5AF", "EC1A 1BB"]);
        assert_eq!(postcodes("HELLO WORLD AB 12").count(), 0);
        assert_eq!(postcodes("ref A1 1AA1").count(), 0);
    }

    #[test]
    fn ico_registration_numbers() {
        let found: Vec<_> =
            ico_numbers("registered as Z1234567, also ZA123456; not Z123456 or Z12345678")
                .collect();
        assert_eq!(found, ["Z1234567", "ZA123456"]);
    }

    #[test]
    fn phones_are_uk_numbers() {
        let found: Vec<_> = phones(
            "Tel: 0303 123 1113 or 01625 545 745, (01332) 640763, +44 1234 567890; ref 12345",
        )
        .collect();
        assert_eq!(
            found,
            [
                "0303 123 1113",
                "01625 545 745",
                "(01332) 640763",
                "+44 1234 567890"
            ]
        );
        assert_eq!(phones("since 2018 and 1998").count(), 0);
    }

    #[test]
    fn emails_and_links() {
        let found: Vec<_> = emails("email Data.protection@derby.gcsx.gov.uk.").collect();
        assert_eq!(found, ["Data.protection@derby.gcsx.gov.uk"]);
        let links: Vec<_> =
            urls("see <https://www.derby.gov.uk/retention-schedule/>. or www.ico.org.uk.")
                .collect();
        assert_eq!(
            links,
            [
                "https://www.derby.gov.uk/retention-schedule/",
                "www.ico.org.uk"
            ]
        );
        assert_eq!(
            https("www.ico.org.uk").as_deref(),
            Some("https://www.ico.org.uk")
        );
        assert_eq!(https("http://x.example"), None);
    }

    #[test]
    fn dates_are_real_dates() {
        let d = |s| date(s).map(|(d, _)| d.to_string());
        assert_eq!(
            d("Last updated: 1st April 2026").as_deref(),
            Some("2026-04-01")
        );
        assert_eq!(d("Reviewed 03/11/2025").as_deref(), Some("2025-11-03"));
        assert_eq!(d("on 2026-02-05").as_deref(), Some("2026-02-05"));
        assert_eq!(d("31 February 2026"), None);
        assert_eq!(d("April 2026"), None);
        assert_eq!(version("Version 2.1, May 2024"), Some("2.1"));
    }

    #[test]
    fn bases_by_name_and_letter() {
        use LawfulBasis::*;
        assert_eq!(
            lawful_bases("Article 6(1)(e) and 6 (1) (c)"),
            [LegalObligation, PublicTask]
        );
        assert_eq!(lawful_bases("where you have given your consent"), [Consent]);
        assert_eq!(
            lawful_bases("not disclosed without your consent"),
            Vec::<LawfulBasis>::new()
        );
        assert_eq!(
            lawful_bases("we have a legitimate interest in security"),
            [LegitimateInterests]
        );
        assert_eq!(
            lawful_bases("a recognised legitimate interest"),
            [RecognisedLegitimateInterest]
        );
        assert_eq!(
            lawful_bases("to protect your vital interests"),
            [VitalInterests]
        );
        assert_eq!(lawful_bases("required by law"), Vec::<LawfulBasis>::new());
        assert_eq!(
            lawful_bases("Public task (Art. 6(1)(e)): a task"),
            [PublicTask]
        );
    }

    #[test]
    fn special_category_conditions_by_letter() {
        use SpecialCategoryCondition::*;
        assert_eq!(
            special_category_conditions("substantial public interest (Art. 9(2)(g)) and 9 (2) (h)"),
            [SubstantialPublicInterest, HealthSocialCare]
        );
        assert!(special_category_conditions("Article 6(1)(e)").is_empty());
    }

    #[test]
    fn laws_by_name() {
        assert_eq!(
            laws("under Part 6 of the Local Audit and Accountability Act 2014. It"),
            ["Local Audit and Accountability Act 2014"]
        );
        assert_eq!(
            laws("the Data Protection Act 2018 / UK GDPR"),
            ["Data Protection Act 2018"]
        );
    }
}
