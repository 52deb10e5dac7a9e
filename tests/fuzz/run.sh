#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang and runs each for a bounded time:
#
#     tests/fuzz/run.sh [SECONDS_PER_TARGET]     (default 60)
#
# Each target starts from its seed corpus in tests/fuzz/corpus, copied into the build
# directory so that what the fuzzer learns stays there and the repository does not change.
# Exits non-zero when any target crashes, trips a sanitizer or breaks an invariant; the input
# that did it is left in build-fuzz/findings/<target>/ for a regression test.
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}
targets="serveraddress memberprofile pluginsparser"

packaging/install-build-deps.sh --fuzz

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
    -DCMAKE_CXX_COMPILER=clang++-14 -DNEKOEDITOR_FUZZ=ON
cmake --build "$build" --parallel "$(nproc)" --target $(printf 'fuzz_%s ' $targets)

failed=""
for target in $targets; do
    corpus="$build/corpus/$target"
    findings="$build/findings/$target"
    log="$build/findings/$target.log"
    dict=tests/fuzz/json.dict
    [ "$target" = serveraddress ] && dict=tests/fuzz/serveraddress.dict
    rm -rf "$findings"
    mkdir -p "$corpus" "$findings"
    cp tests/fuzz/corpus/"$target"/* "$corpus"/

    echo "Fuzzing $target for $seconds s"
    status=0
    "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -dict="$dict" \
        -artifact_prefix="$findings/" "$corpus" >"$log" 2>&1 || status=$?

    # The last status line has the coverage (cov, ft) and the corpus size; the next line the
    # duration; the final stats the speed.
    grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$log" || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true

    if [ "$status" -ne 0 ] || [ -n "$(ls -A "$findings")" ]; then
        tail -n 40 "$log"
        echo "FINDING in $target (exit status $status): $(ls "$findings" | tr '\n' ' ')"
        failed="$failed $target"
    fi
done

if [ -n "$failed" ]; then
    echo "The fuzzers found problems in:$failed. Logs and inputs are in $build/findings."
    exit 1
fi
echo "No findings."
