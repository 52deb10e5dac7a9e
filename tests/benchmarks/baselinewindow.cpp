// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The floor for start-up: an empty main window that quits after its first paint, through the
// same probe as the app. Built with REFERENCE_WINDOW defined it becomes the reference: the least
// any window with text needs, a menu bar and one label. With REFERENCE_NETWORK defined as well it
// also loads Qt Network and makes a network manager, as any client of neko must.
//
// Usage: bench_baseline_window [WIDTHxHEIGHT]; the benchmark passes the size at which the app's
// window first painted, so that both fill the same number of pixels.
#include "firstpaintprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QSize>

#ifdef REFERENCE_WINDOW
#include <QLabel>
#include <QMenuBar>
#endif
#ifdef REFERENCE_NETWORK
#include <QNetworkAccessManager>
#endif

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
#ifdef REFERENCE_NETWORK
    QNetworkAccessManager network;
#endif

    QMainWindow window;
#ifdef REFERENCE_WINDOW
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.setCentralWidget(new QLabel(QStringLiteral("Not signed in.")));
#endif
    if (argc > 1) {
        const QStringList size = QString::fromLocal8Bit(argv[1]).split(u'x');
        if (size.size() == 2)
            window.resize(size.at(0).toInt(), size.at(1).toInt());
    }
    FirstPaintProbe::installIfRequested(&window);
    window.show();
    return app.exec();
}
