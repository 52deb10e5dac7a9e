// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberprofile.h"
#include "profileflags.h"
#include "sessiondata.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in a test row: %s", json.constData());
    return document.object();
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// The flag's key for row names and failure messages; QLatin1StringView need not end in NUL.
QByteArray keyName(const ProfileFlag &flag)
{
    return QByteArray(flag.key.data(), flag.key.size());
}

// Every flag of the table, all set to `on`, as a JSON object.
QJsonObject allFlags(bool on)
{
    QJsonObject json;
    for (const ProfileFlag &f : ProfileFlags::all())
        json.insert(f.key, on);
    return json;
}

} // namespace

class TestMemberProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveExactlyTheNekoFlags();
    void shouldDescribeEveryFlag();
    void shouldStartWithEveryFlagOff();

    void shouldRoundTripThroughJson_data();
    void shouldRoundTripThroughJson();
    void shouldReadEachFlagOnItsOwn_data();
    void shouldReadEachFlagOnItsOwn();
    void shouldKeepDefaultsForMissingFields_data();
    void shouldKeepDefaultsForMissingFields();
    void shouldRejectWrongTypes_data();
    void shouldRejectWrongTypes();

    void shouldReadSessionData_data();
    void shouldReadSessionData();
    void shouldRejectBadSessionData_data();
    void shouldRejectBadSessionData();
};

void TestMemberProfile::shouldHaveExactlyTheNekoFlags()
{
    // The permission flags of neko's MemberProfile (SERVER-BEHAVIOR.md §6). This is the one
    // place in the tests that names them; everything else iterates ProfileFlags::all().
    const QSet<QString> expected = {
            u"is_admin"_s,
            u"can_login"_s,
            u"can_connect"_s,
            u"can_watch"_s,
            u"can_host"_s,
            u"can_share_media"_s,
            u"can_access_clipboard"_s,
            u"sends_inactive_cursor"_s,
            u"can_see_inactive_cursors"_s,
    };

    QSet<QString> keys;
    for (const ProfileFlag &f : ProfileFlags::all())
        keys.insert(f.key);

    QCOMPARE(ProfileFlags::all().size(), 9);
    QCOMPARE(keys.size(), ProfileFlags::all().size()); // no key twice
    QCOMPARE(keys, expected);
}

void TestMemberProfile::shouldDescribeEveryFlag()
{
    for (const ProfileFlag &f : ProfileFlags::all()) {
        const QByteArray key = keyName(f);
        QVERIFY2(!ProfileFlags::label(f).isEmpty(), key.constData());
        QVERIFY2(!ProfileFlags::toolTip(f).isEmpty(), key.constData());
        QVERIFY2(!ProfileFlags::plainLabel(f).contains(u'&'), key.constData());
        QCOMPARE(ProfileFlags::find(f.key), &f);

        // A dependency must name another flag of the table.
        if (!f.needs.isEmpty()) {
            QVERIFY2(ProfileFlags::find(f.needs) != nullptr, key.constData());
            QVERIFY2(f.needs != f.key, key.constData());
        }
    }
    QCOMPARE(ProfileFlags::find("name"_L1), nullptr);
    QCOMPARE(ProfileFlags::find("plugins"_L1), nullptr);
}

void TestMemberProfile::shouldStartWithEveryFlagOff()
{
    const MemberProfile profile;

    QCOMPARE(profile.name, QString());
    QCOMPARE(profile.plugins, QJsonObject());
    QCOMPARE(profile.flags.size(), ProfileFlags::all().size());
    for (const ProfileFlag &f : ProfileFlags::all()) {
        QVERIFY2(profile.flags.contains(f.key), keyName(f).constData());
        QVERIFY(!profile.flag(f.key));
    }
}

