#!/usr/bin/env bash
# Edit-to-reload latency of `noticec serve` (issue 18): target < 100 ms,
# median of several edits of one notice of the model council.
#
#   benches/serve-latency.sh            # 9 edits (after one warm-up edit)
#   RUNS=15 benches/serve-latency.sh
#
# Builds noticec and the example `serve-latency` (benches/tools/
# serve_latency.rs) in release mode, copies the binaries aside (so that a
# concurrent `cargo build` cannot swap them mid-run), copies
# examples/model-council into the work folder and runs `serve-latency` on
# it: it starts `noticec serve --config COPY/noticec.toml --port 0`, holds
# the reload stream /__noticec/events open as a preview tab does, and for
# each edit of notices/council-tax.toml (a new title) measures from the
# moment the write returned to
#   - event: the stream's `data:` line arriving (the tab is told to reload),
#   - page:  the page, fetched when that event arrived, having come back
#            whole with the new title (what the reloaded tab gets).
# It prints every edit with the server's `rebuilt in N ms` line, the
# medians, and whether the median page time is under 100 ms, with the load
# average before and after (the timings mean little on a busy machine).
#
# Settings (environment):
#   RUNS         edits measured, after one warm-up edit             [9]
#   BENCH_DIR    work folder (binaries, the copy of the council)    [target/bench/serve-latency]
#   NOTICEC_BIN  a noticec binary to measure instead of building this tree's
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench/serve-latency}
RUNS=${RUNS:-9}

say() { printf '%s\n' "$*" >&2; }

say "building noticec and serve-latency (release)"
(cd "$ROOT" && cargo build --release --quiet --bin noticec --example serve-latency)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$BENCH_DIR/bin
mkdir -p "$BIN"
cp "$TARGET/release/examples/serve-latency" "$BIN/"
cp "${NOTICEC_BIN:-$TARGET/release/noticec}" "$BIN/noticec"

work=$BENCH_DIR/work
rm -rf "$work"
mkdir -p "$work/tmp"
trap 'rm -rf "$work"' EXIT
cp -R "$ROOT/examples/model-council" "$work/model-council"

echo "$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); $(uptime)"
# The server's preview folder goes into the work folder too (TMPDIR), so
# nothing is left behind in /tmp whatever happens.
TMPDIR=$work/tmp "$BIN/serve-latency" --noticec "$BIN/noticec" --project "$work/model-council" --runs "$RUNS"
