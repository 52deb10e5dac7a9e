// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakehttpserver.h"

#include <QHttpServerRequest>

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{ }

FakeHttpServer::~FakeHttpServer() = default;

void FakeHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

bool FakeHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Claiming every request keeps Qt's own fallback answer from ever reaching a client.
    QHttpServerResponder responder = makeResponder(request, socket);
    if (m_handler)
        m_handler(request, responder);
    else
        responder.write(QHttpServerResponder::StatusCode::InternalServerError);
    return true;
}

void FakeHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Unreachable because handleRequest() accepts everything, but the answer must still be HTTP.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
