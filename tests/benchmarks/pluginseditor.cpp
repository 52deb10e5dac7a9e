// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The plugins editor in the app's main window, signed in to the fake server: how long a
// 1 MiB plugins document takes from Reload until it is shown, validated, coloured and painted,
// and how long one keystroke holds the UI thread in a 200 KB document. After every keystroke
// it checks that the message under the editor belongs to the text as it now is.
//
// Usage: bench_plugins_editor [RUNS]
#include "benchreport.h"
#include "eventloopmonitor.h"
#include "generatedplugins.h"
#include "jsoneditor.h"
#include "mainwindow.h"
#include "pluginsparser.h"
#include "profileflags.h"
#include "serverthread.h"
#include "timednetworkaccessmanager.h"
#include "windowdriver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype LargeDocument = 1024 * 1024;
constexpr qsizetype TypingDocument = 200 * 1024;
constexpr double FrameMs = 16;

double elapsedMs(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

QJsonObject adminProfile(const QJsonObject &plugins)
{
    QJsonObject profile {{"name"_L1, u"admin"_s}, {"plugins"_L1, plugins}};
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.insert(flag.key, true);
    return profile;
}

// Whether the message under the editor is the one for the text as it is now.
bool statusMatchesText(const WindowDriver &driver)
{
    const PluginsParseResult expected = PluginsParser::parse(driver.pluginsEditor()->toPlainText());
    const QString shown = driver.pluginsStatus()->text();
    if (expected.ok)
        return shown.startsWith("Valid"_L1);
    return shown == expected.message();
}

// Puts the cursor into the first string value after the middle of the document.
void placeCursorMidDocument(JsonEditor *editor)
{
    const QString text = editor->toPlainText();
    const qsizetype value = text.indexOf(": \""_L1, text.size() / 2);
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(int(value + 3));
    editor->setTextCursor(cursor);
    editor->setFocus();
}

struct Typing
{
    QList<double> keystrokeMs;
    double longestStallMs = 0;
    int mismatches = 0;
};

// Types into the document like a fast typist, one key every 50 ms: letters into a string
// value, and now and then a stray comma that breaks the JSON and a Backspace that mends it. Each
// keystroke is timed from the key press until its edit, validation, colouring and painting are
// done; right then the message under the editor must already be the one for the new text.
Typing typeInto(WindowDriver &driver, EventLoopMonitor &monitor, int keystrokes)
{
    JsonEditor *editor = driver.pluginsEditor();
    placeCursorMidDocument(editor);
    WindowDriver::waitFor([] { return true; });

    Typing typing;
    monitor.reset();
    for (int i = 0; i < keystrokes; ++i) {
        // Of every eight keys, the sixth is a comma at the end of a line, the seventh takes it
        // back and the eighth is typed into another string value again.
        Qt::Key key = Qt::Key_A;
        if (i % 8 == 5) {
            QTextCursor cursor = editor->textCursor();
            cursor.movePosition(QTextCursor::EndOfBlock);
            editor->setTextCursor(cursor);
            key = Qt::Key_Comma;
        } else if (i % 8 == 6) {
            key = Qt::Key_Backspace;
        } else if (i % 8 == 7) {
            placeCursorMidDocument(editor);
        }
        monitor.skipGap();

        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(editor, key);
        QCoreApplication::processEvents();
        typing.keystrokeMs.append(elapsedMs(clock));

        if (!statusMatchesText(driver))
            ++typing.mismatches;
        monitor.skipGap();

        // The pause between two keys, in which deferred work, if there were any, would run.
        QElapsedTimer pause;
        pause.start();
        WindowDriver::waitFor([&pause] { return pause.elapsed() >= 50; });
    }
    typing.longestStallMs = monitor.longestStallMs();
    return typing;
}

} // namespace

int main(int argc, char *argv[])
{
    // Settings go to a folder of the benchmark's own, never to the user's real ones.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nekoeditor-benchmarks"_s);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;

    ServerThread server(adminProfile(GeneratedPlugins::ofSize(LargeDocument)));
    const QUrl url = server.launch();
    WindowDriver driver;
    driver.window()->resize(900, 800);
    if (url.isEmpty() || !driver.showWindow() || !driver.signIn(url)) {
        std::fprintf(stderr, "could not sign in to the fake server\n");
        return 1;
    }

    // Reload the large document several times, each time over an empty one: the form keeps a
    // text that already holds what the server sends, so reloading the same document twice
    // would measure nothing.
    const QJsonObject large = GeneratedPlugins::ofSize(LargeDocument);
    EventLoopMonitor monitor;
    monitor.start();
    QList<double> readyMs;
    QList<double> requestMs;
    double longestLoadingStallMs = 0;
    for (int run = 0; run < runs; ++run) {
        server.setSessionPlugins({});
        if (!driver.reload()) {
            std::fprintf(stderr, "reloading failed\n");
            return 1;
        }
        server.setSessionPlugins(large);
        WindowDriver::waitFor([] { return true; });
        monitor.reset();
        QElapsedTimer clock;
        clock.start();
        if (!driver.reload()) {
            std::fprintf(stderr, "reloading failed\n");
            return 1;
        }
        driver.window()->repaint();
        readyMs.append(elapsedMs(clock));
        requestMs.append(driver.network()->durations().value(u"GET whoami"_s).constLast());
        longestLoadingStallMs = std::max(longestLoadingStallMs, monitor.longestStallMs());
        if (!statusMatchesText(driver)) {
            std::fprintf(stderr, "the status does not match the loaded document\n");
            return 1;
        }
    }

    const Typing largeTyping = typeInto(driver, monitor, 8);

    // Reloading over unsaved edits would ask first; they are only typing practice.
    server.setSessionPlugins(GeneratedPlugins::ofSize(TypingDocument));
    if (!driver.revert() || !driver.reload()) {
        std::fprintf(stderr, "reloading failed\n");
        return 1;
    }
    const Typing typing = typeInto(driver, monitor, 40);
    monitor.stop();

    using namespace BenchReport;
    const QString ms = u"ms"_s;
    printAbsolute(u"1 MiB plugins: Reload to ready"_s, median(readyMs), ms, 100);
    printInformation(u"  of which the request (GET whoami)"_s, median(requestMs), ms);
    printInformation(u"  longest UI-thread stall while loading"_s, longestLoadingStallMs, ms);
    printAbsolute(u"Keystroke in 200 KB plugins (median)"_s, median(typing.keystrokeMs), ms,
                  FrameMs);
    printAbsolute(u"  slowest of %1 keystrokes"_s.arg(typing.keystrokeMs.size()),
                  maximum(typing.keystrokeMs), ms, FrameMs);
    printAbsolute(u"  longest UI-thread stall while typing"_s, typing.longestStallMs, ms, FrameMs);
    printAtMost(u"  message not for the current text"_s, typing.mismatches, u"times"_s, 0);
    printInformation(u"Keystroke in 1 MiB plugins (median)"_s, median(largeTyping.keystrokeMs), ms);
    return 0;
}
