// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

// A hook for the start-up benchmark: with NEKOEDITOR_QUIT_AFTER_FIRST_PAINT set in the
// environment, the app prints when its window showed its first frame, and at what size, and
// quits a little later, once the rest of its start-up has run too, so that the peak memory
// of the run is that of an app which has fully started. Without the variable it does nothing.
namespace FirstPaintProbe {

// Install it after any other FirstPaint::then() for the window: it then runs first and notes
// the time before the other work starts.
void installIfRequested(QWidget *window);

} // namespace FirstPaintProbe
