// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaint.h"
#include "firstpaintprobe.h"
#include "mainwindow.h"
#include "nekoclient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("nekoeditor"));
    QApplication::setApplicationName(QStringLiteral(NEKOEDITOR_EXECUTABLE));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Neko Profile Editor"));
    QApplication::setApplicationVersion(QStringLiteral(NEKOEDITOR_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(NEKOEDITOR_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "See and change the permissions of a neko session."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
            QStringLiteral("server"),
            QApplication::translate("main", "The neko server to sign in to, like host:8080."),
            QApplication::translate("main", "address"));
    const QCommandLineOption userOption(
            QStringLiteral("user"), QApplication::translate("main", "The username to sign in as."),
            QApplication::translate("main", "name"));
    parser.addOption(serverOption);
    parser.addOption(userOption);
    parser.process(app);

    // One network manager for the whole app, shared by every request.
    QNetworkAccessManager network;
    NekoClient client(&network);

    // The window shows first and the sign-in dialog opens over it right after: the window
    // then appears without waiting for the dialog to be built.
    MainWindow window(&client);
    FirstPaint::then(&window, [&] {
        window.requestSignIn(parser.value(serverOption), parser.value(userOption));
    });
    FirstPaintProbe::installIfRequested(&window); // for tests/benchmarks only
    window.show();
    return app.exec();
}
