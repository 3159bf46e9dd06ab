//! What the preview server answers: the built site's files (HTML pages
//! with the findings panel and the reload script added), the reload
//! stream, a rule's documentation, and pages for a notice that cannot be
//! shown or a page that is not there.

use std::io::{Read, Write};
use std::time::Duration;

use tiny_http::{Header, Request, Response, StatusCode};

use super::files::{content_type, resolve};
use super::{Finding, PageState, Preview};
use crate::diagnostic::Severity;

/// Where the reload stream is.
pub const EVENTS: &str = "/__noticec/events";
/// Where a rule's documentation is: `/__noticec/explain/N005`.
pub const EXPLAIN: &str = "/__noticec/explain/";

/// Answers one request.
pub fn respond(preview: &Preview, request: Request) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    if request.method() != &tiny_http::Method::Get && request.method() != &tiny_http::Method::Head {
        let _ = request.respond(html(
            405,
            "Not allowed",
            "<p>The preview only answers GET requests.</p>",
        ));
        return;
    }
    if path == EVENTS {
        events(preview, request);
        return;
    }
    if let Some(code) = path.strip_prefix(EXPLAIN) {
        let _ = request.respond(explain(code));
        return;
    }
    let _ = request.respond(file(preview, &url));
}

/// A file of the site, or the page saying why it cannot be shown.
fn file(preview: &Preview, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let state = preview.state();
    if let Some(failure) = &state.failure {
        let body = format!(
            "<p>noticec cannot build the notices:</p>\n<pre>{}</pre>\n<p>Fix it and save: this page reloads by itself.</p>",
            escape(failure)
        );
        return with_reload(
            html(500, "The notices cannot be built", &body),
            state.generation,
        );
    }
    let generation = state.generation;
    // A notice that cannot be loaded has no page (the build took it down):
    // say why, under the address its page has.
    let named = page_name(url);
    if let Some(page) = named
        .as_ref()
        .and_then(|n| state.pages.get(n))
        .filter(|p| p.broken)
    {
        return with_reload(broken(page), generation);
    }
    let Some(found) = resolve(&preview.root, url) else {
        return with_reload(not_found(url), generation);
    };
    let relative = found
        .strip_prefix(
            preview
                .root
                .canonicalize()
                .unwrap_or_else(|_| preview.root.clone()),
        )
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let page = state.pages.get(&relative).cloned();
    drop(state);
    let Ok(bytes) = crate::files::read_regular(&found, crate::site::write::MAX_PAGE_BYTES) else {
        return with_reload(not_found(url), generation);
    };
    let kind = content_type(&found);
    let body = if kind.starts_with("text/html") {
        inject(&String::from_utf8_lossy(&bytes), page.as_ref(), generation).into_bytes()
    } else {
        bytes
    };
    let response = with(Response::from_data(body), "Content-Type", kind);
    let response = with(response, "Cache-Control", "no-store");
    with(response, "X-Content-Type-Options", "nosniff")
}

/// The page a request path names, as the build records pages
/// (`seeds/council.html`); a folder names its `index.html`.
fn page_name(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut name = decoded.trim_start_matches('/').to_string();
    if name.is_empty() || name.ends_with('/') {
        name.push_str("index.html");
    }
    Some(name)
}

/// The panel listing the page's findings and the reload script, added
/// before `</body>`. Only the preview sends them: the built file has
/// neither.
pub fn inject(page: &str, state: Option<&PageState>, generation: u64) -> String {
    let panel = state.map(panel).unwrap_or_default();
    let script = reload_script(generation);
    match page.rfind("</body>") {
        Some(at) => format!("{}{panel}{script}{}", &page[..at], &page[at..]),
        None => format!("{page}{panel}{script}"),
    }
}

fn reload_script(generation: u64) -> String {
    format!(
        "<script>(function(){{var shown=\"{generation}\";var s=new EventSource(\"{EVENTS}\");s.onmessage=function(e){{if(e.data!==shown){{s.close();location.reload();}}}};}})();</script>\n"
    )
}

