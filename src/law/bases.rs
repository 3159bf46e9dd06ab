//! The lawful bases and conditions a purpose relies on: their articles and
//! what they mean in plain English, as the published page says them.

use crate::model::{LawfulBasis, TransferMechanism};

impl LawfulBasis {
    /// The key written in a notice file, e.g. `public-task`.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The basis as a heading: "Public task" (the words are in the
    /// catalogue, `locales/en-GB.ftl`, with the Welsh beside them).
    pub fn title(self) -> std::borrow::Cow<'static, str> {
        crate::i18n::Language::English.word("basis-title", self.key())
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
}

impl TransferMechanism {
    /// The safeguard for a transfer out of the UK, with its article, in
    /// English.
    pub fn description(self) -> std::borrow::Cow<'static, str> {
        crate::i18n::Language::English.word("transfer-mechanism", self.into())
    }
}
