// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresult.h"
#include "messagebanner.h"
#include "sessiondata.h"

#include <QByteArray>
#include <QDialog>
#include <QUrl>

#include <memory>

class NekoClient;
class ServerAddress;
class QAction;
class QLineEdit;

namespace Ui {
class LoginDialog;
}

// Asks for the server, the username and the password, and signs in through the client. It
// closes with accept() once neko has confirmed the session.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(NekoClient *client, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setServerAddress(const QString &address);
    void setUsername(const QString &username);

    // Why the dialog is open, e.g. that the session ended; shown above the fields.
    void setReason(const QString &reason);

    // Signing in again to finish an interrupted request must reach the same server.
    void setServerLocked(bool locked);

    QString serverAddress() const;
    QString username() const;

    // Whether the admin asked to keep the session token in the keychain.
    bool rememberMe() const;
    void setRememberMe(bool remember);

    // Focuses the first empty field, or the password.
    void focusFirstEmptyField();

    void done(int result) override;

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void signedIn(const SessionData &session);

private:
    void signIn();
    void setBusy(bool busy);
    void showFailure(const ApiResult &result);
    void showMessage(MessageBanner::Kind kind, const QString &text,
                     const QList<QAction *> &actions = {});
    void showFieldError(QLineEdit *field, const QString &text);
    void fieldEdited(QLineEdit *field);
    void fitHeight();
    void serverAddressChanged(const QString &text);
    void serverAddressEdited(const QString &text);
    void removeLinkCredentials();
    void updatePlainHttpWarning(const ServerAddress &address);
    void takeLinkCredentials(const ServerAddress &address);
    void trustRefusedCertificate();

    const std::unique_ptr<Ui::LoginDialog> m_ui;
    NekoClient *const m_client;
    QAction *const m_trustAction;
    QUrl m_refusedServer; // where the certificate in m_refusedCertificate came from
    QByteArray m_refusedCertificate;
    QString m_serverText; // the server field's text, and what it was before its last change
    QString m_serverTextBefore;
    QString m_linkUsername; // the username the last link in the server field brought
    QLineEdit *m_invalidField = nullptr; // the field the message shown is about, if any
    bool m_busy = false;
};