/// The findings of one page as an `<aside>` (a landmark of its own).
fn panel(page: &PageState) -> String {
    let errors = page
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = page.findings.len() - errors;
    let mut out = String::from(
        "<aside id=\"noticec-preview\" aria-labelledby=\"noticec-preview-title\" style=\"margin:2rem auto;max-width:44rem;padding:1rem 1.25rem;border:3px solid #0b0c0c;font:1rem/1.5 system-ui,sans-serif;color:#0b0c0c;background:#fff\">\n",
    );
    out.push_str(&format!(
        "<h2 id=\"noticec-preview-title\" style=\"margin-top:0;font-size:1.25rem\">noticec check: {}</h2>\n",
        count(errors, warnings)
    ));
    out.push_str(&format!(
        "<p style=\"margin:0 0 0.5rem\">{} — preview only: the published page has no panel and no script.</p>\n",
        escape(&page.notice)
    ));
    if !page.findings.is_empty() {
        out.push_str("<ul style=\"padding-left:1.25rem\">\n");
        for finding in &page.findings {
            out.push_str(&finding_item(finding));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</aside>\n");
    out
}

/// "1 error, 2 warnings".
fn count(errors: usize, warnings: usize) -> String {
    use crate::report::human::plural;
    format!(
        "{}, {}",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    )
}

fn finding_item(f: &Finding) -> String {
    let severity = match f.severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
    };
    let help = f
        .help
        .as_deref()
        .map(|h| format!("<br>How to fix: {}", escape(h)))
        .unwrap_or_default();
    format!(
        "<li style=\"margin-bottom:0.75rem\"><strong>{severity} <a href=\"{EXPLAIN}{code}\">{code}</a></strong>: {message}<br><span style=\"color:#505a5f\">{location}</span>{help}</li>\n",
        code = escape(f.code),
        message = escape(&f.message),
        location = escape(&f.location),
    )
}

/// A notice that cannot be loaded: its findings, not its old page.
fn broken(page: &PageState) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut body = format!(
        "<p>{} cannot be shown: noticec cannot read it. Fix what is listed below and save: this page reloads by itself.</p>\n<ul>\n",
        escape(&page.notice)
    );
    for finding in &page.findings {
        body.push_str(&finding_item(finding));
    }
    body.push_str("</ul>\n");
    html(500, "This notice cannot be shown", &body)
}

fn not_found(url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let body = format!(
        "<p>There is no page at <code>{}</code> in the preview.</p>\n<p><a href=\"/\">All the notices</a></p>",
        escape(url)
    );
    html(404, "Page not found", &body)
}

/// A rule's documentation, for the links in the panel.
fn explain(code: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let decoded = percent_encoding::percent_decode_str(code).decode_utf8_lossy();
    match crate::rules::find(&decoded) {
        Some(rule) => {
            let docs = crate::render::prose::to_html(
                rule.docs,
                crate::render::Theme::Plain,
                crate::render::prose::Nesting { parent_level: 1 },
            );
            let body = format!(
                "<p><strong>{} {}</strong>: {}</p>\n{docs}<p>The law: <a href=\"{}\">{}</a></p>",
                escape(rule.code),
                escape(rule.name),
                escape(rule.summary),
                escape(rule.url),
                escape(rule.url)
            );
            html(200, &format!("{} {}", rule.code, rule.name), &body)
        }
        None => not_found(&format!("{EXPLAIN}{code}")),
    }
}

/// A page of the preview itself, with its heading and text.
fn html(status: u16, title: &str, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>body{{margin:0;font:1.125rem/1.5 system-ui,sans-serif;color:#0b0c0c}}main{{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}}pre{{white-space:pre-wrap;overflow-wrap:anywhere}}a{{color:#1d70b8}}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title)
    );
    let response = Response::from_data(page.into_bytes()).with_status_code(StatusCode(status));
    let response = with(response, "Content-Type", "text/html; charset=utf-8");
    with(response, "Cache-Control", "no-store")
}

/// Adds the reload script to a page of the preview itself.
fn with_reload(
    response: Response<std::io::Cursor<Vec<u8>>>,
    generation: u64,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let status = response.status_code();
    let mut body = String::new();
    let mut data = response.into_reader();
    let _ = data.read_to_string(&mut body);
    let page = inject(&body, None, generation);
    let response = Response::from_data(page.into_bytes()).with_status_code(status);
    let response = with(response, "Content-Type", "text/html; charset=utf-8");
    with(response, "Cache-Control", "no-store")
}

/// The reload stream (server-sent events): the build generation now, then
/// each new one, and a comment every 15 seconds so a closed tab is noticed.
fn events(preview: &Preview, request: Request) {
    let mut stream = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut shown = None;
    loop {
        let generation = {
            let state = preview.state();
            let (state, _) = preview
                .rebuilt
                .wait_timeout_while(state, Duration::from_secs(15), |s| {
                    Some(s.generation) == shown
                })
                .unwrap_or_else(|e| e.into_inner());
            state.generation
        };
        let message = if Some(generation) == shown {
            ": still here\n\n".to_string()
        } else {
            shown = Some(generation);
            format!("data: {generation}\n\n")
        };
        if stream
            .write_all(message.as_bytes())
            .and_then(|()| stream.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Adds a header (names and values here are fixed ASCII, always valid).
fn with<R: Read>(response: Response<R>, name: &str, value: &str) -> Response<R> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

/// Text for HTML, without control or bidi-override characters.
fn escape(text: &str) -> String {
    crate::render::escape_html(&crate::model::forms::strip_unsafe(text))
}
