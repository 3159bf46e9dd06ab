//! Stage 4, publishing: checked notices → a site on disk (`noticec build`).
//!
//! The verdicts come from the [`Workspace`], exactly as `noticec check`
//! gives them; this stage decides what is published (notices without
//! errors, or all with `--allow-errors`), renders each published notice
//! in each format and writes it ([`write`](mod@write)), with an index page
//! when a folder was built. A page links only to pages published by the
//! same build. [`incremental`] skips rendering and writing a page whose
//! inputs are unchanged — never the check — and [`stamps`] tells, without
//! reading it, that such a page's file is still what was written.

pub mod archive;
pub mod incremental;
pub mod stamps;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::{Checked, FileKind, FileReport, Sink, Workspace};
use crate::i18n::{Arg, Language};
use crate::load::discover::{CanonicalPaths, NoticeFile, canonical, output_file};
use crate::render::view::{AlternateView, LinkView, NoticeView};
use crate::render::{Format, IndexEntry, RenderError, RenderOptions, Renderer};
use write::{WriteStatus, write_stamped};

/// How to publish.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out_dir: PathBuf,
    pub formats: Vec<Format>,
    pub render: RenderOptions,
    /// Publish notices even when they have errors.
    pub allow_errors: bool,
    /// The corporate notice of a project: other pages link to it.
    pub corporate: Option<PathBuf>,
    /// The organisation, for the title of the index page.
    pub site_name: Option<String>,
    /// Its name in Welsh, for the Welsh index page.
    pub site_name_cy: Option<String>,
    /// Called with (notices done, total) as the build goes.
    pub progress: Option<Progress>,
    /// Also build every version in each notice's git history into
    /// `archive/` ([`archive`]).
    pub archive: bool,
}

/// A progress callback (shared between the build's threads).
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl BuildOptions {
    /// All formats, plain theme, no corporate notice, to `out_dir`.
    pub fn new(out_dir: PathBuf) -> Self {
        Self {
            out_dir,
            formats: Format::ALL.to_vec(),
            render: RenderOptions::default(),
            allow_errors: false,
            corporate: None,
            site_name: None,
            site_name_cy: None,
            progress: None,
            archive: false,
        }
    }
}

/// One file the build produced (or found already up to date).
#[derive(Debug, Clone)]
pub struct Output {
    pub path: PathBuf,
    pub status: WriteStatus,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// The verdicts: the same as `noticec check` gives for the same paths.
    pub checked: Checked,
    /// Every output file, in order.
    pub outputs: Vec<Output>,
    /// Notices not published because they have errors.
    pub withheld: Vec<String>,
    /// How many notices were checked.
    pub notices: usize,
}

/// Why a build could not finish.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("template {}{}: {source}", .source.template.as_deref().unwrap_or("?"), .source.line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Template {
        notice: String,
        #[source]
        source: RenderError,
    },
    #[error("cannot write {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the output {} would overwrite the source file {}; choose another --out folder", .output.display(), .source_file.display())]
    OverwritesSource {
        output: PathBuf,
        source_file: PathBuf,
    },
    #[error("{} leads out of the output folder (it is a link); pages are not written through it: remove the link, or choose another --out folder", .folder.display())]
    LeavesOutput { folder: PathBuf },
    #[error("{first} and {second} would both be written to {}; rename one of them", .output.display())]
    SameOutput {
        first: String,
        second: String,
        output: PathBuf,
    },
}

/// The links of one page to other pages of the same build.
#[derive(Debug, Clone, Default)]
struct Links {
    corporate: Option<LinkView>,
    service_notices: Vec<LinkView>,
    alternates: Vec<AlternateView>,
}

/// What publishing one notice produced.
struct Published {
    outputs: Vec<Output>,
    /// For the index, when published: (stem, entry, language). Boxed, as
    /// every notice's result is kept until the build ends.
    entry: Option<Box<(PathBuf, IndexEntry, String)>>,
    /// For the next build's manifest, when published.
    record: Option<(String, incremental::RawEntry)>,
    /// When withheld for errors: the notice's name, and its output stem
    /// with its source as the manifest names it.
    withheld: Option<(String, Option<(String, String)>)>,
}

