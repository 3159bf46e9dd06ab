//! `noticec build`: check every notice, render the ones without errors to
//! each format, write them, and write an index page when a folder was given.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::{self, FileReport};
use crate::diagnostic::Severity;
use crate::incremental;
use rayon::prelude::*;

use crate::render::view::{LinkView, NoticeView};
use crate::render::{Format, IndexEntry, RenderError, RenderOptions, Renderer};
use crate::validate;
use crate::write::{WriteStatus, write_if_changed};

/// Everything a build needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out_dir: PathBuf,
    pub formats: Vec<Format>,
    pub render: RenderOptions,
    /// Publish notices even when they have errors.
    pub allow_errors: bool,
    pub check: validate::Options,
    /// The corporate notice of a project: other pages link to it.
    pub corporate: Option<PathBuf>,
    /// The title of the index page.
    pub site_title: Option<String>,
    /// Keep each loaded notice in the report (for project checks); off, a
    /// large build holds only the diagnostics.
    pub keep_notices: bool,
    /// Called with (notices done, total) as the build goes.
    pub progress: Option<Progress>,
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
    /// All formats, plain theme, no project, to `out_dir`.
    pub fn new(out_dir: PathBuf, check: validate::Options) -> Self {
        Self {
            out_dir,
            formats: Format::ALL.to_vec(),
            render: RenderOptions::default(),
            allow_errors: false,
            check,
            corporate: None,
            site_title: None,
            keep_notices: false,
            progress: None,
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
    /// The check of every notice, in order.
    pub files: Vec<FileReport>,
    /// Every output file, in order.
    pub outputs: Vec<Output>,
    /// Notices not published because they have errors.
    pub withheld: Vec<String>,
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
    #[error("{first} and {second} would both be written to {}; rename one of them", .output.display())]
    SameOutput {
        first: String,
        second: String,
        output: PathBuf,
    },
}

/// A notice to build and where its outputs go (without extension).
pub struct Planned {
    pub source: PathBuf,
    /// Output path relative to the output folder, without extension.
    pub stem: PathBuf,
}

/// Works out output names: a file given directly becomes `NAME.ext`; a file
/// found in a folder keeps its place below that folder.
pub fn plan(paths: &[PathBuf]) -> (Vec<Planned>, bool) {
    let mut planned = Vec::new();
    let mut any_dir = false;
    for path in paths {
        if path.is_dir() {
            any_dir = true;
            for file in check::discover(std::slice::from_ref(path)) {
                let relative = file.strip_prefix(path).unwrap_or(&file).with_extension("");
                planned.push(Planned {
                    source: file,
                    stem: relative,
                });
            }
        } else {
            let stem = PathBuf::from(path.file_stem().unwrap_or_default());
            planned.push(Planned {
                source: path.clone(),
                stem,
            });
        }
    }
    (planned, any_dir)
}

/// What building one notice produced.
struct Built {
    file: FileReport,
    outputs: Vec<Output>,
    /// For the index, when published.
    entry: Option<(PathBuf, IndexEntry, String)>,
    /// For the next build's manifest, when published without findings.
    record: Option<incremental::Entry>,
}

/// Builds the notices named by `paths`: every notice is checked, rendered
/// and written in parallel, and the results are put back in order, so the
/// output and the diagnostics do not depend on thread scheduling.
pub fn build(paths: &[PathBuf], options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (planned, any_dir) = plan(paths);
    guard_outputs(&planned, any_dir, options)?;
    let renderer = Renderer::new(options.render.clone());

    // The corporate notice is built last, listing the others; they link to it.
    let corporate = options.corporate.as_ref().and_then(|c| {
        let c = c.canonicalize().ok()?;
        planned
            .iter()
            .position(|p| p.source.canonicalize().ok().as_ref() == Some(&c))
    });
    let corporate_title = corporate.and_then(|i| {
        let file = check::check_file(&planned[i].source, &options.check);
        let loaded = file.notice.as_ref()?;
        Some(NoticeView::new(&loaded.notice, options.check.profile.law_enforcement).title)
    });

    // What the last build in this folder was made from: unchanged notices
    // are not checked or rendered again.
    let previous = incremental::Manifest::read(&options.out_dir);
    let settings = settings_hash(
        options,
        corporate.map(|c| &planned[c].stem),
        corporate_title.as_deref(),
    );

    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = planned.len();
    let build_one = |(i, item): (usize, &Planned)| -> Result<(usize, Built), BuildError> {
        let link = match (corporate, &corporate_title) {
            (Some(c), Some(title)) if c != i => Some(LinkView {
                title: title.clone(),
                href: relative_href(&item.stem, &planned[c].stem),
            }),
            _ => None,
        };
        let stem = stem_key(&item.stem);
        let built = match previous.unchanged(&settings, &stem, &options.out_dir) {
            Some(entry) => Ok(reuse(item, entry, options)),
            None => build_notice(item, link, Vec::new(), &renderer, options),
        };
        let count = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(progress) = &options.progress {
            (progress.0)(count, total);
        }
        built.map(|built| (i, built))
    };
    let results: Vec<Result<(usize, Built), BuildError>> = planned
        .par_iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != corporate)
        .map(build_one)
        .collect();

    let mut built: Vec<Option<Built>> = (0..planned.len()).map(|_| None).collect();
    let mut others = Vec::new();
    for result in results {
        let (i, item) = result?;
        if let (Some(c), Some((stem, entry, _))) = (corporate, &item.entry) {
            others.push(LinkView {
                title: entry.title.clone(),
                href: relative_href(&planned[c].stem, stem),
            });
        }
        built[i] = Some(item);
    }
    if let Some(c) = corporate {
        built[c] = Some(build_notice(&planned[c], None, others, &renderer, options)?);
    }

    let mut report = BuildReport {
        files: Vec::new(),
        outputs: Vec::new(),
        withheld: Vec::new(),
    };
    let mut index = Vec::new();
    let mut manifest = incremental::Manifest {
        settings,
        notices: BTreeMap::new(),
    };
    for item in built.into_iter().flatten() {
        if let (Some(record), Some((stem, _, _))) = (item.record.clone(), &item.entry) {
            manifest.notices.insert(stem_key(stem), record);
        }
        report.outputs.extend(item.outputs);
        match item.entry {
            Some(entry) => index.push(entry),
            None => report.withheld.push(item.file.name.clone()),
        }
        report.files.push(item.file);
    }
    if any_dir {
        write_index(&renderer, &index, options, &mut report)?;
    }
    // Not an output of the site: the record of what it was built from.
    let path = options.out_dir.join(incremental::MANIFEST);
    write_if_changed(&path, manifest.to_json().as_bytes())
        .map_err(|source| BuildError::Write { path, source })?;
    Ok(report)
}

