// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "draftstore.h"
#include "fakenekoserver.h"
#include "jsoneditor.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "messagebanner.h"
#include "nekoclient.h"
#include "profileflags.h"
#include "rawhttpserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
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
    void shouldOfferToSignInWhileSignedOut();
    void shouldKeepTheTypedAddressWhenSignInIsCancelled();
    void shouldShowWhoIsSignedInAndTheProfile();
    void shouldKeepTheWindowNarrowWithLongNames();
    void shouldKeepSaveDisabledUntilSomethingChanges();
    void shouldSendExactlyTheToggledFlagAndTheEditedPlugins();
    void shouldRemoveADeletedPluginKeyOnTheServer();
    void shouldBlockSaveWhilePluginsAreInvalidAndShowWhere();
    void shouldRejectANonBooleanKnownPluginKey();
    void shouldRevertToTheLoadedProfile();
    void shouldShowFlagsReadOnlyForANonAdmin();
    void shouldAskBeforeLockingYourselfOut();
    void shouldResendTheSameBodyAfterA401();
    void shouldNotBlameTheSaveForWhatANewSessionLacks();
    void shouldGiveTheFocusBackAfterSavingAndReloading();
    void shouldNotLeaveSavedStandingAfterAReload();
    void shouldNameOnlyAFewOfTheFieldsNotTaken();
    void shouldKeepEveryEditWhenSignInIsCancelled();
    void shouldSaveAgainAfterTheSignInWasCancelled();
    void shouldKeepEditsAndSayWhyWhenTheServerFails();
    void shouldMarkUnsavedChangesInTheTitle();
    void shouldAskBeforeClosingWithUnsavedChanges();

    void shouldKeepEveryEditWhenTheServerMisbehaves_data();
    void shouldKeepEveryEditWhenTheServerMisbehaves();
    void shouldCancelASaveThatHangsAndKeepTheEdits();

    void shouldNotRememberTheSessionUnlessAsked();
    void shouldContinueARememberedSessionWithoutThePassword();
    void shouldForgetTheRememberedSessionOnSignOut();
    void shouldForgetTheRememberedSessionWhenAsked();
    void shouldSaySoAndAskEachTimeWithoutAKeychain();
    void shouldAskAgainWhenTheRememberedSessionEnded();
    void shouldAskWhenTheKeychainCannotBeRead();
    void shouldKeepPasswordAndTokenOutOfSettingsFilesAndLogs();
    void shouldSignInAsTheMemberOfALinkGivenAtStart_data();
    void shouldSignInAsTheMemberOfALinkGivenAtStart();

    void shouldOfferUnsavedEditsAfterTheProcessWasKilled();
    void shouldOfferADraftOnlyToTheSameMember();
    void shouldDeleteTheDraftAfterASaveOrARevert_data();
    void shouldDeleteTheDraftAfterASaveOrARevert();
    void shouldDeleteADraftTheAdminDiscards();
    void shouldSayThatSigningOutKeepsUnsavedEdits();
    void shouldGiveEveryControlAMnemonicOfItsOwn();

