//! Blocks → a notice: what the text says, read as council-notice language,
//! each value with the line it came from.
//!
//! The reading has two levels. A **topic** for each heading ("Why we use
//! your information" → purposes, "Who we share it with" → recipients,
//! "How long …" → retention …) and for the sentence that introduces a list
//! ("… the following categories of personal information:"); then the
//! **facts** of each block: a controller's name, a postcode, an email, a
//! lawful basis named in words or by its Art. 6(1) letter, a date.
//!
//! A list under a purposes topic gives one purpose per item; under data, one
//! data category per item; under recipients, one recipient per item. A
//! heading under a purposes heading (a deeper level, as on a web page)
//! is a purpose, with the blocks under it as its description, and so is a
//! section that states the lawful basis for what it describes. Labelled
//! rows under a purpose ("Lawful basis: …", "Who we share it with: …")
//! fill its fields. A sentence "… may be shared with X" names a recipient
//! and "we may receive information about you from X" a source, both for
//! every purpose that names none of its own. A lawful
//! basis is recorded only where the text ties it: named in the purpose's
//! own words, or stated for the whole notice under a lawful-basis heading or
//! as "our lawful basis is …" (then `[all_purposes]`). Contact details go to
//! the DPO or the regulator when their sentence, or the paragraph before
//! them in the same section, names that office; otherwise to the
//! controller. Nothing is guessed beyond the words: an unsure reading
//! stays prose in `[[sections]]`.

use std::collections::BTreeSet;

use super::patterns;
use super::{Block, BlockKind, Provenance};
use crate::model::{
    AllPurposes, AutomatedDecisions, Complaints, Contact, Controller, ControllerComplaints,
    ControllerKind, DataCategory, DataSource, Dpo, IcoContact, LawfulBasis, Metadata, Notice,
    Provision, ProvisionRequirement, Purpose, Recipient, Retention, RetentionRule, Right, Rights,
    Section, Transfers,
};

/// What a heading or a list's introduction is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Controller,
    Dpo,
    Purposes,
    LawfulBasis,
    Law,
    Data,
    Recipients,
    Sources,
    Retention,
    Transfers,
    Automated,
    Rights,
    Complaints,
    Provision,
}

/// What the recognisers made of the blocks.
#[derive(Debug, Default)]
pub struct Recognised {
    pub notice: Notice,
    pub provenance: Vec<Provenance>,
    /// How many blocks went to `[[sections]]`.
    pub kept_in_sections: usize,
}

fn has_any(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

/// The topic of a heading, a label ("Lawful basis"), or a list's introduction.
pub fn topic(text: &str) -> Option<Topic> {
    let lower = text.to_lowercase().replace('’', "'");
    let lower = lower.as_str();
    if has_any(lower, &["complain"]) {
        return Some(Topic::Complaints);
    }
    // A page's social sharing buttons, not who the data goes to.
    if lower.starts_with("share this")
        || lower.starts_with("share on")
        || lower.starts_with("share page")
    {
        return None;
    }
    if has_any(lower, &["automated", "automatic decision", "profiling"]) {
        return Some(Topic::Automated);
    }
    if has_any(lower, &["your rights", "rights", "your right "]) {
        return Some(Topic::Rights);
    }
    if has_any(
        lower,
        &[
            "how long",
            "retention",
            "retain",
            "keep it",
            "keep your information for",
        ],
    ) {
        return Some(Topic::Retention);
    }
    if has_any(
        lower,
        &[
            "outside the uk",
            "outside of the uk",
            "overseas",
            "european economic area",
            "outside the eea",
            "outside europe",
            "outside the european",
            "abroad",
            "international transfer",
            "transfers",
        ],
    ) {
        return Some(Topic::Transfers);
    }
    if has_any(lower, &["data protection officer"]) {
        return Some(Topic::Dpo);
    }
    if has_any(
        lower,
        &[
            "lawful basis",
            "legal basis",
            "lawful bases",
            "legal bases",
            "lawful reason",
            "legal reason",
            "lawful grounds",
        ],
    ) {
        return Some(Topic::LawfulBasis);
    }
    if lower.trim() == "the law" || lower.trim() == "law" {
        return Some(Topic::Law);
    }
    if has_any(
        lower,
        &[
            "share",
            "sharing",
            "who has access",
            "recipient",
            "disclos",
            "pass your",
            "who we give",
            "who do we give",
        ],
    ) {
        return Some(Topic::Recipients);
    }
    if has_any(
        lower,
        &[
            "obtained from",
            "where we get",
            "where do we get",
            "comes from",
            "where it comes",
            "source",
            "from third part",
            "from other organisations",
        ],
    ) {
        return Some(Topic::Sources);
    }
    if has_any(
        lower,
        &[
            "do you have to",
            "fail to provide",
            "if you do not provide",
            "if you don't provide",
            "if you don't give",
            "have to give",
            "if you do not give",
            "must you give",
        ],
    ) {
        return Some(Topic::Provision);
    }
    if has_any(
        lower,
        &[
            "what information",
            "types of information",
            "type of information",
            "what data",
            "what personal data",
            "information we collect",
            "information we hold",
            "information we use",
            "data we collect",
            "data we hold",
            "categories of",
            "what is personal data",
            "what we collect",
            "kinds of information",
            "kind of personal",
            "kinds of personal",
            "what personal information",
            "personal information do we",
            "personal data do we",
            "information do we process",
            "information do we collect",
            "information do we hold",
        ],
    ) {
        return Some(Topic::Data);
    }
    if has_any(
        lower,
        &[
            "why we",
            "why do we",
            "how we use",
            "how do we use",
            "how is your information used",
            "how we will use",
            "using your",
            "use your",
            "use of your",
            "purpose",
            "what we do with",
            "how your information is used",
            "use information about you",
        ],
    ) {
        return Some(Topic::Purposes);
    }
    if has_any(
        lower,
        &[
            "who we are",
            "about us",
            "contact us",
            "data controller",
            "who is the controller",
            "contact details",
        ],
    ) {
        return Some(Topic::Controller);
    }
    None
}

/// The topic of the sentence that introduces a list, read from what it says
/// the list is ("the following categories of personal information:").
fn intro_topic(text: &str) -> Option<Topic> {
    let lower = text.to_lowercase().replace('’', "'");
    let lower = lower.as_str();
    // The last sentence is the one that introduces the list.
    let last = lower
        .trim_end()
        .trim_end_matches([':', ';', '.'])
        .rsplit(". ")
        .next()
        .unwrap_or(lower);
    if has_any(
        last,
        &[
            "share your",
            "share the",
            "share information",
            "share personal",
            "recipients",
            "disclose",
            "pass your information",
            "pass information",
            "passed to",
            "third parties",
            "shared with",
            "organisations we share",
        ],
    ) {
        return Some(Topic::Recipients);
    }
    if has_any(
        last,
        &[
            "categories of",
            "information processed",
            "types of information",
            "types of personal",
            "kinds of information",
            "information we collect",
            "information we hold",
            "information we process",
            "data we collect",
            "data we hold",
            "information includes",
            "information may include",
            "information about you includes",
            "data includes",
            "kinds of personal",
            "kind of personal",
            "types of data",
        ],
    ) {
        return Some(Topic::Data);
    }
    if has_any(
        last,
        &[
            "receive information",
            "receive personal information",
            "obtain information",
            "get information about you from",
        ],
    ) {
        return Some(Topic::Sources);
    }
    if has_any(
        last,
        &[
            "your rights",
            "the right to",
            "right to",
            "you can ask us to",
        ],
    ) {
        return Some(Topic::Rights);
    }
    if has_any(
        last,
        &[
            "purposes",
            "purpose",
            "use your information",
            "use the information",
            "use your personal",
            "use personal",
            "we use information",
            "use any personal information",
            "we use it to",
            "we will use",
            "we may use",
            "specifically to",
        ],
    ) {
        return Some(Topic::Purposes);
    }
    None
}

/// A short, unique, kebab-case id from a text.
/// The ids given so far, and the next number to try for each base, so
/// that ten thousand "purpose" headings number in linear time.
#[derive(Default)]
struct Ids {
    taken: BTreeSet<String>,
    next: std::collections::BTreeMap<String, usize>,
}

fn slug(text: &str, ids: &mut Ids, fallback: &str) -> String {
    let mut words = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
    {
        if matches!(
            word.as_str(),
            "the"
                | "a"
                | "an"
                | "of"
                | "to"
                | "for"
                | "and"
                | "or"
                | "in"
                | "our"
                | "your"
                | "we"
                | "you"
        ) && !words.is_empty()
        {
            continue;
        }
        words.push(
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>(),
        );
        if words.len() == 4 {
            break;
        }
    }
    words.retain(|w: &String| !w.is_empty());
    let base = if words.is_empty() {
        fallback.to_string()
    } else {
        words.join("-")
    };
    let mut n = ids.next.get(&base).copied().unwrap_or(1);
    let mut id = if n == 1 {
        base.clone()
    } else {
        format!("{base}-{n}")
    };
    while ids.taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    ids.next.insert(base, n + 1);
    ids.taken.insert(id.clone());
    id
}

/// Words that mark special category data (Art. 9(1)).
const SPECIAL: &[&str] = &[
    "health",
    "medical",
    "disabilit",
    "racial",
    "ethnic",
    "religio",
    "philosophical",
    "political",
    "trade union",
    "genetic",
    "biometric",
    "sex life",
    "sexual orientation",
    "sexuality",
    "special categor",
    "sensitive",
];
/// Words that mark criminal offence data (Art. 10).
const CRIMINAL: &[&str] = &["criminal", "offence", "conviction", "offender"];

/// The heading each block is under, and whether that heading is a purpose.
struct Layout {
    /// For each block: the index of its heading, if any.
    heading_of: Vec<Option<usize>>,
    /// For each block: the topic of its heading.
    topic_of: Vec<Option<Topic>>,
    /// Headings that are purposes (under a purposes heading, a level deeper).
    purpose_heading: Vec<bool>,
    /// The title block.
    title: Option<usize>,
}

fn layout(blocks: &[Block]) -> Layout {
    let n = blocks.len();
    let mut heading_of = vec![None; n];
    let mut topic_of = vec![None; n];
    let mut purpose_heading = vec![false; n];
    let title = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading(1))
        .filter(|&i| blocks[..i].iter().all(|b| !b.is_heading()))
        .or_else(|| blocks.first().filter(|b| b.is_heading()).map(|_| 0));
    // Open headings: (level, index, topic).
    let mut open: Vec<(u8, usize, Option<Topic>)> = Vec::new();
    let mut current: Option<usize> = None;
    let mut current_topic: Option<Topic> = None;
    for (i, block) in blocks.iter().enumerate() {
        if let BlockKind::Heading(level) = block.kind {
            while open.last().is_some_and(|(l, ..)| *l >= level) {
                open.pop();
            }
            let own = topic(&block.text);
            let parent = open
                .iter()
                .rev()
                .find(|(l, j, _)| *l >= 2 && Some(*j) != title)
                .copied();
            let under_purposes =
                parent.is_some_and(|(l, _, t)| t == Some(Topic::Purposes) && level > l);
            if Some(i) != title && under_purposes && own.is_none_or(|t| t == Topic::Purposes) {
                purpose_heading[i] = true;
            }
            open.push((level, i, own));
            current = Some(i);
            current_topic = if purpose_heading[i] {
                Some(Topic::Purposes)
            } else {
                own.or_else(|| parent.and_then(|(_, _, t)| t))
            };
            if Some(i) == title {
                current_topic = None;
            }
            heading_of[i] = Some(i);
            topic_of[i] = current_topic;
            continue;
        }
        heading_of[i] = current;
        topic_of[i] = current_topic;
    }
    // The title's own words can be a topic too ("How we use your
    // information"): blocks right under it take it.
    if let Some(t) = title {
        let title_topic = topic(&blocks[t].text);
        for i in t + 1..n {
            if heading_of[i] == Some(t) {
                topic_of[i] = title_topic;
            }
        }
    }
    Layout {
        heading_of,
        topic_of,
        purpose_heading,
        title,
    }
}

