// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiledraft.h"

#include <QString>

#include <optional>

// Drafts on disk, one file per server and member, in the app's data folder. A file is
// replaced whole or not at all, so a crash while writing leaves the previous draft.
class DraftStore
{
public:
    // The folder the app uses: "drafts" in the app's data location.
    static QString defaultFolder();

    explicit DraftStore(const QString &folder = defaultFolder());

    QString folder() const { return m_folder; }

    bool save(const ProfileDraft &draft) const;
    std::optional<ProfileDraft> load(const QString &server, const QString &member) const;
    void remove(const QString &server, const QString &member) const;

    QString fileOf(const QString &server, const QString &member) const;

private:
    QString m_folder;
};
