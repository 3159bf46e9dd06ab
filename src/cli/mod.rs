//! The command line: each command opens the one [`Workspace`], runs it and
//! prints. Nothing here decides a verdict; it only chooses what to print
//! and the exit code — 0 clean, 1 findings, 2 usage, I/O or internal error.

pub mod args;
mod settings;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use noticec::check::{FileKind, FileReport, Options, Summary, Workspace};
use noticec::diagnostic::{Diagnostic, Severity};
use noticec::report::{self, explain, human};
use noticec::rules;
use noticec::scaffold::Scaffolded;
use noticec::site::{self, write::WriteStatus};

use args::{BuildArgs, CheckArgs, Cli, ColorChoice, Command, OutputFormat, ServeArgs};

/// Writes a line to standard error. A closed standard error (`noticec
/// build 2>&1 | head -1`) is not a reason to stop, and never a panic.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Writes text to standard error, as [`note!`] but without a newline.
macro_rules! note_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Exit codes shared with ruff and eslint.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

/// Why a command stopped without a verdict.
pub enum Failure {
    /// Standard output was closed (`noticec check | head`): not an error.
    BrokenPipe,
    /// A usage, configuration or I/O problem, said in one line (exit 2).
    Usage(String),
}

/// Runs one command; the exit code, or why there is none.
pub fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Build(args) => run_build(args),
        Command::Serve(args) => run_serve(args),
        Command::Diff {
            old,
            new,
            format,
            entry,
        } => run_diff(&old, &new, format, entry),
        Command::Init { dir, templates } => match templates {
            Some(templates) => run_init_templates(&templates),
            None => run_init(dir.as_deref().unwrap_or(Path::new("."))),
        },
        Command::Show { notice, resolved } => run_show(&notice, resolved),
        Command::Import {
            source,
            output,
            from,
        } => run_import(&source, output.as_deref(), from),
        Command::Explain { rule, markdown } => match (markdown, rule) {
            (true, _) => print(&explain::markdown_table()),
            (false, None) => print(&explain::list()),
            (false, Some(name)) => match rules::find(&name) {
                Some(rule) => print(&explain::explain(rule)),
                None => Err(Failure::Usage(format!(
                    "no rule is called `{name}`; run `noticec explain` to list them"
                ))),
            },
        },
        Command::Schema { output: false } => print(&noticec::load::schema::notice_schema_json()),
        Command::Schema { output: true } => print(&noticec::render::twin::output_schema_json()),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "noticec", &mut script);
            print(&String::from_utf8_lossy(&script))
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| Failure::Usage(format!("cannot render the manual page: {e}")))?;
            print(&String::from_utf8_lossy(&page))
        }
    }
}

/// Prints to standard output; exit 0.
fn print(text: &str) -> Result<u8, Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(EXIT_CLEAN),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
        Err(e) => Err(Failure::Usage(format!("cannot write output: {e}"))),
    }
}

/// The workspace for `paths` under the project in force.
fn workspace(paths: &[PathBuf], checking: &args::CheckingArgs) -> Result<Workspace, Failure> {
    let project = settings::project(checking.config.as_deref())?;
    let options = settings::check_options(project.as_ref(), checking)?;
    let cache = if checking.no_cache {
        None
    } else {
        noticec::check::cache::location(project.as_ref().map(|p| p.root.as_path()))
    };
    let mut workspace =
        Workspace::open(paths, project, options).map_err(|e| Failure::Usage(e.to_string()))?;
    if let Some(dir) = cache {
        workspace.use_verdict_cache(&dir);
    }
    Ok(workspace)
}