/// How many contact details or "shared with" phrases are read from one
/// block: a real paragraph has a few; reading a hostile one's thousands,
/// each looking back for its sentence, would take quadratic time. The
/// rest stay in the block's words.
const DETAILS_PER_BLOCK: usize = 50;

/// Which list a name is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Named {
    Category,
    Recipient,
}

/// The state of the reading.
struct Reader<'a> {
    blocks: &'a [Block],
    layout: Layout,
    consumed: Vec<bool>,
    notice: Notice,
    provenance: Vec<Provenance>,
    ids: Ids,
    /// Categories and recipients without a description, by lowercased
    /// name: a name said again is the same entry.
    named: std::collections::HashMap<(Named, String), usize>,
    /// Whose each block's words name (the DPO, the regulator, the
    /// council), read once.
    owners: Vec<Option<Owner>>,
    /// The list items read as a data category or recipient: its id.
    entry_of_block: std::collections::HashMap<usize, (Named, String)>,
    /// For each purpose: the block of its heading or item.
    purpose_scope: Vec<Option<usize>>,
}

fn quote(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut out: String = line.chars().take(70).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

impl<'a> Reader<'a> {
    fn note(&mut self, key: impl Into<String>, block: usize) {
        let b = &self.blocks[block];
        self.provenance.push(Provenance {
            key: key.into(),
            line: b.line,
            quote: quote(&b.text),
        });
    }

    fn note_quote(&mut self, key: impl Into<String>, block: usize, words: &str) {
        self.provenance.push(Provenance {
            key: key.into(),
            line: self.blocks[block].line_of(words),
            quote: quote(words),
        });
    }

    fn section_of(&self, i: usize) -> Option<usize> {
        self.layout.heading_of[i]
    }

    fn controller(&mut self) -> &mut Controller {
        self.notice.controller.get_or_insert_with(Default::default)
    }
}

/// Reads the blocks of a notice.
pub fn recognise(blocks: &[Block]) -> Recognised {
    let layout = layout(blocks);
    let mut r = Reader {
        blocks,
        consumed: vec![false; blocks.len()],
        layout,
        notice: Notice::default(),
        provenance: Vec::new(),
        ids: Ids::default(),
        named: std::collections::HashMap::new(),
        entry_of_block: std::collections::HashMap::new(),
        owners: blocks.iter().map(|b| owner_in(&b.text)).collect(),
        purpose_scope: Vec::new(),
    };
    title_and_dates(&mut r);
    purpose_headings(&mut r);
    lists(&mut r);
    data_paragraphs(&mut r);
    section_purposes(&mut r);
    contacts(&mut r);
    statements(&mut r);
    purpose_facts(&mut r);
    shared_with(&mut r);
    notice_wide(&mut r);
    let kept = sections(&mut r);
    if r.notice.all_purposes.as_ref().is_some_and(|a| {
        a.lawful_bases.is_none()
            && a.law.is_none()
            && a.recipients.is_none()
            && a.data_categories.is_none()
            && a.from_person.is_none()
            && a.other_sources.is_none()
            && a.provision.is_none()
    }) {
        r.notice.all_purposes = None;
    }
    Recognised {
        notice: r.notice,
        provenance: r.provenance,
        kept_in_sections: kept,
    }
}

fn title_and_dates(r: &mut Reader) {
    let mut meta = Metadata::default();
    if let Some(t) = r.layout.title {
        meta.title = Some(r.blocks[t].text.clone());
        r.consumed[t] = true;
        r.note("notice.title", t);
    }
    for (i, block) in r.blocks.iter().enumerate() {
        let lower = block.text.to_lowercase();
        if meta.last_updated.is_none()
            && has_any(
                &lower,
                &[
                    "last updated",
                    "last reviewed",
                    "updated on",
                    "date of last",
                    "last revised",
                    "reviewed on",
                    "published",
                    "this notice was updated",
                    "updated:",
                ],
            )
            && let Some((date, words)) = patterns::date(&block.text)
            && let Ok(value) = date.to_string().parse::<toml::value::Datetime>()
        {
            meta.last_updated = Some(value);
            r.provenance.push(Provenance {
                key: "notice.last_updated".into(),
                line: block.line_of(words),
                quote: quote(words),
            });
        }
        if meta.version.is_none()
            && let Some(version) = patterns::version(&block.text)
        {
            meta.version = Some(version.to_string());
            r.provenance.push(Provenance {
                key: "notice.version".into(),
                line: block.line,
                quote: quote(&block.text),
            });
        }
        let _ = i;
    }
    if meta.title.is_some() || meta.last_updated.is_some() || meta.version.is_some() {
        r.notice.notice = Some(meta);
    }
}

/// Headings under a purposes heading: one purpose each, its description the
/// blocks under it.
fn purpose_headings(r: &mut Reader) {
    for i in 0..r.blocks.len() {
        if !r.layout.purpose_heading[i] {
            continue;
        }
        let name = r.blocks[i].text.clone();
        let id = slug(&name, &mut r.ids, "purpose");
        let mut description = Vec::new();
        let mut j = i + 1;
        while j < r.blocks.len() && r.layout.heading_of[j] == Some(i) {
            description.push(j);
            j += 1;
        }
        let k = r.notice.purposes.len();
        r.notice.purposes.push(Purpose {
            id: Some(id),
            name: Some(name),
            description: (!description.is_empty()).then(|| markdown_of(r.blocks, &description)),
            ..Default::default()
        });
        r.purpose_scope.push(Some(i));
        r.consumed[i] = true;
        for &d in &description {
            r.consumed[d] = true;
        }
        r.note(format!("purposes.{k}"), i);
    }
}

/// Runs of list items: purposes, data categories, recipients or rights,
/// by what introduces them.
fn lists(r: &mut Reader) {
    let n = r.blocks.len();
    let mut i = 0;
    while i < n {
        if r.blocks[i].kind != BlockKind::ListItem || r.consumed[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < n
            && r.blocks[i].kind == BlockKind::ListItem
            && r.section_of(i) == r.section_of(start)
            && !r.consumed[i]
        {
            i += 1;
        }
        let run: Vec<usize> = (start..i).collect();
        let intro = start.checked_sub(1).filter(|&p| {
            r.blocks[p].kind == BlockKind::Paragraph && r.section_of(p) == r.section_of(start)
        });
        let heading_topic = r.layout.topic_of[start];
        let topic = intro
            .and_then(|p| intro_topic(&r.blocks[p].text))
            .or(heading_topic);
        // Whether the list is the notice's own statement for all purposes:
        // straight under a heading of its topic.
        let notice_wide = heading_topic == topic
            && r.section_of(start)
                .is_some_and(|h| !r.layout.purpose_heading[h]);
        match topic {
            Some(Topic::Purposes) => {
                for &item in &run {
                    let name = r.blocks[item].text.clone();
                    let id = slug(&name, &mut r.ids, "purpose");
                    let k = r.notice.purposes.len();
                    r.notice.purposes.push(Purpose {
                        id: Some(id),
                        name: Some(name),
                        ..Default::default()
                    });
                    r.purpose_scope.push(Some(item));
                    r.consumed[item] = true;
                    r.note(format!("purposes.{k}"), item);
                }
            }
            Some(Topic::Data) => {
                let mut ids = Vec::new();
                for &item in &run {
                    let (name, description) = split_lead(&r.blocks[item]);
                    let lower = r.blocks[item].text.to_lowercase();
                    // Named again in another list: the same category.
                    if description.is_none()
                        && let Some(&k) = r.named.get(&(Named::Category, name.to_lowercase()))
                        && let Some(id) = r.notice.data_categories[k].id.clone()
                    {
                        r.entry_of_block.insert(item, (Named::Category, id.clone()));
                        ids.push(id);
                        r.consumed[item] = true;
                        r.note(format!("data_categories.{k}"), item);
                        continue;
                    }
                    let id = slug(&name, &mut r.ids, "data");
                    let k = r.notice.data_categories.len();
                    if description.is_none() {
                        r.named.insert((Named::Category, name.to_lowercase()), k);
                    }
                    r.notice.data_categories.push(DataCategory {
                        id: Some(id.clone()),
                        name: Some(name),
                        description,
                        special_category: has_any(&lower, SPECIAL),
                        criminal_offence: has_any(&lower, CRIMINAL),
                    });
                    r.entry_of_block.insert(item, (Named::Category, id.clone()));
                    ids.push(id);
                    r.consumed[item] = true;
                    r.note(format!("data_categories.{k}"), item);
                }
                if notice_wide {
                    let all = r.notice.all_purposes.get_or_insert_with(Default::default);
                    all.data_categories.get_or_insert_with(Vec::new).extend(ids);
                    r.note("all_purposes.data_categories", intro.unwrap_or(start));
                }
            }
            Some(Topic::Recipients) => {
                let mut ids = Vec::new();
                for &item in &run {
                    let (name, description) = split_lead(&r.blocks[item]);
                    if description.is_none()
                        && let Some(&k) = r.named.get(&(Named::Recipient, name.to_lowercase()))
                        && let Some(id) = r.notice.recipients[k].id.clone()
                    {
                        r.entry_of_block
                            .insert(item, (Named::Recipient, id.clone()));
                        ids.push(id);
                        r.consumed[item] = true;
                        r.note(format!("recipients.{k}"), item);
                        continue;
                    }
                    let id = slug(&name, &mut r.ids, "recipient");
                    let k = r.notice.recipients.len();
                    if description.is_none() {
                        r.named.insert((Named::Recipient, name.to_lowercase()), k);
                    }
                    r.notice.recipients.push(Recipient {
                        id: Some(id.clone()),
                        name: Some(name),
                        description,
                    });
                    r.entry_of_block
                        .insert(item, (Named::Recipient, id.clone()));
                    ids.push(id);
                    r.consumed[item] = true;
                    r.note(format!("recipients.{k}"), item);
                }
                if notice_wide {
                    let all = r.notice.all_purposes.get_or_insert_with(Default::default);
                    all.recipients.get_or_insert_with(Vec::new).extend(ids);
                    r.note("all_purposes.recipients", intro.unwrap_or(start));
                }
            }
            _ => {}
        }
    }
}

/// A section that states the lawful basis for what it describes
/// ("Visiting … we are permitted to collect information this way because
/// we have a legitimate interest") is a purpose: its heading the name, its
/// paragraphs the description, the data and recipients listed in it its
/// own. Sections about the notice's parts (rights, retention, the lawful
/// basis of the whole notice, the list of purposes) are not.
fn section_purposes(r: &mut Reader) {
    const CUES: &[&str] = &[
        "permitted",
        "because",
        "lawful basis",
        "legal basis",
        "we rely on",
        "relies on",
        "on the basis of",
        "basis for",
        "it is in our legitimate",
        "we have a legitimate interest",
        "with your consent",
        "your vital interest",
    ];
    let n = r.blocks.len();
    for h in 0..n {
        if !r.blocks[h].is_heading()
            || r.consumed[h]
            || Some(h) == r.layout.title
            || r.layout.purpose_heading[h]
        {
            continue;
        }
        if matches!(
            topic(&r.blocks[h].text),
            Some(
                Topic::LawfulBasis
                    | Topic::Rights
                    | Topic::Retention
                    | Topic::Transfers
                    | Topic::Automated
                    | Topic::Dpo
                    | Topic::Controller
                    | Topic::Purposes
                    | Topic::Data
                    | Topic::Provision
                    | Topic::Sources
                    | Topic::Law
            )
        ) {
            continue;
        }
        let members: Vec<usize> = (h + 1..n)
            .take_while(|&j| r.layout.heading_of[j] == Some(h))
            .collect();
        let states_basis = members.iter().any(|&j| {
            let block = &r.blocks[j];
            let lower = block.text.to_lowercase().replace('’', "'");
            !r.consumed[j]
                && block.kind == BlockKind::Paragraph
                && has_any(&lower, CUES)
                && !patterns::lawful_bases(&block.text).is_empty()
        });
        if !states_basis {
            continue;
        }
        let description: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&j| !r.consumed[j])
            .collect();
        let own = |kind: Named| -> Option<Vec<String>> {
            let ids: Vec<String> = members
                .iter()
                .filter_map(|j| r.entry_of_block.get(j))
                .filter(|(k, _)| *k == kind)
                .map(|(_, id)| id.clone())
                .collect();
            (!ids.is_empty()).then_some(ids)
        };
        let data_categories = own(Named::Category);
        let recipients = own(Named::Recipient);
        let name = r.blocks[h].text.clone();
        let id = slug(&name, &mut r.ids, "purpose");
        let k = r.notice.purposes.len();
        r.notice.purposes.push(Purpose {
            id: Some(id),
            name: Some(name),
            description: (!description.is_empty()).then(|| markdown_of(r.blocks, &description)),
            data_categories: data_categories.clone(),
            recipients: recipients.clone(),
            ..Default::default()
        });
        r.layout.purpose_heading[h] = true;
        r.purpose_scope.push(Some(h));
        r.consumed[h] = true;
        for &d in &description {
            r.consumed[d] = true;
        }
        r.note(format!("purposes.{k}"), h);
        if data_categories.is_some() {
            r.note(format!("purposes.{k}.data_categories"), h);
        }
        if recipients.is_some() {
            r.note(format!("purposes.{k}.recipients"), h);
        }
    }
}

/// Paragraphs under a heading about the data that say what it includes
/// ("Personal data is basic details such as name, address …"): one data
/// category each, in its own words, for the whole notice.
fn data_paragraphs(r: &mut Reader) {
    for i in 0..r.blocks.len() {
        let block = &r.blocks[i];
        let heading_topic = r.section_of(i).and_then(|h| topic(&r.blocks[h].text));
        let introduces_list = r
            .blocks
            .get(i + 1)
            .is_some_and(|next| next.kind == BlockKind::ListItem);
        if block.kind != BlockKind::Paragraph
            || r.consumed[i]
            || r.in_purpose_heading(i)
            || heading_topic != Some(Topic::Data)
            || introduces_list
        {
            continue;
        }
        let lower = block.text.to_lowercase();
        if !has_any(
            &lower,
            &["such as", "include", "including", "for example", "e.g."],
        ) {
            continue;
        }
        let name = block.text.clone();
        let id = slug(&name, &mut r.ids, "data");
        let k = r.notice.data_categories.len();
        r.notice.data_categories.push(DataCategory {
            id: Some(id.clone()),
            name: Some(name),
            description: None,
            special_category: has_any(&lower, SPECIAL),
            criminal_offence: has_any(&lower, CRIMINAL),
        });
        r.notice
            .all_purposes
            .get_or_insert_with(AllPurposes::default)
            .data_categories
            .get_or_insert_with(Vec::new)
            .push(id);
        r.consumed[i] = true;
        r.note(format!("data_categories.{k}"), i);
    }
}

/// Who a sentence says information is shared with: "… may be shared with
/// the police or emergency services", "we pass your information to …".
/// Said outside any purpose, they are the notice's recipients for every
/// purpose, unless a list already said so.
fn shared_with(r: &mut Reader) {
    static SHARED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:(?:shared|passed(?: on)?|disclosed|given|sent|provided)\s+(?:with|to|onto)|(?:share|pass|disclose|give|send)\s+(?:on\s+)?(?:[a-z]+\s+){0,3}?(?:information|data|details|images|records|it|them)\s+(?:on\s+)?(?:with|to|onto))\s+",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    let said_by_list = r
        .notice
        .all_purposes
        .as_ref()
        .is_some_and(|a| a.recipients.is_some());
    let scoped: BTreeSet<usize> = r.purpose_scope.iter().flatten().copied().collect();
    let mut ids = Vec::new();
    for i in 0..r.blocks.len() {
        let block = &r.blocks[i];
        if block.is_heading()
            || block.kind == BlockKind::ListItem
            || r.in_purpose_heading(i)
            || scoped.contains(&i)
        {
            continue;
        }
        let text = block.text.clone();
        let mut found: Vec<String> = Vec::new();
        for m in SHARED.find_iter(&text).take(DETAILS_PER_BLOCK) {
            let sentence = sentence_at(&text, m.start()).to_lowercase();
            if has_any(
                &sentence,
                &[" not ", "n't ", " never ", " no ", "without your", "unless"],
            ) {
                continue;
            }
            let rest = &text[m.end()..];
            let name = recipient_phrase(rest);
            let first = name
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let not_a_name = matches!(
                first.as_str(),
                "" | "and"
                    | "or"
                    | "but"
                    | "you"
                    | "we"
                    | "us"
                    | "it"
                    | "them"
                    | "which"
                    | "who"
                    | "that"
                    | "this"
                    | "following"
                    | "those"
                    | "these"
                    | "any"
            ) || name.to_lowercase().starts_with("the following")
                || has_any(&name.to_lowercase(), &["shared", "disclosed", "passed"]);
            if !not_a_name && name.chars().any(char::is_alphabetic) {
                found.push(name);
            }
        }
        for name in found {
            let key = (Named::Recipient, name.to_lowercase());
            if r.named.contains_key(&key) {
                continue;
            }
            r.named.insert(key, r.notice.recipients.len());
            let id = slug(&name, &mut r.ids, "recipient");
            let k = r.notice.recipients.len();
            r.notice.recipients.push(Recipient {
                id: Some(id.clone()),
                name: Some(name.clone()),
                description: None,
            });
            r.note_quote(format!("recipients.{k}"), i, &text);
            ids.push((id, i));
        }
    }
    if !said_by_list && !ids.is_empty() {
        let at = ids[0].1;
        r.notice
            .all_purposes
            .get_or_insert_with(AllPurposes::default)
            .recipients = Some(ids.into_iter().map(|(id, _)| id).collect());
        r.note("all_purposes.recipients", at);
    }
}

