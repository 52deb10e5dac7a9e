// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timednetworkaccessmanager.h"

#include <QElapsedTimer>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {

QString verbOf(QNetworkAccessManager::Operation operation, const QNetworkRequest &request)
{
    switch (operation) {
    case QNetworkAccessManager::GetOperation:
        return u"GET"_s;
    case QNetworkAccessManager::PostOperation:
        return u"POST"_s;
    case QNetworkAccessManager::PutOperation:
        return u"PUT"_s;
    case QNetworkAccessManager::DeleteOperation:
        return u"DELETE"_s;
    case QNetworkAccessManager::HeadOperation:
        return u"HEAD"_s;
    default:
        return QString::fromLatin1(
                request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
    }
}

} // namespace

TimedNetworkAccessManager::TimedNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{ }

TimedNetworkAccessManager::~TimedNetworkAccessManager() = default;

QNetworkReply *TimedNetworkAccessManager::createRequest(Operation operation,
                                                        const QNetworkRequest &request,
                                                        QIODevice *body)
{
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = QNetworkAccessManager::createRequest(operation, request, body);
    const QString key = verbOf(operation, request) + u' ' + request.url().fileName();
    connect(reply, &QNetworkReply::finished, this,
            [this, clock, key] { m_durations[key].append(double(clock.nsecsElapsed()) / 1e6); });
    return reply;
}
