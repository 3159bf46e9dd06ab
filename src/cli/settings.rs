//! Settings: the command line over `noticec.toml`, as the options the
//! library takes. A setting given on the command line wins; then the
//! project's; then noticec's default.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use noticec::check::Options;
use noticec::law::profile::{DEFAULT_PROFILE, Level, Profile};
use noticec::load::resolve::Sharing;
use noticec::project::{self, Project};
use noticec::render::{Format, RenderOptions, Theme};
use noticec::rules;
use noticec::site::BuildOptions;

use super::Failure;
use super::args::{BuildArgs, CheckingArgs, ThemeChoice};

/// The project in force: `--config FILE`, or `noticec.toml` in the current
/// folder or above. Its own problems are printed and stop the run (exit 2).
pub fn project(config: Option<&Path>) -> Result<Option<Project>, Failure> {
    let path = match config {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| project::find(&cwd)),
    };
    let Some(path) = path else { return Ok(None) };
    match Project::load(&path) {
        Ok(project) => Ok(Some(project)),
        Err(diagnostics) => {
            super::eprint_problems(&path, diagnostics);
            Err(Failure::Usage(format!(
                "the project configuration {} has problems",
                noticec::load::source::display_name(&path)
            )))
        }
    }
}

/// Check options from the command line, over the project's settings.
pub fn check_options(project: Option<&Project>, args: &CheckingArgs) -> Result<Options, Failure> {
    let mut options = Options::new(today()?);
    let profile = args
        .profile
        .as_deref()
        .or_else(|| project.and_then(|p| p.config.profile.as_deref()))
        .unwrap_or(DEFAULT_PROFILE);
    options.profile = Profile::named(profile).ok_or_else(|| {
        Failure::Usage(format!(
            "unknown profile `{profile}` (choose one of: {})",
            Profile::names().join(", ")
        ))
    })?;
    let mut overrides: BTreeMap<String, Level> = BTreeMap::new();
    if let Some(project) = project {
        // Project::load has reported keys that are not rules.
        for (key, level) in project.config.severity.iter().flatten() {
            if let Some(rule) = rules::find(key) {
                overrides.insert(rule.name.to_string(), *level);
            }
        }
        options.sharing = Sharing {
            root: Some(project.root.clone()),
            defaults: project.defaults(),
        };
    }
    if let Some(rev) = &args.baseline {
        let from = project
            .map(|p| p.root.clone())
            .unwrap_or_else(|| PathBuf::from("."));
        let tree = noticec::history::git::Tree::at(rev, &from).map_err(Failure::Usage)?;
        options.baseline = Some(std::sync::Arc::new(tree));
    }
    for setting in &args.severities {
        let (key, level) = setting.split_once('=').ok_or_else(|| {
            Failure::Usage(format!(
                "`--severity {setting}` must look like `retention=warning`"
            ))
        })?;
        let rule = rules::find(key)
            .filter(|r| r.is_adjustable())
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "`{key}` is not a rule whose severity can change (see `noticec explain`)"
                ))
            })?;
        let level = Level::parse(level).ok_or_else(|| {
            Failure::Usage(format!(
                "`{level}` is not a level (use off, warning or error)"
            ))
        })?;
        overrides.insert(rule.name.to_string(), level);
    }
    options.overrides = overrides;
    Ok(options)
}

/// Build options from the command line, over the project's settings.
/// `whole_project` (no paths given) links the pages to the corporate notice.
pub fn build_options(
    args: &BuildArgs,
    project: Option<&Project>,
    whole_project: bool,
) -> Result<BuildOptions, Failure> {
    let config = project.map(|p| &p.config);
    let from_project = |relative: Option<&String>| project.zip(relative).map(|(p, r)| p.path(r));
    let out = args
        .out
        .clone()
        .or_else(|| from_project(config.and_then(|c| c.out.as_ref())))
        .unwrap_or_else(|| PathBuf::from("site"));
    let format_names = args
        .format
        .clone()
        .or_else(|| config.and_then(|c| c.formats.clone()))
        .unwrap_or_else(|| vec!["html".into(), "md".into(), "txt".into()]);
    let mut formats = Vec::new();
    for name in &format_names {
        let format = Format::parse(name).ok_or_else(|| {
            Failure::Usage(format!(
                "unknown output format `{name}` (use html, md, txt, jit, json or jsonld)"
            ))
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    let theme = match (args.theme, config.and_then(|c| c.theme.as_deref())) {
        (Some(ThemeChoice::Govuk), _) | (None, Some("govuk")) => Theme::Govuk,
        _ => Theme::Plain,
    };
    let templates = args
        .templates
        .clone()
        .or_else(|| from_project(config.and_then(|c| c.templates.as_ref())));
    if let Some(dir) = &templates
        && !dir.is_dir()
    {
        return Err(Failure::Usage(format!(
            "the templates folder {} does not exist (create it with `noticec init --templates {}`)",
            dir.display(),
            dir.display()
        )));
    }
    let mut options = BuildOptions::new(out);
    options.formats = formats;
    options.render = RenderOptions {
        theme,
        fragment: args.fragment.is_some(),
        cms: args.fragment == Some(super::args::FragmentChoice::Cms),
        gfm: args.markdown == super::args::MarkdownChoice::Gfm,
        templates_dir: templates,
    };
    options.allow_errors = args.allow_errors;
    options.archive = args.archive || config.and_then(|c| c.archive).unwrap_or(false);
    if whole_project {
        options.corporate = from_project(config.and_then(|c| c.corporate.as_ref()));
        options.site_name = config.and_then(|c| c.name.clone());
        options.site_name_cy = config.and_then(|c| c.name_cy.clone());
    }
    Ok(options)
}

/// Today's date, or `NOTICEC_TODAY` (YYYY-MM-DD) for reproducible runs.
pub fn today() -> Result<jiff::civil::Date, Failure> {
    match std::env::var("NOTICEC_TODAY") {
        Ok(text) => text.parse().map_err(|_| {
            Failure::Usage(format!(
                "NOTICEC_TODAY=`{text}` is not a date like 2026-04-01"
            ))
        }),
        // UTC: reading the time zone database costs more than the whole check,
        // and a review period does not hinge on the hour.
        Err(_) => Ok(jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()),
    }
}
