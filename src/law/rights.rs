//! Which data protection rights apply, derived **per purpose** from that
//! purpose's lawful bases (and Art. 9 condition), and how each right is
//! named and explained.
//!
//! This is the table "Which rights apply to which lawful basis" of the
//! requirement catalogue. Rights are worked out for each purpose on its
//! own and only then gathered for the notice, keeping for every right the
//! purposes it applies to and those where it is limited: a consent purpose
//! never removes the erasure limit of a legal-obligation purpose beside it.
//! The `rights` rule compares what a notice lists with this, and the page
//! is written from it, so the rights section is correct by construction.

use std::collections::BTreeMap;

use crate::model::{LawfulBasis, Notice, Purpose, Right, SpecialCategoryCondition};

/// How far a right applies to one purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Availability {
    /// The right applies, with a limit the page must state: erasure where
    /// keeping the data is necessary for a legal obligation or a public
    /// task (Art. 17(3)(b)); the law-enforcement rights, which the DPA 2018
    /// lets the controller restrict (Part 3, ss.45-47).
    Limited,
    /// The right applies to some of the data, under conditions the page
    /// must state: portability, only for data the person provided,
    /// processed by automated means (Art. 20(1)).
    Conditional,
    /// The right applies.
    Full,
}

/// The rights under DPA 2018 Part 3 (ss.45-47) for law-enforcement processing.
pub const LAW_ENFORCEMENT_RIGHTS: &[Right] = &[
    Right::Access,
    Right::Rectification,
    Right::Erasure,
    Right::Restriction,
];

/// Whether a lawful basis is a ground for objecting under Art. 21(1):
/// processing based on Art. 6(1)(e), (ea) or (f).
pub fn objection_ground(basis: LawfulBasis) -> bool {
    matches!(
        basis,
        LawfulBasis::PublicTask
            | LawfulBasis::RecognisedLegitimateInterest
            | LawfulBasis::LegitimateInterests
    )
}

/// Whether a purpose relies on consent: Art. 6(1)(a), or explicit consent
/// under Art. 9(2)(a) for special category data.
pub fn relies_on_consent(purpose: &Purpose) -> bool {
    purpose.relies_on(LawfulBasis::Consent)
        || purpose
            .special_category_conditions
            .iter()
            .flatten()
            .any(|c| *c == SpecialCategoryCondition::ExplicitConsent)
}

/// Whether a purpose is checked as DPA 2018 Part 3 law-enforcement
/// processing: it says so, or the whole profile is Part 3.
pub fn is_law_enforcement(purpose: &Purpose, all_law_enforcement: bool) -> bool {
    all_law_enforcement || purpose.law_enforcement
}

/// The rights one purpose gives, with how far each applies.
///
/// Where a purpose names several bases, a right one of them gives applies,
/// and a limit one of them sets is kept: saying "we may not always be able
/// to delete it" where that is possible is true; promising erasure the law
/// lets the council refuse is not.
pub fn purpose_rights(
    purpose: &Purpose,
    all_law_enforcement: bool,
) -> BTreeMap<Right, Availability> {
    use Availability::*;
    let mut rights = BTreeMap::new();
    if is_law_enforcement(purpose, all_law_enforcement) {
        for &right in LAW_ENFORCEMENT_RIGHTS {
            rights.insert(right, Limited);
        }
        return rights;
    }
    // Every basis gives these; erasure at least in its limited form.
    for right in [Right::Access, Right::Rectification, Right::Restriction] {
        rights.insert(right, Full);
    }
    let bases = purpose.lawful_bases.as_deref().unwrap_or_default();
    let erasure_limited = bases.is_empty()
        || bases
            .iter()
            .any(|b| matches!(b, LawfulBasis::LegalObligation | LawfulBasis::PublicTask));
    rights.insert(Right::Erasure, if erasure_limited { Limited } else { Full });
    // Art. 20(1)(a): consent under 6(1)(a) or 9(2)(a), or a contract; and
    // only for data the person provided, by automated means.
    if relies_on_consent(purpose) || purpose.relies_on(LawfulBasis::Contract) {
        rights.insert(Right::Portability, Conditional);
    }
    if bases.iter().copied().any(objection_ground) || purpose.direct_marketing {
        rights.insert(Right::Object, Full);
    }
    if relies_on_consent(purpose) {
        rights.insert(Right::WithdrawConsent, Full);
    }
    rights
}

