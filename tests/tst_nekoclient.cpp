// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequests.h"
#include "certificatetrust.h"
#include "fakenekoserver.h"
#include "nekoclient.h"
#include "profileflags.h"
#include "profileupdate.h"
#include "rawhttpserver.h"
#include "testcertificate.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject fullProfile(const QString &name, bool admin)
{
    QJsonObject profile {{"name"_L1, name}};
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.insert(flag.key, true);
    profile.insert("is_admin"_L1, admin);
    profile.insert("plugins"_L1,
                   QJsonObject {{"chat.can_send"_L1, true}, {"filetransfer.enabled"_L1, true}});
    return profile;
}

QJsonObject bodyOf(const FakeRecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

class TestNekoClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldSignInWithTheTokenFromTheBody();
    void shouldUseTheSessionCookieAsBearerTokenInCookieMode();
    void shouldSendEveryRequestUnderThePathPrefix();
    void shouldReportAMissingPathPrefixAsNotNeko();
    void shouldReportSignInFailures_data();
    void shouldReportSignInFailures();
    void shouldReportAnAccountThatMayNotUseTheApi();
    void shouldSaveAFlagAndReadTheProfileBack();
    void shouldRemoveAPluginKeyOnTheServer();
    void shouldSendOnlyTheNameForANonAdmin();
    void shouldRefuseASecondSaveWhileOneIsOut();
    void shouldResendTheSameBodyAfterSigningInAgain();
    void shouldFailInsteadOfAskingTwice();
    void shouldReportAParkedSaveAsCancelled();
    void shouldReportAProxyPageAsNotNeko();
    void shouldSayWhatToCheckWhenNothingListens();
    void shouldGiveUpOnAServerThatNeverAnswers();
    void shouldSayThatASaveThatTimedOutMayHaveBeenSaved_data();
    void shouldSayThatASaveThatTimedOutMayHaveBeenSaved();
    void shouldRefuseAnUntrustedCertificateAndNameItsFingerprint();
    void shouldAcceptExactlyTheTrustedCertificate();
    void shouldRefuseACertificateThatChanged();
    void shouldFollowARedirectOnTheSameServer();
    void shouldNotCarryTheTokenToAnotherHost();
    void shouldStopFollowingEndlessRedirects();
    void shouldNotFollowARedirectFromHttpsToHttp();
    void shouldSayWhenTheServerClosesWithoutAnswer();
    void shouldSuggestHttpWhenTheServerDoesNotSpeakHttps_data();
    void shouldSuggestHttpWhenTheServerDoesNotSpeakHttps();
    void shouldStopReadingAnAnswerOfTensOfMegabytes();
    void shouldIgnoreAnAnswerThatArrivesAfterCancel();
    void shouldRefuseAProfileAnswerItCannotRead_data();
    void shouldRefuseAProfileAnswerItCannotRead();

private:
    void signIn(const QString &username, const QString &password);
    static std::optional<TestCertificate> certificate();

    std::unique_ptr<FakeNekoServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<NekoClient> m_client;
};

void TestNekoClient::init()
{
    m_server = std::make_unique<FakeNekoServer>();
    m_server->addMember(u"admin"_s, u"admin"_s, fullProfile(u"Admin"_s, true));
    m_server->addMember(u"user"_s, u"neko"_s, fullProfile(u"User"_s, false));
    QVERIFY(m_server->listen());

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<NekoClient>(m_network.get());
    m_client->setBaseUrl(m_server->baseUrl());
}

void TestNekoClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

void TestNekoClient::signIn(const QString &username, const QString &password)
{
    QSignalSpy signedIn(m_client.get(), &NekoClient::signedIn);
    QVERIFY(m_client->signIn(username, password));
    QTRY_COMPARE(signedIn.size(), 1);
}

void TestNekoClient::shouldSignInWithTheTokenFromTheBody()
{
    QSignalSpy signedIn(m_client.get(), &NekoClient::signedIn);
    QVERIFY(m_client->signIn(u"admin"_s, u"admin"_s));
    QTRY_COMPARE(signedIn.size(), 1);

    const auto session = signedIn.first().first().value<SessionData>();
    QCOMPARE(session.id, u"admin"_s);
    QCOMPARE(session.profile.name, u"Admin"_s);
    QVERIFY(session.isAdmin());

    const QList<FakeRecordedRequest> whoami = m_server->requestsTo(u"whoami"_s);
    QCOMPARE(whoami.size(), 1);
    QCOMPARE(whoami.first().headers.value("authorization"),
             "Bearer "_ba + m_server->tokenOf(u"admin"_s).toUtf8());
}

