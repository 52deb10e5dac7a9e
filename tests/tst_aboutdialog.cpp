// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldShowTheVersion();
    void shouldNameTheLicenceAndLinkToIt();
    void shouldShowTheIcon();
    void shouldSayWhichServerItIsConnectedTo_data();
    void shouldSayWhichServerItIsConnectedTo();
    void shouldNeverShowCredentialsOfTheAddress();
    void shouldCloseWithTheCloseButton();
    void shouldCloseOnEscape();

private:
    QLabel *label(const char *name) const;

    std::unique_ptr<AboutDialog> m_dialog;
};

void TestAboutDialog::initTestCase()
{
    QCoreApplication::setApplicationVersion(u"1.2.3"_s);
}

void TestAboutDialog::init()
{
    m_dialog = std::make_unique<AboutDialog>();
}

void TestAboutDialog::cleanup()
{
    m_dialog.reset();
}

QLabel *TestAboutDialog::label(const char *name) const
{
    auto *found = m_dialog->findChild<QLabel *>(QLatin1StringView(name));
    if (!found)
        qFatal("no QLabel named %s", name);
    return found;
}

void TestAboutDialog::shouldShowTheVersion()
{
    QCOMPARE(label("versionLabel")->text(), u"Version 1.2.3"_s);
}

void TestAboutDialog::shouldNameTheLicenceAndLinkToIt()
{
    QLabel *licence = label("licenceLabel");
    QVERIFY(licence->text().contains("GPL-3.0-or-later"_L1));
    QVERIFY(licence->text().contains("href=\"https://www.gnu.org/licenses/gpl-3.0.html\""_L1));
    QVERIFY(licence->openExternalLinks());

    QLabel *homepage = label("homepageLabel");
    QVERIFY(homepage->text().contains("https://"_L1));
    QVERIFY(homepage->openExternalLinks());
}

void TestAboutDialog::shouldShowTheIcon()
{
    QVERIFY(!label("iconLabel")->pixmap().isNull());

    // Every hicolor size is built in, so no size is scaled from another.
    const QList<QSize> sizes = AboutDialog::applicationIcon().availableSizes();
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QString::number(size)));
}

void TestAboutDialog::shouldSayWhichServerItIsConnectedTo_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<QString>("expected");

    QTest::newRow("signed in") << QUrl(u"https://neko.example/neko/"_s) << true
                               << u"Connected to https://neko.example/neko/."_s;
    QTest::newRow("signed out") << QUrl(u"http://localhost:8080/"_s) << false
                                << u"Not signed in; the last server was http://localhost:8080/."_s;
    QTest::newRow("never signed in") << QUrl() << false << u"Not connected to a neko server."_s;
}

void TestAboutDialog::shouldSayWhichServerItIsConnectedTo()
{
    QFETCH(QUrl, server);
    QFETCH(bool, signedIn);
    QFETCH(QString, expected);

    m_dialog->setServer(server, signedIn);

    QCOMPARE(label("serverLabel")->text(), expected);
}

void TestAboutDialog::shouldNeverShowCredentialsOfTheAddress()
{
    m_dialog->setServer(QUrl(u"http://admin:secret@neko.example:8080/"_s), true);

    QCOMPARE(label("serverLabel")->text(), u"Connected to http://neko.example:8080/."_s);
}

void TestAboutDialog::shouldCloseWithTheCloseButton()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);

    auto *closeButton = m_dialog->findChild<QPushButton *>(u"closeButton"_s);
    QVERIFY(closeButton);
    QTest::mouseClick(closeButton, Qt::LeftButton);

    QCOMPARE(finished.count(), 1);
    QVERIFY(!m_dialog->isVisible());
}

void TestAboutDialog::shouldCloseOnEscape()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));

    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);

    QVERIFY(!m_dialog->isVisible());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
