//! Load and validate arbitrary bytes: never a panic; every diagnostic has a
//! message and, when it has a span, the span lies on char boundaries of the
//! file text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use noticec::check::validate::{Options, validate};
use noticec::diagnostic::Diagnostic;
use noticec::load::load_str;

fn check(d: &Diagnostic) {
    assert!(!d.message.trim().is_empty(), "empty message: {d:?}");
    if let Some(span) = &d.span {
        let text = &d.file.text;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?}"
        );
    }
    for r in &d.related {
        let text = &d.file.text;
        assert!(r.span.start <= r.span.end && r.span.end <= text.len());
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    let outcome = load_str(Path::new("fuzz.toml"), text);
    outcome.diagnostics.iter().for_each(check);
    if let Some(loaded) = &outcome.notice {
        let options = Options::new(jiff::civil::date(2026, 11, 23));
        for d in validate(loaded, &options) {
            check(&d);
        }
    }
});