void TestNekoClient::shouldUseTheSessionCookieAsBearerTokenInCookieMode()
{
    m_server->setCookieMode(true);
    signIn(u"admin"_s, u"admin"_s);

    const FakeRecordedRequest whoami = m_server->requestsTo(u"whoami"_s).first();
    QCOMPARE(whoami.headers.value("authorization"),
             "Bearer "_ba + m_server->tokenOf(u"admin"_s).toUtf8());

    // The Secure cookie must not be what carries the session; it would never be sent back
    // over plain http.
    QVERIFY(!whoami.headers.contains("cookie"));
}

void TestNekoClient::shouldSendEveryRequestUnderThePathPrefix()
{
    m_server->setPathPrefix(u"/neko"_s);
    m_client->setBaseUrl(m_server->baseUrl());
    QVERIFY(m_server->baseUrl().path() == "/neko/"_L1);
    signIn(u"admin"_s, u"admin"_s);

    for (const FakeRecordedRequest &request : m_server->requests())
        QVERIFY2(request.path.startsWith("/neko/api/"_L1), qPrintable(request.path));
}

void TestNekoClient::shouldReportAMissingPathPrefixAsNotNeko()
{
    m_server->setPathPrefix(u"/neko"_s);
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::NotNeko);
    QCOMPARE(result.httpStatus, 404);
    QVERIFY2(result.errorString.contains("prefix"_L1), qPrintable(result.errorString));
}

void TestNekoClient::shouldReportSignInFailures_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("locked");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<ApiResult::Kind>("kind");
    QTest::addColumn<int>("status");

    QTest::addRow("wrong password")
            << u"admin"_s << u"nope"_s << false << false << ApiResult::Kind::Unauthorized << 401;
    QTest::addRow("unknown member")
            << u"ghost"_s << u"admin"_s << false << false << ApiResult::Kind::Unauthorized << 401;
    QTest::addRow("logins locked")
            << u"user"_s << u"neko"_s << true << false << ApiResult::Kind::Forbidden << 403;
    QTest::addRow("connected elsewhere")
            << u"admin"_s << u"admin"_s << false << true << ApiResult::Kind::Conflict << 422;
}

void TestNekoClient::shouldReportSignInFailures()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, locked);
    QFETCH(bool, connected);
    QFETCH(ApiResult::Kind, kind);
    QFETCH(int, status);

    m_server->setLoginsLocked(locked);
    if (connected) {
        signIn(u"admin"_s, u"admin"_s);
        m_server->setMemberConnected(u"admin"_s, true);
    }

    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(username, password);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, kind);
    QCOMPARE(result.httpStatus, status);
    QVERIFY(!result.errorString.isEmpty());
    QVERIFY(!m_client->isSignedIn());
}

void TestNekoClient::shouldReportAnAccountThatMayNotUseTheApi()
{
    QJsonObject profile = fullProfile(u"Banned"_s, false);
    profile.insert("can_login"_L1, false);
    m_server->addMember(u"banned"_s, u"pw"_s, profile);

    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"banned"_s, u"pw"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.operation, ApiOperation::ConfirmSignIn);
    QCOMPARE(result.kind, ApiResult::Kind::Forbidden);
    QVERIFY2(result.errorString.contains("Can sign in"_L1), qPrintable(result.errorString));
    QVERIFY(!m_client->isSignedIn());
}

void TestNekoClient::shouldSaveAFlagAndReadTheProfileBack()
{
    signIn(u"admin"_s, u"admin"_s);

    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QVERIFY(m_client->saveProfile({QJsonObject {{"can_host"_L1, false}}}));
    QTRY_COMPARE(saved.size(), 1);

    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_host"_L1), QJsonValue(false));
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_watch"_L1), QJsonValue(true));
    const auto session = saved.first().first().value<SessionData>();
    QCOMPARE(session.profile.flag("can_host"_L1), false);
}

