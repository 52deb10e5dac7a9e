// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatetrust.h"
#include "fakenekoserver.h"
#include "logindialog.h"
#include "messagebanner.h"
#include "nekoclient.h"
#include "profileflags.h"
#include "testcertificate.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldFocusTheFirstEmptyField_data();
    void shouldFocusTheFirstEmptyField();
    void shouldSignInWhenEnterIsPressed();
    void shouldKeepTheUsernameAndClearThePasswordWhenItIsWrong();
    void shouldHintAtThePathPrefixWhenTheAddressIsNotNeko();
    void shouldTakeCredentialsFromAPastedLinkAndShowTheCleanAddress();
    void shouldShowTheCredentialsOfAPastedLinkBeforeSigningIn();
    void shouldTakeAPastedLinksPasswordOutOfTheServerFieldAtOnce_data();
    void shouldTakeAPastedLinksPasswordOutOfTheServerFieldAtOnce();
    void shouldNotRewriteALinkWhileItIsTypedButWhenEditingEnds();
    void shouldLetALinksCredentialsWinOverARememberedUsername_data();
    void shouldLetALinksCredentialsWinOverARememberedUsername();
    void shouldSayWhatToCheckWhenNothingListens();
    void shouldRefuseAnAddressThatIsNotOne();
    void shouldClearWhatWasSaidAboutAFieldOnceItIsEdited_data();
    void shouldClearWhatWasSaidAboutAFieldOnceItIsEdited();
    void shouldClearAFailureOnceTheAddressIsEdited();
    void shouldCloseOnEscape();
    void shouldLabelEveryFieldWithAMnemonicAndABuddy();
    void shouldOfferRememberMeOffByDefaultAfterThePassword();
    void shouldWarnBeforeSendingAPasswordOverPlainHttp_data();
    void shouldWarnBeforeSendingAPasswordOverPlainHttp();
    void shouldOfferToTrustASelfSignedCertificateAndRememberIt();
    void shouldSayWhenATrustedCertificateChanged();
    void shouldShowALongMessageWhole();
    void shouldDropTheTrustOfferWhenTheAddressChanges();
    void shouldKeepEnterOnSignInAfterACertificateError();
    void shouldNotReopenAsTallAsALongMessageMadeIt();

private:
    static std::optional<TestCertificate> certificate();
    std::unique_ptr<FakeNekoServer> tlsServer(const TestCertificate &tls) const;
    void signInTo(const FakeNekoServer &server);
    std::unique_ptr<FakeNekoServer> signInToSelfSignedServer();
    QLineEdit *field(const char *name) const;
    QString bannerText() const;

    QTemporaryDir m_config;
    std::unique_ptr<FakeNekoServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<NekoClient> m_client;
    std::unique_ptr<LoginDialog> m_dialog;
};

void TestLoginDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QCoreApplication::setOrganizationName(u"nekoeditor-tests"_s);
    QCoreApplication::setApplicationName(u"tst_logindialog"_s);
}

void TestLoginDialog::init()
{
    // No certificate trusted and no dialog size kept from an earlier test.
    QSettings().clear();

    QJsonObject profile {{"name"_L1, "Admin"_L1}};
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.insert(flag.key, true);
    m_server = std::make_unique<FakeNekoServer>();
    m_server->addMember(u"admin"_s, u"admin"_s, profile);
    QVERIFY(m_server->listen());

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<NekoClient>(m_network.get());
    m_dialog = std::make_unique<LoginDialog>(m_client.get());
}

void TestLoginDialog::cleanup()
{
    m_dialog.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

QLineEdit *TestLoginDialog::field(const char *name) const
{
    return m_dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
}

QString TestLoginDialog::bannerText() const
{
    return m_dialog->findChild<MessageBanner *>(u"errorBanner"_s)->text();
}

void TestLoginDialog::shouldFocusTheFirstEmptyField_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("focused");

    QTest::addRow("nothing known") << QString() << QString() << u"serverLineEdit"_s;
    QTest::addRow("server known") << u"host:8080"_s << QString() << u"usernameLineEdit"_s;
    QTest::addRow("server and user known") << u"host:8080"_s << u"admin"_s << u"passwordLineEdit"_s;
}

