// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "certificatetrust.h"
#include "logging.h"
#include "logindialog.h"
#include "nekoclient.h"
#include "profileflags.h"
#include "profileupdate.h"
#include "secretstore.h"
#include "serveraddress.h"

#include <QCloseEvent>
#include <QDir>
#include <QLocale>
#include <QMessageBox>
#include <QShortcut>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// How long typing pauses before the draft is written: often enough that a crash loses
// little, seldom enough that a fast typist does not write a file per key.
constexpr auto DraftDelay = std::chrono::milliseconds(400);

} // namespace

MainWindow::MainWindow(NekoClient *client, SecretStore *secrets, const DraftStore &drafts,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_client(client)
    , m_secrets(secrets)
    , m_drafts(drafts)
    , m_draftTimer(new QTimer(this))
    , m_restoreDraftAction(new QAction(tr("R&estore"), this))
    , m_discardDraftAction(new QAction(tr("&Discard"), this))
    , m_cancelShortcut(new QShortcut(QKeySequence::Cancel, this))
{
    m_ui->setupUi(this);
    m_ui->busyIndicator->hide();
    m_ui->busyLabel->hide();
    m_ui->cancelButton->hide();
    m_ui->sessionLabel->setText(tr("Not signed in."));

    m_ui->saveAction->setShortcut(QKeySequence::Save);
    m_ui->reloadAction->setShortcut(QKeySequence::Refresh);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    m_ui->quitAction->setMenuRole(QAction::QuitRole);
    m_ui->aboutAction->setMenuRole(QAction::AboutRole);

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(DraftDelay);
    connect(m_draftTimer, &QTimer::timeout, this, &MainWindow::writeDraft);
    m_restoreDraftAction->setObjectName(u"restoreDraft"_s);
    m_restoreDraftAction->setToolTip(tr("Put the unsaved changes back into the form"));
    m_discardDraftAction->setObjectName(u"discardDraft"_s);
    m_discardDraftAction->setToolTip(tr("Delete the unsaved changes for good"));
    connect(m_restoreDraftAction, &QAction::triggered, this, &MainWindow::restoreDraft);
    connect(m_discardDraftAction, &QAction::triggered, this, &MainWindow::discardDraft);

    connect(m_ui->saveButton, &QPushButton::clicked, this, &MainWindow::save);
    connect(m_ui->saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &MainWindow::revert);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_client, &NekoClient::cancel);
    m_cancelShortcut->setEnabled(false);
    connect(m_cancelShortcut, &QShortcut::activated, m_client, &NekoClient::cancel);
    connect(m_ui->reloadAction, &QAction::triggered, this, &MainWindow::reload);
    connect(m_ui->signInAction, &QAction::triggered, this, [this] { requestSignIn(); });
    connect(m_ui->signInButton, &QPushButton::clicked, this, [this] { requestSignIn(); });
    connect(m_ui->signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    connect(m_ui->forgetAction, &QAction::triggered, this,
            [this] { forgetRememberedSignIn(true); });
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->profileForm, &ProfileForm::edited, this, [this] {
        // "Saved." stops being true with the next edit.
        if (m_ui->messageBanner->kind() == MessageBanner::Kind::Success
            && m_ui->profileForm->isModified())
            m_ui->messageBanner->clear();
        scheduleDraft();
        updateActions();
    });

    connect(m_client, &NekoClient::busyChanged, this, &MainWindow::setBusy);
    connect(m_client, &NekoClient::signedIn, this, [this](const SessionData &session) {
        // After a 401 the interrupted save goes out again by itself: keep the edits.
        // The dialog's own signedIn() comes after this one, and the draft needs the member.
        if (m_loginDialog && !m_resuming)
            m_username = m_loginDialog->username();
        m_resuming = false;
        if (!m_client->hasParkedOperation() && !m_client->isBusy())
            showSession(session);
        else
            m_session = session;
        m_ui->messageBanner->clear();
        if (m_offerDraft)
            offerDraft();
    });
    connect(m_client, &NekoClient::signInFailed, this, [this](const ApiResult &result) {
        // The login dialog reports its own failures; only a remembered session's are ours.
        if (m_resuming)
            resumeFailed(result);
    });
    connect(m_client, &NekoClient::profileLoaded, this, &MainWindow::showSession);
    connect(m_client, &NekoClient::profileSaved, this, &MainWindow::saved);
    connect(m_client, &NekoClient::saveUnconfirmed, this, &MainWindow::saveUnconfirmed);
    connect(m_client, &NekoClient::operationFailed, this, &MainWindow::failed);
    connect(m_client, &NekoClient::signInRequired, this, [this](const QString &reason) {
        openLoginDialog(reason, true, m_client->baseUrl().toDisplayString(), m_username);
    });
    connect(m_client, &NekoClient::signedOut, this, [this] {
        // Edits typed just before signing out still go into the draft.
        if (m_draftTimer->isActive())
            writeDraft();
        const bool draftKept = m_session && m_ui->profileForm->isModified();
        m_offeredDraft.reset();
        m_session.reset();
        m_ui->profileForm->clearProfile();
        m_ui->sessionLabel->setText(tr("Not signed in."));
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Information,
                draftKept ? tr("Signed out. Your unsaved changes are kept and offered back when "
                               "this member signs in here again.")
                          : tr("Signed out."));
        updateActions();
    });

    const AppSettings settings;
    restoreGeometry(settings.mainWindowGeometry());
    restoreState(settings.mainWindowState());
    updateActions();
    updateForgetAction();
}

