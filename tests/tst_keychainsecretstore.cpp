// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Runs where no keychain service can answer (CTest points the session bus nowhere), as on a
// desktop without GNOME Keyring or KWallet: what the app then hears must say so.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSayThatNoKeychainAnswered_data();
    void shouldSayThatNoKeychainAnswered();
};

void TestKeychainSecretStore::shouldSayThatNoKeychainAnswered_data()
{
    QTest::addColumn<QString>("call");
    QTest::addRow("write") << u"write"_s;
    QTest::addRow("read") << u"read"_s;
    QTest::addRow("remove") << u"remove"_s;
}

void TestKeychainSecretStore::shouldSayThatNoKeychainAnswered()
{
    QFETCH(QString, call);
    KeychainSecretStore store(u"io.github.nekoeditor.ProfileEditor.tests"_s);
    std::optional<SecretStore::Result> answer;
    const auto done = [&answer](const SecretStore::Result &result) { answer = result; };
    if (call == "write"_L1)
        store.write(u"key"_s, u"secret"_s, this, done);
    else if (call == "read"_L1)
        store.read(u"key"_s, this, done);
    else
        store.remove(u"key"_s, this, done);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 30000);

    QCOMPARE(answer->status, SecretStore::Status::Unavailable);
    QVERIFY(answer->secret.isEmpty());
    QVERIFY2(!answer->errorString.isEmpty()
                     && !answer->errorString.contains("Unknown error"_L1, Qt::CaseInsensitive),
             qPrintable(answer->errorString));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
