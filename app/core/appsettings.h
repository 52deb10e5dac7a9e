// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

// The app's persistent settings. Every key is declared here, with its default, and nothing
// secret is ever among them: no password, no token.
class AppSettings
{
public:
    AppSettings();

    QString serverAddress() const;
    void setServerAddress(const QString &address);

    QString lastUsername() const;
    void setLastUsername(const QString &username);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);

    QByteArray loginDialogGeometry() const;
    void setLoginDialogGeometry(const QByteArray &geometry);

    // Keyed by "host:port"; the value is a SHA-256 fingerprint.
    QByteArray trustedCertificate(const QString &server) const;
    void setTrustedCertificate(const QString &server, const QByteArray &fingerprint);

    // The server and username whose session token the keychain holds, if any. The token
    // itself is only ever in the keychain.
    QString rememberedServer() const;
    QString rememberedUsername() const;
    void setRemembered(const QString &server, const QString &username);
    void clearRemembered();

private:
    QSettings m_settings;
};
