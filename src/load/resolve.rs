//! Shared parts: resolving `extends` into one merged notice.
//!
//! A council says each shared fact once — the controller, the DPO, complaint
//! routes, common recipients — in shared files that its notices `extend`.
//! Each file is loaded and checked on its own first (so syntax errors,
//! unknown keys and wrong types point into the file that has them), then the
//! files are merged, most specific first: the notice's own values win, and
//! each shared part only fills in what is still missing — tables key by key
//! (except `[controller]` and `[representative]`, taken whole), lists of
//! entries by `id`, the notice's own entries first. A [`Provenance`] remembers which file
//! every merged value came from, so findings point where the value lives.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::discover::canonical;
use super::read::{self as load, LoadOutcome, LoadedNotice, Source};
use crate::diagnostic::{Diagnostic, code};
use crate::model::{KeyPath, Notice};

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
}

/// How notices are merged with shared parts (set by a project): shared
/// parts must live inside `root`, and every notice extends `defaults`.
#[derive(Debug, Clone, Default)]
pub struct Sharing {
    /// Shared parts must be inside this folder (the project root).
    pub root: Option<PathBuf>,
    /// Organisation-wide defaults beneath every notice.
    pub defaults: Vec<PathBuf>,
}

/// Shared parts, each loaded once however many notices extend it. Safe to
/// share between threads: the first notice to need a part loads it, and
/// the others wait for that and use the same result.
#[derive(Debug, Default)]
pub struct PartCache {
    parts: Mutex<HashMap<PathBuf, Arc<OnceLock<Arc<LoadedPart>>>>>,
}

/// A shared part as loaded on its own.
#[derive(Debug)]
pub struct LoadedPart {
    /// The part, if it could be read.
    pub notice: Option<Arc<LoadedNotice>>,
    /// What loading it found (syntax, unknown keys, wrong values).
    pub diagnostics: Vec<Diagnostic>,
}

impl PartCache {
    /// The part at `path` (canonical), loading it the first time.
    fn get(&self, key: &Path, path: &Path) -> Arc<LoadedPart> {
        let slot = {
            let mut parts = self
                .parts
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            parts.entry(key.to_path_buf()).or_default().clone()
        };
        slot.get_or_init(|| {
            let outcome = load::load_file(path);
            Arc::new(LoadedPart {
                notice: outcome.notice.map(Arc::new),
                diagnostics: outcome.diagnostics,
            })
        })
        .clone()
    }
}