void TestNekoClient::shouldRemoveAPluginKeyOnTheServer()
{
    signIn(u"admin"_s, u"admin"_s);
    const MemberProfile loaded = *MemberProfile::fromJson(m_server->sessionProfile(u"admin"_s));
    MemberProfile edited = loaded;
    edited.plugins.remove("filetransfer.enabled"_L1);
    edited.plugins.insert("chat.can_send"_L1, false);

    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    m_client->saveProfile(ProfileUpdate::bodies(loaded, edited, true));
    QTRY_COMPARE(saved.size(), 1);

    const QJsonObject plugins = m_server->sessionProfile(u"admin"_s).value("plugins"_L1).toObject();
    QCOMPARE(plugins, QJsonObject({{"chat.can_send"_L1, false}}));
}

void TestNekoClient::shouldSendOnlyTheNameForANonAdmin()
{
    signIn(u"user"_s, u"neko"_s);
    const MemberProfile loaded = *MemberProfile::fromJson(m_server->sessionProfile(u"user"_s));
    MemberProfile edited = loaded;
    edited.name = u"Renamed"_s;
    edited.setFlag("is_admin"_L1, true);

    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    m_client->saveProfile(ProfileUpdate::bodies(loaded, edited, false));
    QTRY_COMPARE(saved.size(), 1);

    QCOMPARE(bodyOf(m_server->requestsTo(u"profile"_s).first()),
             QJsonObject({{"name"_L1, "Renamed"_L1}}));
    QCOMPARE(m_server->sessionProfile(u"user"_s).value("name"_L1), QJsonValue("Renamed"_L1));
    QCOMPARE(m_server->sessionProfile(u"user"_s).value("is_admin"_L1), QJsonValue(false));
}

void TestNekoClient::shouldRefuseASecondSaveWhileOneIsOut()
{
    signIn(u"admin"_s, u"admin"_s);

    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QVERIFY(m_client->saveProfile({QJsonObject {{"name"_L1, "First"_L1}}}));
    QVERIFY(m_client->isBusy());
    QVERIFY(!m_client->saveProfile({QJsonObject {{"name"_L1, "Second"_L1}}}));
    QTRY_COMPARE(saved.size(), 1);

    QCOMPARE(m_server->requestsTo(u"profile"_s).size(), 1);
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("name"_L1), QJsonValue("First"_L1));
}

void TestNekoClient::shouldResendTheSameBodyAfterSigningInAgain()
{
    signIn(u"admin"_s, u"admin"_s);
    m_server->dropAllSessions();

    QSignalSpy required(m_client.get(), &NekoClient::signInRequired);
    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    const QJsonObject body {{"can_share_media"_L1, false},
                            {"plugins"_L1, QJsonObject {{"chat.can_send"_L1, false}}}};
    m_client->saveProfile({body});
    QTRY_COMPARE(required.size(), 1);
    QVERIFY(!m_client->isSignedIn());
    QVERIFY(m_client->hasParkedOperation());

    signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(saved.size(), 1);

    const QList<FakeRecordedRequest> posts = m_server->requestsTo(u"profile"_s);
    QCOMPARE(posts.size(), 2);
    QCOMPARE(posts.at(1).body, posts.at(0).body);
    QCOMPARE(bodyOf(posts.at(1)), body);
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_share_media"_L1), QJsonValue(false));
}

void TestNekoClient::shouldFailInsteadOfAskingTwice()
{
    signIn(u"admin"_s, u"admin"_s);
    m_server->dropAllSessions();

    QSignalSpy required(m_client.get(), &NekoClient::signInRequired);
    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    m_client->saveProfile({QJsonObject {{"name"_L1, "X"_L1}}});
    QTRY_COMPARE(required.size(), 1);

    m_server->respondOnce(u"profile"_s, 401, "application/json"_ba,
                          R"({"code":401,"message":"Unauthorized"})"_ba);
    signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(required.size(), 1);
    QCOMPARE(failed.first().first().value<ApiResult>().kind, ApiResult::Kind::Unauthorized);
}

