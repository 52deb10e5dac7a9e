#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs, from Debian's archive, what building Neko Profile Editor needs and the machine
# lacks. With --tests it adds what the test suite needs: Qt HTTP Server for the fake neko
# server, clang-format for the style check, openssl for test certificates and Node.js for the
# contract test. --benchmarks adds to that Xvfb, for start-up figures on a real X server.
set -eu

tests=""
benchmarks=""
for option in "$@"; do
    case "$option" in
    --tests) tests=1 ;;
    --benchmarks) tests=1 benchmarks=1 ;;
    *)
        echo "usage: $0 [--tests] [--benchmarks]" >&2
        exit 2
        ;;
    esac
done

packages="cmake ninja-build g++ qt6-base-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-svg-dev libgl-dev libxkbcommon-dev"
if [ -n "$benchmarks" ]; then
    packages="$packages xvfb xauth"
fi
if [ -n "$tests" ]; then
    packages="$packages qt6-httpserver-dev qt6-websockets-dev clang-format openssl"

    # A machine may bring its own Node.js; Debian's is only needed where there is none.
    command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
fi

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing="$missing $package"
done

if [ -z "$missing" ]; then
    echo "All build dependencies are installed."
    exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
