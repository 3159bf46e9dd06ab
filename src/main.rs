//! The `noticec` command: parses arguments, runs the library, prints, and
//! maps the result to an exit code — 0 clean, 1 findings, 2 usage, I/O or
//! internal error. A closed pipe (`noticec check | head`) counts as success.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use noticec::build::{self, BuildOptions};
use noticec::check::{self, Summary};
use noticec::consistency;
use noticec::profile::{Level, Profile};
use noticec::project::{self, Project};
use noticec::render::templates::{self, Written};
use noticec::render::{Format, RenderOptions, Theme};
use noticec::report::{self, human};
use noticec::rules::{self, structure};
use noticec::scaffold::Scaffolded;
use noticec::validate::{Options, Sharing};
use noticec::write::WriteStatus;

/// Check and compile UK privacy notices written in TOML.
#[derive(Parser)]
#[command(name = "noticec", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check notices against UK GDPR / DPA 2018 and report what is missing.
    Check(CheckArgs),
    /// Check notices, then compile those without errors to HTML, Markdown and text.
    Build(BuildArgs),
    /// Create a notice project in DIR (default: here), or with `--templates
    /// DIR` write the built-in templates out for editing. Never overwrites a file.
    Init {
        /// The folder for the new project.
        dir: Option<PathBuf>,
        /// Write the built-in templates to this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "dir")]
        templates: Option<PathBuf>,
    },
    /// Print a notice as noticec sees it; `--resolved` merges the shared
    /// parts it extends.
    Show {
        /// The notice file.
        notice: PathBuf,
        /// Merge everything the notice extends.
        #[arg(long)]
        resolved: bool,
    },
    /// Show the documentation of a rule (by name or code), or list all rules.
    Explain {
        /// A requirement key such as `lawful-basis`, or a code such as `N005`.
        rule: Option<String>,
        /// List the rules as a Markdown table (for documentation).
        #[arg(long, conflicts_with = "rule")]
        markdown: bool,
    },
    /// Print the JSON Schema of the notice format (for editors).
    Schema,
    /// Print a shell completion script: bash, zsh, fish or powershell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `noticec man > noticec.1`.
    Man,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Notice files, or folders to search for `*.toml` notices. Without
    /// paths: the notices of the project (`noticec.toml`), or this folder.
    paths: Vec<PathBuf>,
    /// Output format: human, json, sarif, github (Actions annotations) or
    /// gitlab (Code Quality).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    #[command(flatten)]
    checking: CheckingArgs,
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Notice files, or folders to search for `*.toml` notices (a folder
    /// also gets an index page). Without paths: the project's notices.
    paths: Vec<PathBuf>,
    /// The folder to write the pages to (default: the project's `out`, or `site`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// The output formats, comma-separated: html, md, txt (default: all).
    #[arg(long, value_delimiter = ',')]
    format: Option<Vec<String>>,
    /// The look of the HTML: `plain` (built-in stylesheet) or `govuk`
    /// (GOV.UK Frontend class names).
    #[arg(long, value_enum)]
    theme: Option<ThemeChoice>,
    /// HTML without the page around it, for pasting into a CMS.
    #[arg(long)]
    fragment: bool,
    /// A folder of templates that replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Publish notices even when they have errors.
    #[arg(long)]
    allow_errors: bool,
    /// How to print diagnostics: human (to standard error), or json, sarif,
    /// github or gitlab (to standard output).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    message_format: OutputFormat,
    #[command(flatten)]
    checking: CheckingArgs,
}