/// What every page of the build shares.
struct Site<'a> {
    options: &'a BuildOptions,
    renderer: Renderer,
    previous: incremental::Manifest,
    settings: String,
    /// The output folder, resolved (it exists by now).
    out_dir: PathBuf,
    law_enforcement: bool,
    /// The date the pages are built on (the regulator's name follows it).
    today: jiff::civil::Date,
    done: std::sync::atomic::AtomicUsize,
    total: usize,
    /// With `--archive`: the commits' trees, unpacked once.
    trees: Option<archive::Trees>,
    /// The files this build names, each resolved once.
    paths: CanonicalPaths,
    /// How the last build left its pages.
    stamps: stamps::PageStamps,
}

/// Checks the workspace and publishes its notices. Rendering and writing
/// run in parallel and the results are put back in order, so the output
/// does not depend on thread scheduling.
pub fn build(workspace: &Workspace, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_streamed(workspace, options, None)
}

/// As [`build`], and every report goes to `sink` as soon as its verdict
/// is final (see [`Workspace::check_streamed`]); the returned reports
/// are released.
pub fn build_streamed(
    workspace: &Workspace,
    options: &BuildOptions,
    sink: Option<&mut dyn Sink>,
) -> Result<BuildReport, BuildError> {
    let planned: Vec<NoticeFile> = workspace.notice_files().cloned().collect();
    let paths = CanonicalPaths::default();
    guard_outputs(&planned, workspace.any_dir(), options, &paths)?;
    std::fs::create_dir_all(&options.out_dir).map_err(|source| BuildError::Write {
        path: options.out_dir.clone(),
        source,
    })?;
    // A build killed part-way leaves temporary files; they are never pages.
    write::remove_leftovers(&options.out_dir);
    let out_dir = canonical(&options.out_dir);
    let previous = incremental::Manifest::read(&options.out_dir);
    // Without a record of the last build no page is kept, and its stamps
    // would only take memory.
    let cache = workspace.cache_dir();
    let pages = planned.len() * options.formats.len();
    let stamps = if previous.notices.is_empty() {
        stamps::PageStamps::fresh(cache, &out_dir, pages)
    } else {
        stamps::PageStamps::open(cache, &out_dir, pages)
    };
    let site = Site {
        options,
        renderer: Renderer::new(options.render.clone()),
        previous,
        settings: settings_hash(workspace, options),
        stamps,
        out_dir,
        law_enforcement: workspace.options().profile.law_enforcement,
        today: workspace.options().today,
        done: std::sync::atomic::AtomicUsize::new(0),
        total: planned.len(),
        trees: options.archive.then(archive::Trees::default),
        paths,
    };

    let corporate = options.corporate.as_deref().map(canonical);
    let (checked, results) = if workspace.checks_whole_project() {
        // Pages link to each other: every verdict must be known first.
        let mut checked = workspace.check();
        let links = site_links(&checked, corporate.as_deref(), &site);
        let results = checked
            .reports
            .par_iter()
            .enumerate()
            // A notice removed since the baseline has a report but no page.
            .filter(|(_, r)| r.kind == FileKind::Notice && !r.removed)
            .map(|(i, report)| site.publish(report, links.get(&i).cloned().unwrap_or_default()))
            .collect();
        if let Some(sink) = sink {
            checked.stream_to(sink);
        }
        (checked, results)
    } else {
        workspace.check_with(
            |report| site.publish(report, Links::default()),
            |report| site.publish_cached(report),
            sink,
        )
    };

    let mut report = BuildReport {
        notices: checked
            .reports
            .iter()
            .filter(|r| r.kind == FileKind::Notice && !r.removed)
            .count(),
        checked,
        outputs: Vec::new(),
        withheld: Vec::new(),
    };
    let mut index = Vec::new();
    let mut manifest = incremental::Manifest {
        settings: site.settings.clone(),
        notices: BTreeMap::new(),
    };
    for result in results {
        let published = result?;
        if let Some((stem, record)) = published.record {
            manifest.notices.insert(stem, record);
        }
        report.outputs.extend(published.outputs);
        if let Some(entry) = published.entry {
            index.push(*entry);
        }
        if let Some((name, stem)) = published.withheld {
            // The pages an earlier build published for this notice are out
            // of date now: take them down rather than leave them published.
            let previous = stem.and_then(|(stem, source)| {
                site.previous
                    .entry(&stem)
                    .filter(|entry| entry.source == source)
            });
            if let Some(previous) = previous {
                for (relative, hash) in &previous.outputs {
                    let path = options.out_dir.join(relative);
                    let removed = write::remove_if_unchanged(&site.out_dir, &path, hash).map_err(
                        |source| BuildError::Write {
                            path: path.clone(),
                            source,
                        },
                    )?;
                    if removed {
                        report.outputs.push(Output {
                            path,
                            status: WriteStatus::Removed,
                        });
                    }
                }
            }
            report.withheld.push(name);
        }
    }
    // Notices not part of this build keep their record: building one
    // notice into a folder does not make the others' pages untrusted.
    let planned_stems: std::collections::HashSet<String> =
        planned.iter().map(|p| stem_key(&p.stem)).collect();
    for stem in site.previous.notices.keys() {
        if !planned_stems.contains(stem) {
            // Written anew, so the record reads the same whichever
            // version of noticec wrote the entry.
            let Some(entry) = site.previous.entry(stem) else {
                continue;
            };
            site.stamps.note(
                entry
                    .outputs
                    .iter()
                    .filter_map(|(page, hash)| site.stamps.kept(page, hash)),
            );
            if let Ok(raw) = entry.to_raw() {
                manifest.notices.insert(stem.clone(), raw);
            }
        }
    }
    // Not an output of the site: the record of what it was built from.
    // Saved, and let go with the previous one, before the index is drawn:
    // with ten thousand notices each is megabytes, and the build's heap
    // peaks at its end. (The index is no page of the record: every build
    // writes it anew, so a build stopped here leaves nothing trusted wrongly.)
    let path = options.out_dir.join(incremental::MANIFEST);
    manifest
        .save(&path)
        .map_err(|source| BuildError::Write { path, source })?;
    drop(manifest);
    drop(site.previous);
    site.stamps.save();
    if report.checked.any_dir {
        write_index(&site.renderer, &index, options, &mut report)?;
    }
    Ok(report)
}

