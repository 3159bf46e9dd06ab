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
