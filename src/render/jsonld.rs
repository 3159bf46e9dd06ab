//! The notice's twin in JSON-LD (`build --format jsonld`), in the W3C Data
//! Privacy Vocabulary (DPV 2.x, `https://w3id.org/dpv#`): the notice is a
//! `dpv:PrivacyNotice` under UK law (`legal-gb:law-GDPR`, `legal-gb:law-DPA`,
//! `loc:GB`); each purpose is a `dpv:Process` with its `dpv:Purpose`, its
//! legal bases (`dpv:LegalObligation` …), the personal data it uses
//! (`dpv:SpecialCategoryPersonalData` where it is), its recipients, sources
//! and storage duration; each transfer out of the UK is a
//! `dpv:CrossBorderTransfer` with its mechanism; the rights are
//! `dpv:DataSubjectRight`s. The
//! `@context` is embedded, so the document expands offline. Where DPV has
//! no UK term (a right under UK GDPR, the recognised legitimate interest of
//! Art. 6(1)(ea), the regulator's current name), a node is made under the
//! notice's address with `skos:closeMatch` (or `skos:broader`) to DPV's.
//! IRIs checked against DPV 2.3 (w3c/dpv, 2.3/*.csv).

use serde_json::{Map, Value, json};

use crate::law::rights::notice_rights;
use crate::model::{LawfulBasis, Notice, Right};

/// The embedded context: prefixes only, so no term can be redefined.
fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "legal-gb": "https://w3id.org/dpv/legal/gb#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
    })
}

fn id(iri: &str) -> Value {
    json!({ "@id": iri })
}

/// The DPV legal bases of a lawful basis (public task is both of DPV's
/// Art. 6(1)(e) concepts); `None` for the recognised legitimate interest,
/// which DPV does not have.
fn dpv_bases(basis: LawfulBasis) -> Option<&'static [&'static str]> {
    Some(match basis {
        LawfulBasis::Consent => &["dpv:Consent"],
        LawfulBasis::Contract => &["dpv:Contract"],
        LawfulBasis::LegalObligation => &["dpv:LegalObligation"],
        LawfulBasis::VitalInterests => &["dpv:VitalInterest"],
        LawfulBasis::PublicTask => &["dpv:PublicInterest", "dpv:OfficialAuthorityOfController"],
        LawfulBasis::LegitimateInterests => &["dpv:LegitimateInterest"],
        LawfulBasis::RecognisedLegitimateInterest => return None,
    })
}

/// The EU GDPR article DPV names for a right, to match ours against.
fn eu_right(right: Right) -> &'static str {
    match right {
        Right::Access => "eu-gdpr:A15",
        Right::Rectification => "eu-gdpr:A16",
        Right::Erasure => "eu-gdpr:A17",
        Right::Restriction => "eu-gdpr:A18",
        Right::Portability => "eu-gdpr:A20",
        Right::Object => "eu-gdpr:A21",
        Right::WithdrawConsent => "eu-gdpr:A7-3",
        Right::AutomatedDecisions => "eu-gdpr:A22",
    }
}

/// A fragment-safe piece of an id.
fn slug(text: &str) -> String {
    crate::render::view::anchor("", text)
}

use crate::model::forms::given as text;