void TestLoginDialog::shouldFocusTheFirstEmptyField()
{
    QFETCH(QString, server);
    QFETCH(QString, username);
    QFETCH(QString, focused);

    m_dialog->setServerAddress(server);
    m_dialog->setUsername(username);
    m_dialog->show();
    m_dialog->focusFirstEmptyField();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), focused);
}

void TestLoginDialog::shouldSignInWhenEnterIsPressed()
{
    m_dialog->setServerAddress(m_server->baseUrl().toString());
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();
    QSignalSpy signedIn(m_dialog.get(), &LoginDialog::signedIn);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);

    QTest::keyClicks(field("passwordLineEdit"), u"admin"_s);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);

    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(signedIn.first().first().value<SessionData>().id, u"admin"_s);
    QVERIFY(m_client->isSignedIn());
}

void TestLoginDialog::shouldKeepTheUsernameAndClearThePasswordWhenItIsWrong()
{
    m_dialog->setServerAddress(m_server->baseUrl().toString());
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));

    QTest::keyClicks(field("passwordLineEdit"), u"wrong"_s);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);

    QTRY_VERIFY(!bannerText().isEmpty());
    QVERIFY2(bannerText().contains("password is wrong"_L1), qPrintable(bannerText()));
    QCOMPARE(field("usernameLineEdit")->text(), u"admin"_s);
    QVERIFY(field("passwordLineEdit")->text().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(), field("passwordLineEdit"));
    QVERIFY(m_dialog->isVisible());
}

void TestLoginDialog::shouldHintAtThePathPrefixWhenTheAddressIsNotNeko()
{
    m_server->setPathPrefix(u"/neko"_s);
    m_dialog->setServerAddress(u"127.0.0.1:%1"_s.arg(m_server->port()));
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();

    QTest::keyClicks(field("passwordLineEdit"), u"admin"_s);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);

    QTRY_VERIFY(!bannerText().isEmpty());
    QVERIFY2(bannerText().contains("path prefix"_L1), qPrintable(bannerText()));
}

void TestLoginDialog::shouldTakeCredentialsFromAPastedLinkAndShowTheCleanAddress()
{
    m_dialog->show();
    const QString link = u"127.0.0.1:%1/?usr=admin&pwd=admin"_s.arg(m_server->port());
    QTest::keyClicks(field("serverLineEdit"), link);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QTest::keyClick(field("serverLineEdit"), Qt::Key_Return);

    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(field("usernameLineEdit")->text(), u"admin"_s);
    QCOMPARE(m_dialog->serverAddress(), u"http://127.0.0.1:%1/"_s.arg(m_server->port()));
    QVERIFY(!m_dialog->serverAddress().contains("pwd"_L1));
}

void TestLoginDialog::shouldShowTheCredentialsOfAPastedLinkBeforeSigningIn()
{
    m_server->addMember(u"user"_s, u"neko"_s, QJsonObject {{"name"_L1, "User"_L1}});
    m_dialog->show();
    QTest::keyClicks(field("serverLineEdit"),
                     u"127.0.0.1:%1/?usr=user&pwd=neko"_s.arg(m_server->port()));
    QCOMPARE(field("usernameLineEdit")->text(), u"user"_s);
    QCOMPARE(field("passwordLineEdit")->text(), u"neko"_s);

    // What the fields say is who signs in, even when changed after the paste.
    field("usernameLineEdit")->clear();
    QTest::keyClicks(field("usernameLineEdit"), u"admin"_s);
    field("passwordLineEdit")->clear();
    QTest::keyClicks(field("passwordLineEdit"), u"admin"_s);
    QSignalSpy signedIn(m_dialog.get(), &LoginDialog::signedIn);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);
    QTRY_COMPARE(signedIn.size(), 1);
    QCOMPARE(signedIn.first().first().value<SessionData>().id, u"admin"_s);
}

void TestLoginDialog::shouldTakeAPastedLinksPasswordOutOfTheServerFieldAtOnce_data()
{
    QTest::addColumn<QString>("before"); // what the field held before the paste
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");

    QTest::addRow("web-client link into an empty field")
            << QString() << u"http://localhost:8471/neko/?usr=user&pwd=s3cret"_s
            << u"http://localhost:8471/neko/"_s << u"user"_s << u"s3cret"_s;
    QTest::addRow("user info into an empty field")
            << QString() << u"http://user:s3cret@localhost:8471/"_s << u"http://localhost:8471/"_s
            << u"user"_s << u"s3cret"_s;
    QTest::addRow("link over the remembered address")
            << u"http://localhost:8471/"_s << u"https://neko.example.com/?usr=admin&pwd=s3cret"_s
            << u"https://neko.example.com/"_s << u"admin"_s << u"s3cret"_s;
}

