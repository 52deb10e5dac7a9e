// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrl>

#include <chrono>

// The request policy of every call to neko, in one place, and the request bodies. Building
// is kept apart from sending so that both can be checked without a network.
namespace ApiRequests {

// A server that has not answered by then is reported as not answering.
constexpr std::chrono::milliseconds DefaultTransferTimeout {20000};

// More hops than a proxy or two would add points at a loop or a misconfiguration.
constexpr int MaxRedirects = 3;

// neko's answers are a profile or two; a plugins object of a few MB is already unusual. A
// bigger answer is not from neko, and reading it would only fill memory.
constexpr qint64 MaxAnswerBytes = 16 * 1024 * 1024;

// A request for <baseUrl>api/<endpoint>, with the JSON headers, the timeout, the redirect
// policy and, when a token is given, "Authorization: Bearer <token>".
QNetworkRequest build(const QUrl &baseUrl, const QString &endpoint, const QString &token,
                      std::chrono::milliseconds timeout = DefaultTransferTimeout);

QByteArray loginBody(const QString &username, const QString &password);
QByteArray jsonBody(const QJsonObject &object);

} // namespace ApiRequests
