//! `noticec serve` end to end: a real server on a free port over a copy of
//! the model council — pages served, an edit seen, a broken notice shown
//! as its findings, nothing outside the site reachable, loopback only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, killed when the test ends however it ends.
struct Serving {
    child: Child,
    port: u16,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

mod common;

fn start(config: &Path) -> Serving {
    // The preview folder goes inside the test's own folder, which the test
    // removes: a killed server leaves nothing in the system's temp folder.
    let tmp = config.parent().expect("project folder").join("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let mut child = Command::new(env!("CARGO_BIN_EXE_noticec"))
        .args(["serve", "--port", "0", "--config"])
        .arg(config)
        .env("NO_COLOR", "1")
        .env("TMPDIR", &tmp)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("noticec serve starts");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // From here on the server is killed even if the test fails.
    let mut serving = Serving {
        child,
        port: 0,
        lines: rx,
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = serving
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve prints its address");
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            serving.port = rest
                .split('/')
                .next()
                .and_then(|p| p.parse().ok())
                .expect("a port");
            return serving;
        }
        assert!(
            !line.starts_with("serving"),
            "serve must listen on loopback only: {line}"
        );
    }
}

/// A GET of `path` exactly as written (no normalising of `..`): status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Waits (at most 20 s) for `path` to be served with `wanted` in it.
fn wait_for(port: u16, path: &str, wanted: &str) -> Duration {
    let started = Instant::now();
    loop {
        let (_, body) = get(port, path);
        if body.contains(wanted) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{path} never showed {wanted:?}; last:\n{}",
            &body[..body.len().min(600)]
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn temp_copy(name: &str) -> PathBuf {
    let dir = common::temp_dir("serve", name);
    common::copy_tree(Path::new("examples/model-council"), &dir);
    dir
}

#[test]
fn serve_previews_edits_and_errors_and_nothing_else() {
    let dir = temp_copy("e2e");
    let server = start(&dir.join("noticec.toml"));
    let port = server.port;

    // The index and every page, with the preview panel added.
    let (status, index) = get(port, "/");
    assert_eq!(status, 200);
    assert!(
        index.contains("Model Borough Council privacy notices"),
        "{index}"
    );
    for page in ["council-tax.html", "corporate.html", "housing.html"] {
        let (status, body) = get(port, &format!("/{page}"));
        assert_eq!(status, 200, "{page}");
        assert!(body.contains("id=\"noticec-preview\""), "{page}: no panel");
        assert!(body.contains("0 errors, 0 warnings"), "{page}");
    }
    let (status, text) = get(port, "/council-tax.txt");
    assert_eq!(status, 200);
    assert!(!text.contains("<script"), "only HTML pages get the script");

    // An edit is served without restarting.
    let notice = dir.join("notices/council-tax.toml");
    let source = std::fs::read_to_string(&notice).expect("notice");
    let edited = source.replace(
        "title = \"Council tax privacy notice\"",
        "title = \"Council tax privacy notice, edited\"",
    );
    assert_ne!(edited, source);
    std::fs::write(&notice, &edited).expect("edit");
    let took = wait_for(
        port,
        "/council-tax.html",
        "Council tax privacy notice, edited",
    );
    println!("edit served after {took:?}");

    // A syntax error: the page shows the diagnostic, not the old page.
    std::fs::write(&notice, format!("{edited}\ntitle = \n")).expect("break");
    wait_for(port, "/council-tax.html", "This notice cannot be shown");
    let (_, broken) = get(port, "/council-tax.html");
    assert!(broken.contains("E002"), "{broken}");
    assert!(
        broken.contains("/__noticec/explain/E002"),
        "a link to explain"
    );
    let (status, explain) = get(port, "/__noticec/explain/E002");
    assert_eq!(status, 200);
    assert!(explain.contains("What it checks"), "{explain}");

    // Fixed again: the page is back.
    std::fs::write(&notice, &edited).expect("fix");
    wait_for(port, "/council-tax.html", "id=\"noticec-preview\"");

    // Nothing outside the built site, however the path is written.
    std::fs::write(dir.join("secret.txt"), "not for the web").expect("secret");
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd",
        "/../secret.txt",
        "/.noticec-build.json",
        "/missing.html",
    ] {
        let (status, body) = get(port, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("root:") && !body.contains("not for the web"),
            "{path}"
        );
        assert!(
            body.contains("<a href=\"/\">"),
            "{path}: the 404 page links to the index"
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_project_file_is_an_error_page_until_fixed() {
    let dir = temp_copy("project");
    let server = start(&dir.join("noticec.toml"));
    let config = dir.join("noticec.toml");
    let good = std::fs::read_to_string(&config).expect("config");
    std::fs::write(&config, format!("{good}\nnotices = [\n")).expect("break");
    wait_for(
        server.port,
        "/council-tax.html",
        "The notices cannot be built",
    );
    std::fs::write(&config, &good).expect("fix");
    wait_for(server.port, "/council-tax.html", "id=\"noticec-preview\"");
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
