//! Which data protection rights apply, derived from the lawful bases, and
//! how each right is named and explained.
//!
//! This is the table "Which rights apply to which lawful basis" of the
//! requirement catalogue. The `rights` rule compares what a notice lists with
//! it, and the rendered notice lists exactly these rights, so the rights
//! section is correct by construction rather than copied from elsewhere.

use std::collections::BTreeMap;

use crate::model::{LawfulBasis, Notice, Right, SpecialCategoryCondition};

/// How far a right applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Availability {
    /// The right applies, but with limits: erasure when processing is a legal
    /// obligation or a public task (Art. 17(3)(b)).
    Limited,
    /// The right applies.
    Full,
}

/// The rights a lawful basis gives (UK GDPR Arts. 7(3), 15-21).
pub fn rights_for_basis(basis: LawfulBasis) -> &'static [(Right, Availability)] {
    use Availability::*;
    use Right::*;
    match basis {
        LawfulBasis::Consent => &[
            (Access, Full),
            (Rectification, Full),
            (Erasure, Full),
            (Restriction, Full),
            (Portability, Full),
            (WithdrawConsent, Full),
        ],
        LawfulBasis::Contract => &[
            (Access, Full),
            (Rectification, Full),
            (Erasure, Full),
            (Restriction, Full),
            (Portability, Full),
        ],
        LawfulBasis::LegalObligation => &[
            (Access, Full),
            (Rectification, Full),
            (Erasure, Limited),
            (Restriction, Full),
        ],
        LawfulBasis::VitalInterests => &[
            (Access, Full),
            (Rectification, Full),
            (Erasure, Full),
            (Restriction, Full),
        ],
        LawfulBasis::PublicTask => &[
            (Access, Full),
            (Rectification, Full),
            (Erasure, Limited),
            (Restriction, Full),
            (Object, Full),
        ],
        LawfulBasis::LegitimateInterests | LawfulBasis::RecognisedLegitimateInterest => &[
            (Access, Full),
            (Rectification, Full),
            (Erasure, Full),
            (Restriction, Full),
            (Object, Full),
        ],
    }
}

/// The rights under DPA 2018 Part 3 (ss.45-47) for law-enforcement processing.
const LAW_ENFORCEMENT_RIGHTS: &[Right] = &[
    Right::Access,
    Right::Rectification,
    Right::Erasure,
    Right::Restriction,
];

/// The rights that apply to a notice, with how far each applies.
///
/// `all_law_enforcement` is true under the DPA 2018 Part 3 profile.
pub fn applicable_rights(
    notice: &Notice,
    all_law_enforcement: bool,
) -> BTreeMap<Right, Availability> {
    let mut rights = BTreeMap::new();
    let mut grant = |right: Right, availability: Availability| {
        let entry = rights.entry(right).or_insert(availability);
        *entry = (*entry).max(availability);
    };
    for purpose in &notice.purposes {
        if all_law_enforcement || purpose.law_enforcement {
            for &right in LAW_ENFORCEMENT_RIGHTS {
                grant(right, Availability::Full);
            }
            continue;
        }
        let bases = purpose.lawful_bases.as_deref().unwrap_or_default();
        if bases.is_empty() {
            // Whatever the basis turns out to be, these rights exist under
            // every one of them (erasure at least in its limited form).
            for right in [Right::Access, Right::Rectification, Right::Restriction] {
                grant(right, Availability::Full);
            }
            grant(Right::Erasure, Availability::Limited);
        }
        for &basis in bases {
            for &(right, availability) in rights_for_basis(basis) {
                grant(right, availability);
            }
        }
        // Art. 21(2)-(3): objecting to direct marketing is absolute.
        if purpose.direct_marketing {
            grant(Right::Object, Availability::Full);
        }
        // Explicit consent for special category data can be withdrawn too.
        if purpose
            .special_category_conditions
            .iter()
            .flatten()
            .any(|c| *c == SpecialCategoryCondition::ExplicitConsent)
        {
            grant(Right::WithdrawConsent, Availability::Full);
        }
    }
    if notice
        .automated_decisions
        .as_ref()
        .and_then(|a| a.used)
        .unwrap_or(false)
    {
        grant(Right::AutomatedDecisions, Availability::Full);
    }
    rights
}