fn run_check(args: CheckArgs) -> Result<u8, Failure> {
    let workspace = workspace(&args.paths, &args.checking)?;
    let style = human_style(args.checking.color, std::io::stdout().is_terminal());
    if args.format == OutputFormat::Human {
        // Written as the verdicts come: the findings of thousands of
        // notices are never all held at once.
        let mut stream = human::Stream::new(buffered(std::io::stdout()), style);
        let checked = workspace.check_streamed(|_| (), &mut stream).0;
        stream.finish(&checked.reports).map_err(write_failure)?;
        return Ok(exit_code(&checked.reports, args.checking.deny_warnings));
    }
    let checked = workspace.check_each(|_| ()).0;
    print(&render_diagnostics(
        args.format,
        &checked.reports,
        workspace.options(),
        style,
    )?)?;
    Ok(exit_code(&checked.reports, args.checking.deny_warnings))
}

/// A large buffer in front of a standard stream, for reports written a
/// file at a time.
fn buffered<W: Write>(out: W) -> std::io::BufWriter<W> {
    std::io::BufWriter::with_capacity(1 << 16, out)
}

/// A failed write to standard output or error: a closed pipe (`| head`)
/// is not an error of the check.
fn write_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Usage(format!("cannot write output: {e}"))
    }
}

/// Standard error, written above the progress bar when there is one.
struct AboveBar(Option<indicatif::ProgressBar>);

