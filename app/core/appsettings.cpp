// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

using namespace Qt::StringLiterals;

namespace {

constexpr auto ServerAddressKey = "Server/Address"_L1;
constexpr auto LastUsernameKey = "Login/LastUsername"_L1;
constexpr auto MainWindowGeometryKey = "MainWindow/Geometry"_L1;
constexpr auto MainWindowStateKey = "MainWindow/State"_L1;
constexpr auto LoginDialogGeometryKey = "LoginDialog/Geometry"_L1;
constexpr auto TrustedCertificatesGroup = "TrustedCertificates"_L1;
constexpr auto RememberedServerKey = "Login/RememberedServer"_L1;
constexpr auto RememberedUsernameKey = "Login/RememberedUsername"_L1;

// QSettings reads "/" in a key as a group separator; a host never has one, but the key is
// encoded anyway so that no address can reach another entry.
QString certificateKey(const QString &server)
{
    return TrustedCertificatesGroup + u'/'
            + QString::fromLatin1(server.toUtf8().toPercentEncoding());
}

} // namespace

AppSettings::AppSettings() = default;

QString AppSettings::serverAddress() const
{
    return m_settings.value(ServerAddressKey).toString();
}

void AppSettings::setServerAddress(const QString &address)
{
    m_settings.setValue(ServerAddressKey, address);
}

QString AppSettings::lastUsername() const
{
    return m_settings.value(LastUsernameKey).toString();
}

void AppSettings::setLastUsername(const QString &username)
{
    m_settings.setValue(LastUsernameKey, username);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings.value(MainWindowGeometryKey).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(MainWindowGeometryKey, geometry);
}

QByteArray AppSettings::mainWindowState() const
{
    return m_settings.value(MainWindowStateKey).toByteArray();
}

void AppSettings::setMainWindowState(const QByteArray &state)
{
    m_settings.setValue(MainWindowStateKey, state);
}

QByteArray AppSettings::loginDialogGeometry() const
{
    return m_settings.value(LoginDialogGeometryKey).toByteArray();
}

void AppSettings::setLoginDialogGeometry(const QByteArray &geometry)
{
    m_settings.setValue(LoginDialogGeometryKey, geometry);
}

QByteArray AppSettings::trustedCertificate(const QString &server) const
{
    return QByteArray::fromHex(m_settings.value(certificateKey(server)).toByteArray());
}

void AppSettings::setTrustedCertificate(const QString &server, const QByteArray &fingerprint)
{
    m_settings.setValue(certificateKey(server), fingerprint.toHex());
}

QString AppSettings::rememberedServer() const
{
    return m_settings.value(RememberedServerKey).toString();
}

QString AppSettings::rememberedUsername() const
{
    return m_settings.value(RememberedUsernameKey).toString();
}

void AppSettings::setRemembered(const QString &server, const QString &username)
{
    m_settings.setValue(RememberedServerKey, server);
    m_settings.setValue(RememberedUsernameKey, username);
}

void AppSettings::clearRemembered()
{
    m_settings.remove(RememberedServerKey);
    m_settings.remove(RememberedUsernameKey);
}
