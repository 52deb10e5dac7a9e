// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberprofile.h"
#include "profileflags.h"
#include "profileupdate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonValue json(const QByteArray &text)
{
    // Wrapped in an array so that the rows can also write scalars and null.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test row: %s", text.constData());
    return document.array().at(0);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

MemberProfile profileFrom(const QJsonObject &object)
{
    QString error;
    const std::optional<MemberProfile> profile = MemberProfile::fromJson(object, &error);
    if (!profile)
        qFatal("bad profile in a test row: %s", qPrintable(error));
    return *profile;
}

// The profile most rows start from: an admin with some flags and plugin keys.
QJsonObject loadedProfile()
{
    return json(R"({"name": "Alice", "is_admin": true, "can_login": true, "can_connect": true,
                    "can_watch": true, "can_host": false,
                    "plugins": {"chat.can_send": true, "x.setting": {"a": 1}}})")
            .toObject();
}

// `base` with the top-level fields of `changes` replaced.
QJsonObject with(QJsonObject base, const QByteArray &changes)
{
    const QJsonObject object = json(changes).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

// What neko does with one POST /api/profile body (SERVER-BEHAVIOR.md §3.4 and §5). An admin's
// body is decoded on top of the current profile: absent fields are kept, null is no change
// for name and flags, plugin keys are merged one by one (a value replaces the old one
// wholesale), "plugins": null clears the map and {} changes nothing. A non-admin's body only
// gives the name, and a missing or null name becomes "".
QJsonObject applyAsNeko(QJsonObject profile, const QJsonObject &body, bool isAdmin)
{
    if (!isAdmin) {
        profile.insert("name"_L1, body.value("name"_L1).toString());
        return profile;
    }

    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (key == "plugins"_L1) {
            if (it->isNull()) {
                profile.insert(key, QJsonValue::Null);
                continue;
            }
            QJsonObject plugins = profile.value(key).toObject();
            const QJsonObject changes = it->toObject();
            for (auto change = changes.begin(); change != changes.end(); ++change)
                plugins.insert(change.key(), change.value());
            profile.insert(key, plugins);
        } else if (it->isNull()) {
            continue;
        } else if (key == "name"_L1 || ProfileFlags::find(QLatin1StringView(key.toLatin1()))) {
            profile.insert(key, it.value());
        }
    }
    return profile;
}

} // namespace

class TestProfileUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSendOnlyWhatChanged_data();
    void shouldSendOnlyWhatChanged();
    void shouldMakeServerHoldEditedProfile_data();
    void shouldMakeServerHoldEditedProfile();
    void shouldListFieldsNotTaken_data();
    void shouldListFieldsNotTaken();
    void shouldListFieldsChangedElsewhere();

private:
    void addBodyRows();
};