/// The recipient named at the start of `rest`: up to the end of the clause
/// (a comma, a full stop, or a lowercase "for", "to", "where" … that starts
/// the reason, not a name's "for" as in "Department for Work").
fn recipient_phrase(rest: &str) -> String {
    let mut end = rest.len();
    for stop in [",", ".", ";", ":", " (", " –", " - ", "\n"] {
        if let Some(at) = rest.find(stop) {
            end = end.min(at);
        }
    }
    for word in [
        " for ",
        " to ",
        " as ",
        " where ",
        " when ",
        " if ",
        " so ",
        " in order",
        " unless ",
        " who ",
        " which ",
        " that ",
        " because ",
        " under ",
        " in ",
        " on ",
        " about ",
    ] {
        if let Some(at) = rest[..end].find(word) {
            let next = rest[at + word.len()..].chars().next();
            if next.is_some_and(char::is_lowercase)
                || word.trim() == "who"
                || word.trim() == "which"
                || word.trim() == "that"
            {
                end = end.min(at);
            }
        }
    }
    rest[..end].trim().to_string()
}

/// "Name: what it is" → the name and the rest, when the part before the
/// colon is short enough to be a name.
fn split_label(text: &str) -> (String, Option<String>) {
    if let Some((name, rest)) = text.split_once(": ")
        && name.split_whitespace().count() <= 8
        && !rest.trim().is_empty()
    {
        return (name.trim().to_string(), Some(rest.trim().to_string()));
    }
    (text.to_string(), None)
}

