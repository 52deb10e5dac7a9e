#!/bin/sh
# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the app icon from its SVG into the hicolor PNGs, the Windows .ico and the macOS
# .icns. The results are committed, so building needs none of these tools; run this after
# changing the SVG. Needs librsvg2-bin, imagemagick and icnsutils.
set -eu
cd "$(dirname "$0")/.."

id=io.github.nekoeditor.ProfileEditor
hicolor=resources/icons/hicolor
svg=$hicolor/scalable/apps/$id.svg

for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "$hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$hicolor/${size}x${size}/apps/$id.png"
done

# Windows takes every size from one .ico; 256 is what Explorer shows at large sizes.
convert $(for size in 16 24 32 48 64 256; do echo "$hicolor/${size}x${size}/apps/$id.png"; done) \
    packaging/windows/$id.ico

# The Finder also wants 512 px, a size hicolor does not need.
large=$(mktemp --suffix=.png)
trap 'rm -f "$large"' EXIT
rsvg-convert -w 512 -h 512 "$svg" -o "$large"
png2icns packaging/macos/$id.icns "$large" \
    $(for size in 16 32 48 128 256; do echo "$hicolor/${size}x${size}/apps/$id.png"; done)
