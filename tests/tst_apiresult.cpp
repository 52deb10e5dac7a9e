// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ApiOperation)
Q_DECLARE_METATYPE(ApiResult::Kind)

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 422:
        return "Unprocessable Entity";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    default:
        return "Status";
    }
}

// A local HTTP server that answers every request with the same canned response and closes
// the connection, like Qt's own test web server; the tests never leave 127.0.0.1.
class CannedHttpServer
{
public:
    CannedHttpServer(int status, const QByteArray &contentType, const QByteArray &body)
    {
        m_response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        if (!contentType.isEmpty())
            m_response += "Content-Type: " + contentType + "\r\n";
        m_response += "Content-Length: " + QByteArray::number(body.size())
                + "\r\nConnection: close\r\n\r\n" + body;

        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }

    QUrl url(const QString &path) const
    {
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(m_server.serverPort());
        url.setPath(path);
        return url;
    }

private:
    void serve(QTcpSocket *socket)
    {
        // Answer once the request head is complete; GET requests have no body.
        auto request = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
            *request += socket->readAll();
            if (!request->contains("\r\n\r\n"))
                return;
            socket->write(m_response);
            socket->disconnectFromHost();
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    QByteArray m_response;
};

} // namespace

class TestApiResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldDescribeEveryFailure_data();
    void shouldDescribeEveryFailure();
    void shouldMatchSentenceToOperation_data();
    void shouldMatchSentenceToOperation();
    void shouldBuildFailureWithSentence();

    void shouldReadReply_data();
    void shouldReadReply();
    void shouldAskToCheckAddressWhenConnectionRefused();
    void shouldMentionPort8080OnlyWhenNoPortWasGiven_data();
    void shouldMentionPort8080OnlyWhenNoPortWasGiven();
    void shouldTellCancelFromTimeout_data();
    void shouldTellCancelFromTimeout();

private:
    // Sends a GET and waits until it has finished; the reply is owned by `manager`.
    QNetworkReply *get(const QUrl &url, QByteArray *body);

    QNetworkAccessManager m_manager;
};

void TestApiResult::initTestCase()
{
    // A proxy from the environment must not stand between the test and its local server.
    m_manager.setProxy(QNetworkProxy::NoProxy);
}

QNetworkReply *TestApiResult::get(const QUrl &url, QByteArray *body)
{
    QNetworkReply *reply = m_manager.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [reply, body] { *body = reply->readAll(); });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        qWarning("no answer from %s", qPrintable(url.toString()));
    return reply;
}

void TestApiResult::shouldDescribeEveryFailure_data()
{
    QTest::addColumn<ApiResult::Kind>("kind");
    QTest::addColumn<ApiOperation>("operation");

    const QList<std::pair<ApiResult::Kind, const char *>> kinds = {
            {ApiResult::Kind::Unauthorized, "Unauthorized"},
            {ApiResult::Kind::Forbidden, "Forbidden"},
            {ApiResult::Kind::Conflict, "Conflict"},
            {ApiResult::Kind::Rejected, "Rejected"},
            {ApiResult::Kind::ServerError, "ServerError"},
            {ApiResult::Kind::NotNeko, "NotNeko"},
            {ApiResult::Kind::BadAnswer, "BadAnswer"},
            {ApiResult::Kind::NetworkError, "NetworkError"},
            {ApiResult::Kind::Timeout, "Timeout"},
            {ApiResult::Kind::Canceled, "Canceled"},
    };
    const QList<std::pair<ApiOperation, const char *>> operations = {
            {ApiOperation::SignIn, "SignIn"},   {ApiOperation::ConfirmSignIn, "ConfirmSignIn"},
            {ApiOperation::Load, "Load"},       {ApiOperation::Save, "Save"},
            {ApiOperation::SignOut, "SignOut"},
    };
    for (const auto &[kind, kindName] : kinds) {
        for (const auto &[operation, operationName] : operations)
            QTest::addRow("%s during %s", kindName, operationName) << kind << operation;
    }
}

void TestApiResult::shouldDescribeEveryFailure()
{
    QFETCH(ApiResult::Kind, kind);
    QFETCH(ApiOperation, operation);

    const QString sentence = ApiResult::describe(kind, operation, 400, u"detail"_s,
                                                 QUrl(u"http://host/api/login"_s));
    QVERIFY(!sentence.isEmpty());
    QVERIFY2(sentence.endsWith(u'.') || sentence.endsWith(u"detail"_s), qPrintable(sentence));

    QCOMPARE(ApiResult::describe(ApiResult::Kind::Ok, operation, 200, {}), QString());
}