/// "**Name**: what it is" → the name and the rest; otherwise the whole item.
fn split_lead(block: &Block) -> (String, Option<String>) {
    if let Some(lead) = &block.lead
        && let Some(rest) = block.text.strip_prefix(lead.as_str())
    {
        let rest = rest.trim_start_matches([':', ' ', '–', '-']).trim();
        let name = lead.trim_end_matches(':').trim().to_string();
        if !name.is_empty() {
            return (name, (!rest.is_empty()).then(|| rest.to_string()));
        }
    }
    (block.text.clone(), None)
}

/// Who a contact detail belongs to, from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Controller,
    Dpo,
    Regulator,
}

fn owner_in(text: &str) -> Option<Owner> {
    let lower = text.to_lowercase();
    let word = |w: &str| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    if (word("ico")
        || has_any(
            &lower,
            &[
                "information commissioner",
                "ico.org.uk",
                "wycliffe",
                "information commission",
                "supervisory authority",
            ],
        ))
        && !has_any(&lower, &["data protection officer"])
    {
        return Some(Owner::Regulator);
    }
    // Only the office by name: an "information governance" team is not
    // the DPO unless the text says so.
    if lower.contains("data protection officer") || word("dpo") {
        return Some(Owner::Dpo);
    }
    if has_any(
        &lower,
        &[
            "contact us",
            "write to us",
            "email us",
            "call us",
            "phone us",
            "ring us",
            "reach us",
        ],
    ) {
        return Some(Owner::Controller);
    }
    None
}

/// The sentence of `text` around byte `at`.
fn sentence_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = text[at..].find(". ").map_or(text.len(), |i| at + i + 1);
    &text[start..end]
}

/// The owner of a detail at `at` in block `i`: named in its sentence, else
/// in the paragraphs before it in the same section.
fn owner_of(r: &Reader, i: usize, at: usize) -> Owner {
    let text = &r.blocks[i].text;
    if let Some(owner) = owner_in(sentence_at(text, at)) {
        return owner;
    }
    let mut j = i;
    while j > 0 {
        j -= 1;
        if r.blocks[j].is_heading() || r.section_of(j) != r.section_of(i) {
            if r.blocks[j].is_heading()
                && let Some(owner) = r.owners[j]
            {
                return owner;
            }
            break;
        }
        if let Some(owner) = r.owners[j] {
            return owner;
        }
        if i - j > 6 {
            break;
        }
    }
    if r.layout.topic_of[i] == Some(Topic::Dpo) {
        return Owner::Dpo;
    }
    Owner::Controller
}

/// The generic words that are not a council's name on their own.
const GENERIC: &[&str] = &[
    "The", "This", "Our", "Your", "A", "Each", "Every", "Local", "City", "County", "Borough",
    "District", "Town", "Parish", "Combined", "Unitary", "Any", "Other", "All",
];

/// The first council name ("Derby City Council") in a text.
fn council_name(text: &str) -> Option<&str> {
    static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b((?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*,? (?:and |upon |on |of )?){1,5}(?:Council|Combined Authority|Fire Authority|Fire and Rescue Authority|Authority))\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    NAME.find_iter(text).map(|m| m.as_str()).find(|name| {
        name.split_whitespace()
            .filter(|w| {
                !matches!(
                    *w,
                    "Council"
                        | "Authority"
                        | "Combined"
                        | "Fire"
                        | "and"
                        | "Rescue"
                        | "upon"
                        | "on"
                        | "of"
                )
            })
            .any(|w| !GENERIC.contains(&w.trim_end_matches(',')))
    })
}

/// The address that ends at a postcode: the words after "address is" or a
/// label ("By post:"), or the comma-separated part of the sentence.
fn address_at(text: &str, m: &regex::Match) -> String {
    let before = &text[..m.start()];
    let start = before.rfind(". ").map_or(0, |i| i + 2);
    let mut segment = &text[start..m.end()];
    let lower = segment.to_ascii_lowercase();
    for marker in [
        "address is ",
        "write to us at ",
        "write to ",
        "address: ",
        "post: ",
        "post to ",
        " at: ",
        "located at ",
        "based at ",
        "find us at ",
        "we are ",
        ": ",
    ] {
        if let Some(at) = lower.rfind(marker) {
            segment = &segment[at + marker.len()..];
            break;
        }
    }
    let lines: Vec<&str> = segment
        .split('\n')
        .map(|l| l.trim().trim_end_matches(','))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(", ")
}

fn contacts(r: &mut Reader) {
    let mut controller = Contact::default();
    let mut dpo = Contact::default();
    let mut marks: Vec<(String, usize, String)> = Vec::new();
    let mut public_authority: Option<usize> = None;
    let mut registration: Option<(String, usize)> = None;
    let mut name: Option<(String, usize)> = None;
    if let Some(t) = r.layout.title
        && let Some(n) = council_name(&r.blocks[t].text)
    {
        name = Some((n.to_string(), t));
    }
    for i in 0..r.blocks.len() {
        let text = r.blocks[i].text.clone();
        let lower = text.to_lowercase();
        if name.is_none()
            && (r.layout.topic_of[i] == Some(Topic::Controller)
                || has_any(
                    &lower,
                    &[
                        "we are ",
                        " is the data controller",
                        "controller",
                        " is the local",
                        " is a local",
                        " is responsible for",
                    ],
                ))
            && let Some(n) = council_name(&text)
        {
            name = Some((n.to_string(), i));
        }
        if public_authority.is_none()
            && has_any(
                &lower,
                &[
                    "public authority",
                    "public body",
                    "local authority",
                    "local government",
                ],
            )
        {
            public_authority = Some(i);
        }
        if registration.is_none()
            && let Some(z) = patterns::ico_numbers(&text).next()
        {
            registration = Some((z.to_string(), i));
        }
        for m in patterns::postcodes(&text).take(DETAILS_PER_BLOCK) {
            let owner = owner_of(r, i, m.start());
            let target = match owner {
                Owner::Controller => &mut controller,
                Owner::Dpo => &mut dpo,
                Owner::Regulator => continue,
            };
            if target.address.is_none() {
                target.address = Some(address_at(&text, &m));
                marks.push((
                    format!("{}.address", key_of(owner)),
                    i,
                    m.as_str().to_string(),
                ));
            }
        }
        for email in patterns::emails(&text).take(DETAILS_PER_BLOCK) {
            let at = text.find(email).unwrap_or(0);
            let local = email.to_lowercase();
            // The words around an address say whose it is; its name does
            // not ("data.protection@" may be a team, not the DPO).
            let owner = if local.contains("ico.org.uk") {
                Owner::Regulator
            } else if local.starts_with("dpo@") {
                Owner::Dpo
            } else {
                owner_of(r, i, at)
            };
            let target = match owner {
                Owner::Controller => &mut controller,
                Owner::Dpo => &mut dpo,
                Owner::Regulator => continue,
            };
            if target.email.is_none() {
                target.email = Some(email.to_string());
                marks.push((format!("{}.email", key_of(owner)), i, email.to_string()));
            }
        }
        for phone in patterns::phones(&text).take(DETAILS_PER_BLOCK) {
            let at = text.find(phone).unwrap_or(0);
            let owner = if crate::law::regulator::is_regulator_phone(phone) {
                Owner::Regulator
            } else {
                owner_of(r, i, at)
            };
            let target = match owner {
                Owner::Controller => &mut controller,
                Owner::Dpo => &mut dpo,
                Owner::Regulator => continue,
            };
            if target.phone.is_none() {
                target.phone = Some(phone.to_string());
                marks.push((format!("{}.phone", key_of(owner)), i, phone.to_string()));
            }
        }
        for url in patterns::urls(&text).take(DETAILS_PER_BLOCK) {
            let lower_url = url.to_lowercase();
            if !(lower_url.contains("contact") || lower_url.contains("form"))
                || lower_url.contains("ico.org.uk")
            {
                continue;
            }
            let Some(https) = patterns::https(url) else {
                continue;
            };
            let at = text.find(url).unwrap_or(0);
            let owner = owner_of(r, i, at);
            let target = match owner {
                Owner::Controller => &mut controller,
                Owner::Dpo => &mut dpo,
                Owner::Regulator => continue,
            };
            if target.web_form.is_none() && !lower.contains("complain") {
                target.web_form = Some(https);
                marks.push((format!("{}.web_form", key_of(owner)), i, url.to_string()));
            }
        }
    }
    if let Some((n, i)) = name {
        controller.name = Some(n.clone());
        marks.push(("controller.name".into(), i, n));
    }
    let mut c = Controller {
        contact: controller,
        ..Default::default()
    };
    let is_council = c
        .contact
        .name
        .as_deref()
        .is_some_and(|n| n.ends_with("Council") || n.ends_with("Authority"));
    if is_council || public_authority.is_some() {
        c.kind = Some(ControllerKind::PublicAuthority);
        let at = public_authority
            .or_else(|| marks.iter().find(|m| m.0 == "controller.name").map(|m| m.1));
        if let Some(at) = at {
            marks.push(("controller.kind".into(), at, r.blocks[at].text.clone()));
        }
    }
    if let Some((z, i)) = registration {
        c.ico_registration = Some(z.clone());
        marks.push(("controller.ico_registration".into(), i, z));
    }
    let has_controller =
        c.contact != Contact::default() || c.kind.is_some() || c.ico_registration.is_some();
    if has_controller {
        r.notice.controller = Some(c);
    }
    // The DPO's name or title, where the text gives it.
    if let Some((name, i)) =
        (0..r.blocks.len()).find_map(|i| Some((dpo_name(&r.blocks[i].text)?, i)))
    {
        marks.push(("dpo.name".into(), i, name.clone()));
        dpo.name = Some(name);
    }
    if dpo != Contact::default() {
        r.notice.dpo = Some(Dpo {
            appointed: None,
            contact: dpo,
        });
    } else if let Some(i) = (0..r.blocks.len()).find(|&i| {
        r.blocks[i]
            .text
            .to_lowercase()
            .contains("data protection officer")
    }) {
        // Named but with no contact of its own: the DPO table says so, and
        // `check` asks for a contact route.
        r.notice.dpo = Some(Dpo::default());
        marks.push(("dpo".into(), i, r.blocks[i].text.clone()));
    }
    for (key, i, words) in marks {
        r.note_quote(key, i, &words);
    }
    let _ = r.controller();
    if !has_controller {
        r.notice.controller = None;
    }
}

