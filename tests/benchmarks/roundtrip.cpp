// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Round trip: the app's main window and its real client against the fake server on loopback,
// several times over: sign in through the dialog, reload, change a flag and save, sign out.
// It reports how long each request took on the client side, how long each step took until the
// window showed its outcome, and the longest stall of the UI thread during the whole flow,
// measured by a 1 ms timer.
//
// Usage: bench_round_trip [ROUNDS]
#include "benchreport.h"
#include "eventloopmonitor.h"
#include "profileflags.h"
#include "serverthread.h"
#include "timednetworkaccessmanager.h"
#include "windowdriver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr double FrameMs = 16;

QJsonObject adminProfile()
{
    QJsonObject profile {{"name"_L1, u"admin"_s},
                         {"plugins"_L1,
                          QJsonObject {{"chat.can_send"_L1, true},
                                       {"chat.can_receive"_L1, true},
                                       {"filetransfer.enabled"_L1, true}}}};
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.insert(flag.key, true);
    return profile;
}

struct Step
{
    QString name;
    QList<double> durationsMs;
    double longestStallMs = 0;
};

// Runs one step of the flow, timing it and noting the longest stall during it.
bool timed(Step &step, EventLoopMonitor &monitor, const std::function<bool()> &action)
{
    monitor.reset();
    QElapsedTimer clock;
    clock.start();
    const bool ok = action();
    step.durationsMs.append(double(clock.nsecsElapsed()) / 1e6);
    step.longestStallMs = std::max(step.longestStallMs, monitor.longestStallMs());
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    // Settings go to a folder of the benchmark's own, never to the user's real ones.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nekoeditor-benchmarks"_s);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;

    ServerThread server(adminProfile());
    const QUrl url = server.launch();
    WindowDriver driver;
    if (url.isEmpty() || !driver.showWindow()) {
        std::fprintf(stderr, "the fake server or the window did not start\n");
        return 1;
    }

    EventLoopMonitor monitor;
    monitor.start();
    Step signIn {u"sign in"_s, {}, 0};
    Step reload {u"reload"_s, {}, 0};
    Step save {u"save"_s, {}, 0};
    Step signOut {u"sign out"_s, {}, 0};
    for (int round = 0; round < rounds; ++round) {
        const bool ok = timed(signIn, monitor, [&] { return driver.signIn(url); })
                && timed(reload, monitor, [&] { return driver.reload(); })
                && timed(save, monitor, [&] { return driver.toggleAFlagAndSave(); })
                && timed(signOut, monitor, [&] { return driver.signOut(); });
        if (!ok) {
            std::fprintf(stderr, "round %d failed\n", round + 1);
            return 1;
        }
    }
    monitor.stop();

    using namespace BenchReport;
    const QString ms = u"ms"_s;
    const QString suffix = u" (%1 rounds)"_s.arg(rounds);
    printAbsolute(u"Longest UI-thread stall, sign in"_s + suffix, signIn.longestStallMs, ms,
                  FrameMs);
    printAbsolute(u"Longest UI-thread stall, save"_s + suffix, save.longestStallMs, ms, FrameMs);
    printInformation(u"Longest UI-thread stall, reload"_s, reload.longestStallMs, ms);
    printInformation(u"Longest UI-thread stall, sign out"_s, signOut.longestStallMs, ms);
    for (const Step *step : {&signIn, &reload, &save, &signOut}) {
        printInformation(u"Step "_s + step->name + u", until shown (median)"_s,
                         median(step->durationsMs), ms);
    }
    const QMap<QString, QList<double>> requests = driver.network()->durations();
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        printInformation(u"Request "_s + it.key() + u" (median of %1)"_s.arg(it.value().size()),
                         median(it.value()), ms);
    }
    return 0;
}
