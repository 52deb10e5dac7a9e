// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileflags.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ProfileFlags {

const QList<ProfileFlag> &all()
{
    // The order is the order of the form. Mnemonics are unique across the main window.
    static const QList<ProfileFlag> flags = {
            {"is_admin"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "&Administrator"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May change permissions, manage members and sessions, change room "
                               "settings, and is exempt from private mode."),
             {}},
            {"can_login"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "Can sign &in"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May use the HTTP API and the room connection. Without it every "
                               "request of this session is refused."),
             {}},
            {"can_connect"_L1, QT_TRANSLATE_NOOP("ProfileFlag", "Can &connect to the room"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May open the live connection to the room (chat, presence, "
                               "control). Needs \"Can sign in\"."),
             "can_login"_L1},
            {"can_watch"_L1, QT_TRANSLATE_NOOP("ProfileFlag", "Can &watch the screen"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May receive the video and audio of the shared desktop. Needs \"Can "
                               "connect to the room\"."),
             "can_connect"_L1},
            {"can_host"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "Can host (use &keyboard and mouse)"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May take control of the shared desktop's keyboard and mouse."),
             {}},
            {"can_share_media"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "Can share &media"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May send their own camera and microphone into the room."),
             {}},
            {"can_access_clipboard"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "Can use the clip&board"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "May read and write the clipboard of the shared desktop."),
             {}},
            {"sends_inactive_cursor"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "Sh&ows own cursor"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "Others see this member's mouse cursor while someone else is "
                               "hosting."),
             {}},
            {"can_see_inactive_cursors"_L1,
             QT_TRANSLATE_NOOP("ProfileFlag", "Sees o&ther members' cursors"),
             QT_TRANSLATE_NOOP("ProfileFlag",
                               "Sees the mouse cursors of members who are not hosting."),
             {}},
    };
    return flags;
}

const ProfileFlag *find(QLatin1StringView key)
{
    for (const ProfileFlag &flag : all()) {
        if (flag.key == key)
            return &flag;
    }
    return nullptr;
}

QString label(const ProfileFlag &flag)
{
    return QCoreApplication::translate("ProfileFlag", flag.label);
}

QString toolTip(const ProfileFlag &flag)
{
    return QCoreApplication::translate("ProfileFlag", flag.toolTip);
}

QString plainLabel(const ProfileFlag &flag)
{
    QString text = label(flag);
    text.remove(u'&');
    return text;
}

} // namespace ProfileFlags
