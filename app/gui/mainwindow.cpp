// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "logindialog.h"
#include "nekoclient.h"
#include "profileflags.h"
#include "profileupdate.h"

#include <QCloseEvent>
#include <QMessageBox>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(NekoClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_client(client)
{
    m_ui->setupUi(this);
    m_ui->busyIndicator->hide();
    m_ui->cancelButton->hide();
    m_ui->sessionLabel->setText(tr("Not signed in."));

    m_ui->saveAction->setShortcut(QKeySequence::Save);
    m_ui->reloadAction->setShortcut(QKeySequence::Refresh);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    m_ui->quitAction->setMenuRole(QAction::QuitRole);
    m_ui->aboutAction->setMenuRole(QAction::AboutRole);

    connect(m_ui->saveButton, &QPushButton::clicked, this, &MainWindow::save);
    connect(m_ui->saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &MainWindow::revert);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_client, &NekoClient::cancel);
    connect(m_ui->reloadAction, &QAction::triggered, this, &MainWindow::reload);
    connect(m_ui->signInAction, &QAction::triggered, this, [this] { requestSignIn(); });
    connect(m_ui->signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->profileForm, &ProfileForm::edited, this, [this] {
        // "Saved." stops being true with the next edit.
        if (m_ui->messageBanner->kind() == MessageBanner::Kind::Success
            && m_ui->profileForm->isModified())
            m_ui->messageBanner->clear();
        updateActions();
    });

    connect(m_client, &NekoClient::busyChanged, this, &MainWindow::setBusy);
    connect(m_client, &NekoClient::signedIn, this, [this](const SessionData &session) {
        // After a 401 the interrupted save goes out again by itself: keep the edits.
        if (!m_client->hasParkedOperation() && !m_client->isBusy())
            showSession(session);
        else
            m_session = session;
        m_ui->messageBanner->clear();
    });
    connect(m_client, &NekoClient::profileLoaded, this, &MainWindow::showSession);
    connect(m_client, &NekoClient::profileSaved, this, &MainWindow::saved);
    connect(m_client, &NekoClient::saveUnconfirmed, this, &MainWindow::saveUnconfirmed);
    connect(m_client, &NekoClient::operationFailed, this, &MainWindow::failed);
    connect(m_client, &NekoClient::signInRequired, this, [this](const QString &reason) {
        openLoginDialog(reason, true, m_client->baseUrl().toDisplayString(), m_username);
    });
    connect(m_client, &NekoClient::signedOut, this, [this] {
        m_session.reset();
        m_ui->profileForm->clearProfile();
        m_ui->sessionLabel->setText(tr("Not signed in."));
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Information,
                                         tr("Signed out. Use File > Sign In to continue."));
        updateActions();
    });

    const AppSettings settings;
    restoreGeometry(settings.mainWindowGeometry());
    restoreState(settings.mainWindowState());
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::requestSignIn(const QString &serverAddress, const QString &username)
{
    const AppSettings settings;
    openLoginDialog({}, false, serverAddress.isEmpty() ? settings.serverAddress() : serverAddress,
                    username.isEmpty() ? settings.lastUsername() : username);
}

LoginDialog *MainWindow::loginDialog() const
{
    return m_loginDialog;
}

void MainWindow::openLoginDialog(const QString &reason, bool serverLocked,
                                 const QString &serverAddress, const QString &username)
{
    if (m_loginDialog)
        m_loginDialog->deleteLater();

    auto *dialog = new LoginDialog(m_client, this);
    dialog->setObjectName(u"loginDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReason(reason);
    dialog->setServerAddress(serverAddress);
    dialog->setUsername(username);
    dialog->setServerLocked(serverLocked);
    m_loginDialog = dialog;

    connect(dialog, &LoginDialog::signedIn, this, [this, dialog] {
        AppSettings settings;
        settings.setServerAddress(m_client->baseUrl().toDisplayString());
        settings.setLastUsername(dialog->username());
        m_username = dialog->username();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        // Without a new sign-in the interrupted request cannot go out; the client reports
        // it as cancelled and the form keeps every edit.
        if (m_client->hasParkedOperation())
            m_client->cancel();
    });

    dialog->open();
    dialog->focusFirstEmptyField();
}

void MainWindow::save()
{
    if (m_busy || !m_session || !m_ui->profileForm->isModified())
        return;
    const std::optional<MemberProfile> edited = m_ui->profileForm->editedProfile();
    if (!edited) {
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Error,
                tr("The plugins JSON is not valid, so nothing was saved. %1")
                        .arg(m_ui->profileForm->pluginsError()));
        return;
    }
    if (!confirmLockout(*edited))
        return;

    const QList<QJsonObject> bodies = ProfileUpdate::bodies(m_ui->profileForm->loadedProfile(),
                                                            *edited, m_session->isAdmin());
    if (bodies.isEmpty())
        return;

    m_saving = *edited;
    m_ui->messageBanner->clear();
    m_client->saveProfile(bodies);
}

