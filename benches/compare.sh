#!/usr/bin/env bash
# Whole-process benchmark of noticec against its peers (issue 7).
#
#   benches/compare.sh             # 1,000 and 10,000 notices, prints a Markdown table
#   SIZES=1000 benches/compare.sh  # only the 1,000-notice corpus (quick)
#
# On a fresh Debian machine it installs what it needs: Hugo (Debian's
# `hugo`, with --no-install-recommends), GNU time (`time`) and, if it can,
# hyperfine. It builds noticec and the examples `gen-corpus` and `probe` in
# release mode, copies the binaries aside (so a concurrent `cargo build`
# cannot swap them mid-run), generates the corpora with
# `gen-corpus --seed $SEED`, and then, in one run, measures:
#
#   - Hugo, one site build of the Markdown corpus (HTML only);
#   - the probe: bare pulldown-cmark + minijinja with rayon (no TOML, no checks);
#   - `cat` of the TOML corpus;
#   - `noticec build` to all three formats, with full validation;
#   - `noticec build --format html`;
#   - a no-change rebuild: `noticec build` again into the same output folder,
#     with the verdicts the full build left in the cache;
#   - a warm build: `noticec build` into an empty output folder with those
#     verdicts in the cache (CI restoring its cache on a fresh checkout);
#   - `noticec check` of one notice (whole process, many runs), checked
#     afresh (`--no-cache`) and with its verdict in the cache, and
#     `noticec --version` the same way (the cost of starting the program);
#   - the findings corpus: as many notices as the clean corpus, copies of
#     the five seed ports (every one has findings), built with
#     --allow-errors and the human diagnostics written to a file, and again
#     warm (empty output folder, its verdicts in the cache).
#
# Each build starts from an empty output folder and an empty verdict cache
# (removed and synced outside the timed region), except the rebuild and the
# warm builds, which keep the cache; the
# cache is $BENCH_DIR/.noticec-cache (NOTICEC_CACHE_DIR). Runs are interleaved round by round
# (Hugo, probe, cat, noticec …, then again), so background noise spreads over
# every tool alike; each figure is the median wall time of RUNS_1K / RUNS_10K
# runs, and peak memory is the largest maximum RSS `/usr/bin/time -v` saw.
#
# Everything is written below $BENCH_DIR (default target/bench), never into
# the repository's sources. Settings (environment):
#   BENCH_DIR    work folder (corpora, outputs, binaries, results)   [target/bench]
#   OUT_ROOT     where builds write (e.g. /dev/shm/noticec-bench)    [$BENCH_DIR/out]
#   SIZES        corpus sizes                                        ["1000 10000"]
#   RUNS_1K      runs per tool at 1,000 notices                      [5]
#   RUNS_10K     runs per tool at 10,000 notices                     [5]
#   CHECK_RUNS   runs of `noticec check` on one notice               [50]
#   SEED         corpus seed                                         [7]
#   NOTICEC_BIN  a noticec binary to measure instead of building this tree's
#                (e.g. one built from another commit, to compare before/after)
#   NOTICEC_LABEL  how the table names the noticec measured     [git commit]
#   ALLOW_ERRORS=1  pass --allow-errors to noticec build
#   NOTICEC_TODAY   date review periods are measured to              [2026-11-23]
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench}
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd) # noticec runs there (see below)
OUT_ROOT=${OUT_ROOT:-$BENCH_DIR/out}
mkdir -p "$OUT_ROOT"
OUT_ROOT=$(cd "$OUT_ROOT" && pwd)
SIZES=${SIZES:-"1000 10000"}
RUNS_1K=${RUNS_1K:-5}
RUNS_10K=${RUNS_10K:-5}
CHECK_RUNS=${CHECK_RUNS:-50}
SEED=${SEED:-7}
export NOTICEC_TODAY=${NOTICEC_TODAY:-2026-11-23}
ALLOW=()
[[ ${ALLOW_ERRORS:-0} == 1 ]] && ALLOW=(--allow-errors)

say() { printf '%s\n' "$*" >&2; }
die() { say "compare.sh: $*"; exit 1; }

# --- tools ------------------------------------------------------------------