void TestMemberProfile::shouldRoundTripThroughJson_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QJsonObject>("expected"); // what toJson() writes back

    QJsonObject full = allFlags(true);
    full.insert("name"_L1, u"Alice"_s);
    full.insert("plugins"_L1, object(R"({"chat.can_send": false, "filetransfer.enabled": true})"));
    QTest::addRow("full profile, every flag on") << full << full;

    QJsonObject mixed = allFlags(false);
    mixed.insert("name"_L1, u"Bob"_s);
    mixed.insert("plugins"_L1, QJsonObject());
    mixed.insert(ProfileFlags::all().constFirst().key, true);
    mixed.insert(ProfileFlags::all().constLast().key, true);
    QTest::addRow("first and last flag on") << mixed << mixed;

    QJsonObject nullPlugins = allFlags(true);
    nullPlugins.insert("name"_L1, u"Carol"_s);
    nullPlugins.insert("plugins"_L1, QJsonValue::Null);
    QJsonObject emptyPlugins = nullPlugins;
    emptyPlugins.insert("plugins"_L1, QJsonObject());
    QTest::addRow("plugins null read as {}") << nullPlugins << emptyPlugins;

    QJsonObject nested = allFlags(false);
    nested.insert("name"_L1, u"Dave"_s);
    nested.insert("plugins"_L1, object(R"({"x.list": [1, "two", null, {"three": 3}],
                             "x.deep": {"a": {"b": [true, false]}},
                             "x.null": null, "x.number": 2.5, "x.text": "t"})"));
    QTest::addRow("nested plugin values") << nested << nested;

    QJsonObject unicode = allFlags(true);
    unicode.insert("name"_L1, u"Zoë 日本語 — 😀"_s);
    unicode.insert("plugins"_L1, object(R"({"ünïcode.kéy": "välue"})"));
    QTest::addRow("unicode name and plugin key") << unicode << unicode;

    QJsonObject extra = full;
    extra.insert("unknown_field"_L1, 42);
    QTest::addRow("unknown field ignored") << extra << full;
}

void TestMemberProfile::shouldRoundTripThroughJson()
{
    QFETCH(QJsonObject, json);
    QFETCH(QJsonObject, expected);

    QString error;
    const std::optional<MemberProfile> profile = MemberProfile::fromJson(json, &error);
    QVERIFY2(profile, qPrintable(error));

    const QJsonObject written = profile->toJson();
    QCOMPARE(compact(written), compact(expected));

    // Reading what was written gives the same profile again.
    const std::optional<MemberProfile> again = MemberProfile::fromJson(written, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(*again == *profile);
    QVERIFY(!(*again != *profile));
}

void TestMemberProfile::shouldReadEachFlagOnItsOwn_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("on");

    for (const ProfileFlag &f : ProfileFlags::all()) {
        QTest::addRow("%s on, others missing", keyName(f).constData()) << QString(f.key) << true;
        QTest::addRow("%s off, others on", keyName(f).constData()) << QString(f.key) << false;
    }
}

void TestMemberProfile::shouldReadEachFlagOnItsOwn()
{
    QFETCH(QString, key);
    QFETCH(bool, on);

    // "on": only this flag in the JSON, set. "off": every flag on except this one.
    QJsonObject json = on ? QJsonObject() : allFlags(true);
    json.insert(key, on);

    const std::optional<MemberProfile> profile = MemberProfile::fromJson(json);
    QVERIFY(profile);
    for (const ProfileFlag &f : ProfileFlags::all()) {
        const bool expected = f.key == key ? on : !on;
        QVERIFY2(profile->flag(f.key) == expected, keyName(f).constData());
    }
    QCOMPARE(profile->toJson().value(key), QJsonValue(on));
}

void TestMemberProfile::shouldKeepDefaultsForMissingFields_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("plugins");

    QTest::addRow("empty object") << QJsonObject() << QString() << QJsonObject();
    QTest::addRow("only a name") << object(R"({"name": "Eve"})") << u"Eve"_s << QJsonObject();
    QTest::addRow("only plugins") << object(R"({"plugins": {"chat.can_send": true}})") << QString()
                                  << object(R"({"chat.can_send": true})");
    QTest::addRow("name null") << object(R"({"name": null})") << QString() << QJsonObject();

    QJsonObject nullFlags;
    for (const ProfileFlag &f : ProfileFlags::all())
        nullFlags.insert(f.key, QJsonValue::Null);
    QTest::addRow("every flag null") << nullFlags << QString() << QJsonObject();
}

void TestMemberProfile::shouldKeepDefaultsForMissingFields()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, name);
    QFETCH(QJsonObject, plugins);

    QString error;
    const std::optional<MemberProfile> profile = MemberProfile::fromJson(json, &error);
    QVERIFY2(profile, qPrintable(error));

    QCOMPARE(profile->name, name);
    QCOMPARE(profile->plugins, plugins);
    QCOMPARE(profile->flags.size(), ProfileFlags::all().size());
    for (const ProfileFlag &f : ProfileFlags::all())
        QVERIFY2(!profile->flag(f.key), keyName(f).constData());
}