bool MainWindow::confirmLockout(const MemberProfile &edited)
{
    const MemberProfile &loaded = m_ui->profileForm->loadedProfile();
    QStringList consequences;
    if (loaded.flag("can_login"_L1) && !edited.flag("can_login"_L1)) {
        consequences << tr("Turning off \"Can sign in\" locks this session out: neko refuses "
                           "its very next request, and this app cannot turn it back on.");
    }
    if (loaded.flag("is_admin"_L1) && !edited.flag("is_admin"_L1)) {
        consequences << tr("Turning off \"Administrator\" on your own session means you can no "
                           "longer change its permissions or plugins, nor undo this.");
    }
    if (consequences.isEmpty())
        return true;

    QMessageBox box(QMessageBox::Warning, tr("Lock yourself out?"),
                    consequences.join(u"\n\n"_s) + u"\n\n"_s + tr("Save anyway?"),
                    QMessageBox::Save | QMessageBox::Cancel, this);
    box.setObjectName(u"lockoutMessageBox"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

void MainWindow::revert()
{
    if (m_busy || !m_session)
        return;
    m_ui->profileForm->setProfile(m_ui->profileForm->loadedProfile(), m_session->isAdmin());
    m_ui->messageBanner->clear();
}

void MainWindow::reload()
{
    if (m_busy || !m_client->isSignedIn())
        return;
    if (m_ui->profileForm->isModified()) {
        const auto answer = QMessageBox::question(
                this, tr("Discard your changes?"),
                tr("Reloading replaces your unsaved changes with the profile on the server."),
                QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    m_client->loadProfile();
}

void MainWindow::signOut()
{
    if (m_busy || !m_client->isSignedIn())
        return;
    m_client->signOut();
}

void MainWindow::about()
{
    AboutDialog dialog(this);
    dialog.setServer(m_client->baseUrl(), m_client->isSignedIn());
    dialog.exec();
}

void MainWindow::showSession(const SessionData &session)
{
    m_session = session;
    const MemberProfile &profile = session.profile;
    const QString role = session.isAdmin() ? tr("administrator") : tr("not an administrator");
    m_ui->sessionLabel->setText(tr("Signed in as %1 (session %2, %3) on %4")
                                        .arg(profile.name.isEmpty() ? session.id : profile.name,
                                             session.id, role,
                                             m_client->baseUrl().toDisplayString()));
    m_ui->profileForm->setProfile(profile, session.isAdmin());
    updateActions();
}

void MainWindow::saved(const SessionData &session)
{
    const bool wasAdmin = m_session ? m_session->isAdmin() : session.isAdmin();
    const MemberProfile wanted = m_saving.value_or(session.profile);
    m_saving.reset();
    showSession(session);

    // neko answers `true` even for fields it ignored; the re-read profile tells the truth.
    const QStringList missing = ProfileUpdate::notTaken(wanted, session.profile, wasAdmin);
    if (missing.isEmpty()) {
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Success, tr("Saved."));
    } else {
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Warning,
                tr("Saved, but the server did not take: %1. The form now shows what the server "
                   "holds.")
                        .arg(missing.join(", "_L1)));
    }
    if (m_closeAfterSave)
        close();
}

void MainWindow::saveUnconfirmed(const ApiResult &result)
{
    // The save went through; what failed is reading it back. Most often the save itself
    // took this session's right to use the API.
    if (m_saving) {
        m_ui->profileForm->setProfile(*m_saving, m_session && m_session->isAdmin());
        m_saving.reset();
    }
    m_ui->messageBanner->showMessage(
            MessageBanner::Kind::Warning,
            tr("Saved, but the profile could not be read back: %1").arg(result.errorString));
    m_closeAfterSave = false;
    updateActions();
}

void MainWindow::failed(const ApiResult &result)
{
    m_saving.reset();
    m_closeAfterSave = false;
    m_ui->messageBanner->showMessage(result.kind == ApiResult::Kind::Canceled
                                             ? MessageBanner::Kind::Warning
                                             : MessageBanner::Kind::Error,
                                     result.errorString);
    updateActions();
}

void MainWindow::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyIndicator->setVisible(busy);
    m_ui->cancelButton->setVisible(busy);
    m_ui->profileForm->setEnabled(!busy);
    if (busy)
        m_ui->cancelButton->setFocus();
    updateActions();
}

void MainWindow::updateActions()
{
    const bool signedIn = m_client->isSignedIn() && m_session.has_value();
    const bool modified = m_ui->profileForm->isModified();
    const bool canSave = signedIn && !m_busy && modified && m_ui->profileForm->isValid();

    m_ui->saveButton->setEnabled(canSave);
    m_ui->saveAction->setEnabled(canSave);
    m_ui->revertButton->setEnabled(signedIn && !m_busy && modified);
    m_ui->reloadAction->setEnabled(signedIn && !m_busy);
    m_ui->signOutAction->setEnabled(m_client->isSignedIn() && !m_busy);
    m_ui->signInAction->setEnabled(!m_busy);

    setWindowModified(modified);
    if (m_session) {
        const QString who
                = m_session->profile.name.isEmpty() ? m_session->id : m_session->profile.name;
        setWindowTitle(tr("%1 on %2[*]").arg(who, m_client->baseUrl().host()));
    } else {
        setWindowTitle(tr("Not signed in[*]"));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_ui->profileForm->isModified() && !m_closeAfterSave) {
        QMessageBox box(QMessageBox::Question, tr("Save your changes?"),
                        tr("The profile has changes that were not saved to the server."),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(u"unsavedMessageBox"_s);
        box.setDefaultButton(QMessageBox::Save);
        if (!m_ui->profileForm->isValid())
            box.button(QMessageBox::Save)->setEnabled(false);
        switch (box.exec()) {
        case QMessageBox::Save:
            m_closeAfterSave = true;
            save();
            event->ignore();
            if (!m_busy)
                m_closeAfterSave = false;
            return;
        case QMessageBox::Discard:
            break;
        default:
            event->ignore();
            return;
        }
    }

    AppSettings settings;
    settings.setMainWindowGeometry(saveGeometry());
    settings.setMainWindowState(saveState());
    QMainWindow::closeEvent(event);
}
