// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaint.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

void FirstPaint::then(QWidget *window, std::function<void()> function)
{
    window->installEventFilter(new FirstPaint(window, std::move(function)));
}

FirstPaint::FirstPaint(QWidget *window, std::function<void()> function)
    : QObject(window)
    , m_window(window)
    , m_function(std::move(function))
{ }

bool FirstPaint::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Paint)
        return QObject::eventFilter(watched, event);

    // The filter sees the paint event before the window and its children paint; a zero
    // timer fires only once the whole frame has been painted and flushed.
    m_window->removeEventFilter(this);
    QTimer::singleShot(0, this, [this] {
        m_function();
        deleteLater();
    });
    return QObject::eventFilter(watched, event);
}
