//! Criterion benches of each stage of the pipeline on one realistic notice
//! (issue 7): load, validate, view, and render to each format, plus the
//! whole check (load + validate) and the whole build of one notice in
//! memory (check + view + all three formats).
//!
//! ```sh
//! cargo bench --bench pipeline
//! cargo bench --bench pipeline -- render   # only the render benches
//! ```
//!
//! The notice is notice 0 of the corpus `gen-corpus --seed 7` writes (about
//! 21 KiB of TOML, passing every check). Measurement is kept short so the
//! whole run takes well under a minute.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use noticec::check::validate::{Options, validate};
use noticec::load::load_str;
use noticec::render::view::NoticeView;
use noticec::render::{Format, RenderOptions, Renderer};

#[allow(dead_code)]
#[path = "tools/gen_corpus.rs"]
mod gen_corpus;

/// The seed and index of the benchmarked notice.
const SEED: u64 = 7;
const INDEX: u64 = 0;

fn stages(c: &mut Criterion) {
    let text = gen_corpus::notice_toml(SEED, INDEX);
    let path = Path::new("notice-00000.toml");
    let options = Options::new(jiff::civil::date(2026, 11, 23));
    let loaded = load_str(path, text.clone())
        .notice
        .expect("the generated notice loads");
    let diagnostics = validate(&loaded, &options);
    assert!(
        diagnostics.is_empty(),
        "the benchmarked notice should pass every check: {diagnostics:#?}"
    );
    let law_enforcement = options.profile.law_enforcement;
    let renderer = Renderer::new(RenderOptions::default());
    let view = NoticeView::new(
        &loaded.notice,
        law_enforcement,
        jiff::civil::date(2026, 11, 23),
    );

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("load", |b| {
        b.iter(|| load_str(black_box(path), black_box(text.clone())))
    });
    group.bench_function("validate", |b| {
        b.iter(|| validate(black_box(&loaded), black_box(&options)))
    });
    group.bench_function("view", |b| {
        b.iter(|| {
            NoticeView::new(
                black_box(&loaded.notice),
                law_enforcement,
                jiff::civil::date(2026, 11, 23),
            )
        })
    });
    for format in Format::ALL {
        group.bench_function(format!("render-{}", format.extension()), |b| {
            b.iter(|| {
                renderer
                    .render_notice(black_box(&view), format)
                    .expect("renders")
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("whole");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("renderer-new", |b| {
        b.iter(|| Renderer::new(RenderOptions::default()))
    });
    group.bench_function("check", |b| {
        b.iter(|| {
            let outcome = load_str(path, black_box(text.clone()));
            let loaded = outcome.notice.expect("loads");
            validate(&loaded, &options)
        })
    });
    group.bench_function("build-all-formats", |b| {
        b.iter(|| {
            let outcome = load_str(path, black_box(text.clone()));
            let loaded = outcome.notice.expect("loads");
            let diagnostics = validate(&loaded, &options);
            let view = NoticeView::new(
                &loaded.notice,
                law_enforcement,
                jiff::civil::date(2026, 11, 23),
            );
            let bytes: usize = Format::ALL
                .into_iter()
                .map(|f| renderer.render_notice(&view, f).expect("renders").len())
                .sum();
            (diagnostics.len(), bytes)
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages
}
criterion_main!(benches);