missing=()
command -v hugo >/dev/null || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})) || ! command -v hyperfine >/dev/null; then
    SUDO=()
    [[ $(id -u) == 0 ]] || SUDO=(sudo)
    if ((${#missing[@]})); then
        say "installing ${missing[*]} (Debian packages)"
        "${SUDO[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
        DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends hyperfine >&2 \
            || say "hyperfine is not available; timing noticec check with a shell loop"
    fi
fi
command -v hugo >/dev/null || die "hugo is not installed"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is not installed"

# --- build ------------------------------------------------------------------

say "building noticec, gen-corpus and probe (release)"
(cd "$ROOT" && cargo build --release --quiet --bin noticec --example gen-corpus --example probe)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$BENCH_DIR/bin
mkdir -p "$BIN"
cp "$TARGET/release/examples/gen-corpus" "$TARGET/release/examples/probe" "$BIN/"
cp "${NOTICEC_BIN:-$TARGET/release/noticec}" "$BIN/noticec"
NOTICEC=$BIN/noticec

# --- corpora ----------------------------------------------------------------

# A corpus is regenerated when the seed or the generator changed.
stamp_of() { printf 'seed=%s count=%s gen=%s\n' "$SEED" "$1" "$(cksum < "$ROOT/benches/tools/gen_corpus.rs")"; }
for n in $SIZES; do
    toml=$BENCH_DIR/corpus-$n
    hugo_site=$BENCH_DIR/hugo-$n
    if [[ ! -f $toml/.stamp || $(cat "$toml/.stamp") != "$(stamp_of "$n")" ]]; then
        say "generating $n notices"
        rm -rf "$toml" "$hugo_site"
        "$BIN/gen-corpus" --count "$n" --seed "$SEED" --out "$toml" --markdown "$hugo_site"
        stamp_of "$n" > "$toml/.stamp"
    fi
    # The clean corpus must be clean under today's rules: with a finding in
    # most notices the "clean" rows would time diagnostics too, and
    # "findings ÷ clean" would compare findings with findings.
    found=$("$NOTICEC" check "$toml" --no-cache --deny-warnings --format concise 2>&1) ||
        die "the clean corpus of $n notices has findings (fix benches/tools/gen_corpus.rs):
$(printf '%s\n' "$found" | cut -d' ' -f2- | sort | uniq -c | sort -rn | head -5)"
done

# The findings corpus: copies of the five real seed ports in
# examples/seeds, each in its own folder so outputs do not clash.
for n in $SIZES; do
    findings=$BENCH_DIR/findings-$n
    stamp="count=$n seeds=$(cat "$ROOT"/examples/seeds/*.toml | cksum)"
    if [[ ! -f $findings/.stamp || $(cat "$findings/.stamp") != "$stamp" ]]; then
        say "copying the seed ports $n times over"
        rm -rf "$findings"
        seeds=("$ROOT"/examples/seeds/*.toml)
        for ((i = 0; i < n; i++)); do
            dir=$findings/batch-$((i / 500))/copy-$i
            mkdir -p "$dir"
            cp "${seeds[i % ${#seeds[@]}]}" "$dir/"
        done
        echo "$stamp" > "$findings/.stamp"
    fi
done

# --- measuring ----------------------------------------------------------------

RESULTS=$BENCH_DIR/results
rm -rf "$RESULTS"
mkdir -p "$RESULTS" "$OUT_ROOT"

# measure KEY CMD... : one timed run; appends wall ms to KEY.ms and max RSS KiB to KEY.rss.
# With OK_STATUS=1, exit code 1 (findings) counts as success.
measure() {
    local key=$1
    shift
    local t0 t1 status=0
    t0=$EPOCHREALTIME
    /usr/bin/time -v -o "$RESULTS/$key.time" "$@" > "$RESULTS/$key.stdout" 2> "$RESULTS/$key.stderr" || status=$?
    t1=$EPOCHREALTIME
    if ((status == 1)) && [[ ${OK_STATUS:-0} == 1 ]]; then
        status=0
    fi
    if ((status != 0)); then
        tail -n 20 "$RESULTS/$key.stderr" >&2
        die "$key failed (exit $status): $*"
    fi
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }' >> "$RESULTS/$key.ms"
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$RESULTS/$key.time" >> "$RESULTS/$key.rss"
}

export NOTICEC_CACHE_DIR=$BENCH_DIR/.noticec-cache
fresh() { rm -rf "$1" "$NOTICEC_CACHE_DIR"; sync; }
# leave_cache DIR: an empty output folder, the verdict cache kept.
leave_cache() { rm -rf "$1"; sync; }
cd "$BENCH_DIR"

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maxof() { sort -n "$1" | tail -n 1; }

cat_corpus() { find "$1" -name '*.toml' -type f -exec cat {} + > /dev/null; }
export -f cat_corpus

for n in $SIZES; do
    runs=$RUNS_1K
    ((n >= 10000)) && runs=$RUNS_10K
    toml=$BENCH_DIR/corpus-$n
    site=$BENCH_DIR/hugo-$n
    out=$OUT_ROOT/$n
    cat_corpus "$toml" # warm the page cache
    cat_corpus "$site/content"
    for ((r = 1; r <= runs; r++)); do
        say "$n notices: round $r of $runs"
        fresh "$out/hugo"
        measure "hugo-$n" hugo --quiet --source "$site" --destination "$out/hugo"
        fresh "$out/probe"
        measure "probe-$n" "$BIN/probe" --input "$site/content/notices" --out "$out/probe"
        measure "cat-$n" bash -c 'cat_corpus "$1"' _ "$toml"
        fresh "$out/all"
        measure "all-$n" "$NOTICEC" build "$toml" --out "$out/all" "${ALLOW[@]}"
        touch "$RESULTS/rebuild-$n.since"
        sleep 1 # so that a rewritten file is newer than the mark
        measure "rebuild-$n" "$NOTICEC" build "$toml" --out "$out/all" "${ALLOW[@]}"
        find "$out/all" -type f -newer "$RESULTS/rebuild-$n.since" | wc -l >> "$RESULTS/rebuild-$n.rewritten"
        # As in CI with the cache restored on a fresh checkout: the
        # verdicts are in the cache, the output folder is not there.
        leave_cache "$out/warm"
        measure "warm-$n" "$NOTICEC" build "$toml" --out "$out/warm" "${ALLOW[@]}"
        fresh "$out/html"
        measure "html-$n" "$NOTICEC" build "$toml" --out "$out/html" --format html "${ALLOW[@]}"
        fresh "$out/findings"
        OK_STATUS=1 measure "findings-$n" "$NOTICEC" build "$BENCH_DIR/findings-$n" --out "$out/findings" --allow-errors
        leave_cache "$out/findings-warm"
        OK_STATUS=1 measure "findings-warm-$n" "$NOTICEC" build "$BENCH_DIR/findings-$n" --out "$out/findings-warm" --allow-errors
    done
    published=$(find "$out/all" -name '*.html' ! -name 'index.html' | wc -l)
    ((published == n)) || say "warning: noticec published $published of $n notices (ALLOW_ERRORS=1 publishes all)"
    grep -h "built" "$RESULTS/all-$n.stderr" | tail -n 1 >&2 || true
done

# noticec check of one notice: whole process, wall time.
one=$BENCH_DIR/corpus-$(set -- $SIZES; echo "$1")/batch-000/notice-00000.toml
say "noticec check of one notice, $CHECK_RUNS runs afresh and $CHECK_RUNS from the cache"
fresh "$OUT_ROOT/none"
"$NOTICEC" check "$one" > /dev/null 2>&1 || say "warning: $one does not pass noticec check"
# time_check KEY ARGS...: CHECK_RUNS timed runs of `noticec ARGS` into KEY.ms, peak into KEY.rss.
time_check() {
    local key=$1
    shift
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 5 --runs "$CHECK_RUNS" --export-json "$RESULTS/$key.json" \
            "$NOTICEC $*" > /dev/null 2>&1 || hyperfine --warmup 5 --runs "$CHECK_RUNS" \
            --export-json "$RESULTS/$key.json" "$NOTICEC $*" > /dev/null
        tr -d '\n ' < "$RESULTS/$key.json" | grep -o '"times":\[[^]]*\]' | sed 's/"times":\[//; s/\]//' \
            | tr ',' '\n' | awk '{ printf "%.3f\n", $1 * 1000 }' > "$RESULTS/$key.ms"
        check_how="hyperfine -N, $CHECK_RUNS runs"
    else
        for ((i = 0; i < CHECK_RUNS + 5; i++)); do
            t0=$EPOCHREALTIME
            "$NOTICEC" "$@" > /dev/null 2>&1 || true
            t1=$EPOCHREALTIME
            ((i < 5)) || awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }' >> "$RESULTS/$key.ms"
        done
        check_how="shell loop, $CHECK_RUNS runs"
    fi
    /usr/bin/time -v -o "$RESULTS/$key.time" "$NOTICEC" "$@" > /dev/null 2>&1 || true
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$RESULTS/$key.time" > "$RESULTS/$key.rss"
}
time_check check check --no-cache "$one"
time_check check-cached check "$one"
# The floor under both: starting the program and printing its version. The
# machine's speed moves from hour to hour; this row shows how much of a
# check in this run was the process itself.
time_check start --version

# --- report -------------------------------------------------------------------

secs() { awk -v ms="$1" 'BEGIN { s = ms / 1000; if (s < 10) printf "%.2f s", s; else printf "%.1f s", s }'; }
mem() { awk -v k="$1" 'BEGIN { m = k / 1024; if (m >= 1024) printf "%.1f GiB", m / 1024; else if (m >= 10) printf "%.0f MiB", m; else printf "%.1f MiB", m }'; }
cell() { # KEY SIZE -> median time or —
    local f=$RESULTS/$1-$2.ms
    if [[ -s $f ]]; then secs "$(median "$f")"; else printf '—'; fi
}
peak() { # KEY -> peak RSS at the largest size
    local f=$RESULTS/$1-$BIG.rss
    if [[ -s $f ]]; then mem "$(maxof "$f")"; else printf '—'; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "?" }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then printf 'met'; else printf '**not met**'; fi; }

SMALL=$(set -- $SIZES; echo "$1")
BIG=$(set -- $SIZES; eval echo "\${$#}")
hugo_version=$(hugo version | sed -E 's/^hugo v([0-9.]+).*/\1/')
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
if [[ -n ${NOTICEC_LABEL:-} ]]; then
    rev=$NOTICEC_LABEL
elif [[ -n ${NOTICEC_BIN:-} ]]; then
    rev=$NOTICEC_BIN
else
    rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    git -C "$ROOT" diff --quiet HEAD -- src templates Cargo.toml 2>/dev/null || rev="$rev (with uncommitted changes)"
fi
corpus_mb=$(du -sm --apparent-size "$BENCH_DIR/corpus-$SMALL" | cut -f1)
thousands() { echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }
header_small=$(thousands "$SMALL")
header_big=$(thousands "$BIG")
row() { # LABEL KEY [nomem]: one table row, a column per size and the peak memory
    local line="| $1 |" n
    for n in $SIZES; do line+=" $(cell "$2" "$n") |"; done
    if [[ ${3:-} == nomem ]]; then echo "$line — |"; else echo "$line $(peak "$2") |"; fi
}
check_ms=$(median "$RESULTS/check.ms")
check_cached_ms=$(median "$RESULTS/check-cached.ms")
rewritten=$(maxof "$RESULTS/rebuild-$BIG.rewritten" 2>/dev/null || echo "?")

{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ { print $2 }') GiB;"
    echo "noticec $rev; corpus seed $SEED, $header_small notices = $corpus_mb MB of TOML;"
    echo "outputs to $OUT_ROOT; load average before the report: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    head="| tool |"
    rule="|---|"
    for n in $SIZES; do
        head+=" $(thousands "$n") notices |"
        rule+="---|"
    done
    echo "$head peak memory at $header_big |"
    echo "$rule---|"
    row "Hugo $hugo_version (Debian), one site build, HTML only" hugo
    row "bare pulldown-cmark + minijinja, rayon (no TOML, no checks)" probe
    row "\`cat\` of the corpus" cat nomem
    row "\`noticec build\`, html + md + txt, full validation" all
    row "\`noticec build --format html\`" html
    row "\`noticec build\` again, nothing changed (no-change rebuild)" rebuild
    row "\`noticec build\` into an empty folder, the verdicts in the cache (CI with a restored cache)" warm
    row "\`noticec build --allow-errors\` of the findings corpus (seed ports, diagnostics to a file)" findings
    row "the same into an empty folder, the verdicts in the cache" findings-warm
    for key in check check-cached start; do
        case $key in
            check) what="\`noticec check\` of one notice, checked afresh (\`--no-cache\`)" ;;
            check-cached) what="\`noticec check\` of one notice, its verdict in the cache" ;;
            start) what="\`noticec --version\` (starting the program, the floor of both)" ;;
        esac
        ms=$(median "$RESULTS/$key.ms")
        line="| $what, whole process ($check_how) | $(awk -v m="$ms" 'BEGIN { printf "%.1f ms", m }') |"
        for n in $SIZES; do [[ $n == "$SMALL" ]] || line+=" — |"; done
        echo "$line $(mem "$(cat "$RESULTS/$key.rss")") |"
    done
    echo
    echo "Wall time, median of $RUNS_1K runs below 10,000 notices and $RUNS_10K runs at 10,000 or more; peak memory is the largest maximum RSS of those runs (\`/usr/bin/time -v\`)."
    echo
    hugo_ms=$(median "$RESULTS/hugo-$BIG.ms")
    all_ms=$(median "$RESULTS/all-$BIG.ms")
    html_ms=$(median "$RESULTS/html-$BIG.ms")
    probe_ms=$(median "$RESULTS/probe-$BIG.ms")
    rebuild_ms=$(median "$RESULTS/rebuild-$BIG.ms")
    # The memory targets hold with and without the verdicts in the cache.
    all_rss=$(cat "$RESULTS/all-$BIG.rss" "$RESULTS/warm-$BIG.rss" | sort -n | tail -n 1)
    findings_ms=$(median "$RESULTS/findings-$BIG.ms")
    findings_rss=$(cat "$RESULTS/findings-$BIG.rss" "$RESULTS/findings-warm-$BIG.rss" | sort -n | tail -n 1)
    diagnostics_mb=$(du -m "$RESULTS/findings-$BIG.stderr" | cut -f1)
    speedup=$(ratio "$hugo_ms" "$all_ms")
    vs_probe=$(ratio "$html_ms" "$probe_ms")
    rebuild_share=$(ratio "$rebuild_ms" "$all_ms")
    echo "| target (at $header_big notices) | measured | |"
    echo "|---|---|---|"
    echo "| \`noticec build\` (all formats) ≥ 5× faster than Hugo (HTML only) | Hugo ÷ noticec = ${speedup}× | $(verdict "$speedup >= 5") |"
    echo "| \`noticec build --format html\` within 1.5× of the probe | noticec ÷ probe = ${vs_probe}× | $(verdict "$vs_probe <= 1.5") |"
    echo "| peak memory of \`noticec build\` < 64 MiB (verdicts cached or not) | $(mem "$all_rss") | $(verdict "$all_rss < 65536") |"
    echo "| \`noticec check\` of one notice < 5 ms | afresh $(awk -v m="$check_ms" 'BEGIN { printf "%.1f ms", m }'), from the cache $(awk -v m="$check_cached_ms" 'BEGIN { printf "%.1f ms", m }') | $(verdict "$check_ms < 5") |"
    echo "| no-change rebuild < 1/10 of a full build, writing nothing | rebuild ÷ full = ${rebuild_share}; $rewritten files rewritten | $(verdict "$rebuild_share < 0.1 && $rewritten == 0") |"
    echo "| findings corpus at least as fast as Hugo ($diagnostics_mb MB of diagnostics) | findings ÷ Hugo = $(ratio "$findings_ms" "$hugo_ms") | $(verdict "$findings_ms <= $hugo_ms") |"
    echo "| findings corpus ≤ 1.5× the clean corpus | findings ÷ clean = $(ratio "$findings_ms" "$all_ms") | $(verdict "$findings_ms <= 1.5 * $all_ms") |"
    echo "| peak memory of the findings build < 64 MiB (verdicts cached or not) | $(mem "$findings_rss") | $(verdict "$findings_rss < 65536") |"
} | tee "$RESULTS/table.md"
say "raw timings in $RESULTS"
