// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memberprofile.h"
#include "pluginsparser.h"
#include "profiledraft.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;

namespace Ui {
class ProfileForm;
}

// The editable profile: the name, one checkbox per flag of ProfileFlags::all() and the plugins
// JSON. It knows what was loaded, so it can tell whether anything changed.
class ProfileForm : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileForm(QWidget *parent = nullptr);
    ~ProfileForm() override;

    // Shows a profile as loaded from the server. A non-admin may change only the name, so
    // for them flags and plugins are shown read-only.
    void setProfile(const MemberProfile &profile, bool isAdmin);
    void clearProfile();

    MemberProfile loadedProfile() const { return m_loaded; }

    // The profile as edited; nullopt while the plugins JSON is not valid.
    std::optional<MemberProfile> editedProfile() const;

    bool isModified() const;

    // The fields as typed, for a draft; server, member and time are the caller's to fill.
    ProfileDraft edits() const;

    // Puts the fields a draft changed back over the loaded profile. For a non-admin only the
    // name, which is all they may change.
    void restoreEdits(const ProfileDraft &draft);

    // The names of the fields that restoreEdits() would change in the form as it is now.
    QStringList fieldsRestoredFrom(const ProfileDraft &draft) const;
    bool isValid() const { return m_plugins.ok; }
    QString pluginsError() const { return m_plugins.ok ? QString() : m_plugins.message(); }

    QCheckBox *checkBox(QLatin1StringView flagKey) const;

Q_SIGNALS:
    void edited();

private:
    void buildCheckBoxes();
    void validatePlugins();
    void updateDependencyWarning();
    void applyEditable();

    const std::unique_ptr<Ui::ProfileForm> m_ui;
    QHash<QString, QCheckBox *> m_checkBoxes;
    MemberProfile m_loaded;
    PluginsParseResult m_plugins;
    bool m_hasProfile = false;
    bool m_isAdmin = false;
};
