//! Reporting diagnostics: one module per output format. Each returns the
//! whole output as a string; only `main` prints.

pub mod human;
pub mod json;
