//! `noticec serve`: a live preview — the site built into a temporary
//! folder, served on loopback, rebuilt when a notice, a shared part, the
//! project file or a template changes, with the findings of each page
//! beside it in the browser.
//!
//! Serve is one more consumer of the checked project: every rebuild opens
//! the workspace afresh and runs [`site::build`], exactly as `noticec
//! build` does (with errors allowed, so a page with errors is shown as a
//! draft with its findings rather than not at all). Only the pages this
//! server sends get the preview panel and the reload script
//! (`inject`); the files it built, like every published page, have no
//! script.
//!
//! HTTP is [`tiny_http`]: a small synchronous server is enough for one
//! person's browser on their own machine, and needs no async runtime.
//! Files are watched with `notify`.

mod files;
mod pages;

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::check::{FileKind, Workspace};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::discover::output_file;
use crate::site::{self, BuildOptions};

/// Opens the workspace and the build options afresh (the project file and
/// the notices may have changed since the last build).
pub type Open = dyn Fn(&Path) -> Result<(Workspace, BuildOptions), String> + Send + Sync;

/// How to serve.
pub struct ServeOptions {
    pub bind: IpAddr,
    /// 0 lets the system choose a free port.
    pub port: u16,
    /// Folders and files to watch besides those the notices were loaded
    /// from (the project folder, the templates).
    pub watch: Vec<PathBuf>,
    /// Called with each line of status (the terminal).
    pub status: Arc<dyn Fn(&str) + Send + Sync>,
}

/// One finding as the preview panel shows it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// `file:line:column`, or the file's name.
    pub location: String,
}

impl Finding {
    fn new(d: &Diagnostic) -> Self {
        let location = match &d.span {
            Some(span) => {
                let at = d.file.position(span.start);
                format!("{}:{}:{}", d.file.name, at.line, at.column)
            }
            None => d.file.name.clone(),
        };
        Self {
            severity: d.severity,
            code: d.code,
            message: d.message.clone(),
            help: d.help.clone(),
            location,
        }
    }
}

/// What the last build says about one page.
#[derive(Debug, Clone, Default)]
struct PageState {
    /// The notice's name, as diagnostics give it.
    notice: String,
    /// The notice could not be loaded: the page shows why instead.
    broken: bool,
    findings: Vec<Finding>,
}

/// What every request sees: the last build.
#[derive(Default)]
struct State {
    /// Counts builds; a page reloads when it changes.
    generation: u64,
    /// By the page's path in the site (`council-tax.html`).
    pages: BTreeMap<String, PageState>,
    /// The build could not run at all (a broken `noticec.toml`, say).
    failure: Option<String>,
    /// Folders the notices came from, to watch.
    folders: BTreeSet<PathBuf>,
}

/// The preview: the built site and what the last build said.
pub struct Preview {
    root: PathBuf,
    state: Mutex<State>,
    rebuilt: Condvar,
}

