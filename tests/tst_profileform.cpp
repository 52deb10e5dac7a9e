// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsoneditor.h"
#include "pluginsparser.h"
#include "profileflags.h"
#include "profileform.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextCursor>

using namespace Qt::StringLiterals;

namespace {

MemberProfile adminProfile()
{
    MemberProfile profile;
    profile.name = u"Admin"_s;
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.setFlag(flag.key, true);
    profile.plugins = QJsonObject {{"chat.can_send"_L1, true}};
    return profile;
}

} // namespace

class TestProfileForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldBuildOneCheckBoxPerFlag();
    void shouldMoveThroughTheFormInOrderWithTab();
    void shouldGiveThePluginsEditorAnAccessibleName();
    void shouldBeModifiedOnlyWhileSomethingDiffers();
    void shouldReportInvalidPluginsWithLineAndColumn();
    void shouldWarnWhenAFlagLacksTheOneItNeeds();
    void shouldShowFlagsAndPluginsReadOnlyForANonAdmin();
    void shouldKeepThePluginsTextWhenTheServerHoldsTheSame();
    void shouldRestoreOnlyWhatADraftChanged();

private:
    std::unique_ptr<ProfileForm> m_form;
};

void TestProfileForm::init()
{
    m_form = std::make_unique<ProfileForm>();
    m_form->setProfile(adminProfile(), true);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
}

void TestProfileForm::cleanup()
{
    m_form.reset();
}

void TestProfileForm::shouldBuildOneCheckBoxPerFlag()
{
    QCOMPARE(m_form->findChildren<QCheckBox *>().size(), ProfileFlags::all().size());
    for (const ProfileFlag &flag : ProfileFlags::all()) {
        QCheckBox *box = m_form->checkBox(flag.key);
        QVERIFY(box);
        QVERIFY(box->objectName().endsWith("CheckBox"_L1));
        QVERIFY(box->text().contains(u'&'));
        QCOMPARE(box->toolTip(), ProfileFlags::toolTip(flag));
    }
}

void TestProfileForm::shouldMoveThroughTheFormInOrderWithTab()
{
    m_form->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));

    QList<QWidget *> expected {m_form->findChild<QLineEdit *>(u"nameLineEdit"_s)};
    for (const ProfileFlag &flag : ProfileFlags::all())
        expected << m_form->checkBox(flag.key);
    expected << m_form->findChild<JsonEditor *>(u"pluginsEditor"_s);

    expected.first()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), expected.first());
    for (qsizetype i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), expected.at(i));
    }

    // Tab leaves the JSON editor instead of typing a tab into it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != expected.last());
}

void TestProfileForm::shouldGiveThePluginsEditorAnAccessibleName()
{
    auto *editor = m_form->findChild<JsonEditor *>(u"pluginsEditor"_s);
    QVERIFY(!editor->accessibleName().isEmpty());
    auto *label = m_form->findChild<QLabel *>(u"pluginsLabel"_s);
    QCOMPARE(label->buddy(), editor);
}

void TestProfileForm::shouldBeModifiedOnlyWhileSomethingDiffers()
{
    QVERIFY(!m_form->isModified());
    QCheckBox *host = m_form->checkBox("can_host"_L1);
    host->click();
    QVERIFY(m_form->isModified());
    host->click();
    QVERIFY(!m_form->isModified());

    auto *editor = m_form->findChild<JsonEditor *>(u"pluginsEditor"_s);
    editor->setPlainText(uR"({ "chat.can_send" : true })"_s);
    QVERIFY2(!m_form->isModified(), "the same object, written differently, is no change");
}

void TestProfileForm::shouldReportInvalidPluginsWithLineAndColumn()
{
    auto *editor = m_form->findChild<JsonEditor *>(u"pluginsEditor"_s);
    editor->setPlainText(u"{\n  \"a\": tru\n}"_s);

    QVERIFY(!m_form->isValid());
    QVERIFY(!m_form->editedProfile());
    QVERIFY(m_form->isModified());
    const QString status = m_form->findChild<QLabel *>(u"pluginsStatusLabel"_s)->text();
    QVERIFY2(status.startsWith("Line 2, column"_L1), qPrintable(status));
    QCOMPARE(editor->extraSelections().size(), 1);

    editor->setPlainText(u"{}"_s);
    QVERIFY(m_form->isValid());
    QVERIFY(editor->extraSelections().isEmpty());
}

