// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Measures how long the thread's event loop was kept from running: a 1 ms timer that notes
// how late each tick comes. A tick that is 20 ms late means that something held the thread
// for about 20 ms, which the user sees as a frozen window.
class EventLoopMonitor : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopMonitor(QObject *parent = nullptr);
    ~EventLoopMonitor() override;

    void start();
    void stop();

    // Forgets the time since the last tick: for work the benchmark itself did synchronously,
    // which is not the app's.
    void skipGap();

    // The longest wait beyond the timer's interval, in milliseconds, up to now.
    double longestStallMs() const;

    void reset();

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    qint64 m_longestStallNs = 0;
};