void TestApiResult::shouldMatchSentenceToOperation_data()
{
    QTest::addColumn<ApiResult::Kind>("kind");
    QTest::addColumn<ApiOperation>("operation");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QStringList>("parts"); // what the sentence must contain
    QTest::addColumn<QStringList>("absent"); // what it must not contain

    using Kind = ApiResult::Kind;
    QTest::addRow("401 on sign-in: wrong password")
            << Kind::Unauthorized << ApiOperation::SignIn << 401 << u"Unauthorized"_s
            << QStringList {u"password is wrong"_s} << QStringList {u"session"_s};
    QTest::addRow("401 on save: session ended")
            << Kind::Unauthorized << ApiOperation::Save << 401 << u"Unauthorized"_s
            << QStringList {u"session has ended"_s, u"Sign in again"_s}
            << QStringList {u"password"_s};
    QTest::addRow("403 locked on sign-in")
            << Kind::Forbidden << ApiOperation::SignIn << 403 << u"logins are locked"_s
            << QStringList {u"locked"_s, u"administrators"_s} << QStringList();
    QTest::addRow("403 login disabled on load")
            << Kind::Forbidden << ApiOperation::Load << 403
            << u"login is disabled for this session"_s
            << QStringList {u"\"Can sign in\""_s, u"Signing in again"_s, u"another administrator"_s}
            << QStringList {u"may sign in"_s};
    QTest::addRow("403 other message shown")
            << Kind::Forbidden << ApiOperation::Save << 403 << u"session is not admin"_s
            << QStringList {u"session is not admin"_s} << QStringList();
    QTest::addRow("422 on sign-in: connected elsewhere")
            << Kind::Conflict << ApiOperation::SignIn << 422 << u"session already connected"_s
            << QStringList {u"already connected"_s, u"Disconnect there first"_s} << QStringList();
    QTest::addRow("422 on save shows the message")
            << Kind::Conflict << ApiOperation::Save << 422 << u"something else"_s
            << QStringList {u"something else"_s} << QStringList {u"Disconnect"_s};
    QTest::addRow("400 shows status and message")
            << Kind::Rejected << ApiOperation::Save << 400 << u"unable to parse provided data"_s
            << QStringList {u"400"_s, u"unable to parse provided data"_s} << QStringList();
    QTest::addRow("500 asks to try later")
            << Kind::ServerError << ApiOperation::Load << 500 << u"Internal Server Error"_s
            << QStringList {u"500"_s, u"Internal Server Error"_s, u"Try again later"_s}
            << QStringList();
    QTest::addRow("404 not neko names the url and the prefix")
            << Kind::NotNeko << ApiOperation::SignIn << 404 << u"text/plain"_s
            << QStringList {u"http://host/api/login"_s, u"https://host/neko/"_s, u"404"_s}
            << QStringList();
    QTest::addRow("405 not neko v3") << Kind::NotNeko << ApiOperation::SignIn << 405 << QString()
                                     << QStringList {u"405"_s, u"v3"_s} << QStringList();
    QTest::addRow("502 proxy page")
            << Kind::NotNeko << ApiOperation::Save << 502 << u"text/html"_s
            << QStringList {u"502"_s, u"text/html"_s, u"proxy"_s} << QStringList();
    QTest::addRow("bad answer names what was wrong")
            << Kind::BadAnswer << ApiOperation::Load << 200 << u"no session id"_s
            << QStringList {u"no session id"_s} << QStringList();
    QTest::addRow("cancelled save keeps edits")
            << Kind::Canceled << ApiOperation::Save << 0 << QString()
            << QStringList {u"not saved"_s} << QStringList();
    QTest::addRow("cancelled save that had gone out")
            << Kind::Canceled << ApiOperation::Save << 0 << QString(ApiResult::SaveSent)
            << QStringList {u"may have reached"_s, u"Reload"_s, u"still in the form"_s}
            << QStringList {u"not saved"_s};
    QTest::addRow("timeout names seconds")
            << Kind::Timeout << ApiOperation::Load << 0 << QString()
            << QStringList {u"seconds"_s, u"try again"_s} << QStringList {u"%1"_s, u"Reload"_s};
    QTest::addRow("timeout on save: it may have been saved")
            << Kind::Timeout << ApiOperation::Save << 0 << QString()
            << QStringList {u"20 seconds"_s, u"may have reached"_s, u"Reload from Server"_s}
            << QStringList {u"try again"_s, u"%1"_s};
    QTest::addRow("timeout on sign-in: try again")
            << Kind::Timeout << ApiOperation::SignIn << 0 << QString()
            << QStringList {u"try again"_s} << QStringList {u"may have"_s, u"Reload"_s};
}