/// A page's record that cannot be put into the build record (never seen:
/// it is strings and maps of strings).
fn record_error(out_dir: &Path, error: serde_json::Error) -> BuildError {
    BuildError::Write {
        path: out_dir.join(incremental::MANIFEST),
        source: error.into(),
    }
}

/// Whether a notice is published: it loaded, and has no errors (its own
/// or its shared parts') unless errors are allowed.
fn publishable(report: &FileReport, options: &BuildOptions) -> bool {
    report.notice.is_some() && (!report.has_errors || options.allow_errors)
}

/// The links between the pages of a project: every published page links
/// to the corporate notice in its language when that is published too,
/// the corporate page lists the published service notices in its language,
/// and a notice and its translation link to each other. Keyed by report
/// index.
fn site_links(
    checked: &Checked,
    corporate: Option<&Path>,
    site: &Site<'_>,
) -> BTreeMap<usize, Links> {
    struct Page {
        index: usize,
        path: PathBuf,
        stem: PathBuf,
        title: String,
        url: Option<String>,
        lang: Language,
        /// The notice this one translates, when it is published.
        original: Option<PathBuf>,
    }
    let published: Vec<Page> = checked
        .reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == FileKind::Notice && publishable(r, site.options))
        .filter_map(|(index, r)| {
            let loaded = r.notice.as_ref()?;
            let stem = r.output.clone()?;
            let view = NoticeView::new(&loaded.notice, site.law_enforcement, site.today);
            Some(Page {
                index,
                path: site.paths.get(&r.path),
                stem,
                url: view.url.map(str::to_string),
                lang: view.lang,
                title: view.title,
                original: crate::check::translation::original_path(&loaded.notice, &r.path)
                    .map(|p| site.paths.get(&p)),
            })
        })
        .collect();
    let by_path: BTreeMap<&Path, &Page> = published.iter().map(|p| (p.path.as_path(), p)).collect();
    let link = |from: &Page, to: &Page| LinkView {
        title: to.title.clone(),
        href: relative_href(&from.stem, &to.stem),
        url: to.url.clone(),
    };
    let mut links: BTreeMap<usize, Links> = BTreeMap::new();
    // A notice and its translation, both ways.
    let mut translation_of: BTreeMap<&Path, Vec<&Page>> = BTreeMap::new();
    for page in &published {
        let Some(original) = page.original.as_deref().and_then(|o| by_path.get(o)) else {
            continue;
        };
        if original.lang == page.lang {
            continue;
        }
        translation_of
            .entry(original.path.as_path())
            .or_default()
            .push(page);
        for (from, to) in [(page, *original), (*original, page)] {
            links
                .entry(from.index)
                .or_default()
                .alternates
                .push(AlternateView {
                    language: to.lang.tag(),
                    name: to.lang.text("language-name").into_owned(),
                    title: to.title.clone(),
                    href: relative_href(&from.stem, &to.stem),
                    url: to.url.clone(),
                });
        }
    }
    let Some(corporate) = corporate.and_then(|c| by_path.get(c)) else {
        return links;
    };
    // The corporate notice in each language: it, and its translations.
    let mut corporates: Vec<&Page> = vec![*corporate];
    corporates.extend(
        translation_of
            .get(corporate.path.as_path())
            .into_iter()
            .flatten(),
    );
    for page in &published {
        if corporates.iter().any(|c| c.index == page.index) {
            continue;
        }
        let home = corporates
            .iter()
            .find(|c| c.lang == page.lang)
            .unwrap_or(&corporates[0]);
        links.entry(page.index).or_default().corporate = Some(link(page, home));
        links
            .entry(home.index)
            .or_default()
            .service_notices
            .push(link(home, page));
    }
    links
}

