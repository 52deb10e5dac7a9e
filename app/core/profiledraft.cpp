// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledraft.h"

#include "pluginsparser.h"
#include "profileflags.h"

using namespace Qt::StringLiterals;

namespace {

constexpr auto FormatKey = "format"_L1;
constexpr auto FormatName = "neko-profile-editor-draft-1"_L1;

} // namespace

QJsonObject ProfileDraft::toJson() const
{
    QJsonObject flagsJson;
    for (auto it = flags.cbegin(); it != flags.cend(); ++it)
        flagsJson.insert(it.key(), it.value());

    QJsonObject json {
            {FormatKey, FormatName},
            {"server"_L1, server},
            {"member"_L1, member},
            {"saved_at"_L1, savedAt.toUTC().toString(Qt::ISODateWithMs)},
            {"name"_L1, name},
            {"flags"_L1, flagsJson},
            {"plugins_text"_L1, pluginsText},
    };
    if (base)
        json.insert("base"_L1, base->toJson());
    return json;
}

std::optional<ProfileDraft> ProfileDraft::fromJson(const QJsonObject &json)
{
    if (json.value(FormatKey).toString() != FormatName)
        return std::nullopt;
    for (const auto key : {"server"_L1, "member"_L1, "saved_at"_L1, "name"_L1, "plugins_text"_L1}) {
        if (!json.value(key).isString())
            return std::nullopt;
    }
    if (!json.value("flags"_L1).isObject())
        return std::nullopt;

    ProfileDraft draft;
    draft.server = json.value("server"_L1).toString();
    draft.member = json.value("member"_L1).toString();
    draft.savedAt = QDateTime::fromString(json.value("saved_at"_L1).toString(), Qt::ISODate);
    draft.name = json.value("name"_L1).toString();
    draft.pluginsText = json.value("plugins_text"_L1).toString();

    // Only flags the app knows, and only booleans: a draft never adds a field to a save.
    const QJsonObject flags = json.value("flags"_L1).toObject();
    for (const ProfileFlag &flag : ProfileFlags::all()) {
        const QJsonValue value = flags.value(flag.key);
        if (value.isBool())
            draft.flags.insert(flag.key, value.toBool());
    }

    // A base that cannot be read leaves a draft that restores every field, as before bases.
    if (json.value("base"_L1).isObject())
        draft.base = MemberProfile::fromJson(json.value("base"_L1).toObject());
    return draft;
}

bool ProfileDraft::changesName() const
{
    return !base || name != base->name;
}

bool ProfileDraft::changesFlag(const QString &key) const
{
    return !base || !flags.contains(key) || flags.value(key) != base->flags.value(key);
}

bool ProfileDraft::changesPlugins() const
{
    if (!base)
        return true;
    const PluginsParseResult parsed = PluginsParser::parse(pluginsText);
    return !parsed.ok || parsed.plugins != base->plugins;
}

bool operator==(const ProfileDraft &a, const ProfileDraft &b)
{
    return a.server == b.server && a.member == b.member && a.savedAt == b.savedAt
            && a.name == b.name && a.flags == b.flags && a.pluginsText == b.pluginsText
            && a.base == b.base;
}
