// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttpserver.h"

#include <QSslSocket>

using namespace Qt::StringLiterals;

RawHttpServer::RawHttpServer(QObject *parent)
    : QTcpServer(parent)
{ }

RawHttpServer::~RawHttpServer() = default;

void RawHttpServer::useTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool RawHttpServer::listenOnLoopback()
{
    return listen(QHostAddress::LocalHost);
}

QUrl RawHttpServer::baseUrl() const
{
    const QString scheme = m_certificate.isNull() ? u"http"_s : u"https"_s;
    return QUrl(u"%1://127.0.0.1:%2/"_s.arg(scheme).arg(serverPort()));
}

QByteArray RawHttpServer::response(int status, const QByteArray &headers, const QByteArray &body)
{
    return "HTTP/1.1 "_ba + QByteArray::number(status) + " Status\r\n"_ba + headers
            + "Content-Length: "_ba + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n"_ba + body;
}

void RawHttpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_certificate.isNull()) {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
    } else {
        auto *tls = new QSslSocket(this);
        tls->setSocketDescriptor(descriptor);
        tls->setLocalCertificate(m_certificate);
        tls->setPrivateKey(m_key);
        tls->startServerEncryption();
        socket = tls;
    }
    serve(socket);
}

void RawHttpServer::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);

        // Wait for the head, then for as many body bytes as it announces.
        const qsizetype headEnd = request.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : request.left(headEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < headEnd + 4 + length)
            return;

        m_requests.append(request);
        socket->setProperty("request", QByteArray());
        switch (m_behaviour) {
        case Behaviour::NeverAnswer:
            return;
        case Behaviour::CloseWithoutAnswer:
            socket->close();
            return;
        case Behaviour::Answer: {
            const QByteArray answer
                    = m_handler ? m_handler(request) : response(500, {}, "no handler"_ba);
            if (answer.isEmpty())
                return;
            socket->write(answer);
            socket->disconnectFromHost();
            return;
        }
        }
    });
}
