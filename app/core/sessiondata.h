// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memberprofile.h"

#include <QMetaType>

// What GET /api/whoami and POST /api/login tell about the current session.
struct SessionData
{
    QString id;
    MemberProfile profile;
    bool isConnected = false;
    bool isWatching = false;

    bool isAdmin() const;

    static std::optional<SessionData> fromJson(const QJsonObject &json, QString *error = nullptr);
};

Q_DECLARE_METATYPE(SessionData)