void TestNekoClient::shouldReportAParkedSaveAsCancelled()
{
    signIn(u"admin"_s, u"admin"_s);
    m_server->dropAllSessions();

    QSignalSpy required(m_client.get(), &NekoClient::signInRequired);
    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    m_client->saveProfile({QJsonObject {{"name"_L1, "X"_L1}}});
    QTRY_COMPARE(required.size(), 1);

    m_client->cancel();
    QCOMPARE(failed.size(), 1);
    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::Canceled);
    QVERIFY(result.errorString.contains("not saved"_L1));
    QVERIFY(!m_client->hasParkedOperation());
}

void TestNekoClient::shouldReportAProxyPageAsNotNeko()
{
    signIn(u"admin"_s, u"admin"_s);
    m_server->respondOnce(u"profile"_s, 502, "text/html"_ba,
                          "<html><body><h1>502 Bad Gateway</h1></body></html>"_ba);

    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    m_client->saveProfile({QJsonObject {{"name"_L1, "X"_L1}}});
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::NotNeko);
    QCOMPARE(result.httpStatus, 502);
    QVERIFY(result.errorString.contains("not an answer from neko"_L1));
    QVERIFY(m_client->isSignedIn());
}

void TestNekoClient::shouldSayWhatToCheckWhenNothingListens()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    m_client->setBaseUrl(QUrl(u"http://127.0.0.1:%1/"_s.arg(port)));
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::NetworkError);
    QVERIFY2(result.errorString.contains("Check the address"_L1), qPrintable(result.errorString));
}

void TestNekoClient::shouldGiveUpOnAServerThatNeverAnswers()
{
    // Accepts connections and reads requests, but never answers them.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    connect(&silent, &QTcpServer::newConnection, &silent, [&silent] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    });

    m_client->setBaseUrl(QUrl(u"http://127.0.0.1:%1/"_s.arg(silent.serverPort())));
    m_client->setTransferTimeout(std::chrono::milliseconds(300));
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::Timeout);
    QVERIFY2(result.errorString.contains("did not answer"_L1), qPrintable(result.errorString));
    QVERIFY(!m_client->isBusy());
}

void TestNekoClient::shouldSayThatASaveThatTimedOutMayHaveBeenSaved_data()
{
    QTest::addColumn<QString>("hanging"); // the request the server never answers
    QTest::addColumn<bool>("saved"); // whether the save itself was answered
    QTest::addColumn<QStringList>("parts"); // what the sentence must contain
    QTest::addColumn<QStringList>("absent"); // what it must not contain

    QTest::addRow("the save went unanswered")
            << u"POST /api/profile"_s << false
            << QStringList {u"may have reached"_s, u"Reload from Server"_s}
            << QStringList {u"try again"_s};
    QTest::addRow("reading the profile back went unanswered")
            << u"GET /api/whoami"_s << true << QStringList {u"try again"_s}
            << QStringList {u"may have"_s, u"Reload"_s};
}

void TestNekoClient::shouldSayThatASaveThatTimedOutMayHaveBeenSaved()
{
    QFETCH(QString, hanging);
    QFETCH(bool, saved);
    QFETCH(QStringList, parts);
    QFETCH(QStringList, absent);

    // It continues a session like neko, then leaves one request of the save unanswered.
    const QByteArray session = R"({"id":"admin","profile":{"name":"Admin","is_admin":true}})";
    const QByteArray json = "Content-Type: application/json\r\n";
    auto saving = std::make_shared<bool>(false);
    RawHttpServer server;
    server.setHandler([=](const QByteArray &request) {
        if (request.startsWith("POST /api/profile"))
            *saving = true;
        if (*saving && request.startsWith(hanging.toLatin1()))
            return QByteArray();
        if (request.startsWith("POST /api/profile"))
            return RawHttpServer::response(200, json, "true");
        return RawHttpServer::response(200, json, session);
    });
    QVERIFY(server.listenOnLoopback());
    m_client->setBaseUrl(server.baseUrl());
    QSignalSpy signedIn(m_client.get(), &NekoClient::signedIn);
    QVERIFY(m_client->resume(u"token"_s));
    QTRY_COMPARE(signedIn.size(), 1);

    m_client->setTransferTimeout(std::chrono::milliseconds(300));
    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    QSignalSpy unconfirmed(m_client.get(), &NekoClient::saveUnconfirmed);
    QVERIFY(m_client->saveProfile({QJsonObject {{"name"_L1, "X"_L1}}}));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size() + unconfirmed.size(), 1, 5000);

    // Only a save that was answered counts as saved.
    QCOMPARE(unconfirmed.size(), saved ? 1 : 0);
    const auto result = (saved ? unconfirmed : failed).first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::Timeout);
    for (const QString &part : std::as_const(parts))
        QVERIFY2(result.errorString.contains(part), qPrintable(result.errorString));
    for (const QString &part : std::as_const(absent))
        QVERIFY2(!result.errorString.contains(part), qPrintable(result.errorString));
}

