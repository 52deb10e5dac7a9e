// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The contract test: the requests NekoClient really sends, checked against neko's OpenAPI
// spec by a Prism mock server (@stoplight/prism-cli). Prism answers a request that breaks the
// spec with 422 and an application/problem+json body listing the violations, and reports
// some (a missing credential, for one) in an sl-violations header; every reply is read for
// both.
//
// Prism's static mock answers every string property with "string": the login token is
// "string", and whoami describes session "string", an admin with every flag set and an empty
// plugins object. It answers POST api/profile with 204, as the spec documents, where neko
// answers 200 `true`; NekoClient takes any 2xx as success, so both pass.

#include "apirequests.h"
#include "nekoclient.h"
#include "profileflags.h"
#include "profileupdate.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

#ifndef NEKOEDITOR_PRISM
#define NEKOEDITOR_PRISM ""
#endif
#ifndef NEKOEDITOR_OPENAPI
#define NEKOEDITOR_OPENAPI ""
#endif

namespace {

constexpr auto PrismStartTimeout = 30s;
constexpr int ReplyTimeoutMs = 10000;

// A path chosen at build time, unless the environment variable of the same name is set.
QString configuredPath(const char *variable, const char *builtIn)
{
    const QString fromEnvironment = qEnvironmentVariable(variable);
    return fromEnvironment.isEmpty() ? QString::fromUtf8(builtIn) : fromEnvironment;
}

// What to run to get Prism where the build expects it.
QString prismInstallHint(const QString &prism)
{
    const QString binSuffix = u"/node_modules/.bin/prism"_s;
    if (prism.endsWith(binSuffix)) {
        return u"run `npm install --prefix %1 @stoplight/prism-cli`"_s.arg(
                prism.chopped(binSuffix.size()));
    }
    return u"install it with `npm install @stoplight/prism-cli`"_s;
}

// One request and Prism's answer to it, taken when the reply finished.
struct Exchange
{
    QByteArray verb;
    QString path;
    QByteArray authorization;
    int status = 0;
    QByteArray contentType;
    QByteArray violationsHeader;
    QByteArray body;
};

// One violation as Prism reports it, in the sl-violations header (a JSON array) and in the
// "validation" array of its 422 problem body alike:
//   {"location": ["body", "plugins"], "severity": "Error", "code": "type",
//    "message": "Request body property plugins must be object"}
// A missing credential is {"location": ["request"], "code": 401, ...}; a missing body has no
// location at all.
struct Violation
{
    QString location; // the path joined with dots: "body.plugins"
    QString severity;
    QString code;
    QString message;

    friend bool operator==(const Violation &a, const Violation &b)
    {
        return a.location == b.location && a.severity == b.severity && a.code == b.code
                && a.message == b.message;
    }
};

void appendViolations(const QJsonArray &array, QList<Violation> *violations)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        QStringList location;
        for (const QJsonValue &part : object.value("location"_L1).toArray())
            location << part.toVariant().toString();
        const Violation violation {location.join(u'.'), object.value("severity"_L1).toString(),
                                   object.value("code"_L1).toVariant().toString(),
                                   object.value("message"_L1).toString()};
        if (!violations->contains(violation))
            violations->append(violation);
    }
}

QList<Violation> violationsOf(const Exchange &exchange)
{
    QList<Violation> violations;
    appendViolations(QJsonDocument::fromJson(exchange.violationsHeader).array(), &violations);

    // Prism's own error answers (422 invalid request, 415 content type, 406 Accept, 404 no
    // such path) are problem documents; only the 422 lists violations one by one.
    if (!exchange.contentType.startsWith("application/problem+json"_ba))
        return violations;
    const QJsonObject problem = QJsonDocument::fromJson(exchange.body).object();
    const QJsonArray validation = problem.value("validation"_L1).toArray();
    if (!validation.isEmpty()) {
        appendViolations(validation, &violations);
        return violations;
    }
    violations.append({u"request"_s, u"Error"_s, problem.value("type"_L1).toString(),
                       problem.value("title"_L1).toString() + u": "_s
                               + problem.value("detail"_L1).toString()});
    return violations;
}

