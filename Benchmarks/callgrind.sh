#!/usr/bin/env bash
# Instructions per case for each stage on the peer board, and per load of the generated
# 1,000-rule document, counted by callgrind (stable where wall-clock time on this machine is
# not). Usage: ./callgrind.sh [CASES]   (default: the first 2,000 generated peer cases)
set -euo pipefail
cd "$(dirname "$0")"
N="${1:-2000}"
CASES="${TMPDIR:-/tmp}/thresholds-callgrind-$N.jsonl"
[ -s "$CASES" ] || python3 ../../shared/bench/peer-board/gen_cases.py -n "$N" --seed 1989 -o "$CASES"
swift build -c release --product thresholds-peer > /dev/null
OUT="${TMPDIR:-/tmp}/thresholds-callgrind.out"
valgrind --tool=callgrind --callgrind-out-file="$OUT" .build/release/thresholds-peer "$CASES" --profile > /dev/null 2>&1
callgrind_annotate --inclusive=yes --threshold=100 "$OUT" 2>/dev/null | python3 -c '
import re, sys
n = int(sys.argv[1])
rows = {"profileNative": ("hand-written baseline, per case", n), "profileBound": ("decide a bound case, per case", n),
        "profileCaseload": ("decide a bound caseload (bit-sliced), per case", n),
        "profileDecide": ("decide from the case model, per case", n), "profileEvaluate": ("evaluate, explained, per case", n),
        "profileScan": ("raw libyaml scan of the 1,000-rule document", 1), "profileLoad": ("load and check the same document", 1),
        "profileExample": ("the example board, evaluate, explained, per example case", int(sys.argv[2]) * 100)}
found = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+\S*:\$s15thresholds_peer\d*(profile\w+?)yy", line)
    if m and m.group(2) in rows and m.group(2) not in found:
        found[m.group(2)] = int(m.group(1).replace(",", ""))
base = found.get("profileNative", 0) / n
scan = found.get("profileScan", 0)
print("| stage | instructions | ratio |")
print("| --- | ---: | ---: |")
for key, (label, count) in rows.items():
    if key not in found: continue
    per = found[key] / count
    if key == "profileExample":
        print(f"| {label} | {per:,.0f} | (its own board) |")
        continue
    ratio = per / base if count == n and base else (per / scan if scan else 0)
    print(f"| {label} | {per:,.0f} | {ratio:,.2f}× |")
' "$N" "$(ls ../Examples/cases/*.yaml | wc -l)"