/// "Our Data Protection Officer is Jane Smith", "The Council has
/// appointed its Head of Legal Services, A. N. Other, as its Data
/// Protection Officer" → the name or title, as written.
fn dpo_name(text: &str) -> Option<String> {
    // ASCII lowercasing keeps the byte offsets of `text`.
    let lower = text.to_ascii_lowercase();
    let clause_end = |rest: &str| -> usize {
        [". ", ";", " who ", " and can", " and is", " (", ":"]
            .iter()
            .filter_map(|stop| rest.find(stop))
            .min()
            .unwrap_or(rest.len())
    };
    let name = if let Some(at) = lower.find("data protection officer is ") {
        let rest = &text[at + "data protection officer is ".len()..];
        let rest = rest.trim_end_matches('.');
        let name = rest[..clause_end(rest)].trim_end_matches([',', '.']).trim();
        // A name or a title: "Jane Smith", "the Head of Legal Services".
        let title_case = name
            .strip_prefix("the ")
            .unwrap_or(name)
            .starts_with(char::is_uppercase);
        title_case.then(|| name.to_string())
    } else if let Some(end) = [
        "as its data protection officer",
        "as our data protection officer",
        "as the data protection officer",
    ]
    .iter()
    .find_map(|p| lower.find(p))
    {
        let before = &lower[..end];
        let start = before.rfind("appointed ")? + "appointed ".len();
        let name = text[start..end].trim().trim_end_matches(',').trim();
        let name = ["its ", "our ", "the "]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .unwrap_or(name);
        Some(name.to_string())
    } else {
        None
    }?;
    let words = name.split_whitespace().count();
    ((1..=12).contains(&words)).then_some(name)
}

fn key_of(owner: Owner) -> &'static str {
    match owner {
        Owner::Controller => "controller",
        Owner::Dpo => "dpo",
        Owner::Regulator => "complaints.ico",
    }
}

/// Statements made in paragraphs: retention, rights, consent withdrawal,
/// complaints, transfers, automated decisions, sources, provision.
fn statements(r: &mut Reader) {
    // The retention rule of each section heading, once made.
    let mut rule_of: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut rights: BTreeSet<Right> = BTreeSet::new();
    let mut rights_at: Option<usize> = None;
    for i in 0..r.blocks.len() {
        if r.blocks[i].is_heading() || r.in_purpose_heading(i) {
            continue;
        }
        let text = r.blocks[i].text.clone();
        let lower = text.to_lowercase().replace('’', "'");
        let topic = r.layout.topic_of[i];
        // Retention.
        let retention_words = has_any(
            &lower,
            &[
                "retention schedule",
                "retention policy",
                "retention period",
                "how long we keep",
                "we will keep",
                "we keep your",
                "we will retain",
                "we retain",
                "kept for",
                "keep your information for",
                "keep this information for",
                "retained for",
                "dispose of",
            ],
        );
        if !r.consumed[i]
            && (topic == Some(Topic::Retention) || retention_words)
            && r.blocks[i].kind != BlockKind::ListItem
            || topic == Some(Topic::Retention) && !r.consumed[i]
        {
            // Under a heading of its own topic (or none) it is said for the
            // whole notice; under another heading ("CCTV") it is a rule for
            // the records that heading is about.
            let records = r
                .section_of(i)
                .filter(|_| topic != Some(Topic::Retention))
                .filter(|&h| Some(h) != r.layout.title)
                .map(|h| r.blocks[h].text.clone());
            let heading = r.section_of(i).unwrap_or_default();
            let retention = r.notice.retention.get_or_insert_with(Retention::default);
            let said = as_markdown(&r.blocks[i]);
            if let Some(records) = records {
                let k = match rule_of.get(&heading).copied() {
                    Some(k) => {
                        let criteria = retention.rules[k].criteria.get_or_insert_with(String::new);
                        criteria.push_str("\n\n");
                        criteria.push_str(&said);
                        k
                    }
                    None => {
                        let id = slug(&records, &mut r.ids, "records");
                        retention.rules.push(RetentionRule {
                            id: Some(id),
                            records: Some(records),
                            criteria: Some(said),
                            ..Default::default()
                        });
                        rule_of.insert(heading, retention.rules.len() - 1);
                        retention.rules.len() - 1
                    }
                };
                r.consumed[i] = true;
                r.note(format!("retention.rules.{k}"), i);
                continue;
            }
            match &mut retention.criteria {
                Some(criteria) => {
                    let together = r.blocks[i].kind == BlockKind::ListItem
                        && i > 0
                        && r.blocks[i - 1].kind == BlockKind::ListItem;
                    criteria.push_str(if together { "\n" } else { "\n\n" });
                    criteria.push_str(&said);
                }
                None => retention.criteria = Some(said),
            }
            if retention.schedule_url.is_none()
                && let Some(url) = patterns::urls(&text).find(|u| {
                    let u = u.to_lowercase();
                    u.contains("retention") || u.contains("schedule") || u.contains("disposal")
                })
                && let Some(https) = patterns::https(url)
            {
                retention.schedule_url = Some(https);
                r.note_quote("retention.schedule_url", i, url);
            }
            r.consumed[i] = true;
            r.note("retention.criteria", i);
            continue;
        }
        // Rights listed.
        if topic == Some(Topic::Rights)
            || has_any(
                &lower,
                &[
                    "you have the right",
                    "you have a right",
                    "your rights are",
                    "right of access",
                    "you can ask us to",
                ],
            )
        {
            let before = rights.len();
            for (words, right) in RIGHT_WORDS {
                if words.iter().any(|w| lower.contains(w)) {
                    rights.insert(*right);
                }
            }
            if rights.len() > before && rights_at.is_none() {
                rights_at = Some(i);
            }
        }
        // How to make a rights request: a route, under the rights heading.
        if !r.consumed[i]
            && topic == Some(Topic::Rights)
            && r.blocks[i].kind == BlockKind::Paragraph
            && names_a_route(&lower)
            && !(lower.contains("withdraw") && lower.contains("consent"))
            && r.notice
                .rights
                .as_ref()
                .is_none_or(|x| x.how_to_exercise.is_none())
        {
            let rights = r.notice.rights.get_or_insert_with(Rights::default);
            rights.how_to_exercise = Some(as_markdown(&r.blocks[i]));
            r.consumed[i] = true;
            r.note("rights.how_to_exercise", i);
            continue;
        }
        // Requests are free: said, not assumed.
        if has_any(
            &lower,
            &[
                "no charge for",
                "free of charge",
                "not have to pay a fee",
                "not need to pay a fee",
                "requests are free",
                "there is no fee",
                "no fee for",
            ],
        ) && !lower.contains('£')
            && r.notice
                .rights
                .as_ref()
                .is_none_or(|x| x.free_of_charge.is_none())
        {
            r.notice
                .rights
                .get_or_insert_with(Rights::default)
                .free_of_charge = Some(true);
            r.note("rights.free_of_charge", i);
        }
        // Consent withdrawal.
        if !r.consumed[i]
            && lower.contains("withdraw")
            && lower.contains("consent")
            && names_a_route(&lower)
        {
            let rights = r.notice.rights.get_or_insert_with(Rights::default);
            if rights.how_to_withdraw_consent.is_none() {
                rights.how_to_withdraw_consent = Some(as_markdown(&r.blocks[i]));
                r.consumed[i] = true;
                r.note("rights.how_to_withdraw_consent", i);
                continue;
            }
        }
        // Complaints to the council.
        if !r.consumed[i]
            && (lower.contains("complain") && owner_in(&text) != Some(Owner::Regulator)
                || complaint_to_us(&lower))
            && (topic == Some(Topic::Complaints)
                || complaint_to_us(&lower)
                || has_any(
                    &lower,
                    &[
                        "your personal",
                        "your data",
                        "your information",
                        "data protection",
                        "how we have handled",
                        "how we handle",
                        "how we use",
                    ],
                ))
            && r.notice
                .complaints
                .as_ref()
                .is_none_or(|c| c.controller.is_none())
        {
            let complaints = r.notice.complaints.get_or_insert_with(Complaints::default);
            complaints.controller = Some(ControllerComplaints {
                description: Some(as_markdown(&r.blocks[i])),
                contact: Contact::default(),
            });
            r.consumed[i] = true;
            r.note("complaints.controller.description", i);
            continue;
        }
        // Complaints to the regulator.
        if owner_in(&text) == Some(Owner::Regulator)
            && (topic == Some(Topic::Complaints)
                || has_any(
                    &lower,
                    &[
                        "complain",
                        "concern",
                        "unhappy",
                        "not happy",
                        "dissatisfied",
                        "independent advice",
                        "right to",
                    ],
                ))
            && r.notice.complaints.as_ref().is_none_or(|c| c.ico.is_none())
        {
            let complaints = r.notice.complaints.get_or_insert_with(Complaints::default);
            complaints.ico = Some(IcoContact::default());
            r.note("complaints.ico", i);
        }
        // Transfers.
        if !r.consumed[i]
            && r.blocks[i].kind != BlockKind::ListItem
            && has_any(
                &lower,
                &[
                    "outside the uk",
                    "outside of the uk",
                    "outside the united kingdom",
                    "overseas",
                    "abroad",
                    "third countr",
                    "outside the european",
                    "outside the eea",
                    "outside europe",
                    "european economic area",
                ],
            )
        {
            let negated = has_any(
                &lower,
                &[
                    "do not",
                    "don't",
                    "will not",
                    "won't",
                    "never",
                    "not transfer",
                    "not send",
                    "not be transferred",
                    "no personal",
                ],
            );
            let transfers = r.notice.transfers.get_or_insert_with(Transfers::default);
            if transfers.description.is_none() {
                transfers.outside_uk = Some(!negated);
                transfers.description = Some(as_markdown(&r.blocks[i]));
                r.consumed[i] = true;
                r.note("transfers.outside_uk", i);
                continue;
            }
        }
        // Automated decisions: only a plain "we do not" is a statement.
        if (has_any(
            &lower,
            &[
                "automated decision",
                "automated individual decision",
                "solely automated",
                "automated means",
                "profiling",
            ],
        )) && has_any(
            &lower,
            &[
                "do not",
                "don't",
                "will not",
                "won't",
                "never",
                "no decisions",
            ],
        ) && r.notice.automated_decisions.is_none()
        {
            r.notice.automated_decisions = Some(AutomatedDecisions {
                used: Some(false),
                decisions: Vec::new(),
            });
            r.note("automated_decisions.used", i);
        }
        // Sources.
        let from_you = has_any(
            &lower,
            &[
                "information you provide",
                "information that you provide",
                "information you give",
                "information that you give",
                "collect information from you",
                "collect personal information from you",
                "you provide us",
                "provided by you",
                "information you have provided",
                "you have given us",
                "directly from you",
            ],
        );
        if from_you
            && r.notice
                .all_purposes
                .as_ref()
                .is_none_or(|a| a.from_person.is_none())
        {
            r.notice
                .all_purposes
                .get_or_insert_with(AllPurposes::default)
                .from_person = Some(true);
            r.note("all_purposes.from_person", i);
        }
        if let Some(name) = source_named(&text)
            && r.section_of(i)
                .is_none_or(|h| self::topic(&r.blocks[h].text) != Some(Topic::Recipients))
        {
            let all = r
                .notice
                .all_purposes
                .get_or_insert_with(AllPurposes::default);
            let sources = all.other_sources.get_or_insert_with(Vec::new);
            sources.push(DataSource {
                name: Some(name),
                description: None,
                publicly_accessible: has_any(
                    &lower,
                    &[
                        "publicly available",
                        "publicly accessible",
                        "open register",
                        "electoral register",
                    ],
                ),
            });
            let k = sources.len() - 1;
            r.note(format!("all_purposes.other_sources.{k}"), i);
        }
        // Provision: said for the whole notice only under its own heading.
        if topic == Some(Topic::Provision)
            && has_any(
                &lower,
                &[
                    "if you do not",
                    "if you don't",
                    "you do not have to",
                    "you don't have to",
                    "fail to provide",
                    "not able to",
                    "unable to",
                ],
            )
        {
            let requirement = provision_requirement(&lower);
            let all = r
                .notice
                .all_purposes
                .get_or_insert_with(AllPurposes::default);
            if all.provision.is_none() {
                all.provision = Some(Provision {
                    requirement,
                    consequence: Some(as_markdown(&r.blocks[i])),
                });
                r.consumed[i] = true;
                r.note("all_purposes.provision", i);
            }
        }
    }
    if let Some(at) = rights_at {
        let listed = r.notice.rights.get_or_insert_with(Rights::default);
        listed.listed = Some(rights.into_iter().collect());
        r.note("rights.listed", at);
    }
}