impl Right {
    /// The key a right is written as in a notice file: `withdraw-consent`.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// How the right is named in messages and pages.
    pub fn name(self) -> &'static str {
        match self {
            Right::Access => "the right of access",
            Right::Rectification => "the right to rectification",
            Right::Erasure => "the right to erasure",
            Right::Restriction => "the right to restrict processing",
            Right::Portability => "the right to data portability",
            Right::Object => "the right to object",
            Right::WithdrawConsent => "the right to withdraw consent",
            Right::AutomatedDecisions => "rights about automated decisions",
        }
    }

    /// The article that gives the right.
    pub fn article(self) -> &'static str {
        match self {
            Right::Access => "UK GDPR Art. 15",
            Right::Rectification => "UK GDPR Art. 16",
            Right::Erasure => "UK GDPR Art. 17",
            Right::Restriction => "UK GDPR Art. 18",
            Right::Portability => "UK GDPR Art. 20",
            Right::Object => "UK GDPR Art. 21",
            Right::WithdrawConsent => "UK GDPR Art. 7(3)",
            Right::AutomatedDecisions => "UK GDPR Art. 22",
        }
    }

    /// What the right lets the reader do, in plain English.
    pub fn description(self) -> &'static str {
        match self {
            Right::Access => "You can ask for a copy of the information we hold about you.",
            Right::Rectification => {
                "You can ask us to correct information about you that is wrong or incomplete."
            }
            Right::Erasure => "You can ask us to delete information about you.",
            Right::Restriction => {
                "You can ask us to stop using your information for a time, for example while we check it is correct."
            }
            Right::Portability => {
                "Where we use information you gave us with your consent or for a contract, by automated means, you can ask for it in a machine-readable format or ask us to send it to another organisation."
            }
            Right::Object => {
                "You can object to us using your information for our public tasks or legitimate interests. We must then stop unless we have compelling legitimate grounds that override your interests. You can always object to direct marketing, and we will stop."
            }
            Right::WithdrawConsent => {
                "Where we rely on your consent, you can withdraw it at any time. This does not affect what we did before you withdrew it."
            }
            Right::AutomatedDecisions => {
                "Where a decision about you is made by automated means, you can ask for a person to review it, give your point of view and contest the decision."
            }
        }
    }

    /// Why the right is limited, when it is.
    pub fn limitation(self, availability: Availability) -> Option<&'static str> {
        match (self, availability) {
            (Right::Erasure, Availability::Limited) => Some(
                "Where we use your information to meet a legal obligation or to carry out our public tasks, the law may require us to keep it, so we cannot always delete it (UK GDPR Art. 17(3)(b)).",
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Purpose;

    fn notice_with(bases: &[LawfulBasis]) -> Notice {
        Notice {
            purposes: vec![Purpose {
                lawful_bases: Some(bases.to_vec()),
                ..Purpose::default()
            }],
            ..Notice::default()
        }
    }

    #[test]
    fn public_task_gives_objection_and_limited_erasure_but_no_portability() {
        let rights = applicable_rights(&notice_with(&[LawfulBasis::PublicTask]), false);
        assert_eq!(rights.get(&Right::Object), Some(&Availability::Full));
        assert_eq!(rights.get(&Right::Erasure), Some(&Availability::Limited));
        assert_eq!(rights.get(&Right::Portability), None);
        assert_eq!(rights.get(&Right::WithdrawConsent), None);
    }

    #[test]
    fn the_widest_availability_wins() {
        let rights = applicable_rights(
            &notice_with(&[LawfulBasis::PublicTask, LawfulBasis::Consent]),
            false,
        );
        assert_eq!(rights.get(&Right::Erasure), Some(&Availability::Full));
        assert_eq!(rights.get(&Right::Portability), Some(&Availability::Full));
        assert_eq!(
            rights.get(&Right::WithdrawConsent),
            Some(&Availability::Full)
        );
    }

    #[test]
    fn a_purpose_without_a_basis_still_has_the_universal_rights() {
        let rights = applicable_rights(&notice_with(&[]), false);
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
    fn law_enforcement_gets_the_part_3_rights_only() {
        let rights = applicable_rights(&notice_with(&[LawfulBasis::Consent]), true);
        let keys: Vec<_> = rights.keys().copied().collect();
        assert_eq!(keys, LAW_ENFORCEMENT_RIGHTS);
    }
}
