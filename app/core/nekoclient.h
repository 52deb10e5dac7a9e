// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresult.h"
#include "sessiondata.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// Talks to one neko server on behalf of the signed-in member: signs in, loads and saves the
// current session's profile, signs out. One operation runs at a time.
//
// When a request is answered 401, the operation is parked and signInRequired() is emitted.
// After the next successful signIn() the parked request goes out once more, with the same
// body; a second 401 then fails it instead of asking again, so it never loops.
class NekoClient : public QObject
{
    Q_OBJECT

public:
    explicit NekoClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~NekoClient() override;

    // The server to talk to, and the SHA-256 fingerprint of a certificate the admin trusts
    // for it although the system does not (empty for none).
    void setBaseUrl(const QUrl &baseUrl, const QByteArray &trustedCertificate = {});
    QUrl baseUrl() const { return m_baseUrl; }

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    bool isSignedIn() const { return !m_token.isEmpty(); }

    // The session token, for the keychain; nothing else may keep it.
    QString token() const { return m_token; }
    bool isBusy() const;
    // What the request that is out is for; only meaningful while busy.
    ApiOperation runningOperation() const;
    bool hasParkedOperation() const { return !m_parked.steps.isEmpty(); }

    // POST api/login, then GET api/whoami to confirm. Ends in signedIn() or signInFailed().
    bool signIn(const QString &username, const QString &password);

    // Continues a session with a token kept from an earlier sign-in: GET api/whoami. Ends in
    // signedIn() or signInFailed().
    bool resume(const QString &token);

    // GET api/whoami. Ends in profileLoaded() or operationFailed().
    bool loadProfile();

    // POST api/profile with each body in order, then GET api/whoami. Ends in profileSaved(),
    // saveUnconfirmed() or operationFailed(). Refused (false) while another request is out.
    bool saveProfile(const QList<QJsonObject> &bodies);

    // POST api/logout; the token is forgotten whatever the server says.
    bool signOut();

    // Aborts the running request, or drops the parked one. The operation then fails with
    // ApiResult::Kind::Canceled.
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void signedIn(const SessionData &session);
    void signInFailed(const ApiResult &result);
    void signInRequired(const QString &reason);
    void profileLoaded(const SessionData &session);
    void profileSaved(const SessionData &session);
    // Saved, but re-reading the profile failed (for instance because the save locked the
    // session out).
    void saveUnconfirmed(const ApiResult &result);
    void operationFailed(const ApiResult &result);
    void signedOut();

private:
    struct Step
    {
        QByteArray verb;
        QString endpoint;
        QByteArray body;
        ApiOperation operation;
    };

    struct Operation
    {
        QList<Step> steps;
        qsizetype next = 0;
        bool resent = false; // sent again after a 401 and a new sign-in
    };

    bool start(Operation operation);
    void sendNext();
    void finished(QNetworkReply *reply);
    void stepSucceeded(const Step &step, const ApiResult &result);
    void fail(const ApiResult &result);
    void finishOperation();
    bool adoptSession(const ApiResult &result, QNetworkReply *reply);
    void checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors);
    void checkRedirect(QNetworkReply *reply, const QUrl &target);
    void checkSize(QNetworkReply *reply, qint64 received, qint64 total);
    void refuse(QNetworkReply *reply, const ApiResult &refusal);

    QNetworkAccessManager *const m_network;
    QUrl m_baseUrl;
    QByteArray m_trustedCertificate;
    QString m_token;
    std::chrono::milliseconds m_timeout;

    Operation m_running;
    Operation m_parked;
    QPointer<QNetworkReply> m_reply;
    bool m_canceled = false;
    std::optional<ApiResult> m_refusal; // why the client itself stopped the running reply
};
