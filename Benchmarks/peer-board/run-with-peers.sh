#!/usr/bin/env bash
# The peer benchmark with the Thresholds engine in it, in one run:
#   1. the peer's own run.sh (../shared/bench/peer-board: hand-written Swift, expected.py,
#      CEL, ZEN, OPA, rego-cpp; it installs them from PyPI into a virtualenv under $TMPDIR),
#   2. thresholds-peer on the same generated cases (baseline copy, bound, caseload, decide, evaluate),
#   3. the peer's check.py on the engine's output, then the peer's report.py over every row,
#      so each row's "× swift-native" comes from the same run.
# Knobs are run.sh's (N, SEED, ENGINES, PEERS_BUILD, ...), plus THRESHOLDS_REPEATS [10].
# ENGINES=swift runs only the hand-written baseline beside the engine (a couple of minutes).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PEERS="$(cd "$HERE/../../.." && pwd)/shared/bench/peer-board"
export N="${N:-100000}" SEED="${SEED:-1989}"
BUILD="${PEERS_BUILD:-${TMPDIR:-/tmp}/peers-build}"
export PEERS_BUILD="$BUILD"
[ -x "$PEERS/run.sh" ] || { echo "no peer benchmark at $PEERS" >&2; exit 2; }

bash "$PEERS/run.sh"
peers_status=$?

RESULTS="$(ls -t "$BUILD"/results-*.jsonl | head -1)"
PROBE="$(ls -t "$BUILD"/probe-*.json 2>/dev/null | head -1)"
CASES="$BUILD/cases-$N-seed$SEED.jsonl"
EXPECTED="$BUILD/expected-$N-seed$SEED.jsonl"
echo "# thresholds: building thresholds-peer (release)"
(cd "$HERE/.." && swift build -c release --product thresholds-peer > /dev/null) || exit 1
echo "# thresholds: $N cases"
"$HERE/../.build/release/thresholds-peer" "$CASES" --repeats "${THRESHOLDS_REPEATS:-10}" \
    --modes native,bound,caseload,decide,evaluate --dump "$BUILD/out-thresholds.jsonl" > "$BUILD/thresholds.jsonl" || exit 1
cut -c1-160 "$BUILD/thresholds.jsonl"
python3 "$PEERS/check.py" "$EXPECTED" "$BUILD/out-thresholds.jsonl" --name thresholds || exit 1
# The in-process copy of the baseline is a cross-check of the timing, not a peer row.
grep -v '"swift-native (hand-written, in process)"' "$BUILD/thresholds.jsonl" >> "$RESULTS"

echo
echo "## Peer benchmark with Thresholds — $(date -u +%Y-%m-%d) — $(nproc) cores"
echo
python3 "$PEERS/report.py" "$RESULTS" ${PROBE:+--probe "$PROBE"}
grep '"swift-native (hand-written, in process)"' "$BUILD/thresholds.jsonl" | python3 -c '
import json, sys
for line in sys.stdin:
    us = json.loads(line)["us_per_eval"]
    print()
    print(f"In-process copy of the baseline, same run: {us:.3f} µs/eval.")'
exit $peers_status