QString describe(const Exchange &exchange, const QList<Violation> &violations)
{
    QString text = u"%1 %2 -> %3"_s.arg(QString::fromLatin1(exchange.verb), exchange.path)
                           .arg(exchange.status);
    for (const Violation &v : violations) {
        text += u"\n    [%1] %2 (%3): %4"_s.arg(
                v.severity, v.location.isEmpty() ? u"-"_s : v.location, v.code, v.message);
    }
    return text;
}

// Every exchange that Prism found fault with, with its violations; empty when none did.
QString faultsIn(const QList<Exchange> &exchanges)
{
    QStringList faults;
    for (const Exchange &exchange : exchanges) {
        const QList<Violation> violations = violationsOf(exchange);
        if (!violations.isEmpty())
            faults << describe(exchange, violations);
    }
    return faults.isEmpty() ? QString()
                            : u"Prism found requests outside the spec:\n"_s + faults.join(u'\n');
}

// The one known disagreement: removing a plugin key takes "plugins": null, which neko
// accepts (it is the only way to clear the map) but the spec does not, as MemberProfile's
// plugins is an object without `nullable`.
bool isNullPluginsViolation(const Violation &violation)
{
    return violation.location == "body.plugins"_L1 && violation.code == "type"_L1;
}

QList<Violation> withoutNullPluginsViolation(QList<Violation> violations)
{
    violations.removeIf(isNullPluginsViolation);
    return violations;
}

bool hasSecurityViolation(const QList<Violation> &violations)
{
    return std::any_of(violations.cbegin(), violations.cend(), [](const Violation &v) {
        return v.location == "request"_L1 && v.code == "401"_L1;
    });
}

QJsonObject bodyOf(const Exchange &exchange)
{
    return QJsonDocument::fromJson(exchange.body).object();
}

} // namespace

class TestContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void shouldSignInWithRequestsTheSpecAccepts();
    void shouldSaveAnAdminFlagEditTheSpecAccepts_data();
    void shouldSaveAnAdminFlagEditTheSpecAccepts();
    void shouldSaveAPluginValueChangeTheSpecAccepts();
    void shouldSaveANonAdminNameTheSpecAccepts();
    void shouldBeRefusedByPrismWithoutTheToken_data();
    void shouldBeRefusedByPrismWithoutTheToken();
    void shouldAskForSignInWhenSentWithoutAToken();
    void shouldBreakTheSpecOnlyByNullPluginsWhenRemovingAKey();
    void shouldStillSeeOtherMistakesBesideNullPlugins();

private:
    void record(QNetworkReply *reply);
    void signIn(SessionData *session);
    void send(const QByteArray &verb, const QString &endpoint, const QString &token,
              const QByteArray &body);

    QString m_skipReason; // why every test skips; empty when Prism runs
    QProcess m_prism;
    QUrl m_baseUrl;

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<NekoClient> m_client;
    QList<Exchange> m_exchanges;
};

void TestContract::initTestCase()
{
    const QString prism = configuredPath("NEKOEDITOR_PRISM", NEKOEDITOR_PRISM);
    const QString spec = configuredPath("NEKOEDITOR_OPENAPI", NEKOEDITOR_OPENAPI);

    QStringList missing;
    if (!QFileInfo(spec).isFile()) {
        missing << u"neko's OpenAPI spec is not at \"%1\": put neko's openapi.yaml there "
                   "(shared/neko/ beside the project) or set NEKOEDITOR_OPENAPI to its path."_s.arg(
                           spec);
    }
    if (!QFileInfo(prism).isExecutable()) {
        missing << u"Prism is not at \"%1\": %2, or set NEKOEDITOR_PRISM to the prism "
                   "executable."_s.arg(prism, prismInstallHint(prism));
    }
    if (!missing.isEmpty()) {
        m_skipReason = missing.join(u' ');
        return;
    }

    // Prism takes the port on its command line; ask the system for a free one.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    m_prism.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // Should this test crash, Prism goes with it instead of holding the port.
    m_prism.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_prism.start(prism,
                  {u"mock"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port), spec});
    QVERIFY2(m_prism.waitForStarted(), qPrintable(m_prism.errorString()));

    bool listening = false;
    const QDeadlineTimer deadline(PrismStartTimeout);
    while (!listening && !deadline.hasExpired() && m_prism.state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        listening = socket.waitForConnected(1000);
        if (!listening)
            QTest::qWait(200);
    }
    QVERIFY2(listening,
             qPrintable(u"Prism did not listen on port %1 within %2 s. It said:\n%3"_s.arg(port)
                                .arg(PrismStartTimeout.count())
                                .arg(QString::fromLocal8Bit(m_prism.readAll()))));

    m_baseUrl = QUrl(u"http://127.0.0.1:%1/"_s.arg(port));
}

