//! The lawful bases and conditions a purpose relies on: their articles and
//! what they mean in plain English, as the published page says them.

use crate::model::{
    ControllerKind, LawfulBasis, ProvisionRequirement, RecognisedInterest,
    SpecialCategoryCondition, TransferMechanism,
};

impl LawfulBasis {
    /// The key written in a notice file, e.g. `public-task`.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The basis as a heading: "Public task".
    pub fn title(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "Consent",
            LawfulBasis::Contract => "Contract",
            LawfulBasis::LegalObligation => "Legal obligation",
            LawfulBasis::VitalInterests => "Vital interests",
            LawfulBasis::PublicTask => "Public task",
            LawfulBasis::RecognisedLegitimateInterest => "Recognised legitimate interest",
            LawfulBasis::LegitimateInterests => "Legitimate interests",
        }
    }

    /// The provision: "UK GDPR Art. 6(1)(e)".
    pub fn article(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "UK GDPR Art. 6(1)(a)",
            LawfulBasis::Contract => "UK GDPR Art. 6(1)(b)",
            LawfulBasis::LegalObligation => "UK GDPR Art. 6(1)(c)",
            LawfulBasis::VitalInterests => "UK GDPR Art. 6(1)(d)",
            LawfulBasis::PublicTask => "UK GDPR Art. 6(1)(e)",
            LawfulBasis::RecognisedLegitimateInterest => "UK GDPR Art. 6(1)(ea)",
            LawfulBasis::LegitimateInterests => "UK GDPR Art. 6(1)(f)",
        }
    }

    /// What it means for the reader, to follow "because …".
    pub fn explanation(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "you have agreed to us using your information for this purpose",
            LawfulBasis::Contract => {
                "we need it for a contract with you, or to take steps you ask for before entering one"
            }
            LawfulBasis::LegalObligation => "the law requires us to use it",
            LawfulBasis::VitalInterests => "we need it to protect someone's life",
            LawfulBasis::PublicTask => {
                "we need it to carry out a task in the public interest or our official functions"
            }
            LawfulBasis::RecognisedLegitimateInterest => {
                "the law recognises this use as a legitimate interest"
            }
            LawfulBasis::LegitimateInterests => {
                "we have a legitimate interest that is not outweighed by your rights"
            }
        }
    }
}

impl RecognisedInterest {
    /// The condition of Annex 1 in plain English.
    pub fn description(self) -> &'static str {
        match self {
            RecognisedInterest::PublicTaskDisclosure => {
                "disclosure to a body that needs it for a task in the public interest"
            }
            RecognisedInterest::NationalSecurity => {
                "national security, public security and defence"
            }
            RecognisedInterest::Emergencies => "responding to an emergency",
            RecognisedInterest::Crime => "detecting, investigating or preventing crime",
            RecognisedInterest::Safeguarding => "safeguarding vulnerable people",
        }
    }
}

impl SpecialCategoryCondition {
    /// The Art. 9(2) condition in plain English, with its point.
    pub fn description(self) -> &'static str {
        use SpecialCategoryCondition::*;
        match self {
            ExplicitConsent => "your explicit consent (UK GDPR Art. 9(2)(a))",
            EmploymentSocialSecurity => {
                "employment, social security and social protection law (Art. 9(2)(b))"
            }
            VitalInterests => "protecting someone's life when they cannot consent (Art. 9(2)(c))",
            NotForProfit => "the activities of a not-for-profit body (Art. 9(2)(d))",
            MadePublic => "information you have made public (Art. 9(2)(e))",
            LegalClaims => "legal claims and courts (Art. 9(2)(f))",
            SubstantialPublicInterest => "substantial public interest (Art. 9(2)(g))",
            HealthSocialCare => "health or social care (Art. 9(2)(h))",
            PublicHealth => "public health (Art. 9(2)(i))",
            ArchivingResearch => "archiving, research or statistics (Art. 9(2)(j))",
        }
    }
}

impl ProvisionRequirement {
    /// Whether the person must give the data (Art. 13(2)(e)), as a sentence.
    pub fn sentence(self) -> &'static str {
        match self {
            ProvisionRequirement::Statutory => "The law requires you to give us this information.",
            ProvisionRequirement::Contractual => {
                "You must give us this information under a contract."
            }
            ProvisionRequirement::ContractPrecondition => {
                "We need this information before we can enter into a contract with you."
            }
            ProvisionRequirement::Voluntary => "You do not have to give us this information.",
            ProvisionRequirement::Observed => {
                "We record this information when you are seen, for example on camera; you are not asked to give it."
            }
            ProvisionRequirement::Varies => {
                "Whether you must give us information depends on the service: sometimes the law or a contract requires it."
            }
        }
    }
}

impl TransferMechanism {
    /// The safeguard for a transfer out of the UK, with its article.
    pub fn description(self) -> &'static str {
        match self {
            TransferMechanism::Adequacy => "UK adequacy regulations (UK GDPR Art. 45)",
            TransferMechanism::Idta => "the International Data Transfer Agreement (Art. 46)",
            TransferMechanism::Addendum => {
                "the UK Addendum to the EU standard contractual clauses (Art. 46)"
            }
            TransferMechanism::Bcr => "binding corporate rules (Art. 47)",
            TransferMechanism::Derogation => "a derogation for a specific situation (Art. 49)",
        }
    }
}

impl ControllerKind {
    /// What the controller is, with its article: "a public authority".
    pub fn description(self) -> &'static str {
        match self {
            ControllerKind::PublicAuthority => "a public authority",
            ControllerKind::Company => "a company",
            ControllerKind::Charity => "a charity",
            ControllerKind::Other => "an organisation",
        }
    }
}
