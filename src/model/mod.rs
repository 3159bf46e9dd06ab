//! The model: what a notice says, as Rust types ([`notice`]), how a value
//! in it is named ([`KeyPath`]), and the forms values must take ([`forms`]).
//!
//! The types are the single source of truth for the file format: serde reads
//! them, [`crate::load::schema`] turns their doc comments into the JSON Schema
//! editors use, and the [`crate::rules`] check them.

pub mod forms;
pub mod notice;
mod path;

pub use notice::*;
pub use path::KeyPath;

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    /// The keys written in notice files (serde) and the keys noticec
    /// prints and matches on (strum) are one and the same.
    fn same_names<T: IntoEnumIterator + serde::Serialize + Into<&'static str> + Copy>() {
        for variant in T::iter() {
            let serde = serde_json::to_value(variant).expect("serialises");
            let strum: &'static str = variant.into();
            assert_eq!(serde, serde_json::Value::from(strum));
        }
    }

    #[test]
    fn enum_keys_match_the_file_format() {
        same_names::<LawfulBasis>();
        same_names::<Right>();
        same_names::<ControllerKind>();
        same_names::<RecognisedInterest>();
        same_names::<SpecialCategoryCondition>();
        same_names::<ProvisionRequirement>();
        same_names::<TransferMechanism>();
    }
}
