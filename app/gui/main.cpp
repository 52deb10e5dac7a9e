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

#include <cstdio>

using namespace Qt::StringLiterals;

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
                "main", "See and change the permissions of your neko session."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(server);
        parser.addOption(user);
    }
};

// The options QApplication takes for itself, such as -platform or -style, which it removes
// from the command line only once it exists. Those with a value take the next argument.
QStringList withoutQtOptions(const QStringList &arguments)
{
    static const QStringList withValue
            = u"platform platformpluginpath platformtheme plugin qwindowgeometry qwindowicon "
              "qwindowtitle session style stylesheet display geometry title name bg fg font "
              "visual btn ncols"_s.split(u' ');
    static const QStringList alone = u"reverse widgetcount nograb dograb sync cmap"_s.split(u' ');
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments.at(i);
        if (i == 0 || !name.startsWith(u'-')) {
            kept << name;
            continue;
        }
        name.remove(0, name.startsWith("--"_L1) ? 2 : 1);
        name = name.section(u'=', 0, 0);
        if (withValue.contains(name)) {
            if (!arguments.at(i).contains(u'='))
                ++i;
            continue;
        }
        if (!alone.contains(name))
            kept << arguments.at(i);
    }
    return kept;
}

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
    const bool parsed = commandLine.parser.parse(withoutQtOptions(arguments));
    if (parsed
        && (commandLine.parser.isSet(QStringLiteral("help"))
            || commandLine.parser.isSet(QStringLiteral("version")))) {
        const QCoreApplication printer(argc, argv);
        if (commandLine.parser.isSet(QStringLiteral("version")))
            commandLine.parser.showVersion();
        commandLine.parser.showHelp();
    }

    // An address without --server would otherwise be ignored without a word.
    QString mistake = commandLine.parser.errorText();
    const QStringList extra = commandLine.parser.positionalArguments();
    if (parsed && !extra.isEmpty()) {
        mistake = QCoreApplication::translate("main",
                                              "Unexpected argument '%1'; a server goes "
                                              "after --server.")
                          .arg(extra.first());
    }
    if (!mistake.isEmpty()) {
        std::fprintf(stderr, "%s: %s\n%s\n", NEKOEDITOR_EXECUTABLE, qPrintable(mistake),
                     qPrintable(QCoreApplication::translate(
                             "main", "Run with --help to see the options.")));
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Neko Profile Editor"));
    QGuiApplication::setDesktopFileName(QStringLiteral(NEKOEDITOR_APP_ID));

    // One network manager for the whole app, shared by every request.
    QNetworkAccessManager network;
    NekoClient client(&network);

    // Remembered session tokens live in the system's keychain, under the app's id.
    KeychainSecretStore secrets(QStringLiteral(NEKOEDITOR_APP_ID));

    // The window shows first and the sign-in dialog opens over it right after: the window
    // then appears without waiting for the dialog to be built, nor for the icon's eight sizes
    // to be decoded, which the first frame does not need.
    MainWindow window(&client, &secrets);
    FirstPaint::then(&window, [&] {
        QApplication::setWindowIcon(AboutDialog::applicationIcon());
        window.start(commandLine.parser.value(commandLine.server),
                     commandLine.parser.value(commandLine.user));
    });
    FirstPaintProbe::installIfRequested(&window); // for tests/benchmarks only
    window.show();
    return app.exec();
}
