#!/usr/bin/env bash
# The Markdown pages as a CMS renders them.
#
#   tests/conformance/markdown.sh DIR
#
# Renders every *.md file under DIR (recursively) with Debian's `cmark
# --unsafe`, which passes raw HTML through as many CMS Markdown filters do,
# and fails if the result has anything that could run script: a <script>,
# <iframe>, <object>, <embed>, <img>, <svg>, <form> or similar element, an
# on* attribute, or a javascript:, vbscript: or data: address (after
# entities are decoded), or if a paragraph starts with "|" (a GitHub pipe
# table, which CommonMark shows as a paragraph of bars: noticec writes
# tables as lists unless --markdown gfm). Prints each problem, then
# `markdown: N passed, M failed`. Exit 0 if every page is inert, 1 if not,
# 2 on usage or tool errors. Installs cmark from apt if it is missing.
set -euo pipefail

say() { printf 'markdown: %s\n' "$*" >&2; }
[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: $0 DIR" >&2; exit 2; }
DIR="$1"

if ! command -v cmark >/dev/null; then
  command -v apt-get >/dev/null || { say "error: cmark missing and no apt-get"; exit 2; }
  say "apt-get install cmark"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cmark >/dev/null
fi
command -v python3 >/dev/null || { say "error: python3 is needed"; exit 2; }

passed=0
failed=0
while IFS= read -r -d '' page; do
  if cmark --unsafe "$page" | python3 -c '
import sys
from html.parser import HTMLParser

ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
          "img", "svg", "math", "base", "form", "input", "button", "link",
          "video", "audio", "source", "template", "portal", "style", "meta"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data",
             "poster", "background", "ping"}
problems = []

class Check(HTMLParser):
    paragraph = False
    def handle_endtag(self, tag):
        self.paragraph = False
    def handle_data(self, data):
        if self.paragraph and data.lstrip().startswith("|"):
            problems.append("a pipe table shown as a paragraph: " + data.strip()[:60])
        self.paragraph = False
    def handle_starttag(self, tag, attrs):
        self.paragraph = tag == "p"
        if tag in ACTIVE:
            problems.append(f"active element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"event handler {name} on <{tag}>")
            if name in URL_ATTRS and value is not None:
                bare = "".join(c for c in value if not c.isspace() and ord(c) >= 32).lower()
                if bare.startswith(("javascript:", "vbscript:", "data:", "livescript:")):
                    problems.append(f"script address {name}=\"{value}\" on <{tag}>")
    handle_startendtag = handle_starttag

Check(convert_charrefs=True).feed(sys.stdin.read())
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
' > /tmp/markdown-check.$$; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $page"
    cat /tmp/markdown-check.$$
  fi
done < <(find "$DIR" -name '*.md' -type f -print0 | sort -z)
rm -f /tmp/markdown-check.$$
echo "markdown: $passed passed, $failed failed"
[ "$passed" -gt 0 ] || { say "error: no Markdown pages under $DIR"; exit 2; }
[ "$failed" -eq 0 ]
