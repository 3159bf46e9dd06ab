//! The machine-readable twin of a notice (`build --format json`): the
//! notice as resolved (after `extends`), with the facts behind the
//! sentences noticec generates — the rights each purpose gives (derived
//! from the lawful bases, with their articles and limits), the right to
//! object, the lawful bases' articles, the regulator on the build date.
//! Its shape is `schemas/notice-output.schema.json`, generated from these
//! types; a test keeps the committed copy current.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::law::rights::{notice_rights, objection};
use crate::model::{LawfulBasis, Notice, Right};

/// The twin of one notice.
#[derive(Serialize, JsonSchema)]
pub struct NoticeOutput<'a> {
    /// What this document is: `noticec-notice/1`.
    pub format: &'static str,
    /// The noticec that made it: `noticec 0.1.0`.
    pub generator: String,
    /// Published with errors (`--allow-errors`): not ready to publish.
    pub draft: bool,
    /// The notice, merged with the shared parts it extends.
    pub notice: &'a Notice,
    /// Each purpose's lawful bases with the provision that gives them.
    pub lawful_bases: Vec<PurposeBases>,
    /// The rights that apply, derived from the lawful bases.
    pub rights: Vec<RightOutput>,
    /// The right to object, when any purpose gives it (UK GDPR Art. 21).
    pub objection: Option<ObjectionOutput>,
    /// The regulator people can complain to, as named on the build date.
    pub regulator: RegulatorOutput,
}

/// The lawful bases of one purpose.
#[derive(Serialize, JsonSchema)]
pub struct PurposeBases {
    /// The purpose's `id` (or its position, `#1`, when it has none).
    pub purpose: String,
    pub bases: Vec<BasisOutput>,
}

#[derive(Serialize, JsonSchema)]
pub struct BasisOutput {
    /// `legal-obligation`, as in the notice.
    pub key: &'static str,
    /// "UK GDPR Art. 6(1)(c)".
    pub article: &'static str,
}

/// One right and the purposes it applies to.
#[derive(Serialize, JsonSchema)]
pub struct RightOutput {
    /// `access`, `erasure`, … as in the notice format.
    pub key: &'static str,
    /// "UK GDPR Art. 15".
    pub article: &'static str,
    /// The purposes (ids) the right applies to.
    pub purposes: Vec<String>,
    /// Of those, where it is limited or conditional.
    pub limited_for: Vec<String>,
}

/// The right to object, by ground.
#[derive(Serialize, JsonSchema)]
pub struct ObjectionOutput {
    /// Art. 21(1): the lawful basis and the purposes (ids) it covers.
    pub grounds: Vec<ObjectionGround>,
    /// Art. 21(2)-(3): the direct marketing purposes (ids).
    pub direct_marketing: Vec<String>,
}

#[derive(Serialize, JsonSchema)]
pub struct ObjectionGround {
    pub basis: &'static str,
    pub purposes: Vec<String>,
}

#[derive(Serialize, JsonSchema)]
pub struct RegulatorOutput {
    pub name: &'static str,
    pub short: &'static str,
    pub website: &'static str,
    pub phone: &'static str,
}

/// The twin of `notice` as pretty JSON with a trailing newline.
pub fn to_json(
    notice: &Notice,
    draft: bool,
    all_law_enforcement: bool,
    today: jiff::civil::Date,
) -> String {
    let ids: Vec<String> = notice
        .purposes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.id.as_deref()
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map_or_else(|| format!("#{}", i + 1), str::to_string)
        })
        .collect();
    let names = |indexes: &[usize]| -> Vec<String> {
        indexes
            .iter()
            .filter_map(|&i| ids.get(i).cloned())
            .collect()
    };
    let effective = notice.with_all_purposes();
    let rights = notice_rights(&effective, all_law_enforcement)
        .iter()
        .filter(|(right, _)| **right != Right::Object)
        .map(|(right, use_)| RightOutput {
            key: right.key(),
            article: right.article(),
            purposes: names(&use_.purposes),
            limited_for: names(&use_.limited),
        })
        .collect();
    let found = objection(&effective, all_law_enforcement);
    let objection = (!found.is_empty()).then(|| ObjectionOutput {
        grounds: found
            .grounds
            .iter()
            .map(|(basis, purposes)| ObjectionGround {
                basis: basis.key(),
                purposes: names(purposes),
            })
            .collect(),
        direct_marketing: names(&found.direct_marketing),
    });
    let lawful_bases = effective
        .purposes
        .iter()
        .zip(&ids)
        .map(|(p, id)| PurposeBases {
            purpose: id.clone(),
            bases: p
                .lawful_bases
                .iter()
                .flatten()
                .map(|b: &LawfulBasis| BasisOutput {
                    key: b.key(),
                    article: b.article(),
                })
                .collect(),
        })
        .collect();
    let published = crate::law::regulator::regulator(today);
    let output = NoticeOutput {
        format: "noticec-notice/1",
        generator: format!("noticec {}", env!("CARGO_PKG_VERSION")),
        draft,
        notice,
        lawful_bases,
        rights,
        objection,
        regulator: RegulatorOutput {
            name: published.name,
            short: published.short,
            website: published.website,
            phone: published.phone,
        },
    };
    let mut value = serde_json::to_value(&output).unwrap_or(Value::Null);
    plain_dates(&mut value);
    if let Some(notice) = value.get_mut("notice").and_then(Value::as_object_mut) {
        // Accepted findings are the council's internal review, not the
        // notice; the parts it extends are merged in already.
        notice.remove("allow");
        if notice.contains_key("extends") {
            notice.insert("extends".into(), Value::Null);
        }
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML dates serialise as `{"$__toml_private_datetime": "2026-10-01"}`
/// outside TOML; the twin writes them as the string, as its schema says.
fn plain_dates(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.len() == 1
                && let Some(Value::String(date)) = map.get("$__toml_private_datetime")
            {
                *value = Value::String(date.clone());
                return;
            }
            map.values_mut().for_each(plain_dates);
        }
        Value::Array(items) => items.iter_mut().for_each(plain_dates),
        _ => {}
    }
}

/// The JSON Schema of the twin, as committed in
/// `schemas/notice-output.schema.json`.
pub fn output_schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<NoticeOutput<'static>>()
        .to_value();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