std::optional<TestCertificate> TestNekoClient::certificate()
{
    // One certificate for the whole run: openssl takes a moment to make one.
    static std::optional<TestCertificate> made;
    static QString error;
    if (!made && error.isEmpty())
        made = TestCertificate::create(&error);
    if (!made)
        qWarning("%s", qPrintable(error));
    return made;
}

void TestNekoClient::shouldRefuseAnUntrustedCertificateAndNameItsFingerprint()
{
    const std::optional<TestCertificate> tls = certificate();
    QVERIFY(tls);
    FakeNekoServer server;
    server.addMember(u"admin"_s, u"admin"_s, fullProfile(u"Admin"_s, true));
    server.useTls(tls->certificate, tls->key);
    QVERIFY(server.listen());

    m_client->setBaseUrl(server.baseUrl());
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::UntrustedCertificate);
    QCOMPARE(result.certificateFingerprint, CertificateTrust::fingerprint(tls->certificate));
    QVERIFY2(result.errorString.contains("127.0.0.1"_L1)
                     && QString(result.errorString)
                                .remove(u'\n')
                                .contains(CertificateTrust::format(result.certificateFingerprint)),
             qPrintable(result.errorString));
    QVERIFY(server.requests().isEmpty());
}

void TestNekoClient::shouldAcceptExactlyTheTrustedCertificate()
{
    const std::optional<TestCertificate> tls = certificate();
    QVERIFY(tls);
    FakeNekoServer server;
    server.addMember(u"admin"_s, u"admin"_s, fullProfile(u"Admin"_s, true));
    server.useTls(tls->certificate, tls->key);
    QVERIFY(server.listen());

    m_client->setBaseUrl(server.baseUrl(), CertificateTrust::fingerprint(tls->certificate));
    QSignalSpy signedIn(m_client.get(), &NekoClient::signedIn);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(signedIn.size(), 1);
    QCOMPARE(server.requestsTo(u"whoami"_s).size(), 1);
}

void TestNekoClient::shouldRefuseACertificateThatChanged()
{
    const std::optional<TestCertificate> tls = certificate();
    QVERIFY(tls);
    FakeNekoServer server;
    server.addMember(u"admin"_s, u"admin"_s, fullProfile(u"Admin"_s, true));
    server.useTls(tls->certificate, tls->key);
    QVERIFY(server.listen());

    // The admin trusted another certificate for this server before.
    m_client->setBaseUrl(server.baseUrl(), QByteArray(32, '\x42'));
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::CertificateChanged);
    QVERIFY2(result.errorString.contains("changed"_L1), qPrintable(result.errorString));
    QVERIFY(server.requests().isEmpty());
}

void TestNekoClient::shouldFollowARedirectOnTheSameServer()
{
    RawHttpServer proxy;
    proxy.setHandler([](const QByteArray &request) {
        if (request.startsWith("GET /api/whoami"))
            return RawHttpServer::response(308, "Location: /moved/api/whoami\r\n"_ba, {});
        return RawHttpServer::response(
                200, "Content-Type: application/json\r\n"_ba,
                R"({"id":"admin","profile":{"name":"Admin","is_admin":true}})"_ba);
    });
    QVERIFY(proxy.listenOnLoopback());

    m_client->setBaseUrl(proxy.baseUrl());
    QSignalSpy signedIn(m_client.get(), &NekoClient::signedIn);
    QVERIFY(m_client->resume(u"secret-token"_s));
    QTRY_COMPARE(signedIn.size(), 1);

    QCOMPARE(proxy.requests().size(), 2);
    QVERIFY(proxy.requests().at(1).startsWith("GET /moved/api/whoami"));
    QVERIFY(proxy.requests().at(1).contains("Bearer secret-token"));
}

