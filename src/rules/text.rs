//! Reading prose the way the wording rules need it: sentences with their
//! offsets, whole words, and many phrases found in one pass.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};

/// The sentences of a text with their byte offsets: split after `.`, `!`,
/// `?` or a line break (not after the dot of "Art. 12" or "e.g.").
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    const ABBREVIATIONS: &[&str] = &[
        "art", "arts", "s", "ss", "para", "paras", "sch", "no", "reg", "regs", "e", "g", "i",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b'\n' | b'!' | b'?' => true,
            b'.' => {
                let followed_by_space = bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
                followed_by_space && {
                    let word = text[..i]
                        .rsplit(|c: char| !c.is_ascii_alphanumeric())
                        .next()
                        .unwrap_or("");
                    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
                }
            }
            _ => false,
        };
        if ends {
            out.push((start, &text[start..=i]));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// The words of a sentence that a reader reads: not web addresses, not
/// punctuation on its own.
pub fn word_count(sentence: &str) -> usize {
    if !sentence.is_ascii() {
        return sentence
            .split_whitespace()
            .filter(|w| !w.starts_with("http") && w.chars().any(char::is_alphanumeric))
            .count();
    }
    // The same, a byte at a time: the ASCII characters that are white
    // space (tab to carriage return, and space), and ASCII letters and
    // digits, are the ones `char` calls so.
    sentence
        .as_bytes()
        .split(|b| matches!(b, b'\t'..=b'\r' | b' '))
        .filter(|w| !w.starts_with(b"http") && w.iter().any(u8::is_ascii_alphanumeric))
        .count()
}

/// Whether the text between `before` and `after` is a whole word: no letter
/// or digit runs on into it on either side.
pub fn whole_word(before: &str, after: &str) -> bool {
    !before.ends_with(|c: char| c.is_alphanumeric())
        && !after.starts_with(|c: char| c.is_alphanumeric())
}

/// Whether `word` occurs in `text` as a whole word.
pub fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(i, _)| whole_word(&text[..i], &text[i + word.len()..]))
}

/// Checks of at most this many notices build the phrase automaton as an
/// NFA; more build a DFA.
const FEW_NOTICES: usize = 3;

/// Whether this process checks only a few notices ([`expect_notices`]).
static FEW: AtomicBool = AtomicBool::new(false);

/// Says how many notices this process is about to check, before the
/// first check: the automaton the wording rules search with is built
/// once, on first use, and the right kind depends on how much it will be
/// used. A DFA searches fastest but takes milliseconds to build — most of
/// the time of `noticec check` on one notice — while an NFA is built in a
/// fraction of that and searches a few notices just as well. The kind never
/// changes what is found, only how fast.
pub fn expect_notices(count: usize) {
    if count <= FEW_NOTICES {
        FEW.store(true, Ordering::Relaxed);
    }
}

/// A builder for the phrase automaton, of the kind [`expect_notices`]
/// chose. It matches case as given: the phrases are lower case and
/// [`search`] lowers the text's ASCII letters first, which finds what an
/// ASCII-case-insensitive automaton finds, at the same offsets, and is
/// built in less time (half the transitions, no set of visited states).
fn automaton() -> AhoCorasickBuilder {
    let mut builder = AhoCorasick::builder();
    // Left to itself the crate builds a DFA only for up to 100 phrases,
    // and the book has more (131): a DFA is asked for by name.
    builder.kind(Some(if FEW.load(Ordering::Relaxed) {
        AhoCorasickKind::ContiguousNFA
    } else {
        AhoCorasickKind::DFA
    }));
    builder
}

/// A wording rule's list of phrases, in lower case. Every list is in
/// [`LISTS`], and all of them are searched together: one pass over a text
/// finds every phrase of every list ([`search`]), instead of one pass per
/// rule (for a single notice those passes were a tenth of `noticec check`).
pub struct PhraseList {
    /// The phrases, in the order the rule numbers them.
    pub phrases: fn() -> Vec<&'static str>,
}

/// Every phrase list of the wording rules.
const LISTS: &[&PhraseList] = &[
    &super::current_law::OUTDATED_PHRASES,
    &super::current_law::FORMER_REGULATOR_NAMES,
    &super::rights_request_wording::WRONG_PHRASES,
    &super::implied::SPECIAL_CATEGORY_TERMS,
    &super::implied::CRIMINAL_OFFENCE_TERMS,
    &super::plain_language::JARGON_PHRASES,
    &super::retired_contact::RETIRED_DOMAINS,
    &super::placeholder_link::PLACEHOLDER_PHRASES,
    &super::placeholder_details::PROSE_PLACEHOLDERS,
    &super::cookie_consent::CONSENT_PHRASES,
    &super::cookie_consent::TRACKING_PHRASES,
];

