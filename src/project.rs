//! Projects: a council's notice repository, described by `noticec.toml`.
//!
//! The configuration says where the notices and shared parts are, which is
//! the corporate notice, how to build the site and how strict to be. `check`
//! and `build` with no paths use it. It is read with the same loader as
//! notices, so unknown keys are reported with their location and a "did you
//! mean".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, code, did_you_mean};
use crate::law::profile::{Level, Profile};
use crate::load::locate::{Resolved, SpanIndex};
use crate::load::read;
use crate::load::source::SourceFile;
use crate::model::KeyPath;
use crate::rules;

pub use crate::load::discover::CONFIG_FILE;

/// `noticec.toml`: how a council's notices are checked and published.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(title = "noticec project")]
pub struct ProjectConfig {
    /// The organisation, shown as the title of the index page, e.g.
    /// "Example Borough Council".
    pub name: Option<String>,
    /// The organisation's name in Welsh, for the Welsh index page, e.g.
    /// "Cyngor Bwrdeistref Enghraifft".
    pub name_cy: Option<String>,
    /// Notice files or folders, relative to this file. Defaults to `["notices"]`.
    pub notices: Option<Vec<String>>,
    /// Files or folders of shared parts that notices `extend`; they are not
    /// notices themselves. A part that no notice uses is reported.
    pub parts: Option<Vec<String>>,
    /// The corporate notice: every other notice's page links to it, and its
    /// page lists them.
    pub corporate: Option<String>,
    /// Shared parts that every notice extends, beneath its own `extends`
    /// (organisation-wide defaults such as the controller and DPO).
    pub defaults: Option<Vec<String>>,
    /// Where `build` writes the site. Defaults to `site`.
    pub out: Option<String>,
    /// Output formats: any of "html", "md", "txt". Defaults to all three.
    pub formats: Option<Vec<String>>,
    /// The look of the HTML: "plain" or "govuk".
    pub theme: Option<String>,
    /// A folder of templates that replace the built-in ones, file by file.
    pub templates: Option<String>,
    /// Build every version of each notice in its git history into
    /// `archive/` (as `noticec build --archive`).
    pub archive: Option<bool>,
    /// The requirement profile: "uk-gdpr" (default) or "dpa-2018-part-3".
    pub profile: Option<String>,
    /// Requirement key or project rule → "off", "warning" or "error", e.g.
    /// `plain-language = "off"`.
    pub severity: Option<BTreeMap<String, Level>>,
}

/// The JSON Schema of `noticec.toml` (for the loader's unknown-key check
/// and for editors).
pub fn config_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        schemars::generate::SchemaSettings::draft07()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<ProjectConfig>()
            .to_value()
    })
}

/// A loaded project.
#[derive(Debug, Clone)]
pub struct Project {
    /// The folder holding `noticec.toml`; shared parts must be inside it.
    pub root: PathBuf,
    pub file: Arc<SourceFile>,
    pub index: SpanIndex,
    pub config: ProjectConfig,
}

/// Looks for `noticec.toml` in `start` and the folders above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