void TestApiResult::shouldMatchSentenceToOperation()
{
    QFETCH(ApiResult::Kind, kind);
    QFETCH(ApiOperation, operation);
    QFETCH(int, httpStatus);
    QFETCH(QString, detail);
    QFETCH(QStringList, parts);
    QFETCH(QStringList, absent);

    const QString sentence = ApiResult::describe(kind, operation, httpStatus, detail,
                                                 QUrl(u"http://host/api/login"_s));

    for (const QString &part : std::as_const(parts))
        QVERIFY2(sentence.contains(part), qPrintable(sentence));
    for (const QString &part : std::as_const(absent))
        QVERIFY2(!sentence.contains(part), qPrintable(sentence));
}

void TestApiResult::shouldBuildFailureWithSentence()
{
    const ApiResult result
            = ApiResult::failure(ApiResult::Kind::BadAnswer, ApiOperation::Load, u"no profile"_s);

    QVERIFY(!result.ok());
    QCOMPARE(result.kind, ApiResult::Kind::BadAnswer);
    QCOMPARE(result.operation, ApiOperation::Load);
    QVERIFY(result.errorString.contains(u"no profile"_s));
}

void TestApiResult::shouldReadReply_data()
{
    QTest::addColumn<ApiOperation>("operation");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiResult::Kind>("kind");
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QStringList>("parts"); // what errorString must contain

    using Kind = ApiResult::Kind;
    const QByteArray json = "application/json";

    // Success. neko ends every JSON answer with a newline.
    QTest::addRow("200 JSON object")
            << ApiOperation::Load << u"/api/whoami"_s << 200 << json
            << QByteArray(R"({"id":"admin","profile":{"name":"admin"},"state":{}})"
                          "\n")
            << Kind::Ok << QString()
            << QJsonValue(QJsonDocument::fromJson(
                                  R"({"id":"admin","profile":{"name":"admin"},"state":{}})")
                                  .object())
            << QStringList();
    QTest::addRow("200 true from profile")
            << ApiOperation::Save << u"/api/profile"_s << 200 << json << QByteArray("true\n")
            << Kind::Ok << QString() << QJsonValue(true) << QStringList();
    QTest::addRow("200 true from logout")
            << ApiOperation::SignOut << u"/api/logout"_s << 200 << json << QByteArray("true")
            << Kind::Ok << QString() << QJsonValue(true) << QStringList();
    QTest::addRow("200 JSON array")
            << ApiOperation::Load << u"/api/sessions"_s << 200 << json << QByteArray("[]\n")
            << Kind::Ok << QString() << QJsonValue(QJsonArray()) << QStringList();
    QTest::addRow("204 empty") << ApiOperation::Save << u"/api/profile"_s << 204 << QByteArray()
                               << QByteArray() << Kind::Ok << QString()
                               << QJsonValue(QJsonValue::Undefined) << QStringList();

    // neko's own errors: JSON {code, message}.
    QTest::addRow("401 on sign-in")
            << ApiOperation::SignIn << u"/api/login"_s << 401 << json
            << QByteArray(R"({"code":401,"message":"Unauthorized"})"
                          "\n")
            << Kind::Unauthorized << u"Unauthorized"_s << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"password is wrong"_s};
    QTest::addRow("401 on save") << ApiOperation::Save << u"/api/profile"_s << 401 << json
                                 << QByteArray(R"({"code":401,"message":"Unauthorized"})"
                                               "\n")
                                 << Kind::Unauthorized << u"Unauthorized"_s
                                 << QJsonValue(QJsonValue::Undefined)
                                 << QStringList {u"session has ended"_s};
    QTest::addRow("403 logins are locked")
            << ApiOperation::SignIn << u"/api/login"_s << 403 << json
            << QByteArray(R"({"code":403,"message":"logins are locked"})"
                          "\n")
            << Kind::Forbidden << u"logins are locked"_s << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"locked"_s};
    QTest::addRow("403 login disabled for this session")
            << ApiOperation::ConfirmSignIn << u"/api/whoami"_s << 403 << json
            << QByteArray(R"({"code":403,"message":"login is disabled for this session"})"
                          "\n")
            << Kind::Forbidden << u"login is disabled for this session"_s
            << QJsonValue(QJsonValue::Undefined) << QStringList {u"\"Can sign in\""_s};
    QTest::addRow("422 on sign-in")
            << ApiOperation::SignIn << u"/api/login"_s << 422 << json
            << QByteArray(R"({"code":422,"message":"session already connected"})"
                          "\n")
            << Kind::Conflict << u"session already connected"_s << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"already connected"_s};
    QTest::addRow("400 unable to parse")
            << ApiOperation::Save << u"/api/profile"_s << 400 << json
            << QByteArray(R"({"code":400,"message":"unable to parse provided data"})"
                          "\n")
            << Kind::Rejected << u"unable to parse provided data"_s
            << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"unable to parse provided data"_s, u"400"_s};
    QTest::addRow("400 JSON with charset")
            << ApiOperation::Save << u"/api/profile"_s << 400
            << QByteArray("application/json; charset=utf-8")
            << QByteArray(R"({"code":400,"message":"no data provided"})") << Kind::Rejected
            << u"no data provided"_s << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"no data provided"_s};
    QTest::addRow("500 JSON") << ApiOperation::SignIn << u"/api/login"_s << 500 << json
                              << QByteArray(R"({"code":500,"message":"Internal Server Error"})"
                                            "\n")
                              << Kind::ServerError << u"Internal Server Error"_s
                              << QJsonValue(QJsonValue::Undefined) << QStringList {u"500"_s};

    // Answers that are not neko's JSON: routing, proxies, other servers.
    QTest::addRow("404 plain text from the router")
            << ApiOperation::SignIn << u"/api/login"_s << 404
            << QByteArray("text/plain; charset=utf-8") << QByteArray("404 page not found\n")
            << Kind::NotNeko << QString() << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"/api/login"_s, u"https://host/neko/"_s};
    QTest::addRow("405 empty body") << ApiOperation::SignIn << u"/api/login"_s << 405
                                    << QByteArray() << QByteArray() << Kind::NotNeko << QString()
                                    << QJsonValue(QJsonValue::Undefined) << QStringList {u"405"_s};
    QTest::addRow("502 HTML proxy page")
            << ApiOperation::Save << u"/api/profile"_s << 502 << QByteArray("text/html")
            << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>\n") << Kind::NotNeko
            << QString() << QJsonValue(QJsonValue::Undefined) << QStringList {u"502"_s};
    QTest::addRow("500 empty body after a panic")
            << ApiOperation::Save << u"/api/profile"_s << 500 << QByteArray() << QByteArray()
            << Kind::NotNeko << QString() << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"500"_s};
    QTest::addRow("JSON error body sent as text/plain")
            << ApiOperation::SignIn << u"/api/login"_s << 401 << QByteArray("text/plain")
            << QByteArray(R"({"code":401,"message":"Unauthorized"})"
                          "\n")
            << Kind::NotNeko << QString() << QJsonValue(QJsonValue::Undefined)
            << QStringList {u"401"_s};
    QTest::addRow("JSON error without message")
            << ApiOperation::Load << u"/api/whoami"_s << 400 << json
            << QByteArray(R"({"error":"bad"})") << Kind::NotNeko << QString()
            << QJsonValue(QJsonValue::Undefined) << QStringList {u"400"_s};
}