private:
    enum class Remember { No, Yes };
    void signInAs(const QString &username, const QString &password,
                  Remember remember = Remember::No);
    void signInTo(const QUrl &server, const QString &username, const QString &password,
                  Remember remember = Remember::No);
    void signInToBrokenServer(RawHttpServer &server, const QString &endpoint,
                              const QByteArray &answer);
    void restartApp();
    void editEverything();
    QStringList draftFiles() const;
    QString rememberedKey() const;
    LoginDialog *waitForLoginDialog();
    template<typename T>
    T *find(const char *name) const;
    QCheckBox *checkBox(const char *key) const;
    void toggle(const char *key);
    void setPluginsText(const QString &text);
    void verifyMnemonicsAreUnique(qsizetype atLeast);

    QTemporaryDir m_config;
    QTemporaryDir m_data;
    std::unique_ptr<FakeNekoServer> m_server;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<NekoClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // Settings go to a folder of the test's own, never to the tester's real ones.
    QVERIFY(m_config.isValid());
    QVERIFY(m_data.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    QCoreApplication::setOrganizationName(u"nekoeditor-tests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    m_server = std::make_unique<FakeNekoServer>();
    m_server->addMember(u"admin"_s, u"admin"_s, profileOf(u"Admin"_s, true));
    m_server->addMember(u"user"_s, u"neko"_s, profileOf(u"User"_s, false));
    m_server->addMember(u"other"_s, u"other"_s, profileOf(u"Other"_s, true));
    QVERIFY(m_server->listen());

    // Every test starts like a first run: no settings, no drafts, an empty keychain.
    QSettings().clear();
    QDir(DraftStore::defaultFolder()).removeRecursively();
    m_secrets = std::make_unique<MemorySecretStore>();

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<NekoClient>(m_network.get());
    m_window = std::make_unique<MainWindow>(m_client.get(), m_secrets.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_client.reset();
    m_network.reset();
    m_secrets.reset();
    m_server.reset();
}

void TestMainWindow::restartApp()
{
    // Like a killed process: no close event, nothing saved on the way out. What is on disk
    // and in the keychain is all the new start has.
    m_window.reset();
    m_client.reset();
    m_network.reset();

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<NekoClient>(m_network.get());
    m_window = std::make_unique<MainWindow>(m_client.get(), m_secrets.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QStringList TestMainWindow::draftFiles() const
{
    return QDir(DraftStore::defaultFolder()).entryList(QDir::Files);
}

QString TestMainWindow::rememberedKey() const
{
    return u"admin@"_s + m_server->baseUrl().toDisplayString();
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

void TestMainWindow::signInAs(const QString &username, const QString &password, Remember remember)
{
    signInTo(m_server->baseUrl(), username, password, remember);
}

void TestMainWindow::signInTo(const QUrl &server, const QString &username, const QString &password,
                              Remember remember)
{
    m_window->requestSignIn(server.toString(), username);
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    auto *rememberBox = dialog->findChild<QCheckBox *>(u"rememberCheckBox"_s);
    if (rememberBox->isChecked() != (remember == Remember::Yes))
        QTest::mouseClick(rememberBox, Qt::LeftButton, {}, QPoint(4, rememberBox->height() / 2));
    QCOMPARE(rememberBox->isChecked(), remember == Remember::Yes);
    auto *passwordEdit = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTRY_VERIFY(find<QLabel>("sessionLabel")->text().contains(username));

    // Without a window manager nothing hands the focus back to the main window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::editEverything()
{
    auto *name = find<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Edited"_s);
    toggle("can_host");
    setPluginsText(uR"({"chat.can_send": false, "custom": 1})"_s);
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

void TestMainWindow::shouldOfferToSignInWhileSignedOut()
{
    // Before any sign-in there is no profile to show: only a way to sign in.
    auto *signIn = find<QPushButton>("signInButton");
    QVERIFY(signIn->isVisible());
    QVERIFY(!find<QWidget>("profileForm")->isVisible());
    QVERIFY2(!find<QLabel>("sessionLabel")->isVisible(), "said twice");
    QVERIFY(!find<QPushButton>("saveButton")->isVisible());
    QVERIFY(!find<QPushButton>("revertButton")->isVisible());

    QTest::mouseClick(signIn, Qt::LeftButton);
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"serverLineEdit"_s),
                     m_server->baseUrl().toString());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"usernameLineEdit"_s), u"admin"_s);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(password, u"admin"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(find<QWidget>("profileForm")->isVisible());
    QVERIFY(!signIn->isVisible());
    QVERIFY(find<QPushButton>("saveButton")->isVisible());
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Admin"_s);

    // Signing out goes back, with the focus on the button, so that Space signs in again.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    find<QLineEdit>("nameLineEdit")->setFocus();
    find<QAction>("signOutAction")->trigger();
    QTRY_VERIFY(signIn->isVisible());
    QVERIFY(!find<QWidget>("profileForm")->isVisible());
    QCOMPARE(QApplication::focusWidget(), signIn);
    QTest::keyClick(signIn, Qt::Key_Space);
    QVERIFY(waitForLoginDialog());
}

void TestMainWindow::shouldKeepTheTypedAddressWhenSignInIsCancelled()
{
    // As from the command line: cancelled once, the address is still there the next time.
    const QString server = m_server->baseUrl().toDisplayString();
    m_window->requestSignIn(server, u"admin"_s);
    QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTest::mouseClick(find<QPushButton>("signInButton"), Qt::LeftButton);
    dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->serverAddress(), server);
    QCOMPARE(dialog->username(), u"admin"_s);

    // A pasted link's password is not kept with it.
    auto *serverEdit = dialog->findChild<QLineEdit *>(u"serverLineEdit"_s);
    serverEdit->clear();
    QTest::keyClicks(serverEdit, u"http://other:secret@"_s + m_server->baseUrl().authority());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTest::mouseClick(find<QPushButton>("signInButton"), Qt::LeftButton);
    dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->serverAddress().contains("secret"_L1), qPrintable(dialog->serverAddress()));
    QVERIFY(dialog->serverAddress().contains(m_server->baseUrl().authority()));
    QVERIFY(dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s)->text().isEmpty());
}

void TestMainWindow::shouldKeepTheWindowNarrowWithLongNames()
{
    // Neither a username nor a profile name without spaces may widen the window: it grew wider
    // than the screen, with Save out of reach.
    const QString username = QString(120, u'u');
    m_server->addMember(username, u"pw"_s, profileOf(QString(300, u'N'), true));
    const int width = m_window->width();
    signInAs(username, u"pw"_s);
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), QString(300, u'N'));
    QCOMPARE(m_window->width(), width);
    QVERIFY2(m_window->windowTitle().startsWith(username + u" on "_s),
             qPrintable(m_window->windowTitle()));
    QVERIFY2(m_window->minimumSizeHint().width() < 640,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));

    auto *name = find<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QString(400, u'M'));
    QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    QCOMPARE(m_window->width(), width);
    QVERIFY(find<QPushButton>("saveButton")->geometry().right() < m_window->width());
}