void TestProfileForm::shouldWarnWhenAFlagLacksTheOneItNeeds()
{
    auto *warning = m_form->findChild<QLabel *>(u"dependencyLabel"_s);
    QVERIFY(warning->isHidden());

    m_form->checkBox("can_connect"_L1)->click();
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains("Can watch the screen"_L1), qPrintable(warning->text()));

    m_form->checkBox("can_connect"_L1)->click();
    QVERIFY(warning->isHidden());
}

void TestProfileForm::shouldShowFlagsAndPluginsReadOnlyForANonAdmin()
{
    MemberProfile profile = adminProfile();
    profile.setFlag("is_admin"_L1, false);
    m_form->setProfile(profile, false);

    QVERIFY(m_form->findChild<QLabel *>(u"readOnlyLabel"_s)->isVisible());
    QVERIFY(m_form->findChild<QLineEdit *>(u"nameLineEdit"_s)->isEnabled());
    for (const ProfileFlag &flag : ProfileFlags::all())
        QVERIFY(!m_form->checkBox(flag.key)->isEnabled());
    auto *editor = m_form->findChild<JsonEditor *>(u"pluginsEditor"_s);
    QVERIFY(editor->isReadOnly());
    QCOMPARE(editor->viewport()->backgroundRole(), QPalette::Window);

    m_form->setProfile(adminProfile(), true);
    QCOMPARE(editor->viewport()->backgroundRole(), QPalette::Base);
}

void TestProfileForm::shouldKeepThePluginsTextWhenTheServerHoldsTheSame()
{
    // As after a save: the admin's layout and place stay.
    auto *editor = m_form->findChild<JsonEditor *>(u"pluginsEditor"_s);
    const QString typed = u"{\"chat.can_send\": false,\n \"x.y\": 1}"_s;
    editor->setPlainText(typed);
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(10);
    editor->setTextCursor(cursor);
    MemberProfile saved = adminProfile();
    saved.plugins = QJsonObject {{"chat.can_send"_L1, false}, {"x.y"_L1, 1}};
    m_form->setProfile(saved, true);
    QCOMPARE(editor->toPlainText(), typed);
    QCOMPARE(editor->textCursor().position(), 10);
    QVERIFY(!m_form->isModified());

    // A different object from the server is written out anew.
    m_form->setProfile(adminProfile(), true);
    QCOMPARE(editor->toPlainText(), PluginsParser::format(adminProfile().plugins));
}

void TestProfileForm::shouldRestoreOnlyWhatADraftChanged()
{
    // The draft turned "Can host" off. Since then, the server's profile has a new name and
    // "Can watch" off: those stay as the server has them.
    m_form->checkBox("can_host"_L1)->click();
    const ProfileDraft draft = m_form->edits();

    MemberProfile now = adminProfile();
    now.name = u"Renamed elsewhere"_s;
    now.setFlag("can_watch"_L1, false);
    m_form->setProfile(now, true);
    const ProfileFlag *host = ProfileFlags::find("can_host"_L1);
    QCOMPARE(m_form->fieldsRestoredFrom(draft), QStringList {ProfileFlags::plainLabel(*host)});

    m_form->restoreEdits(draft);
    QVERIFY(!m_form->checkBox("can_host"_L1)->isChecked());
    QVERIFY(!m_form->checkBox("can_watch"_L1)->isChecked());
    QCOMPARE(m_form->findChild<QLineEdit *>(u"nameLineEdit"_s)->text(), u"Renamed elsewhere"_s);
    QVERIFY(m_form->fieldsRestoredFrom(draft).isEmpty());
}

QTEST_MAIN(TestProfileForm)
#include "tst_profileform.moc"