impl Preview {
    fn new(root: PathBuf) -> Self {
        Self {
            root,
            state: Mutex::new(State::default()),
            rebuilt: Condvar::new(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the state half-made
        // (it is replaced whole), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Builds the site into the preview folder and records the verdicts.
    /// Returns a line for the terminal.
    fn rebuild(&self, open: &Open) -> String {
        let started = Instant::now();
        let mut next = State::default();
        let line = match open(&self.root) {
            Err(message) => {
                next.failure = Some(message.clone());
                format!("cannot build: {message}")
            }
            Ok((workspace, options)) => match site::build(&workspace, &options) {
                Err(e) => {
                    next.failure = Some(e.to_string());
                    format!("cannot build: {e}")
                }
                Ok(report) => {
                    let reports = &report.checked.reports;
                    for r in reports {
                        if let Some(parent) = r.path.parent() {
                            next.folders.insert(parent.to_path_buf());
                        }
                        for file in r.notice.iter().flat_map(|n| n.files()) {
                            if let Some(parent) = file.path.parent() {
                                next.folders.insert(parent.to_path_buf());
                            }
                        }
                    }
                    for r in reports.iter().filter(|r| r.kind == FileKind::Notice) {
                        let Some(stem) = &r.output else { continue };
                        // A page shows its own findings and those of the
                        // shared parts it is made from.
                        let files: BTreeSet<&Path> = r
                            .notice
                            .iter()
                            .flat_map(|n| n.files())
                            .map(|f| f.path.as_path())
                            .collect();
                        let mut findings: Vec<Finding> =
                            r.diagnostics.iter().map(Finding::new).collect();
                        for part in reports.iter().filter(|p| p.kind == FileKind::Part) {
                            if files.contains(part.path.as_path()) {
                                findings.extend(part.diagnostics.iter().map(Finding::new));
                            }
                        }
                        let page = output_file(stem, "html")
                            .to_string_lossy()
                            .replace('\\', "/");
                        next.pages.insert(
                            page,
                            PageState {
                                notice: r.name.clone(),
                                broken: r.notice.is_none(),
                                findings,
                            },
                        );
                    }
                    let summary = crate::check::Summary::of(reports);
                    use crate::report::human::plural;
                    let unreadable = next.pages.values().filter(|p| p.broken).count();
                    let unreadable = if unreadable > 0 {
                        format!(" ({unreadable} cannot be read)")
                    } else {
                        String::new()
                    };
                    format!(
                        "rebuilt in {} ms: {}{unreadable}, {}, {}",
                        started.elapsed().as_millis(),
                        plural(summary.notices, "notice", "notices"),
                        plural(summary.errors, "error", "errors"),
                        plural(summary.warnings, "warning", "warnings")
                    )
                }
            },
        };
        let mut state = self.state();
        next.generation = state.generation + 1;
        *state = next;
        drop(state);
        self.rebuilt.notify_all();
        line
    }

    /// The build generation, and the folders to watch.
    fn snapshot(&self) -> (u64, BTreeSet<PathBuf>) {
        let state = self.state();
        (state.generation, state.folders.clone())
    }
}

/// A running preview server (stops when dropped with its process).
pub struct Server {
    pub address: SocketAddr,
    http: Arc<tiny_http::Server>,
    preview: Arc<Preview>,
}

impl Server {
    /// The address to give people: `http://127.0.0.1:3000/`.
    pub fn url(&self) -> String {
        match self.address.ip() {
            IpAddr::V6(ip) => format!("http://[{ip}]:{}/", self.address.port()),
            IpAddr::V4(ip) => format!("http://{ip}:{}/", self.address.port()),
        }
    }

    /// Serves requests until the process ends, one thread per request (the
    /// reload streams stay open).
    pub fn run(&self) {
        for request in self.http.incoming_requests() {
            let preview = self.preview.clone();
            std::thread::spawn(move || pages::respond(&preview, request));
        }
    }
}

/// Builds the site once into `out` (a temporary folder), starts watching
/// and binds the server. The caller then calls [`Server::run`].
pub fn start(out: &Path, open: Arc<Open>, options: ServeOptions) -> Result<Server, String> {
    let preview = Arc::new(Preview::new(out.to_path_buf()));
    (options.status)(&preview.rebuild(open.as_ref()));
    let http = tiny_http::Server::http(SocketAddr::new(options.bind, options.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
    let address = http
        .server_addr()
        .to_ip()
        .ok_or("the server has no IP address")?;
    watch(preview.clone(), open, options.watch, options.status.clone())?;
    Ok(Server {
        address,
        http: Arc::new(http),
        preview,
    })
}

/// Rebuilds on every change under the watched folders — once for a burst
/// of events (an editor's save is several), after they have been quiet
/// for [`QUIET`] — then widens the watch to any new folder the notices
/// came from. Reading a file is not a change: noticec reads every notice
/// on each build.
fn watch(
    preview: Arc<Preview>,
    open: Arc<Open>,
    roots: Vec<PathBuf>,
    status: Arc<dyn Fn(&str) + Send + Sync>,
) -> Result<(), String> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let out = crate::load::discover::canonical(&preview.root);
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let outside = out.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        // What noticec itself writes: the preview, and the verdict cache.
        let ours = event.paths.iter().all(|p| {
            crate::load::discover::canonical(p).starts_with(&outside)
                || crate::check::cache::is_cache_path(p)
        });
        if !ours {
            let _ = tx.send(());
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    let mut add =
        move |watcher: &mut notify::RecommendedWatcher, path: &Path, mode: RecursiveMode| {
            let key = crate::load::discover::canonical(path);
            if key.starts_with(&out) || !watched.insert(key) {
                return;
            }
            // A folder that went away is not a reason to stop the preview.
            let _ = watcher.watch(path, mode);
        };
    for root in &roots {
        add(&mut watcher, root, RecursiveMode::Recursive);
    }
    for folder in preview.snapshot().1 {
        add(&mut watcher, &folder, RecursiveMode::NonRecursive);
    }
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            while rx.recv_timeout(QUIET).is_ok() {}
            status(&preview.rebuild(open.as_ref()));
            for folder in preview.snapshot().1 {
                add(&mut watcher, &folder, RecursiveMode::NonRecursive);
            }
        }
    });
    Ok(())
}

/// How long the files must be quiet before a rebuild.
const QUIET: Duration = Duration::from_millis(15);

/// Whether serving on `ip` keeps the preview on this machine.
pub fn is_loopback(ip: IpAddr) -> bool {
    ip.is_loopback()
}

pub use files::resolve;