/// Options that `check` and `build` share.
#[derive(clap::Args)]
struct CheckingArgs {
    /// The project configuration (default: `noticec.toml` here or above).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The requirement profile: `uk-gdpr` (default) or `dpa-2018-part-3`.
    #[arg(long)]
    profile: Option<String>,
    /// Change a requirement's severity: `KEY=off|warning|error`. Repeatable.
    #[arg(long = "severity", value_name = "KEY=LEVEL")]
    severities: Vec<String>,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeChoice {
    Plain,
    Govuk,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Readable reports with source excerpts.
    Human,
    /// One JSON document (a stable contract for CI).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Exit codes shared with ruff and eslint.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Build(args) => run_build(args),
        Command::Init { dir, templates } => run_init(dir.as_deref(), templates.as_deref()),
        Command::Show { notice, resolved } => run_show(&notice, resolved),
        Command::Explain { rule, markdown } => {
            if markdown {
                print(&noticec::explain::markdown_table()).map(|()| EXIT_CLEAN)
            } else {
                run_explain(rule.as_deref())
            }
        }
        Command::Schema => print(&noticec::schema::notice_schema_json()).map(|()| EXIT_CLEAN),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "noticec", &mut script);
            print(&String::from_utf8_lossy(&script)).map(|()| EXIT_CLEAN)
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print(&String::from_utf8_lossy(&page)).map(|()| EXIT_CLEAN),
                Err(e) => Err(Failure::Usage(format!(
                    "cannot render the manual page: {e}"
                ))),
            }
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::BrokenPipe) => ExitCode::from(EXIT_CLEAN),
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

enum Failure {
    BrokenPipe,
    Usage(String),
}

fn print(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
        Err(e) => Err(Failure::Usage(format!("cannot write output: {e}"))),
    }
}

/// The project in force: `--config FILE`, or `noticec.toml` in the current
/// folder or above. Its own problems are printed and stop the run (exit 2).
fn project(config: Option<&Path>) -> Result<Option<Project>, Failure> {
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
            eprint_problems(&path, diagnostics);
            Err(Failure::Usage(format!(
                "the project configuration {} has problems",
                noticec::source::display_name(&path)
            )))
        }
    }
}