/// A hash of a page's links to other pages, its draft banner and (with the
/// archive) the commits it lists: what shapes a page besides its files.
fn context_hash(
    corporate: &Option<LinkView>,
    service_notices: &[LinkView],
    alternates: &[AlternateView],
    draft: bool,
    commits: &[String],
) -> String {
    crate::files::content_hash(
        format!(
            "{corporate:?}|{service_notices:?}|{alternates:?}|{draft}|{}",
            commits.join(",")
        )
        .as_bytes(),
    )
}

impl Site<'_> {
    /// What a build does with a notice whose verdict came from the cache
    /// (it was not loaded): withhold it, or, when its pages are exactly
    /// what this build would write, keep them. `None` when its pages must
    /// be made: the notice is then loaded and checked afresh.
    fn publish_cached(&self, report: &FileReport) -> Option<Result<Published, BuildError>> {
        let verdict = report.cached.as_ref()?;
        let stem = report.output.as_ref()?;
        // The archive reads the notice's history; links need the notices.
        if self.trees.is_some() || self.options.corporate.is_some() {
            return None;
        }
        let key = stem_key(stem);
        if report.has_errors && !self.options.allow_errors {
            self.count_done();
            return Some(Ok(Published {
                outputs: Vec::new(),
                entry: None,
                record: None,
                withheld: Some((
                    report.name.clone(),
                    Some((key, self.manifest_path(&report.path))),
                )),
            }));
        }
        let wanted = incremental::Entry {
            source: self.manifest_path(&report.path),
            sources: verdict
                .own_files()
                .iter()
                .map(|(file, hash)| (self.manifest_path(&file.path), hash.clone()))
                .collect(),
            context: context_hash(&None, &[], &[], report.has_errors, &[]),
            outputs: BTreeMap::new(),
            index: None,
        };
        let (previous, stamps) = self.previous.unchanged(
            &self.settings,
            &key,
            &wanted,
            &self.options.out_dir,
            &self.stamps,
        )?;
        let index = previous.index.clone()?;
        let record = match previous.to_raw() {
            Ok(raw) => raw,
            Err(error) => return Some(Err(record_error(&self.out_dir, error))),
        };
        self.count_done();
        self.stamps.note(stamps);
        Some(Ok(Published {
            outputs: self.kept_pages(&previous),
            entry: Some(index_line(stem, index, report.has_errors)),
            record: Some((key, record)),
            withheld: None,
        }))
    }

    /// How the manifest names a file this build loaded.
    fn manifest_path(&self, path: &Path) -> String {
        incremental::manifest_name(&self.paths.get(path), &self.out_dir)
    }

    /// Counts one more notice done, for the progress bar.
    fn count_done(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(progress) = &self.options.progress {
            (progress.0)(done, self.total);
        }
    }

    /// Renders and writes one notice's pages, unless it is withheld or its
    /// pages are already exactly what this build would write.
    fn publish(&self, report: &FileReport, links: Links) -> Result<Published, BuildError> {
        self.count_done();
        let mut published = Published {
            outputs: Vec::new(),
            entry: None,
            record: None,
            withheld: None,
        };
        let source = self.manifest_path(&report.path);
        let withheld = (
            report.name.clone(),
            report
                .output
                .as_deref()
                .map(|stem| (stem_key(stem), source)),
        );
        let (Some(loaded), Some(stem)) = (&report.notice, &report.output) else {
            published.withheld = Some(withheld);
            return Ok(published);
        };
        if !publishable(report, self.options) {
            published.withheld = Some(withheld);
            return Ok(published);
        }
        let mut view = NoticeView::new(&loaded.notice, self.law_enforcement, self.today);
        view.draft = report.has_errors;
        view.own_page = stem
            .file_name()
            .map(|name| safe_href(&format!("{}.html", name.to_string_lossy())));
        if let Some(name) = stem.file_name() {
            for (format, media_type, label) in [
                (Format::Json, "application/json", "JSON"),
                (Format::JsonLd, "application/ld+json", "JSON-LD"),
            ] {
                if self.options.formats.contains(&format) {
                    view.twins.push(crate::render::view::TwinView {
                        media_type,
                        label,
                        href: safe_href(&format!(
                            "{}.{}",
                            name.to_string_lossy(),
                            format.extension()
                        )),
                    });
                }
            }
        }
        // With the archive: the commits that changed the notice shape the
        // page (its link to the versions) and the archive.
        let commits = match &self.trees {
            Some(_) => crate::history::git::commits_of(&loaded.file.path),
            None => Vec::new(),
        };
        let archive_folder = archive::folder(stem);
        if !commits.is_empty() {
            let depth = stem.parent().map_or(0, |p| p.components().count());
            view.versions = Some(safe_href(&format!(
                "{}{}/index.html",
                "../".repeat(depth),
                stem_key(&archive_folder)
            )));
        }
        view.corporate = links.corporate;
        view.service_notices = links.service_notices;
        view.alternates = links.alternates;
        let key = stem_key(stem);
        // What this page is made of: the bytes of every file that was
        // loaded for it, and the links to the other pages.
        let sources: BTreeMap<String, String> = loaded
            .files()
            .map(|file| {
                (
                    self.manifest_path(&file.path),
                    crate::files::content_hash(file.text.as_bytes()),
                )
            })
            .collect();
        let context = context_hash(
            &view.corporate,
            &view.service_notices,
            &view.alternates,
            view.draft,
            &commits,
        );
        let index = incremental::IndexFacts {
            title: view.title.clone(),
            url: view.url.map(str::to_string),
            last_updated: view.last_updated.clone(),
            language: view.language.clone(),
        };
        let entry = incremental::Entry {
            source: self.manifest_path(&loaded.file.path),
            sources,
            context,
            outputs: BTreeMap::new(),
            index: Some(index.clone()),
        };
        match self.previous.unchanged(
            &self.settings,
            &key,
            &entry,
            &self.options.out_dir,
            &self.stamps,
        ) {
            Some((previous, stamps)) => {
                published.outputs = self.kept_pages(&previous);
                self.stamps.note(stamps);
                let mut record = previous;
                record.index = entry.index.clone();
                let record = record
                    .to_raw()
                    .map_err(|error| record_error(&self.out_dir, error))?;
                published.record = Some((key, record));
            }
            None => {
                let mut entry = entry;
                // Every page of this notice, as (path in the site, bytes).
                let mut pages: Vec<(PathBuf, String)> = Vec::new();
                // Made on the first template format, then shared.
                let mut page: Option<crate::render::NoticePage> = None;
                for &format in &self.options.formats {
                    let text = match format {
                        // The twin is the data itself, not a template's page.
                        Format::Json => crate::render::twin::to_json(
                            &loaded.notice,
                            report.has_errors,
                            self.law_enforcement,
                            self.today,
                        ),
                        Format::JsonLd => crate::render::jsonld::to_jsonld(
                            &loaded.notice,
                            &view
                                .url
                                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                                .map_or_else(
                                    || {
                                        format!(
                                            "urn:noticec:{}",
                                            stem_key(stem).replace(['/', ' ', '#', '?', '%'], ":")
                                        )
                                    },
                                    str::to_string,
                                ),
                            self.today,
                        ),
                        _ => self
                            .renderer
                            .render_page(
                                page.get_or_insert_with(|| crate::render::NoticePage::new(&view)),
                                format,
                            )
                            .map_err(|source| BuildError::Template {
                                notice: report.name.clone(),
                                source,
                            })?,
                    };
                    pages.push((output_file(stem, format.extension()), text));
                }
                if let Some(trees) = &self.trees {
                    pages.extend(self.archive_pages(loaded, stem, &view, trees, report)?);
                }
                for (relative, text) in pages {
                    let page = stem_key(&relative);
                    let hash = crate::files::content_hash(text.as_bytes());
                    let path = self.options.out_dir.join(relative);
                    let (output, stamp) = write(&path, text.as_bytes())?;
                    published.outputs.push(output);
                    self.stamps.note(self.stamps.record(&page, &hash, stamp));
                    entry.outputs.insert(page, hash);
                }
                let record = entry
                    .to_raw()
                    .map_err(|error| record_error(&self.out_dir, error))?;
                published.record = Some((key, record));
            }
        }
        published.entry = Some(index_line(stem, index, view.draft));
        Ok(published)
    }

    /// The pages a record names, kept as they are on disk.
    fn kept_pages(&self, record: &incremental::Entry) -> Vec<Output> {
        record
            .outputs
            .keys()
            .map(|path| Output {
                path: self.options.out_dir.join(path),
                status: WriteStatus::Unchanged,
            })
            .collect()
    }
}

