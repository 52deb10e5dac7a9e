// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresult.h"
#include "memberprofile.h"
#include "sessiondata.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class LoginDialog;
class NekoClient;

namespace Ui {
class MainWindow;
}

// The profile of the signed-in session: who and where at the top, the form, Save and Revert.
// Messages appear inline in the banner; modal boxes only ask for decisions.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(NekoClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

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

    void showSession(const SessionData &session);
    void saved(const SessionData &session);
    void saveUnconfirmed(const ApiResult &result);
    void failed(const ApiResult &result);
    void setBusy(bool busy);
    void updateActions();
    bool confirmLockout(const MemberProfile &edited);

    const std::unique_ptr<Ui::MainWindow> m_ui;
    NekoClient *const m_client;
    QPointer<LoginDialog> m_loginDialog;
    std::optional<SessionData> m_session;
    std::optional<MemberProfile> m_saving; // what the running save asked for
    QString m_username;
    bool m_busy = false;
    bool m_closeAfterSave = false;
};
