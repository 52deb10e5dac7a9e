// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequests.h"

#include "serveraddress.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ApiRequests {

QNetworkRequest build(const QUrl &baseUrl, const QString &endpoint, const QString &token,
                      std::chrono::milliseconds timeout)
{
    QNetworkRequest request(ServerAddress::apiUrl(baseUrl, endpoint));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    request.setTransferTimeout(int(timeout.count()));
    // Every redirect is checked by the client before it is followed: never to plain http and
    // never to another host, which would receive the Authorization header.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    // One more than the client allows, so that the client's own count stops the chain.
    request.setMaximumRedirectsAllowed(MaxRedirects + 1);

    // neko reads its session cookie before the Authorization header, so a stale cookie in a
    // jar would win over a fresh token. The token is the only credential we send.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    if (!token.isEmpty())
        request.setRawHeader("Authorization"_ba, "Bearer "_ba + token.toUtf8());
    return request;
}

QByteArray loginBody(const QString &username, const QString &password)
{
    return jsonBody(QJsonObject {{"username"_L1, username}, {"password"_L1, password}});
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace ApiRequests