/// Whether a text gives a way to do something: an address, a link, a
/// number, or an action such as unsubscribing or contacting someone.
fn names_a_route(lower: &str) -> bool {
    // Short words count as words only: "form" is not in "information".
    let word = |w: &str| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| x == w || x.strip_suffix('s') == Some(w))
    };
    lower.contains('@')
        || lower.contains("http")
        || lower.contains("www.")
        || lower.chars().filter(char::is_ascii_digit).count() >= 6
        || [
            "form",
            "call",
            "phone",
            "email",
            "link",
            "telephone",
            "contact",
        ]
        .iter()
        .any(|w| word(w))
        || has_any(
            lower,
            &[
                "unsubscribe",
                "contact us",
                "e-mail",
                "write to",
                "tell us",
                "let us know",
                "settings",
                "opt out",
                "opt-out",
                "in person",
                "by post",
            ],
        )
}

/// Whether a text tells people to take a concern to the council itself.
fn complaint_to_us(lower: &str) -> bool {
    // "Unhappy about being in a photo? Contact us" is a request, not a
    // complaints route: the words of complaint must be there.
    has_any(lower, &["complain", "concerns"])
        && has_any(
            lower,
            &[
                "contact us",
                "tell us",
                "let us know",
                "write to us",
                "our complaints",
                "complaints procedure",
                "complaints process",
                "complaints policy",
                "complaints team",
                "deal with your",
                "complain to us",
                "complaint to us",
                "contact our data protection officer",
                "contact the data protection officer",
                "contact our dpo",
            ],
        )
}

/// Words that name each right.
const RIGHT_WORDS: &[(&[&str], Right)] = &[
    (&["access", "copy of", "copies of"], Right::Access),
    (&["rectif", "correct", "inaccurate"], Right::Rectification),
    (
        &["erase", "erasure", "delete", "deletion", "forgotten"],
        Right::Erasure,
    ),
    (&["restrict"], Right::Restriction),
    (&["portab"], Right::Portability),
    (&["object"], Right::Object),
];

fn provision_requirement(lower: &str) -> Option<ProvisionRequirement> {
    let by_law = has_any(
        lower,
        &[
            "by law",
            "required by law",
            "legal requirement",
            "statutory",
            "the law requires",
        ],
    );
    let contract = lower.contains("contract");
    if has_any(
        lower,
        &[
            "you do not have to",
            "you don't have to",
            "voluntary",
            "optional",
        ],
    ) {
        Some(ProvisionRequirement::Voluntary)
    } else if by_law && contract {
        // "Where we need it by law or under a contract …": said for the
        // whole notice, it depends on the service.
        Some(ProvisionRequirement::Varies)
    } else if by_law {
        Some(ProvisionRequirement::Statutory)
    } else if contract {
        Some(ProvisionRequirement::Contractual)
    } else {
        None
    }
}

/// Who a text says data about people comes from, in its words: "We may
/// receive personal information about you from the police …" → "the
/// police"; "we may need to ask other agencies or organisations for …" →
/// "other agencies or organisations"; "someone may call us on your behalf".
fn source_named(text: &str) -> Option<String> {
    // ASCII lowercasing keeps every byte offset of `text`.
    let lower = text.to_ascii_lowercase();
    // (cue, where the name is: after the cue, the cue's own words, or the
    // clause the cue ends)
    enum At {
        After,
        Words,
        Clause,
    }
    const CUES: &[(&str, At)] = &[
        ("information about you from ", At::After),
        ("data about you from ", At::After),
        ("we receive information from ", At::After),
        ("we may receive information from ", At::After),
        ("obtain information from ", At::After),
        ("ask other ", At::Words),
        ("from a range of sources", At::Words),
        ("from other agencies", At::Words),
        ("from other organisations", At::Words),
        ("from third parties", At::Words),
        ("from other public bodies", At::Words),
        ("call us on your behalf", At::Clause),
        ("contact us on your behalf", At::Clause),
    ];
    let (at, cue, kind) = CUES
        .iter()
        .filter_map(|(cue, kind)| Some((lower.find(cue)?, *cue, kind)))
        .min_by_key(|(at, ..)| *at)?;
    let end = at + cue.len();
    if !text.is_char_boundary(at) || !text.is_char_boundary(end) {
        return None;
    }
    let name = match kind {
        At::After => recipient_phrase(&text[end..]),
        At::Words => {
            let start = if cue.starts_with("ask ") {
                at + 4
            } else {
                at + 5
            };
            recipient_phrase(&text[start..])
        }
        At::Clause => {
            let sentence = sentence_at(text, at);
            let offset = sentence.as_ptr() as usize - text.as_ptr() as usize;
            text[offset..end].trim().to_string()
        }
    };
    (name.chars().any(char::is_alphabetic)).then_some(name)
}

impl Reader<'_> {
    /// Whether block `i` is under a heading read as a purpose.
    fn in_purpose_heading(&self, i: usize) -> bool {
        self.layout.heading_of[i].is_some_and(|h| self.layout.purpose_heading[h])
    }
}

