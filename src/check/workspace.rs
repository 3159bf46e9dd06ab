//! The workspace: the one checked project that `check`, `build`, `show`
//! (and whatever comes next) go through, so a verdict never depends on the
//! command that produced it.
//!
//! [`Workspace::open`] works out what to check from the paths given and the
//! project in force; [`Workspace::check`] then
//!
//! 1. loads and validates every notice in parallel, each shared part loaded
//!    once for all the notices that extend it ([`PartCache`]) — or, for a
//!    notice whose files are unchanged since its verdict was kept in the
//!    [`super::cache`], takes that verdict (loading the notice only when
//!    the project checks or the caller need it);
//! 2. runs the project checks ([`consistency`]) on the
//!    complete set, when the whole project (or a shared part of it) is
//!    being checked;
//! 3. files every diagnostic under the file it is in — a problem in a
//!    shared part is reported once, under the part, however many notices
//!    meet it — and keeps for each notice whether it has errors (its own or
//!    its parts'), which decides whether it may be published.
//!
//! Given a shared part (`noticec check shared/council.toml`, as a
//! pre-commit hook does), the workspace checks the project's notices that
//! use it and reports the findings located in the part: never the
//! notice-level omissions a part would have if it were read as a notice.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::cache::VerdictCache;
use super::validate::{self, Options};
use super::{FileKind, FileReport, Sink, consistency};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::LoadOutcome;
use crate::load::discover::{NoticeFile, canonical, notice_files};
use crate::load::resolve::{PartCache, load_resolved};
use crate::load::source::SourceFile;
use crate::project::Project;

/// Why a workspace could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no notice files (*.toml) found in {0}")]
    NoNotices(String),
}

/// What to check, and under which settings.
#[derive(Debug)]
pub struct Workspace {
    project: Option<Project>,
    options: Options,
    /// The notices whose reports are shown, in order.
    notices: Vec<NoticeFile>,
    /// Other notices of the project, checked for what they say about the
    /// shared parts given (their own reports are not shown).
    context: Vec<NoticeFile>,
    /// Given files that are shared parts of the project (canonical).
    parts_given: HashSet<PathBuf>,
    /// Given files the project neither lists as notices nor as parts: a
    /// part if some project notice extends one, else checked as a notice.
    unlisted: Vec<NoticeFile>,
    /// Whether a folder was given (a site gets an index page).
    any_dir: bool,
    /// Whether the project checks run: the whole project is loaded.
    whole_project: bool,
    cache: PartCache,
    /// Verdicts kept from earlier runs ([`Workspace::use_verdict_cache`]).
    verdicts: Option<VerdictCache>,
    /// Where the verdict cache is, when one is used.
    cache_dir: Option<PathBuf>,
}

/// The verdicts of a check.
#[derive(Debug)]
pub struct Checked {
    /// The notices in order, then the shared parts with findings (or given).
    pub reports: Vec<FileReport>,
    /// Whether a folder was given (a site gets an index page).
    pub any_dir: bool,
}

impl Workspace {
    /// What to check for `paths` (files, or folders searched for notices):
    /// the project's notices when no path is given, or the current folder
    /// without a project.
    pub fn open(
        paths: &[PathBuf],
        project: Option<Project>,
        options: Options,
    ) -> Result<Workspace, OpenError> {
        let whole_project = project.is_some() && paths.is_empty();
        let given = match (&project, paths.is_empty()) {
            (_, false) => paths.to_vec(),
            (Some(project), true) => project.notice_paths(),
            (None, true) => vec![PathBuf::from(".")],
        };
        let (files, any_dir) = notice_files(&given);
        if files.is_empty() {
            let names: Vec<String> = given.iter().map(|p| p.display().to_string()).collect();
            return Err(OpenError::NoNotices(names.join(", ")));
        }
        let mut workspace = Workspace {
            project,
            options,
            notices: Vec::new(),
            context: Vec::new(),
            parts_given: HashSet::new(),
            unlisted: Vec::new(),
            any_dir,
            whole_project,
            cache: PartCache::default(),
            verdicts: None,
            cache_dir: None,
        };
        match &workspace.project {
            Some(project) if !whole_project => {
                let (project_notices, _) = notice_files(&project.notice_paths());
                let known: HashSet<PathBuf> = project_notices
                    .iter()
                    .map(|f| canonical(&f.source))
                    .collect();
                let parts: HashSet<PathBuf> = project
                    .part_files()
                    .iter()
                    .chain(project.defaults().iter())
                    .map(|p| canonical(p))
                    .collect();
                let root = canonical(&project.root);
                for file in files {
                    let key = canonical(&file.source);
                    if parts.contains(&key) {
                        workspace.parts_given.insert(key);
                    } else if !known.contains(&key) && key.starts_with(&root) {
                        workspace.unlisted.push(file);
                    } else {
                        workspace.notices.push(file);
                    }
                }
                if !workspace.parts_given.is_empty() || !workspace.unlisted.is_empty() {
                    let shown: HashSet<PathBuf> = workspace
                        .notices
                        .iter()
                        .map(|f| canonical(&f.source))
                        .collect();
                    workspace.context = project_notices
                        .into_iter()
                        .filter(|f| !shown.contains(&canonical(&f.source)))
                        .collect();
                    workspace.whole_project = true;
                }
            }
            _ => workspace.notices = files,
        }
        Ok(workspace)
    }