void TestLoginDialog::shouldTakeAPastedLinksPasswordOutOfTheServerFieldAtOnce()
{
    QFETCH(QString, before);
    QFETCH(QString, link);
    QFETCH(QString, shown);
    QFETCH(QString, username);
    QFETCH(QString, password);

    m_dialog->setServerAddress(before);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QLineEdit *server = field("serverLineEdit");
    server->setFocus();
    server->selectAll();
    QGuiApplication::clipboard()->setText(link);
    QTest::keyClick(server, Qt::Key_V, Qt::ControlModifier);

    // Still in the field, before Sign In or anything else.
    QCOMPARE(QApplication::focusWidget(), server);
    QCOMPARE(server->text(), shown);
    QCOMPARE(field("usernameLineEdit")->text(), username);
    QCOMPARE(field("passwordLineEdit")->text(), password);

    // Nor does Undo bring the link back.
    QTest::keyClick(server, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(!server->text().contains(password), qPrintable(server->text()));
}

void TestLoginDialog::shouldNotRewriteALinkWhileItIsTypedButWhenEditingEnds()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QLineEdit *server = field("serverLineEdit");
    server->setFocus();

    // Every key leaves exactly what was typed so far.
    const QString link = u"localhost:8471/?usr=a&pwd=b"_s;
    for (qsizetype typed = 1; typed <= link.size(); ++typed) {
        QTest::keyClick(server, link.at(typed - 1).toLatin1());
        QCOMPARE(server->text(), link.left(typed));
    }
    QCOMPARE(field("usernameLineEdit")->text(), u"a"_s);
    QCOMPARE(field("passwordLineEdit")->text(), u"b"_s);

    // Leaving the field ends the editing.
    field("passwordLineEdit")->setFocus();
    QTRY_COMPARE(server->text(), u"http://localhost:8471/"_s);
    QCOMPARE(field("passwordLineEdit")->text(), u"b"_s);
}

void TestLoginDialog::shouldLetALinksCredentialsWinOverARememberedUsername_data()
{
    QTest::addColumn<bool>("linkFirst"); // the order in which the two are set
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("username"); // who signs in

    QTest::addRow("link, then remembered username")
            << true << u"?usr=admin&pwd=admin"_s << u"admin"_s;
    QTest::addRow("remembered username, then link")
            << false << u"?usr=admin&pwd=admin"_s << u"admin"_s;
    QTest::addRow("plain address, then remembered username") << true << QString() << u"user"_s;
}

void TestLoginDialog::shouldLetALinksCredentialsWinOverARememberedUsername()
{
    QFETCH(bool, linkFirst);
    QFETCH(QString, query);
    QFETCH(QString, username);

    // Like --server with a link while the settings remember another member.
    m_server->addMember(u"user"_s, u"neko"_s,
                        QJsonObject {{"name"_L1, "User"_L1}, {"can_login"_L1, true}});
    const QString link = m_server->baseUrl().toString() + query;
    if (linkFirst) {
        m_dialog->setServerAddress(link);
        m_dialog->setUsername(u"user"_s);
    } else {
        m_dialog->setUsername(u"user"_s);
        m_dialog->setServerAddress(link);
    }
    m_dialog->show();
    m_dialog->focusFirstEmptyField();
    QCOMPARE(field("usernameLineEdit")->text(), username);
    QCOMPARE(field("serverLineEdit")->text(), m_server->baseUrl().toString());

    if (query.isEmpty())
        QTest::keyClicks(field("passwordLineEdit"), u"neko"_s);
    QSignalSpy signedIn(m_dialog.get(), &LoginDialog::signedIn);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);
    QTRY_COMPARE(signedIn.size(), 1);
    QCOMPARE(signedIn.first().first().value<SessionData>().id, username);
}