/// Where one right applies in a notice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RightUse {
    /// The purposes (by index) the right applies to.
    pub purposes: Vec<usize>,
    /// Of those, the purposes where it is limited or conditional: the page
    /// states the limit for them.
    pub limited: Vec<usize>,
    /// The widest availability any purpose gives (what a list of rights
    /// must at least say).
    pub widest: Option<Availability>,
}

/// Every right of a notice, with the purposes it applies to.
pub fn notice_rights(notice: &Notice, all_law_enforcement: bool) -> BTreeMap<Right, RightUse> {
    let mut rights: BTreeMap<Right, RightUse> = BTreeMap::new();
    for (i, purpose) in notice.purposes.iter().enumerate() {
        for (right, availability) in purpose_rights(purpose, all_law_enforcement) {
            let entry = rights.entry(right).or_default();
            entry.purposes.push(i);
            if availability != Availability::Full {
                entry.limited.push(i);
            }
            entry.widest = entry.widest.max(Some(availability));
        }
    }
    if notice
        .automated_decisions
        .as_ref()
        .and_then(|a| a.used)
        .unwrap_or(false)
    {
        // Art. 22C: safeguards for significant decisions based solely on
        // automated processing, whichever purpose makes them.
        rights.insert(
            Right::AutomatedDecisions,
            RightUse {
                purposes: (0..notice.purposes.len()).collect(),
                limited: Vec::new(),
                widest: Some(Availability::Full),
            },
        );
    }
    rights
}

/// The rights that apply to a notice, each with the widest availability a
/// purpose gives it (the page still states each purpose's limits: see
/// [`notice_rights`]).
pub fn applicable_rights(
    notice: &Notice,
    all_law_enforcement: bool,
) -> BTreeMap<Right, Availability> {
    notice_rights(notice, all_law_enforcement)
        .into_iter()
        .filter_map(|(right, use_)| Some((right, use_.widest?)))
        .collect()
}

/// The grounds on which people may object (Art. 21), as present in a
/// notice: each Art. 21(1) basis with the purposes relying on it, and the
/// direct-marketing purposes (Art. 21(2)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Objection {
    pub grounds: Vec<(LawfulBasis, Vec<usize>)>,
    pub direct_marketing: Vec<usize>,
}

impl Objection {
    pub fn is_empty(&self) -> bool {
        self.grounds.is_empty() && self.direct_marketing.is_empty()
    }
}

/// The objection grounds of a notice (UK GDPR purposes only: Part 3 has no
/// right to object).
pub fn objection(notice: &Notice, all_law_enforcement: bool) -> Objection {
    let mut out = Objection::default();
    for basis in [
        LawfulBasis::PublicTask,
        LawfulBasis::RecognisedLegitimateInterest,
        LawfulBasis::LegitimateInterests,
    ] {
        let purposes: Vec<usize> = notice
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| !is_law_enforcement(p, all_law_enforcement) && p.relies_on(basis))
            .map(|(i, _)| i)
            .collect();
        if !purposes.is_empty() {
            out.grounds.push((basis, purposes));
        }
    }
    out.direct_marketing = notice
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| !is_law_enforcement(p, all_law_enforcement) && p.direct_marketing)
        .map(|(i, _)| i)
        .collect();
    out
}