/// One automaton of every phrase of every list, and for each of its
/// patterns the list it comes from and its place there.
struct Book {
    automaton: AhoCorasick,
    owners: Vec<(usize, usize)>,
    /// How many phrases each list has.
    sizes: Vec<usize>,
}

fn book() -> &'static Book {
    static BOOK: std::sync::OnceLock<Book> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| {
        let lists: Vec<Vec<&'static str>> = LISTS.iter().map(|l| (l.phrases)()).collect();
        let owners = lists
            .iter()
            .enumerate()
            .flat_map(|(list, phrases)| (0..phrases.len()).map(move |i| (list, i)))
            .collect();
        let automaton = automaton()
            .build(lists.iter().flatten())
            // The lists are the rules' own constants, tested.
            .unwrap_or_else(|e| panic!("phrase lists: {e}"));
        let sizes = lists.iter().map(Vec::len).collect();
        Book {
            automaton,
            owners,
            sizes,
        }
    })
}

/// Where a list is in [`LISTS`].
fn list_index(list: &PhraseList) -> usize {
    LISTS
        .iter()
        .position(|l| std::ptr::eq(*l, list))
        // Every rule runs in the tests: a list left out fails them.
        .unwrap_or_else(|| panic!("a phrase list is missing from text::LISTS"))
}

/// One phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    list: usize,
    /// The phrase's place in its list.
    pub pattern: usize,
    /// Where it is (ASCII case is ignored, so these are the text's own offsets).
    pub range: Range<usize>,
}

/// Every occurrence of every phrase of every list in `text`, overlapping,
/// in the order they end.
pub fn search(text: &str) -> Vec<Hit> {
    let book = book();
    // ASCII lowercasing keeps every byte where it was.
    book.automaton
        .find_overlapping_iter(&text.to_ascii_lowercase())
        .map(|m| {
            let (list, pattern) = book.owners[m.pattern().as_usize()];
            Hit {
                list,
                pattern,
                range: m.range(),
            }
        })
        .collect()
}

/// The phrases found in one text ([`search`]), read a list at a time.
#[derive(Debug, Clone, Copy)]
pub struct Hits<'h>(pub &'h [Hit]);

impl<'h> Hits<'h> {
    /// Every occurrence of a phrase of `list`, overlapping, in the order
    /// they end: what an overlapping search for that list alone gives.
    pub fn of(self, list: &PhraseList) -> impl Iterator<Item = &'h Hit> + 'h {
        let list = list_index(list);
        self.0.iter().filter(move |h| h.list == list)
    }

    /// Where each phrase of `list` is first found (what `text.find(phrase)`
    /// on the lower-cased text gives), by its place in the list.
    pub fn first_of_each(self, list: &PhraseList) -> Vec<Option<usize>> {
        let mut first = vec![None; book().sizes[list_index(list)]];
        for hit in self.of(list) {
            let slot = &mut first[hit.pattern];
            if slot.is_none_or(|start| hit.range.start < start) {
                *slot = Some(hit.range.start);
            }
        }
        first
    }

