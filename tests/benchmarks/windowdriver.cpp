// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowdriver.h"

#include "draftstore.h"
#include "jsoneditor.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "nekoclient.h"
#include "timednetworkaccessmanager.h"

#include "draftstore.h"
#include "memorysecretstore.h"
#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDeadlineTimer>

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

WindowDriver::WindowDriver()
    : m_secrets(std::make_unique<MemorySecretStore>())
    , m_network(std::make_unique<TimedNetworkAccessManager>())
    , m_client(std::make_unique<NekoClient>(m_network.get()))
    , m_window(std::make_unique<MainWindow>(m_client.get(), m_secrets.get(),
                                            DraftStore(m_drafts.path())))
{
    connect(m_client.get(), &NekoClient::profileLoaded, this, [this] { ++m_loaded; });
    connect(m_client.get(), &NekoClient::profileSaved, this, [this] { ++m_saved; });
    connect(m_client.get(), &NekoClient::signedOut, this, [this] { ++m_signedOut; });
    connect(m_client.get(), &NekoClient::operationFailed, this, [this] { ++m_failed; });
    connect(m_client.get(), &NekoClient::signInFailed, this, [this] { ++m_failed; });
}

WindowDriver::~WindowDriver() = default;

JsonEditor *WindowDriver::pluginsEditor() const
{
    return m_window->findChild<JsonEditor *>(u"pluginsEditor"_s);
}

QLabel *WindowDriver::pluginsStatus() const
{
    return m_window->findChild<QLabel *>(u"pluginsStatusLabel"_s);
}

bool WindowDriver::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    // A coarse timer only makes sure that the loop wakes up to notice the deadline.
    QTimer wakeUp;
    wakeUp.start(50);
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

bool WindowDriver::showWindow()
{
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get());
}

bool WindowDriver::signIn(const QUrl &server)
{
    m_window->requestSignIn(server.toString(), u"admin"_s);
    QPointer<LoginDialog> dialog;
    const bool open = waitFor([this, &dialog] {
        dialog = m_window->loginDialog();
        return dialog && dialog->isVisible();
    });
    if (!open)
        return false;

    auto *password = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(password, u"admin"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
    return waitFor([this, &dialog] {
               return ((!dialog || !dialog->isVisible()) && m_client->isSignedIn()) || m_failed > 0;
           })
            && m_failed == 0;
}

bool WindowDriver::reload()
{
    const int loaded = m_loaded;
    return triggerAction("reloadAction")
            && waitFor([this, loaded] { return m_loaded > loaded || m_failed > 0; })
            && m_failed == 0;
}

bool WindowDriver::revert()
{
    auto *revert = m_window->findChild<QPushButton *>(u"revertButton"_s);
    if (!revert || !revert->isEnabled())
        return false;
    QTest::mouseClick(revert, Qt::LeftButton);
    return !m_window->isWindowModified();
}

bool WindowDriver::toggleAFlagAndSave()
{
    auto *box = m_window->findChild<QCheckBox *>(u"canWatchCheckBox"_s);
    auto *save = m_window->findChild<QPushButton *>(u"saveButton"_s);
    if (!box || !save)
        return false;

    // A click on the box itself, as a user would, then on Save.
    const int saved = m_saved;
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
    QTest::mouseClick(save, Qt::LeftButton);
    return waitFor([this, saved] { return m_saved > saved || m_failed > 0; }) && m_failed == 0;
}

bool WindowDriver::signOut()
{
    const int signedOut = m_signedOut;
    return triggerAction("signOutAction")
            && waitFor([this, signedOut] { return m_signedOut > signedOut || m_failed > 0; })
            && m_failed == 0;
}

bool WindowDriver::triggerAction(const char *name)
{
    auto *action = m_window->findChild<QAction *>(QString::fromLatin1(name));
    if (!action || !action->isEnabled())
        return false;
    action->trigger();
    return true;
}