impl Project {
    /// Reads and checks a project configuration file.
    pub fn load(path: &Path) -> Result<Project, Vec<Diagnostic>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![Diagnostic::file_problem(
                Arc::new(SourceFile::new(path, "")),
                code::UNREADABLE_FILE,
                format!("cannot read the project configuration: {e}"),
                "check the file exists and is UTF-8 text",
            )]
        })?;
        let file = Arc::new(SourceFile::new(path, read::strip_bom(text)));
        let (document, mut diagnostics) =
            read::read_document::<ProjectConfig>(&file, config_schema(), "project configuration");
        let Some((config, index)) = document else {
            return Err(diagnostics);
        };
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let project = Project {
            root,
            file,
            index,
            config,
        };
        diagnostics.extend(project.check_values());
        if diagnostics.is_empty() {
            Ok(project)
        } else {
            Err(diagnostics)
        }
    }

    /// A path from the configuration, relative to the project folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// The notice files and folders to check.
    pub fn notice_paths(&self) -> Vec<PathBuf> {
        match &self.config.notices {
            Some(list) => list.iter().map(|p| self.path(p)).collect(),
            None => vec![self.path("notices")],
        }
    }

    /// Every shared part file.
    pub fn part_files(&self) -> Vec<PathBuf> {
        let roots: Vec<PathBuf> = self
            .config
            .parts
            .iter()
            .flatten()
            .map(|p| self.path(p))
            .collect();
        crate::load::discover::discover(&roots)
    }

    /// The organisation-wide defaults every notice extends.
    pub fn defaults(&self) -> Vec<PathBuf> {
        self.config
            .defaults
            .iter()
            .flatten()
            .map(|p| self.path(p))
            .collect()
    }

    fn problem(
        &self,
        at: KeyPath,
        code: &'static str,
        message: String,
        help: String,
    ) -> Diagnostic {
        let span = match self.index.resolve(&at) {
            Resolved::Found(place) => place.value,
            Resolved::Missing { container, .. } => container,
        };
        let mut d =
            Diagnostic::file_problem(self.file.clone(), code, message, help).at(span, "here");
        d.path = Some(at.to_string());
        d
    }

    /// Values serde accepts but noticec cannot use: an unknown profile,
    /// format, theme or rule, or a path that does not exist.
    fn check_values(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let root = KeyPath::root();
        let config = &self.config;
        if let Some(profile) = &config.profile
            && Profile::named(profile).is_none()
        {
            out.push(self.problem(
                root.key("profile"),
                code::INVALID_VALUE,
                format!("`{profile}` is not a profile"),
                format!("use one of: {}", Profile::names().join(", ")),
            ));
        }
        for (i, format) in config.formats.iter().flatten().enumerate() {
            if crate::render::Format::parse(format).is_none() {
                out.push(self.problem(
                    root.key("formats").index(i),
                    code::INVALID_VALUE,
                    format!("`{format}` is not an output format"),
                    "use \"html\", \"md\" or \"txt\"".into(),
                ));
            }
        }
        if let Some(theme) = &config.theme
            && !matches!(theme.as_str(), "plain" | "govuk")
        {
            out.push(self.problem(
                root.key("theme"),
                code::INVALID_VALUE,
                format!("`{theme}` is not a theme"),
                "use \"plain\" or \"govuk\"".into(),
            ));
        }
        for key in config.severity.iter().flat_map(|s| s.keys()) {
            if rules::find(key).is_none_or(|r| !r.is_adjustable()) {
                let names = rules::RULES
                    .iter()
                    .filter(|r| r.is_adjustable())
                    .map(|r| r.name);
                let help = match did_you_mean(key, names) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "run `noticec explain` for the list of requirement keys".into(),
                };
                out.push(self.problem(
                    root.key("severity").key(key),
                    code::INVALID_VALUE,
                    format!("`{key}` is not a requirement or project rule"),
                    help,
                ));
            }
        }
        let paths = [
            ("notices", config.notices.clone()),
            ("parts", config.parts.clone()),
            ("defaults", config.defaults.clone()),
        ];
        for (key, list) in paths {
            for (i, relative) in list.iter().flatten().enumerate() {
                if !self.path(relative).exists() {
                    out.push(self.problem(
                        root.key(key).index(i),
                        code::UNKNOWN_REFERENCE,
                        format!("`{relative}` does not exist"),
                        "paths are relative to noticec.toml".into(),
                    ));
                }
            }
        }
        for (key, value) in [
            ("corporate", &config.corporate),
            ("templates", &config.templates),
        ] {
            if let Some(relative) = value
                && !self.path(relative).exists()
            {
                out.push(self.problem(
                    root.key(key),
                    code::UNKNOWN_REFERENCE,
                    format!("`{relative}` does not exist"),
                    "paths are relative to noticec.toml".into(),
                ));
            }
        }
        out
    }
}
