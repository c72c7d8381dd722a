#!/usr/bin/env bash
# Builds every fuzzer with libFuzzer and AddressSanitizer, seeds each corpus from the
# repository, and runs the fuzzers two at a time (one per core), each for SECONDS.
#
#   ./run.sh            # 30 minutes each (about an hour on 2 cores)
#   ./run.sh 60         # a one-minute smoke run of each
#
# Logs go to logs/NAME.log (libFuzzer's final stats at the end), crashes, timeouts and leaks
# to artifacts/NAME-*. Exits non-zero if any fuzzer found anything.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-1800}
repo=..

swift build -c release --sanitize fuzzer --sanitize address

rm -rf seeds && mkdir -p seeds/documents seeds/cases seeds/fixtures seeds/expressions corpus logs artifacts
cp "$repo"/Rules/*.yaml "$repo"/Tests/ThresholdsTests/Corpus/*.yaml seeds/documents/
cp "$repo"/Examples/cases/*.yaml "$repo"/Tests/ThresholdsTests/CaseCorpus/*.yaml "$repo"/Tests/ThresholdsTests/CaseCorpus/*.json seeds/cases/
i=0
for f in "$repo"/Examples/fixtures/*.yaml "$repo"/Examples/fixtures/*/*.yaml "$repo"/Tests/ThresholdsTests/FixtureCorpus/*.yaml; do
    i=$((i + 1)); cp "$f" "seeds/fixtures/$i-$(basename "$f")"
done
# Expressions: every 'when:'/'unless:' string and every condition item that reads as one.
i=0
grep -h -E '^\s*(when|unless): [^>|]' "$repo"/Rules/*.yaml "$repo"/Tests/ThresholdsTests/Corpus/*.yaml \
    | sed -E 's/^\s*(when|unless): //; s/^"(.*)"$/\1/' > seeds/expressions.txt
grep -h -E '^\s+- [a-z(].*( and | or |>=|<=|==|!=| < | > )' "$repo"/Rules/*.yaml >> seeds/expressions.txt
while IFS= read -r line; do
    i=$((i + 1)); printf '%s' "$line" > "seeds/expressions/$i"
done < seeds/expressions.txt
rm seeds/expressions.txt

run() {  # NAME SEEDS MAX_LEN
    mkdir -p "corpus/$1"
    nice -n 5 ".build/release/$1" "corpus/$1" "seeds/$2" -max_total_time="$seconds" -timeout=5 -max_len="$3" \
        -print_final_stats=1 -artifact_prefix="artifacts/$1-" > "logs/$1.log" 2>&1
}
status=0
run FuzzDocumentLoader documents 32768 & a=$!
run FuzzCaseFile cases 8192 & b=$!
wait $a || status=1; wait $b || status=1
run FuzzFixtureFile fixtures 16384 & a=$!
run FuzzExpression expressions 1024 & b=$!
wait $a || status=1; wait $b || status=1

for log in logs/*.log; do
    echo "$(basename "$log" .log): $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') executions," \
        "$(grep -E '^#[0-9]+\s+DONE' "$log" | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo 'no DONE line')"
done
ls artifacts/ 2>/dev/null | head
exit $status