void TestMainWindow::shouldShowWhoIsSignedInAndTheProfile()
{
    signInAs(u"admin"_s, u"admin"_s);

    const QString header = find<QLabel>("sessionLabel")->text();
    QVERIFY2(header.contains("as admin"_L1) && header.contains("administrator"_L1)
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

void TestMainWindow::shouldNotBlameTheSaveForWhatANewSessionLacks()
{
    // The session got plugin keys of its own, then the server restarted: the new session has
    // the member's stored plugins only. The save that follows sends the name alone, which the
    // server takes, so it is not a save that failed; the keys that went are named all the same.
    signInAs(u"admin"_s, u"admin"_s);
    QStringList keys {u"\"chat.can_send\": true"_s, u"\"chat.can_receive\": true"_s};
    for (int i = 0; i < 12; ++i)
        keys << u"\"extra.key%1\": %1"_s.arg(i);
    setPluginsText(u'{' + keys.join(u", "_s) + u'}');
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    auto *banner = find<MessageBanner>("messageBanner");
    QTRY_COMPARE(banner->text(), u"Saved."_s);

    m_server->dropAllSessions();
    auto *name = find<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Renamed"_s);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(password, u"admin"_s);
    QTest::keyClick(password, Qt::Key_Return);

    QTRY_COMPARE(m_server->requestsTo(u"profile"_s).size(), 3);
    QCOMPARE(bodyOf(m_server->requestsTo(u"profile"_s).at(2)),
             QJsonObject({{"name"_L1, u"Renamed"_s}}));

    // What the new session lacks is said, but not as a failure of the save.
    QTRY_VERIFY2(banner->text().startsWith("Saved. Other fields changed"_L1),
                 qPrintable(banner->text()));
    QVERIFY2(banner->text().contains("plugins: extra.key0, "_L1)
                     && banner->text().contains(", and 7 more."_L1),
             qPrintable(banner->text()));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Information);
    QVERIFY(!find<JsonEditor>("pluginsEditor")->toPlainText().contains("extra.key"_L1));
}

void TestMainWindow::shouldNameOnlyAFewOfTheFieldsNotTaken()
{
    // A server that takes nothing of twelve new plugin keys: the message names five and counts
    // the rest, so that it stays a line or two above the form.
    signInAs(u"admin"_s, u"admin"_s);
    const QJsonObject before = m_server->sessionProfile(u"admin"_s);
    connect(m_server.get(), &FakeNekoServer::profileChanged, this,
            [this, before] { m_server->setSessionProfile(u"admin"_s, before); });
    QStringList keys {u"\"chat.can_send\": true"_s, u"\"chat.can_receive\": true"_s};
    for (int i = 10; i < 22; ++i)
        keys << u"\"extra.key%1\": %1"_s.arg(i);
    setPluginsText(u'{' + keys.join(u", "_s) + u'}');
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    auto *banner = find<MessageBanner>("messageBanner");
    QTRY_VERIFY(banner->text().startsWith("Saved, but"_L1));
    QVERIFY2(banner->text().contains("extra.key14, and 7 more."_L1), qPrintable(banner->text()));
    QVERIFY(!banner->text().contains("extra.key15"_L1));
}

void TestMainWindow::shouldGiveTheFocusBackAfterSavingAndReloading()
{
    signInAs(u"admin"_s, u"admin"_s);
    auto *name = find<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Edited"_s);
    QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QTest::keyClicks(QApplication::focusWidget(), u" Again"_s);
    QCOMPARE(name->text(), u"Edited Again"_s);

    // The question's button says what it does: it discards, and then it reloads.
    auto *editor = find<JsonEditor>("pluginsEditor");
    editor->setFocus();
    QString buttonText;
    QTimer::singleShot(0, this, [&buttonText] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        buttonText = box->button(QMessageBox::Discard)->text();
        QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
    });
    QTest::keyClick(editor, Qt::Key_F5);
    QCOMPARE(buttonText, u"Discard and &Reload"_s);
    QTRY_COMPARE(m_server->requestsTo(u"whoami"_s).size(), 3);
    QTRY_VERIFY(!m_window->findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible());

    // Without a window manager nothing activates the window again after the question.
    QCOMPARE(m_window->focusWidget(), editor);
}

