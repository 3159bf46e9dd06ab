#!/usr/bin/env bash
# Conformance of noticec's machine-facing files:
#   1. SARIF from every example validates against the official SARIF 2.1.0
#      JSON schema (from npm @microsoft/jest-sarif, with its one broken
#      language-tag regex corrected) using check-jsonschema;
#   2. every example passes taplo against schemas/notice.schema.json through
#      its `#:schema` line (what editors do);
#   3. the JSON twin of every example and of the model council validates
#      against schemas/notice-output.schema.json;
#   4. their JSON-LD twins expand offline with PyLD and name each purpose's
#      DPV legal bases (tests/conformance/jsonld-check.py);
#   5. .pre-commit-hooks.yaml passes `pre-commit validate-manifest`.
# Installs what it needs: npm packages (tests/conformance), and PyPI
# check-jsonschema, pre-commit and PyLD in a virtual environment.
#
#   tests/conformance/machine.sh NOTICEC_BINARY
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
NOTICEC="${1:?usage: machine.sh NOTICEC_BINARY}"
say() { printf 'machine: %s\n' "$*" >&2; }

cd "$HERE"
if [ ! -x node_modules/.bin/taplo ] || [ ! -f node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json ]; then
  say "npm ci"
  PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >&2
fi
VENV="$HERE/.venv"
if [ ! -x "$VENV/bin/check-jsonschema" ] || [ ! -x "$VENV/bin/pre-commit" ] || ! "$VENV/bin/python" -c 'import pyld' 2>/dev/null; then
  say "pip install check-jsonschema pre-commit pyld"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check check-jsonschema==0.37.1 pre-commit==4.5.1 PyLD==3.3.0 >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); say "FAIL $*"; }

# 1. SARIF.
sed 's/\^\[a-zA-Z\]{2}|\^\[a-zA-Z\]{2}-\[a-zA-Z\]{2}\]?\$/^[a-zA-Z]{2}(-[a-zA-Z]{2})?$/' \
  node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json > "$work/sarif-schema.json"
cd "$ROOT"
n=0
while IFS= read -r notice; do
  n=$((n + 1))
  status=0
  "$NOTICEC" check "$notice" --format sarif > "$work/$n.sarif" 2>/dev/null || status=$?
  [ "$status" -le 1 ] || { bad "noticec check $notice exited $status"; continue; }
done < <(find examples -name '*.toml' ! -name noticec.toml | sort)
if "$VENV/bin/check-jsonschema" --schemafile "$work/sarif-schema.json" "$work"/*.sarif >&2; then
  say "SARIF of $n examples is valid SARIF 2.1.0"
  ok
else
  bad "SARIF schema validation"
fi

# 2. taplo, through each file's #:schema line.
missing=$(grep -L '^#:schema ' $(find examples -name '*.toml' ! -name noticec.toml) || true)
if [ -n "$missing" ]; then
  bad "examples without a #:schema line: $missing"
elif "$HERE/node_modules/.bin/taplo" check $(find examples -name '*.toml' ! -name noticec.toml | sort) >&2; then
  say "taplo accepts every example against notice.schema.json"
  ok
else
  bad "taplo schema check"
fi

# 3. The JSON twin of every example (and of the model council) against
#    the committed schemas/notice-output.schema.json.
status=0
"$NOTICEC" build examples --format json,jsonld --allow-errors --out "$work/twins" >/dev/null 2>&1 || status=$?
"$NOTICEC" build --config examples/model-council/noticec.toml --format json,jsonld --out "$work/twins-council" >/dev/null 2>&1 || status=$(( status > 1 ? status : $? ))
twins=$(find "$work/twins" "$work/twins-council" -name '*.json' ! -name '.noticec-build.json' | sort)
if [ "$status" -gt 1 ] || [ -z "$twins" ]; then
  bad "noticec build --format json exited $status"
elif "$VENV/bin/check-jsonschema" --schemafile schemas/notice-output.schema.json $twins >&2; then
  say "the JSON twin of $(echo "$twins" | wc -l) notices matches notice-output.schema.json"
  ok
else
  bad "JSON twin schema validation"
fi

# 4. The JSON-LD twins expand offline with PyLD (a fetch is refused) and
#    name the DPV legal bases of every purpose that states one.
if "$VENV/bin/python" "$HERE/jsonld-check.py" "$work/twins" "$work/twins-council" >&2; then
  say "every JSON-LD twin expands offline and names its purposes' DPV legal bases"
  ok
else
  bad "JSON-LD twin check"
fi

# 5. pre-commit manifest.
if "$VENV/bin/pre-commit" validate-manifest .pre-commit-hooks.yaml >&2; then
  say "pre-commit manifest is valid"
  ok
else
  bad "pre-commit validate-manifest"
fi

echo "machine: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