/// What each purpose's own words say: its lawful bases, the law it cites,
/// and, for a purpose heading, its labelled rows ("Lawful basis", "Who we
/// share it with").
fn purpose_facts(r: &mut Reader) {
    for k in 0..r.notice.purposes.len() {
        let Some(at) = r.purpose_scope[k] else {
            continue;
        };
        // The purpose's blocks: its item, or its heading and what is under it.
        let mut scope = vec![at];
        if r.layout.purpose_heading[at] {
            let mut j = at + 1;
            while j < r.blocks.len() && r.layout.heading_of[j] == Some(at) {
                scope.push(j);
                j += 1;
            }
        }
        let mut bases: Vec<LawfulBasis> = Vec::new();
        let mut basis_at = None;
        let mut law: Option<(String, usize)> = None;
        let mut recipients: Option<(Vec<String>, usize)> = None;
        let mut categories: Option<(Vec<String>, usize)> = None;
        let mut legitimate: Option<(String, usize)> = None;
        let mut from_person = None;
        let mut sources: Vec<(DataSource, usize)> = Vec::new();
        let mut sources_row = false;
        let mut conditions = Vec::new();
        let mut condition_at = None;
        let mut provision: Option<(Provision, usize)> = None;
        let mut label: Option<Topic> = None;
        for &b in &scope {
            let block = &r.blocks[b];
            let text = block.text.clone();
            // A label ("Lawful basis") tells what the next block is.
            let this_label = block
                .lead
                .as_deref()
                .filter(|lead| *lead == text || text.starts_with(lead))
                .and_then(topic);
            let value = match (&block.lead, this_label) {
                (Some(lead), Some(_)) if text != *lead => text[lead.len()..]
                    .trim_start_matches([':', ' '])
                    .to_string(),
                _ => text.clone(),
            };
            let is_label_only =
                this_label.is_some() && block.lead.as_deref() == Some(text.as_str());
            if is_label_only {
                label = this_label;
                continue;
            }
            // A label's value is the next block, or the list after it.
            let context = this_label.or(label);
            let list_continues = block.kind == BlockKind::ListItem
                && r.blocks
                    .get(b + 1)
                    .is_some_and(|next| next.kind == BlockKind::ListItem);
            if !list_continues {
                label = None;
            }
            match context {
                Some(Topic::Recipients) => {
                    if value.to_lowercase().contains("do not share") {
                        recipients = Some((Vec::new(), b));
                    } else {
                        let ids = names_to_ids(&value, &mut r.notice.recipients, &mut r.ids, true);
                        recipients = Some((ids, b));
                    }
                    continue;
                }
                Some(Topic::Data) => {
                    let ids = names_to_ids_data(&value, &mut r.notice.data_categories, &mut r.ids);
                    categories = Some((ids, b));
                    continue;
                }
                Some(Topic::Law) => {
                    law = Some((value.clone(), b));
                    continue;
                }
                Some(Topic::Sources) => {
                    sources_row = true;
                    let lower = value.to_lowercase();
                    if lower.trim_end_matches('.') == "from you"
                        || lower.contains("from you") && block.kind != BlockKind::ListItem
                    {
                        from_person = Some(b);
                    } else {
                        let (name, description) = match split_lead(block) {
                            (name, None) => split_label(&name),
                            found => found,
                        };
                        let public =
                            has_any(&lower, &["publicly available", "publicly accessible"]);
                        let name = name
                            .trim_end_matches(" (publicly available)")
                            .trim_end_matches(" (publicly accessible)")
                            .to_string();
                        sources.push((
                            DataSource {
                                name: Some(name),
                                description,
                                publicly_accessible: public,
                            },
                            b,
                        ));
                    }
                    continue;
                }
                Some(Topic::Provision) => {
                    let lower = value.to_lowercase();
                    provision = Some((
                        Provision {
                            requirement: provision_requirement(&lower),
                            consequence: Some(value.clone()),
                        },
                        b,
                    ));
                    continue;
                }
                _ => {}
            }
            for basis in patterns::lawful_bases(&value) {
                if !bases.contains(&basis) {
                    bases.push(basis);
                    basis_at.get_or_insert(b);
                }
            }
            // "You do not have to provide …, but if you do not …": whether
            // people must give it, said in the purpose's own paragraph.
            let lower = value.to_lowercase().replace('’', "'");
            if provision.is_none()
                && block.kind == BlockKind::Paragraph
                && has_any(
                    &lower,
                    &[
                        "you do not have to provide",
                        "you don't have to provide",
                        "you do not have to give",
                        "you don't have to give",
                        "if you do not provide",
                        "if you do not give",
                        "if you don't provide",
                        "if you don't give",
                        "you must provide",
                        "you have to provide",
                    ],
                )
            {
                provision = Some((
                    Provision {
                        requirement: provision_requirement(&lower),
                        consequence: Some(value.clone()),
                    },
                    b,
                ));
            }
            for condition in patterns::special_category_conditions(&value) {
                if !conditions.contains(&condition) {
                    conditions.push(condition);
                    condition_at.get_or_insert(b);
                }
            }
            if bases.contains(&LawfulBasis::LegitimateInterests)
                && legitimate.is_none()
                && value.to_lowercase().contains("legitimate interest")
                && context != Some(Topic::LawfulBasis)
            {
                legitimate = Some((value.clone(), b));
            }
            if law.is_none()
                && let Some(first) = patterns::laws(&value).first()
                && !first.starts_with("Data Protection Act")
            {
                law = Some((first.to_string(), b));
            }
        }
        bases.sort();
        let purpose = &mut r.notice.purposes[k];
        if !bases.is_empty() {
            purpose.lawful_bases = Some(bases);
        }
        if let Some((l, _)) = &law {
            purpose.law = Some(l.clone());
        }
        if let Some((li, _)) = &legitimate {
            purpose.legitimate_interests = Some(li.clone());
        }
        if let Some((ids, _)) = &recipients {
            purpose.recipients = Some(ids.clone());
        }
        if let Some((ids, _)) = &categories {
            purpose.data_categories = Some(ids.clone());
        }
        if from_person.is_some() {
            purpose.from_person = Some(true);
        }
        if !conditions.is_empty() {
            purpose.special_category_conditions = Some(conditions);
        }
        if !sources.is_empty() {
            purpose.other_sources = Some(sources.iter().map(|(s, _)| s.clone()).collect());
        } else if sources_row && from_person.is_some() {
            // A "Where it comes from" row that names only "From you" says
            // there is nowhere else.
            purpose.other_sources = Some(Vec::new());
        }
        if let Some((p, _)) = &provision {
            purpose.provision = Some(p.clone());
        }
        if let Some(b) = basis_at {
            r.note(format!("purposes.{k}.lawful_bases"), b);
        }
        if let Some((_, b)) = law {
            r.note(format!("purposes.{k}.law"), b);
        }
        if let Some((_, b)) = legitimate {
            r.note(format!("purposes.{k}.legitimate_interests"), b);
        }
        if let Some((_, b)) = recipients {
            r.note(format!("purposes.{k}.recipients"), b);
        }
        if let Some((_, b)) = categories {
            r.note(format!("purposes.{k}.data_categories"), b);
        }
        if let Some(b) = from_person {
            r.note(format!("purposes.{k}.from_person"), b);
        }
        for (j, (_, b)) in sources.iter().enumerate() {
            r.note(format!("purposes.{k}.other_sources.{j}"), *b);
        }
        if let Some((_, b)) = provision {
            r.note(format!("purposes.{k}.provision"), b);
        }
        if let Some(b) = condition_at {
            r.note(format!("purposes.{k}.special_category_conditions"), b);
        }
    }
}

/// Names in a row ("DWP, Valuation Office Agency") → the ids of the
/// recipients with those names, adding any not listed yet.
/// How many known names a row ("Who we share it with: …") is matched against.
const MATCHED_NAMES: usize = 300;

fn names_to_ids(
    text: &str,
    recipients: &mut Vec<Recipient>,
    taken: &mut Ids,
    add: bool,
) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = text.to_string();
    // Bounded: a row is matched against the first names only, so a
    // hostile page of thousands of rows and names stays linear.
    for recipient in recipients.iter().take(MATCHED_NAMES) {
        if let (Some(name), Some(id)) = (&recipient.name, &recipient.id)
            && rest.contains(name.as_str())
        {
            ids.push(id.clone());
            rest = rest.replacen(name.as_str(), "", 1);
        }
    }
    if add {
        for name in rest
            .split([',', ';'])
            .map(str::trim)
            .filter(|n| n.chars().any(char::is_alphanumeric))
        {
            let id = slug(name, taken, "recipient");
            recipients.push(Recipient {
                id: Some(id.clone()),
                name: Some(name.trim_end_matches('.').to_string()),
                description: None,
            });
            ids.push(id);
        }
    }
    ids
}

fn names_to_ids_data(
    text: &str,
    categories: &mut Vec<DataCategory>,
    taken: &mut Ids,
) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = text.to_string();
    for category in categories.iter().take(MATCHED_NAMES) {
        if let (Some(name), Some(id)) = (&category.name, &category.id)
            && rest.contains(name.as_str())
        {
            ids.push(id.clone());
            rest = rest.replacen(name.as_str(), "", 1);
        }
    }
    for name in rest
        .split([',', ';'])
        .map(str::trim)
        .filter(|n| n.chars().any(char::is_alphanumeric))
    {
        let id = slug(name, taken, "data");
        let lower = name.to_lowercase();
        categories.push(DataCategory {
            id: Some(id.clone()),
            name: Some(name.trim_end_matches('.').to_string()),
            description: None,
            special_category: has_any(&lower, SPECIAL),
            criminal_offence: has_any(&lower, CRIMINAL),
        });
        ids.push(id);
    }
    ids
}