void TestMainWindow::shouldNotLeaveSavedStandingAfterAReload()
{
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    auto *banner = find<MessageBanner>("messageBanner");
    QTRY_COMPARE(banner->text(), u"Saved."_s);

    find<QAction>("reloadAction")->trigger();
    QTRY_COMPARE(m_server->requestsTo(u"whoami"_s).size(), 3);
    QTRY_VERIFY(!find<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY2(banner->text().isEmpty(), qPrintable(banner->text()));
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

void TestMainWindow::shouldSaveAgainAfterTheSignInWasCancelled()
{
    signInAs(u"admin"_s, u"admin"_s);
    m_server->dropAllSessions();
    toggle("can_host");
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    const QString message = find<MessageBanner>("messageBanner")->text();
    QVERIFY2(message.contains("Save again"_L1), qPrintable(message));

    // Not a dead end: Save asks for the password again and sends the same edits.
    auto *save = find<QPushButton>("saveButton");
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    dialog = waitForLoginDialog();
    QVERIFY(dialog);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(password, u"admin"_s);
    QTest::keyClick(password, Qt::Key_Return);

    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("can_host"_L1), QJsonValue(false));
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

void TestMainWindow::signInToBrokenServer(RawHttpServer &server, const QString &endpoint,
                                          const QByteArray &answer)
{
    // It signs in like neko; after the first save has gone out, `endpoint` gets `answer`.
    const QByteArray session = R"({"id":"s1","profile":)"
            + FakeNekoServer::encodeProfile(profileOf(u"Admin"_s, true)) + "}";
    const QByteArray json = "Content-Type: application/json\r\n";
    auto saving = std::make_shared<bool>(false);
    server.setHandler([=](const QByteArray &request) {
        if (request.startsWith("POST /api/login"))
            return RawHttpServer::response(200, json, session.chopped(1) + R"(,"token":"t1"})");
        if (request.startsWith("POST /api/profile")) {
            *saving = true;
            return endpoint == "profile"_L1 ? answer : RawHttpServer::response(200, json, "true");
        }
        if (*saving && endpoint == "whoami"_L1)
            return answer;
        return RawHttpServer::response(200, json, session);
    });
    QVERIFY(server.listenOnLoopback());
    signInTo(server.baseUrl(), u"admin"_s, u"admin"_s);
}

void TestMainWindow::shouldKeepEveryEditWhenTheServerMisbehaves_data()
{
    QTest::addColumn<QString>("endpoint"); // where the server misbehaves
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("message");

    const auto answer = RawHttpServer::Behaviour::Answer;
    QTest::addRow("proxy page 502")
            << u"profile"_s << int(answer)
            << RawHttpServer::response(502, "Content-Type: text/html\r\n",
                                       "<html><body>502 Bad Gateway</body></html>")
            << u"not an answer from neko"_s;
    QTest::addRow("200 that is not JSON")
            << u"whoami"_s << int(answer)
            << RawHttpServer::response(200, "Content-Type: text/plain\r\n", "all good")
            << u"could not be read back"_s;
    QTest::addRow("200 with wrong types")
            << u"whoami"_s << int(answer)
            << RawHttpServer::response(200, "Content-Type: application/json\r\n",
                                       R"({"id":"s1","profile":{"name":5,"is_admin":"yes"}})")
            << u"could not be read back"_s;
    QTest::addRow("closed without an answer")
            << u"profile"_s << int(RawHttpServer::Behaviour::CloseWithoutAnswer) << QByteArray()
            << u"closed the connection"_s;
    QTest::addRow("never answers") << u"profile"_s << int(RawHttpServer::Behaviour::NeverAnswer)
                                   << QByteArray() << u"did not answer within"_s;
    QTest::addRow("tens of megabytes")
            << u"profile"_s << int(answer)
            << RawHttpServer::response(200, "Content-Type: application/json\r\n",
                                       QByteArray(40 * 1024 * 1024, ' ') + "true")
            << u"larger than"_s;
}

void TestMainWindow::shouldKeepEveryEditWhenTheServerMisbehaves()
{
    QFETCH(QString, endpoint);
    QFETCH(int, behaviour);
    QFETCH(QByteArray, answer);
    QFETCH(QString, message);

    RawHttpServer server;
    signInToBrokenServer(server, endpoint, answer);

    editEverything();
    if (endpoint == "profile"_L1)
        server.setBehaviour(RawHttpServer::Behaviour(behaviour));
    m_client->setTransferTimeout(std::chrono::milliseconds(500));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);

    auto *banner = find<MessageBanner>("messageBanner");
    QTRY_VERIFY2(banner->text().contains(message), qPrintable(banner->text()));
    QVERIFY(find<QWidget>("profileForm")->isEnabled());
    QVERIFY(!find<QPushButton>("cancelButton")->isVisible());
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Edited"_s);
    QVERIFY(!checkBox("can_host")->isChecked());
    const QJsonObject plugins
            = QJsonDocument::fromJson(find<JsonEditor>("pluginsEditor")->toPlainText().toUtf8())
                      .object();
    QCOMPARE(plugins, QJsonObject({{"chat.can_send"_L1, false}, {"custom"_L1, 1}}));
}

void TestMainWindow::shouldCancelASaveThatHangsAndKeepTheEdits()
{
    RawHttpServer server;
    signInToBrokenServer(server, u"profile"_s, {});
    editEverything();
    const QString typedPlugins = find<JsonEditor>("pluginsEditor")->toPlainText();

    // Long before the transfer timeout.
    server.setBehaviour(RawHttpServer::Behaviour::NeverAnswer);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    auto *cancel = find<QPushButton>("cancelButton");
    QTRY_VERIFY(cancel->isVisible());
    QVERIFY(find<QLabel>("busyLabel")->isVisible());
    QCOMPARE(find<QLabel>("busyLabel")->text(), u"Saving…"_s);
    QVERIFY(!find<QWidget>("profileForm")->isEnabled());
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());

    // Typing on does not press Cancel: it never has the focus. Esc does.
    QVERIFY(QApplication::focusWidget() != cancel);
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QTest::qWait(50);
    QVERIFY(cancel->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);

    const QString message = find<MessageBanner>("messageBanner")->text();
    QVERIFY2(message.contains("may have reached"_L1), qPrintable(message));
    QVERIFY(!cancel->isVisible());
    QVERIFY(find<QWidget>("profileForm")->isEnabled());
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Edited"_s);
    QVERIFY(!checkBox("can_host")->isChecked());
    QCOMPARE(find<JsonEditor>("pluginsEditor")->toPlainText(), typedPlugins);
    QVERIFY(m_window->isWindowModified());
}

