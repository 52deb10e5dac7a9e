// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"
#include "firstpaint.h"
#include "firstpaintprobe.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "nekoclient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>

namespace {

struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption server {
            QStringLiteral("server"),
            QCoreApplication::translate("main", "The neko server to sign in to, like host:8080."),
            QCoreApplication::translate("main", "address")};
    QCommandLineOption user {QStringLiteral("user"),
                             QCoreApplication::translate("main", "The username to sign in as."),
                             QCoreApplication::translate("main", "name")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
                "main", "See and change the permissions of a neko session."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(server);
        parser.addOption(user);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("nekoeditor"));
    QCoreApplication::setApplicationName(QStringLiteral(NEKOEDITOR_EXECUTABLE));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEKOEDITOR_VERSION));

    // --help, --version and a mistyped option only print, so they must work where there is
    // no display at all, such as over ssh: they get an application without a GUI.
    CommandLine commandLine;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool parsed = commandLine.parser.parse(arguments);
    if (!parsed || commandLine.parser.isSet(QStringLiteral("help"))
        || commandLine.parser.isSet(QStringLiteral("version"))) {
        QCoreApplication printer(argc, argv);
        commandLine.parser.process(printer);
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Neko Profile Editor"));
    QGuiApplication::setDesktopFileName(QStringLiteral(NEKOEDITOR_APP_ID));
    QApplication::setWindowIcon(AboutDialog::applicationIcon());

    // One network manager for the whole app, shared by every request.
    QNetworkAccessManager network;
    NekoClient client(&network);

    // Remembered session tokens live in the system's keychain, under the app's id.
    KeychainSecretStore secrets(QStringLiteral(NEKOEDITOR_APP_ID));

    // The window shows first and the sign-in dialog opens over it right after: the window
    // then appears without waiting for the dialog to be built.
    MainWindow window(&client, &secrets);
    FirstPaint::then(&window, [&] {
        window.start(commandLine.parser.value(commandLine.server),
                     commandLine.parser.value(commandLine.user));
    });
    FirstPaintProbe::installIfRequested(&window); // for tests/benchmarks only
    window.show();
    return app.exec();
}
