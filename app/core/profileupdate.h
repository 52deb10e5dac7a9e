// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memberprofile.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// Turns an edit of the current session's profile into the POST /api/profile bodies that make
// the server hold exactly the edited profile, given how neko merges them.
namespace ProfileUpdate {

// The bodies to send in order; empty when nothing changed.
//
// An admin's body carries only the fields that changed, so that a concurrent edit of another
// field is not overwritten. neko merges the plugins object key by key and keeps keys that
// are absent, so removing a key takes two requests: one with "plugins": null, which clears
// the map, and one with the whole edited object.
//
// neko copies only the name from a non-admin's body, and sets it to "" when the body has
// none, so a non-admin's body is always exactly {"name": …}.
QList<QJsonObject> bodies(const MemberProfile &loaded, const MemberProfile &edited, bool isAdmin);

// The fields that the save changed from `loaded` to `wanted` but that `actual` (the profile
// re-read after saving) does not hold, as user-visible names: the label of a flag, "Name", or
// "plugins: <key>". A field the save did not touch is not listed, even if the server's value
// differs: a session that was renewed in between starts from the member's stored profile.
QStringList notTaken(const MemberProfile &loaded, const MemberProfile &wanted,
                     const MemberProfile &actual, bool isAdmin);

// The fields that the save left as they were loaded but that `actual` holds otherwise: changed
// on the server in the meantime, as after a server restart and a new sign-in. Named as by
// notTaken().
QStringList changedElsewhere(const MemberProfile &loaded, const MemberProfile &wanted,
                             const MemberProfile &actual, bool isAdmin);

} // namespace ProfileUpdate
