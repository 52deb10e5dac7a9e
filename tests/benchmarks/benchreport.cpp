// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void printRow(const QString &figure, const QString &value, const QString &target,
              const QString &ratio, const QString &met)
{
    std::printf("%-46s %11s %19s %7s %4s\n", qPrintable(figure), qPrintable(value),
                qPrintable(target), qPrintable(ratio), qPrintable(met));
    std::fflush(stdout);
}

QString number(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString withUnit(double value, const QString &unit)
{
    return number(value) + u' ' + unit;
}

QString yesNo(bool met)
{
    return met ? u"yes"_s : u"no"_s;
}

} // namespace

namespace BenchReport {

double median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype middle = samples.size() / 2;
    if (samples.size() % 2 == 1)
        return samples.at(middle);
    return (samples.at(middle - 1) + samples.at(middle)) / 2;
}

double maximum(const QList<double> &samples)
{
    return samples.isEmpty() ? 0 : *std::max_element(samples.begin(), samples.end());
}

void printHeader()
{
    printRow(u"figure"_s, u"value"_s, u"target"_s, u"ratio"_s, u"met"_s);
}

void printAbsolute(const QString &figure, double value, const QString &unit, double limit)
{
    const double ratio = value / limit;
    printRow(figure, withUnit(value, unit), u"<= "_s + withUnit(limit, unit),
             QString::number(ratio, 'f', 2), yesNo(ratio <= 1));
}

void printRelative(const QString &figure, double value, const QString &unit, double baseline,
                   double factorLimit)
{
    const double ratio = baseline > 0 ? value / baseline : 0;
    printRow(figure, withUnit(value, unit), u"<= %1x baseline"_s.arg(factorLimit, 0, 'f', 2),
             QString::number(ratio, 'f', 2) + u'x', yesNo(baseline > 0 && ratio <= factorLimit));
}

void printAtMost(const QString &figure, qsizetype count, const QString &unit, qsizetype limit)
{
    printRow(figure, QString::number(count) + u' ' + unit,
             u"<= "_s + QString::number(limit) + u' ' + unit, u"-"_s, yesNo(count <= limit));
}

void printInformation(const QString &figure, double value, const QString &unit)
{
    printRow(figure, withUnit(value, unit), u"-"_s, u"-"_s, u"-"_s);
}

void printReference(const QString &figure, double value, const QString &unit, double baseline)
{
    const double ratio = baseline > 0 ? value / baseline : 0;
    printRow(figure, withUnit(value, unit), u"-"_s, QString::number(ratio, 'f', 2) + u'x', u"-"_s);
}

} // namespace BenchReport