void TestNekoClient::shouldStopFollowingEndlessRedirects()
{
    RawHttpServer loop;
    loop.setHandler([](const QByteArray &) {
        return RawHttpServer::response(302, "Location: /api/whoami\r\n"_ba, {});
    });
    QVERIFY(loop.listenOnLoopback());

    m_client->setBaseUrl(loop.baseUrl());
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->resume(u"secret-token"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::RedirectRefused);
    QVERIFY2(result.errorString.contains("redirect"_L1), qPrintable(result.errorString));

    // The chain stops for good. Qt may send one request twice when the server has closed the
    // connection it meant to reuse, so allow one more than the hops.
    QTest::qWait(200);
    QVERIFY(loop.requests().size() <= 2 + ApiRequests::MaxRedirects);
}

void TestNekoClient::shouldNotCarryTheTokenToAnotherHost()
{
    // "localhost" and "127.0.0.1" reach the same socket but are different hosts to a client.
    RawHttpServer elsewhere;
    elsewhere.setHandler([](const QByteArray &) {
        return RawHttpServer::response(200, "Content-Type: application/json\r\n"_ba, "{}"_ba);
    });
    QVERIFY(elsewhere.listenOnLoopback());
    RawHttpServer proxy;
    const QByteArray target = "http://localhost:"_ba + QByteArray::number(elsewhere.serverPort())
            + "/api/whoami"_ba;
    proxy.setHandler([target](const QByteArray &) {
        return RawHttpServer::response(307, "Location: "_ba + target + "\r\n"_ba, {});
    });
    QVERIFY(proxy.listenOnLoopback());

    m_client->setBaseUrl(proxy.baseUrl());
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->resume(u"secret-token"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::RedirectRefused);
    QVERIFY2(result.errorString.contains("another server"_L1), qPrintable(result.errorString));
    QTest::qWait(50);
    QVERIFY(elsewhere.requests().isEmpty());
}

void TestNekoClient::shouldNotFollowARedirectFromHttpsToHttp()
{
    const std::optional<TestCertificate> tls = certificate();
    QVERIFY(tls);
    RawHttpServer plain;
    QVERIFY(plain.listenOnLoopback());
    RawHttpServer proxy;
    proxy.useTls(tls->certificate, tls->key);
    const QByteArray target
            = "http://127.0.0.1:"_ba + QByteArray::number(plain.serverPort()) + "/api/whoami"_ba;
    proxy.setHandler([target](const QByteArray &) {
        return RawHttpServer::response(301, "Location: "_ba + target + "\r\n"_ba, {});
    });
    QVERIFY(proxy.listenOnLoopback());

    m_client->setBaseUrl(proxy.baseUrl(), CertificateTrust::fingerprint(tls->certificate));
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->resume(u"secret-token"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::RedirectRefused);
    QVERIFY2(result.errorString.contains("plain http"_L1), qPrintable(result.errorString));
    QTest::qWait(50);
    QVERIFY(plain.requests().isEmpty());
}

void TestNekoClient::shouldSayWhenTheServerClosesWithoutAnswer()
{
    RawHttpServer broken;
    broken.setBehaviour(RawHttpServer::Behaviour::CloseWithoutAnswer);
    QVERIFY(broken.listenOnLoopback());

    m_client->setBaseUrl(broken.baseUrl());
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::NetworkError);
    QVERIFY2(result.errorString.contains("closed the connection"_L1),
             qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains("https://"_L1), qPrintable(result.errorString));
}

void TestNekoClient::shouldSuggestHttpWhenTheServerDoesNotSpeakHttps_data()
{
    QTest::addColumn<bool>("answersInHttp"); // or closes the connection, as Qt's server does
    QTest::addColumn<QString>("prefix");

    QTest::addRow("the fake neko server closes the connection") << false << QString();
    QTest::addRow("the fake neko server under a path prefix") << false << u"/neko"_s;
    QTest::addRow("an HTTP 400 to the handshake, as Go's server sends") << true << QString();
}