MainWindow::~MainWindow() = default;

void MainWindow::start(const QString &serverAddress, const QString &username)
{
    const AppSettings settings;
    const QString server = settings.rememberedServer();
    const QString member = settings.rememberedUsername();

    // A server or user named on the command line that is not the remembered one asks for a
    // password, like any other new sign-in. So does the member of a link given as the server.
    const QString linkMember = ServerAddress::parse(serverAddress).linkUsername();
    const bool otherServer = !serverAddress.isEmpty()
            && ServerAddress::parse(serverAddress).baseUrl().toDisplayString() != server;
    const bool otherMember = (!username.isEmpty() && username != member)
            || (!linkMember.isEmpty() && linkMember != member);
    if (server.isEmpty() || member.isEmpty() || otherServer || otherMember) {
        requestSignIn(serverAddress, username);
        return;
    }

    m_ui->messageBanner->showMessage(
            MessageBanner::Kind::Information,
            tr("Signing in to %1 as %2 with the remembered session…").arg(server, member));
    m_secrets->read(secretKey(server, member), this, [this, server, member](const auto &result) {
        switch (result.status) {
        case SecretStore::Status::Ok: {
            const QUrl url(server);
            m_client->setBaseUrl(url, CertificateTrust::trusted(url));
            m_username = member;
            m_resuming = true;
            m_offerDraft = true;
            if (!m_client->resume(result.secret)) {
                m_resuming = false;
                requestSignIn(server, member);
            }
            break;
        }
        case SecretStore::Status::NotFound:
            // Someone emptied the keychain; there is nothing left to forget.
            AppSettings().clearRemembered();
            updateForgetAction();
            m_ui->messageBanner->clear();
            requestSignIn(server, member);
            break;
        default:
            m_ui->messageBanner->clear();
            openLoginDialog(tr("The system keychain could not be read (%1), so the remembered "
                               "session cannot be used. Please sign in.")
                                    .arg(result.errorString),
                            false, server, member);
            break;
        }
    });
}

void MainWindow::requestSignIn(const QString &serverAddress, const QString &username)
{
    // What the last dialog held comes back, so that cancelling it and clicking Sign In again
    // does not ask to type the address a second time.
    const AppSettings settings;
    const QString server = serverAddress.isEmpty()
            ? (m_typedServer.isEmpty() ? settings.serverAddress() : m_typedServer)
            : serverAddress;
    const QString member = username.isEmpty()
            ? (m_typedUsername.isEmpty() ? settings.lastUsername() : m_typedUsername)
            : username;
    openLoginDialog({}, false, server, member);
}

void MainWindow::resumeFailed(const ApiResult &result)
{
    m_resuming = false;
    m_offerDraft = false;
    const QString server = m_client->baseUrl().toDisplayString();
    m_ui->messageBanner->clear();

    // A token neko no longer knows is of no use to anyone: forget it. Any other failure,
    // such as a server that is down, leaves it for the next try.
    QString reason;
    if (result.kind == ApiResult::Kind::Unauthorized || result.kind == ApiResult::Kind::Forbidden) {
        forgetRememberedSignIn(false);
        reason = tr("The remembered session has ended. Please sign in again.");
    } else {
        reason = result.errorString;
    }
    openLoginDialog(reason, false, server, m_username);
}