void TestMemberProfile::shouldRejectWrongTypes_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");

    QTest::addRow("name as number") << object(R"({"name": 42})") << u"name"_s;
    QTest::addRow("name as bool") << object(R"({"name": true})") << u"name"_s;
    QTest::addRow("name as object") << object(R"({"name": {"first": "A"}})") << u"name"_s;
    QTest::addRow("plugins as array") << object(R"({"plugins": []})") << u"plugins"_s;
    QTest::addRow("plugins as string") << object(R"({"plugins": "{}"})") << u"plugins"_s;

    for (const ProfileFlag &f : ProfileFlags::all()) {
        QJsonObject yes = allFlags(true);
        yes.insert(f.key, u"yes"_s);
        QTest::addRow("%s as string \"yes\"", keyName(f).constData()) << yes << QString(f.key);

        QJsonObject number;
        number.insert(f.key, 1);
        QTest::addRow("%s as number 1", keyName(f).constData()) << number << QString(f.key);
    }
}

void TestMemberProfile::shouldRejectWrongTypes()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);

    QString error;
    const std::optional<MemberProfile> profile = MemberProfile::fromJson(json, &error);

    QVERIFY(!profile);
    QVERIFY2(error.contains(u'"' + field + u'"'), qPrintable(error));

    // Passing no error string is allowed.
    QVERIFY(!MemberProfile::fromJson(json));
}

void TestMemberProfile::shouldReadSessionData_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("admin");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("watching");

    QTest::addRow("login answer with token, not connected")
            << object(R"({"id": "admin-a1b2c", "token": "t", "profile": {"name": "admin",
                          "is_admin": true, "can_login": true, "plugins": null},
                          "state": {"is_connected": false, "is_watching": false}})")
            << u"admin-a1b2c"_s << true << false << false;
    QTest::addRow("whoami, connected and watching")
            << object(R"({"id": "neko", "profile": {"name": "neko", "is_admin": false},
                          "state": {"is_connected": true, "is_watching": true,
                                    "connected_since": "2026-01-02T03:04:05Z"}})")
            << u"neko"_s << false << true << true;
    QTest::addRow("connected, not watching") << object(R"({"id": "x", "profile": {},
                          "state": {"is_connected": true, "is_watching": false}})")
                                             << u"x"_s << false << true << false;
    QTest::addRow("state missing") << object(R"({"id": "API", "profile": {"is_admin": true}})")
                                   << u"API"_s << true << false << false;
    QTest::addRow("state with odd values")
            << object(R"({"id": "y", "profile": {}, "state": {"is_connected": "yes"}})") << u"y"_s
            << false << false << false;
}

void TestMemberProfile::shouldReadSessionData()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, id);
    QFETCH(bool, admin);
    QFETCH(bool, connected);
    QFETCH(bool, watching);

    QString error;
    const std::optional<SessionData> session = SessionData::fromJson(json, &error);
    QVERIFY2(session, qPrintable(error));

    QCOMPARE(session->id, id);
    QCOMPARE(session->isAdmin(), admin);
    QCOMPARE(session->isConnected, connected);
    QCOMPARE(session->isWatching, watching);
    QCOMPARE(session->profile, *MemberProfile::fromJson(json.value("profile"_L1).toObject()));
}

void TestMemberProfile::shouldRejectBadSessionData_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("mentions"); // a word the error must contain, if any

    QTest::addRow("id missing") << object(R"({"profile": {}})") << QString();
    QTest::addRow("id empty") << object(R"({"id": "", "profile": {}})") << QString();
    QTest::addRow("id as number") << object(R"({"id": 7, "profile": {}})") << QString();
    QTest::addRow("profile missing") << object(R"({"id": "a"})") << QString();
    QTest::addRow("profile as array") << object(R"({"id": "a", "profile": []})") << QString();
    QTest::addRow("profile with a flag as string")
            << object(R"({"id": "a", "profile": {"can_host": "yes"}})") << u"can_host"_s;
}

void TestMemberProfile::shouldRejectBadSessionData()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, mentions);

    QString error;
    QVERIFY(!SessionData::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestMemberProfile)
#include "tst_memberprofile.moc"