/// A published page's line in the index, from the facts its record keeps
/// (so a page kept from the cache gets the same line as one just made).
fn index_line(
    stem: &Path,
    facts: incremental::IndexFacts,
    draft: bool,
) -> Box<(PathBuf, IndexEntry, String)> {
    Box::new((
        stem.to_path_buf(),
        IndexEntry {
            title: facts.title,
            href: String::new(),
            url: facts.url,
            last_updated: facts.last_updated,
            draft,
            twin: None,
            twin_ld: None,
        },
        facts.language,
    ))
}

impl Site<'_> {
    /// The archived versions of one notice and their list, as (path in the
    /// site, page).
    fn archive_pages(
        &self,
        loaded: &crate::load::read::LoadedNotice,
        stem: &Path,
        current: &NoticeView<'_>,
        trees: &archive::Trees,
        report: &FileReport,
    ) -> Result<Vec<(PathBuf, String)>, BuildError> {
        let versions = archive::versions(&loaded.file.path, trees);
        if versions.is_empty() {
            return Ok(Vec::new());
        }
        let folder = archive::folder(stem);
        let current_href = safe_href(&format!("{}{}.html", archive::up(&folder), stem_key(stem)));
        let failed = |source| BuildError::Template {
            notice: report.name.clone(),
            source,
        };
        let mut pages = Vec::new();
        let mut entries = Vec::new();
        for version in &versions {
            let mut view = NoticeView::new(&version.notice, self.law_enforcement, self.today);
            view.archived = Some(crate::render::view::ArchivedView {
                current: current_href.clone(),
                versions: "index.html".to_string(),
            });
            let page = self
                .renderer
                .render_notice(&view, Format::Html)
                .map_err(failed)?;
            let file = format!("{}.html", version.label);
            pages.push((folder.join(&file), page));
            entries.push(crate::render::VersionEntry {
                label: version.label.clone(),
                href: safe_href(&file),
                version: version.version.clone(),
                date: version.last_updated.map(|d| view.lang.date(d)),
                current: false,
            });
        }
        entries.reverse();
        // The latest version in the history is the one published now, if
        // the notice still says the same version and date.
        if let Some(latest) = entries.first_mut() {
            latest.current =
                latest.version.as_deref() == current.version && latest.date == current.last_updated;
        }
        let list = self
            .renderer
            .render_versions(&current.title, &current.language, &current_href, &entries)
            .map_err(failed)?;
        pages.push((folder.join("index.html"), list));
        Ok(pages)
    }
}

