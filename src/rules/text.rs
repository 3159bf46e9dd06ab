//! Reading prose the way the wording rules need it: sentences with their
//! offsets, whole words, and many phrases found in one pass.

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
                let word = text[..i]
                    .rsplit(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                followed_by_space && !ABBREVIATIONS.contains(&word.as_str())
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
    sentence
        .split_whitespace()
        .filter(|w| !w.starts_with("http") && w.chars().any(char::is_alphanumeric))
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

/// Checks of at most this many notices build their phrase automata as
/// NFAs; more build DFAs.
const FEW_NOTICES: usize = 3;

/// Whether this process checks only a few notices ([`expect_notices`]).
static FEW: AtomicBool = AtomicBool::new(false);

/// Says how many notices this process is about to check, before the
/// first check: the automata every wording rule searches with are built
/// once, on first use, and the right kind depends on how much they will be
/// used. A DFA searches fastest but takes milliseconds to build — most of
/// the time of `noticec check` on one notice — while an NFA is built in a
/// fraction of that and searches a few notices just as well. The kind never
/// changes what is found, only how fast.
pub fn expect_notices(count: usize) {
    if count <= FEW_NOTICES {
        FEW.store(true, Ordering::Relaxed);
    }
}

/// A builder for a rule's phrase automaton: ASCII case ignored (so
/// offsets are the text's own), of the kind [`expect_notices`] chose.
pub fn automaton() -> AhoCorasickBuilder {
    let mut builder = AhoCorasick::builder();
    builder.ascii_case_insensitive(true);
    if FEW.load(Ordering::Relaxed) {
        builder.kind(Some(AhoCorasickKind::ContiguousNFA));
    }
    builder
}

/// A rule's list of phrases, found in one pass over a text (ASCII case
/// ignored) instead of one search per phrase.
pub struct Phrases(AhoCorasick);

impl Phrases {
    /// The phrases, in lower case.
    pub fn new<I, P>(phrases: I) -> Phrases
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        Phrases(
            automaton()
                .build(phrases)
                // The lists are the rules' own constants, tested.
                .unwrap_or_else(|e| panic!("phrase list: {e}")),
        )
    }

    /// Where each phrase is first found in `text` (what `text.find(phrase)`
    /// on the lower-cased text gives), by the phrase's place in the list.
    pub fn first_of_each(&self, text: &str) -> Vec<Option<usize>> {
        let mut first = vec![None; self.0.patterns_len()];
        // Most texts have none of the phrases: a search with prefilters
        // says so quickly; overlapping search (which has none) only where
        // there is something to find.
        if !self.0.is_match(text) {
            return first;
        }
        for found in self.0.find_overlapping_iter(text) {
            let slot = &mut first[found.pattern().as_usize()];
            if slot.is_none() {
                *slot = Some(found.start());
            }
        }
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
