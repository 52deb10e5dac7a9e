// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresult.h"
#include "draftstore.h"
#include "memberprofile.h"
#include "secretstore.h"
#include "sessiondata.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class LoginDialog;
class NekoClient;
class QShortcut;
class QTimer;

namespace Ui {
class MainWindow;
}

// The profile of the signed-in session: who and where at the top, the form, Save and Revert.
// Messages appear inline in the banner; modal boxes only ask for decisions.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The secrets keep a remembered session token; drafts keep unsaved edits.
    MainWindow(NekoClient *client, SecretStore *secrets, const DraftStore &drafts = DraftStore(),
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // At start: continues the remembered session if there is one for this server and user
    // (or for any, when none is given); otherwise opens the login dialog.
    void start(const QString &serverAddress = {}, const QString &username = {});

    // Opens the login dialog, filled with these or with the last server and username.
    void requestSignIn(const QString &serverAddress = {}, const QString &username = {});

    LoginDialog *loginDialog() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void openLoginDialog(const QString &reason, bool serverLocked, const QString &serverAddress,
                         const QString &username);
    void save();
    void revert();
    void reload();
    void signOut();
    void about();

    void signedInThroughDialog(const LoginDialog *dialog);
    void resumeFailed(const ApiResult &result);
    void notRemembered(const SecretStore::Result &result);
    void forgetRememberedSignIn(bool announce);
    static QString secretKey(const QString &server, const QString &username);

    bool draftAwaitsDecision();
    void scheduleDraft();
    void writeDraft();
    void dropDraft();
    void offerDraft();
    void restoreDraft();
    void discardDraft();

    void showSession(const SessionData &session);
    void saved(const SessionData &session);
    void saveUnconfirmed(const ApiResult &result);
    void failed(const ApiResult &result);
    void setBusy(bool busy);
    static QString busyText(ApiOperation operation);
    QString signedInMember() const;
    static QString fieldList(QStringList fields);
    void updateActions();
    void showPage(QWidget *page);
    void updateForgetAction();
    bool confirmLockout(const MemberProfile &edited);

    const std::unique_ptr<Ui::MainWindow> m_ui;
    NekoClient *const m_client;
    SecretStore *const m_secrets;
    const DraftStore m_drafts;
    QTimer *const m_draftTimer;
    QAction *const m_restoreDraftAction;
    QAction *const m_discardDraftAction;
    QShortcut *const m_cancelShortcut; // Esc while a request is out
    std::optional<ProfileDraft> m_offeredDraft; // shown in the banner, not yet decided
    bool m_offerDraft = false; // the next profile shown comes from a new sign-in
    bool m_resuming = false; // signing in with a remembered token
    QPointer<LoginDialog> m_loginDialog;
    QPointer<QWidget> m_focusBeforeBusy;
    std::optional<SessionData> m_session;
    std::optional<MemberProfile> m_saving; // what the running save asked for
    QString m_username;
    QString m_typedServer; // in the last sign-in dialog, which was cancelled
    QString m_typedUsername;
    bool m_busy = false;
    bool m_closeAfterSave = false;
};
