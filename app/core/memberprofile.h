// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

// A neko MemberProfile: the name, the permission flags of ProfileFlags::all() and the free-form
// plugins object. A `plugins: null` from the server reads as an empty object.
class MemberProfile
{
public:
    QString name;
    QMap<QString, bool> flags; // keyed by ProfileFlag::key; every flag is present
    QJsonObject plugins;

    MemberProfile();

    bool flag(QLatin1StringView key) const;
    void setFlag(QLatin1StringView key, bool on);

    // Reads a profile as the server sends it. Fields of the wrong type are an error, because
    // a server that sends them is not one we can edit safely; missing fields keep defaults.
    static std::optional<MemberProfile> fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;

    friend bool operator==(const MemberProfile &a, const MemberProfile &b);
    friend bool operator!=(const MemberProfile &a, const MemberProfile &b) { return !(a == b); }
};