void TestApiResult::shouldReadReply()
{
    QFETCH(ApiOperation, operation);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(ApiResult::Kind, kind);
    QFETCH(QString, serverMessage);
    QFETCH(QJsonValue, data);
    QFETCH(QStringList, parts);

    CannedHttpServer server(status, contentType, body);
    QVERIFY(server.listen());

    QByteArray received;
    QNetworkReply *reply = get(server.url(path), &received);
    QVERIFY(reply->isFinished());
    QCOMPARE(received, body);

    const ApiResult result = ApiResult::fromReply(reply, received, operation, false);
    reply->deleteLater();

    QCOMPARE(result.kind, kind);
    QCOMPARE(result.ok(), kind == ApiResult::Kind::Ok);
    QCOMPARE(result.operation, operation);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.serverMessage, serverMessage);
    if (result.ok()) {
        // apiresult.h: "undefined if there was none", which tells 204 from a body of null.
        QCOMPARE(result.data, data);
        QCOMPARE(result.errorString, QString());
    } else {
        QVERIFY(result.data.isUndefined() || result.data.isNull());
        QVERIFY(!result.errorString.isEmpty());
    }
    for (const QString &part : std::as_const(parts))
        QVERIFY2(result.errorString.contains(part), qPrintable(result.errorString));
}

