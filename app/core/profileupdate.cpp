// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileupdate.h"

#include "profileflags.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ProfileUpdate {

QList<QJsonObject> bodies(const MemberProfile &loaded, const MemberProfile &edited, bool isAdmin)
{
    if (!isAdmin) {
        if (loaded.name == edited.name)
            return {};
        return {QJsonObject {{"name"_L1, edited.name}}};
    }

    QJsonObject body;
    if (loaded.name != edited.name)
        body.insert("name"_L1, edited.name);
    for (const ProfileFlag &f : ProfileFlags::all()) {
        if (loaded.flag(f.key) != edited.flag(f.key))
            body.insert(f.key, edited.flag(f.key));
    }

    bool keyRemoved = false;
    for (auto it = loaded.plugins.begin(); it != loaded.plugins.end(); ++it)
        keyRemoved = keyRemoved || !edited.plugins.contains(it.key());

    if (!keyRemoved) {
        QJsonObject changed;
        for (auto it = edited.plugins.begin(); it != edited.plugins.end(); ++it) {
            if (loaded.plugins.value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        }
        if (!changed.isEmpty())
            body.insert("plugins"_L1, changed);
        if (body.isEmpty())
            return {};
        return {body};
    }

    body.insert("plugins"_L1, QJsonValue::Null);
    if (edited.plugins.isEmpty())
        return {body};
    return {body, QJsonObject {{"plugins"_L1, edited.plugins}}};
}

namespace {

// The names of the fields for which `select(loaded, wanted, actual)` holds, in form order: the
// name, then, for an admin, the flags and the plugin keys.
template<typename Select>
QStringList fieldsWhere(const MemberProfile &loaded, const MemberProfile &wanted,
                        const MemberProfile &actual, bool isAdmin, Select select)
{
    QStringList fields;
    if (select(QJsonValue(loaded.name), QJsonValue(wanted.name), QJsonValue(actual.name)))
        fields << QCoreApplication::translate("ProfileUpdate", "Name");
    if (!isAdmin)
        return fields;

    for (const ProfileFlag &f : ProfileFlags::all()) {
        if (select(QJsonValue(loaded.flag(f.key)), QJsonValue(wanted.flag(f.key)),
                   QJsonValue(actual.flag(f.key))))
            fields << ProfileFlags::plainLabel(f);
    }

    QStringList keys = wanted.plugins.keys() + loaded.plugins.keys() + actual.plugins.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        if (select(loaded.plugins.value(key), wanted.plugins.value(key), actual.plugins.value(key)))
            fields << QCoreApplication::translate("ProfileUpdate", "plugins: %1").arg(key);
    }
    return fields;
}

} // namespace

QStringList notTaken(const MemberProfile &loaded, const MemberProfile &wanted,
                     const MemberProfile &actual, bool isAdmin)
{
    return fieldsWhere(loaded, wanted, actual, isAdmin,
                       [](const QJsonValue &before, const QJsonValue &want, const QJsonValue &now) {
                           return want != before && want != now;
                       });
}

QStringList changedElsewhere(const MemberProfile &loaded, const MemberProfile &wanted,
                             const MemberProfile &actual, bool isAdmin)
{
    return fieldsWhere(loaded, wanted, actual, isAdmin,
                       [](const QJsonValue &before, const QJsonValue &want, const QJsonValue &now) {
                           return want == before && now != before;
                       });
}

} // namespace ProfileUpdate
