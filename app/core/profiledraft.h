// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

    QJsonObject toJson() const;

    // Whether both hold the same fields as typed, wherever and whenever they were kept.
    bool hasSameEdits(const ProfileDraft &other) const;

    // nullopt for anything that is not a draft this version wrote.
    static std::optional<ProfileDraft> fromJson(const QJsonObject &json);

    friend bool operator==(const ProfileDraft &a, const ProfileDraft &b);
};