void MainWindow::signedInThroughDialog(const LoginDialog *dialog)
{
    const QString server = m_client->baseUrl().toDisplayString();
    const QString member = dialog->username();
    m_typedServer.clear();
    m_typedUsername.clear();
    AppSettings settings;
    settings.setServerAddress(server);
    settings.setLastUsername(member);

    const bool wasRemembered
            = settings.rememberedServer() == server && settings.rememberedUsername() == member;
    if (!dialog->rememberMe()) {
        if (wasRemembered)
            forgetRememberedSignIn(false);
        return;
    }

    // One remembered sign-in at a time: the one before goes once this one is kept.
    const QString previousKey = settings.rememberedServer().isEmpty()
            ? QString()
            : secretKey(settings.rememberedServer(), settings.rememberedUsername());
    const QString key = secretKey(server, member);
    const auto kept = [this, server, member, key, previousKey](const auto &result) {
        if (result.status != SecretStore::Status::Ok) {
            notRemembered(result);
            return;
        }
        AppSettings().setRemembered(server, member);
        if (!previousKey.isEmpty() && previousKey != key)
            m_secrets->remove(previousKey, this, [](const auto &) {});
        updateForgetAction();
    };
    m_secrets->write(key, m_client->token(), this, kept);
}

void MainWindow::notRemembered(const SecretStore::Result &result)
{
    qCWarning(lcSecrets) << "the keychain did not keep the session:" << int(result.status)
                         << result.errorString;
    const QString why = result.status == SecretStore::Status::Unavailable
            ? tr("this computer has no system keychain: %1").arg(result.errorString)
            : tr("the system keychain failed: %1").arg(result.errorString);
    m_ui->messageBanner->showMessage(MessageBanner::Kind::Warning,
                                     tr("The sign-in could not be remembered (%1). You will be "
                                        "asked for the password next time.")
                                             .arg(why));
}

void MainWindow::forgetRememberedSignIn(bool announce)
{
    AppSettings settings;
    const QString server = settings.rememberedServer();
    const QString member = settings.rememberedUsername();
    if (server.isEmpty())
        return;

    // The setting goes first: even if the keychain fails to delete, the token is not used.
    settings.clearRemembered();
    updateForgetAction();
    m_secrets->remove(secretKey(server, member), this, [this, announce, server](const auto &r) {
        if (r.status == SecretStore::Status::Ok || r.status == SecretStore::Status::NotFound) {
            if (announce) {
                m_ui->messageBanner->showMessage(
                        MessageBanner::Kind::Information,
                        tr("The remembered sign-in for %1 is forgotten.").arg(server));
            }
            return;
        }
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Warning,
                tr("The session token for %1 could not be deleted from the system keychain "
                   "(%2). It will not be used again; you may delete it there yourself.")
                        .arg(server, r.errorString));
    });
}

