#!/usr/bin/env bash
# Execute examples/framelens.ipynb headlessly on the Deno kernel and fail if a cell fails or the
# report's HTML output is missing. Needs Debian's jupyter-nbconvert, python3-nbclient and
# jupyter-client (apt) and a built package (npm run build; done here when dist/ is missing).
#
#   scripts/check-notebook.sh            # executed copy in test-output/framelens.executed.ipynb
set -euo pipefail
cd "$(dirname "$0")/.."

notebook=examples/framelens.ipynb
out_dir=test-output
executed=framelens.executed.ipynb

command -v jupyter >/dev/null || { echo "check-notebook: jupyter not found (apt-get install jupyter-nbconvert python3-nbclient jupyter-client)" >&2; exit 1; }
[ -f dist/index.js ] || npm run build --silent

# The kernel spec records the deno binary's absolute path: install it for this checkout.
npx deno jupyter --install --force >/dev/null 2>&1

mkdir -p "$out_dir"
rm -f "$out_dir/$executed"
# A failing cell makes nbconvert exit non-zero, which ends the script here.
NO_COLOR=1 jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=deno --ExecutePreprocessor.timeout=180 \
  --output-dir "$out_dir" --output "$executed" "$notebook"

python3 - "$out_dir/$executed" <<'PY'
import json, sys

path = sys.argv[1]
notebook = json.load(open(path, encoding="utf-8"))
problems = []
html = []
for index, cell in enumerate(notebook["cells"]):
    if cell["cell_type"] != "code":
        continue
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            problems.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
        data = output.get("data", {})
        if "text/html" in data:
            value = data["text/html"]
            html.append("".join(value) if isinstance(value, list) else value)

def has(needle):
    return any(needle in page for page in html)

if not has('<div class="fl">'):
    problems.append("no framelens HTML output")
if not has("Framing scores per article"):
    problems.append("the story comparison is missing")
if not has('<div class="fl-text">') or not has('<mark class="fl-m'):
    problems.append("the highlighted article is missing")
if any("<script" in page.lower() for page in html):
    problems.append("an HTML output holds a <script> element")
if problems:
    print("check-notebook: " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"check-notebook: {len(html)} HTML output(s) in {path}")
PY