impl Write for AboveBar {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut stderr = std::io::stderr();
        match &self.0 {
            Some(bar) => bar.suspend(|| stderr.write(buf)),
            None => stderr.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

fn run_build(args: BuildArgs) -> Result<u8, Failure> {
    let workspace = workspace(&args.paths, &args.checking)?;
    let whole_project = workspace.project().is_some() && args.paths.is_empty();
    let mut options = settings::build_options(&args, workspace.project(), whole_project)?;
    let bar = progress_bar(workspace.notice_count());
    if let Some(bar) = &bar {
        let bar = bar.clone();
        options.progress = Some(site::Progress(std::sync::Arc::new(move |done, _| {
            bar.set_position(done as u64);
        })));
    }
    // Human diagnostics go to standard error, beside the build summary,
    // as the verdicts come.
    let mut stream = (args.message_format == OutputFormat::Human).then(|| {
        let style = human_style(args.checking.color, std::io::stderr().is_terminal());
        human::Stream::new(buffered(AboveBar(bar.clone())), style)
    });
    let result = site::build_streamed(
        &workspace,
        &options,
        stream.as_mut().map(|s| s as &mut dyn noticec::check::Sink),
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = result.map_err(|e| Failure::Usage(e.to_string()))?;
    let reports = &report.checked.reports;
    if let Some(stream) = stream {
        // Nothing at all when nothing was found: the build line says it.
        let found = reports
            .iter()
            .any(|r| r.count(Severity::Error) + r.count(Severity::Warning) > 0);
        // A closed standard error must not stop the build's own report.
        let _ = if found {
            stream.finish(reports)
        } else {
            stream.flush()
        };
    } else {
        let style = human_style(args.checking.color, false);
        print(&render_diagnostics(
            args.message_format,
            reports,
            workspace.options(),
            style,
        )?)?;
    }
    let count = |status| report.outputs.iter().filter(|o| o.status == status).count();
    let files = |n: usize| {
        if n == 1 {
            "1 file".to_string()
        } else {
            format!("{n} files")
        }
    };
    let removed = match count(WriteStatus::Removed) {
        0 => String::new(),
        n => format!(", {} out of date removed", files(n)),
    };
    note!(
        "built {} of {} into {}: {} written, {} unchanged{removed}",
        report.notices - report.withheld.len(),
        if report.notices == 1 {
            "1 notice".to_string()
        } else {
            format!("{} notices", report.notices)
        },
        options.out_dir.display(),
        files(count(WriteStatus::Written)),
        count(WriteStatus::Unchanged),
    );
    for name in &report.withheld {
        // A notice whose own file is clean is held back by a shared part.
        let own_errors = reports
            .iter()
            .find(|r| r.kind == FileKind::Notice && &r.name == name)
            .is_none_or(|r| r.count(noticec::diagnostic::Severity::Error) > 0);
        let why = if own_errors {
            "has errors"
        } else {
            "a shared part it extends has errors"
        };
        note!("not published ({why}; use --allow-errors to publish anyway): {name}");
    }
    Ok(exit_code(reports, args.checking.deny_warnings))
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

/// `noticec diff OLD NEW`: both versions resolved, compared as data.
fn run_diff(old: &str, new: &str, format: args::DiffFormat, entry: bool) -> Result<u8, Failure> {
    use noticec::history::{self, git::Spec};
    let load = |text: &str| -> Result<noticec::model::Notice, Failure> {
        match Spec::parse(text) {
            Spec::File(path) => {
                if !path.is_file() {
                    return Err(Failure::Usage(format!("{} is not a file", path.display())));
                }
                history::load(&path)
            }
            Spec::Revision { rev, path } => {
                let checkout = history::git::checkout(&rev, &path).map_err(Failure::Usage)?;
                history::load(&checkout.notice)
            }
        }
        .map_err(|e| Failure::Usage(format!("{text} cannot be read: {e}")))
    };
    let (before, after) = (load(old)?, load(new)?);
    let changes = history::compare(&before, &after);
    if entry {
        return print(&history::change_entry(&after, &changes));
    }
    match format {
        args::DiffFormat::Json => {
            let document = serde_json::json!({
                "old": old,
                "new": new,
                "material": changes.iter().any(|c| c.material),
                "changes": changes,
            });
            let text = serde_json::to_string_pretty(&document)
                .map_err(|e| Failure::Usage(format!("cannot write JSON: {e}")))?;
            print(&format!("{text}\n"))
        }
        args::DiffFormat::Text => {
            let mut out = String::new();
            let material: Vec<_> = changes.iter().filter(|c| c.material).collect();
            let other: Vec<_> = changes.iter().filter(|c| !c.material).collect();
            if changes.is_empty() {
                out.push_str(&format!("{old} and {new} say the same.\n"));
            }
            if !material.is_empty() {
                out.push_str("What people are told about their information:\n");
                for c in &material {
                    out.push_str(&format!("- {}\n", c.text));
                }
            }
            if !other.is_empty() {
                if !material.is_empty() {
                    out.push('\n');
                }
                out.push_str("Wording, dates and version:\n");
                for c in &other {
                    out.push_str(&format!("- {}\n", c.text));
                }
            }
            if !changes.is_empty() {
                out.push_str(&format!(
                    "\n{}: {} material, {} wording, dates or version.\n",
                    human::plural(changes.len(), "change", "changes"),
                    material.len(),
                    other.len()
                ));
            }
            print(&out)
        }
    }
}

/// `noticec serve`: builds into a temporary folder (removed on Ctrl-C),
/// serves it and rebuilds on every change, until stopped.
fn run_serve(args: ServeArgs) -> Result<u8, Failure> {
    let temp = tempfile::Builder::new()
        .prefix("noticec-serve-")
        .tempdir()
        .map_err(|e| Failure::Usage(format!("cannot create a folder for the preview: {e}")))?;
    let out = temp.path().to_path_buf();
    let args = std::sync::Arc::new(args);
    // The first open: for the watch list, and to fail early on a bad project.
    let first = workspace(&args.paths, &args.checking)?;
    let mut watch: Vec<PathBuf> = args.paths.clone();
    if let Some(project) = first.project() {
        watch.push(project.root.clone());
        if let Some(templates) = &project.config.templates {
            watch.push(project.path(templates));
        }
    }
    if watch.is_empty() {
        watch.push(PathBuf::from("."));
    }
    watch.extend(args.templates.clone());
    drop(first);
    let open_args = args.clone();
    let open: std::sync::Arc<noticec::serve::Open> = std::sync::Arc::new(move |out: &Path| {
        let args = &open_args;
        // A broken noticec.toml: its diagnostics, for the browser.
        let config = args.checking.config.clone().or_else(|| {
            std::env::current_dir()
                .ok()
                .and_then(|cwd| noticec::project::find(&cwd))
        });
        if let Some(config) = config
            && let Err(diagnostics) = noticec::project::Project::load(&config)
        {
            let mut report = FileReport::new(&config, FileKind::Notice);
            report.diagnostics = diagnostics;
            return Err(format!(
                "the project configuration {} has problems:\n\n{}",
                noticec::load::source::display_name(&config),
                human::render(&[report], human::Style::plain())
            ));
        }
        let workspace = workspace(&args.paths, &args.checking).map_err(|f| match f {
            Failure::Usage(message) => message,
            Failure::BrokenPipe => "standard output was closed".to_string(),
        })?;
        let build = BuildArgs {
            paths: args.paths.clone(),
            out: Some(out.to_path_buf()),
            format: None,
            theme: args.theme,
            fragment: None,
            markdown: args::MarkdownChoice::Commonmark,
            templates: args.templates.clone(),
            // A preview shows a notice with errors, marked as a draft, with its findings.
            allow_errors: true,
            archive: false,
            message_format: OutputFormat::Human,
            checking: args::CheckingArgs::default(),
        };
        let whole_project = workspace.project().is_some() && args.paths.is_empty();
        let options = settings::build_options(&build, workspace.project(), whole_project).map_err(
            |f| match f {
                Failure::Usage(message) => message,
                Failure::BrokenPipe => "standard output was closed".to_string(),
            },
        )?;
        Ok((workspace, options))
    });
    if !noticec::serve::is_loopback(args.bind) {
        note!(
            "warning: serving on {}: anyone who can reach this machine can read the notices being edited",
            args.bind
        );
    }
    let server = noticec::serve::start(
        &out,
        open,
        noticec::serve::ServeOptions {
            bind: args.bind,
            port: args.port,
            watch,
            status: std::sync::Arc::new(|line: &str| note!("{line}")),
        },
    )
    .map_err(Failure::Usage)?;
    let url = server.url();
    note!("serving {url} (Ctrl-C to stop)");
    if args.open {
        open_browser(&url);
    }
    // Ctrl-C: remove the preview folder, then stop.
    let folder = out.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&folder);
        std::process::exit(0);
    });
    server.run();
    drop(temp);
    Ok(EXIT_CLEAN)
}

/// Opens `url` in the default browser, if there is one to open.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if std::process::Command::new(command.0)
        .args(&command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        note!("cannot open a browser; open {url} yourself");
    }
}

