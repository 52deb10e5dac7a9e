// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// A loopback server that answers each request with exactly the bytes a test gives it, or
// misbehaves on purpose: closes without answering, never answers. For what neko itself never
// does — redirects, broken proxies, hostile hosts — where the fake neko server is too polite.
class RawHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    enum class Behaviour { Answer, CloseWithoutAnswer, NeverAnswer };

    // Gets the whole request (head and body) and returns the whole raw response; an empty one
    // leaves that request unanswered, like a server that hangs on it.
    using Handler = std::function<QByteArray(const QByteArray &request)>;

    explicit RawHttpServer(QObject *parent = nullptr);
    ~RawHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }

    // Serves https with this certificate from then on.
    void useTls(const QSslCertificate &certificate, const QSslKey &key);

    bool listenOnLoopback();
    QUrl baseUrl() const;

    QList<QByteArray> requests() const { return m_requests; }

    // A response with a status line, the given headers and body, and a Content-Length.
    static QByteArray response(int status, const QByteArray &headers, const QByteArray &body);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QTcpSocket *socket);

    Handler m_handler;
    Behaviour m_behaviour = Behaviour::Answer;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QByteArray> m_requests;
};
