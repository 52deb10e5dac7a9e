// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventloopmonitor.h"

#include <algorithm>

namespace {

constexpr int IntervalMs = 1;

} // namespace

EventLoopMonitor::EventLoopMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopMonitor::tick);
}

EventLoopMonitor::~EventLoopMonitor() = default;

void EventLoopMonitor::start()
{
    m_clock.start();
    m_lastTickNs = 0;
    m_timer.start();
}

void EventLoopMonitor::stop()
{
    tick();
    m_timer.stop();
}

void EventLoopMonitor::skipGap()
{
    m_lastTickNs = m_clock.nsecsElapsed();
}

double EventLoopMonitor::longestStallMs() const
{
    // The time since the last tick counts too: it may be a stall that no tick has ended yet,
    // such as the work that made the benchmark stop waiting.
    const qint64 open = m_clock.nsecsElapsed() - m_lastTickNs - qint64(IntervalMs) * 1000000;
    return double(std::max(m_longestStallNs, open)) / 1e6;
}

void EventLoopMonitor::reset()
{
    m_longestStallNs = 0;
    skipGap();
}

void EventLoopMonitor::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 late = now - m_lastTickNs - qint64(IntervalMs) * 1000000;
    m_longestStallNs = std::max(m_longestStallNs, late);
    m_lastTickNs = now;
}
