// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// A neko server address as people type or paste it: "host:8080", "http://host:8080",
// "https://host/neko/" behind a reverse proxy, or a web-client link with ?usr=…&pwd=…
// or user:password@.
class ServerAddress
{
public:
    // Normalises the input. On failure isValid() is false and error() says why.
    static ServerAddress parse(const QString &input);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // Scheme, host, port and path prefix, always ending in "/"; no query, fragment or user.
    QUrl baseUrl() const { return m_baseUrl; }

    // The base URL for display and for the settings.
    QString displayString() const;

    // "login" -> <base>api/login, under the path prefix.
    QUrl apiUrl(const QString &endpoint) const;

    // The username and password a pasted link carried, from ?usr=…&pwd=… or else from
    // user:password@. The password is only ever used for the sign-in it came with and must
    // not be stored.
    QString linkUsername() const { return m_linkUsername; }
    QString linkPassword() const { return m_linkPassword; }
    bool hasLinkCredentials() const
    {
        return !m_linkUsername.isEmpty() || !m_linkPassword.isEmpty();
    }

    static QUrl apiUrl(const QUrl &baseUrl, const QString &endpoint);

private:
    QUrl m_baseUrl;
    QString m_error;
    QString m_linkUsername;
    QString m_linkPassword;
};