impl Right {
    /// The key a right is written as in a notice file: `withdraw-consent`.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// How the right is named in messages: "the right of access" (the
    /// words are in the catalogue, `locales/en-GB.ftl`).
    pub fn name(self) -> std::borrow::Cow<'static, str> {
        crate::i18n::Language::English.word("right-name", self.key())
    }

    /// The provision that gives the right under UK GDPR.
    pub fn article(self) -> &'static str {
        match self {
            Right::Access => "UK GDPR Art. 15",
            Right::Rectification => "UK GDPR Art. 16",
            Right::Erasure => "UK GDPR Art. 17",
            Right::Restriction => "UK GDPR Art. 18",
            Right::Portability => "UK GDPR Art. 20",
            Right::Object => "UK GDPR Art. 21",
            Right::WithdrawConsent => "UK GDPR Art. 7(3)",
            Right::AutomatedDecisions => "UK GDPR Art. 22C",
        }
    }

    /// The provision that gives the right for law-enforcement processing
    /// (DPA 2018 Part 3), where there is one.
    pub fn law_enforcement_section(self) -> Option<&'static str> {
        match self {
            Right::Access => Some("DPA 2018 s.45"),
            Right::Rectification => Some("DPA 2018 s.46"),
            Right::Erasure | Right::Restriction => Some("DPA 2018 s.47"),
            _ => None,
        }
    }

    /// Whether the right says more on the page in the catalogue (what
    /// the reader can ask for in the glance layer): the object right and
    /// withdrawing consent have sentences of their own there.
    pub fn has_glance_phrase(self) -> bool {
        !matches!(self, Right::Object | Right::WithdrawConsent)
    }

    /// The catalogue message that states what limits the right, when it is
    /// limited in this way.
    pub fn limitation_message(self, availability: Availability) -> Option<&'static str> {
        match (self, availability) {
            (Right::Erasure, Availability::Limited) => Some("right-limitation-erasure"),
            (Right::Portability, Availability::Conditional) => Some("right-limitation-portability"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn purpose(bases: &[LawfulBasis]) -> Purpose {
        Purpose {
            lawful_bases: Some(bases.to_vec()),
            ..Purpose::default()
        }
    }

    fn notice_with(purposes: Vec<Purpose>) -> Notice {
        Notice {
            purposes,
            ..Notice::default()
        }
    }

    #[test]
    fn public_task_gives_objection_and_limited_erasure_but_no_portability() {
        let rights = purpose_rights(&purpose(&[LawfulBasis::PublicTask]), false);
        assert_eq!(rights.get(&Right::Object), Some(&Availability::Full));
        assert_eq!(rights.get(&Right::Erasure), Some(&Availability::Limited));
        assert_eq!(rights.get(&Right::Portability), None);
        assert_eq!(rights.get(&Right::WithdrawConsent), None);
    }

    #[test]
    fn a_consent_purpose_keeps_the_erasure_limit_of_the_purpose_beside_it() {
        let notice = notice_with(vec![
            purpose(&[LawfulBasis::LegalObligation]),
            purpose(&[LawfulBasis::Consent]),
        ]);
        let rights = notice_rights(&notice, false);
        let erasure = &rights[&Right::Erasure];
        assert_eq!(erasure.purposes, [0, 1]);
        assert_eq!(
            erasure.limited,
            [0],
            "limited for the legal obligation only"
        );
        assert_eq!(erasure.widest, Some(Availability::Full));
        assert_eq!(rights[&Right::WithdrawConsent].purposes, [1]);
        assert_eq!(rights[&Right::Portability].purposes, [1]);
        assert!(!rights.contains_key(&Right::Object));
    }

    #[test]
    fn explicit_consent_gives_portability_and_withdrawal() {
        let mut p = purpose(&[LawfulBasis::PublicTask]);
        p.special_category_conditions = Some(vec![SpecialCategoryCondition::ExplicitConsent]);
        let rights = purpose_rights(&p, false);
        assert!(rights.contains_key(&Right::Portability));
        assert!(rights.contains_key(&Right::WithdrawConsent));
    }

    #[test]
    fn a_purpose_without_a_basis_still_has_the_universal_rights() {
        let rights = purpose_rights(&purpose(&[]), false);
        let keys: Vec<_> = rights.keys().copied().collect();
        assert_eq!(
            keys,
            [
                Right::Access,
                Right::Rectification,
                Right::Erasure,
                Right::Restriction
            ]
        );
    }

    #[test]
    fn law_enforcement_gets_the_part_3_rights_only_and_never_full_erasure() {
        let rights = purpose_rights(&purpose(&[LawfulBasis::Consent]), true);
        let keys: Vec<_> = rights.keys().copied().collect();
        assert_eq!(keys, LAW_ENFORCEMENT_RIGHTS);
        let mut le = purpose(&[]);
        le.law_enforcement = true;
        let notice = notice_with(vec![purpose(&[LawfulBasis::LegalObligation]), le]);
        assert_eq!(
            applicable_rights(&notice, false).get(&Right::Erasure),
            Some(&Availability::Limited)
        );
    }

    #[test]
    fn objection_grounds_are_the_ones_present() {
        let notice = notice_with(vec![purpose(&[LawfulBasis::LegalObligation])]);
        assert!(objection(&notice, false).is_empty());
        let mut marketing = purpose(&[LawfulBasis::Consent]);
        marketing.direct_marketing = true;
        let notice = notice_with(vec![purpose(&[LawfulBasis::PublicTask]), marketing]);
        let found = objection(&notice, false);
        assert_eq!(found.grounds, [(LawfulBasis::PublicTask, vec![0])]);
        assert_eq!(found.direct_marketing, [1]);
    }
}
