// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakenekoserver.h"
#include "jsoneditor.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "nekoclient.h"
#include "profileflags.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QJsonObject profileOf(const QString &name, bool admin)
{
    QJsonObject profile {{"name"_L1, name}};
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.insert(flag.key, true);
    profile.insert("is_admin"_L1, admin);
    profile.insert("plugins"_L1,
                   QJsonObject {{"chat.can_send"_L1, true}, {"chat.can_receive"_L1, true}});
    return profile;
}

QJsonObject bodyOf(const FakeRecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

// Answers the next modal message box with the given button, once it is up. It polls,
// because the box appears only inside the nested event loop of the click that opens it.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        poll->deleteLater();
        poll->stop();
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
    poll->start();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldFocusThePasswordWhenServerAndUserAreGiven();
    void shouldShowWhoIsSignedInAndTheProfile();
    void shouldKeepSaveDisabledUntilSomethingChanges();
    void shouldSendExactlyTheToggledFlagAndTheEditedPlugins();
    void shouldRemoveADeletedPluginKeyOnTheServer();
    void shouldBlockSaveWhilePluginsAreInvalidAndShowWhere();
    void shouldRejectANonBooleanKnownPluginKey();
    void shouldRevertToTheLoadedProfile();
    void shouldShowFlagsReadOnlyForANonAdmin();
    void shouldAskBeforeLockingYourselfOut();
    void shouldResendTheSameBodyAfterA401();
    void shouldKeepEveryEditWhenSignInIsCancelled();
    void shouldKeepEditsAndSayWhyWhenTheServerFails();
    void shouldMarkUnsavedChangesInTheTitle();
    void shouldAskBeforeClosingWithUnsavedChanges();

private:
    void signInAs(const QString &username, const QString &password);
    LoginDialog *waitForLoginDialog();
    template<typename T>
    T *find(const char *name) const;
    QCheckBox *checkBox(const char *key) const;
    void toggle(const char *key);
    void setPluginsText(const QString &text);

    QTemporaryDir m_config;
    std::unique_ptr<FakeNekoServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<NekoClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // Settings go to a folder of the test's own, never to the tester's real ones.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QCoreApplication::setOrganizationName(u"nekoeditor-tests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    m_server = std::make_unique<FakeNekoServer>();
    m_server->addMember(u"admin"_s, u"admin"_s, profileOf(u"Admin"_s, true));
    m_server->addMember(u"user"_s, u"neko"_s, profileOf(u"User"_s, false));
    QVERIFY(m_server->listen());

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<NekoClient>(m_network.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

template<typename T>
T *TestMainWindow::find(const char *name) const
{
    T *widget = m_window->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

QCheckBox *TestMainWindow::checkBox(const char *key) const
{
    const ProfileFlag *flag = ProfileFlags::find(QLatin1StringView(key));
    Q_ASSERT(flag);
    QString name;
    for (const QString &part : QString(flag->key).split(u'_')) {
        name += name.isEmpty() ? part : part.left(1).toUpper() + part.mid(1);
    }
    return find<QCheckBox>(qPrintable(name + "CheckBox"_L1));
}

void TestMainWindow::toggle(const char *key)
{
    // Click the box itself: a checkbox reacts to its indicator and label, not to the empty
    // space its grid cell gives it.
    QCheckBox *box = checkBox(key);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
}

LoginDialog *TestMainWindow::waitForLoginDialog()
{
    LoginDialog *dialog = nullptr;
    const auto visible = [this, &dialog] {
        dialog = m_window->findChild<LoginDialog *>(u"loginDialog"_s);
        return dialog && dialog->isVisible();
    };
    if (!QTest::qWaitFor(visible, 5000))
        return nullptr;
    return dialog;
}

void TestMainWindow::signInAs(const QString &username, const QString &password)
{
    m_window->requestSignIn(m_server->baseUrl().toString(), username);
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    auto *passwordEdit = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTRY_VERIFY(find<QLabel>("sessionLabel")->text().contains(username));

    // Without a window manager nothing hands the focus back to the main window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::setPluginsText(const QString &text)
{
    auto *editor = find<JsonEditor>("pluginsEditor");
    editor->setFocus();
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, lines.at(i));
    }
}

void TestMainWindow::shouldFocusThePasswordWhenServerAndUserAreGiven()
{
    m_window->requestSignIn(m_server->baseUrl().toString(), u"admin"_s);
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_COMPARE(QApplication::focusWidget(),
                 dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s));
    QCOMPARE(dialog->findChild<QLineEdit *>(u"usernameLineEdit"_s)->text(), u"admin"_s);

    // Esc closes the dialog and leaves the window signed out.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QVERIFY(!m_client->isSignedIn());
}

void TestMainWindow::shouldShowWhoIsSignedInAndTheProfile()
{
    signInAs(u"admin"_s, u"admin"_s);

    const QString header = find<QLabel>("sessionLabel")->text();
    QVERIFY2(header.contains("Admin"_L1) && header.contains("administrator"_L1)
                     && header.contains(m_server->baseUrl().toDisplayString()),
             qPrintable(header));
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Admin"_s);
    for (const ProfileFlag &flag : ProfileFlags::all()) {
        QCheckBox *box = checkBox(QString(flag.key).toLatin1().constData());
        QVERIFY(box);
        QVERIFY(box->isEnabled());
        QCOMPARE(box->isChecked(), true);
        QVERIFY(!box->toolTip().isEmpty());
    }
}

void TestMainWindow::shouldKeepSaveDisabledUntilSomethingChanges()
{
    signInAs(u"admin"_s, u"admin"_s);
    auto *save = find<QPushButton>("saveButton");
    QVERIFY(!save->isEnabled());

    toggle("can_watch");
    QVERIFY(save->isEnabled());
    toggle("can_watch");
    QVERIFY(!save->isEnabled());
}

void TestMainWindow::shouldSendExactlyTheToggledFlagAndTheEditedPlugins()
{
    signInAs(u"admin"_s, u"admin"_s);

    toggle("can_host");
    setPluginsText(uR"({"chat.can_send": false, "chat.can_receive": true, "x.mode": 2})"_s);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);

    QTRY_COMPARE(m_server->requestsTo(u"profile"_s).size(), 1);
    const QJsonObject expected {
            {"can_host"_L1, false},
            {"plugins"_L1, QJsonObject {{"chat.can_send"_L1, false}, {"x.mode"_L1, 2}}}};
    QCOMPARE(bodyOf(m_server->requestsTo(u"profile"_s).first()), expected);

    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    const QJsonObject state = m_server->sessionProfile(u"admin"_s);
    QCOMPARE(state.value("can_host"_L1), QJsonValue(false));
    QCOMPARE(state.value("plugins"_L1).toObject().value("x.mode"_L1), QJsonValue(2));
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::shouldRemoveADeletedPluginKeyOnTheServer()
{
    signInAs(u"admin"_s, u"admin"_s);

    setPluginsText(uR"({"chat.can_send": true})"_s);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("plugins"_L1).toObject(),
             QJsonObject({{"chat.can_send"_L1, true}}));
}

