//! The JSON Schema of the notice format, generated from [`crate::model`].
//!
//! The committed copy in `schemas/notice.schema.json` is what editors (taplo,
//! Even Better TOML) read through a `#:schema` comment; a test fails when it
//! is out of date. Draft 7 is used because taplo understands it best. The
//! loader also walks this schema to find unknown keys, so the schema, the
//! serde types and the "did you mean" suggestions cannot drift apart.

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::Notice;

/// The schema the loader checks keys against: the committed
/// `schemas/notice.schema.json`, compiled in (parsing it is cheaper than
/// generating it on every run; a test keeps it equal to [`generate`]'s).
pub fn notice_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::from_str(include_str!("../../schemas/notice.schema.json"))
            .unwrap_or_else(|_| generate())
    })
}

/// Generates the schema from the Rust types.
pub fn generate() -> Value {
    {
        let mut schema = SchemaSettings::draft07()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<Notice>()
            .to_value();
        forbid_additional_properties(&mut schema);
        strip_null(&mut schema);
        schema
    }
}

/// The generated schema as pretty JSON with a trailing newline, as committed.
pub fn notice_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&generate()).unwrap_or_default();
    text.push('\n');
    text
}

/// Marks every object schema `additionalProperties: false`, so editors flag
/// unknown keys just as `noticec check` does.
fn forbid_additional_properties(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(forbid_additional_properties);
        }
        Value::Array(items) => items.iter_mut().for_each(forbid_additional_properties),
        _ => {}
    }
}

/// TOML has no null: an optional field is simply left out. Removes the
/// `null` alternatives serde's `Option` adds, so editors report "unknown
/// key" or "expected a string" instead of "not valid under any of the
/// schemas listed in anyOf".
fn strip_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            let replacement = match map.get("anyOf") {
                Some(Value::Array(branches)) if branches.len() == 2 => {
                    let is_null = |b: &Value| b.get("type") == Some(&Value::String("null".into()));
                    branches
                        .iter()
                        .position(is_null)
                        .map(|i| branches[1 - i].clone())
                }
                _ => None,
            };
            if let Some(Value::Object(inner)) = replacement {
                map.remove("anyOf");
                for (key, value) in inner {
                    map.entry(key).or_insert(value);
                }
            }
            map.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// Follows `$ref` pointers and `anyOf`/`oneOf` branches to the schema that
/// describes a value of the given JSON type ("object" or "array").
pub(crate) fn resolve<'a>(root: &'a Value, schema: &'a Value, want: &str) -> Option<&'a Value> {
    let mut current = schema;
    for _ in 0..16 {
        if let Some(pointer) = current.get("$ref").and_then(Value::as_str) {
            current = root.pointer(pointer.trim_start_matches('#'))?;
            continue;
        }
        if let Some(branches) = current
            .get("anyOf")
            .or_else(|| current.get("oneOf"))
            .and_then(Value::as_array)
        {
            current = branches.iter().find_map(|b| resolve(root, b, want))?;
            continue;
        }
        let matches = match current.get("type") {
            Some(Value::String(t)) => t == want,
            Some(Value::Array(ts)) => ts.iter().any(|t| t == want),
            _ => current.get("properties").is_some() && want == "object",
        };
        return matches.then_some(current);
    }
    None
}
