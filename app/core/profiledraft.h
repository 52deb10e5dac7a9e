// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memberprofile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

// The form's unsaved edits, as typed: kept on disk while they are not saved, so that a crash
// or a killed process loses none of them. The plugins are the editor's text, which need not
// be valid JSON yet.
struct ProfileDraft
{
    QString server; // the base URL the profile was loaded from
    QString member; // the username that signed in
    QDateTime savedAt;
    QString name;
    QMap<QString, bool> flags;
    QString pluginsText;

    // The profile as loaded when the edits were made. Another sign-in may load a different
    // one; only what the edits changed from this goes back into the form. Drafts kept before
    // the app wrote it have none, and restore every field.
    std::optional<MemberProfile> base;

    QJsonObject toJson() const;

    // Whether a field differs from the base; always true without a base. The plugins count as
    // changed when their text says something else than the base's, or is not valid JSON.
    bool changesName() const;
    bool changesFlag(const QString &key) const;
    bool changesPlugins() const;

    // nullopt for anything that is not a draft this version wrote.
    static std::optional<ProfileDraft> fromJson(const QJsonObject &json);

    friend bool operator==(const ProfileDraft &a, const ProfileDraft &b);
};
