#!/usr/bin/env bash
# The live preview in a browser (issue 18): `noticec serve` on a copy of the
# model council in headless Debian Chromium. The served page has the
# findings panel and passes axe-core (WCAG 2.2 A/AA) with it; after an edit
# of the notice it reloads by itself with the new content; a broken notice
# reloads to the page that says why (E002), and so does a broken
# noticec.toml; Ctrl-C stops the server and removes its folder. See
# serve-check.mjs. Prints a line per check, then `serve: N passed, M failed`.
# Exit 0 if every check passed, 1 if not, 2 if the checks could not run.
#
#   tests/conformance/serve.sh NOTICEC_BINARY
#
# Installs what it needs on a fresh Debian machine, as run.sh does: Chromium
# from apt if missing, the pinned npm packages (npm ci, no browser download).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NOTICEC="${1:?usage: serve.sh NOTICEC_BINARY}"
CHROMIUM="${CONFORMANCE_CHROMIUM:-/usr/bin/chromium}"
say() { printf 'serve: %s\n' "$*" >&2; }

[ -x "$NOTICEC" ] || { say "error: $NOTICEC is not an executable"; exit 2; }
if [ ! -x "$CHROMIUM" ]; then
  command -v apt-get >/dev/null || { say "error: $CHROMIUM missing and no apt-get"; exit 2; }
  say "apt-get install chromium"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v node >/dev/null || { say "error: node (v20 or newer) is needed"; exit 2; }

cd "$HERE"
if [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  say "npm ci"
  PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
exec node "$HERE/serve-check.mjs" "$NOTICEC"
