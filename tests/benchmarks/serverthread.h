// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QSemaphore>
#include <QThread>
#include <QUrl>

class FakeNekoServer;

// The fake neko server on a thread of its own, as a real server is another process: its work
// then never counts as a stall of the UI thread being measured. It knows one administrator,
// "admin" with password "admin".
class ServerThread : public QThread
{
    Q_OBJECT

public:
    explicit ServerThread(const QJsonObject &adminProfile, QObject *parent = nullptr);
    ~ServerThread() override;

    // Starts the thread and waits until the server listens on loopback; an empty URL if it
    // cannot.
    QUrl launch();

    // Replaces the plugins of the admin's live session, as if changed elsewhere.
    void setSessionPlugins(const QJsonObject &plugins);

protected:
    void run() override;

private:
    const QJsonObject m_adminProfile;
    FakeNekoServer *m_server = nullptr;
    QUrl m_url;
    QSemaphore m_listening;
};
