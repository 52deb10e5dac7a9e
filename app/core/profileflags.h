// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

// One permission flag of a neko member profile. This table is the only place that lists them:
// the form builds its checkboxes from it, the JSON code reads and writes by it, and the tests
// iterate over it.
struct ProfileFlag
{
    QLatin1StringView key; // the JSON key, as neko names it
    const char *label; // untranslated; use ProfileFlags::label()
    const char *toolTip; // untranslated; use ProfileFlags::toolTip()
    QLatin1StringView needs; // the flag this one depends on, or empty
};

namespace ProfileFlags {

const QList<ProfileFlag> &all();

// nullptr for a key that is not a permission flag.
const ProfileFlag *find(QLatin1StringView key);

QString label(const ProfileFlag &flag);
QString toolTip(const ProfileFlag &flag);

// The label without its mnemonic marker, for messages.
QString plainLabel(const ProfileFlag &flag);

} // namespace ProfileFlags
