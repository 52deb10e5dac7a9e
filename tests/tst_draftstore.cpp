// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ProfileDraft draftFor(const QString &server, const QString &member, const QString &name)
{
    ProfileDraft draft;
    draft.server = server;
    draft.member = member;
    draft.savedAt = QDateTime::currentDateTimeUtc();
    draft.name = name;
    draft.flags = {{u"can_host"_s, false}};
    draft.pluginsText = u"{}"_s;
    return draft;
}

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void shouldKeepOneDraftPerServerAndMember();
    void shouldReplaceTheDraftWhole();
    void shouldKeepTheDraftToItsOwner();
    void shouldIgnoreAnUnreadableOrForeignFile();
    void shouldRemoveADraft();
    void shouldSayWhenTheFolderCannotBeWritten();

private:
    std::unique_ptr<QTemporaryDir> m_folder;
};

void TestDraftStore::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void TestDraftStore::shouldKeepOneDraftPerServerAndMember()
{
    const DraftStore store(m_folder->filePath(u"drafts"_s));
    const ProfileDraft admin = draftFor(u"http://a/"_s, u"admin"_s, u"One"_s);
    const ProfileDraft other = draftFor(u"http://a/"_s, u"other"_s, u"Two"_s);
    const ProfileDraft elsewhere = draftFor(u"http://b/"_s, u"admin"_s, u"Three"_s);
    QVERIFY(store.save(admin));
    QVERIFY(store.save(other));
    QVERIFY(store.save(elsewhere));

    QCOMPARE(store.load(u"http://a/"_s, u"admin"_s), admin);
    QCOMPARE(store.load(u"http://a/"_s, u"other"_s), other);
    QCOMPARE(store.load(u"http://b/"_s, u"admin"_s), elsewhere);
    QVERIFY(!store.load(u"http://b/"_s, u"other"_s));
}

void TestDraftStore::shouldReplaceTheDraftWhole()
{
    const DraftStore store(m_folder->path());
    QVERIFY(store.save(draftFor(u"http://a/"_s, u"admin"_s, u"First"_s)));
    const ProfileDraft second = draftFor(u"http://a/"_s, u"admin"_s, u"Second"_s);
    QVERIFY(store.save(second));
    QCOMPARE(store.load(u"http://a/"_s, u"admin"_s), second);

    // Nothing but the draft itself is left behind by the replacement.
    QCOMPARE(QDir(m_folder->path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestDraftStore::shouldKeepTheDraftToItsOwner()
{
    const DraftStore store(m_folder->path());
    QVERIFY(store.save(draftFor(u"http://a/"_s, u"admin"_s, u"Private"_s)));
    const QFile::Permissions permissions
            = QFile::permissions(store.fileOf(u"http://a/"_s, u"admin"_s));
    QVERIFY(permissions & QFile::ReadOwner);
    QVERIFY(!(permissions & (QFile::ReadGroup | QFile::ReadOther)));
}

void TestDraftStore::shouldIgnoreAnUnreadableOrForeignFile()
{
    const DraftStore store(m_folder->path());
    const QString path = store.fileOf(u"http://a/"_s, u"admin"_s);

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    QVERIFY(!store.load(u"http://a/"_s, u"admin"_s));

    // A valid draft, but of someone else, under this member's name.
    QVERIFY(store.save(draftFor(u"http://b/"_s, u"mallory"_s, u"Theirs"_s)));
    QFile::remove(path);
    QVERIFY(QFile::copy(store.fileOf(u"http://b/"_s, u"mallory"_s), path));
    QVERIFY(!store.load(u"http://a/"_s, u"admin"_s));
}

void TestDraftStore::shouldRemoveADraft()
{
    const DraftStore store(m_folder->path());
    QVERIFY(store.save(draftFor(u"http://a/"_s, u"admin"_s, u"Gone"_s)));
    store.remove(u"http://a/"_s, u"admin"_s);
    QVERIFY(!store.load(u"http://a/"_s, u"admin"_s));
    QVERIFY(!QFile::exists(store.fileOf(u"http://a/"_s, u"admin"_s)));
}

void TestDraftStore::shouldSayWhenTheFolderCannotBeWritten()
{
    // A file where the folder should be.
    QFile blocker(m_folder->filePath(u"drafts"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const DraftStore store(blocker.fileName());
    QVERIFY(!store.save(draftFor(u"http://a/"_s, u"admin"_s, u"Lost"_s)));
}

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
