#!/usr/bin/env bash
# Builds every fuzzer with libFuzzer and AddressSanitizer, seeds each corpus from the
# repository, and runs the fuzzers two at a time (one per core), each for SECONDS.
#
#   ./run.sh                                   # 30 minutes each (about an hour on 2 cores)
#   ./run.sh 60                                # a one-minute smoke run of each
#   ./run.sh 1800 FuzzFixtureFile FuzzExpression   # only these
#
# Logs go to logs/NAME.log (libFuzzer's final stats at the end), crashes, timeouts and leaks
# to artifacts/NAME-*. Exits non-zero if any fuzzer found anything.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-1800}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(FuzzDocumentLoader FuzzCaseFile FuzzFixtureFile FuzzExpression)
repo=..

# Always from a clean release folder: an incremental rebuild here has been seen to relink the
# harnesses without the library's coverage instrumentation, leaving the fuzzers blind.
rm -rf .build/release .build/*-linux-gnu .build/*-apple-macosx .build/debug
# The coverage flags are explicit: '--sanitize fuzzer' alone has been seen to build harnesses
# whose library code has no coverage counters (the check below catches it).
swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
for name in "${harnesses[@]}"; do
    if [ "$(nm ".build/release/$name" | grep -c '__sancov_gen_cov')" -lt 100 ]; then
        echo "$name is not instrumented for coverage; not fuzzing blind" >&2
        exit 1
    fi
done

rm -rf seeds logs artifacts && mkdir -p seeds/documents seeds/cases seeds/fixtures seeds/expressions corpus logs artifacts
i=0
for f in "$repo"/Rules/*.yaml "$repo"/Rules/*/*.yaml "$repo"/Rules/*/*/*.yaml "$repo"/Tests/ThresholdsTests/Corpus/*.yaml \
         "$repo"/Tests/ThresholdsTests/CompositionCorpus/*/*.yaml "$repo"/Tests/ThresholdsTests/VerifyCorpus/*.yaml; do
    i=$((i + 1)); cp "$f" "seeds/documents/$i-$(basename "$f")"
done
i=0
for f in "$repo"/Examples/cases/*.yaml "$repo"/Examples/cases/*/*.yaml "$repo"/Tests/ThresholdsTests/CaseCorpus/*.yaml \
         "$repo"/Tests/ThresholdsTests/CaseCorpus/*.json; do
    i=$((i + 1)); cp "$f" "seeds/cases/$i-$(basename "$f")"
done
i=0
for f in "$repo"/Examples/fixtures/*.yaml "$repo"/Examples/fixtures/*/*.yaml "$repo"/Tests/ThresholdsTests/FixtureCorpus/*.yaml; do
    i=$((i + 1)); cp "$f" "seeds/fixtures/$i-$(basename "$f")"
done
# Expressions: every 'when:'/'unless:' string and every condition item that reads as one.
i=0
grep -h -E '^\s*(when|unless): [^>|]' "$repo"/Rules/*.yaml "$repo"/Rules/*/*.yaml "$repo"/Tests/ThresholdsTests/Corpus/*.yaml \
    | sed -E 's/^\s*(when|unless): //; s/^"(.*)"$/\1/' > seeds/expressions.txt
grep -h -E '^\s+- [a-z(].*( and | or |>=|<=|==|!=| < | > )' "$repo"/Rules/*.yaml >> seeds/expressions.txt
while IFS= read -r line; do
    i=$((i + 1)); printf '%s' "$line" > "seeds/expressions/$i"
done < seeds/expressions.txt
rm seeds/expressions.txt

declare -A seeds=([FuzzDocumentLoader]=documents [FuzzCaseFile]=cases [FuzzFixtureFile]=fixtures [FuzzExpression]=expressions)
declare -A lengths=([FuzzDocumentLoader]=32768 [FuzzCaseFile]=8192 [FuzzFixtureFile]=16384 [FuzzExpression]=1024)
run() {  # NAME
    mkdir -p "corpus/$1"
    nice -n 5 ".build/release/$1" "corpus/$1" "seeds/${seeds[$1]}" -max_total_time="$seconds" -timeout=5 \
        -max_len="${lengths[$1]}" -print_final_stats=1 -artifact_prefix="artifacts/$1-" > "logs/$1.log" 2>&1
}
status=0
# Two at a time, one per core.
for ((i = 0; i < ${#harnesses[@]}; i += 2)); do
    pids=()
    for name in "${harnesses[@]:i:2}"; do run "$name" & pids+=($!); done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
done

# A harness whose code is not instrumented learns nothing: say so rather than report a clean run.
for name in "${harnesses[@]}"; do
    if ! grep -qE 'INITED cov: [0-9]+' "logs/$name.log"; then
        echo "$name: no coverage at start: the build is not instrumented" >&2
        status=1
    fi
done

for log in logs/*.log; do
    echo "$(basename "$log" .log): $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') executions," \
        "$(grep -E '^#[0-9]+\s+DONE' "$log" | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo 'no DONE line')"
done
ls artifacts/ 2>/dev/null | head
exit $status
