//! Shared parts: resolving `extends` into one merged notice.
//!
//! A council says each shared fact once — the controller, the DPO, complaint
//! routes, common recipients — in shared files that its notices `extend`.
//! Each file is loaded and checked on its own first (so syntax errors,
//! unknown keys and wrong types point into the file that has them), then the
//! files are merged: tables key by key, lists of entries with an `id` entry
//! by entry, anything else replaced. A [`Provenance`] remembers which file
//! every merged value came from, so findings point where the value lives.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::load::{self, LoadOutcome, LoadedNotice, Source};
use crate::locate::KeyPath;
use crate::model::Notice;
use crate::rules::structure;

/// Where each value of a merged notice came from: merged path → (index into
/// [`LoadedNotice::sources`], path in that file).
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    entries: HashMap<KeyPath, (usize, KeyPath)>,
}

impl Provenance {
    /// The source of `path` or of its nearest ancestor that has one, with
    /// the rest of the path translated into that source.
    pub fn lookup(&self, path: &KeyPath) -> Option<(usize, KeyPath)> {
        let mut candidate = Some(path.clone());
        while let Some(current) = candidate {
            if let Some((source, source_path)) = self.entries.get(&current) {
                let rest = path.strip_prefix(&current).unwrap_or_default();
                return Some((*source, source_path.join(&rest)));
            }
            candidate = current.parent();
        }
        None
    }

    fn record(
        &mut self,
        merged: &KeyPath,
        source: usize,
        source_path: &KeyPath,
        value: &toml::Value,
    ) {
        self.entries
            .insert(merged.clone(), (source, source_path.clone()));
        match value {
            toml::Value::Table(table) => {
                for (key, child) in table {
                    self.record(&merged.key(key), source, &source_path.key(key), child);
                }
            }
            toml::Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    self.record(&merged.index(i), source, &source_path.index(i), child);
                }
            }
            _ => {}
        }
    }

    fn forget(&mut self, merged: &KeyPath) {
        self.entries
            .retain(|path, _| path.strip_prefix(merged).is_none());
    }
}

/// What resolving may be limited to: shared parts must live inside this
/// folder (the project root), when one is set.
#[derive(Debug, Clone, Default)]
pub struct Boundary {
    pub root: Option<PathBuf>,
}

/// Loads a notice and everything it extends, merged.
pub fn load_resolved(path: &Path, boundary: &Boundary, defaults: &[PathBuf]) -> LoadOutcome {
    let mut resolver = Resolver {
        boundary,
        loaded: HashMap::new(),
        diagnostics: Vec::new(),
        broken: false,
    };
    let own = resolver.load(path);
    let Some(own) = own else {
        return LoadOutcome {
            notice: None,
            diagnostics: resolver.diagnostics,
        };
    };
    // Organisation-wide defaults sit beneath everything the notice extends.
    let mut order: Vec<Arc<LoadedNotice>> = Vec::new();
    for default in defaults {
        if canonical(default) == canonical(path) {
            continue;
        }
        match resolver.load(default) {
            Some(part) => resolver.collect(&part, &mut Vec::new(), &mut order),
            None => {
                return LoadOutcome {
                    notice: None,
                    diagnostics: resolver.diagnostics,
                };
            }
        }
    }
    let mut stack = Vec::new();
    resolver.collect(&own, &mut stack, &mut order);
    let failed = resolver.broken;
    if failed || order.len() == 1 {
        // Nothing to merge, or a part is missing: report what was found.
        let notice = (!failed).then(|| (*own).clone());
        return LoadOutcome {
            notice,
            diagnostics: resolver.diagnostics,
        };
    }
    merge(order, resolver.diagnostics)
}

struct Resolver<'a> {
    boundary: &'a Boundary,
    /// Canonical path → the file loaded on its own (None if it failed).
    loaded: HashMap<PathBuf, Option<Arc<LoadedNotice>>>,
    diagnostics: Vec<Diagnostic>,
    /// A part could not be loaded or found: the notice cannot be merged.
    broken: bool,
}

impl Resolver<'_> {
    /// Loads one file on its own (once), keeping its diagnostics.
    fn load(&mut self, path: &Path) -> Option<Arc<LoadedNotice>> {
        let key = canonical(path);
        if let Some(done) = self.loaded.get(&key) {
            return done.clone();
        }
        let outcome = load::load_file(path);
        self.diagnostics.extend(outcome.diagnostics);
        let loaded = outcome.notice.map(Arc::new);
        self.broken |= loaded.is_none();
        self.loaded.insert(key, loaded.clone());
        loaded
    }

    /// Appends `file`'s parts (depth first, in order) and then `file` to
    /// `order`, reporting cycles, missing files and files outside the project.
    fn collect(
        &mut self,
        file: &Arc<LoadedNotice>,
        stack: &mut Vec<PathBuf>,
        order: &mut Vec<Arc<LoadedNotice>>,
    ) {
        let me = canonical(&file.file.path);
        if order.iter().any(|done| canonical(&done.file.path) == me) {
            return;
        }
        stack.push(me);
        let extends: Vec<String> = file
            .notice
            .extends
            .as_ref()
            .map(|e| e.files().into_iter().map(str::to_owned).collect())
            .unwrap_or_default();
        let many = matches!(file.notice.extends, Some(crate::model::Extends::Many(_)));
        for (i, relative) in extends.iter().enumerate() {
            let at = if many {
                KeyPath::root().key("extends").index(i)
            } else {
                KeyPath::root().key("extends")
            };
            let base = file.file.path.parent().unwrap_or(Path::new("."));
            let target = base.join(relative);
            let target_key = canonical(&target);
            let problem = if let Some(root) = &self.boundary.root
                && !target_key.starts_with(canonical(root))
            {
                Some((
                    format!(
                        "`{relative}` is outside the project (the folder of {})",
                        crate::source::display_name(&root.join(crate::project::CONFIG_FILE))
                    ),
                    "keep shared parts inside the project (for example in `shared/`) so every notice can be checked",
                ))
            } else if !target.is_file() {
                Some((
                    format!(
                        "cannot find `{relative}` (looked for {})",
                        crate::source::display_name(&target)
                    ),
                    "the path is relative to this file; check its spelling",
                ))
            } else if let Some(start) = stack.iter().position(|p| *p == target_key) {
                let chain: Vec<String> = stack[start..]
                    .iter()
                    .chain(std::iter::once(&target_key))
                    .map(|p| crate::source::display_name(p))
                    .collect();
                Some((
                    format!(
                        "these files extend each other in a circle: {}",
                        chain.join(" → ")
                    ),
                    "remove one of the `extends` so that shared parts form a chain, not a loop",
                ))
            } else {
                None
            };
            if let Some((message, help)) = problem {
                self.broken = true;
                self.diagnostics
                    .push(reference_problem(file, &at, message, help));
                continue;
            }
            if let Some(part) = self.load(&target) {
                self.collect(&part, stack, order);
            }
        }
        stack.pop();
        order.push(file.clone());
    }
}

