// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

// What the user was doing when a request failed; the same status means different things
// for a sign-in and for a save.
enum class ApiOperation {
    SignIn, // POST api/login
    ConfirmSignIn, // GET api/whoami right after signing in
    Load, // GET api/whoami
    Save, // POST api/profile
    SignOut, // POST api/logout
};

// The outcome of one request to neko, with a translated sentence for the user when it failed.
struct ApiResult
{
    enum class Kind {
        Ok,
        Unauthorized, // 401: the token is gone, or the password is wrong
        Forbidden, // 403 from neko
        Conflict, // 422 from neko
        Rejected, // another 4xx from neko
        ServerError, // 5xx from neko
        NotNeko, // an error answer that is not neko's JSON: a proxy page, a 404 text
        BadAnswer, // a 2xx whose body is not what neko sends
        NetworkError,
        Timeout,
        Canceled,
        UntrustedCertificate, // TLS failed and the certificate is not one the admin trusted
        CertificateChanged, // a certificate other than the trusted one for this server
        RedirectRefused, // a redirect to another host or to plain http
        TooLarge, // an answer bigger than any neko sends
    };

    Kind kind = Kind::Ok;
    ApiOperation operation = ApiOperation::Load;
    int httpStatus = 0;
    QString serverMessage; // neko's "message", only from a JSON answer
    QJsonValue data = QJsonValue::Undefined; // the parsed JSON body of a 2xx answer, if any
    QString errorString; // translated, for the user; empty when ok
    QByteArray certificateFingerprint; // SHA-256 of a refused certificate

    bool ok() const { return kind == Kind::Ok; }

    // Reads a finished reply. `canceled` tells an abort by the user from a timeout.
    static ApiResult fromReply(QNetworkReply *reply, const QByteArray &body, ApiOperation operation,
                               bool canceled);

    static ApiResult failure(Kind kind, ApiOperation operation, const QString &detail = {},
                             const QUrl &url = {}, const QByteArray &fingerprint = {});

    // The `detail` of a cancelled save whose request had already gone out: the server may
    // have applied it.
    static constexpr QLatin1StringView SaveSent {"sent"};

    // The one place that turns a failure into a sentence. `detail` is the server's message,
    // Qt's error text or what was wrong with an answer, depending on the kind.
    static QString describe(Kind kind, ApiOperation operation, int httpStatus,
                            const QString &detail, const QUrl &url = {},
                            const QByteArray &fingerprint = {});
};

Q_DECLARE_METATYPE(ApiResult)