void TestContract::cleanupTestCase()
{
    if (m_prism.state() == QProcess::NotRunning)
        return;
    m_prism.terminate();
    if (!m_prism.waitForFinished(5000)) {
        m_prism.kill();
        m_prism.waitForFinished();
    }
}

void TestContract::init()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));

    m_exchanges.clear();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<NekoClient>(m_network.get());
    m_client->setBaseUrl(m_baseUrl);
    m_client->setTransferTimeout(std::chrono::milliseconds(ReplyTimeoutMs));

    // The manager signals a finished reply before NekoClient reads it; peek() leaves the body
    // for NekoClient.
    connect(m_network.get(), &QNetworkAccessManager::finished, this, &TestContract::record);
}

void TestContract::cleanup()
{
    m_client.reset();
    m_network.reset();
}

void TestContract::record(QNetworkReply *reply)
{
    Exchange exchange;
    exchange.verb
            = reply->operation() == QNetworkAccessManager::GetOperation ? "GET"_ba : "POST"_ba;
    exchange.path = reply->request().url().path();
    exchange.authorization = reply->request().rawHeader("Authorization"_ba);
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.contentType = reply->rawHeader("Content-Type"_ba);
    exchange.violationsHeader = reply->rawHeader("sl-violations"_ba);
    exchange.body = reply->peek(reply->bytesAvailable());
    m_exchanges.append(exchange);
}

void TestContract::signIn(SessionData *session)
{
    QSignalSpy signedIn(m_client.get(), &NekoClient::signedIn);
    QSignalSpy failed(m_client.get(), &NekoClient::signInFailed);
    QVERIFY(m_client->signIn(u"admin"_s, u"admin"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.isEmpty() ? QString()
                                         : failed.first().first().value<ApiResult>().errorString
                                        + u'\n' + faultsIn(m_exchanges)));
    QCOMPARE(signedIn.size(), 1);
    *session = signedIn.first().first().value<SessionData>();
}

// Sends one request the way NekoClient builds it, bypassing the client so that the token can
// be left out.
void TestContract::send(const QByteArray &verb, const QString &endpoint, const QString &token,
                        const QByteArray &body)
{
    const QNetworkRequest request = ApiRequests::build(m_baseUrl, endpoint, token);
    QNetworkReply *reply
            = verb == "GET"_ba ? m_network->get(request) : m_network->post(request, body);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), ReplyTimeoutMs);
    reply->deleteLater();
}

void TestContract::shouldSignInWithRequestsTheSpecAccepts()
{
    SessionData session;
    signIn(&session);
    if (QTest::currentTestFailed())
        return;

    const QString faults = faultsIn(m_exchanges);
    QVERIFY2(faults.isEmpty(), qPrintable(faults));

    QCOMPARE(m_exchanges.size(), 2);
    const Exchange &login = m_exchanges.at(0);
    const Exchange &whoami = m_exchanges.at(1);
    QCOMPARE(login.path, u"/api/login"_s);
    QCOMPARE(login.status, 200);
    QVERIFY(login.authorization.isEmpty());
    QCOMPARE(whoami.path, u"/api/whoami"_s);
    QCOMPARE(whoami.status, 200);

    // Prism's login answer carries a token ("string"), and whoami goes out with it.
    const QString token = bodyOf(login).value("token"_L1).toString();
    QVERIFY(!token.isEmpty());
    QCOMPARE(whoami.authorization, "Bearer "_ba + token.toUtf8());

    QVERIFY(!session.id.isEmpty());
    QVERIFY(session.isAdmin());
}

