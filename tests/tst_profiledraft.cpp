// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledraft.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ProfileDraft sample()
{
    ProfileDraft draft;
    draft.server = u"https://neko.example.com/neko/"_s;
    draft.member = u"admin"_s;
    draft.savedAt = QDateTime(QDate(2026, 12, 4), QTime(8, 30, 15, 250), Qt::UTC);
    draft.name = u"Ünïcode name"_s;
    draft.flags = {{u"can_host"_s, false}, {u"is_admin"_s, true}};
    draft.pluginsText = u"{\n  \"chat.can_send\": fal"_s; // half typed, not valid JSON yet
    return draft;
}

} // namespace

class TestProfileDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadBackWhatItWrote();
    void shouldRefuseWhatItDidNotWrite_data();
    void shouldRefuseWhatItDidNotWrite();
    void shouldKeepOnlyKnownBooleanFlags();
    void shouldKeepTheProfileTheEditsWereMadeOn();
    void shouldTellWhichFieldsItChanges();
};

void TestProfileDraft::shouldReadBackWhatItWrote()
{
    const ProfileDraft draft = sample();
    const std::optional<ProfileDraft> read = ProfileDraft::fromJson(draft.toJson());
    QVERIFY(read);
    QCOMPARE(*read, draft);
}

void TestProfileDraft::shouldRefuseWhatItDidNotWrite_data()
{
    QTest::addColumn<QJsonObject>("json");

    const QJsonObject good = sample().toJson();
    QTest::addRow("empty") << QJsonObject();
    QJsonObject json = good;
    json.insert("format"_L1, "neko-profile-editor-draft-99"_L1);
    QTest::addRow("another format") << json;
    for (const auto key : {"server"_L1, "member"_L1, "saved_at"_L1, "name"_L1, "plugins_text"_L1}) {
        json = good;
        json.remove(key);
        QTest::addRow("no %s", key.data()) << json;
        json.insert(key, 5);
        QTest::addRow("%s not a string", key.data()) << json;
    }
    json = good;
    json.insert("flags"_L1, QJsonArray {true});
    QTest::addRow("flags not an object") << json;
}

void TestProfileDraft::shouldRefuseWhatItDidNotWrite()
{
    QFETCH(QJsonObject, json);
    QVERIFY(!ProfileDraft::fromJson(json));
}

void TestProfileDraft::shouldKeepOnlyKnownBooleanFlags()
{
    // A draft never adds a field to a save, whatever its file holds.
    QJsonObject json = sample().toJson();
    json.insert("flags"_L1,
                QJsonObject {{"can_host"_L1, true}, {"can_fly"_L1, true}, {"can_watch"_L1, 1}});
    const std::optional<ProfileDraft> read = ProfileDraft::fromJson(json);
    QVERIFY(read);
    QCOMPARE(read->flags, (QMap<QString, bool> {{u"can_host"_s, true}}));
}

void TestProfileDraft::shouldKeepTheProfileTheEditsWereMadeOn()
{
    ProfileDraft draft = sample();
    MemberProfile base;
    base.name = u"Loaded"_s;
    base.setFlag("can_host"_L1, true);
    base.plugins = QJsonObject {{"chat.can_send"_L1, true}};
    draft.base = base;
    const std::optional<ProfileDraft> read = ProfileDraft::fromJson(draft.toJson());
    QVERIFY(read);
    QCOMPARE(*read, draft);
    QVERIFY(read->base);
    QCOMPARE(*read->base, base);

    // Drafts from before, and a base that cannot be read, still restore: every field.
    QJsonObject json = draft.toJson();
    json.remove("base"_L1);
    QVERIFY(ProfileDraft::fromJson(json));
    QVERIFY(!ProfileDraft::fromJson(json)->base);
    json.insert("base"_L1, QJsonObject {{"name"_L1, 5}});
    QVERIFY(ProfileDraft::fromJson(json));
    QVERIFY(!ProfileDraft::fromJson(json)->base);
}

void TestProfileDraft::shouldTellWhichFieldsItChanges()
{
    ProfileDraft draft;
    draft.name = u"Same"_s;
    draft.flags = {{u"can_host"_s, false}, {u"can_watch"_s, true}};
    draft.pluginsText = u"{ \"b\": 2, \"a\": 1 }"_s;
    QVERIFY(draft.changesName());
    QVERIFY(draft.changesFlag(u"can_watch"_s));
    QVERIFY(draft.changesPlugins());

    MemberProfile base;
    base.name = u"Same"_s;
    base.setFlag("can_host"_L1, true);
    base.setFlag("can_watch"_L1, true);
    base.plugins = QJsonObject {{"a"_L1, 1}, {"b"_L1, 2}};
    draft.base = base;
    QVERIFY(!draft.changesName());
    QVERIFY(draft.changesFlag(u"can_host"_s));
    QVERIFY(!draft.changesFlag(u"can_watch"_s));
    QVERIFY2(!draft.changesPlugins(), "the same object, written otherwise");

    draft.pluginsText = u"{ \"a\": 1"_s;
    QVERIFY2(draft.changesPlugins(), "text that is not valid JSON yet is an edit");
}

QTEST_GUILESS_MAIN(TestProfileDraft)
#include "tst_profiledraft.moc"
