// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Start-up: runs the app, the empty baseline window and the two reference windows (one label;
// one label and Qt Network) in turn, each in a fresh home folder so that no remembered settings are
// read, and compares the time from process start to the first painted main window and the peak
// resident memory. The platform is whatever QT_QPA_PLATFORM says.
//
// Usage: bench_startup APP BASELINE REFERENCE NETWORK_REFERENCE RUNS LABEL
//        bench_startup --header     prints the titles of the table that all benchmarks share
#include "benchreport.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    double firstPaintMs = 0;
    double peakRssMb = 0;
    std::string size; // of the window at its first paint, as WIDTHxHEIGHT
};

struct Program
{
    const char *path;
    std::string argument; // empty for none
};

struct Samples
{
    QList<double> firstPaintMs;
    QList<double> peakRssMb;
};

// The parent's environment with a fresh home and the first-paint hook switched on.
std::vector<std::string> childEnvironment(const QString &home)
{
    std::vector<std::string> variables;
    for (char **variable = environ; *variable; ++variable) {
        const std::string text = *variable;
        if (text.rfind("HOME=", 0) == 0 || text.rfind("XDG_", 0) == 0)
            continue;
        variables.push_back(text);
    }
    const std::string folder = home.toStdString();
    variables.push_back("HOME=" + folder);
    variables.push_back("XDG_CONFIG_HOME=" + folder + "/.config");
    variables.push_back("XDG_CACHE_HOME=" + folder + "/.cache");
    variables.push_back("XDG_DATA_HOME=" + folder + "/.local/share");
    variables.push_back("XDG_RUNTIME_DIR=" + folder + "/run");
    variables.push_back("NEKOEDITOR_QUIT_AFTER_FIRST_PAINT=1");
    return variables;
}

std::optional<Sample> runOnce(const Program &program)
{
    const QTemporaryDir home;
    if (!home.isValid())
        return std::nullopt;
    const QByteArray runtime = QFile::encodeName(home.path() + QStringLiteral("/run"));
    mkdir(runtime.constData(), 0700);

    std::vector<std::string> variables = childEnvironment(home.path());
    std::vector<char *> envp;
    for (std::string &variable : variables)
        envp.push_back(variable.data());
    envp.push_back(nullptr);
    std::string argument = program.argument;
    std::vector<char *> argv = {const_cast<char *>(program.path)};
    if (!argument.empty())
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    int output[2];
    if (pipe(output) != 0)
        return std::nullopt;

    // Only the probe's line is read; Qt's remarks on the platform would clutter the table.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&actions, output[0]);
    posix_spawn_file_actions_addclose(&actions, output[1]);

    // The environment is built before the clock starts: only the child's own work counts.
    // posix_spawn shares the parent's memory until exec, so the child's peak RSS is its own.
    const auto start = std::chrono::steady_clock::now();
    pid_t child = 0;
    const int spawned
            = posix_spawn(&child, program.path, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(output[1]);
    if (spawned != 0) {
        close(output[0]);
        std::fprintf(stderr, "cannot start %s\n", program.path);
        return std::nullopt;
    }

    std::string printed;
    char buffer[256];
    ssize_t got = 0;
    while ((got = read(output[0], buffer, sizeof buffer)) > 0)
        printed.append(buffer, size_t(got));
    close(output[0]);

    int status = 0;
    rusage usage {};
    if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status)
        || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s did not run to its first paint\n", program.path);
        return std::nullopt;
    }

    const std::string marker = "first-paint-ns ";
    const size_t at = printed.find(marker);
    if (at == std::string::npos)
        return std::nullopt;
    char size[32] = {};
    long long paintedNs = 0;
    if (std::sscanf(printed.c_str() + at, "first-paint-ns %lld size %31s", &paintedNs, size) != 2)
        return std::nullopt;
    const long long startNs
            = std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch())
                      .count();

    Sample sample;
    sample.firstPaintMs = double(paintedNs - startNs) / 1e6;
    sample.peakRssMb = double(usage.ru_maxrss) / 1024.0; // Linux counts in KiB
    sample.size = size;
    return sample;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 2 && std::strcmp(argv[1], "--header") == 0) {
        BenchReport::printHeader();
        return 0;
    }
    if (argc != 7) {
        std::fprintf(stderr, "usage: %s APP BASELINE REFERENCE NETWORK_REFERENCE RUNS LABEL\n",
                     argv[0]);
        return 2;
    }
    const int runs = std::max(1, std::atoi(argv[5]));
    const QString label = QString::fromLocal8Bit(argv[6]);

    // One run of each first, not counted, so that all find the same warm caches. The app's
    // run also tells the size of its window, which the others then open at.
    std::vector<Program> programs = {{argv[1], {}}, {argv[2], {}}, {argv[3], {}}, {argv[4], {}}};
    const std::optional<Sample> first = runOnce(programs.at(0));
    if (!first)
        return 1;
    for (size_t i = 1; i < programs.size(); ++i) {
        programs[i].argument = first->size;
        if (!runOnce(programs.at(i)))
            return 1;
    }

    // Round after round, each round in a rotated order, so that no program always follows
    // the same one and slow phases of a busy machine fall on all of them alike.
    std::vector<Samples> samples(programs.size());
    for (int round = 0; round < runs; ++round) {
        for (size_t i = 0; i < programs.size(); ++i) {
            const size_t index = (i + size_t(round)) % programs.size();
            const std::optional<Sample> sample = runOnce(programs.at(index));
            if (!sample)
                return 1;
            samples[index].firstPaintMs.append(sample->firstPaintMs);
            samples[index].peakRssMb.append(sample->peakRssMb);
        }
    }

    using namespace BenchReport;
    const QString suffix = u", "_s + label;
    const QString ms = u"ms"_s;
    const double baselinePaint = median(samples[1].firstPaintMs);
    printRelative(u"Start-up to first paint"_s + suffix, median(samples[0].firstPaintMs), ms,
                  baselinePaint, 1.2);
    const QString baselineName
            = u"  empty window, "_s + QString::fromStdString(first->size) + u" (baseline)"_s;
    printInformation(baselineName, baselinePaint, ms);
    printReference(u"  window with a menu and a label"_s, median(samples[2].firstPaintMs), ms,
                   baselinePaint);
    printReference(u"  window with a menu, a label and Qt Network"_s,
                   median(samples[3].firstPaintMs), ms, baselinePaint);

    const QString mb = u"MB"_s;
    const double baselineMemory = median(samples[1].peakRssMb);
    printRelative(u"Peak RSS"_s + suffix, median(samples[0].peakRssMb), mb, baselineMemory, 1.25);
    printInformation(baselineName, baselineMemory, mb);
    printReference(u"  window with a menu and a label"_s, median(samples[2].peakRssMb), mb,
                   baselineMemory);
    printReference(u"  window with a menu, a label and Qt Network"_s, median(samples[3].peakRssMb),
                   mb, baselineMemory);
    return 0;
}