void TestProfileUpdate::addBodyRows()
{
    QTest::addColumn<QJsonObject>("loaded");
    QTest::addColumn<QJsonObject>("edited");
    QTest::addColumn<bool>("isAdmin");
    QTest::addColumn<QJsonArray>("bodies");

    const QJsonObject loaded = loadedProfile();

    QTest::addRow("admin, nothing changed") << loaded << loaded << true << QJsonArray();
    QTest::addRow("admin, admin flag toggled")
            << loaded << with(loaded, R"({"is_admin": false})") << true
            << json(R"([{"is_admin": false}])").toArray();

    // Each flag of the table, toggled on its own, is sent on its own.
    for (const ProfileFlag &f : ProfileFlags::all()) {
        const bool was = profileFrom(loaded).flag(f.key);
        QJsonObject toggled = loaded;
        toggled.insert(f.key, !was);
        QJsonObject body;
        body.insert(f.key, !was);
        QTest::addRow("admin, only %s toggled", QByteArray(f.key.data(), f.key.size()).constData())
                << loaded << toggled << true << QJsonArray {body};
    }

    QTest::addRow("admin, two flags toggled")
            << loaded << with(loaded, R"({"can_watch": false, "can_host": true})") << true
            << json(R"([{"can_watch": false, "can_host": true}])").toArray();
    QTest::addRow("admin, name changed") << loaded << with(loaded, R"({"name": "Bob"})") << true
                                         << json(R"([{"name": "Bob"}])").toArray();
    QTest::addRow("admin, name cleared") << loaded << with(loaded, R"({"name": ""})") << true
                                         << json(R"([{"name": ""}])").toArray();
    QTest::addRow("admin, name and flag changed")
            << loaded << with(loaded, R"({"name": "Bob", "can_host": true})") << true
            << json(R"([{"name": "Bob", "can_host": true}])").toArray();
    QTest::addRow("admin, plugin value changed")
            << loaded
            << with(loaded, R"({"plugins": {"chat.can_send": false, "x.setting": {"a": 1}}})")
            << true << json(R"([{"plugins": {"chat.can_send": false}}])").toArray();
    QTest::addRow("admin, nested plugin value changed")
            << loaded
            << with(loaded, R"({"plugins": {"chat.can_send": true, "x.setting": {"a": 2}}})")
            << true << json(R"([{"plugins": {"x.setting": {"a": 2}}}])").toArray();
    QTest::addRow("admin, plugin value set to null")
            << loaded
            << with(loaded, R"({"plugins": {"chat.can_send": null, "x.setting": {"a": 1}}})")
            << true << json(R"([{"plugins": {"chat.can_send": null}}])").toArray();
    QTest::addRow("admin, plugin key added")
            << loaded << with(loaded, R"({"plugins": {"chat.can_send": true, "x.setting": {"a": 1},
                                            "chat.can_receive": false}})")
            << true << json(R"([{"plugins": {"chat.can_receive": false}}])").toArray();
    QTest::addRow("admin, plugin key added with null value")
            << loaded << with(loaded, R"({"plugins": {"chat.can_send": true, "x.setting": {"a": 1},
                                            "y.unset": null}})")
            << true << json(R"([{"plugins": {"y.unset": null}}])").toArray();
    QTest::addRow("admin, first plugin key added")
            << with(loaded, R"({"plugins": null})")
            << with(loaded, R"({"plugins": {"filetransfer.enabled": true}})") << true
            << json(R"([{"plugins": {"filetransfer.enabled": true}}])").toArray();
    QTest::addRow("admin, plugin key removed")
            << loaded << with(loaded, R"({"plugins": {"x.setting": {"a": 1}}})") << true
            << json(R"([{"plugins": null}, {"plugins": {"x.setting": {"a": 1}}}])").toArray();
    QTest::addRow("admin, plugin key removed and another added")
            << loaded
            << with(loaded, R"({"plugins": {"x.setting": {"a": 1}, "chat.can_receive": true}})")
            << true
            << json(R"([{"plugins": null},
                        {"plugins": {"x.setting": {"a": 1}, "chat.can_receive": true}}])")
                       .toArray();
    QTest::addRow("admin, plugin key removed with name and flag changed")
            << loaded << with(loaded, R"({"name": "Bob", "can_host": true,
                                "plugins": {"x.setting": {"a": 1}}})")
            << true
            << json(R"([{"name": "Bob", "can_host": true, "plugins": null},
                        {"plugins": {"x.setting": {"a": 1}}}])")
                       .toArray();
    QTest::addRow("admin, all plugin keys removed")
            << loaded << with(loaded, R"({"plugins": {}})") << true
            << json(R"([{"plugins": null}])").toArray();

    QTest::addRow("non-admin, nothing changed") << loaded << loaded << false << QJsonArray();
    QTest::addRow("non-admin, only flags differ")
            << loaded << with(loaded, R"({"is_admin": false, "can_host": true})") << false
            << QJsonArray();
    QTest::addRow("non-admin, only plugins differ")
            << loaded << with(loaded, R"({"plugins": {}})") << false << QJsonArray();
    QTest::addRow("non-admin, name changed") << loaded << with(loaded, R"({"name": "Bob"})")
                                             << false << json(R"([{"name": "Bob"}])").toArray();
    QTest::addRow("non-admin, name and flags changed")
            << loaded << with(loaded, R"({"name": "Bob", "can_host": true, "plugins": {}})")
            << false << json(R"([{"name": "Bob"}])").toArray();
    QTest::addRow("non-admin, name cleared") << loaded << with(loaded, R"({"name": ""})") << false
                                             << json(R"([{"name": ""}])").toArray();
}

