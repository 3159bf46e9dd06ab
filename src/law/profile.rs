//! Profiles: which requirements apply, how severe they are, what they cite.
//!
//! The set of required sections is data, not code: each profile is a TOML
//! file in `src/law/profiles/`, embedded in the binary. `--profile` picks one
//! and severity overrides (`--severity KEY=LEVEL`) adjust it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::Severity;

/// How a requirement is enforced by a profile, or by an override.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

impl Level {
    /// The severity of findings at this level, or `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    /// Parses `off`, `warning` (or `warn`) and `error` (or `deny`).
    pub fn parse(text: &str) -> Option<Level> {
        match text.to_ascii_lowercase().as_str() {
            "off" | "allow" => Some(Level::Off),
            "warning" | "warn" => Some(Level::Warning),
            "error" | "deny" => Some(Level::Error),
            _ => None,
        }
    }
}

/// How one requirement is checked under a profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementSetting {
    pub severity: Level,
    pub citation: String,
}

/// A set of requirements to check a notice against.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The name used with `--profile`.
    pub name: String,
    /// What the profile is, for people.
    pub title: String,
    /// Whether every purpose is checked as DPA 2018 Part 3 processing.
    #[serde(default)]
    pub law_enforcement: bool,
    /// Requirement key → setting. Keys not listed are not checked.
    pub requirements: BTreeMap<String, RequirementSetting>,
}

/// The profiles shipped with noticec, as (file name, TOML text).
const BUILT_IN: &[(&str, &str)] = &[
    ("uk-gdpr.toml", include_str!("profiles/uk-gdpr.toml")),
    (
        "dpa-2018-part-3.toml",
        include_str!("profiles/dpa-2018-part-3.toml"),
    ),
];

/// The name of the profile used when none is chosen.
pub const DEFAULT_PROFILE: &str = "uk-gdpr";

/// The built-in profile in `BUILT_IN[index]`, parsed the first time it is
/// needed.
fn built_in_at(index: usize) -> &'static Profile {
    static PARSED: [std::sync::OnceLock<Profile>; BUILT_IN.len()] =
        [const { std::sync::OnceLock::new() }; BUILT_IN.len()];
    PARSED[index].get_or_init(|| {
        let (file, text) = BUILT_IN[index];
        // The files are part of the program and tested; a broken one is a
        // bug in noticec, not in the user's input.
        toml::from_str(text).unwrap_or_else(|e| panic!("built-in profile {file}: {e}"))
    })
}

impl Profile {
    /// All built-in profiles, the default first.
    pub fn built_in() -> Vec<Profile> {
        (0..BUILT_IN.len())
            .map(|index| built_in_at(index).clone())
            .collect()
    }

    /// A built-in profile by name. Each file is named after its profile (a
    /// test keeps them so), so only the one asked for is parsed: `check` of
    /// one notice pays for one profile, not all.
    pub fn named(name: &str) -> Option<Profile> {
        BUILT_IN
            .iter()
            .position(|(file, _)| file.strip_suffix(".toml") == Some(name))
            .map(|index| built_in_at(index).clone())
    }

    /// The names of the built-in profiles.
    pub fn names() -> Vec<String> {
        Self::built_in().into_iter().map(|p| p.name).collect()
    }

    /// The severity findings of a requirement get, after overrides; `None`
    /// when the requirement is off or not in the profile.
    pub fn severity_of(&self, key: &str, overrides: &BTreeMap<String, Level>) -> Option<Severity> {
        overrides
            .get(key)
            .copied()
            .or_else(|| self.requirements.get(key).map(|s| s.severity))
            .and_then(Level::severity)
    }

    /// What a requirement cites under this profile.
    pub fn citation_of(&self, key: &str) -> Option<&str> {
        self.requirements.get(key).map(|s| s.citation.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RULES, RuleKind};

    #[test]
    fn built_in_profiles_load_and_name_only_real_requirements() {
        let profiles = Profile::built_in();
        assert_eq!(profiles[0].name, DEFAULT_PROFILE);
        for (profile, (file, _)) in profiles.iter().zip(BUILT_IN) {
            // `named` finds a profile by its file's name.
            assert_eq!(file.strip_suffix(".toml"), Some(profile.name.as_str()));
            assert_eq!(
                Profile::named(&profile.name).map(|p| p.title),
                Some(profile.title.clone())
            );
            for key in profile.requirements.keys() {
                let rule = crate::rules::find(key)
                    .unwrap_or_else(|| panic!("{}: no rule for `{key}`", profile.name));
                assert_eq!(rule.kind, RuleKind::Requirement);
            }
        }
    }

    #[test]
    fn the_default_profile_covers_every_requirement_rule() {
        let profile = Profile::named(DEFAULT_PROFILE).expect("default profile");
        for rule in RULES.iter().filter(|r| r.kind == RuleKind::Requirement) {
            assert!(
                profile.requirements.contains_key(rule.name),
                "uk-gdpr profile lacks `{}`",
                rule.name
            );
        }
    }

    #[test]
    fn overrides_win() {
        let profile = Profile::named(DEFAULT_PROFILE).expect("default profile");
        let mut overrides = BTreeMap::new();
        assert_eq!(
            profile.severity_of("retention", &overrides),
            Some(Severity::Error)
        );
        overrides.insert("retention".to_string(), Level::Warning);
        assert_eq!(
            profile.severity_of("retention", &overrides),
            Some(Severity::Warning)
        );
        overrides.insert("retention".to_string(), Level::Off);
        assert_eq!(profile.severity_of("retention", &overrides), None);
    }
}