void TestLoginDialog::shouldSayWhatToCheckWhenNothingListens()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    m_dialog->setServerAddress(u"127.0.0.1:%1"_s.arg(port));
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();
    QTest::keyClicks(field("passwordLineEdit"), u"admin"_s);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);

    QTRY_VERIFY(!bannerText().isEmpty());
    QVERIFY2(bannerText().contains("connection refused"_L1), qPrintable(bannerText()));
    QVERIFY(field("passwordLineEdit")->isEnabled());
}

void TestLoginDialog::shouldRefuseAnAddressThatIsNotOne()
{
    m_dialog->setServerAddress(u"ftp://host/"_s);
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);

    QVERIFY2(bannerText().contains("http"_L1), qPrintable(bannerText()));
    QVERIFY(m_server->requests().isEmpty());
}

void TestLoginDialog::shouldClearWhatWasSaidAboutAFieldOnceItIsEdited_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("message"); // part of what is said
    QTest::addColumn<QString>("invalid"); // the field it is about

    QTest::addRow("no address") << QString() << u"admin"_s << u"Enter the address"_s
                                << u"serverLineEdit"_s;
    QTest::addRow("not an address")
            << u"ftp://host/"_s << u"admin"_s << u"http"_s << u"serverLineEdit"_s;
    QTest::addRow("mistyped scheme")
            << u"http//localhost:8471"_s << u"admin"_s << u"Did you mean"_s << u"serverLineEdit"_s;
    QTest::addRow("no username") << u"localhost:8471"_s << QString() << u"Enter a username"_s
                                 << u"usernameLineEdit"_s;
}

void TestLoginDialog::shouldClearWhatWasSaidAboutAFieldOnceItIsEdited()
{
    QFETCH(QString, server);
    QFETCH(QString, username);
    QFETCH(QString, message);
    QFETCH(QString, invalid);

    m_dialog->setServerAddress(server);
    m_dialog->setUsername(username);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);
    QVERIFY2(bannerText().contains(message), qPrintable(bannerText()));
    auto *edited = m_dialog->findChild<QLineEdit *>(invalid);
    QCOMPARE(QApplication::focusWidget(), edited);

    // Typing elsewhere fixes nothing the message is about.
    QTest::keyClicks(field("passwordLineEdit"), u"pw"_s);
    QVERIFY2(bannerText().contains(message), qPrintable(bannerText()));

    QTest::keyClicks(edited, u"x"_s);
    QCOMPARE(bannerText(), QString());
}

void TestLoginDialog::shouldClearAFailureOnceTheAddressIsEdited()
{
    // Port 1 on the loopback: nothing listens there, so the connection is refused.
    m_dialog->setServerAddress(u"127.0.0.1:1"_s);
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QTest::keyClicks(field("passwordLineEdit"), u"admin"_s);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);
    QTRY_VERIFY2(bannerText().contains("Nothing answers"_L1), qPrintable(bannerText()));

    // A new password does not make the address answer; a new address may.
    QTest::keyClicks(field("passwordLineEdit"), u"x"_s);
    QVERIFY(!bannerText().isEmpty());
    field("serverLineEdit")->setFocus();
    QTest::keyClick(field("serverLineEdit"), Qt::Key_Backspace);
    QCOMPARE(bannerText(), QString());
}

void TestLoginDialog::shouldCloseOnEscape()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QTest::keyClick(field("serverLineEdit"), Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!m_dialog->isVisible());
}

void TestLoginDialog::shouldLabelEveryFieldWithAMnemonicAndABuddy()
{
    const QList<QLineEdit *> fields = m_dialog->findChildren<QLineEdit *>();
    QCOMPARE(fields.size(), 3);
    for (QLineEdit *edit : fields) {
        const QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
        const auto label = std::find_if(labels.begin(), labels.end(),
                                        [edit](QLabel *l) { return l->buddy() == edit; });
        QVERIFY2(label != labels.end(), qPrintable(edit->objectName()));
        QVERIFY((*label)->text().contains(u'&'));
    }
}

void TestLoginDialog::shouldOfferRememberMeOffByDefaultAfterThePassword()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    auto *remember = m_dialog->findChild<QCheckBox *>(u"rememberCheckBox"_s);
    QVERIFY(!remember->isChecked());
    QVERIFY(remember->text().contains(u'&'));

    field("passwordLineEdit")->setFocus();
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), remember);
}

