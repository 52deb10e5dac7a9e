#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the app and its benchmarks in Release and prints one table: each figure, its value,
# its target, the ratio to the target and whether it is met. A miss never fails the script;
# only a benchmark that cannot run does.
#
# BUILD_DIR (default build-bench) and RUNS (start-up runs per program, default 15) change it.
set -eu
cd "$(dirname "$0")/../.."
build=${BUILD_DIR:-build-bench}
runs=${RUNS:-15}

packaging/install-build-deps.sh --benchmarks >/dev/null
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target neko-profile-editor bench_startup \
    bench_baseline_window bench_reference_window bench_network_window bench_plugins_editor \
    bench_round_trip >/dev/null

bench="$build/tests/benchmarks"
app="$build/neko-profile-editor"
log="$build/benchmarks.log"
: >"$log"

# What Qt says along the way goes to the log, not into the table. The first argument names the
# platform; the rest is the command that runs the benchmark on it.
startup() {
    label=$1
    shift
    "$@" "$bench/bench_startup" "$app" "$bench/bench_baseline_window" \
        "$bench/bench_reference_window" "$bench/bench_network_window" "$runs" "$label" \
        2>>"$log"
}

echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)." \
    "Start-up: medians of $runs runs of each program, taken in turn."
"$bench/bench_startup" --header
startup offscreen env QT_QPA_PLATFORM=offscreen
if command -v Xvfb >/dev/null 2>&1; then
    startup xcb xvfb-run -a -s "-screen 0 1280x1024x24" env QT_QPA_PLATFORM=xcb
else
    echo "(no Xvfb: no start-up figures for xcb)"
fi
QT_QPA_PLATFORM=offscreen "$bench/bench_plugins_editor" 2>>"$log"
QT_QPA_PLATFORM=offscreen "$bench/bench_round_trip" 2>>"$log"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). Qt's messages: $log"