void TestNekoClient::shouldSuggestHttpWhenTheServerDoesNotSpeakHttps()
{
    QFETCH(bool, answersInHttp);
    QFETCH(QString, prefix);

    // Go answers bytes it cannot read as HTTP with a 400 in plain text, whatever they were.
    QTcpServer goLike;
    QVERIFY(goLike.listen(QHostAddress::LocalHost));
    connect(&goLike, &QTcpServer::newConnection, &goLike, [&goLike] {
        while (QTcpSocket *socket = goLike.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; "
                              "charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request");
                socket->disconnectFromHost();
            });
        }
    });
    m_server->setPathPrefix(prefix);
    const quint16 port = answersInHttp ? goLike.serverPort() : m_server->port();

    m_client->setBaseUrl(QUrl(u"https://127.0.0.1:%1%2/"_s.arg(port).arg(prefix)));
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->signIn(u"admin"_s, u"admin"_s);
    QTRY_COMPARE(failed.size(), 1);

    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::NetworkError);
    const QString plain
            = u"http://127.0.0.1:%1%2"_s.arg(port).arg(prefix.isEmpty() ? prefix : prefix + u'/');
    QVERIFY2(result.errorString.contains(u"Try %1"_s.arg(plain + u'.'))
                     || result.errorString.contains(u"Try %1;"_s.arg(plain)),
             qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains("may not speak https"_L1), qPrintable(result.errorString));
    QVERIFY(m_server->requests().isEmpty());
}

void TestNekoClient::shouldStopReadingAnAnswerOfTensOfMegabytes()
{
    RawHttpServer flood;
    flood.setHandler([](const QByteArray &) {
        return RawHttpServer::response(200, "Content-Type: application/json\r\n"_ba,
                                       QByteArray(48 * 1024 * 1024, ' '));
    });
    QVERIFY(flood.listenOnLoopback());

    m_client->setBaseUrl(flood.baseUrl());
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    m_client->resume(u"token"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.first().first().value<ApiResult>().kind, ApiResult::Kind::TooLarge);
}

void TestNekoClient::shouldIgnoreAnAnswerThatArrivesAfterCancel()
{
    signIn(u"admin"_s, u"admin"_s);

    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    m_client->saveProfile({QJsonObject {{"name"_L1, "Late"_L1}}});
    m_client->cancel();
    QTRY_COMPARE(failed.size(), 1);
    const ApiResult result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::Canceled);
    QVERIFY(!m_client->isBusy());

    // The request had left: the server may still apply it, and the message must not say it
    // was not saved.
    QVERIFY2(result.errorString.contains("may have reached"_L1), qPrintable(result.errorString));
    QVERIFY(!result.errorString.contains("not saved"_L1));

    // Whatever the server still sends, nothing more reaches the app.
    QTest::qWait(200);
    QCOMPARE(saved.size(), 0);
    QCOMPARE(failed.size(), 1);
}

void TestNekoClient::shouldRefuseAProfileAnswerItCannotRead_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::addRow("no session id") << "application/json"_ba
                                   << R"({"profile":{"name":"x"},"state":{}})"_ba;
    QTest::addRow("flag of the wrong type") << "application/json"_ba
                                            << R"({"id":"a","profile":{"can_host":"yes"}})"_ba;
    QTest::addRow("a proxy's page with status 200") << "text/html"_ba
                                                    << "<html>hi</html>"_ba;
}

void TestNekoClient::shouldRefuseAProfileAnswerItCannotRead()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    signIn(u"admin"_s, u"admin"_s);

    // After a save, the re-read is what cannot be read; the save itself went through.
    m_server->respondOnce(u"whoami"_s, 200, contentType, body);
    QSignalSpy unconfirmed(m_client.get(), &NekoClient::saveUnconfirmed);
    m_client->saveProfile({QJsonObject {{"name"_L1, "X"_L1}}});
    QTRY_COMPARE(unconfirmed.size(), 1);
    QCOMPARE(unconfirmed.first().first().value<ApiResult>().kind, ApiResult::Kind::BadAnswer);
    QVERIFY(!m_client->isBusy());

    m_server->respondOnce(u"whoami"_s, 200, contentType, body);
    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    m_client->loadProfile();
    QTRY_COMPARE(failed.size(), 1);
    const auto result = failed.first().first().value<ApiResult>();
    QCOMPARE(result.kind, ApiResult::Kind::BadAnswer);
    QVERIFY(result.errorString.contains("not an answer from neko"_L1));
}

QTEST_GUILESS_MAIN(TestNekoClient)
#include "tst_nekoclient.moc"