void TestProfileUpdate::shouldSendOnlyWhatChanged_data()
{
    addBodyRows();
}

void TestProfileUpdate::shouldSendOnlyWhatChanged()
{
    QFETCH(QJsonObject, loaded);
    QFETCH(QJsonObject, edited);
    QFETCH(bool, isAdmin);
    QFETCH(QJsonArray, bodies);

    QJsonArray actual;
    for (const QJsonObject &body :
         ProfileUpdate::bodies(profileFrom(loaded), profileFrom(edited), isAdmin))
        actual.append(body);

    QCOMPARE(compact(actual), compact(bodies));
}

void TestProfileUpdate::shouldMakeServerHoldEditedProfile_data()
{
    addBodyRows();
}

void TestProfileUpdate::shouldMakeServerHoldEditedProfile()
{
    QFETCH(QJsonObject, loaded);
    QFETCH(QJsonObject, edited);
    QFETCH(bool, isAdmin);

    // The contract: after neko has merged every body in turn, the session holds the edited
    // profile. A non-admin can only change the name; neko ignores the rest.
    QJsonObject server = loaded;
    for (const QJsonObject &body :
         ProfileUpdate::bodies(profileFrom(loaded), profileFrom(edited), isAdmin))
        server = applyAsNeko(server, body, isAdmin);

    MemberProfile expected = profileFrom(isAdmin ? edited : loaded);
    expected.name = profileFrom(edited).name;

    const MemberProfile held = profileFrom(server);
    if (held != expected) {
        qWarning("server holds %s", QJsonDocument(held.toJson()).toJson().constData());
        qWarning("expected %s", QJsonDocument(expected.toJson()).toJson().constData());
    }
    QVERIFY(held == expected);
}