/// Lawful bases stated for the whole notice: under a lawful-basis heading
/// outside any purpose, or "our lawful basis is …".
fn notice_wide(r: &mut Reader) {
    let scoped: BTreeSet<usize> = r.purpose_scope.iter().flatten().copied().collect();
    let mut bases: Vec<LawfulBasis> = Vec::new();
    let mut at = None;
    for i in 0..r.blocks.len() {
        if r.in_purpose_heading(i) || scoped.contains(&i) {
            continue;
        }
        let lower = r.blocks[i].text.to_lowercase();
        let stated = r.layout.topic_of[i] == Some(Topic::LawfulBasis)
            || has_any(
                &lower,
                &[
                    "our lawful basis",
                    "the lawful basis for",
                    "our legal basis",
                    "the legal basis for",
                    "lawful basis we rely",
                    "lawful bases we rely",
                    "lawful basis for processing",
                    "legal basis for processing",
                    "we rely on",
                ],
            );
        if !stated {
            continue;
        }
        for basis in patterns::lawful_bases(&r.blocks[i].text) {
            if !bases.contains(&basis) {
                bases.push(basis);
                at.get_or_insert(i);
            }
        }
    }
    if let Some(i) = at {
        bases.sort();
        r.notice
            .all_purposes
            .get_or_insert_with(AllPurposes::default)
            .lawful_bases = Some(bases);
        r.note("all_purposes.lawful_bases", i);
    }
    // A notice-wide list of recipients or data categories applies to the
    // purposes that name none of their own; when every purpose names its
    // own, the list is a catalogue (as on noticec's own pages), not a
    // statement for all.
    if let Some(all) = &mut r.notice.all_purposes {
        if r.notice.purposes.iter().all(|p| p.recipients.is_some()) {
            all.recipients = None;
        }
        if r.notice
            .purposes
            .iter()
            .all(|p| p.data_categories.is_some())
        {
            all.data_categories = None;
        }
    }
    if r.notice.purposes.is_empty() {
        // Nothing for `[all_purposes]` to apply to; the statements stay
        // prose, and the sources stay said.
        if let Some(all) = &mut r.notice.all_purposes {
            all.lawful_bases = None;
        }
    }
}

/// A block as Markdown: a list item as `- item`.
fn as_markdown(block: &Block) -> String {
    match block.kind {
        BlockKind::ListItem => format!("- {}", block.text),
        BlockKind::Heading(_) => format!("**{}**", block.text),
        _ => block.text.clone(),
    }
}

/// Blocks as one Markdown text: list items together, paragraphs apart.
fn markdown_of(blocks: &[Block], indices: &[usize]) -> String {
    let mut out = String::new();
    let mut last: Option<(BlockKind, Option<usize>)> = None;
    for &i in indices {
        let block = &blocks[i];
        if let Some((kind, row)) = last {
            // The cells of a row stay on one line, as the row was.
            if kind == BlockKind::Cell && block.kind == BlockKind::Cell && row == block.row {
                out.push_str(" | ");
                out.push_str(&block.text);
                continue;
            }
            let together =
                matches!(kind, BlockKind::ListItem | BlockKind::Cell) && kind == block.kind;
            out.push_str(if together { "\n" } else { "\n\n" });
        }
        out.push_str(&as_markdown(block));
        last = Some((block.kind, block.row));
    }
    out
}

/// Every block not consumed, in `[[sections]]` under its heading, in
/// source order. Returns how many blocks went there.
fn sections(r: &mut Reader) -> usize {
    let mut kept = 0;
    let mut section_ids = Ids::default();
    let mut current: Option<(Option<usize>, Vec<usize>)> = None;
    let mut finished: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for i in 0..r.blocks.len() {
        if r.blocks[i].is_heading() {
            if let Some(section) = current.take() {
                finished.push(section);
            }
            if r.consumed[i] {
                // The title, or a purpose's name.
                continue;
            }
            current = Some((Some(i), Vec::new()));
            continue;
        }
        if r.consumed[i] {
            continue;
        }
        kept += 1;
        match &mut current {
            Some((_, body)) => body.push(i),
            None => current = Some((None, vec![i])),
        }
    }
    if let Some(section) = current.take() {
        finished.push(section);
    }
    for (heading, body) in finished {
        let title = heading.map(|h| r.blocks[h].text.clone());
        let id = slug(
            title.as_deref().unwrap_or("introduction"),
            &mut section_ids,
            "section",
        );
        let k = r.notice.sections.len();
        r.notice.sections.push(Section {
            id: Some(id),
            title,
            body: (!body.is_empty()).then(|| markdown_of(r.blocks, &body)),
        });
        if let Some(&first) = heading.as_ref().or(body.first()) {
            r.note(format!("sections.{k}"), first);
        }
    }
    kept
}

/// What was recognised, one line each, for the officer.
pub fn summary(notice: &Notice) -> Vec<String> {
    let mut out = Vec::new();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if let Some(c) = &notice.controller {
        let mut parts = Vec::new();
        for (key, value) in c.contact.fields() {
            if value.is_some() {
                parts.push(key.replace('_', " "));
            }
        }
        if c.ico_registration.is_some() {
            parts.push("ICO registration".into());
        }
        if !parts.is_empty() {
            out.push(format!("controller: {}", parts.join(", ")));
        }
    }
    if let Some(d) = &notice.dpo {
        let parts: Vec<String> = d
            .contact
            .fields()
            .iter()
            .filter(|(_, v)| v.is_some())
            .map(|(k, _)| k.replace('_', " "))
            .collect();
        out.push(if parts.is_empty() {
            "data protection officer (named, no contact)".into()
        } else {
            format!("data protection officer: {}", parts.join(", "))
        });
    }
    if let Some(meta) = &notice.notice {
        if meta.last_updated.is_some() {
            out.push("last-updated date".into());
        }
        if meta.version.is_some() {
            out.push("version".into());
        }
    }
    if !notice.purposes.is_empty() {
        let with_basis = notice
            .purposes
            .iter()
            .filter(|p| p.lawful_bases.is_some())
            .count();
        out.push(format!(
            "{}, {with_basis} with a lawful basis of its own",
            plural(notice.purposes.len(), "purpose", "purposes")
        ));
    }
    if let Some(all) = &notice.all_purposes
        && all.lawful_bases.is_some()
    {
        out.push("a lawful basis for the whole notice".into());
    }
    if !notice.data_categories.is_empty() {
        out.push(plural(
            notice.data_categories.len(),
            "data category",
            "data categories",
        ));
    }
    if !notice.recipients.is_empty() {
        out.push(plural(notice.recipients.len(), "recipient", "recipients"));
    }
    if notice.retention.is_some() {
        out.push("retention statement".into());
    }
    if notice.transfers.is_some() {
        out.push("transfers statement".into());
    }
    if notice.automated_decisions.is_some() {
        out.push("automated decisions: none made".into());
    }
    if let Some(rights) = &notice.rights {
        if let Some(listed) = &rights.listed {
            out.push(plural(listed.len(), "right listed", "rights listed"));
        }
        if rights.how_to_withdraw_consent.is_some() {
            out.push("how to withdraw consent".into());
        }
    }
    if let Some(c) = &notice.complaints {
        if c.controller.is_some() {
            out.push("complaints to the council".into());
        }
        if c.ico.is_some() {
            out.push("complaints to the ICO".into());
        }
    }
    out.push(plural(
        notice.sections.len(),
        "section kept as written",
        "sections kept as written",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text;

    fn read(source: &str) -> Notice {
        recognise(&text::blocks(source)).notice
    }

    #[test]
    fn topics_of_headings() {
        assert_eq!(
            topic("How long will we keep your information for?"),
            Some(Topic::Retention)
        );
        assert_eq!(
            topic("Who has access to your information?"),
            Some(Topic::Recipients)
        );
        assert_eq!(topic("Why we use your information"), Some(Topic::Purposes));
        assert_eq!(topic("What are your rights?"), Some(Topic::Rights));
        assert_eq!(topic("Cookies"), None);
    }

    #[test]
    fn controller_and_dpo_contacts() {
        let notice = read(
            "Privacy notice\n\nWho we are\n\nExample Borough Council is the data controller. Our address is Town Hall, High Street, Exampleton, EX1 1AA. Call 01234 567890.\n\n\
             Our Data Protection Officer can be reached at dpo@example.gov.uk or 01234 000111.\n\nWe are registered with the ICO as Z1234567.\n",
        );
        let c = notice.controller.expect("controller");
        assert_eq!(c.contact.name.as_deref(), Some("Example Borough Council"));
        assert_eq!(
            c.contact.address.as_deref(),
            Some("Town Hall, High Street, Exampleton, EX1 1AA")
        );
        assert_eq!(c.contact.phone.as_deref(), Some("01234 567890"));
        assert_eq!(c.ico_registration.as_deref(), Some("Z1234567"));
        assert_eq!(c.kind, Some(ControllerKind::PublicAuthority));
        let dpo = notice.dpo.expect("dpo");
        assert_eq!(dpo.contact.email.as_deref(), Some("dpo@example.gov.uk"));
        assert_eq!(dpo.contact.phone.as_deref(), Some("01234 000111"));
    }

    #[test]
    fn purposes_from_a_list_with_bases_only_where_said() {
        let notice = read(
            "Notice\n\nWhy we use your information\n\nWe use your information to:\n\n- collect council tax\n- send you news where you have given your consent\n",
        );
        assert_eq!(notice.purposes.len(), 2);
        assert_eq!(notice.purposes[0].lawful_bases, None);
        assert_eq!(
            notice.purposes[1].lawful_bases,
            Some(vec![LawfulBasis::Consent])
        );
    }

    #[test]
    fn dpo_names_as_written() {
        assert_eq!(
            dpo_name("The Council has appointed its Head of Legal Services, Jo Bloggs, as its Data Protection Officer.").as_deref(),
            Some("Head of Legal Services, Jo Bloggs")
        );
        assert_eq!(
            dpo_name("Our Data Protection Officer is Sam Patel. Email dpo@x.gov.uk").as_deref(),
            Some("Sam Patel")
        );
        assert_eq!(
            dpo_name("Our data protection officer is responsible for advice."),
            None
        );
    }

    #[test]
    fn notice_wide_basis_goes_to_all_purposes() {
        let notice = read(
            "Notice\n\nWhy we use your information\n\n- billing\n\nOur lawful basis\n\nWe process your information under public task, Article 6(1)(e).\n",
        );
        let all = notice.all_purposes.expect("all purposes");
        assert_eq!(all.lawful_bases, Some(vec![LawfulBasis::PublicTask]));
    }

    #[test]
    fn nothing_said_stays_unstated() {
        let notice = read("Notice\n\nCookies\n\nWe use cookies on this site to count visits.\n");
        assert!(notice.purposes.is_empty());
        assert!(notice.transfers.is_none());
        assert!(notice.automated_decisions.is_none());
        assert!(notice.controller.is_none());
        assert_eq!(notice.sections.len(), 1);
    }
}
