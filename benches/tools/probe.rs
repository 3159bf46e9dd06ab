//! The bare baseline of issue 7: pulldown-cmark + minijinja, in parallel
//! with rayon, with no TOML and no checks.
//!
//! ```sh
//! cargo run --release --example probe -- --input DIR2/content/notices --out OUT
//! ```
//!
//! reads every `*.md` file under `--input` (the Markdown corpus written by
//! `gen-corpus --markdown DIR2`), takes the title, date and language from the
//! front matter with plain line matching, renders the body with
//! pulldown-cmark (tables and strikethrough, as noticec's prose), puts it
//! through one minijinja HTML template (auto-escaped, with the same kind of
//! page and stylesheet as noticec's) and writes `OUT/<same path>.html`.
//! It is the lower bound a notice compiler could reach on this machine.

use std::path::{Path, PathBuf};

use minijinja::{Environment, context};
use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #0b0c0c; background: #fff; }
.page { max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2.25rem; margin-top: 1rem; }
h2 { font-size: 1.6rem; border-top: 1px solid #b1b4b6; padding-top: 1.25rem; }
a { color: #1d70b8; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.5rem 1rem 0.5rem 0; }
</style>
</head>
<body>
<div class="page">
<main id="main-content">
<article class="notice" lang="{{ language }}">
<h1>{{ title }}</h1>
{% if date %}<p class="notice-meta">Last updated: {{ date }}</p>{% endif %}
{{ body | safe }}
</article>
</main>
</div>
</body>
</html>
"#;

/// Splits `---` front matter from the body and picks out three fields.
fn front_matter(text: &str) -> (Vec<(&str, &str)>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (Vec::new(), text);
    };
    let fields = rest[..end]
        .lines()
        .filter(|line| !line.starts_with(' ') && !line.starts_with('-'))
        .filter_map(|line| line.split_once(": "))
        .filter(|(key, _)| matches!(*key, "title" | "date" | "language"))
        .map(|(key, value)| (key, value.trim().trim_matches('"')))
        .collect();
    (fields, &rest[end + 5..])
}

fn render(env: &Environment<'_>, text: &str) -> Result<String, minijinja::Error> {
    let (fields, body) = front_matter(text);
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .unwrap_or_default()
    };
    let mut html_body = String::with_capacity(body.len() * 3 / 2);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    html::push_html(&mut html_body, Parser::new_ext(body, options));
    env.get_template("page.html")?.render(context! {
        title => field("title"),
        date => field("date"),
        language => field("language"),
        body => html_body,
    })
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| {
            p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "_index.md")
        })
        .collect();
    found.sort();
    found
}

fn main() {
    let mut input = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--input" => input = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            other => {
                eprintln!("usage: probe --input DIR --out DIR (unexpected {other:?})");
                std::process::exit(2);
            }
        }
    }
    let (Some(input), Some(out)) = (input, out) else {
        eprintln!("usage: probe --input DIR --out DIR");
        std::process::exit(2);
    };
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    if let Err(err) = env.add_template("page.html", TEMPLATE) {
        eprintln!("probe: {err}");
        std::process::exit(1);
    }
    let files = files(&input);
    let failures: usize = files
        .par_iter()
        .map(|path| {
            let result = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|text| render(&env, &text).map_err(|e| e.to_string()))
                .and_then(|page| {
                    let relative = path.strip_prefix(&input).unwrap_or(path);
                    let target = out.join(relative).with_extension("html");
                    if let Some(parent) = target.parent() {
                        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                    }
                    std::fs::write(&target, page).map_err(|e| e.to_string())
                });
            match result {
                Ok(()) => 0,
                Err(err) => {
                    eprintln!("probe: {}: {err}", path.display());
                    1
                }
            }
        })
        .sum();
    eprintln!("probe: rendered {} files", files.len() - failures);
    if failures > 0 {
        std::process::exit(1);
    }
}
