// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QWidget;

// Runs something once a window has shown its first frame, so that start-up work which the
// first frame does not need, such as opening a dialog over the window, does not delay it.
class FirstPaint : public QObject
{
    Q_OBJECT

public:
    // Calls then() from the event loop right after the window's first frame has been handed
    // to the platform. Of several calls for one window, the one made last runs first.
    static void then(QWidget *window, std::function<void()> function);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstPaint(QWidget *window, std::function<void()> function);

    QWidget *const m_window;
    std::function<void()> m_function;
};
