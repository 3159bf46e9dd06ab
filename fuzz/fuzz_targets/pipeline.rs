//! The whole pipeline as `noticec check` and `noticec build` run it: the raw
//! bytes are written to a file and checked (read, UTF-8/binary detection,
//! load, validate), then the notice is rendered to every format with both
//! themes (and fragment mode), and the human and JSON reports are drawn
//! (which slice the source text at every span).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use noticec::check::check_file;
use noticec::check::validate::Options;
use noticec::render::view::NoticeView;
use noticec::render::{Format, RenderOptions, Renderer, Theme};
use noticec::report::{human, json};

fn renderers() -> &'static [Renderer] {
    static R: OnceLock<Vec<Renderer>> = OnceLock::new();
    R.get_or_init(|| {
        [
            (Theme::Plain, false),
            (Theme::Govuk, false),
            (Theme::Govuk, true),
        ]
        .into_iter()
        .map(|(theme, fragment)| {
            Renderer::new(RenderOptions {
                theme,
                fragment,
                ..RenderOptions::default()
            })
        })
        .collect()
    })
}

fn scratch() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| {
        let dir = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("noticec-fuzz-{}.toml", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    std::fs::write(path, data).expect("scratch file");
    let options = Options::new(jiff::civil::date(2026, 11, 23));
    let report = check_file(path, &options);
    for d in &report.diagnostics {
        assert!(!d.message.trim().is_empty(), "empty message: {d:?}");
    }
    if let Some(loaded) = &report.notice {
        for law_enforcement in [false, true] {
            let view = NoticeView::new(&loaded.notice, law_enforcement, options.today);
            for renderer in renderers() {
                for format in Format::ALL {
                    // The built-in templates must render every notice that
                    // loads; a template error would fail the whole build.
                    if let Err(e) = renderer.render_notice(&view, format) {
                        panic!("built-in template failed: {e:?}");
                    }
                }
            }
        }
    }
    let reports = [report];
    let _ = human::render(&reports, human::Style::plain());
    let _ = json::render(&reports);
});
