// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverthread.h"

#include "fakenekoserver.h"

using namespace Qt::StringLiterals;

ServerThread::ServerThread(const QJsonObject &adminProfile, QObject *parent)
    : QThread(parent)
    , m_adminProfile(adminProfile)
{ }

ServerThread::~ServerThread()
{
    quit();
    wait();
}

QUrl ServerThread::launch()
{
    start();
    m_listening.acquire();
    return m_url;
}

void ServerThread::setSessionPlugins(const QJsonObject &plugins)
{
    QMetaObject::invokeMethod(
            m_server,
            [this, plugins] {
                QJsonObject profile = m_server->sessionProfile(u"admin"_s);
                profile.insert("plugins"_L1, plugins);
                m_server->setSessionProfile(u"admin"_s, profile);
            },
            Qt::BlockingQueuedConnection);
}

void ServerThread::run()
{
    FakeNekoServer server;
    server.addMember(u"admin"_s, u"admin"_s, m_adminProfile);
    if (server.listen()) {
        m_server = &server;
        m_url = server.baseUrl();
    }
    m_listening.release();
    if (m_server)
        exec();
    m_server = nullptr;
}