    /// The phrases of `list` a leftmost-longest search finds: from the
    /// start, the match that starts first (the longest of those), then the
    /// next that starts after it ends, and so on.
    pub fn leftmost_longest(self, list: &PhraseList) -> Vec<&'h Hit> {
        let mut hits: Vec<&Hit> = self.of(list).collect();
        hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end), h.pattern));
        let mut from = 0;
        hits.retain(|h| {
            let keep = h.range.start >= from;
            if keep {
                from = h.range.end;
            }
            keep
        });
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time count of an ASCII sentence is the count by
    /// characters, for every ASCII byte as a separator or in a word.
    #[test]
    fn ascii_words_count_as_characters_do() {
        let by_chars = |s: &str| {
            s.split_whitespace()
                .filter(|w| !w.starts_with("http") && w.chars().any(char::is_alphanumeric))
                .count()
        };
        for byte in 0u8..0x80 {
            let c = char::from(byte);
            for text in [
                format!("a{c}b"),
                format!("{c}word{c}{c}http://x{c}-{c}"),
                format!("see{c}https://example.gov.uk{c}now, 12 times{c}"),
            ] {
                assert_eq!(word_count(&text), by_chars(&text), "{text:?}");
            }
        }
        assert_eq!(word_count("Two\u{a0}words, and\u{2003}four"), 4);
        assert_eq!(word_count("one \u{b}two"), 2);
    }

    /// The kind of automaton [`expect_notices`] chooses changes how fast
    /// phrases are found, never what is found: every match, overlapping,
    /// in both match kinds the rules use, on a real notice's text.
    #[test]
    fn the_automaton_kind_changes_nothing_found() {
        let text = include_str!("../../examples/seeds/texts/000_bd85e0bc4a7d37c7.txt");
        let phrases = [
            "data protection",
            "the information commissioner",
            "commissioner",
            "eea",
            "european economic area",
            "subject access",
            "access",
            "art. 22",
            "right",
            "rights",
            "you have the right",
            "1998",
            "crime",
            "criminal",
        ];
        let found = |kind: Option<AhoCorasickKind>, leftmost: bool| {
            let mut builder = AhoCorasick::builder();
            builder.ascii_case_insensitive(true).kind(kind);
            if leftmost {
                builder.match_kind(aho_corasick::MatchKind::LeftmostLongest);
                let automaton = builder.build(phrases).expect("builds");
                automaton
                    .find_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.range()))
                    .collect::<Vec<_>>()
            } else {
                let automaton = builder.build(phrases).expect("builds");
                automaton
                    .find_overlapping_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.range()))
                    .collect::<Vec<_>>()
            }
        };
        for leftmost in [false, true] {
            let dfa = found(Some(AhoCorasickKind::DFA), leftmost);
            assert!(dfa.len() >= 5, "{}", dfa.len());
            assert_eq!(found(Some(AhoCorasickKind::ContiguousNFA), leftmost), dfa);
            assert_eq!(found(None, leftmost), dfa);
        }
    }

    /// Texts to search: the real notices' text, and one with every phrase
    /// of every list in it, in mixed case, run together and overlapping.
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seeds/texts"))
                .expect("seed texts")
                .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("text"))
                .collect();
        let phrases: Vec<&str> = LISTS.iter().flat_map(|l| (l.phrases)()).collect();
        let mut every = String::new();
        for (i, p) in phrases.iter().enumerate() {
            every.push_str(&match i % 3 {
                0 => p.to_uppercase(),
                1 => p.to_string(),
                _ => format!("{}{}", &p[..p.len() / 2], p),
            });
            every.push_str(["", " ", ". ", "\n", "x"][i % 5]);
        }
        texts.push(every);
        texts
    }

    /// The phrase book finds, for each list, what that list's own automaton
    /// finds: every overlapping match, the leftmost-longest matches and
    /// each phrase's first place (`str::find` on the lower-cased text).
    #[test]
    fn one_search_finds_what_each_list_would() {
        let texts = texts();
        let mut total = 0;
        for (l, list) in LISTS.iter().enumerate() {
            let phrases = (list.phrases)();
            assert!(
                phrases.iter().all(|p| *p == p.to_ascii_lowercase()),
                "list {l}"
            );
            let build = |kind| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(kind)
                    .build(&phrases)
                    .expect("builds")
            };
            let (standard, leftmost) = (
                build(aho_corasick::MatchKind::Standard),
                build(aho_corasick::MatchKind::LeftmostLongest),
            );
            for text in &texts {
                let found = search(text);
                let hits = Hits(&found);
                let sorted = |mut v: Vec<(usize, Range<usize>)>| {
                    v.sort_by_key(|(p, r)| (r.end, r.start, *p));
                    v
                };
                let expected = sorted(
                    standard
                        .find_overlapping_iter(text)
                        .map(|m| (m.pattern().as_usize(), m.range()))
                        .collect(),
                );
                let got = sorted(
                    hits.of(list)
                        .map(|h| (h.pattern, h.range.clone()))
                        .collect(),
                );
                assert_eq!(got, expected, "list {l}");
                total += got.len();
                let expected: Vec<_> = leftmost
                    .find_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.range()))
                    .collect();
                let got: Vec<_> = hits
                    .leftmost_longest(list)
                    .into_iter()
                    .map(|h| (h.pattern, h.range.clone()))
                    .collect();
                assert_eq!(got, expected, "list {l}, leftmost-longest");
                let lower = text.to_ascii_lowercase();
                let expected: Vec<_> = phrases.iter().map(|p| lower.find(p)).collect();
                assert_eq!(hits.first_of_each(list), expected, "list {l}, first");
            }
        }
        assert!(total > 250, "only {total} matches compared");
    }

    #[test]
    fn splits_sentences_but_not_article_numbers() {
        let s = sentences("see art. 12. then e.g. more");
        assert_eq!(s.len(), 2, "{s:?}");
        let s = sentences("See Art. 12. Then No. 5 applies.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn counts_words_a_reader_reads() {
        assert_eq!(word_count("See https://example.org – it says so."), 4);
    }

    #[test]
    fn finds_whole_words_only() {
        assert!(contains_word("we may charge a fee", "fee"));
        assert!(!contains_word("coffee is free", "fee"));
    }
}
