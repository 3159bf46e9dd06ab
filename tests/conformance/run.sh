#!/usr/bin/env bash
# Conformance checks for the HTML pages noticec generates.
#
#   tests/conformance/run.sh [--no-script] DIR
#
# Checks every *.html file under DIR (recursively) with
#   1. the Nu HTML Checker (npm vnu-jar, system Java 17), errors only,
#   2. axe-core (WCAG 2.0/2.1/2.2 A and AA) in headless Debian Chromium at
#      1280 px, and
#   3. a phone-width (reflow) check in the same browser: at 390 px (a phone)
#      and 320 px (WCAG 1.4.10) wide the page may not scroll sideways
#      (document scrollWidth > viewport width, no tolerance, is a failure
#      that names the width and the widest elements past the right edge),
# and with --no-script also
#   4. that no JavaScript runs on the page and none could (no <script>,
#      no on* attribute, no javascript: URL, ...).
# Prints every problem with file, rule, message and HTML snippet, a line
# `conformance: pages failing: vnu N, axe N, script N, reflow N; ...`, then
# the line `conformance: N passed, M failed`. Exit 0 if every page is clean,
# 1 if any page failed, 2 on usage or tool errors.
#
# Environment:
#   SCREENSHOTS=DIR     also save a full-page PNG of every page at 390 px
#                       and at 1280 px wide into DIR, keeping the pages'
#                       folders: DIR/seeds/council.390.png, .1280.png
#                       (DIR is created; existing files are overwritten).
#   REFLOW_WIDTHS="390 320"  the widths of check 3; empty skips it.
#
# Installs what it needs on a fresh Debian machine (run as root): Chromium
# and Java 17 from apt if missing, the pinned npm packages into
# tests/conformance/node_modules. No package may download a browser.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHROMIUM=/usr/bin/chromium

say() { printf 'conformance: %s\n' "$*" >&2; }
fail() { say "error: $*"; exit 2; }
usage() {
  echo "usage: $0 [--no-script] DIR" >&2
  exit 2
}

# ------------------------------------------------------------- arguments
NO_SCRIPT=()
DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-script) NO_SCRIPT=(--no-script); shift ;;
    -h|--help) usage ;;
    --) shift; [ $# -eq 1 ] || usage; DIR="$1"; shift ;;
    -*) say "unknown option $1"; usage ;;
    *) [ -z "$DIR" ] || usage; DIR="$1"; shift ;;
  esac
done
[ -n "$DIR" ] || usage
[ -d "$DIR" ] || fail "$DIR is not a directory"

# ------------------------------------------------------- system packages
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || fail "apt-get not found; install $* by hand"
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

java_ok() {
  command -v java >/dev/null || return 1
  # e.g. openjdk version "17.0.15" 2025-04-15
  local v
  v="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  [ -n "$v" ] && [ "$v" -ge 17 ]
}
java_ok || apt_install openjdk-17-jre-headless
java_ok || fail "Java 17 or newer is needed for the Nu HTML Checker"

[ -x "$CHROMIUM" ] || apt_install chromium
[ -x "$CHROMIUM" ] || fail "$CHROMIUM is still missing after installing chromium"

command -v node >/dev/null || fail "node (v20 or newer) is needed"
command -v npm >/dev/null || fail "npm is needed"

# ---------------------------------------------------------- npm packages
# Reinstall when package.json / package-lock.json change (stamp = their hash).
STAMP="$HERE/node_modules/.conformance-stamp"
WANT="$(cat "$HERE/package.json" "$HERE"/package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 CHROMEDRIVER_SKIP_DOWNLOAD=true
  if [ -f "$HERE/package-lock.json" ]; then
    say "npm ci (in $HERE)"
    (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
  else
    say "npm install (in $HERE; no package-lock.json)"
    (cd "$HERE" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
  fi
  echo "$WANT" >"$STAMP"
fi
VNU_JAR="$HERE/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$VNU_JAR" ] || fail "$VNU_JAR missing after npm install"

# ----------------------------------------------------------------- pages
PAGES=()
while IFS= read -r -d '' f; do PAGES+=("$f"); done \
  < <(find "$DIR" -type f -name '*.html' -print0 | LC_ALL=C sort -z)
if [ "${#PAGES[@]}" -eq 0 ]; then
  say "no *.html files under $DIR"
  echo "conformance: 0 passed, 0 failed"
  exit 2
fi
say "checking ${#PAGES[@]} page(s) under $DIR"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# --------------------------------------------------------- Nu HTML Checker
# JSON goes to stderr; exit 1 means the pages have errors, anything else
# means the checker itself failed.
ABS_PAGES=()
for f in "${PAGES[@]}"; do ABS_PAGES+=("$(realpath "$f")"); done
VNU_RC=0
java -jar "$VNU_JAR" --errors-only --format json "${ABS_PAGES[@]}" \
  2>"$TMP/vnu.json" >"$TMP/vnu.out" || VNU_RC=$?
if [ "$VNU_RC" -ne 0 ] && [ "$VNU_RC" -ne 1 ]; then
  cat "$TMP/vnu.out" "$TMP/vnu.json" >&2
  fail "the Nu HTML Checker failed (exit $VNU_RC)"
fi

# ---------------------- reflow, axe-core (and no-script) + the report
EXTRA=(--reflow-widths "${REFLOW_WIDTHS-390 320}")
if [ -n "${SCREENSHOTS:-}" ]; then
  mkdir -p "$SCREENSHOTS" || fail "cannot create SCREENSHOTS=$SCREENSHOTS"
  EXTRA+=(--screenshots "$SCREENSHOTS")
  say "screenshots at 390 and 1280 px into $SCREENSHOTS"
fi
RC=0
node "$HERE/axe-check.mjs" "${NO_SCRIPT[@]}" "${EXTRA[@]}" --vnu-json "$TMP/vnu.json" -- "${PAGES[@]}" || RC=$?
exit "$RC"