void TestContract::shouldSaveAnAdminFlagEditTheSpecAccepts_data()
{
    QTest::addColumn<QByteArrayList>("flags");
    QTest::addColumn<QString>("name");

    QByteArrayList all;
    for (const ProfileFlag &f : ProfileFlags::all()) {
        const QByteArray key(f.key.data(), f.key.size());
        all << key;
        QTest::addRow("%s", key.constData()) << QByteArrayList {key} << QString();
    }
    QTest::newRow("name and every flag") << all << u"Renamed Admin"_s;
}

void TestContract::shouldSaveAnAdminFlagEditTheSpecAccepts()
{
    QFETCH(QByteArrayList, flags);
    QFETCH(QString, name);

    SessionData session;
    signIn(&session);
    if (QTest::currentTestFailed())
        return;

    const MemberProfile loaded = session.profile;
    MemberProfile edited = loaded;
    for (const QByteArray &key : flags)
        edited.setFlag(QLatin1StringView(key), !loaded.flag(QLatin1StringView(key)));
    if (!name.isEmpty())
        edited.name = name;

    const QList<QJsonObject> bodies = ProfileUpdate::bodies(loaded, edited, true);
    QCOMPARE(bodies.size(), 1);

    m_exchanges.clear();
    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QVERIFY(m_client->saveProfile(bodies));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);

    const QString faults = faultsIn(m_exchanges);
    QVERIFY2(faults.isEmpty(), qPrintable(faults));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(m_exchanges.size(), 2);
    QCOMPARE(m_exchanges.first().path, u"/api/profile"_s);
}

void TestContract::shouldSaveAPluginValueChangeTheSpecAccepts()
{
    SessionData session;
    signIn(&session);
    if (QTest::currentTestFailed())
        return;

    // Prism's profile has no plugin keys; start from one that has, as neko's would.
    MemberProfile loaded = session.profile;
    loaded.plugins = QJsonObject {{"chat.can_send"_L1, true}, {"chat.can_receive"_L1, true}};
    MemberProfile edited = loaded;
    edited.plugins.insert("chat.can_send"_L1, false);
    edited.plugins.insert("filetransfer.enabled"_L1, false);

    const QList<QJsonObject> bodies = ProfileUpdate::bodies(loaded, edited, true);
    QCOMPARE(bodies.size(), 1);
    QVERIFY(bodies.first().value("plugins"_L1).isObject());

    m_exchanges.clear();
    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QVERIFY(m_client->saveProfile(bodies));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);

    const QString faults = faultsIn(m_exchanges);
    QVERIFY2(faults.isEmpty(), qPrintable(faults));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(m_exchanges.size(), 2);
}

void TestContract::shouldSaveANonAdminNameTheSpecAccepts()
{
    SessionData session;
    signIn(&session);
    if (QTest::currentTestFailed())
        return;

    // A non-admin may change only the name; the flag edit must not reach the body.
    MemberProfile loaded = session.profile;
    loaded.setFlag("is_admin"_L1, false);
    MemberProfile edited = loaded;
    edited.name = u"Renamed User"_s;
    edited.setFlag("can_host"_L1, !loaded.flag("can_host"_L1));

    const QList<QJsonObject> bodies = ProfileUpdate::bodies(loaded, edited, false);
    QCOMPARE(bodies.size(), 1);
    QCOMPARE(bodies.first().keys(), QStringList {u"name"_s});

    m_exchanges.clear();
    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QVERIFY(m_client->saveProfile(bodies));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);

    const QString faults = faultsIn(m_exchanges);
    QVERIFY2(faults.isEmpty(), qPrintable(faults));
    QCOMPARE(saved.size(), 1);
}

void TestContract::shouldBeRefusedByPrismWithoutTheToken_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("whoami") << "GET"_ba << u"whoami"_s << QByteArray();
    QTest::newRow("profile") << "POST"_ba << u"profile"_s
                             << ApiRequests::jsonBody(QJsonObject {{"can_host"_L1, false}});
}

