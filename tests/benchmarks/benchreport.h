// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// The rows every benchmark prints, in one table layout: figure, value, target, ratio, met.
// Benchmarks only report; a slow machine makes a row say "no", never a program fail.
namespace BenchReport {

// The median of some samples; 0 for none.
double median(QList<double> samples);

// The largest sample; 0 for none.
double maximum(const QList<double> &samples);

// Column titles, printed once by tests/benchmarks/run.sh.
void printHeader();

// A figure with a target of its own: the ratio is value / limit, met when at most 1.
void printAbsolute(const QString &figure, double value, const QString &unit, double limit);

// A figure held against a baseline: the ratio is value / baseline, met when at most
// factorLimit.
void printRelative(const QString &figure, double value, const QString &unit, double baseline,
                   double factorLimit);

// A count that must not exceed a limit, such as errors; it has no ratio.
void printAtMost(const QString &figure, qsizetype count, const QString &unit, qsizetype limit);

// A figure without a target, printed for comparison.
void printInformation(const QString &figure, double value, const QString &unit);

// A figure without a target, with its ratio to a baseline.
void printReference(const QString &figure, double value, const QString &unit, double baseline);

} // namespace BenchReport
