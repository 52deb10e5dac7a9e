// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberprofile.h"

#include "profileflags.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

MemberProfile::MemberProfile()
{
    for (const ProfileFlag &f : ProfileFlags::all())
        flags.insert(f.key, false);
}

bool MemberProfile::flag(QLatin1StringView key) const
{
    return flags.value(key, false);
}

void MemberProfile::setFlag(QLatin1StringView key, bool on)
{
    flags.insert(key, on);
}

std::optional<MemberProfile> MemberProfile::fromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &field, const char *expected) {
        if (error) {
            *error = QCoreApplication::translate("MemberProfile", "the field \"%1\" is not %2")
                             .arg(field, QCoreApplication::translate("MemberProfile", expected));
        }
        return std::nullopt;
    };

    MemberProfile profile;

    const QJsonValue name = json.value("name"_L1);
    if (name.isString())
        profile.name = name.toString();
    else if (!name.isUndefined() && !name.isNull())
        return fail(u"name"_s, QT_TRANSLATE_NOOP("MemberProfile", "text"));

    for (const ProfileFlag &f : ProfileFlags::all()) {
        const QJsonValue value = json.value(f.key);
        if (value.isBool())
            profile.setFlag(f.key, value.toBool());
        else if (!value.isUndefined() && !value.isNull())
            return fail(f.key, QT_TRANSLATE_NOOP("MemberProfile", "true or false"));
    }

    const QJsonValue plugins = json.value("plugins"_L1);
    if (plugins.isObject())
        profile.plugins = plugins.toObject();
    else if (!plugins.isUndefined() && !plugins.isNull())
        return fail(u"plugins"_s, QT_TRANSLATE_NOOP("MemberProfile", "an object"));

    return profile;
}

QJsonObject MemberProfile::toJson() const
{
    QJsonObject json;
    json.insert("name"_L1, name);
    for (const ProfileFlag &f : ProfileFlags::all())
        json.insert(f.key, flag(f.key));
    json.insert("plugins"_L1, plugins);
    return json;
}

bool operator==(const MemberProfile &a, const MemberProfile &b)
{
    return a.name == b.name && a.flags == b.flags && a.plugins == b.plugins;
}