QString MainWindow::secretKey(const QString &server, const QString &username)
{
    return username + u'@' + server;
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
    dialog->setRememberMe(!AppSettings().rememberedServer().isEmpty());
    m_loginDialog = dialog;

    // A new sign-in, unlike one that finishes an interrupted request, may find a draft.
    m_offerDraft = !serverLocked;

    connect(dialog, &LoginDialog::signedIn, this,
            [this, dialog] { signedInThroughDialog(dialog); });
    connect(dialog, &QDialog::rejected, this, [this, dialog] {
        // Only an address that parses is kept: a pasted link may carry a password.
        const ServerAddress address = ServerAddress::parse(dialog->serverAddress());
        m_typedServer = address.isValid() ? address.displayString() : QString();
        m_typedUsername = dialog->username();

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
                           "its very next request, so this app cannot turn it back on. Signing "
                           "in again ends the lock-out, because a new session starts with the "
                           "member's stored permissions.");
    }
    if (loaded.flag("is_admin"_L1) && !edited.flag("is_admin"_L1)) {
        consequences << tr("Turning off \"Administrator\" on your own session means you can no "
                           "longer change its permissions or plugins, nor undo this, until you "
                           "sign in again and get the member's stored permissions back.");
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
    dropDraft();
}

void MainWindow::reload()
{
    if (m_busy || !m_session)
        return;
    if (m_ui->profileForm->isModified()) {
        QMessageBox box(QMessageBox::Question, tr("Discard your changes?"),
                        tr("Reloading replaces your unsaved changes with the profile on the "
                           "server."),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(u"reloadMessageBox"_s);
        box.button(QMessageBox::Discard)->setText(tr("Discard and &Reload"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Discard)
            return;
    }

    // "Saved." or a failure from before would stand next to the fresh profile as if about it.
    if (!draftAwaitsDecision())
        m_ui->messageBanner->clear();
    m_client->loadProfile();
}

void MainWindow::signOut()
{
    if (m_busy || !m_client->isSignedIn())
        return;
    forgetRememberedSignIn(false);
    m_client->signOut();
}

void MainWindow::about()
{
    AboutDialog dialog(this);
    dialog.setServer(m_client->baseUrl(), m_client->isSignedIn());
    dialog.exec();
}

bool MainWindow::draftAwaitsDecision()
{
    // An offer that the admin dismissed, or that another message replaced, is declined: the
    // edits made since then are the ones to keep.
    if (m_offeredDraft && !m_ui->messageBanner->actions().contains(m_restoreDraftAction))
        m_offeredDraft.reset();
    return m_offeredDraft.has_value();
}

void MainWindow::scheduleDraft()
{
    // While an older draft waits for the admin's decision, writing would replace it.
    if (!m_session || draftAwaitsDecision())
        return;
    m_draftTimer->start();
}

void MainWindow::writeDraft()
{
    m_draftTimer->stop();
    if (!m_session || draftAwaitsDecision())
        return;
    const QString server = m_client->baseUrl().toDisplayString();
    if (!m_ui->profileForm->isModified()) {
        m_drafts.remove(server, m_username);
        return;
    }

    ProfileDraft draft = m_ui->profileForm->edits();
    draft.server = server;
    draft.member = m_username;
    draft.savedAt = QDateTime::currentDateTimeUtc();
    if (!m_drafts.save(draft)) {
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Warning,
                tr("Your unsaved changes could not be kept on disk, so a crash would lose "
                   "them. Check that %1 is writable.")
                        .arg(QDir::toNativeSeparators(m_drafts.folder())));
    }
}

void MainWindow::dropDraft()
{
    m_draftTimer->stop();
    m_offeredDraft.reset();
    if (m_session)
        m_drafts.remove(m_client->baseUrl().toDisplayString(), m_username);
}

void MainWindow::offerDraft()
{
    m_offerDraft = false;
    if (!m_session)
        return;
    std::optional<ProfileDraft> draft
            = m_drafts.load(m_client->baseUrl().toDisplayString(), m_username);
    if (!draft)
        return;

    // A draft whose changes the server holds now offers nothing.
    const QStringList fields = m_ui->profileForm->fieldsRestoredFrom(*draft);
    if (fields.isEmpty()) {
        m_drafts.remove(draft->server, draft->member);
        return;
    }

    m_offeredDraft = draft;
    const QString when = QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat);
    m_ui->messageBanner->showMessage(
            MessageBanner::Kind::Information,
            tr("Changes from %1 were not saved to the server: %2. Restore them into the form?")
                    .arg(when, fields.join(", "_L1)),
            {m_restoreDraftAction, m_discardDraftAction});
}

void MainWindow::restoreDraft()
{
    if (!m_offeredDraft || !m_session || m_busy)
        return;
    const ProfileDraft draft = *m_offeredDraft;
    m_offeredDraft.reset();
    m_ui->messageBanner->clear();
    m_ui->profileForm->restoreEdits(draft);
}

void MainWindow::discardDraft()
{
    if (!m_offeredDraft)
        return;
    m_ui->messageBanner->clear();
    dropDraft();
}

void MainWindow::showSession(const SessionData &session)
{
    m_session = session;
    const MemberProfile &profile = session.profile;
    const QString role = session.isAdmin() ? tr("administrator") : tr("not an administrator");
    const QString server = m_client->baseUrl().toDisplayString();

    const QString member = signedInMember();
    if (member == session.id) {
        m_ui->sessionLabel->setText(tr("Signed in to %1 as %2 (%3).").arg(server, member, role));
    } else {
        m_ui->sessionLabel->setText(tr("Signed in to %1 as %2 (session %3, %4).")
                                            .arg(server, member, session.id, role));
    }
    m_ui->profileForm->setProfile(profile, session.isAdmin());
    updateActions();
}

void MainWindow::saved(const SessionData &session)
{
    const bool wasAdmin = m_session ? m_session->isAdmin() : session.isAdmin();
    const MemberProfile loaded = m_ui->profileForm->loadedProfile();
    const MemberProfile wanted = m_saving.value_or(session.profile);
    m_saving.reset();
    showSession(session);
    dropDraft();

    // neko answers `true` even for fields it ignored; the re-read profile tells the truth.
    const QStringList missing = ProfileUpdate::notTaken(loaded, wanted, session.profile, wasAdmin);
    const QStringList elsewhere
            = ProfileUpdate::changedElsewhere(loaded, wanted, session.profile, wasAdmin);
    if (!missing.isEmpty()) {
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Warning,
                tr("Saved, but the server did not take: %1. The form now shows what the server "
                   "holds.")
                        .arg(fieldList(missing)));
    } else if (!elsewhere.isEmpty()) {
        // Most often a new session after a server restart, which starts from the member's
        // stored profile: fields the admin did not touch changed under the form.
        m_ui->messageBanner->showMessage(
                MessageBanner::Kind::Information,
                tr("Saved. Other fields changed on the server since the profile was loaded: %1. "
                   "The form shows what it holds now.")
                        .arg(fieldList(elsewhere)));
    } else {
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Success, tr("Saved."));
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
    const bool canceled = result.kind == ApiResult::Kind::Canceled;
    QString message = result.errorString;
    if (canceled && !m_client->isSignedIn() && m_session)
        message += u' ' + tr("Save again to sign in and send them.");
    m_ui->messageBanner->showMessage(
            canceled ? MessageBanner::Kind::Warning : MessageBanner::Kind::Error, message);
    updateActions();
}

