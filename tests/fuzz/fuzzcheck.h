// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The input of one libFuzzer run. Targets that take text decode it with QString::fromUtf8(),
// which turns invalid sequences into U+FFFD, so that every input is some text.
inline QByteArray fuzzBytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A broken invariant is a finding like a crash: abort, so that libFuzzer keeps the input.
inline void fuzzCheck(bool holds, const char *invariant, const QString &detail = {})
{
    if (holds)
        return;
    std::fprintf(stderr, "Invariant broken: %s\n%s\n", invariant, qUtf8Printable(detail));
    std::abort();
}
