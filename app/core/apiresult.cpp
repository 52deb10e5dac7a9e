// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiresult.h"

#include "apirequests.h"
#include "certificatetrust.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ApiResult", text);
}

bool isJsonAnswer(QNetworkReply *reply)
{
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    return type.contains("json"_L1, Qt::CaseInsensitive);
}

ApiResult::Kind kindOfNetworkError(QNetworkReply::NetworkError error, bool canceled)
{
    if (canceled)
        return ApiResult::Kind::Canceled;
    // A transfer timeout aborts the reply; Qt reports that as an operation cancelled.
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
        return ApiResult::Kind::Timeout;
    return ApiResult::Kind::NetworkError;
}

// The address that was asked for, in plain http: the request's URL without the "api/…" that
// the client put under it.
QString plainHttpAddress(const QUrl &url)
{
    QUrl base = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    base.setScheme(u"http"_s);
    QString path = base.path();
    const qsizetype api = path.lastIndexOf("/api/"_L1);
    if (api >= 0)
        path.truncate(api + 1);
    base.setPath(path == "/"_L1 ? QString() : path);
    return base.toDisplayString();
}

QString networkSentence(QNetworkReply::NetworkError error, const QUrl &url, const QString &qtText)
{
    const QString host = url.host();
    const bool secure = url.scheme() == "https"_L1;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError: {
        const QUrl server = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);
        // An address without a port goes to 80 or 443, where neko itself does not listen
        // unless a proxy is in front of it.
        if (url.port() == -1) {
            QUrl usual = server;
            usual.setPort(8080);
            return tr("Nothing answers at %1 (connection refused). No port was given, so the "
                      "default port %2 was tried, but neko usually listens on port 8080, as in "
                      "%3. Check the address, and that neko is running.")
                    .arg(server.toDisplayString(), QString::number(secure ? 443 : 80),
                         usual.toDisplayString());
        }
        return tr("Nothing answers at %1 (connection refused). Check the address and the port, "
                  "and that neko is running.")
                .arg(server.toDisplayString());
    }
    case QNetworkReply::HostNotFoundError:
        return tr("The server \"%1\" was not found. Check the spelling of the address and your "
                  "network connection.")
                .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        // The most common causes: an https server asked in plain http, and the other way
        // round, which Qt's own HTTP server answers by closing the connection.
        if (secure) {
            return tr("The server at %1 closed the connection when a secure one was asked for, "
                      "so it may not speak https: neko itself speaks plain http unless a proxy in "
                      "front of it adds https. Try %2; otherwise check that the address points "
                      "at neko.")
                    .arg(host, plainHttpAddress(url));
        }
        if (url.scheme() == "http"_L1) {
            return tr("The server at %1 closed the connection without answering. If it uses "
                      "https, write https:// in front of the address; otherwise check that the "
                      "address points at neko and not at another service.")
                    .arg(host);
        }
        return tr("The server at %1 closed the connection without answering. Check that the "
                  "address points at neko and not at another service.")
                .arg(host);
    case QNetworkReply::SslHandshakeFailedError: {
        // A plain-http server such as neko's own answers the handshake with an HTTP error page,
        // which OpenSSL reports as a "wrong version number".
        QString reason = qtText;
        if (!reason.endsWith(u'.'))
            reason += u'.';
        return tr("A secure connection to %1 could not be made: %2 The server may not speak "
                  "https: neko itself speaks plain http unless a proxy in front of it adds "
                  "https. Try %3.")
                .arg(host, reason, plainHttpAddress(url));
    }
    case QNetworkReply::TooManyRedirectsError:
        return tr("The server at %1 redirects in circles. Check the address and the reverse "
                  "proxy.")
                .arg(host);
    case QNetworkReply::InsecureRedirectError:
        return tr("The server at %1 redirected from https to plain http; the request was not "
                  "sent.")
                .arg(host);
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return tr("The network is not available. Check your connection and try again.");
    default:
        return tr("The request to %1 failed: %2").arg(host, qtText);
    }
}

