// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaintprobe.h"

#include "firstpaint.h"

#include <QCoreApplication>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

namespace {

// Long enough for the work queued behind the first frame, such as a dialog that opens over
// the window, to run and paint.
constexpr int SettleMs = 200;

} // namespace

namespace FirstPaintProbe {

void installIfRequested(QWidget *window)
{
    if (!qEnvironmentVariableIsSet("NEKOEDITOR_QUIT_AFTER_FIRST_PAINT"))
        return;

    // The time is on the system-wide monotonic clock, so the benchmark that started this
    // process can subtract its own start time.
    FirstPaint::then(window, [window] {
        const auto now = std::chrono::steady_clock::now().time_since_epoch();
        std::printf("first-paint-ns %lld size %dx%d\n",
                    static_cast<long long>(
                            std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()),
                    window->width(), window->height());
        std::fflush(stdout);
        QTimer::singleShot(SettleMs, qApp, &QCoreApplication::quit);
    });
}

} // namespace FirstPaintProbe