void TestMainWindow::shouldNotRememberTheSessionUnlessAsked()
{
    m_window->requestSignIn(m_server->baseUrl().toString(), u"admin"_s);
    QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QCheckBox *>(u"rememberCheckBox"_s)->isChecked());
    dialog->close();

    signInAs(u"admin"_s, u"admin"_s);
    QTest::qWait(50);
    QVERIFY(m_secrets->contents().isEmpty());
    QVERIFY(AppSettings().rememberedServer().isEmpty());
    QVERIFY(!find<QAction>("forgetAction")->isEnabled());

    restartApp();
    m_window->start();
    QVERIFY(waitForLoginDialog());
}

void TestMainWindow::shouldContinueARememberedSessionWithoutThePassword()
{
    signInAs(u"admin"_s, u"admin"_s, Remember::Yes);
    const QString token = m_client->token();
    QTRY_COMPARE(m_secrets->contents().value(rememberedKey()), token);
    QCOMPARE(m_secrets->contents().size(), 1);
    QVERIFY(find<QAction>("forgetAction")->isEnabled());

    restartApp();
    m_server->clearRequests();
    m_window->start();
    QTRY_VERIFY(find<QLabel>("sessionLabel")->text().contains("as admin"_L1));
    QVERIFY(!m_window->loginDialog());
    QVERIFY(m_server->requestsTo(u"login"_s).isEmpty());
    const QList<FakeRecordedRequest> whoami = m_server->requestsTo(u"whoami"_s);
    QCOMPARE(whoami.size(), 1);
    QCOMPARE(whoami.first().headers.value("authorization"), "Bearer " + token.toUtf8());

    // The login dialog offers to keep remembering it.
    m_window->requestSignIn();
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog->findChild<QCheckBox *>(u"rememberCheckBox"_s)->isChecked());
}