// Proves that Prism checks the spec's security schemes at all, so that the passing requests
// of the other tests really passed them.
void TestContract::shouldBeRefusedByPrismWithoutTheToken()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);

    send(verb, endpoint, QString(), body);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_exchanges.size(), 1);
    const Exchange without = m_exchanges.takeFirst();
    QCOMPARE(without.status, 401);
    QVERIFY(without.authorization.isEmpty());
    QVERIFY2(hasSecurityViolation(violationsOf(without)),
             qPrintable(describe(without, violationsOf(without))));

    send(verb, endpoint, u"token"_s, body);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_exchanges.size(), 1);
    const Exchange with = m_exchanges.takeFirst();
    QCOMPARE(with.authorization, "Bearer token"_ba);
    QVERIFY2(with.status >= 200 && with.status < 300,
             qPrintable(describe(with, violationsOf(with))));
    const QString faults = faultsIn({with});
    QVERIFY2(faults.isEmpty(), qPrintable(faults));
}

void TestContract::shouldAskForSignInWhenSentWithoutAToken()
{
    QSignalSpy signInRequired(m_client.get(), &NekoClient::signInRequired);
    QVERIFY(m_client->loadProfile());
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);
    QCOMPARE(signInRequired.size(), 1);

    QCOMPARE(m_exchanges.size(), 1);
    const Exchange &whoami = m_exchanges.first();
    QCOMPARE(whoami.status, 401);
    QVERIFY2(hasSecurityViolation(violationsOf(whoami)),
             qPrintable(describe(whoami, violationsOf(whoami))));
}

void TestContract::shouldBreakTheSpecOnlyByNullPluginsWhenRemovingAKey()
{
    SessionData session;
    signIn(&session);
    if (QTest::currentTestFailed())
        return;

    MemberProfile loaded = session.profile;
    loaded.plugins = QJsonObject {{"chat.can_send"_L1, true}, {"filetransfer.enabled"_L1, true}};
    MemberProfile edited = loaded;
    edited.plugins.remove("filetransfer.enabled"_L1);
    edited.setFlag("can_host"_L1, !loaded.flag("can_host"_L1));

    const QList<QJsonObject> bodies = ProfileUpdate::bodies(loaded, edited, true);
    QCOMPARE(bodies.size(), 2);
    QVERIFY(bodies.first().value("plugins"_L1).isNull());

    // Prism refuses the first body, so the client stops there.
    m_exchanges.clear();
    QSignalSpy failed(m_client.get(), &NekoClient::operationFailed);
    QVERIFY(m_client->saveProfile(bodies));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(m_exchanges.size(), 1);

    const Exchange &clearing = m_exchanges.first();
    const QList<Violation> violations = violationsOf(clearing);
    QCOMPARE(clearing.path, u"/api/profile"_s);
    QCOMPARE(clearing.status, 422);
    QVERIFY2(violations.size() == 1 && withoutNullPluginsViolation(violations).isEmpty(),
             qPrintable(describe(clearing, violations)));

    // The whole edited object that follows is within the spec.
    m_exchanges.clear();
    QSignalSpy saved(m_client.get(), &NekoClient::profileSaved);
    QVERIFY(m_client->saveProfile({bodies.last()}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isBusy(), ReplyTimeoutMs);
    const QString faults = faultsIn(m_exchanges);
    QVERIFY2(faults.isEmpty(), qPrintable(faults));
    QCOMPARE(saved.size(), 1);
}

// Prism lists every violation of a body, not just the first, so the test above would notice
// a second mistake next to the null plugins.
void TestContract::shouldStillSeeOtherMistakesBesideNullPlugins()
{
    const QJsonObject body {{"plugins"_L1, QJsonValue::Null}, {"can_host"_L1, u"yes"_s}};
    send("POST"_ba, u"profile"_s, u"token"_s, ApiRequests::jsonBody(body));
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(m_exchanges.size(), 1);
    const Exchange &exchange = m_exchanges.first();
    const QList<Violation> others = withoutNullPluginsViolation(violationsOf(exchange));
    QCOMPARE(exchange.status, 422);
    QVERIFY2(others.size() == 1 && others.first().location == "body.can_host"_L1,
             qPrintable(describe(exchange, violationsOf(exchange))));
}

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
