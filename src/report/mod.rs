//! Reporting diagnostics: one module per output format. Each returns the
//! whole output as a string; only `main` prints.

pub mod human;
pub mod json;

use std::str::FromStr;

/// The output formats of `noticec check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "human" => Ok(Format::Human),
            "json" => Ok(Format::Json),
            other => Err(format!("unknown format `{other}` (use human or json)")),
        }
    }
}