void TestMainWindow::shouldBlockSaveWhilePluginsAreInvalidAndShowWhere()
{
    signInAs(u"admin"_s, u"admin"_s);

    setPluginsText(u"{\n  \"chat.can_send\": true\n  \"chat.can_receive\": true\n}"_s);
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());
    const QString status = find<QLabel>("pluginsStatusLabel")->text();
    QVERIFY2(status.startsWith("Line 3, column"_L1), qPrintable(status));

    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QTest::qWait(100);
    QCOMPARE(m_server->requestsTo(u"profile"_s).size(), 0);
    QVERIFY(m_window->isWindowModified());
}

void TestMainWindow::shouldRejectANonBooleanKnownPluginKey()
{
    signInAs(u"admin"_s, u"admin"_s);

    setPluginsText(uR"({"filetransfer.enabled": "false"})"_s);
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());
    const QString status = find<QLabel>("pluginsStatusLabel")->text();
    QVERIFY2(status.contains("filetransfer.enabled"_L1) && status.contains("true or false"_L1),
             qPrintable(status));
}

void TestMainWindow::shouldRevertToTheLoadedProfile()
{
    signInAs(u"admin"_s, u"admin"_s);

    toggle("can_share_media");
    find<QLineEdit>("nameLineEdit")->setFocus();
    QTest::keyClicks(find<QLineEdit>("nameLineEdit"), u" II"_s);
    QTest::mouseClick(find<QPushButton>("revertButton"), Qt::LeftButton);

    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Admin"_s);
    QVERIFY(checkBox("can_share_media")->isChecked());
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());
    QVERIFY(!find<QPushButton>("revertButton")->isEnabled());
}