void TestMainWindow::shouldForgetTheRememberedSessionOnSignOut()
{
    signInAs(u"admin"_s, u"admin"_s, Remember::Yes);
    QTRY_VERIFY(!m_secrets->contents().isEmpty());

    find<QAction>("signOutAction")->trigger();
    QTRY_VERIFY(m_secrets->contents().isEmpty());
    QTRY_COMPARE(find<QLabel>("sessionLabel")->text(), u"Not signed in."_s);
    QVERIFY(AppSettings().rememberedServer().isEmpty());

    restartApp();
    m_window->start();
    QVERIFY(waitForLoginDialog());
}

void TestMainWindow::shouldForgetTheRememberedSessionWhenAsked()
{
    signInAs(u"admin"_s, u"admin"_s, Remember::Yes);
    auto *forget = find<QAction>("forgetAction");
    QTRY_VERIFY(forget->isEnabled());

    forget->trigger();
    QTRY_VERIFY(m_secrets->contents().isEmpty());
    auto *banner = find<MessageBanner>("messageBanner");
    QTRY_VERIFY2(banner->text().contains("forgotten"_L1), qPrintable(banner->text()));
    QVERIFY(!forget->isEnabled());

    // Forgetting is about the next start; this session goes on.
    QVERIFY(m_client->isSignedIn());
    restartApp();
    m_window->start();
    QVERIFY(waitForLoginDialog());
}

void TestMainWindow::shouldSaySoAndAskEachTimeWithoutAKeychain()
{
    m_secrets->setStatus(SecretStore::Status::Unavailable);
    signInAs(u"admin"_s, u"admin"_s, Remember::Yes);
    const QString token = m_client->token();

    auto *banner = find<MessageBanner>("messageBanner");
    QTRY_VERIFY2(banner->text().contains("no system keychain"_L1), qPrintable(banner->text()));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
    QVERIFY(AppSettings().rememberedServer().isEmpty());

    // No file took the keychain's place.
    for (const QString &root : {m_config.path(), m_data.path()}) {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token.toUtf8()), qPrintable(file.fileName()));
        }
    }

    restartApp();
    m_window->start();
    QVERIFY(waitForLoginDialog());
}

void TestMainWindow::shouldAskAgainWhenTheRememberedSessionEnded()
{
    signInAs(u"admin"_s, u"admin"_s, Remember::Yes);
    QTRY_VERIFY(!m_secrets->contents().isEmpty());
    m_server->dropAllSessions();

    restartApp();
    m_window->start();
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    const QString reason = dialog->findChild<QLabel *>(u"reasonLabel"_s)->text();
    QVERIFY2(reason.contains("remembered session has ended"_L1), qPrintable(reason));
    QCOMPARE(dialog->findChild<QLineEdit *>(u"usernameLineEdit"_s)->text(), u"admin"_s);
    QTRY_VERIFY(m_secrets->contents().isEmpty());
}

void TestMainWindow::shouldAskWhenTheKeychainCannotBeRead()
{
    signInAs(u"admin"_s, u"admin"_s, Remember::Yes);
    QTRY_VERIFY(!m_secrets->contents().isEmpty());
    m_secrets->setStatus(SecretStore::Status::Failed);

    restartApp();
    m_window->start();
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY(dialog);
    const QString reason = dialog->findChild<QLabel *>(u"reasonLabel"_s)->text();
    QVERIFY2(reason.contains("keychain could not be read"_L1), qPrintable(reason));
    QVERIFY2(reason.contains("Access denied"_L1), qPrintable(reason));
}

namespace {

QStringList capturedLog;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    // The fake server stands in for neko, in this process: what it logs of the requests it
    // receives is the server's log, not the app's.
    const QLatin1StringView category(context.category);
    if (category.startsWith("qt.httpserver"_L1))
        return;
    capturedLog << category + u' ' + message;
}

} // namespace