void TestProfileUpdate::shouldListFieldsNotTaken_data()
{
    QTest::addColumn<QJsonObject>("wanted");
    QTest::addColumn<QJsonObject>("actual");
    QTest::addColumn<bool>("isAdmin");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QJsonObject>("loaded"); // empty: the same as actual, nothing was taken

    const QJsonObject wanted = loadedProfile();
    const ProfileFlag *host = ProfileFlags::find("can_host"_L1);
    const ProfileFlag *admin = ProfileFlags::find("is_admin"_L1);
    QVERIFY(host && admin);

    QTest::addRow("admin, everything taken")
            << wanted << wanted << true << QStringList() << QJsonObject();
    QTest::addRow("non-admin, everything taken")
            << wanted << wanted << false << QStringList() << QJsonObject();
    QTest::addRow("admin, name not taken") << wanted << with(wanted, R"({"name": ""})") << true
                                           << QStringList {u"Name"_s} << QJsonObject();
    QTest::addRow("non-admin, name not taken") << wanted << with(wanted, R"({"name": "Old"})")
                                               << false << QStringList {u"Name"_s} << QJsonObject();
    QTest::addRow("admin, flag not taken")
            << wanted << with(wanted, R"({"can_host": true})") << true
            << QStringList {ProfileFlags::plainLabel(*host)} << QJsonObject();
    QTest::addRow("non-admin, flags are not compared")
            << wanted << with(wanted, R"({"can_host": true, "is_admin": false})") << false
            << QStringList() << QJsonObject();
    QTest::addRow("admin, plugin value not taken")
            << wanted
            << with(wanted, R"({"plugins": {"chat.can_send": false, "x.setting": {"a": 1}}})")
            << true << QStringList {u"plugins: chat.can_send"_s} << QJsonObject();
    QTest::addRow("admin, plugin key missing after save")
            << wanted << with(wanted, R"({"plugins": {"chat.can_send": true}})") << true
            << QStringList {u"plugins: x.setting"_s} << QJsonObject();
    QTest::addRow("admin, plugin key still there after removal")
            << wanted << with(wanted, R"({"plugins": {"chat.can_send": true, "x.setting": {"a": 1},
                                            "old.key": 1}})")
            << true << QStringList {u"plugins: old.key"_s} << QJsonObject();
    QTest::addRow("admin, null value wanted, key missing")
            << with(wanted, R"({"plugins": {"k": null}})") << with(wanted, R"({"plugins": {}})")
            << true << QStringList {u"plugins: k"_s} << QJsonObject();
    QTest::addRow("non-admin, plugins are not compared")
            << wanted << with(wanted, R"({"plugins": null})") << false << QStringList()
            << QJsonObject();
    QTest::addRow("admin, several fields in form order")
            << wanted << with(wanted, R"({"name": "X", "is_admin": false, "can_host": true,
                                "plugins": {"z.key": 1}})")
            << true
            << QStringList {u"Name"_s,
                            ProfileFlags::plainLabel(*admin),
                            ProfileFlags::plainLabel(*host),
                            u"plugins: chat.can_send"_s,
                            u"plugins: x.setting"_s,
                            u"plugins: z.key"_s}
            << QJsonObject();

    // A renewed session starts from the member's stored profile: what the save did not touch
    // may differ, and is not the save's failure.
    const QJsonObject loaded = with(wanted, R"({"can_host": true,
                                               "plugins": {"chat.can_send": true,
                                                           "x.setting": {"a": 0},
                                                           "old.a": 1, "old.b": 2}})");
    QTest::addRow("admin, only the edited fields are compared")
            << wanted << with(wanted, R"({"plugins": {"chat.can_send": true}, "can_watch": false})")
            << true << QStringList {u"plugins: x.setting"_s} << loaded;
    QTest::addRow("admin, untouched fields that the server changed are not listed")
            << with(loaded, R"({"name": "New"})") << with(wanted, R"({"name": "New"})") << true
            << QStringList() << loaded;
}

void TestProfileUpdate::shouldListFieldsNotTaken()
{
    QFETCH(QJsonObject, wanted);
    QFETCH(QJsonObject, actual);
    QFETCH(bool, isAdmin);
    QFETCH(QStringList, fields);
    QFETCH(QJsonObject, loaded);

    const MemberProfile before = profileFrom(loaded.isEmpty() ? actual : loaded);
    QCOMPARE(ProfileUpdate::notTaken(before, profileFrom(wanted), profileFrom(actual), isAdmin),
             fields);
}

void TestProfileUpdate::shouldListFieldsChangedElsewhere()
{
    // The save renamed the session and turned "Can host" on; since the profile was loaded, the
    // server turned "Can watch" off and dropped a plugin key, and did not take "Can host".
    const QJsonObject loaded = loadedProfile();
    const QJsonObject wanted = with(loaded, R"({"name": "Renamed", "can_host": true})");
    const QJsonObject actual = with(loaded, R"({"name": "Renamed", "can_watch": false,
                                               "plugins": {"chat.can_send": true}})");
    const ProfileFlag *watch = ProfileFlags::find("can_watch"_L1);
    QVERIFY(watch);

    QCOMPARE(ProfileUpdate::changedElsewhere(profileFrom(loaded), profileFrom(wanted),
                                             profileFrom(actual), true),
             (QStringList {ProfileFlags::plainLabel(*watch), u"plugins: x.setting"_s}));
    QCOMPARE(ProfileUpdate::changedElsewhere(profileFrom(loaded), profileFrom(wanted),
                                             profileFrom(actual), false),
             QStringList());
    QCOMPARE(ProfileUpdate::changedElsewhere(profileFrom(loaded), profileFrom(wanted),
                                             profileFrom(wanted), true),
             QStringList());
}

QTEST_GUILESS_MAIN(TestProfileUpdate)
#include "tst_profileupdate.moc"