// A fingerprint has no space to wrap at; on two lines of its own it fits a dialog and is easy
// to compare with what openssl prints.
QString fingerprintLines(const QByteArray &fingerprint)
{
    QString text = CertificateTrust::format(fingerprint);
    const qsizetype middle = text.size() / 2;
    const qsizetype colon = text.indexOf(u':', middle);
    if (colon > 0)
        text.insert(colon + 1, u'\n');
    return text;
}

} // namespace

ApiResult ApiResult::fromReply(QNetworkReply *reply, const QByteArray &body, ApiOperation operation,
                               bool canceled)
{
    ApiResult result;
    result.operation = operation;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QUrl url = reply->request().url();

    // No HTTP answer at all: the connection failed, timed out or was aborted.
    if (result.httpStatus == 0) {
        result.kind = kindOfNetworkError(reply->error(), canceled);
        if (result.kind == Kind::NetworkError)
            result.errorString = networkSentence(reply->error(), url, reply->errorString());
        else
            result.errorString = describe(result.kind, operation, 0, {}, url);
        return result;
    }

    if (canceled) {
        result.kind = Kind::Canceled;
        result.errorString = describe(result.kind, operation, result.httpStatus, {}, url);
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool parsed = parseError.error == QJsonParseError::NoError;

    if (result.httpStatus >= 200 && result.httpStatus < 300) {
        // Any 2xx is success: neko answers POST api/profile with 200 `true` although its
        // documentation says 204. Callers that need a body check `data` themselves.
        if (parsed)
            result.data = document.isObject() ? QJsonValue(document.object())
                                              : QJsonValue(document.array());
        else if (body.trimmed() == "true"_ba)
            result.data = true;
        return result;
    }

    // neko's own errors are JSON {code, message}; routing errors, proxies and other servers
    // answer with plain text or HTML, which says nothing we can show as neko's message.
    const bool fromNeko = isJsonAnswer(reply) && parsed && document.isObject()
            && document.object().value("message"_L1).isString();
    if (!fromNeko) {
        result.kind = Kind::NotNeko;
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        result.errorString = describe(result.kind, operation, result.httpStatus,
                                      type.isEmpty() ? tr("no content type") : type, url);
        return result;
    }

    result.serverMessage = document.object().value("message"_L1).toString();
    if (result.httpStatus == 401)
        result.kind = Kind::Unauthorized;
    else if (result.httpStatus == 403)
        result.kind = Kind::Forbidden;
    else if (result.httpStatus == 422)
        result.kind = Kind::Conflict;
    else if (result.httpStatus >= 500)
        result.kind = Kind::ServerError;
    else
        result.kind = Kind::Rejected;
    result.errorString
            = describe(result.kind, operation, result.httpStatus, result.serverMessage, url);
    return result;
}

ApiResult ApiResult::failure(Kind kind, ApiOperation operation, const QString &detail,
                             const QUrl &url, const QByteArray &fingerprint)
{
    ApiResult result;
    result.kind = kind;
    result.operation = operation;
    result.certificateFingerprint = fingerprint;
    result.errorString = describe(kind, operation, 0, detail, url, fingerprint);
    return result;
}

QString ApiResult::describe(Kind kind, ApiOperation operation, int httpStatus,
                            const QString &detail, const QUrl &url, const QByteArray &fingerprint)
{
    const bool signingIn = operation == ApiOperation::SignIn;
    switch (kind) {
    case Kind::Ok:
        return {};
    case Kind::Unauthorized:
        if (signingIn)
            return tr("The username or password is wrong.");
        return tr("Your session has ended: it was signed out, replaced by a newer sign-in of the "
                  "same member, or the server restarted. Sign in again.");
    case Kind::Forbidden:
        if (signingIn && detail == "logins are locked"_L1)
            return tr("Sign-ins to this server are locked: only administrators may sign in "
                      "now.");
        if (detail == "login is disabled for this session"_L1)
            return tr("This session's \"Can sign in\" permission is off, so neko refuses its "
                      "requests. Signing in again starts a new session with the member's stored "
                      "permissions; if it is off there too, ask another administrator.");
        return tr("The server refused this: %1.").arg(detail);
    case Kind::Conflict:
        if (signingIn)
            return tr("This member is already connected to the room from a browser or another "
                      "app. Disconnect there first, or sign in as another member.");
        return tr("The server refused this: %1.").arg(detail);
    case Kind::Rejected:
        return tr("The server rejected the request (HTTP %1): %2.").arg(httpStatus).arg(detail);
    case Kind::ServerError:
        return tr("The server failed (HTTP %1: %2). Try again later, or look at the server's "
                  "log.")
                .arg(httpStatus)
                .arg(detail);
    case Kind::NotNeko:
        if (httpStatus == 404)
            return tr("%1 is not a neko API (HTTP 404). If neko runs under a path prefix behind "
                      "a reverse proxy, include it in the address, like https://host/neko/.")
                    .arg(url.adjusted(QUrl::RemoveQuery).toDisplayString());
        if (httpStatus == 405)
            return tr("The server answered HTTP 405: it does not speak the neko v3 API. A neko "
                      "v2 server cannot be edited with this app.");
        return tr("The server answered HTTP %1 with something that is not an answer from neko "
                  "(%2). A proxy in between may have failed; check that neko is running.")
                .arg(httpStatus)
                .arg(detail);
    case Kind::BadAnswer:
        return tr("The server's answer could not be read (%1). It is not an answer from neko.")
                .arg(detail);
    case Kind::NetworkError:
        return tr("The request failed: %1").arg(detail);
    case Kind::Timeout: {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                     ApiRequests::DefaultTransferTimeout)
                                     .count();
        // A save that went unanswered may have been applied all the same, so "try again" would
        // mislead; what the server holds now is what the admin needs to see first.
        if (operation == ApiOperation::Save)
            return tr("The server did not answer within %1 seconds, but the change may have "
                      "reached it all the same. Use Reload from Server to see what it holds "
                      "now before you save again.")
                    .arg(seconds);
        return tr("The server did not answer within %1 seconds. Check your network and that "
                  "neko is running, then try again.")
                .arg(seconds);
    }
    case Kind::UntrustedCertificate:
        return tr("The certificate of %1 is not trusted: %2 Its SHA-256 fingerprint is\n%3\n"
                  "If that is the fingerprint of your server's certificate, you can trust it "
                  "for this server.")
                .arg(url.host(), detail, fingerprintLines(fingerprint));
    case Kind::CertificateChanged:
        return tr("The certificate of %1 has changed since you trusted it, so nothing was "
                  "sent. Its SHA-256 fingerprint is now\n%2\nIf you did not replace the server's "
                  "certificate, someone may be listening in.")
                .arg(url.host(), fingerprintLines(fingerprint));
    case Kind::RedirectRefused:
        return tr("The server redirected the request to %1, which this app does not follow: %2 "
                  "Use the address it redirects to directly if you trust it.")
                .arg(url.toDisplayString(), detail);
    case Kind::TooLarge:
        return tr("The server's answer is larger than %1 MB, far more than neko sends; it was "
                  "not read. Check that the address points at neko.")
                .arg(ApiRequests::MaxAnswerBytes / (1024 * 1024));
    case Kind::Canceled:
        if (operation == ApiOperation::Save && detail == SaveSent)
            return tr("Cancelled, but the change had already gone out and may have reached the "
                      "server. Use Reload from Server to see what it holds; your edits are still "
                      "in the form.");
        if (operation == ApiOperation::Save)
            return tr("Cancelled: the profile was not saved. Your edits are still in the form.");
        return tr("Cancelled.");
    }
    return {};
}