fn run_init(dir: &Path) -> Result<u8, Failure> {
    let done = noticec::scaffold::init(dir).map_err(|e| {
        Failure::Usage(format!(
            "cannot create the project in {}: {e}",
            dir.display()
        ))
    })?;
    print_scaffolded(done);
    note!(
        "next: replace the placeholders (`noticec check` in {} lists them), then `noticec build` publishes the notices",
        dir.display()
    );
    Ok(EXIT_CLEAN)
}

fn run_init_templates(dir: &Path) -> Result<u8, Failure> {
    let done = noticec::scaffold::templates(dir)
        .map_err(|e| Failure::Usage(format!("cannot write templates to {}: {e}", dir.display())))?;
    print_scaffolded(done);
    Ok(EXIT_CLEAN)
}

/// Says what `init` created and what it left alone.
fn print_scaffolded(done: Vec<Scaffolded>) {
    for item in done {
        match item {
            Scaffolded::Created(path) => note!("created {}", path.display()),
            Scaffolded::Kept(path) => note!("kept {} (already exists)", path.display()),
        }
    }
}

/// `noticec import SOURCE [-o DRAFT]`: the draft to standard output, or
/// to a new file written atomically (never over an existing one), with a
/// summary for the officer on standard error.
fn run_import(
    source: &Path,
    output: Option<&Path>,
    from: Option<args::ImportFrom>,
) -> Result<u8, Failure> {
    use noticec::import::{self, SourceKind};
    let stdin = source.as_os_str() == "-";
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        std::fs::read(source)
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", source.display())))?
    };
    let kind = match from {
        Some(args::ImportFrom::Html) => SourceKind::Html,
        Some(args::ImportFrom::Text) => SourceKind::Text,
        None if stdin => SourceKind::Text,
        None => SourceKind::from_path(source),
    };
    if let Some(output) = output
        && output.exists()
    {
        return Err(Failure::Usage(format!(
            "{} already exists; noticec import never overwrites a file: choose another name",
            output.display()
        )));
    }
    let draft = import::import_bytes(&bytes, kind);
    for warning in &draft.warnings {
        note!("warning: {warning}");
    }
    let Some(output) = output else {
        print(&draft.toml)?;
        return Ok(EXIT_CLEAN);
    };
    write_new(output, draft.toml.as_bytes())?;
    let name = output.display();
    note!(
        "imported {} into {name}:",
        if stdin {
            "standard input".to_string()
        } else {
            source.display().to_string()
        }
    );
    for line in draft.summary() {
        note!("  {line}");
    }
    note!("Next: review the `# from line` comments in {name}, then run `noticec check {name}`");
    Ok(EXIT_CLEAN)
}