void TestMainWindow::shouldSignInAsTheMemberOfALinkGivenAtStart_data()
{
    QTest::addColumn<bool>("remembered"); // whether the other member's session is remembered

    QTest::addRow("another member's username in the settings") << false;
    QTest::addRow("another member's session remembered") << true;
}

void TestMainWindow::shouldSignInAsTheMemberOfALinkGivenAtStart()
{
    QFETCH(bool, remembered);

    const QString password = u"l1nk-pa55"_s;
    m_server->addMember(u"carol"_s, password, profileOf(u"Carol"_s, true));
    signInAs(u"user"_s, u"neko"_s, remembered ? Remember::Yes : Remember::No);
    if (remembered)
        QTRY_VERIFY(!AppSettings().rememberedServer().isEmpty());

    // neko-profile-editor --server 'http://host:port/?usr=carol&pwd=…'
    restartApp();
    m_window->start(m_server->baseUrl().toString() + u"?usr=carol&pwd="_s + password);
    const QPointer<LoginDialog> dialog = waitForLoginDialog();
    QVERIFY2(dialog, "signed in without asking, as the remembered member");
    QCOMPARE(dialog->findChild<QLineEdit *>(u"usernameLineEdit"_s)->text(), u"carol"_s);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s)->text(), password);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"serverLineEdit"_s)->text(),
             m_server->baseUrl().toString());

    QTest::keyClick(dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s), Qt::Key_Return);
    QTRY_VERIFY(find<QLabel>("sessionLabel")->text().contains("as carol"_L1));
    QCOMPARE(AppSettings().lastUsername(), u"carol"_s);

    // The link's password went into the sign-in and nowhere else.
    m_window->close();
    QSettings().sync();
    QDirIterator it(m_config.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
    }
}

void TestMainWindow::shouldKeepPasswordAndTokenOutOfSettingsFilesAndLogs()
{
    const QString password = u"Tr0ub4dor-9xq"_s;
    const QString marker = u"body-marker-5a7c"_s;
    m_server->addMember(u"carol"_s, password, profileOf(u"Carol"_s, true));

    // Every category at every level, Qt's own included.
    capturedLog.clear();
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    signInAs(u"carol"_s, password, Remember::Yes);
    const QString token = m_client->token();
    QTRY_VERIFY(!m_secrets->contents().isEmpty());
    setPluginsText(u"{\"note\": \""_s + marker + u"\"}"_s);
    QTRY_COMPARE(draftFiles().size(), 1);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    find<QAction>("reloadAction")->trigger();
    QTRY_VERIFY(find<QAction>("signOutAction")->isEnabled());
    find<QAction>("signOutAction")->trigger();
    QTRY_COMPARE(find<QLabel>("sessionLabel")->text(), u"Not signed in."_s);
    m_window->close();

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!token.isEmpty());
    QVERIFY2(capturedLog.size() > 5, "the session logged nothing; the test would prove nothing");

    const QString log = capturedLog.join(u'\n');
    QVERIFY2(!log.contains(password), "the password is in the log");
    QVERIFY2(!log.contains(token), "the token is in the log");
    QVERIFY2(!log.contains(marker), "a request body is in the log");

    int files = 0;
    for (const QString &root : {m_config.path(), m_data.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(password.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!content.contains(token.toUtf8()), qPrintable(file.fileName()));
            ++files;
        }
    }
    QVERIFY2(files > 0, "no settings file was written; the test would prove nothing");
}

void TestMainWindow::shouldOfferUnsavedEditsAfterTheProcessWasKilled()
{
    signInAs(u"admin"_s, u"admin"_s);
    editEverything();
    const QString typedPlugins = find<JsonEditor>("pluginsEditor")->toPlainText();
    QTRY_COMPARE(draftFiles().size(), 1);

    restartApp();
    signInAs(u"admin"_s, u"admin"_s);
    QPushButton *restore = nullptr;
    QTRY_VERIFY((restore = m_window->findChild<QPushButton *>(u"restoreDraftButton"_s)));
    QVERIFY(restore->isVisible());
    const QString offer = find<MessageBanner>("messageBanner")->text();
    QVERIFY2(offer.contains("not saved"_L1), qPrintable(offer));
    QVERIFY2(offer.contains("Name, "_L1) && offer.contains(", Plugins."_L1), qPrintable(offer));
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Admin"_s);

    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(find<QLineEdit>("nameLineEdit")->text(), u"Edited"_s);
    QVERIFY(!checkBox("can_host")->isChecked());
    QCOMPARE(find<JsonEditor>("pluginsEditor")->toPlainText(), typedPlugins);
    QVERIFY(m_window->isWindowModified());
    QVERIFY(find<MessageBanner>("messageBanner")->text().isEmpty());

    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE(find<MessageBanner>("messageBanner")->text(), u"Saved."_s);
    QCOMPARE(m_server->sessionProfile(u"admin"_s).value("name"_L1), QJsonValue(u"Edited"_s));
    QTRY_VERIFY(draftFiles().isEmpty());
}