void TestApiResult::shouldAskToCheckAddressWhenConnectionRefused()
{
    // A port that was free a moment ago: listen, note it, close.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    QUrl url(u"http://127.0.0.1/api/login"_s);
    url.setPort(port);
    QByteArray body;
    QNetworkReply *reply = get(url, &body);
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);

    const ApiResult result = ApiResult::fromReply(reply, body, ApiOperation::SignIn, false);
    reply->deleteLater();

    QCOMPARE(result.kind, ApiResult::Kind::NetworkError);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY(!result.errorString.isEmpty());
    QVERIFY2(result.errorString.contains(u"Check the address"_s), qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QString::number(port)), qPrintable(result.errorString));
}

void TestApiResult::shouldMentionPort8080OnlyWhenNoPortWasGiven_data()
{
    QTest::addColumn<QString>("address"); // as the user typed it; empty for a free port
    QTest::addColumn<QString>("usual"); // the address with neko's usual port, if suggested

    QTest::addRow("no port") << u"http://127.0.0.1/"_s << u"http://127.0.0.1:8080"_s;
    QTest::addRow("port 80 written out") << u"http://127.0.0.1:80/"_s << QString();
    QTest::addRow("another port") << QString() << QString();
}

void TestApiResult::shouldMentionPort8080OnlyWhenNoPortWasGiven()
{
    QFETCH(QString, address);
    QFETCH(QString, usual);

    QUrl url(address);
    if (address.isEmpty()) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        url = QUrl(u"http://127.0.0.1:%1/"_s.arg(probe.serverPort()));
    } else {
        QTcpSocket web;
        web.connectToHost(QHostAddress::LocalHost, 80);
        if (web.waitForConnected(1000))
            QSKIP("something listens on port 80 here; the refusal cannot be tested");
    }

    QByteArray body;
    QNetworkReply *reply = get(url.resolved(QUrl(u"api/login"_s)), &body);
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    const ApiResult result = ApiResult::fromReply(reply, body, ApiOperation::SignIn, false);
    reply->deleteLater();

    QVERIFY2(result.errorString.contains(u"connection refused"_s), qPrintable(result.errorString));
    QCOMPARE(result.errorString.contains(u"port 8080"_s), !usual.isEmpty());
    if (!usual.isEmpty())
        QVERIFY2(result.errorString.contains(usual), qPrintable(result.errorString));
}

void TestApiResult::shouldTellCancelFromTimeout_data()
{
    QTest::addColumn<bool>("canceled");
    QTest::addColumn<ApiResult::Kind>("kind");

    QTest::addRow("aborted by the user") << true << ApiResult::Kind::Canceled;
    QTest::addRow("aborted by the transfer timeout") << false << ApiResult::Kind::Timeout;
}

void TestApiResult::shouldTellCancelFromTimeout()
{
    QFETCH(bool, canceled);
    QFETCH(ApiResult::Kind, kind);

    // A server that accepts the connection but never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QUrl url(u"http://127.0.0.1/api/profile"_s);
    url.setPort(silent.serverPort());

    QNetworkReply *reply = m_manager.get(QNetworkRequest(url));
    QTRY_VERIFY(silent.hasPendingConnections());
    reply->abort();
    QVERIFY(reply->isFinished());

    const ApiResult result = ApiResult::fromReply(reply, {}, ApiOperation::Save, canceled);
    reply->deleteLater();

    QCOMPARE(result.kind, kind);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY(!result.errorString.isEmpty());
}

QTEST_GUILESS_MAIN(TestApiResult)
#include "tst_apiresult.moc"
