// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondata.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

bool SessionData::isAdmin() const
{
    return profile.flag("is_admin"_L1);
}

std::optional<SessionData> SessionData::fromJson(const QJsonObject &json, QString *error)
{
    SessionData session;

    const QJsonValue id = json.value("id"_L1);
    if (!id.isString() || id.toString().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("SessionData", "it names no session id");
        return std::nullopt;
    }
    session.id = id.toString();

    const QJsonValue profile = json.value("profile"_L1);
    if (!profile.isObject()) {
        if (error)
            *error = QCoreApplication::translate("SessionData", "it carries no profile");
        return std::nullopt;
    }
    const std::optional<MemberProfile> parsed = MemberProfile::fromJson(profile.toObject(), error);
    if (!parsed)
        return std::nullopt;
    session.profile = *parsed;

    // The state is informative only; odd values there are not worth refusing the answer for.
    const QJsonObject state = json.value("state"_L1).toObject();
    session.isConnected = state.value("is_connected"_L1).toBool();
    session.isWatching = state.value("is_watching"_L1).toBool();
    return session;
}