void TestMainWindow::shouldOfferADraftOnlyToTheSameMember()
{
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");
    QTRY_COMPARE(draftFiles().size(), 1);

    restartApp();
    signInAs(u"other"_s, u"other"_s);
    QTest::qWait(100);
    QVERIFY(!m_window->findChild<QPushButton *>(u"restoreDraftButton"_s));
    QVERIFY(checkBox("can_host")->isChecked());
    QCOMPARE(draftFiles().size(), 1);
}

void TestMainWindow::shouldDeleteTheDraftAfterASaveOrARevert_data()
{
    QTest::addColumn<QString>("button");
    QTest::addRow("save") << u"saveButton"_s;
    QTest::addRow("revert") << u"revertButton"_s;
}

void TestMainWindow::shouldDeleteTheDraftAfterASaveOrARevert()
{
    QFETCH(QString, button);
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");
    QTRY_COMPARE(draftFiles().size(), 1);

    QTest::mouseClick(find<QPushButton>(qPrintable(button)), Qt::LeftButton);
    QTRY_VERIFY(!m_window->isWindowModified());
    QVERIFY(draftFiles().isEmpty());

    // Nor does a write that was still due bring it back.
    QTest::qWait(600);
    QVERIFY(draftFiles().isEmpty());
}

void TestMainWindow::shouldDeleteADraftTheAdminDiscards()
{
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");
    QTRY_COMPARE(draftFiles().size(), 1);

    restartApp();
    signInAs(u"admin"_s, u"admin"_s);
    QPushButton *discard = nullptr;
    QTRY_VERIFY((discard = m_window->findChild<QPushButton *>(u"discardDraftButton"_s)));
    QTest::mouseClick(discard, Qt::LeftButton);
    QVERIFY(draftFiles().isEmpty());
    QVERIFY(checkBox("can_host")->isChecked());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(find<MessageBanner>("messageBanner")->text().isEmpty());
}

void TestMainWindow::shouldSayThatSigningOutKeepsUnsavedEdits()
{
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");
    find<QAction>("signOutAction")->trigger();
    QTRY_COMPARE(find<QLabel>("sessionLabel")->text(), u"Not signed in."_s);

    const QString message = find<MessageBanner>("messageBanner")->text();
    QVERIFY2(message.contains("unsaved changes are kept"_L1), qPrintable(message));
    QCOMPARE(draftFiles().size(), 1);
}

void TestMainWindow::shouldGiveEveryControlAMnemonicOfItsOwn()
{
    // Signed out, and then with the most on screen at once: an admin's form and the offer of
    // a draft.
    verifyMnemonicsAreUnique(3); // File, Help and Sign In
    signInAs(u"admin"_s, u"admin"_s);
    toggle("can_host");
    QTRY_COMPARE(draftFiles().size(), 1);
    restartApp();
    signInAs(u"admin"_s, u"admin"_s);
    QTRY_VERIFY(m_window->findChild<QPushButton *>(u"restoreDraftButton"_s));
    verifyMnemonicsAreUnique(10);
}

void TestMainWindow::verifyMnemonicsAreUnique(qsizetype atLeast)
{
    QMap<QChar, QStringList> owners;
    const auto note = [&owners](const QString &text) {
        const qsizetype at = text.indexOf(u'&');
        if (at >= 0 && at + 1 < text.size())
            owners[text.at(at + 1).toLower()] << QString(text).remove(u'&');
    };
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
        if (button->isVisible() && button->isEnabled())
            note(button->text());
    }
    for (QLabel *label : m_window->findChildren<QLabel *>()) {
        if (label->isVisible() && label->buddy())
            note(label->text());
    }
    for (QAction *menu : m_window->menuBar()->actions())
        note(menu->text());

    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        QVERIFY2(it.value().size() == 1, qPrintable(it.value().join(u", ")));
    QVERIFY(owners.size() >= atLeast);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