/// The manifest key of an output stem: with `/` separators.
fn stem_key(stem: &Path) -> String {
    stem.to_string_lossy().replace('\\', "/")
}

/// Everything besides the sources that shapes a page.
fn settings_hash(
    options: &BuildOptions,
    corporate_stem: Option<&PathBuf>,
    corporate_title: Option<&str>,
) -> String {
    let check = &options.check;
    incremental::settings_hash(&[
        options
            .formats
            .iter()
            .map(|f| f.extension())
            .collect::<Vec<_>>()
            .join(","),
        format!("{:?}/{}", options.render.theme, options.render.fragment),
        incremental::templates_fingerprint(options.render.templates_dir.as_deref()),
        options.allow_errors.to_string(),
        check.profile.name.clone(),
        format!("{:?}", check.overrides),
        check.today.to_string(),
        format!("{:?}", check.sharing.root),
        format!("{:?}", check.sharing.defaults),
        format!("{corporate_stem:?}/{corporate_title:?}"),
    ])
}

/// A notice unchanged since the last build: its pages are already there.
fn reuse(item: &Planned, entry: &incremental::Entry, options: &BuildOptions) -> Built {
    Built {
        file: FileReport {
            name: crate::source::display_name(&item.source),
            notice: None,
            diagnostics: Vec::new(),
            suppressed: Vec::new(),
        },
        outputs: entry
            .outputs
            .keys()
            .map(|path| Output {
                path: options.out_dir.join(path),
                status: WriteStatus::Unchanged,
            })
            .collect(),
        entry: Some((
            item.stem.clone(),
            IndexEntry {
                title: entry.title.clone(),
                href: String::new(),
                last_updated: entry.last_updated.clone(),
            },
            entry.language.clone(),
        )),
        record: Some(entry.clone()),
    }
}