/// Writes a new file atomically: a temporary file beside it, then moved
/// into place only if nothing is there yet.
fn write_new(path: &Path, content: &[u8]) -> Result<(), Failure> {
    let failed =
        |e: std::io::Error| Failure::Usage(format!("cannot write {}: {e}", path.display()));
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Failure::Usage(format!(
            "cannot write {}: there is no folder {}",
            path.display(),
            dir.display()
        )));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".noticec-import-")
        .tempfile_in(dir)
        .map_err(failed)?;
    temp.write_all(content).map_err(failed)?;
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::Usage(format!(
                "{} already exists; noticec import never overwrites a file: choose another name",
                path.display()
            ))
        } else {
            failed(e.error)
        }
    })?;
    Ok(())
}

fn run_show(notice: &Path, resolved: bool) -> Result<u8, Failure> {
    let outcome = if resolved {
        let checking = args::CheckingArgs::default();
        workspace(&[notice.to_path_buf()], &checking)?.resolve(notice)
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
    print(&format!("{header}{text}"))
}

/// Prints the problems of one file that stop a command (a broken
/// configuration, a notice `show` cannot load) to standard error.
fn eprint_problems(path: &Path, diagnostics: Vec<Diagnostic>) {
    let mut report = FileReport::new(path, FileKind::Notice);
    report.diagnostics = diagnostics;
    let style = human_style(ColorChoice::Auto, std::io::stderr().is_terminal());
    note_raw!("{}", human::render(&[report], style));
}

/// Diagnostics in the chosen output format.
fn render_diagnostics(
    format: OutputFormat,
    reports: &[FileReport],
    options: &Options,
    style: human::Style,
) -> Result<String, Failure> {
    let failed = |e: serde_json::Error| Failure::Usage(format!("cannot write the report: {e}"));
    Ok(match format {
        OutputFormat::Human => human::render(reports, style),
        OutputFormat::Concise => report::concise::render(reports),
        OutputFormat::Json => report::json::render(reports).map_err(failed)?,
        OutputFormat::Sarif => report::sarif::render(reports, &options.profile).map_err(failed)?,
        OutputFormat::Github => report::github::render(reports),
        OutputFormat::Gitlab => report::gitlab::render(reports).map_err(failed)?,
    })
}

/// 2 if a file could not be read or noticec failed, 1 if there are errors
/// (or warnings under `--deny-warnings`), 0 otherwise.
fn exit_code(reports: &[FileReport], deny_warnings: bool) -> u8 {
    let trouble = reports.iter().any(FileReport::has_trouble);
    let summary = Summary::of(reports);
    if trouble {
        EXIT_TROUBLE
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
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