    /// Exactly these files as notices, without searching folders and without
    /// a project: a folder given here is reported as a file that cannot be
    /// read.
    pub fn for_files(files: &[PathBuf], options: Options) -> Workspace {
        Workspace {
            project: None,
            options,
            notices: files
                .iter()
                .map(|source| NoticeFile {
                    source: source.clone(),
                    stem: PathBuf::from(source.file_stem().unwrap_or_default()),
                })
                .collect(),
            context: Vec::new(),
            parts_given: HashSet::new(),
            unlisted: Vec::new(),
            any_dir: false,
            whole_project: false,
            cache: PartCache::default(),
            verdicts: None,
            cache_dir: None,
        }
    }

    /// Keeps verdicts in the cache in `dir` (see [`super::cache::location`])
    /// from run to run: a notice whose files are unchanged is not checked
    /// again. Not for checks against a baseline.
    pub fn use_verdict_cache(&mut self, dir: &Path) {
        self.verdicts = VerdictCache::open(dir, &self.options);
        self.cache_dir = Some(dir.to_path_buf());
    }

    /// The cache folder given to [`Workspace::use_verdict_cache`]: a build
    /// keeps its page stamps there too ([`crate::site::stamps`]).
    pub fn cache_dir(&self) -> Option<&Path> {
        self.cache_dir.as_deref()
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// Whether the project checks run (the whole project is loaded): every
    /// notice is then kept until they have.
    pub fn checks_whole_project(&self) -> bool {
        self.whole_project
    }

    /// The notices whose reports are shown (a given file that turns out to
    /// be a shared part is among them until the check says so).
    pub fn notice_files(&self) -> impl Iterator<Item = &NoticeFile> {
        self.notices.iter().chain(&self.unlisted)
    }

    /// Whether a folder was given (a site then gets an index page).
    pub fn any_dir(&self) -> bool {
        self.any_dir
    }

    /// How many notices will be checked and shown.
    pub fn notice_count(&self) -> usize {
        self.notices.len() + self.unlisted.len()
    }

    /// Loads one notice merged with the shared parts it extends, through
    /// the same cache and project boundary as the check.
    pub fn resolve(&self, path: &Path) -> LoadOutcome {
        load_resolved(path, &self.options.sharing, &self.cache)
    }

    /// Checks everything, keeping every loaded notice in its report.
    pub fn check(&self) -> Checked {
        self.run(true, |_| (), |_| None, None).0
    }

    /// Checks everything and calls `each` on every shown notice once its
    /// verdict is final, in parallel; returns the verdicts and what `each`
    /// returned, one per notice report in order. Without project checks
    /// each notice is dropped as soon as `each` is done with it, so
    /// thousands of notices are never all held at once; a verdict from the
    /// cache comes without its notice.
    pub fn check_each<R: Send>(&self, each: impl Fn(&FileReport) -> R + Sync) -> (Checked, Vec<R>) {
        self.run(false, &each, |r| Some(each(r)), None)
    }

    /// As [`Workspace::check_each`], and every report goes to `sink` as
    /// soon as its verdict is final, in report order: the notices, then
    /// the shared parts with findings. Each report's diagnostics are then
    /// let go ([`FileReport::release`]), so the findings of thousands of
    /// notices are written as they come, not held until the end; the
    /// returned reports still count them.
    pub fn check_streamed<R: Send>(
        &self,
        each: impl Fn(&FileReport) -> R + Sync,
        sink: &mut dyn Sink,
    ) -> (Checked, Vec<R>) {
        self.run(false, &each, |r| Some(each(r)), Some(sink))
    }

    /// The general form of [`Workspace::check_each`]: a verdict from the
    /// cache goes to `reuse`, which returns what `each` would, or `None`
    /// when it needs the loaded notice after all — the notice is then
    /// loaded and given to `each` with the cached verdict (validated
    /// afresh only if a file changed in between).
    pub fn check_with<R: Send>(
        &self,
        each: impl Fn(&FileReport) -> R + Sync,
        reuse: impl Fn(&FileReport) -> Option<R> + Sync,
        sink: Option<&mut dyn Sink>,
    ) -> (Checked, Vec<R>) {
        self.run(false, each, reuse, sink)
    }

    fn run<R: Send>(
        &self,
        keep: bool,
        each: impl Fn(&FileReport) -> R + Sync,
        reuse: impl Fn(&FileReport) -> Option<R> + Sync,
        mut sink: Option<&mut dyn Sink>,
    ) -> (Checked, Vec<R>) {
        let total = self.notices.len() + self.unlisted.len() + self.context.len();
        crate::rules::text::expect_notices(total);
        let files: Vec<&NoticeFile> = self
            .notices
            .iter()
            .chain(&self.unlisted)
            .chain(&self.context)
            .collect();
        if !self.whole_project {
            // Each verdict is final as soon as the notice is validated: the
            // notices are checked a batch at a time, and each batch is
            // filed and streamed before the next is read.
            let mut filer = Filer::new(HashSet::new(), None);
            let mut reports = Vec::with_capacity(files.len());
            let mut outputs = Vec::with_capacity(files.len());
            // (Asking for the thread count starts the pool: not for a few.)
            let batch = if sink.is_some() && files.len() > STREAM_BATCH_PER_THREAD {
                STREAM_BATCH_PER_THREAD * rayon::current_num_threads().max(2)
            } else {
                files.len().max(1)
            };
            for chunk in files.chunks(batch) {
                let (checked, done): (Vec<FileReport>, Vec<R>) = map_all(chunk, |file| {
                    let cached = if keep { None } else { self.verdicts.as_ref() };
                    // With a verdict in the cache that `reuse` cannot use
                    // (a build whose page is not there), the notice is
                    // loaded and the verdict taken if it was made from the
                    // files just loaded: not validated again.
                    let mut verdict_known = false;
                    if let Some((report, verdict)) = cached.and_then(|c| c.lookup(file)) {
                        let mut report = report;
                        report.cached = Some(verdict);
                        if let Some(output) = reuse(&report) {
                            // The files it was checked from are not
                            // needed any more (its findings hold theirs).
                            report.cached = None;
                            return (report, output);
                        }
                        verdict_known = true;
                    }
                    let mut report = self.check_notice(file, keep || verdict_known);
                    let output = each(&report);
                    if !keep {
                        report.notice = None;
                    }
                    (report, output)
                })
                .into_iter()
                .unzip();
                outputs.extend(done);
                let mut filed = filer.file(checked);
                stream(&mut sink, &mut filed);
                reports.extend(filed);
            }
            let mut parts = filer.finish();
            stream(&mut sink, &mut parts);
            reports.extend(parts);
            if let Some(verdicts) = &self.verdicts {
                verdicts.finish();
            }

            return (
                Checked {
                    reports,
                    any_dir: self.any_dir,
                },
                outputs,
            );
        }
        // The project checks need every notice loaded; the cache spares
        // only validating those whose verdict it has.
        let mut reports: Vec<FileReport> = map_all(&files, |file| self.check_notice(file, true));
        if let Some(verdicts) = &self.verdicts {
            verdicts.finish();
        }
        debug_assert_eq!(reports.len(), total);
        let mut removed = Vec::new();
        if let Some(project) = &self.project {
            consistency::check_project(project, &mut reports, &self.options.overrides);
            // Notices the project had at the baseline and has no more: a
            // report each, with no page (they have no output).
            if let Some(tree) = &self.options.baseline {
                removed = super::baseline::removed_notices(project, &reports, tree, &self.options);
            }
        }
        for report in &mut reports {
            report.has_errors |= report.count(Severity::Error) > 0;
        }
        // A given file no project notice lists is a shared part if one of
        // them extends it; otherwise it is a notice of its own.
        let extended: HashSet<PathBuf> = reports
            .iter()
            .filter_map(|r| r.notice.as_ref())
            .flat_map(|n| n.sources.iter().map(|s| canonical(&s.file.path)))
            .collect();
        let mut parts_given = self.parts_given.clone();
        let mut shown: HashSet<PathBuf> =
            self.notices.iter().map(|f| canonical(&f.source)).collect();
        for file in &self.unlisted {
            let key = canonical(&file.source);
            if extended.contains(&key) {
                parts_given.insert(key);
            } else {
                shown.insert(key);
            }
        }
        reports.retain(|r| {
            let key = canonical(&r.path);
            r.kind == FileKind::Part || shown.contains(&key) || !parts_given.contains(&key)
        });
        let outputs: Vec<R> = reports
            .par_iter()
            .filter(|r| r.kind == FileKind::Notice && shown.contains(&canonical(&r.path)))
            .map(&each)
            .collect();
        if !keep {
            for report in &mut reports {
                report.notice = None;
            }
        }
        let mut filer = Filer::new(parts_given, Some(shown));
        let mut reports = filer.file(reports);
        reports.extend(filer.finish());
        reports.extend(removed);
        stream(&mut sink, &mut reports);
        (
            Checked {
                reports,
                any_dir: self.any_dir,
            },
            outputs,
        )
    }

    /// A translation compared with the notice it translates, which is
    /// loaded for it whichever command runs and whether or not it is in
    /// this run (see [`super::translation`]).
    /// Also returns the original's files, which the verdict depends on.
    fn compare_with_original(
        &self,
        loaded: &crate::load::LoadedNotice,
    ) -> (Vec<Diagnostic>, Vec<Arc<SourceFile>>) {
        let Some(path) = super::translation::original_path(&loaded.notice, &loaded.file.path)
        else {
            return (Vec::new(), Vec::new());
        };
        if !path.is_file() {
            let reason = format!(
                "there is no file {}",
                crate::load::source::display_name(&path)
            );
            return (super::translation::compare(loaded, Err(reason)), Vec::new());
        }
        let outcome = self.resolve(&path);
        match &outcome.notice {
            Some(original) => (
                super::translation::compare(loaded, Ok(original)),
                original.files().cloned().collect(),
            ),
            None => (
                super::translation::compare(
                    loaded,
                    Err(format!(
                        "{} does not load (`noticec check` on it says why)",
                        crate::load::source::display_name(&path)
                    )),
                ),
                Vec::new(),
            ),
        }
    }

    /// Loads, merges and validates one notice, and keeps its verdict in
    /// the cache when it can be kept. With `reuse`, a verdict in the cache
    /// on the notice as loaded is used instead of validating it (when the
    /// loaded notice is needed all the same: for the project checks, or
    /// to keep it).
    fn check_notice(&self, file: &NoticeFile, reuse: bool) -> FileReport {
        let outcome = self.resolve(&file.source);
        let mut report = FileReport::new(&file.source, FileKind::Notice);
        report.output = Some(file.stem.clone());
        if reuse
            && let Some(verdicts) = &self.verdicts
            && let Some(loaded) = &outcome.notice
            && let Some((diagnostics, suppressed)) = verdicts.lookup_loaded(file, loaded)
        {
            report.diagnostics = diagnostics;
            report.suppressed = suppressed;
            report.has_errors = report.count(Severity::Error) > 0;
            report.notice = outcome.notice.map(Arc::new);
            return report;
        }
        report.diagnostics = outcome.diagnostics;
        let mut files = Vec::new();
        let mut own = 0;
        if let Some(loaded) = outcome.notice {
            let (translation, original) = self.compare_with_original(&loaded);
            files.extend(loaded.files().cloned());
            own = files.len();
            files.extend(original);
            let validation = validate::validate_with(&loaded, &self.options, translation);
            report.diagnostics.extend(validation.diagnostics);
            report.suppressed = validation.suppressed;
            if let Some(tree) = &self.options.baseline {
                report.diagnostics.extend(super::baseline::notice_findings(
                    &loaded,
                    tree,
                    &self.options,
                ));
            }
            report.notice = Some(Arc::new(loaded));
        }
        report
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        // A value said once (in `[all_purposes]` or a shared part) that is
        // wrong for every purpose is one finding, at the one place.
        report.diagnostics.dedup_by(|a, b| key(a) == key(b));
        report.has_errors = report.count(Severity::Error) > 0;
        if let Some(verdicts) = &self.verdicts {
            verdicts.store(file, &files, own, &report);
        }
        report
    }
}

/// `f` over `items`, in order; in parallel when there is more than one,
/// so checking one notice does not start the thread pool.
fn map_all<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() <= 1 {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}

/// How many notices each thread checks at a time when their reports are
/// streamed: enough to keep every thread busy, few enough that a batch's
/// findings — each holds its notice's text, and is drawn as text before it
/// is written — stay a few megabytes. (On 2 cores, 128 notices a batch
/// instead of 32 made a 10,000-notice findings build peak 4 MiB higher and
/// no faster.)
const STREAM_BATCH_PER_THREAD: usize = 16;

impl Checked {
    /// Sends every report to `sink`, in order, and lets its diagnostics
    /// go: for verdicts that had to be complete before anything was
    /// written (a whole project's pages link to each other).
    pub fn stream_to(&mut self, sink: &mut dyn Sink) {
        stream(&mut Some(sink), &mut self.reports);
    }
}

/// Sends `reports` to the sink, if there is one, and lets their
/// diagnostics go. Rendering runs in parallel; writing in order.
fn stream(sink: &mut Option<&mut dyn Sink>, reports: &mut [FileReport]) {
    let Some(sink) = sink else {
        return;
    };
    if reports.iter().all(FileReport::is_released) {
        return;
    }
    let rendered: Vec<String> = {
        let shared: &dyn Sink = &**sink;
        map_all(reports, |r| shared.render(r))
    };
    for (report, text) in reports.iter_mut().zip(rendered) {
        sink.write(report, text);
        report.release();
    }
}

/// Files every diagnostic under the file it is in: a notice keeps what is
/// in its own file, and what is in a shared part goes to that part's
/// report, once however many notices met it. Notices are filed as they
/// come ([`Filer::file`]); the parts' reports follow at the end
/// ([`Filer::finish`]). With `shown`, only the notices in it are kept,
/// with the parts they extend that have findings and the parts given, in
/// the order they were first met.
struct Filer {
    parts_given: HashSet<PathBuf>,
    shown: Option<HashSet<PathBuf>>,
    /// Each part's report, and whether it is shown.
    parts: Vec<(FileReport, bool)>,
    part_index: HashMap<String, usize>,
    /// The findings in parts already filed.
    seen: HashSet<(String, usize, usize, &'static str, String)>,
}

impl Filer {
    fn new(parts_given: HashSet<PathBuf>, shown: Option<HashSet<PathBuf>>) -> Self {
        Filer {
            parts_given,
            shown,
            parts: Vec::new(),
            part_index: HashMap::new(),
            seen: HashSet::new(),
        }
    }

