//! The command line's arguments (clap): commands, their options, and the
//! choices they take.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Check and compile UK privacy notices written in TOML.
#[derive(Parser)]
#[command(name = "noticec", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check notices against UK GDPR / DPA 2018 and report what is missing.
    Check(CheckArgs),
    /// Check notices, then compile those without errors to HTML, Markdown and text.
    Build(BuildArgs),
    /// Preview the notices in a browser: build them, serve them on this
    /// machine, rebuild and reload the page on every change, with each
    /// page's findings beside it.
    Serve(ServeArgs),
    /// Compare two versions of a notice as data and say what changed.
    /// OLD and NEW are notice files or `REV:PATH` (a git revision and a
    /// path, e.g. `HEAD~1:notices/council-tax.toml`).
    Diff {
        /// The earlier version.
        old: String,
        /// The later version.
        new: String,
        /// `text` (plain English) or `json`.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Print a `[[changes]]` entry for NEW instead, to paste into it and edit.
        #[arg(long, conflicts_with = "format")]
        entry: bool,
    },
    /// Create a notice project in DIR (default: here), or with `--templates
    /// DIR` write the built-in templates out for editing. Never overwrites a file.
    Init {
        /// The folder for the new project.
        dir: Option<PathBuf>,
        /// Write the built-in templates to this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "dir")]
        templates: Option<PathBuf>,
    },
    /// Turn an existing notice (a saved HTML page, a CMS export, text or
    /// Markdown) into a draft notice file: what it says, with the source line
    /// of each guess in a comment, and every other paragraph kept as written.
    /// Never overwrites a file.
    Import {
        /// The notice to import; `-` reads standard input.
        source: PathBuf,
        /// Write the draft here instead of to standard output (never overwritten).
        #[arg(short, long, value_name = "DRAFT.toml")]
        output: Option<PathBuf>,
        /// What the source is (default: HTML for `.html`/`.htm`, else text or Markdown).
        #[arg(long, value_enum)]
        from: Option<ImportFrom>,
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
    /// Print the JSON Schema of the notice format (for editors), or with
    /// `--output` that of the JSON twin `build --format json` writes.
    Schema {
        /// The schema of the twin (`schemas/notice-output.schema.json`).
        #[arg(long)]
        output: bool,
    },
    /// Print a shell completion script: bash, zsh, fish or powershell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `noticec man > noticec.1`.
    Man,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Notice files, or folders to search for `*.toml` notices. Without
    /// paths: the notices of the project (`noticec.toml`), or this folder.
    pub paths: Vec<PathBuf>,
    /// Output format: human, concise (one line per finding), json, sarif,
    /// github (Actions annotations) or gitlab (Code Quality).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    #[command(flatten)]
    pub checking: CheckingArgs,
}

#[derive(clap::Args)]
pub struct BuildArgs {
    /// Notice files, or folders to search for `*.toml` notices (a folder
    /// also gets an index page). Without paths: the project's notices.
    pub paths: Vec<PathBuf>,
    /// The folder to write the pages to (default: the project's `out`, or `site`).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The output formats, comma-separated: html, md, txt (default: these
    /// three) and jit (a short notice per purpose, for forms).
    #[arg(long, value_delimiter = ',')]
    pub format: Option<Vec<String>>,
    /// The look of the HTML: `plain` (built-in stylesheet) or `govuk`
    /// (GOV.UK Frontend class names).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeChoice>,
    /// HTML without the page around it, for pasting into a CMS: no `<h1>`,
    /// links by each notice's `url`. `--fragment=cms` writes only the tags
    /// a CMS text format keeps (h2-h4, p, ul, ol, li, a, strong, em).
    #[arg(long, value_enum, num_args = 0..=1, require_equals = true, default_missing_value = "full", value_name = "FLAVOUR")]
    pub fragment: Option<FragmentChoice>,
    /// The Markdown written: `commonmark` (default; tables become lists) or
    /// `gfm` (GitHub Flavored Markdown, with pipe tables).
    #[arg(long, value_enum, default_value_t = MarkdownChoice::Commonmark)]
    pub markdown: MarkdownChoice,
    /// A folder of templates that replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Publish notices even when they have errors.
    #[arg(long)]
    pub allow_errors: bool,
    /// Also build every version of each notice in its git history into
    /// `archive/NAME/`, with a list of versions the notice links to.
    #[arg(long)]
    pub archive: bool,
    /// How to print diagnostics: human (to standard error), or json, sarif,
    /// github or gitlab (to standard output).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub message_format: OutputFormat,
    #[command(flatten)]
    pub checking: CheckingArgs,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Notice files or folders, as for `build`. Without paths: the project's notices.
    pub paths: Vec<PathBuf>,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// The address to listen on. Only this machine can connect to the
    /// default; any other address lets others on the network read the notices.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// The look of the HTML, as for `build`.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeChoice>,
    /// Templates that replace the built-in ones, as for `build`.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub checking: CheckingArgs,
}

/// Options that `check` and `build` share.
#[derive(clap::Args, Default)]
pub struct CheckingArgs {
    /// The project configuration (default: `noticec.toml` here or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The requirement profile: `uk-gdpr` (default) or `dpa-2018-part-3`.
    #[arg(long)]
    pub profile: Option<String>,
    /// Change a requirement's severity: `KEY=off|warning|error`. Repeatable.
    #[arg(long = "severity", value_name = "KEY=LEVEL")]
    pub severities: Vec<String>,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Compare each notice with its version at this git revision (for pull
    /// requests: `--baseline origin/main`): a change without a later
    /// `last_updated`, a new purpose or transfer, a removed notice.
    #[arg(long, value_name = "REV")]
    pub baseline: Option<String>,
    /// Check every notice afresh, without the verdicts kept from earlier
    /// runs (in `.noticec-cache/` at the project's root, else in the user's
    /// cache folder; a verdict is used only when nothing it depends on has
    /// changed); a build also reads every page it keeps, rather than
    /// trusting the stamps it left there.
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFrom {
    /// A web page or CMS export.
    Html,
    /// Plain text or Markdown.
    Text,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain English, material changes first.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FragmentChoice {
    /// The notice's HTML with the theme's classes.
    Full,
    /// Only the tags a CMS text format keeps; no classes.
    Cms,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkdownChoice {
    /// CommonMark only: renders the same everywhere.
    Commonmark,
    /// GitHub Flavored Markdown: tables as pipe tables.
    Gfm,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ThemeChoice {
    Plain,
    Govuk,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable reports with source excerpts.
    Human,
    /// One line per finding: `file:line:col: severity CODE[key] message`.
    Concise,
    /// One JSON document (a stable contract for CI).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
}

#[derive(Clone, Copy, Default, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}