/// Loads a notice and everything it extends, merged; shared parts come
/// from (and go into) `cache`.
pub fn load_resolved(path: &Path, sharing: &Sharing, cache: &PartCache) -> LoadOutcome {
    let mut resolver = Resolver {
        sharing,
        cache,
        own: canonical(path),
        loaded: HashMap::new(),
        diagnostics: Vec::new(),
        broken: false,
        done: HashSet::new(),
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
    for default in &sharing.defaults {
        if canonical(default) == resolver.own {
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
    sharing: &'a Sharing,
    cache: &'a PartCache,
    /// The notice's own file (canonical): loaded directly, not cached.
    own: PathBuf,
    /// Canonical path → the file loaded on its own (None if it failed),
    /// for this notice.
    loaded: HashMap<PathBuf, Option<Arc<LoadedNotice>>>,
    diagnostics: Vec<Diagnostic>,
    /// A part could not be loaded or found: the notice cannot be merged.
    broken: bool,
    /// Canonical paths already placed in the merge order.
    done: HashSet<PathBuf>,
}

/// How many files deep `extends` may go (the notice counts as one). Real
/// councils need three or four; the limit keeps a hostile chain of
/// thousands of files from exhausting the stack.
pub const MAX_EXTENDS_DEPTH: usize = 16;

impl Resolver<'_> {
    /// Loads one file on its own (once), keeping its diagnostics.
    fn load(&mut self, path: &Path) -> Option<Arc<LoadedNotice>> {
        let key = canonical(path);
        if let Some(done) = self.loaded.get(&key) {
            return done.clone();
        }
        let loaded = if key == self.own {
            let outcome = load::load_file(path);
            self.diagnostics.extend(outcome.diagnostics);
            outcome.notice.map(Arc::new)
        } else {
            let part = self.cache.get(&key, path);
            self.diagnostics.extend(part.diagnostics.iter().cloned());
            part.notice.clone()
        };
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
        if !self.done.insert(me.clone()) {
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
            let problem = if Path::new(relative).is_absolute()
                || Path::new(relative).extension().is_none_or(|e| e != "toml")
            {
                // Never read (and quote in diagnostics) a file that is not a
                // notice part: `/etc/passwd`, `../../.ssh/id_rsa`.
                Some((
                    format!("`{relative}` is not a relative path to a `.toml` file"),
                    "write the path of a shared part relative to this file, e.g. `shared/council.toml`",
                ))
            } else if stack.len() >= MAX_EXTENDS_DEPTH {
                Some((
                    format!("`extends` goes more than {MAX_EXTENDS_DEPTH} files deep here"),
                    "let shared parts extend fewer levels: a notice, a service part and an organisation part are usually enough",
                ))
            } else if let Some(root) = &self.sharing.root
                && !target_key.starts_with(canonical(root))
            {
                Some((
                    format!(
                        "`{relative}` is outside the project (the folder of {})",
                        crate::load::source::display_name(&root.join(super::discover::CONFIG_FILE))
                    ),
                    "keep shared parts inside the project (for example in `shared/`) so every notice can be checked",
                ))
            } else if !target.is_file() {
                Some((
                    format!(
                        "cannot find `{relative}` (looked for {})",
                        crate::load::source::display_name(&target)
                    ),
                    "the path is relative to this file; check its spelling",
                ))
            } else if let Some(start) = stack.iter().position(|p| *p == target_key) {
                let chain: Vec<String> = stack[start..]
                    .iter()
                    .chain(std::iter::once(&target_key))
                    .map(|p| crate::load::source::display_name(p))
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
        crate::load::locate::Resolved::Found(place) => place.value,
        crate::load::locate::Resolved::Missing { container, .. } => container,
    };
    let mut diagnostic =
        Diagnostic::file_problem(file.file.clone(), code::UNKNOWN_REFERENCE, message, help)
            .at(span, "here");
    diagnostic.path = Some(at.to_string());
    diagnostic
}

/// Merges files given in order (bases first, the notice last). The most
/// specific file is taken first and the others only fill in what it does
/// not say, so the notice's own entries come before inherited ones.
/// Shared recipients and data categories that the merged notice never uses
/// are left out: a shared part can be a catalogue.
fn merge(order: Vec<Arc<LoadedNotice>>, mut diagnostics: Vec<Diagnostic>) -> LoadOutcome {
    let mut tables: Vec<toml::Table> = Vec::with_capacity(order.len());
    for file in &order {
        let mut notice = file.notice.clone();
        notice.extends = None;
        match toml::Table::try_from(&notice) {
            Ok(table) => tables.push(table),
            Err(err) => {
                diagnostics.push(
                    Diagnostic::file_problem(
                        file.file.clone(),
                        code::INTERNAL,
                        format!("noticec could not merge this file: {err}"),
                        "this is a bug in noticec; please report it with the files involved",
                    )
                    .at(0..0, "while merging"),
                );
                return LoadOutcome {
                    notice: None,
                    diagnostics,
                };
            }
        }
    }
    let own_index = order.len() - 1;
    // First pass: which ids does the merged notice use?
    let (first, _) = fill_all(&tables, own_index, &HashSet::new());
    let used = used_ids(&first);
    let unused: HashSet<(String, String)> = ["recipients", "data_categories"]
        .iter()
        .flat_map(|list| {
            first
                .get(*list)
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(entry_id)
                .filter(|id| !used.contains(&(list.to_string(), id.to_string())))
                .map(|id| (list.to_string(), id.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    let (merged, provenance) = fill_all(&tables, own_index, &unused);
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
                    code::INVALID_VALUE,
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

/// Fills a table from every source, most specific (last) first, leaving out
/// entries of shared parts listed in `drop` (list name, id).
fn fill_all(
    tables: &[toml::Table],
    own_index: usize,
    drop: &HashSet<(String, String)>,
) -> (toml::Table, Provenance) {
    let mut merged = toml::Table::new();
    let mut provenance = Provenance::default();
    for (source, table) in tables.iter().enumerate().rev() {
        let mut table = table.clone();
        if source != own_index {
            for list in ["recipients", "data_categories"] {
                let Some(toml::Value::Array(entries)) = table.get(list) else {
                    continue;
                };
                if !is_entry_list(entries) {
                    continue;
                }
                // Entries keep their place in the source file: a finding
                // about the third entry points at the third, even when the
                // second is left out.
                let Some(toml::Value::Array(entries)) = table.remove(list) else {
                    continue;
                };
                let kept = entries.into_iter().enumerate().filter(|(_, e)| {
                    entry_id(e).is_none_or(|id| !drop.contains(&(list.to_string(), id.to_string())))
                });
                let path = KeyPath::root().key(list);
                let existing = merged
                    .entry(list.to_string())
                    .or_insert_with(|| toml::Value::Array(Vec::new()));
                let toml::Value::Array(existing) = existing else {
                    continue;
                };
                if !existing.is_empty() && !is_entry_list(existing) {
                    continue;
                }
                for (j, entry) in kept {
                    let known = entry_id(&entry)
                        .is_some_and(|id| existing.iter().any(|e| entry_id(e) == Some(id)));
                    if !known {
                        let i = existing.len();
                        provenance.record(&path.index(i), source, &path.index(j), &entry);
                        existing.push(entry);
                    }
                }
            }
        }
        fill_table(
            &mut merged,
            table,
            source,
            &KeyPath::root(),
            &KeyPath::root(),
            &mut provenance,
        );
    }
    (merged, provenance)
}

/// The (list, id) pairs the notice refers to: data categories and
/// recipients named by purposes and transfers.
fn used_ids(notice: &toml::Table) -> HashSet<(String, String)> {
    let mut used = HashSet::new();
    let purposes = notice.get("purposes").and_then(toml::Value::as_array);
    for purpose in purposes.into_iter().flatten() {
        for list in ["recipients", "data_categories"] {
            for id in purpose
                .get(list)
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(id) = id.as_str() {
                    used.insert((list.to_string(), id.to_string()));
                }
            }
        }
    }
    for list in ["recipients", "data_categories"] {
        let shared = notice
            .get("all_purposes")
            .and_then(|a| a.get(list))
            .and_then(toml::Value::as_array);
        for id in shared.into_iter().flatten().filter_map(toml::Value::as_str) {
            used.insert((list.to_string(), id.to_string()));
        }
    }
    let transfers = notice
        .get("transfers")
        .and_then(|t| t.get("destinations"))
        .and_then(toml::Value::as_array);
    for transfer in transfers.into_iter().flatten() {
        if let Some(id) = transfer.get("recipient").and_then(toml::Value::as_str) {
            used.insert(("recipients".to_string(), id.to_string()));
        }
    }
    used
}

/// Tables that are one fact and are replaced whole, never merged key by
/// key: a notice with its own controller must not inherit, say, the
/// council's ICO registration number.
const WHOLE_TABLES: &[&str] = &["controller", "representative"];

/// Adds to `dst` what `src` (a less specific file) says and `dst` does not.
fn fill_table(
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
        let whole = dst_path.is_root() && WHOLE_TABLES.contains(&key.as_str());
        match (dst.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(incoming)) if !whole => {
                fill_table(existing, incoming, source, &sp, &dp, provenance);
            }
            (Some(toml::Value::Array(existing)), toml::Value::Array(incoming))
                if is_entry_list(&incoming) && (existing.is_empty() || is_entry_list(existing)) =>
            {
                for (j, entry) in incoming.into_iter().enumerate() {
                    let known = entry_id(&entry)
                        .is_some_and(|id| existing.iter().any(|e| entry_id(e) == Some(id)));
                    if !known {
                        let i = existing.len();
                        provenance.record(&dp.index(i), source, &sp.index(j), &entry);
                        existing.push(entry);
                    }
                }
            }
            (Some(_), _) => {}
            (None, value) => {
                provenance.record(&dp, source, &sp, &value);
                dst.insert(key, value);
            }
        }
    }
}

/// Whether an array holds tables (entries) rather than plain values.
fn is_entry_list(items: &[toml::Value]) -> bool {
    !items.is_empty() && items.iter().all(toml::Value::is_table)
}

fn entry_id(value: &toml::Value) -> Option<&str> {
    value.get("id").and_then(toml::Value::as_str)
}
