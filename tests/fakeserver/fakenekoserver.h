// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

class FakeHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

// One HTTP request exactly as the fake server received it.
struct FakeRecordedRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // Names in lower case; repeated headers joined by ", ".
    QList<std::pair<QByteArray, QByteArray>> rawHeaders; // As received, in order.
    QByteArray body;
};
Q_DECLARE_METATYPE(FakeRecordedRequest)

// An in-process stand-in for a neko v3 server that uses the "file" or "object" member provider:
// the session id equals the username and each member has at most one session. It implements
// login, logout, whoami, profile and health with the status codes, bodies and quirks described
// in SERVER-BEHAVIOR.md, and lets a test look at and tamper with its state.
class FakeNekoServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeNekoServer(QObject *parent = nullptr);
    ~FakeNekoServer() override;

    // Listens on 127.0.0.1 only; port 0 picks a free port.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // https once useTls() was called

    // Serves https with this certificate; call before listen().
    void useTls(const QSslCertificate &certificate, const QSslKey &key);

    // Normalised like neko's server.path_prefix: "neko", "/neko/" and "/neko" mean "/neko".
    void setPathPrefix(const QString &prefix);
    QString pathPrefix() const;

    void setCookieMode(bool on);
    bool cookieMode() const;
    void setLoginsLocked(bool on);

    // The profile is stored the way Go's MemberProfile struct holds it: missing flags are
    // false, a missing name is "", plugins that are not an object are null, other keys vanish.
    void addMember(const QString &username, const QString &password, const QJsonObject &profile);
    void setMemberConnected(const QString &username, bool connected);

    QJsonObject sessionProfile(const QString &memberId) const;
    QString tokenOf(const QString &memberId) const;
    QStringList sessionIds() const;
    void setSessionProfile(const QString &memberId, const QJsonObject &profile);
    void dropAllSessions();

    // The next request to <prefix>/api/<apiPath> gets this answer instead of the normal one,
    // whatever its method or credentials. Several calls for one path queue up in order.
    void respondOnce(const QString &apiPath, int status, const QByteArray &contentType,
                     const QByteArray &body);

    QList<FakeRecordedRequest> requests() const;
    QList<FakeRecordedRequest> requestsTo(const QString &apiPath) const;
    void clearRequests();

    // The JSON text neko would send for a profile: fields in Go's struct order.
    static QByteArray encodeProfile(const QJsonObject &profile);

Q_SIGNALS:
    void requestReceived(const FakeRecordedRequest &request);
    void profileChanged(const QString &memberId, const QJsonObject &profile);

private:
    struct Member
    {
        QString password;
        QJsonObject profile;
        bool connected = false;
    };

    struct Session
    {
        QString token;
        QJsonObject profile;
    };

    struct CannedAnswer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };

    // The outcome of the authentication middleware: either a session id or an error answer.
    struct AuthResult
    {
        QString sessionId;
        int errorStatus = 0;
        QString errorMessage;
    };

    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    void handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Response route(const FakeRecordedRequest &request);
    Response login(const FakeRecordedRequest &request);
    Response logout(const FakeRecordedRequest &request, const QString &sessionId);
    Response whoami(const QString &sessionId) const;
    Response updateProfile(const FakeRecordedRequest &request, const QString &sessionId);
    static Response jsonError(int status, const QString &message);
    AuthResult authenticate(const FakeRecordedRequest &request) const;

    QString apiPathOf(const QString &path) const;
    QString findSessionByToken(const QString &token) const;
    QByteArray encodeState(const QString &sessionId) const;
    static QString newToken();

    FakeHttpServer *m_http = nullptr;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_prefix;
    bool m_cookieMode = false;
    bool m_loginsLocked = false;
    QHash<QString, Member> m_members;
    QHash<QString, Session> m_sessions;
    QHash<QString, QList<CannedAnswer>> m_cannedAnswers;
    QList<FakeRecordedRequest> m_requests;
};
