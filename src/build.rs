//! `noticec build`: check every notice, render the ones without errors to
//! each format, write them, and write an index page when a folder was given.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::{self, FileReport};
use crate::diagnostic::Severity;
use crate::render::view::NoticeView;
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
struct Planned {
    source: PathBuf,
    /// Output path relative to the output folder, without extension.
    stem: PathBuf,
}

/// Works out output names: a file given directly becomes `NAME.ext`; a file
/// found in a folder keeps its place below that folder.
fn plan(paths: &[PathBuf]) -> (Vec<Planned>, bool) {
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

/// Builds the notices named by `paths`.
pub fn build(paths: &[PathBuf], options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (planned, any_dir) = plan(paths);
    guard_outputs(&planned, any_dir, options)?;
    let renderer = Renderer::new(options.render.clone());
    let mut report = BuildReport {
        files: Vec::new(),
        outputs: Vec::new(),
        withheld: Vec::new(),
    };
    let mut index: Vec<(PathBuf, IndexEntry, String)> = Vec::new();
    for item in &planned {
        let file = check::check_file(&item.source, &options.check);
        let has_errors = file.count(Severity::Error) > 0;
        if let Some(loaded) = &file.notice
            && (!has_errors || options.allow_errors)
        {
            let view = NoticeView::new(&loaded.notice, options.check.profile.law_enforcement);
            for &format in &options.formats {
                let text = renderer.render_notice(&view, format).map_err(|source| {
                    BuildError::Template {
                        notice: file.name.clone(),
                        source,
                    }
                })?;
                let path = options
                    .out_dir
                    .join(item.stem.with_extension(format.extension()));
                report.outputs.push(write(&path, text.as_bytes())?);
            }
            index.push((
                item.stem.clone(),
                IndexEntry {
                    title: view.title.clone(),
                    href: String::new(),
                    last_updated: view.last_updated.clone(),
                },
                view.language.clone(),
            ));
        } else {
            report.withheld.push(file.name.clone());
        }
        report.files.push(file);
    }
    if any_dir {
        write_index(&renderer, &index, options, &mut report)?;
    }
    Ok(report)
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
    let language = index.first().map(|(_, _, l)| l.as_str()).unwrap_or("en-GB");
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
            .render_index("Privacy notices", language, &entries, format)
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
