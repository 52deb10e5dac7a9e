#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds everything and runs the whole test suite headless:
# the command the README gives, and the one CI runs.
set -eu
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

packaging/install-build-deps.sh --tests

# Prism checks our requests against neko's OpenAPI spec. 5.14 is the newest release that
# runs on the Node.js of Debian 12.
if [ ! -x "$build/prism/node_modules/.bin/prism" ]; then
    mkdir -p "$build/prism"
    npm install --prefix "$build/prism" --no-save --no-audit --no-fund --loglevel=error \
        @stoplight/prism-cli@5.14.2
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build "$build" --parallel "$(nproc)"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build" --output-on-failure
