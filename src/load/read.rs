//! Reading one file: bytes on disk → a [`Notice`] with a [`SpanIndex`].
//!
//! Loading is the only stage that stops early: a file that cannot be read,
//! is not UTF-8 text or is not valid TOML gets one diagnostic and goes no
//! further. Unknown keys are all reported in one pass (with "did you mean"),
//! and loading then carries on so the rules can still report what is missing.

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

use serde_json::Value;
use toml::de::{DeTable, DeValue};

use super::locate::{KeyPath, SpanIndex};
use super::schema;
use super::source::SourceFile;
use crate::diagnostic::{Diagnostic, code, did_you_mean};
use crate::model::Notice;

/// Notices larger than this are refused without being read whole. Real
/// notices are 5-30 KB; 4 MiB leaves a wide margin.
pub const MAX_NOTICE_BYTES: u64 = 4 * 1024 * 1024;

/// A notice that loaded, with everything needed to locate findings in it.
#[derive(Debug, Clone)]
pub struct LoadedNotice {
    /// The notice's own file.
    pub file: Arc<SourceFile>,
    /// The notice, merged with the shared parts it extends.
    pub notice: Notice,
    /// Where everything is in the notice's own file.
    pub index: SpanIndex,
    /// Every file the merged notice came from, bases first and the notice's
    /// own file last; empty when it extends nothing.
    pub sources: Vec<Source>,
    /// Which source each merged value came from; `None` when the notice
    /// extends nothing.
    pub provenance: Option<super::resolve::Provenance>,
}

/// One file a merged notice came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: Arc<SourceFile>,
    pub index: SpanIndex,
}

impl LoadedNotice {
    /// The file a key path of the (merged) notice lives in, and where in it.
    pub fn locate(&self, path: &KeyPath) -> (Arc<SourceFile>, super::locate::Resolved) {
        if let Some(provenance) = &self.provenance
            && let Some((source, source_path)) = provenance.lookup(path)
            && let Some(source) = self.sources.get(source)
        {
            return (source.file.clone(), source.index.resolve(&source_path));
        }
        (self.file.clone(), self.index.resolve(path))
    }

    /// Every file this notice was loaded from: the shared parts it extends
    /// (bases first), then its own file.
    pub fn files(&self) -> impl Iterator<Item = &Arc<SourceFile>> {
        let own = self.sources.is_empty().then_some(&self.file);
        self.sources.iter().map(|s| &s.file).chain(own)
    }

    /// The names of every file this notice came from (its own last).
    pub fn source_names(&self) -> Vec<String> {
        if self.sources.is_empty() {
            vec![self.file.name.clone()]
        } else {
            self.sources.iter().map(|s| s.file.name.clone()).collect()
        }
    }
}