/// The twin of `notice` as pretty JSON-LD with a trailing newline. `base`
/// is the notice's address (its `@id`); fragments of it name the parts.
pub fn to_jsonld(notice: &Notice, base: &str, today: jiff::civil::Date) -> String {
    let at = |fragment: &str| format!("{base}#{fragment}");
    let meta = notice.notice.clone().unwrap_or_default();
    let effective = notice.with_all_purposes();
    let mut doc = Map::new();
    doc.insert("@context".into(), context());
    doc.insert("@id".into(), Value::String(base.to_string()));
    doc.insert("@type".into(), json!("dpv:PrivacyNotice"));
    if let Some(title) = text(&meta.title) {
        doc.insert("dct:title".into(), json!(title));
    }
    if let Some(language) = text(&meta.language) {
        doc.insert("dct:language".into(), json!(language));
    }
    if let Some(date) = meta.last_updated.and_then(|d| d.date) {
        doc.insert(
            "dct:modified".into(),
            json!({ "@value": format!("{:04}-{:02}-{:02}", date.year, date.month, date.day), "@type": "xsd:date" }),
        );
    }
    if let Some(version) = text(&meta.version) {
        doc.insert("dct:hasVersion".into(), json!(version));
    }
    doc.insert(
        "dpv:hasApplicableLaw".into(),
        json!([id("legal-gb:law-GDPR"), id("legal-gb:law-DPA")]),
    );
    doc.insert("dpv:hasJurisdiction".into(), id("loc:GB"));

    let entity = |fragment: &str, kind: &str, contact: &crate::model::Contact| {
        let mut node = Map::new();
        node.insert("@id".into(), json!(at(fragment)));
        node.insert("@type".into(), json!(kind));
        if let Some(name) = text(&contact.name) {
            node.insert("dpv:hasName".into(), json!(name));
        }
        if let Some(address) = text(&contact.address) {
            node.insert("dpv:hasAddress".into(), json!(address));
        }
        let contacts: Vec<Value> = [
            text(&contact.email),
            text(&contact.phone),
            text(&contact.web_form),
        ]
        .into_iter()
        .flatten()
        .map(|c| json!(c))
        .collect();
        if !contacts.is_empty() {
            node.insert("dpv:hasContact".into(), Value::Array(contacts));
        }
        Value::Object(node)
    };
    if let Some(controller) = &notice.controller {
        doc.insert(
            "dpv:hasDataController".into(),
            entity("controller", "dpv:DataController", &controller.contact),
        );
    }
    if let Some(dpo) = notice.dpo.as_ref().filter(|d| d.appointed != Some(false)) {
        doc.insert(
            "dpv:hasDataProtectionOfficer".into(),
            entity("dpo", "dpv:DataProtectionOfficer", &dpo.contact),
        );
    }
    if let Some(representative) = &notice.representative {
        doc.insert(
            "dpv:hasRepresentative".into(),
            entity(
                "representative",
                "dpv:Representative",
                &representative.contact,
            ),
        );
    }
    let regulator = crate::law::regulator::regulator(today);
    doc.insert(
        "dpv:hasAuthority".into(),
        json!({
            "@id": at("regulator"),
            "@type": "dpv:DataProtectionAuthority",
            "dpv:hasName": regulator.name,
            "skos:exactMatch": id("legal-gb:DPA-GB"),
        }),
    );

    // Categories and recipients by id.
    let category = |cid: &str| -> Option<Value> {
        let c = notice
            .data_categories
            .iter()
            .find(|c| c.id.as_deref() == Some(cid))?;
        let mut types = vec![json!("dpv:PersonalData")];
        if c.special_category {
            types.push(json!("dpv:SpecialCategoryPersonalData"));
        }
        Some(json!({
            "@id": at(&format!("data-{}", slug(cid))),
            "@type": types,
            "skos:prefLabel": text(&c.name).unwrap_or(cid),
        }))
    };
    let recipient = |rid: &str| -> Value {
        let name = notice
            .recipients
            .iter()
            .find(|r| r.id.as_deref() == Some(rid))
            .and_then(|r| text(&r.name))
            .unwrap_or(rid);
        json!({ "@id": at(&format!("recipient-{}", slug(rid))), "@type": "dpv:Recipient", "dpv:hasName": name })
    };
    let retention = |rule_id: &str| -> Option<Value> {
        let rule = notice
            .retention
            .iter()
            .flat_map(|r| &r.rules)
            .find(|r| r.id.as_deref() == Some(rule_id))?;
        let said = rule.said()?;
        Some(json!({
            "@id": at(&format!("retention-{}", slug(rule_id))),
            "@type": "dpv:StorageDuration",
            "dpv:hasDuration": { "@type": "dpv:UntilEventDuration", "dct:description": said },
        }))
    };

    let mut processes = Vec::new();
    for (i, purpose) in effective.purposes.iter().enumerate() {
        let key = text(&purpose.id).map_or_else(|| format!("{}", i + 1), slug);
        let mut process = Map::new();
        process.insert("@id".into(), json!(at(&format!("purpose-{key}"))));
        process.insert("@type".into(), json!("dpv:Process"));
        let mut aim = Map::new();
        aim.insert("@id".into(), json!(at(&format!("purpose-{key}-purpose"))));
        aim.insert("@type".into(), json!("dpv:Purpose"));
        if let Some(name) = text(&purpose.name) {
            aim.insert("skos:prefLabel".into(), json!(name));
        }
        if let Some(description) = text(&purpose.description) {
            aim.insert("dct:description".into(), json!(description));
        }
        process.insert("dpv:hasPurpose".into(), Value::Object(aim));
        let mut bases = Vec::new();
        for basis in purpose.lawful_bases.iter().flatten() {
            match dpv_bases(*basis) {
                Some(iris) => bases.extend(iris.iter().map(|iri| id(iri))),
                None => bases.push(json!({
                    "@id": at("basis-recognised-legitimate-interest"),
                    "@type": "dpv:LegalBasis",
                    "skos:prefLabel": "Recognised legitimate interest (UK GDPR Art. 6(1)(ea))",
                    "skos:broader": id("dpv:LegitimateInterest"),
                    "dpv:hasApplicableLaw": id("legal-gb:law-GDPR"),
                })),
            }
        }
        if !bases.is_empty() {
            process.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
        }
        let data: Vec<Value> = purpose
            .data_categories
            .iter()
            .flatten()
            .filter_map(|c| category(c))
            .collect();
        if !data.is_empty() {
            process.insert("dpv:hasPersonalData".into(), Value::Array(data));
        }
        let recipients: Vec<Value> = purpose
            .recipients
            .iter()
            .flatten()
            .map(|r| recipient(r))
            .collect();
        if !recipients.is_empty() {
            process.insert("dpv:hasRecipient".into(), Value::Array(recipients));
        }
        let mut sources = Vec::new();
        if purpose.from_person == Some(true) {
            sources.push(id("dpv:DataSubjectDataSource"));
        }
        for source in purpose.other_sources.iter().flatten() {
            let kind = if source.publicly_accessible {
                "dpv:PublicDataSource"
            } else {
                "dpv:ThirdPartyDataSource"
            };
            let mut node = Map::new();
            node.insert("@type".into(), json!(kind));
            if let Some(name) = text(&source.name) {
                node.insert("dpv:hasName".into(), json!(name));
            }
            sources.push(Value::Object(node));
        }
        if !sources.is_empty() {
            process.insert("dpv:hasDataSource".into(), Value::Array(sources));
        }
        if let Some(storage) = purpose.retention.as_deref().and_then(retention) {
            process.insert("dpv:hasStorageCondition".into(), storage);
        }
        if let Some(law) = text(&purpose.law) {
            process.insert("dct:description".into(), json!(format!("The law: {law}")));
        }
        processes.push(Value::Object(process));
    }
    doc.insert("dpv:hasProcess".into(), Value::Array(processes));

    // Transfers out of the UK: each a dpv:CrossBorderTransfer with its
    // destination, recipient and mechanism. DPV's transfer terms are the EU
    // GDPR's, so the UK mechanism is a node of its own, only related to them.
    let transfers: Vec<Value> = notice
        .transfers
        .iter()
        .filter(|t| t.outside_uk == Some(true))
        .flat_map(|t| &t.destinations)
        .enumerate()
        .map(|(i, t)| {
            let mut node = Map::new();
            node.insert("@id".into(), json!(at(&format!("transfer-{}", i + 1))));
            node.insert("@type".into(), json!("dpv:CrossBorderTransfer"));
            if let Some(place) = text(&t.destination) {
                node.insert(
                    "dpv:hasThirdCountry".into(),
                    json!({ "@id": at(&format!("country-{}", slug(place))), "@type": "dpv:ThirdCountry", "skos:prefLabel": place }),
                );
            }
            if let Some(r) = t.recipient.as_deref() {
                node.insert("dpv:hasRecipient".into(), recipient(r));
            }
            if let Some(mechanism) = t.mechanism {
                let (key, related, safeguard) = match mechanism {
                    crate::model::TransferMechanism::Adequacy => ("adequacy", Some("eu-gdpr:A45-3"), false),
                    crate::model::TransferMechanism::Idta => ("idta", Some("eu-gdpr:A46-2-d"), true),
                    crate::model::TransferMechanism::Addendum => ("addendum", Some("eu-gdpr:A46-2-d"), true),
                    crate::model::TransferMechanism::Bcr => ("bcr", Some("eu-gdpr:A46-2-b"), true),
                    crate::model::TransferMechanism::Derogation => ("derogation", None, false),
                };
                let mut basis = Map::new();
                basis.insert("@id".into(), json!(at(&format!("transfer-mechanism-{key}"))));
                basis.insert("@type".into(), json!("dpv:DataTransferLegalBasis"));
                basis.insert("skos:prefLabel".into(), json!(mechanism.description()));
                basis.insert("dpv:hasApplicableLaw".into(), id("legal-gb:law-GDPR"));
                if let Some(related) = related {
                    basis.insert("skos:relatedMatch".into(), id(related));
                }
                node.insert("dpv:hasLegalBasis".into(), Value::Object(basis));
                if safeguard {
                    let mut measure = Map::new();
                    measure.insert("@type".into(), json!("dpv:SafeguardForDataTransfer"));
                    measure.insert("skos:prefLabel".into(), json!(mechanism.description()));
                    if let Some(copy) = text(&t.copy) {
                        measure.insert("dct:description".into(), json!(copy));
                    }
                    node.insert("dpv:hasOrganisationalMeasure".into(), Value::Object(measure));
                }
            }
            Value::Object(node)
        })
        .collect();
    if !transfers.is_empty() {
        doc.insert("dpv:hasProcessing".into(), Value::Array(transfers));
    }

    let rights: Vec<Value> = notice_rights(&effective, false)
        .keys()
        .map(|right| {
            json!({
                "@id": at(&format!("right-{}", right.key())),
                "@type": "dpv:DataSubjectRight",
                "skos:prefLabel": format!("{} ({})", right.name(), right.article()),
                "skos:closeMatch": id(eu_right(*right)),
            })
        })
        .collect();
    if !rights.is_empty() {
        doc.insert("dpv:hasRight".into(), Value::Array(rights));
    }
    let mut out = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
    out.push('\n');
    out
}
