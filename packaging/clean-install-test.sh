#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package, checks it with lintian, installs it with apt into a minimal
# Debian 12 root made by debootstrap, and starts the installed app there headless. This
# proves that the dependencies the package declares are all it needs on a clean system.
# Needs root (debootstrap, chroot, mounting /proc). Uses the build directory of tests/run.sh
# ($BUILD_DIR, default build) and configures one when there is none. DEBIAN_MIRROR
# overrides the archive; otherwise it is the one this machine's apt uses for bookworm.
set -eu
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
root="$build/clean-root"
suite=bookworm

if [ "$(id -u)" -ne 0 ]; then
    echo "clean-install-test: needs root for debootstrap and chroot" >&2
    exit 1
fi

packaging/install-build-deps.sh --packaging

step() {
    echo "== $*"
}

# The first archive this machine's apt takes $suite from, in either sources format; Debian's
# public archive when there is none.
debian_mirror() {
    {
        cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | sed -e 's/\[[^]]*\]//' \
            | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }'
        sed -e '/^[ \t]*#/d' /etc/apt/sources.list.d/*.sources 2>/dev/null \
            | awk -v suite="$suite" 'BEGIN { RS = "" }
                {
                    key = ""; uri = ""; deb = 0; found = 0
                    for (i = 1; i <= NF; i++) {
                        if ($i ~ /:$/) key = $i
                        else if (key == "Types:" && $i == "deb") deb = 1
                        else if (key == "URIs:" && uri == "") uri = $i
                        else if (key == "Suites:" && $i == suite) found = 1
                    }
                    if (deb && found) print uri
                }'
    } | head -n 1
}

step "Building the package"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
fi
cmake --build "$build" --parallel "$(nproc)"
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB)
deb=$(ls "$build"/*.deb)
name=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
echo "$deb: $name $version"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"

step "lintian"
lintian --fail-on error --display-info "$deb"

mirror=${DEBIAN_MIRROR:-$(debian_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}

cleanup() {
    if mountpoint -q "$root/proc"; then
        umount "$root/proc"
    fi
    # Never remove a root that still has something mounted in it.
    if [ -z "${KEEP_ROOT:-}" ] && ! grep -q " $(realpath "$root")/" /proc/mounts; then
        rm -rf "$root"
    fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

step "A minimal Debian 12 from $mirror"
if mountpoint -q "$root/proc" 2>/dev/null; then
    umount "$root/proc"
fi
rm -rf "$root"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$build/debootstrap.log" 2>&1 \
    || { tail -n 30 "$build/debootstrap.log"; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"

step "apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "./tmp/$(basename "$deb")" \
    </dev/null >"$build/clean-install-apt.log" 2>&1 \
    || { tail -n 30 "$build/clean-install-apt.log"; exit 1; }
grep -E "^(Setting up|Unpacking) $name" "$build/clean-install-apt.log" || true
echo "$(grep -c '^Setting up' "$build/clean-install-apt.log") packages set up"

step "Installed files"
for path in \
    /usr/bin/neko-profile-editor \
    /usr/share/applications/io.github.nekoeditor.ProfileEditor.desktop \
    /usr/share/metainfo/io.github.nekoeditor.ProfileEditor.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.github.nekoeditor.ProfileEditor.svg \
    /usr/share/icons/hicolor/256x256/apps/io.github.nekoeditor.ProfileEditor.png \
    /usr/share/man/man1/neko-profile-editor.1.gz \
    /usr/share/doc/$name/copyright; do
    [ -e "$root$path" ] || { echo "missing: $path" >&2; exit 1; }
    echo "ok: $path"
done

# A fresh user's environment, without a display: nothing of this machine's passes in.
app_env="PATH=/usr/bin:/bin HOME=/root XDG_RUNTIME_DIR=/tmp/runtime QT_QPA_PLATFORM=offscreen"
mkdir -p -m 0700 "$root/tmp/runtime"

step "neko-profile-editor --version"
printed=$(chroot "$root" env -i $app_env neko-profile-editor --version)
echo "$printed"
if [ "$printed" != "neko-profile-editor $version" ]; then
    echo "expected: neko-profile-editor $version" >&2
    exit 1
fi

step "The window, for 5 seconds"
# It has to be still running when timeout stops it (status 124): an early exit or a crash
# fails. The sign-in dialog opens and waits for the password.
status=0
timeout 5 chroot "$root" env -i $app_env QT_LOGGING_RULES="nekoeditor.*.debug=true" \
    neko-profile-editor --server localhost:8080 --user admin \
    >"$build/clean-install-app.log" 2>&1 || status=$?
cat "$build/clean-install-app.log"
if [ "$status" -ne 124 ]; then
    echo "the app stopped by itself with status $status" >&2
    exit 1
fi
echo "still running after 5 seconds; stopped"

step "Clean install test passed"