void TestMainWindow::shouldShowFlagsReadOnlyForANonAdmin()
{
    signInAs(u"user"_s, u"neko"_s);

    QVERIFY(find<QLabel>("readOnlyLabel")->isVisible());
    QVERIFY(!checkBox("can_host")->isEnabled());
    QVERIFY(find<JsonEditor>("pluginsEditor")->isReadOnly());

    auto *name = find<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Renamed"_s);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    QTRY_COMPARE(m_server->requestsTo(u"profile"_s).size(), 1);
    QCOMPARE(bodyOf(m_server->requestsTo(u"profile"_s).first()),
             QJsonObject({{"name"_L1, "Renamed"_L1}}));
    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
}

void TestMainWindow::shouldAskBeforeLockingYourselfOut()
{
    signInAs(u"admin"_s, u"admin"_s);

    toggle("can_login");
    answerNextMessageBox(QMessageBox::Cancel);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QTest::qWait(100);
    QCOMPARE(m_server->requestsTo(u"profile"_s).size(), 0);
    QVERIFY(!checkBox("can_login")->isChecked());

    // Saving anyway goes through; reading back then fails, and the app says why.
    answerNextMessageBox(QMessageBox::Save);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE(m_server->requestsTo(u"profile"_s).size(), 1);
    QTRY_VERIFY(find<MessageBanner>("messageBanner")->text().startsWith("Saved, but"_L1));
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_login"_L1), QJsonValue(false));
}

void TestMainWindow::shouldResendTheSameBodyAfterA401()
{
    signInAs(u"admin"_s, u"admin"_s);
    m_server->dropAllSessions();

    toggle("can_access_clipboard");
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel *>(u"reasonLabel"_s)->text().contains("ended"_L1));
    QVERIFY(dialog->findChild<QLineEdit *>(u"serverLineEdit"_s)->isReadOnly());
    auto *password = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), password);
    QTest::keyClicks(password, u"admin"_s);
    QTest::keyClick(password, Qt::Key_Return);

    QTRY_COMPARE(m_server->requestsTo(u"profile"_s).size(), 2);
    const QList<FakeRecordedRequest> posts = m_server->requestsTo(u"profile"_s);
    QCOMPARE(posts.at(1).body, posts.at(0).body);
    QCOMPARE(bodyOf(posts.at(1)), QJsonObject({{"can_access_clipboard"_L1, false}}));
    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_access_clipboard"_L1),
             QJsonValue(false));
}

void TestMainWindow::shouldKeepEveryEditWhenSignInIsCancelled()
{
    signInAs(u"admin"_s, u"admin"_s);
    m_server->dropAllSessions();

    auto *name = find<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Edited"_s);
    toggle("can_host");
    setPluginsText(uR"({"chat.can_send": false})"_s);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    const QString message = find<MessageBanner>("messageBanner")->text();
    QVERIFY2(message.contains("not saved"_L1), qPrintable(message));
    QCOMPARE(name->text(), u"Edited"_s);
    QVERIFY(!checkBox("can_host")->isChecked());
    QCOMPARE(find<JsonEditor>("pluginsEditor")->toPlainText(), uR"({"chat.can_send": false})"_s);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_server->requestsTo(u"profile"_s).size(), 1);
}

void TestMainWindow::shouldKeepEditsAndSayWhyWhenTheServerFails()
{
    signInAs(u"admin"_s, u"admin"_s);
    m_server->respondOnce(u"profile"_s, 502, "text/html"_ba, "<html>Bad Gateway</html>"_ba);

    toggle("can_watch");
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    QTRY_VERIFY(find<MessageBanner>("messageBanner")->text().contains("502"_L1));
    QCOMPARE(find<MessageBanner>("messageBanner")->kind(), MessageBanner::Kind::Error);
    QVERIFY(!checkBox("can_watch")->isChecked());
    QVERIFY(find<QPushButton>("saveButton")->isEnabled());
    QVERIFY(find<QWidget>("profileForm")->isEnabled());
}

void TestMainWindow::shouldMarkUnsavedChangesInTheTitle()
{
    signInAs(u"admin"_s, u"admin"_s);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains("[*]"_L1));

    toggle("can_host");
    QVERIFY(m_window->isWindowModified());
}

void TestMainWindow::shouldAskBeforeClosingWithUnsavedChanges()
{
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");

    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY(!checkBox("can_host")->isChecked());

    // Save closes the window once the server has taken the change.
    answerNextMessageBox(QMessageBox::Save);
    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_host"_L1), QJsonValue(false));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
