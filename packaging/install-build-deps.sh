#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs, from Debian's archive, what building Neko Profile Editor needs and the machine
# lacks. With --tests it adds what the test suite needs: Qt HTTP Server for the fake neko
# server, clang-format for the style check, openssl for test certificates, Node.js for the
# contract test and the validators of the desktop file and the AppStream metainfo. With
# --packaging it adds what building and checking the Debian package needs: dpkg-shlibdeps
# (dpkg-dev) and file for CPack's dependency list, lintian, and debootstrap with Debian's
# archive keys for the clean-system install test. With --fuzz it adds clang and its libFuzzer
# and sanitizer runtimes. --benchmarks adds to --tests Xvfb, for start-up figures on a real X
# server.
set -eu

packages="cmake ninja-build g++ qt6-base-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-svg-dev qtkeychain-qt6-dev libgl-dev libxkbcommon-dev"
for option in "$@"; do
    case "$option" in
    --tests | --benchmarks)
        [ "$option" = --benchmarks ] && packages="$packages xvfb xauth"
        packages="$packages qt6-httpserver-dev qt6-websockets-dev clang-format openssl
            desktop-file-utils appstream"

        # A machine may bring its own Node.js; Debian's is only needed where there is none.
        command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
        ;;
    --packaging)
        packages="$packages dpkg-dev file lintian debootstrap debian-archive-keyring"
        ;;
    --fuzz)
        packages="$packages clang-14 libclang-rt-14-dev"
        ;;
    *)
        echo "usage: $0 [--tests] [--benchmarks] [--packaging] [--fuzz]" >&2
        exit 2
        ;;
    esac
done

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
