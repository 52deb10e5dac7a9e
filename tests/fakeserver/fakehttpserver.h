// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

#include <functional>

// QHttpServer 6.4 answers 404 when a route exists but not for the request's method, and neko's
// router answers 405. This server therefore skips Qt's router and hands every request, whatever
// its path and method, to one handler that decides everything itself.
class FakeHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    void setHandler(Handler handler);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};