    fn part_for(&mut self, name: &str, path: &Path) -> usize {
        if let Some(&i) = self.part_index.get(name) {
            return i;
        }
        self.parts
            .push((FileReport::new(path, FileKind::Part), false));
        self.part_index
            .insert(name.to_string(), self.parts.len() - 1);
        self.parts.len() - 1
    }

    /// Files these reports' diagnostics; returns the notices' reports that
    /// are shown, in order.
    fn file(&mut self, reports: Vec<FileReport>) -> Vec<FileReport> {
        let mut notices = Vec::new();
        for mut report in reports {
            let visible = self
                .shown
                .as_ref()
                .is_none_or(|s| s.contains(&canonical(&report.path)));
            let diagnostics = std::mem::take(&mut report.diagnostics);
            if report.kind == FileKind::Part {
                let i = self.part_for(&report.name, &report.path);
                self.parts[i].1 = true;
                for d in diagnostics {
                    if self.seen.insert(key(&d)) {
                        self.parts[i].0.diagnostics.push(d);
                    }
                }
                continue;
            }
            for d in diagnostics {
                if d.file.name == report.name {
                    report.diagnostics.push(d);
                } else if self.seen.insert(key(&d)) {
                    let i = self.part_for(&d.file.name, &d.file.path);
                    self.parts[i].1 |= visible;
                    self.parts[i].0.diagnostics.push(d);
                }
            }
            if visible {
                notices.push(report);
            }
        }
        notices
    }

    /// The reports of the parts with findings (or given), in the order
    /// they were first met.
    fn finish(mut self) -> Vec<FileReport> {
        let mut given: Vec<PathBuf> = self.parts_given.iter().cloned().collect();
        given.sort();
        for path in &given {
            let name = crate::load::source::display_name(path);
            let i = self.part_for(&name, path);
            self.parts[i].1 = true;
        }
        let mut out = Vec::new();
        for (mut part, keep) in self.parts {
            let given = self.parts_given.contains(&canonical(&part.path));
            if keep && (given || !part.diagnostics.is_empty()) {
                part.diagnostics
                    .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                out.push(part);
            }
        }
        out
    }
}

/// What makes two diagnostics the same finding.
fn key(d: &Diagnostic) -> (String, usize, usize, &'static str, String) {
    let span = d.span.clone().unwrap_or(0..0);
    (
        d.file.name.clone(),
        span.start,
        span.end,
        d.code,
        d.message.clone(),
    )
}