/// Checks, renders and writes one notice.
fn build_notice(
    item: &Planned,
    corporate: Option<LinkView>,
    service_notices: Vec<LinkView>,
    renderer: &Renderer,
    options: &BuildOptions,
) -> Result<Built, BuildError> {
    let mut file = check::check_file(&item.source, &options.check);
    let has_errors = file.count(Severity::Error) > 0;
    let mut outputs = Vec::new();
    let mut entry = None;
    let mut record = None;
    if let Some(loaded) = &file.notice
        && (!has_errors || options.allow_errors)
    {
        let mut view = NoticeView::new(&loaded.notice, options.check.profile.law_enforcement);
        view.corporate = corporate;
        view.service_notices = service_notices;
        let mut sizes = BTreeMap::new();
        for &format in &options.formats {
            let text =
                renderer
                    .render_notice(&view, format)
                    .map_err(|source| BuildError::Template {
                        notice: file.name.clone(),
                        source,
                    })?;
            let relative = item.stem.with_extension(format.extension());
            sizes.insert(
                stem_key(&relative),
                incremental::content_hash(text.as_bytes()),
            );
            outputs.push(write(&options.out_dir.join(relative), text.as_bytes())?);
        }
        // Only a notice without findings may be skipped next time: its
        // findings would otherwise not be reported again.
        if file.diagnostics.is_empty() && file.suppressed.is_empty() {
            let paths: Vec<&Path> = if loaded.sources.is_empty() {
                vec![loaded.file.path.as_path()]
            } else {
                loaded
                    .sources
                    .iter()
                    .map(|s| s.file.path.as_path())
                    .collect()
            };
            let sources = paths
                .iter()
                .filter_map(|p| {
                    let bytes = std::fs::read(p).ok()?;
                    Some((
                        p.to_string_lossy().into_owned(),
                        incremental::content_hash(&bytes),
                    ))
                })
                .collect();
            record = Some(incremental::Entry {
                sources,
                outputs: sizes,
                title: view.title.clone(),
                last_updated: view.last_updated.clone(),
                language: view.language.clone(),
            });
        }
        entry = Some((
            item.stem.clone(),
            IndexEntry {
                title: view.title.clone(),
                href: String::new(),
                last_updated: view.last_updated.clone(),
            },
            view.language.clone(),
        ));
    }
    if !options.keep_notices {
        // Only the diagnostics are needed from here on: with thousands of
        // notices, holding every notice's text would cost memory for nothing.
        file.notice = None;
    }
    Ok(Built {
        file,
        outputs,
        entry,
        record,
    })
}

/// A link from the page at `from` to the page at `to` (both output stems
/// relative to the output folder), without extension.
fn relative_href(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |p| p.components().count());
    let mut href = "../".repeat(depth);
    href.push_str(&to.to_string_lossy().replace('\\', "/"));
    href
}

fn write(path: &Path, content: &[u8]) -> Result<Output, BuildError> {
    let status = write_if_changed(path, content).map_err(|source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Output {
        path: path.to_path_buf(),
        status,
    })
}

fn write_index(
    renderer: &Renderer,
    index: &[(PathBuf, IndexEntry, String)],
    options: &BuildOptions,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    // The index is in the notices' language when they all share one.
    let language = match index.first() {
        Some((_, _, first)) if index.iter().all(|(_, _, l)| l == first) => first.as_str(),
        _ => "en-GB",
    };
    for format in [Format::Html, Format::Markdown] {
        if !options.formats.contains(&format) {
            continue;
        }
        let entries: Vec<IndexEntry> = index
            .iter()
            .map(|(stem, entry, _)| IndexEntry {
                href: stem
                    .with_extension(format.extension())
                    .to_string_lossy()
                    .replace('\\', "/"),
                ..entry.clone()
            })
            .collect();
        let text = renderer
            .render_index(
                options.site_title.as_deref().unwrap_or("Privacy notices"),
                language,
                &entries,
                format,
            )
            .map_err(|source| BuildError::Template {
                notice: "index".into(),
                source,
            })?;
        let path = options
            .out_dir
            .join(format!("index.{}", format.extension()));
        report.outputs.push(write(&path, text.as_bytes())?);
    }
    Ok(())
}

/// Refuses a build that would overwrite a source file or write two notices
/// (or a notice and the index page) to the same place.
fn guard_outputs(
    planned: &[Planned],
    writes_index: bool,
    options: &BuildOptions,
) -> Result<(), BuildError> {
    let sources: BTreeMap<PathBuf, &Path> = planned
        .iter()
        .filter_map(|p| Some((p.source.canonicalize().ok()?, p.source.as_path())))
        .collect();
    let out_dir = options
        .out_dir
        .canonicalize()
        .unwrap_or_else(|_| options.out_dir.clone());
    let mut owners: BTreeMap<&Path, &Path> = BTreeMap::new();
    for item in planned {
        let clash = match owners.insert(&item.stem, &item.source) {
            Some(first) if first != item.source => Some(crate::source::display_name(first)),
            _ if writes_index && item.stem == Path::new("index") => {
                Some("the index page".to_string())
            }
            _ => None,
        };
        if let Some(first) = clash {
            return Err(BuildError::SameOutput {
                first,
                second: crate::source::display_name(&item.source),
                output: options.out_dir.join(&item.stem),
            });
        }
        for format in &options.formats {
            let output = out_dir.join(item.stem.with_extension(format.extension()));
            if let Some(source) = sources.get(&output) {
                return Err(BuildError::OverwritesSource {
                    output: options
                        .out_dir
                        .join(item.stem.with_extension(format.extension())),
                    source_file: source.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}
