// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "memberprofile.h"
#include "pluginsparser.h"
#include "profileflags.h"
#include "profileupdate.h"
#include "sessiondata.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// What must hold for any profile the reader accepted.
void checkProfile(const MemberProfile &profile)
{
    const QString text = compact(profile.toJson());

    fuzzCheck(profile.flags.size() == ProfileFlags::all().size(), "every flag, and only those",
              text);
    for (const ProfileFlag &f : ProfileFlags::all())
        fuzzCheck(profile.flags.contains(f.key), "every flag is present", text);

    // Written and read again, in memory and as the bytes of a request body, it is the same.
    const std::optional<MemberProfile> again = MemberProfile::fromJson(profile.toJson());
    fuzzCheck(again && *again == profile, "a profile reads back from its own JSON", text);
    const QJsonDocument sent = QJsonDocument::fromJson(QJsonDocument(profile.toJson()).toJson());
    const std::optional<MemberProfile> received = MemberProfile::fromJson(sent.object());
    fuzzCheck(received && *received == profile, "a profile reads back from its own bytes", text);

    // Saving a profile that was not edited sends nothing, and finds nothing missing.
    for (const bool isAdmin : {true, false}) {
        fuzzCheck(ProfileUpdate::bodies(profile, profile, isAdmin).isEmpty(),
                  "an unchanged profile sends no request", text);
        fuzzCheck(ProfileUpdate::notTaken(profile, profile, profile, isAdmin).isEmpty(),
                  "an unchanged profile misses no field", text);
    }

    // The plugins editor shows the server's object as text; if it accepts that text, it must
    // be the same object, and the text must not change when formatted again.
    const QString shown = PluginsParser::format(profile.plugins);
    const PluginsParseResult parsed = PluginsParser::parse(shown);
    if (parsed.ok) {
        fuzzCheck(parsed.plugins == profile.plugins, "the editor's text is the server's plugins",
                  shown);
        fuzzCheck(PluginsParser::format(parsed.plugins) == shown, "formatting is stable", shown);
    } else {
        fuzzCheck(parsed.line >= 1, "a refused plugins object says where", shown);
    }
}

} // namespace

// The body of an answer to GET /api/whoami or POST /api/login, read as NekoClient reads it:
// parsed as JSON, and anything but an object taken as an empty object.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return 0;
    const QJsonObject answer = document.isObject() ? document.object() : QJsonObject();

    QString error;
    const std::optional<SessionData> session = SessionData::fromJson(answer, &error);
    if (session) {
        fuzzCheck(!session->id.isEmpty(), "a session has an id", compact(answer));
        const std::optional<MemberProfile> profile
                = MemberProfile::fromJson(answer.value("profile"_L1).toObject());
        fuzzCheck(profile && *profile == session->profile,
                  "the session's profile is the profile reader's", compact(answer));
        checkProfile(session->profile);
    } else {
        fuzzCheck(!error.isEmpty(), "a refused answer says why", compact(answer));
    }

    // The same object read directly as a profile, so that the fuzzer need not find the
    // session's wrapping first to reach the profile reader.
    error.clear();
    const std::optional<MemberProfile> profile = MemberProfile::fromJson(answer, &error);
    if (profile)
        checkProfile(*profile);
    else
        fuzzCheck(!error.isEmpty(), "a refused profile says why", compact(answer));
    return 0;
}
