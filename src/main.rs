//! The `noticec` command: parses arguments, runs the library, prints, and
//! maps the result to an exit code — 0 clean, 1 findings, 2 usage, I/O or
//! internal error. A closed pipe (`noticec check | head`) counts as success.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use noticec::build::{self, BuildOptions};
use noticec::check::{self, Summary};
use noticec::profile::{Level, Profile};
use noticec::render::templates::{self, Written};
use noticec::render::{Format, RenderOptions, Theme};
use noticec::report::{self, human};
use noticec::rules::{self, structure};
use noticec::validate::Options;
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
    /// Write the default templates out for editing (never overwrites a file).
    Init {
        /// The folder to write the templates to.
        #[arg(long, value_name = "DIR")]
        templates: PathBuf,
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
    /// Notice files, or folders to search for `*.toml` notices.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format: human, json, sarif, github (Actions annotations) or
    /// gitlab (Code Quality).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The requirement profile: `uk-gdpr` (default) or `dpa-2018-part-3`.
    #[arg(long, default_value = noticec::profile::DEFAULT_PROFILE)]
    profile: String,
    /// Change a requirement's severity: `KEY=off|warning|error`. Repeatable.
    #[arg(long = "severity", value_name = "KEY=LEVEL")]
    severities: Vec<String>,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Notice files, or folders to search for `*.toml` notices (a folder
    /// also gets an index page).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// The folder to write the pages to.
    #[arg(long, default_value = "site")]
    out: PathBuf,
    /// The output formats, comma-separated: html, md, txt.
    #[arg(long, value_delimiter = ',', default_value = "html,md,txt")]
    format: Vec<String>,
    /// The look of the HTML: `plain` (built-in stylesheet) or `govuk`
    /// (GOV.UK Frontend class names).
    #[arg(long, value_enum, default_value_t = ThemeChoice::Plain)]
    theme: ThemeChoice,
    /// HTML without the page around it, for pasting into a CMS.
    #[arg(long)]
    fragment: bool,
    /// A folder of templates that replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Publish notices even when they have errors.
    #[arg(long)]
    allow_errors: bool,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// How to print diagnostics: human (to standard error), or json, sarif,
    /// github or gitlab (to standard output).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    message_format: OutputFormat,
    /// The requirement profile: `uk-gdpr` (default) or `dpa-2018-part-3`.
    #[arg(long, default_value = noticec::profile::DEFAULT_PROFILE)]
    profile: String,
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
        Command::Init { templates } => run_init_templates(&templates),
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

fn run_check(args: CheckArgs) -> Result<u8, Failure> {
    let options = options(&args.profile, &args.severities)?;
    let files = check::discover(&args.paths);
    if files.is_empty() {
        return Err(no_notices(&args.paths));
    }
    let reports = check::check_files(&files, &options);
    let style = human_style(args.color, std::io::stdout().is_terminal());
    print(&render_diagnostics(args.format, &reports, &options, style))?;
    Ok(exit_code(&reports, args.deny_warnings))
}

fn run_build(args: BuildArgs) -> Result<u8, Failure> {
    let check = options(&args.profile, &args.severities)?;
    let mut formats = Vec::new();
    for name in &args.format {
        let format = Format::parse(name).ok_or_else(|| {
            Failure::Usage(format!(
                "unknown output format `{name}` (use html, md or txt)"
            ))
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        return Err(Failure::Usage(format!(
            "the templates folder {} does not exist (create it with `noticec init --templates {}`)",
            dir.display(),
            dir.display()
        )));
    }
    let options = BuildOptions {
        out_dir: args.out.clone(),
        formats,
        render: RenderOptions {
            theme: match args.theme {
                ThemeChoice::Plain => Theme::Plain,
                ThemeChoice::Govuk => Theme::Govuk,
            },
            fragment: args.fragment,
            templates_dir: args.templates.clone(),
        },
        allow_errors: args.allow_errors,
        check,
    };
    let files = check::discover(&args.paths);
    if files.is_empty() {
        return Err(no_notices(&args.paths));
    }
    let report = build::build(&args.paths, &options).map_err(|e| Failure::Usage(e.to_string()))?;
    if args.message_format == OutputFormat::Human {
        // Human diagnostics go to standard error, beside the build summary.
        if report.files.iter().any(|f| !f.diagnostics.is_empty()) {
            let style = human_style(args.color, std::io::stderr().is_terminal());
            eprint!("{}", human::render(&report.files, style));
        }
    } else {
        let style = human_style(args.color, false);
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
    let published = report.files.len() - report.withheld.len();
    eprintln!(
        "built {published} of {} notices into {}: {written} files written, {} unchanged",
        report.files.len(),
        args.out.display(),
        report.outputs.len() - written
    );
    for name in &report.withheld {
        eprintln!("not published (has errors; use --allow-errors to publish anyway): {name}");
    }
    Ok(exit_code(&report.files, args.deny_warnings))
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

fn options(profile: &str, severities: &[String]) -> Result<Options, Failure> {
    let mut options = Options::new(today()?);
    options.profile = Profile::named(profile).ok_or_else(|| {
        Failure::Usage(format!(
            "unknown profile `{profile}` (choose one of: {})",
            Profile::names().join(", ")
        ))
    })?;
    let mut overrides = BTreeMap::new();
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

/// Today's date, or `NOTICEC_TODAY` (YYYY-MM-DD) for reproducible runs.
fn today() -> Result<jiff::civil::Date, Failure> {
    match std::env::var("NOTICEC_TODAY") {
        Ok(text) => text.parse().map_err(|_| {
            Failure::Usage(format!(
                "NOTICEC_TODAY=`{text}` is not a date like 2026-04-01"
            ))
        }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
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