void TestLoginDialog::shouldWarnBeforeSendingAPasswordOverPlainHttp_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("warned");

    QTest::addRow("http to a remote host") << u"http://neko.example.com:8080"_s << true;
    QTest::addRow("no scheme, remote host") << u"192.168.1.5:8080"_s << true;
    QTest::addRow("pasted link over http") << u"neko.example.com/?usr=a&pwd=b"_s << true;
    QTest::addRow("https") << u"https://neko.example.com/neko/"_s << false;
    QTest::addRow("localhost") << u"localhost:8080"_s << false;
    QTest::addRow("loopback address") << u"http://127.0.0.1:8080"_s << false;
    QTest::addRow("IPv6 loopback") << u"http://[::1]:8080"_s << false;
    QTest::addRow("nothing typed yet") << QString() << false;
}

void TestLoginDialog::shouldWarnBeforeSendingAPasswordOverPlainHttp()
{
    QFETCH(QString, address);
    QFETCH(bool, warned);

    m_dialog->show();
    QTest::keyClicks(field("serverLineEdit"), address);
    auto *warning = m_dialog->findChild<QLabel *>(u"plainHttpLabel"_s);
    QCOMPARE(warning->isVisible(), warned);

    // A warning, not a block: Sign In stays available.
    QVERIFY(m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

std::optional<TestCertificate> TestLoginDialog::certificate()
{
    // openssl takes a moment to make one; one for the whole run is enough.
    static const std::optional<TestCertificate> made = [] {
        QString error;
        std::optional<TestCertificate> tls = TestCertificate::create(&error);
        if (!tls)
            qWarning("no test certificate: %s", qPrintable(error));
        return tls;
    }();
    return made;
}

std::unique_ptr<FakeNekoServer> TestLoginDialog::tlsServer(const TestCertificate &tls) const
{
    auto server = std::make_unique<FakeNekoServer>();
    QJsonObject profile {{"name"_L1, "Admin"_L1}};
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.insert(flag.key, true);
    server->addMember(u"admin"_s, u"admin"_s, profile);
    server->useTls(tls.certificate, tls.key);
    if (!server->listen())
        return nullptr;
    return server;
}

std::unique_ptr<FakeNekoServer> TestLoginDialog::signInToSelfSignedServer()
{
    const std::optional<TestCertificate> tls = certificate();
    if (!tls)
        return nullptr;
    std::unique_ptr<FakeNekoServer> server = tlsServer(*tls);
    if (server)
        signInTo(*server);
    return server;
}

void TestLoginDialog::signInTo(const FakeNekoServer &server)
{
    m_dialog->setServerAddress(server.baseUrl().toString());
    m_dialog->setUsername(u"admin"_s);
    m_dialog->show();
    QTest::keyClicks(field("passwordLineEdit"), u"admin"_s);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);
}

void TestLoginDialog::shouldOfferToTrustASelfSignedCertificateAndRememberIt()
{
    const std::unique_ptr<FakeNekoServer> server = signInToSelfSignedServer();
    QVERIFY(server);
    const std::optional<TestCertificate> tls = certificate();

    QTRY_VERIFY(!bannerText().isEmpty());
    const QByteArray fingerprint = CertificateTrust::fingerprint(tls->certificate);
    QVERIFY2(bannerText().remove(u'\n').contains(CertificateTrust::format(fingerprint)),
             qPrintable(bannerText()));
    QVERIFY2(bannerText().contains("127.0.0.1"_L1), qPrintable(bannerText()));
    QVERIFY(!m_client->isSignedIn());
    auto *trust = m_dialog->findChild<QPushButton *>(u"trustCertificateButton"_s);
    QVERIFY(trust && trust->isVisible());

    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QTest::mouseClick(trust, Qt::LeftButton);
    QTRY_COMPARE(accepted.size(), 1);
    QVERIFY(m_client->isSignedIn());
    QCOMPARE(CertificateTrust::trusted(server->baseUrl()), fingerprint);

    // The next sign-in to that server takes the certificate without asking.
    LoginDialog again(m_client.get());
    again.setServerAddress(server->baseUrl().toString());
    again.setUsername(u"admin"_s);
    again.show();
    QSignalSpy acceptedAgain(&again, &QDialog::accepted);
    auto *password = again.findChild<QLineEdit *>(u"passwordLineEdit"_s);
    QTest::keyClicks(password, u"admin"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE(acceptedAgain.size(), 1);
}

void TestLoginDialog::shouldSayWhenATrustedCertificateChanged()
{
    const std::optional<TestCertificate> tls = certificate();
    QVERIFY(tls);
    QString error;
    const std::optional<TestCertificate> other = TestCertificate::create(&error);
    QVERIFY2(other, qPrintable(error));

    // The admin trusted another certificate for this very server before.
    const std::unique_ptr<FakeNekoServer> server = tlsServer(*tls);
    QVERIFY(server);
    CertificateTrust::trust(server->baseUrl(), CertificateTrust::fingerprint(other->certificate));
    signInTo(*server);

    QTRY_VERIFY(!bannerText().isEmpty());
    QVERIFY2(bannerText().contains("has changed"_L1), qPrintable(bannerText()));
    QVERIFY2(bannerText().remove(u'\n').contains(
                     CertificateTrust::format(CertificateTrust::fingerprint(tls->certificate))),
             qPrintable(bannerText()));
    QVERIFY(!m_client->isSignedIn());
    QVERIFY(m_dialog->findChild<QPushButton *>(u"trustCertificateButton"_s));
}

void TestLoginDialog::shouldShowALongMessageWhole()
{
    // A refused certificate brings the longest message, with a fingerprint that has no space
    // to wrap at.
    const std::unique_ptr<FakeNekoServer> server = signInToSelfSignedServer();
    QVERIFY(server);
    QTRY_VERIFY(!bannerText().isEmpty());

    auto *text = m_dialog->findChild<MessageBanner *>(u"errorBanner"_s)
                         ->findChild<QLabel *>(u"messageText"_s);
    QTRY_VERIFY2(text->height() >= text->heightForWidth(text->width()),
                 qPrintable(u"%1 px tall, needs %2"_s.arg(text->height())
                                    .arg(text->heightForWidth(text->width()))));
    QVERIFY2(text->minimumSizeHint().width() <= 480,
             qPrintable(u"%1 px wide at least"_s.arg(text->minimumSizeHint().width())));

    // The plain-http warning appearing under it must not squeeze it either.
    m_dialog->setServerAddress(u"http://neko.example.com/"_s);
    QVERIFY(m_dialog->findChild<QLabel *>(u"plainHttpLabel"_s)->isVisible());
    auto *warning = m_dialog->findChild<QLabel *>(u"plainHttpLabel"_s);
    QTest::qWait(50);
    QVERIFY(warning->height() >= warning->heightForWidth(warning->width()));
    QVERIFY2(text->height() >= text->heightForWidth(text->width()),
             qPrintable(u"%1 px tall, needs %2"_s.arg(text->height())
                                .arg(text->heightForWidth(text->width()))));
}

void TestLoginDialog::shouldDropTheTrustOfferWhenTheAddressChanges()
{
    const std::unique_ptr<FakeNekoServer> server = signInToSelfSignedServer();
    QVERIFY(server);
    QTRY_VERIFY(m_dialog->findChild<QPushButton *>(u"trustCertificateButton"_s));

    // The offer was for the certificate of the server that was typed before.
    field("serverLineEdit")->setFocus();
    QTest::keyClick(field("serverLineEdit"), Qt::Key_Backspace);
    QVERIFY(!m_dialog->findChild<QPushButton *>(u"trustCertificateButton"_s));
    QVERIFY(bannerText().isEmpty());
}

void TestLoginDialog::shouldKeepEnterOnSignInAfterACertificateError()
{
    const std::unique_ptr<FakeNekoServer> server = signInToSelfSignedServer();
    QVERIFY(server);
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QTRY_VERIFY(m_dialog->findChild<QPushButton *>(u"trustCertificateButton"_s));

    QTRY_COMPARE(QApplication::focusWidget(), field("passwordLineEdit"));
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QTest::keyClick(field("passwordLineEdit"), Qt::Key_Return);
    QCOMPARE(rejected.size(), 0);
    QVERIFY(m_dialog->isVisible());
}

void TestLoginDialog::shouldNotReopenAsTallAsALongMessageMadeIt()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    const int plain = m_dialog->height();
    const std::unique_ptr<FakeNekoServer> server = signInToSelfSignedServer();
    QVERIFY(server);
    QTRY_VERIFY(m_dialog->height() > plain);
    m_dialog->reject();

    LoginDialog again(m_client.get());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.height(), plain);
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