/// The manifest key of an output stem: with `/` separators.
fn stem_key(stem: &Path) -> String {
    stem.to_string_lossy().replace('\\', "/")
}

/// Everything besides a page's own sources and links that shapes it.
fn settings_hash(workspace: &Workspace, options: &BuildOptions) -> String {
    incremental::settings_hash(&[
        options
            .formats
            .iter()
            .map(|f| f.extension())
            .collect::<Vec<_>>()
            .join(","),
        format!(
            "{:?}/{}/{}/{}",
            options.render.theme, options.render.fragment, options.render.cms, options.render.gfm
        ),
        incremental::templates_fingerprint(options.render.templates_dir.as_deref()),
        incremental::renderer_fingerprint(),
        workspace.options().profile.name.clone(),
        workspace.options().profile.law_enforcement.to_string(),
        // The regulator's details on the build date shape every page.
        format!(
            "{:?}",
            crate::law::regulator::regulator(workspace.options().today)
        ),
    ])
}

/// A link from the page at `from` to the page at `to` (both output stems
/// relative to the output folder), without extension.
fn relative_href(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |p| p.components().count());
    let mut href = "../".repeat(depth);
    href.push_str(&to.to_string_lossy().replace('\\', "/"));
    safe_href(&href)
}

/// A relative link that cannot be read as a scheme: a file named
/// `javascript:alert(1).toml` is linked as `./javascript:alert(1).html`,
/// and characters with a meaning in URLs are percent-encoded.
fn safe_href(href: &str) -> String {
    let mut out = String::with_capacity(href.len() + 2);
    let first = href.split('/').next().unwrap_or("");
    if first.contains(':') {
        out.push_str("./");
    }
    for c in href.chars() {
        match c {
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push('/'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a page unless it already holds `content`, with its stamp.
fn write(path: &Path, content: &[u8]) -> Result<(Output, Option<stamps::Stamp>), BuildError> {
    let (status, stamp) = write_stamped(path, content).map_err(|source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    let output = Output {
        path: path.to_path_buf(),
        status,
    };
    Ok((output, stamp))
}

fn write_index(
    renderer: &Renderer,
    index: &[(PathBuf, IndexEntry, String)],
    options: &BuildOptions,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    // One index per language of the notices: `index.html` in English (or
    // in the only language there is), `index.cy.html` in Welsh, each
    // linking to the other.
    let mut languages: Vec<Language> = index
        .iter()
        .map(|(_, _, tag)| Language::from_tag(tag))
        .collect();
    languages.sort();
    languages.dedup();
    if languages.is_empty() {
        languages.push(Language::English);
    }
    let file_of = |lang: Language| {
        if lang == languages[0] {
            "index".to_string()
        } else {
            format!("index{}", lang.suffix())
        }
    };
    for &lang in &languages {
        // The tag the notices themselves give, when they all give one.
        let tags: Vec<&str> = index
            .iter()
            .filter(|(_, _, tag)| Language::from_tag(tag) == lang)
            .map(|(_, _, tag)| tag.as_str())
            .collect();
        let language = match tags.first() {
            Some(first) if tags.iter().all(|t| t == first) => *first,
            _ => lang.tag(),
        };
        let alternates: Vec<AlternateView> = languages
            .iter()
            .filter(|&&other| other != lang)
            .map(|&other| AlternateView {
                language: other.tag(),
                name: other.text("language-name").into_owned(),
                title: String::new(),
                href: file_of(other),
                url: None,
            })
            .collect();
        let name = match lang {
            Language::Welsh => options.site_name_cy.as_ref().or(options.site_name.as_ref()),
            Language::English => options.site_name.as_ref(),
        };
        let title = match name {
            Some(name) => lang
                .format("index-title-named", &[("name", Arg::Text(name))])
                .into_owned(),
            None => lang.text("index-title").into_owned(),
        };
        for format in [Format::Html, Format::Markdown] {
            if !options.formats.contains(&format) {
                continue;
            }
            let entries: Vec<IndexEntry> = index
                .iter()
                .filter(|(_, _, tag)| Language::from_tag(tag) == lang)
                .map(|(stem, entry, _)| IndexEntry {
                    href: safe_href(
                        &output_file(stem, format.extension())
                            .to_string_lossy()
                            .replace('\\', "/"),
                    ),
                    twin_ld: options.formats.contains(&Format::JsonLd).then(|| {
                        safe_href(
                            &output_file(stem, "jsonld")
                                .to_string_lossy()
                                .replace('\\', "/"),
                        )
                    }),
                    twin: options.formats.contains(&Format::Json).then(|| {
                        safe_href(
                            &output_file(stem, "json")
                                .to_string_lossy()
                                .replace('\\', "/"),
                        )
                    }),
                    ..entry.clone()
                })
                .collect();
            let text = renderer
                .render_index(&title, language, &entries, &alternates, format)
                .map_err(|source| BuildError::Template {
                    notice: "index".into(),
                    source,
                })?;
            let path = options
                .out_dir
                .join(format!("{}.{}", file_of(lang), format.extension()));
            report.outputs.push(write(&path, text.as_bytes())?.0);
        }
    }
    Ok(())
}

/// Refuses a build that would overwrite a source file, write two notices
/// (or a notice and the index page) to the same place, or write a page
/// through a folder of the output folder that is a link leading out of it.
fn guard_outputs(
    planned: &[NoticeFile],
    writes_index: bool,
    options: &BuildOptions,
    paths: &CanonicalPaths,
) -> Result<(), BuildError> {
    // The sources that exist, resolved (a missing one resolves to itself).
    let sources: BTreeMap<PathBuf, &Path> = planned
        .iter()
        .filter(|p| p.source.exists())
        .map(|p| (paths.get(&p.source), p.source.as_path()))
        .collect();
    let out_dir = canonical(&options.out_dir);
    // The folders pages go in (a few for a whole site), each as far down
    // as it exists yet: every one must resolve to a place in the output
    // folder. A link there, made by hand or committed to a repository that
    // keeps its site, would have pages written (and replaced) elsewhere.
    let folders: std::collections::BTreeSet<PathBuf> = planned
        .iter()
        .filter_map(|item| {
            options
                .out_dir
                .join(&item.stem)
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    for folder in &folders {
        // No folder below the output folder there yet: nothing to follow.
        let Some(existing) = folder
            .ancestors()
            .take_while(|f| *f != options.out_dir && f.starts_with(&options.out_dir))
            .find(|f| f.exists())
        else {
            continue;
        };
        if !write::resolves_inside(&out_dir, existing) {
            return Err(BuildError::LeavesOutput {
                folder: existing.to_path_buf(),
            });
        }
    }
    let mut owners: BTreeMap<&Path, &Path> = BTreeMap::new();
    for item in planned {
        let clash = match owners.insert(&item.stem, &item.source) {
            Some(first) if first != item.source => Some(crate::load::source::display_name(first)),
            _ if writes_index && item.stem == Path::new("index") => {
                Some("the index page".to_string())
            }
            _ => None,
        };
        if let Some(first) = clash {
            return Err(BuildError::SameOutput {
                first,
                second: crate::load::source::display_name(&item.source),
                output: options.out_dir.join(&item.stem),
            });
        }
        for format in &options.formats {
            let output = out_dir.join(output_file(&item.stem, format.extension()));
            if let Some(source) = sources.get(&output) {
                return Err(BuildError::OverwritesSource {
                    output: options
                        .out_dir
                        .join(output_file(&item.stem, format.extension())),
                    source_file: source.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}