void MainWindow::setBusy(bool busy)
{
    // The form is locked while the request is out, and the field that had the focus gets it
    // back after, so that the admin who pressed Ctrl+S in it can type on. Cancel never takes
    // the focus: a space typed on while saving would press it. Esc and Alt+C reach it.
    if (busy && !m_busy)
        m_focusBeforeBusy = focusWidget();

    m_busy = busy;
    if (busy)
        m_ui->busyLabel->setText(busyText(m_client->runningOperation()));
    m_ui->busyIndicator->setVisible(busy);
    m_ui->busyLabel->setVisible(busy);
    m_ui->cancelButton->setVisible(busy);
    m_cancelShortcut->setEnabled(busy);
    m_ui->profileForm->setEnabled(!busy);
    updateActions();

    if (!busy && m_focusBeforeBusy && m_focusBeforeBusy->isVisible()
        && m_focusBeforeBusy->isEnabled())
        m_focusBeforeBusy->setFocus();
}

QString MainWindow::fieldList(QStringList fields)
{
    // A few names say enough; thousands of plugin keys would push the form off the window.
    const qsizetype shown = 5;
    if (fields.size() > shown + 1) {
        const qsizetype more = fields.size() - shown;
        fields.resize(shown);
        fields << tr("and %1 more").arg(more);
    }
    return fields.join(", "_L1);
}

QString MainWindow::signedInMember() const
{
    // Who signed in, not the profile's name: that one is in the form, may be empty, and may be
    // long enough to push the window wider than the screen or the app's name out of the title.
    return m_username.isEmpty() ? m_session->id : m_username;
}

QString MainWindow::busyText(ApiOperation operation)
{
    switch (operation) {
    case ApiOperation::SignIn:
    case ApiOperation::ConfirmSignIn:
        return tr("Signing in…");
    case ApiOperation::Load:
        return tr("Loading the profile…");
    case ApiOperation::Save:
        return tr("Saving…");
    case ApiOperation::SignOut:
        return tr("Signing out…");
    }
    return {};
}

void MainWindow::updateForgetAction()
{
    m_ui->forgetAction->setEnabled(!AppSettings().rememberedServer().isEmpty());
}

void MainWindow::updateActions()
{
    // A session whose token is gone can still save and reload: the request is answered 401
    // and goes out again after signing in, as any other interrupted one.
    const bool signedIn = m_session.has_value();
    const bool modified = m_ui->profileForm->isModified();
    const bool canSave = signedIn && !m_busy && modified && m_ui->profileForm->isValid();

    showPage(signedIn ? m_ui->profilePage : m_ui->signedOutPage);
    m_ui->sessionLabel->setVisible(signedIn); // the signed-out page says it itself
    m_ui->revertButton->setVisible(signedIn);
    m_ui->saveButton->setVisible(signedIn);
    m_ui->saveButton->setEnabled(canSave);
    m_ui->saveAction->setEnabled(canSave);
    m_ui->revertButton->setEnabled(signedIn && !m_busy && modified);
    m_ui->reloadAction->setEnabled(signedIn && !m_busy);
    m_ui->signOutAction->setEnabled(m_client->isSignedIn() && !m_busy);
    m_ui->signInAction->setEnabled(!m_busy);

    setWindowModified(modified);
    if (m_session) {
        setWindowTitle(tr("%1 on %2[*]").arg(signedInMember(), m_client->baseUrl().host()));
    } else {
        setWindowTitle(tr("Not signed in[*]"));
    }
}

void MainWindow::showPage(QWidget *page)
{
    if (m_ui->pages->currentWidget() == page)
        return;

    // The focus was on the page that goes, and would otherwise fall to the menu bar.
    m_ui->pages->setCurrentWidget(page);
    if (page == m_ui->signedOutPage)
        m_ui->signInButton->setFocus();
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
            dropDraft();
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