/// Check options from the command line, over the project's settings.
fn options(
    project: Option<&Project>,
    profile: Option<&str>,
    severities: &[String],
) -> Result<Options, Failure> {
    let mut options = Options::new(today()?);
    let profile = profile
        .or_else(|| project.and_then(|p| p.config.profile.as_deref()))
        .unwrap_or(noticec::profile::DEFAULT_PROFILE);
    options.profile = Profile::named(profile).ok_or_else(|| {
        Failure::Usage(format!(
            "unknown profile `{profile}` (choose one of: {})",
            Profile::names().join(", ")
        ))
    })?;
    let mut overrides: BTreeMap<String, Level> = BTreeMap::new();
    if let Some(project) = project {
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
    for setting in severities {
        let (key, level) = setting.split_once('=').ok_or_else(|| {
            Failure::Usage(format!(
                "`--severity {setting}` must look like `retention=warning`"
            ))
        })?;
        let rule = rules::find(key).ok_or_else(|| {
            Failure::Usage(format!("`{key}` is not a rule (see `noticec explain`)"))
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

/// The paths to work on: as given, else the project's notices, else here.
fn paths_or_project(paths: &[PathBuf], project: Option<&Project>) -> Vec<PathBuf> {
    match (paths.is_empty(), project) {
        (false, _) => paths.to_vec(),
        (true, Some(project)) => project.notice_paths(),
        (true, None) => vec![PathBuf::from(".")],
    }
}

fn run_check(args: CheckArgs) -> Result<u8, Failure> {
    let project = project(args.checking.config.as_deref())?;
    let options = options(
        project.as_ref(),
        args.checking.profile.as_deref(),
        &args.checking.severities,
    )?;
    let paths = paths_or_project(&args.paths, project.as_ref());
    let files = check::discover(&paths);
    if files.is_empty() {
        return Err(no_notices(&paths));
    }
    // Checking the whole project: compare the notices with each other too,
    // which needs the notices; otherwise only their diagnostics are kept.
    let whole_project = project.is_some() && args.paths.is_empty();
    let mut reports = check::check_many(&files, &options, whole_project);
    if let (Some(project), true) = (&project, whole_project) {
        consistency::check_project(project, &mut reports, &options.overrides);
    }
    let style = human_style(args.checking.color, std::io::stdout().is_terminal());
    print(&render_diagnostics(args.format, &reports, &options, style))?;
    Ok(exit_code(&reports, args.checking.deny_warnings))
}

fn run_build(args: BuildArgs) -> Result<u8, Failure> {
    let project = project(args.checking.config.as_deref())?;
    let config = project.as_ref().map(|p| &p.config);
    let check = options(
        project.as_ref(),
        args.checking.profile.as_deref(),
        &args.checking.severities,
    )?;
    let from_project = |relative: &Option<String>| {
        project
            .as_ref()
            .zip(relative.as_deref())
            .map(|(p, r)| p.path(r))
    };
    let out = args
        .out
        .clone()
        .or_else(|| from_project(&config.and_then(|c| c.out.clone())))
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
                "unknown output format `{name}` (use html, md or txt)"
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
        .or_else(|| from_project(&config.and_then(|c| c.templates.clone())));
    if let Some(dir) = &templates
        && !dir.is_dir()
    {
        return Err(Failure::Usage(format!(
            "the templates folder {} does not exist (create it with `noticec init --templates {}`)",
            dir.display(),
            dir.display()
        )));
    }
    let whole_project = project.is_some() && args.paths.is_empty();
    let mut options = BuildOptions::new(out.clone(), check);
    options.formats = formats;
    options.render = RenderOptions {
        theme,
        fragment: args.fragment,
        templates_dir: templates,
    };
    options.allow_errors = args.allow_errors;
    if whole_project {
        options.corporate = from_project(&config.and_then(|c| c.corporate.clone()));
        options.site_title = config
            .and_then(|c| c.name.as_deref())
            .map(|name| format!("{name} privacy notices"));
        options.keep_notices = true;
    }
    let paths = paths_or_project(&args.paths, project.as_ref());
    let files = check::discover(&paths);
    if files.is_empty() {
        return Err(no_notices(&paths));
    }
    let bar = progress_bar(files.len());
    if let Some(bar) = &bar {
        let bar = bar.clone();
        options.progress = Some(build::Progress(std::sync::Arc::new(move |done, _| {
            bar.set_position(done as u64);
        })));
    }
    let result = build::build(&paths, &options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut report = result.map_err(|e| Failure::Usage(e.to_string()))?;
    let notices = report.files.len();
    if let (Some(project), true) = (&project, whole_project) {
        consistency::check_project(project, &mut report.files, &options.check.overrides);
    }
    if args.message_format == OutputFormat::Human {
        // Human diagnostics go to standard error, beside the build summary.
        if report.files.iter().any(|f| !f.diagnostics.is_empty()) {
            let style = human_style(args.checking.color, std::io::stderr().is_terminal());
            eprint!("{}", human::render(&report.files, style));
        }
    } else {
        let style = human_style(args.checking.color, false);
        print(&render_diagnostics(
            args.message_format,
            &report.files,
            &options.check,
            style,
        ))?;
    }
    let written = report
        .outputs
        .iter()
        .filter(|o| o.status == WriteStatus::Written)
        .count();
    let published = notices - report.withheld.len();
    eprintln!(
        "built {published} of {notices} notices into {}: {written} files written, {} unchanged",
        out.display(),
        report.outputs.len() - written
    );
    for name in &report.withheld {
        eprintln!("not published (has errors; use --allow-errors to publish anyway): {name}");
    }
    Ok(exit_code(&report.files, args.checking.deny_warnings))
}

/// A progress bar on a terminal for builds of many notices; none when
/// standard error is not a terminal or in CI.
fn progress_bar(total: usize) -> Option<indicatif::ProgressBar> {
    if total < 20 || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("building {pos}/{len} notices {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

fn run_init(dir: Option<&Path>, templates: Option<&Path>) -> Result<u8, Failure> {
    if let Some(templates) = templates {
        return run_init_templates(templates);
    }
    let dir = dir.unwrap_or(Path::new("."));
    let done = noticec::scaffold::init(dir).map_err(|e| {
        Failure::Usage(format!(
            "cannot create the project in {}: {e}",
            dir.display()
        ))
    })?;
    for item in done {
        match item {
            Scaffolded::Created(path) => eprintln!("created {}", path.display()),
            Scaffolded::Kept(path) => eprintln!("kept {} (already exists)", path.display()),
        }
    }
    eprintln!(
        "next: `noticec check` in {} checks the notices; `noticec build` publishes them",
        dir.display()
    );
    Ok(EXIT_CLEAN)
}

fn run_show(notice: &Path, resolved: bool) -> Result<u8, Failure> {
    let project = project(None)?;
    let options = options(project.as_ref(), None, &[])?;
    let outcome = if resolved {
        let boundary = noticec::resolve::Boundary {
            root: options.sharing.root.clone(),
        };
        noticec::resolve::load_resolved(notice, &boundary, &options.sharing.defaults)
    } else {
        noticec::load::load_file(notice)
    };
    let Some(loaded) = outcome.notice else {
        eprint_problems(notice, outcome.diagnostics);
        return Ok(EXIT_TROUBLE);
    };
    let mut merged = loaded.notice.clone();
    if resolved {
        merged.extends = None;
    }
    let text = toml::to_string_pretty(&merged)
        .map_err(|e| Failure::Usage(format!("cannot print the notice: {e}")))?;
    let mut header = String::new();
    if resolved {
        header.push_str("# The notice as merged from (later files override earlier ones):\n");
        for name in loaded.source_names() {
            header.push_str(&format!("#   {name}\n"));
        }
        header.push('\n');
    }
    print(&format!("{header}{text}")).map(|()| EXIT_CLEAN)
}

/// Prints the problems of one file that stop a command (a broken
/// configuration, a notice `show` cannot load) to standard error.
fn eprint_problems(path: &Path, diagnostics: Vec<noticec::diagnostic::Diagnostic>) {
    let report = check::FileReport {
        name: noticec::source::display_name(path),
        notice: None,
        diagnostics,
        suppressed: Vec::new(),
    };
    let style = human_style(ColorChoice::Auto, std::io::stderr().is_terminal());
    eprint!("{}", human::render(&[report], style));
}

/// Diagnostics in the chosen output format.
fn render_diagnostics(
    format: OutputFormat,
    reports: &[check::FileReport],
    options: &Options,
    style: human::Style,
) -> String {
    match format {
        OutputFormat::Human => human::render(reports, style),
        OutputFormat::Json => report::json::render(reports),
        OutputFormat::Sarif => report::sarif::render(reports, &options.profile),
        OutputFormat::Github => report::github::render(reports),
        OutputFormat::Gitlab => report::gitlab::render(reports),
    }
}

fn run_init_templates(dir: &std::path::Path) -> Result<u8, Failure> {
    let done = templates::write_defaults(dir)
        .map_err(|e| Failure::Usage(format!("cannot write templates to {}: {e}", dir.display())))?;
    for item in done {
        match item {
            Written::Created(path) => eprintln!("created {}", path.display()),
            Written::Kept(path) => eprintln!("kept {} (already exists)", path.display()),
        }
    }
    Ok(EXIT_CLEAN)
}

fn no_notices(paths: &[PathBuf]) -> Failure {
    Failure::Usage(format!(
        "no notice files (*.toml) found in {}",
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// 2 if a file could not be read, 1 if there are errors (or warnings
/// under `--deny-warnings`), 0 otherwise.
fn exit_code(reports: &[check::FileReport], deny_warnings: bool) -> u8 {
    let unreadable = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.code == structure::UNREADABLE_FILE.code);
    let summary = Summary::of(reports);
    if unreadable {
        EXIT_TROUBLE
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Today's date, or `NOTICEC_TODAY` (YYYY-MM-DD) for reproducible runs.
fn today() -> Result<jiff::civil::Date, Failure> {
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

fn human_style(choice: ColorChoice, terminal: bool) -> human::Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let width = if terminal {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100)
    } else {
        80
    };
    human::Style { color, width }
}

fn run_explain(rule: Option<&str>) -> Result<u8, Failure> {
    match rule {
        None => print(&noticec::explain::list()).map(|()| EXIT_CLEAN),
        Some(name) => match rules::find(name) {
            Some(rule) => print(&noticec::explain::explain(rule)).map(|()| EXIT_CLEAN),
            None => Err(Failure::Usage(format!(
                "no rule is called `{name}`; run `noticec explain` to list them"
            ))),
        },
    }
}
