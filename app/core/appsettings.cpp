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
