// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

class JsonEditor;
class MainWindow;
class MemorySecretStore;
class NekoClient;
class QLabel;
class TimedNetworkAccessManager;

// The app's main window with its real client, driven the way a user would: through the
// sign-in dialog, the menu actions and the buttons.
//
// Waiting never sleeps: it runs the event loop until something happens, so that the time
// between two events is the app's own and an event-loop monitor sees every stall.
class WindowDriver : public QObject
{
    Q_OBJECT

public:
    WindowDriver();
    ~WindowDriver() override;

    MainWindow *window() const { return m_window.get(); }
    NekoClient *client() const { return m_client.get(); }
    TimedNetworkAccessManager *network() const { return m_network.get(); }
    JsonEditor *pluginsEditor() const;
    QLabel *pluginsStatus() const;

    // Runs the event loop until done() holds; false after timeoutMs without it.
    static bool waitFor(const std::function<bool()> &done, int timeoutMs = 10000);

    // Each of these waits until the app shows the outcome; false on failure or time-out.
    bool showWindow();
    bool signIn(const QUrl &server);
    bool reload();
    bool revert();
    bool toggleAFlagAndSave();
    bool signOut();

private:
    bool triggerAction(const char *name);

    QTemporaryDir m_drafts; // the window's drafts, away from the user's own
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<TimedNetworkAccessManager> m_network;
    std::unique_ptr<NekoClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    int m_loaded = 0;
    int m_saved = 0;
    int m_signedOut = 0;
    int m_failed = 0;
};