/// What loading one file produced: the notice, if it could be read, and any
/// problems found on the way.
#[derive(Debug)]
pub struct LoadOutcome {
    pub notice: Option<LoadedNotice>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadOutcome {
    fn failed(diagnostic: Diagnostic) -> Self {
        Self {
            notice: None,
            diagnostics: vec![diagnostic],
        }
    }
}

/// Reads and loads a notice file.
pub fn load_file(path: &Path) -> LoadOutcome {
    match read_text(path) {
        Ok(text) => load_str(path, text),
        Err(diagnostic) => LoadOutcome::failed(*diagnostic),
    }
}

/// Reads a file as UTF-8 text, refusing directories, huge files and binary.
fn read_text(path: &Path) -> Result<String, Box<Diagnostic>> {
    let unreadable = |message: String, help: &str| {
        Box::new(Diagnostic::file_problem(
            Arc::new(SourceFile::new(path, "")),
            code::UNREADABLE_FILE,
            message,
            help,
        ))
    };
    let metadata = std::fs::metadata(path).map_err(|e| {
        unreadable(
            format!("cannot read this file: {}", io_reason(&e)),
            "check the path is spelled correctly and that you have permission to read it",
        )
    })?;
    if metadata.is_dir() {
        return Err(unreadable(
            "this is a folder, not a notice file".into(),
            "give the path of a `.toml` notice file, or use `noticec check FOLDER` to check every notice in a folder",
        ));
    }
    if !metadata.is_file() {
        return Err(unreadable(
            "this is not a regular file".into(),
            "give the path of a `.toml` notice file (not a pipe, socket or device)",
        ));
    }
    if metadata.len() > MAX_NOTICE_BYTES {
        return Err(unreadable(
            format!(
                "this file is {} MiB; notices may be at most {} MiB",
                metadata.len().div_ceil(1024 * 1024),
                MAX_NOTICE_BYTES / (1024 * 1024)
            ),
            "check this is really a notice; split a very long notice into service notices",
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_NOTICE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            unreadable(
                format!("cannot read this file: {}", io_reason(&e)),
                "check that you have permission to read it",
            )
        })?;
    if bytes.len() as u64 > MAX_NOTICE_BYTES {
        return Err(unreadable(
            format!(
                "this file is larger than {} MiB",
                MAX_NOTICE_BYTES / (1024 * 1024)
            ),
            "check this is really a notice",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            let binary = bytes.iter().take(8192).any(|&b| b == 0);
            // Point at the first bad byte: in the lossy text it is at the same
            // offset, because everything before it was valid.
            let file = Arc::new(SourceFile::new(path, lossy));
            let (message, help) = if binary {
                (
                    "this is a binary file, not a notice".to_string(),
                    "notices are TOML text files; check you gave the right path",
                )
            } else {
                (
                    "this file is not UTF-8 text".to_string(),
                    "save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8); text pasted from Word in another encoding causes this",
                )
            };
            Err(Box::new(
                Diagnostic::file_problem(file, code::UNREADABLE_FILE, message, help)
                    .at(valid..valid, "first byte that is not UTF-8"),
            ))
        }
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

/// Loads a notice from text already in memory; `path` is only used to name
/// it in diagnostics.
pub fn load_str(path: &Path, text: String) -> LoadOutcome {
    let file = Arc::new(SourceFile::new(path, strip_bom(text)));
    let (document, diagnostics) = read_document::<Notice>(&file, schema::notice_schema(), "notice");
    LoadOutcome {
        notice: document.map(|(notice, index)| LoadedNotice {
            file,
            notice,
            index,
            sources: Vec::new(),
            provenance: None,
        }),
        diagnostics,
    }
}

/// A byte order mark is invisible in editors and TOML does not allow it.
pub(crate) fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Reads a TOML document of type `T` described by `root_schema`: reports
/// an empty file or a syntax error (and stops), every unknown key (and
/// carries on), and every value of the wrong type or form (and stops).
pub(crate) fn read_document<T: serde::de::DeserializeOwned>(
    file: &Arc<SourceFile>,
    root_schema: &'static Value,
    what: &str,
) -> (Option<(T, SpanIndex)>, Vec<Diagnostic>) {
    if file.text.trim().is_empty() {
        return (
            None,
            vec![
                Diagnostic::file_problem(
                    file.clone(),
                    code::UNREADABLE_FILE,
                    format!("this {what} file is empty"),
                    "start from `examples/minimal.toml`, or run `noticec init` to create a project",
                )
                .at(0..0, "nothing here"),
            ],
        );
    }
    // The parser builds a node per bracket: a file of deeply nested
    // brackets would take hundreds of times its size in memory. Refuse it
    // before parsing, at the bracket.
    if let Some(at) = bracket_too_deep(&file.text) {
        return (None, vec![too_deep_problem(file, at..at + 1)]);
    }
    let text = file.text.clone();
    let document = match DeTable::parse(&text) {
        Ok(document) => document,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            return (
                None,
                vec![
                    Diagnostic::file_problem(
                        file.clone(),
                        code::SYNTAX,
                        format!("invalid TOML: {}", err.message()),
                        "fix the TOML syntax here; strings need quotes, tables are written `[name]`, and each key may appear once",
                    )
                    .at(span, "here"),
                ],
            );
        }
    };
    // Values nested deeper than any notice needs (`[[[[…]]]]`) are one
    // finding, before anything is built from them: the work and memory
    // they would take grow with their depth.
    if let Some(span) = too_deep(document.get_ref()) {
        return (None, vec![too_deep_problem(file, span)]);
    }
    let index = SpanIndex::new(document.get_ref());
    let mut diagnostics = Vec::new();
    if let Some(properties) = node_facts(root_schema, root_schema).properties {
        check_unknown_keys(
            file,
            &Where::Root,
            document.get_ref(),
            root_schema,
            properties,
            &mut diagnostics,
        );
    }
    // Every value of the wrong type or form is reported (above); any one
    // of them stops the file from loading.
    if diagnostics.iter().any(|d| d.code == code::INVALID_VALUE) {
        return (None, diagnostics);
    }
    match T::deserialize(toml::de::Deserializer::from(document)) {
        Ok(value) => (Some((value, index)), diagnostics),
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            diagnostics.push(invalid_value(file, span, err.message()));
            (None, diagnostics)
        }
    }
}

/// How deep tables and arrays may nest in a notice file. The deepest a
/// notice goes is four (`purposes[0].other_sources[1]`).
pub const MAX_VALUE_DEPTH: usize = 12;

/// Where the brackets of a TOML text (`[`, `{`, outside strings and
/// comments) first nest deeper than [`MAX_VALUE_DEPTH`] allows, if they do.
/// A rough lexer: it only has to agree with TOML on what is a string or a
/// comment, and a file it misjudges is still parsed and checked in full.
fn bracket_too_deep(text: &str) -> Option<usize> {
    // A `[[table]]` header adds two; values inside add the rest.
    const LIMIT: usize = MAX_VALUE_DEPTH + 2;
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |at| i + at);
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                i += if triple { 3 } else { 1 };
                // Only basic strings (`"`) have escapes; only single-line
                // strings end at a line break. Jump to the next byte that
                // can end the string or escape a quote: most of a notice
                // is inside strings.
                let escapes = quote == b'"';
                loop {
                    let rest = bytes.get(i..).unwrap_or_default();
                    let next = match (triple, escapes) {
                        (true, true) => memchr::memchr2(quote, b'\\', rest),
                        (true, false) => memchr::memchr(quote, rest),
                        (false, true) => memchr::memchr3(quote, b'\\', b'\n', rest),
                        (false, false) => memchr::memchr2(quote, b'\n', rest),
                    };
                    let Some(at) = next else {
                        i = bytes.len();
                        break;
                    };
                    i += at;
                    if escapes && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple {
                        // The closing quote, or the line break that ends
                        // an unclosed string.
                        i += 1;
                        break;
                    }
                    if bytes[i..].starts_with(&[quote; 3]) {
                        // Up to two more quotes may close the string.
                        i += 3;
                        while i < bytes.len() && bytes[i] == quote {
                            i += 1;
                        }
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > LIMIT {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The finding for a value nested deeper than [`MAX_VALUE_DEPTH`].
fn too_deep_problem(file: &Arc<SourceFile>, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::file_problem(
        file.clone(),
        code::INVALID_VALUE,
        format!("this value is nested more than {MAX_VALUE_DEPTH} levels deep"),
        "a notice needs at most a few levels (a table, a list, a table in it); check for stray `[` or `{`",
    )
    .at(span, "too deep")
}

/// The span of the first value nested deeper than [`MAX_VALUE_DEPTH`].
fn too_deep(root: &DeTable<'_>) -> Option<std::ops::Range<usize>> {
    // Depth-first with an explicit stack, stopping at the limit.
    let mut stack: Vec<(&toml::Spanned<toml::de::DeValue<'_>>, usize)> =
        root.values().map(|v| (v, 1)).collect();
    while let Some((value, depth)) = stack.pop() {
        if depth > MAX_VALUE_DEPTH {
            return Some(value.span());
        }
        match value.get_ref() {
            toml::de::DeValue::Table(table) => {
                stack.extend(table.values().map(|v| (v, depth + 1)));
            }
            toml::de::DeValue::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    None
}

/// A value of the wrong type or an unknown choice, from serde's message.
fn invalid_value(
    file: &Arc<SourceFile>,
    span: std::ops::Range<usize>,
    message: &str,
) -> Diagnostic {
    let (message, help) = explain_serde_message(message);
    Diagnostic::file_problem(file.clone(), code::INVALID_VALUE, message, help)
        .at(span, "this value")
}

/// Rewrites serde's messages ("invalid type: integer `3`, expected a
/// string") into the house style, with a suggestion for misspelt choices.
fn explain_serde_message(message: &str) -> (String, String) {
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((given, expected)) = rest.split_once("`, expected ")
    {
        let choices: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|c| c.trim_matches('`'))
            .collect();
        let help = match did_you_mean(given, choices.iter().copied()) {
            Some(best) => format!(
                "did you mean `{best}`? The choices are: {}",
                choices.join(", ")
            ),
            None => format!("use one of: {}", choices.join(", ")),
        };
        return (format!("`{given}` is not one of the allowed values"), help);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let hint = match expected {
            e if e.contains("sequence") => "a list in square brackets, e.g. [\"a\", \"b\"]",
            e if e.contains("string") => "text in quotes, e.g. \"like this\"",
            e if e.contains("bool") => "true or false (no quotes)",
            e if e.contains("integer") || e.contains("u32") => "a whole number, e.g. 12",
            e if e.contains("struct") || e.contains("map") => {
                "a table, e.g. [name] or { key = \"value\" }"
            }
            _ => expected,
        };
        return (
            format!("expected {}, found {found}", describe_expected(expected)),
            format!("write {hint}"),
        );
    }
    (
        message.trim_end().to_string(),
        "check the value against the format reference in the README".into(),
    )
}

fn describe_expected(expected: &str) -> &str {
    match expected {
        e if e.contains("sequence") => "a list",
        e if e.contains("string") => "text",
        e if e.contains("bool") => "true or false",
        e if e.contains("integer") || e.contains("u32") => "a whole number",
        e if e.contains("struct") || e.contains("map") => "a table",
        _ => expected,
    }
}

/// Walks the document beside the schema and reports every key the schema
/// does not know.
/// What the loader needs to know of one node of a schema, worked out once
/// per thread and node: following `$ref`s and `anyOf`s again for every
/// value of every notice was a tenth of loading one.
struct NodeFacts {
    /// Every form a value may take here ([`forms`]).
    forms: Vec<Form<'static>>,
    /// The keys of the table described here, if a table may be.
    properties: Option<&'static serde_json::Map<String, Value>>,
    /// The schema of the items of the list described here, if a list may be.
    items: Option<&'static Value>,
}

thread_local! {
    /// [`NodeFacts`] by the addresses of the root schema and the node.
    static NODE_FACTS: RefCell<HashMap<(usize, usize), Rc<NodeFacts>>> =
        RefCell::new(HashMap::new());
}

/// The [`NodeFacts`] of `schema`, a node of `root`.
fn node_facts(root: &'static Value, schema: &'static Value) -> Rc<NodeFacts> {
    let key = (
        std::ptr::from_ref(root) as usize,
        std::ptr::from_ref(schema) as usize,
    );
    if let Some(facts) = NODE_FACTS.with_borrow(|known| known.get(&key).cloned()) {
        return facts;
    }
    let mut allowed = Vec::new();
    forms(root, schema, 0, &mut allowed);
    let facts = Rc::new(NodeFacts {
        forms: allowed,
        properties: schema::resolve(root, schema, "object")
            .and_then(|object| object.get("properties"))
            .and_then(Value::as_object),
        items: schema::resolve(root, schema, "array").and_then(|array| array.get("items")),
    });
    NODE_FACTS.with_borrow_mut(|known| known.insert(key, facts.clone()));
    facts
}

/// Where a value being checked is: the [`KeyPath`] is built only for a
/// message that names it (building one for every value of every notice
/// was 2 % of a build).
#[derive(Clone, Copy)]
enum Where<'a> {
    Root,
    Key(&'a Where<'a>, &'a str),
    Index(&'a Where<'a>, usize),
}

impl Where<'_> {
    /// The key path of this place (its depth is at most the file's, which
    /// [`MAX_VALUE_DEPTH`] bounds).
    fn path(&self) -> KeyPath {
        match self {
            Where::Root => KeyPath::root(),
            Where::Key(parent, key) => parent.path().key(key),
            Where::Index(parent, index) => parent.path().index(*index),
        }
    }
}

/// Reports every key of `table` that `properties` (the keys its schema
/// allows) does not name, and checks the value of every key it does.
fn check_unknown_keys(
    file: &Arc<SourceFile>,
    at: &Where<'_>,
    table: &DeTable<'_>,
    root: &'static Value,
    properties: &'static serde_json::Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) {
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        match properties.get(name) {
            Some(child_schema) => {
                check_value(file, &Where::Key(at, name), value, root, child_schema, out)
            }
            None => {
                let known = properties.keys().map(String::as_str);
                let help = match did_you_mean(name, known) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => {
                        let list: Vec<&str> = properties.keys().map(String::as_str).collect();
                        format!("the keys allowed here are: {}", list.join(", "))
                    }
                };
                let place = match at {
                    Where::Root => "at the top level".to_string(),
                    _ => format!("in `{}`", at.path().table_name()),
                };
                out.push(
                    Diagnostic::file_problem(
                        file.clone(),
                        code::UNKNOWN_KEY,
                        format!("unknown key `{name}` {place}"),
                        help,
                    )
                    .at(key.span(), "unknown key"),
                );
            }
        }
    }
}

fn check_value(
    file: &Arc<SourceFile>,
    at: &Where<'_>,
    value: &toml::Spanned<DeValue<'_>>,
    root: &'static Value,
    schema: &'static Value,
    out: &mut Vec<Diagnostic>,
) {
    let facts = node_facts(root, schema);
    if let Some(problem) = wrong_value(file, value, &facts.forms) {
        // The value cannot be what the format expects: say so once, and do
        // not look inside it.
        out.push(problem);
        return;
    }
    match value.get_ref() {
        DeValue::String(text) => {
            if crate::model::forms::has_unsafe_char(text)
                && let Some(c) = text
                    .chars()
                    .find(|c| crate::model::forms::is_unsafe_char(*c))
            {
                out.push(
                    Diagnostic::file_problem(
                        file.clone(),
                        code::CONTROL_CHARACTER,
                        format!(
                            "this text contains U+{:04X}, a control or bidi-override character",
                            c as u32
                        ),
                        "delete it: control and bidi-override characters can hide or disguise text where it is shown",
                    )
                    .at(value.span(), "here"),
                );
            }
        }
        DeValue::Table(table) => {
            if let Some(properties) = facts.properties {
                check_unknown_keys(file, at, table, root, properties, out);
            }
        }
        DeValue::Array(items) => {
            let Some(items_schema) = facts.items else {
                return;
            };
            for (i, item) in items.iter().enumerate() {
                check_value(file, &Where::Index(at, i), item, root, items_schema, out);
            }
        }
        _ => {}
    }
}

/// One form a value may take under a schema: a JSON type, with the
/// allowed strings of a choice and the format of a date.
struct Form<'a> {
    kind: &'a str,
    choice: Option<&'a str>,
    format: Option<&'a str>,
}

/// Every form `schema` allows, following `$ref`, `anyOf` and `oneOf`;
/// empty when the schema says nothing about the type.
fn forms<'a>(root: &'a Value, schema: &'a Value, depth: usize, out: &mut Vec<Form<'a>>) {
    if depth > 16 {
        return;
    }
    if let Some(pointer) = schema.get("$ref").and_then(Value::as_str) {
        if let Some(target) = root.pointer(pointer.trim_start_matches('#')) {
            forms(root, target, depth + 1, out);
        }
        return;
    }
    let branches = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array);
    if let Some(branches) = branches {
        for branch in branches {
            forms(root, branch, depth + 1, out);
        }
        return;
    }
    let format = schema.get("format").and_then(Value::as_str);
    let choice = schema.get("const").and_then(Value::as_str);
    match schema.get("type") {
        Some(Value::String(kind)) => out.push(Form {
            kind,
            choice,
            format,
        }),
        Some(Value::Array(kinds)) => {
            out.extend(kinds.iter().filter_map(Value::as_str).map(|kind| Form {
                kind,
                choice,
                format,
            }))
        }
        _ if schema.get("properties").is_some() => out.push(Form {
            kind: "object",
            choice: None,
            format: None,
        }),
        _ => {}
    }
}

/// The problem with a value that does not have a form the schema allows:
/// the wrong type, or a choice that is not one of the listed ones.
fn wrong_value(
    file: &Arc<SourceFile>,
    value: &toml::Spanned<DeValue<'_>>,
    allowed: &[Form<'static>],
) -> Option<Diagnostic> {
    if allowed.is_empty() {
        return None;
    }
    let kind = match value.get_ref() {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "number",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "object",
    };
    let fits = |form: &Form<'_>| match (kind, form.kind, form.format) {
        ("datetime", "string", Some("date")) => true,
        (_, "string", Some("date")) => false,
        ("integer", "number", _) => true,
        (given, wanted, _) => given == wanted,
    };
    // Most values fit a form: nothing to say, and nothing to collect. A
    // value fits when it has a fitting form that is not a choice, or is
    // not text, or is text that is one of the choices.
    let text = match value.get_ref() {
        DeValue::String(text) => Some(text.as_ref()),
        _ => None,
    };
    let fine = |form: &Form<'_>| {
        fits(form) && (form.choice.is_none() || text.is_none() || form.choice == text)
    };
    if allowed.iter().any(fine) {
        return None;
    }
    let fitting: Vec<&Form<'_>> = allowed.iter().filter(|f| fits(f)).collect();
    let span = value.span();
    if fitting.is_empty() {
        let mut wanted: Vec<&str> = Vec::new();
        for form in allowed {
            let (what, _) = describe_form(form);
            if !wanted.contains(&what) {
                wanted.push(what);
            }
        }
        let hint = allowed.first().map(|f| describe_form(f).1).unwrap_or("");
        // Written only for the message: most values fit.
        let found = match value.get_ref() {
            DeValue::String(text) => format!("text \"{}\"", shorten(text)),
            DeValue::Integer(number) => format!("the number `{number}`"),
            DeValue::Float(number) => format!("the number `{number}`"),
            DeValue::Boolean(flag) => format!("`{flag}`"),
            DeValue::Datetime(date) => format!("the date `{date}`"),
            DeValue::Array(_) => "a list".to_string(),
            DeValue::Table(_) => "a table".to_string(),
        };
        let message = format!("expected {}, found {found}", wanted.join(" or "));
        return Some(
            Diagnostic::file_problem(
                file.clone(),
                code::INVALID_VALUE,
                message,
                format!("write {hint}"),
            )
            .at(span, "this value"),
        );
    }
    let choices: Vec<&str> = fitting.iter().filter_map(|f| f.choice).collect();
    if let DeValue::String(text) = value.get_ref()
        && choices.len() == fitting.len()
        && !choices.contains(&text.as_ref())
    {
        let help = match did_you_mean(text, choices.iter().copied()) {
            Some(best) => format!(
                "did you mean `{best}`? The choices are: {}",
                choices.join(", ")
            ),
            None => format!("use one of: {}", choices.join(", ")),
        };
        return Some(
            Diagnostic::file_problem(
                file.clone(),
                code::INVALID_VALUE,
                format!("`{}` is not one of the allowed values", shorten(text)),
                help,
            )
            .at(span, "this value"),
        );
    }
    None
}

/// What a form is called in messages, and how to write one.
fn describe_form(form: &Form<'_>) -> (&'static str, &'static str) {
    match (form.kind, form.format) {
        ("string", Some("date")) => ("a date", "a date without quotes, e.g. 2026-04-01"),
        ("string", _) if form.choice.is_some() => {
            ("one of the listed choices", "one of the choices in quotes")
        }
        ("string", _) => ("text", "text in quotes, e.g. \"like this\""),
        ("boolean", _) => ("true or false", "true or false (no quotes)"),
        ("integer", _) => ("a whole number", "a whole number, e.g. 12"),
        ("number", _) => ("a number", "a number, e.g. 12"),
        ("array", _) => ("a list", "a list in square brackets, e.g. [\"a\", \"b\"]"),
        ("object", _) => ("a table", "a table, e.g. [name] or { key = \"value\" }"),
        _ => (
            "another kind of value",
            "the kind of value `noticec schema` describes",
        ),
    }
}

/// At most 60 characters of a value, for messages.
fn shorten(text: &str) -> String {
    const LONGEST: usize = 60;
    if text.chars().count() > LONGEST {
        let cut: String = text.chars().take(LONGEST - 1).collect();
        format!("{cut}…")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> LoadOutcome {
        load_str(Path::new("t.toml"), text.to_string())
    }

    /// Brackets count only outside strings and comments, for every kind of
    /// TOML string, with escapes, unclosed strings and quotes that close a
    /// multi-line string early.
    #[test]
    fn brackets_nest_only_outside_strings_and_comments() {
        let deep = "[".repeat(MAX_VALUE_DEPTH + 3);
        let at = |text: &str| bracket_too_deep(text);
        assert_eq!(at(&format!("a = {deep}")), Some(4 + MAX_VALUE_DEPTH + 2));
        for hidden in [
            format!("a = \"{deep}\"\n"),
            format!("a = '{deep}'\n"),
            format!("a = \"\"\"\n{deep}\n\"\"\"\n"),
            format!("a = '''\n{deep}\n'''\n"),
            format!("a = \"x\\\"{deep}\"\n"),
            format!("a = \"\"\"x\\\"\"\"{deep}\"\"\"\n"),
            format!("# {deep}\n"),
            format!("a = 1 # {deep}"),
        ] {
            assert_eq!(at(&hidden), None, "{hidden}");
        }
        // A single-line string ends at the line break, closed or not; a
        // multi-line one at its third quote, with up to two more.
        for shown in [
            format!("a = \"x\n{deep}"),
            format!("a = 'x\n{deep}"),
            format!("a = \"\"\"x\"\"\"\"\" {deep}"),
            format!("a = '''x''''' {deep}"),
            format!("a = \"\\\\\" {deep}"),
        ] {
            assert!(at(&shown).is_some(), "{shown}");
        }
        // Unclosed at the end, or an escape as the last byte: no nesting.
        for cut in ["a = \"", "a = \"\\", "a = '''", "a = \"\"\"x\\", "#"] {
            assert_eq!(at(cut), None, "{cut}");
        }
    }

    #[test]
    fn reports_every_unknown_key_with_suggestions() {
        let outcome =
            load("[controller]\nnmae = \"X\"\n\n[[purposes]]\nlawful_basis = []\nzzz = 1\n");
        let messages: Vec<_> = outcome
            .diagnostics
            .iter()
            .map(|d| (d.message.clone(), d.help.clone().unwrap_or_default()))
            .collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages
                .iter()
                .any(|(m, h)| m.contains("`nmae`") && h.contains("`name`"))
        );
        assert!(
            messages
                .iter()
                .any(|(m, h)| m.contains("`lawful_basis`") && h.contains("`lawful_bases`"))
        );
        assert!(outcome.notice.is_some(), "unknown keys do not stop loading");
    }

    #[test]
    fn wrong_types_and_values_stop_loading_with_a_located_error() {
        let outcome = load("[notice]\ntitle = 3\n");
        assert!(outcome.notice.is_none());
        let d = &outcome.diagnostics[0];
        assert_eq!(d.code, code::INVALID_VALUE);
        assert_eq!(d.message, "expected text, found the number `3`");
        assert_eq!(d.span, Some(17..18));

        let outcome = load("[[purposes]]\nlawful_bases = [\"public_task\"]\n");
        let d = &outcome.diagnostics[0];
        assert!(
            d.help.as_deref().unwrap_or("").contains("`public-task`"),
            "{d:?}"
        );
    }

    #[test]
    fn syntax_errors_and_empty_files() {
        let outcome = load("title = \n");
        assert_eq!(outcome.diagnostics[0].code, code::SYNTAX);
        let outcome = load(" \n\t\n");
        assert_eq!(outcome.diagnostics[0].code, code::UNREADABLE_FILE);
        let outcome = load("\u{feff}[notice]\ntitle = \"x\"\n");
        assert!(outcome.diagnostics.is_empty());
    }
}