fn reference_problem(file: &LoadedNotice, at: &KeyPath, message: String, help: &str) -> Diagnostic {
    let span = match file.index.resolve(at) {
        crate::locate::Resolved::Found(place) => place.value,
        crate::locate::Resolved::Missing { container, .. } => container,
    };
    let mut diagnostic = Diagnostic::file_problem(
        file.file.clone(),
        structure::UNKNOWN_REFERENCE.code,
        message,
        help,
    )
    .at(span, "here");
    diagnostic.path = Some(at.to_string());
    diagnostic
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Merges files in order (bases first, the notice last).
fn merge(order: Vec<Arc<LoadedNotice>>, mut diagnostics: Vec<Diagnostic>) -> LoadOutcome {
    let mut merged = toml::Table::new();
    let mut provenance = Provenance::default();
    for (source, file) in order.iter().enumerate() {
        let mut notice = file.notice.clone();
        notice.extends = None;
        let table = match toml::Table::try_from(&notice) {
            Ok(table) => table,
            Err(_) => continue,
        };
        merge_table(
            &mut merged,
            table,
            source,
            &KeyPath::root(),
            &KeyPath::root(),
            &mut provenance,
        );
    }
    let own = order.last().cloned();
    let notice: Result<Notice, _> = toml::Value::Table(merged).try_into();
    match (notice, own) {
        (Ok(notice), Some(own)) => {
            let sources = order
                .iter()
                .map(|f| Source {
                    file: f.file.clone(),
                    index: f.index.clone(),
                })
                .collect();
            LoadOutcome {
                notice: Some(LoadedNotice {
                    file: own.file.clone(),
                    notice,
                    index: own.index.clone(),
                    sources,
                    provenance: Some(provenance),
                }),
                diagnostics,
            }
        }
        (Err(err), Some(own)) => {
            diagnostics.push(
                Diagnostic::file_problem(
                    own.file.clone(),
                    structure::INVALID_VALUE.code,
                    format!("the merged notice is not valid: {}", err.message()),
                    "check that shared parts and this notice use the same kinds of values for the same keys",
                )
                .at(0..0, "merged from the files this notice extends"),
            );
            LoadOutcome {
                notice: None,
                diagnostics,
            }
        }
        (_, None) => LoadOutcome {
            notice: None,
            diagnostics,
        },
    }
}

/// Whether an array holds tables (entries) rather than plain values.
fn is_entry_list(items: &[toml::Value]) -> bool {
    !items.is_empty() && items.iter().all(toml::Value::is_table)
}

fn entry_id(value: &toml::Value) -> Option<&str> {
    value.get("id").and_then(toml::Value::as_str)
}

fn merge_table(
    dst: &mut toml::Table,
    src: toml::Table,
    source: usize,
    src_path: &KeyPath,
    dst_path: &KeyPath,
    provenance: &mut Provenance,
) {
    for (key, value) in src {
        let sp = src_path.key(&key);
        let dp = dst_path.key(&key);
        match (dst.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(incoming)) => {
                provenance.entries.insert(dp.clone(), (source, sp.clone()));
                merge_table(existing, incoming, source, &sp, &dp, provenance);
            }
            (Some(toml::Value::Array(existing)), toml::Value::Array(incoming))
                if is_entry_list(&incoming) && is_entry_list(existing) =>
            {
                provenance.entries.insert(dp.clone(), (source, sp.clone()));
                for (j, entry) in incoming.into_iter().enumerate() {
                    let same = entry_id(&entry)
                        .and_then(|id| existing.iter().position(|e| entry_id(e) == Some(id)));
                    let i = match same {
                        Some(i) => {
                            provenance.forget(&dp.index(i));
                            existing[i] = entry;
                            i
                        }
                        None => {
                            existing.push(entry);
                            existing.len() - 1
                        }
                    };
                    provenance.record(&dp.index(i), source, &sp.index(j), &existing[i]);
                }
            }
            (_, value) => {
                provenance.forget(&dp);
                provenance.record(&dp, source, &sp, &value);
                dst.insert(key, value);
            }
        }
    }
}
