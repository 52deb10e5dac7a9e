// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestServerAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNormaliseAddress_data();
    void shouldNormaliseAddress();
    void shouldRejectInvalidAddress_data();
    void shouldRejectInvalidAddress();
    void shouldPointOutAMistypedAddress_data();
    void shouldPointOutAMistypedAddress();
    void shouldKeepPathPrefix_data();
    void shouldKeepPathPrefix();
};

void TestServerAddress::shouldNormaliseAddress_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("loginUrl");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");

    QTest::addRow("host and port without scheme means http")
            << u"host:8080"_s << u"http://host:8080/"_s << u"http://host:8080/api/login"_s
            << QString() << QString();
    QTest::addRow("host without port or scheme")
            << u"neko.example.org"_s << u"http://neko.example.org/"_s
            << u"http://neko.example.org/api/login"_s << QString() << QString();
    QTest::addRow("default port written out is kept, so it counts as given")
            << u"host:80"_s << u"http://host:80/"_s << u"http://host:80/api/login"_s << QString()
            << QString();
    QTest::addRow("http with port, no slash")
            << u"http://host:8080"_s << u"http://host:8080/"_s << u"http://host:8080/api/login"_s
            << QString() << QString();
    QTest::addRow("https with path prefix and slash")
            << u"https://host/neko/"_s << u"https://host/neko/"_s
            << u"https://host/neko/api/login"_s << QString() << QString();
    QTest::addRow("https with path prefix, no slash")
            << u"https://host/neko"_s << u"https://host/neko/"_s << u"https://host/neko/api/login"_s
            << QString() << QString();
    QTest::addRow("upper-case scheme and host")
            << u"HTTP://Host:8080/"_s << u"http://host:8080/"_s << u"http://host:8080/api/login"_s
            << QString() << QString();
    QTest::addRow("web-client link with usr and pwd")
            << u"http://host:8080/?usr=admin&pwd=secret"_s << u"http://host:8080/"_s
            << u"http://host:8080/api/login"_s << u"admin"_s << u"secret"_s;
    QTest::addRow("web-client link without scheme")
            << u"host:8080/?usr=admin&pwd=secret"_s << u"http://host:8080/"_s
            << u"http://host:8080/api/login"_s << u"admin"_s << u"secret"_s;
    QTest::addRow("web-client link under a prefix")
            << u"https://host/neko/?pwd=secret&usr=admin"_s << u"https://host/neko/"_s
            << u"https://host/neko/api/login"_s << u"admin"_s << u"secret"_s;
    QTest::addRow("percent-encoded usr and pwd")
            << u"http://host/?usr=ad%20min&pwd=p%26ss%3Dw%C3%B6rd"_s << u"http://host/"_s
            << u"http://host/api/login"_s << u"ad min"_s << u"p&ss=wörd"_s;
    QTest::addRow("other query items dropped")
            << u"http://host:8080/?embed=1&usr=admin"_s << u"http://host:8080/"_s
            << u"http://host:8080/api/login"_s << u"admin"_s << QString();
    QTest::addRow("fragment dropped") << u"http://host:8080/#/room"_s << u"http://host:8080/"_s
                                      << u"http://host:8080/api/login"_s << QString() << QString();
    QTest::addRow("user info taken as credentials")
            << u"http://admin:secret@host:8080/"_s << u"http://host:8080/"_s
            << u"http://host:8080/api/login"_s << u"admin"_s << u"secret"_s;
    QTest::addRow("user info without scheme, percent-encoded")
            << u"ad%20min:s%40cret@host:8080"_s << u"http://host:8080/"_s
            << u"http://host:8080/api/login"_s << u"ad min"_s << u"s@cret"_s;
    QTest::addRow("user info with a username only")
            << u"https://admin@host/neko/"_s << u"https://host/neko/"_s
            << u"https://host/neko/api/login"_s << u"admin"_s << QString();
    QTest::addRow("usr and pwd win over user info, as a pair")
            << u"http://other:secret2@host/?usr=admin&pwd=secret"_s << u"http://host/"_s
            << u"http://host/api/login"_s << u"admin"_s << u"secret"_s;
    QTest::addRow("pwd alone does not pair with the user info's username")
            << u"http://other@host/?pwd=secret"_s << u"http://host/"_s << u"http://host/api/login"_s
            << QString() << u"secret"_s;
    QTest::addRow("IPv6 literal with port, no scheme")
            << u"[::1]:8080"_s << u"http://[::1]:8080/"_s << u"http://[::1]:8080/api/login"_s
            << QString() << QString();
    QTest::addRow("IPv6 literal with https")
            << u"https://[::1]/neko"_s << u"https://[::1]/neko/"_s
            << u"https://[::1]/neko/api/login"_s << QString() << QString();
    QTest::addRow("plus in usr and pwd means a space, as in a browser")
            << u"http://host/?usr=ad+min&pwd=a%2Bb+c"_s << u"http://host/"_s
            << u"http://host/api/login"_s << u"ad min"_s << u"a+b c"_s;
    QTest::addRow("scheme-like text in the query of a link without scheme")
            << u"host:8080/?usr=a&pwd=x://y"_s << u"http://host:8080/"_s
            << u"http://host:8080/api/login"_s << u"a"_s << u"x://y"_s;
    QTest::addRow("host name starting with http")
            << u"https.example.com/https/"_s << u"http://https.example.com/https/"_s
            << u"http://https.example.com/https/api/login"_s << QString() << QString();
    QTest::addRow("surrounding whitespace")
            << u"  \thost:8080 \n"_s << u"http://host:8080/"_s << u"http://host:8080/api/login"_s
            << QString() << QString();

    // Calls resolve "." and ".." segments away, so the prefix that is shown and stored must
    // have none: found by fuzzing, from "h/." on.
    QTest::addRow("lone dot segment")
            << u"h/."_s << u"http://h/"_s << u"http://h/api/login"_s << QString() << QString();
    QTest::addRow("dot-dot segment leaves the prefix")
            << u"https://host/neko/../"_s << u"https://host/"_s << u"https://host/api/login"_s
            << QString() << QString();
    QTest::addRow("dot segments, escaped or not")
            << u"http://host:8080/./apps/%2e%2E/neko/."_s << u"http://host:8080/neko/"_s
            << u"http://host:8080/neko/api/login"_s << QString() << QString();

    // Segments that only look like dot segments are real ones, and so are empty segments and
    // escaped slashes: the prefix is what the proxy is configured with.
    QTest::addRow("segment starting with a dot")
            << u"https://host/a/.x/neko"_s << u"https://host/a/.x/neko/"_s
            << u"https://host/a/.x/neko/api/login"_s << QString() << QString();
    QTest::addRow("repeated slashes")
            << u"https://host/a//neko/"_s << u"https://host/a//neko/"_s
            << u"https://host/a//neko/api/login"_s << QString() << QString();
    QTest::addRow("escaped slash inside a segment")
            << u"https://host/a%2Fb/"_s << u"https://host/a%2Fb/"_s
            << u"https://host/a%2Fb/api/login"_s << QString() << QString();
}

void TestServerAddress::shouldNormaliseAddress()
{
    QFETCH(QString, input);
    QFETCH(QString, baseUrl);
    QFETCH(QString, loginUrl);
    QFETCH(QString, username);
    QFETCH(QString, password);

    const ServerAddress address = ServerAddress::parse(input);

    QVERIFY2(address.isValid(), qPrintable(address.error()));
    QVERIFY(address.error().isEmpty());
    QCOMPARE(address.baseUrl().toString(), baseUrl);
    QCOMPARE(address.apiUrl(u"login"_s).toString(), loginUrl);
    QCOMPARE(address.linkUsername(), username);
    QCOMPARE(address.linkPassword(), password);

    // Nothing of the query, fragment or user info may survive into the address that is shown
    // and stored: it could carry the password.
    QCOMPARE(address.baseUrl().query(), QString());
    QCOMPARE(address.baseUrl().fragment(), QString());
    QCOMPARE(address.baseUrl().userInfo(), QString());
    QVERIFY(!address.displayString().contains(u"secret"_s));
    QCOMPARE(address.hasLinkCredentials(), !username.isEmpty() || !password.isEmpty());

    // The settings keep the display string, and the sign-in dialog reads it back.
    QCOMPARE(ServerAddress::parse(address.displayString()).baseUrl(), address.baseUrl());
}

void TestServerAddress::shouldRejectInvalidAddress_data()
{
    QTest::addColumn<QString>("input");

    QTest::addRow("empty") << QString();
    QTest::addRow("only whitespace") << u"  \t "_s;
    QTest::addRow("ftp scheme") << u"ftp://host"_s;
    QTest::addRow("websocket scheme") << u"ws://host:8080/"_s;
    QTest::addRow("scheme without host") << u"http://"_s;
    QTest::addRow("words with spaces") << u"not a server"_s;
    QTest::addRow("only colons") << u"::::"_s;
    QTest::addRow("port out of range") << u"http://host:99999/"_s;
    QTest::addRow("port not a number") << u"host:port"_s;
}

void TestServerAddress::shouldRejectInvalidAddress()
{
    QFETCH(QString, input);

    const ServerAddress address = ServerAddress::parse(input);

    QVERIFY(!address.isValid());
    QVERIFY(!address.error().isEmpty());
    QVERIFY(address.baseUrl().isEmpty());
}

void TestServerAddress::shouldPointOutAMistypedAddress_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("hint"); // what the error must say

    QTest::addRow("http without its colon")
            << u"http//localhost:8471"_s << u"Did you mean http://localhost:8471?"_s;
    QTest::addRow("https without its colon") << u"https//neko.example.com/neko/"_s
                                             << u"Did you mean https://neko.example.com/neko/?"_s;
    QTest::addRow("one slash") << u"http:/localhost:8471"_s
                               << u"Did you mean http://localhost:8471?"_s;
    QTest::addRow("three slashes") << u"https:///host"_s << u"Did you mean https://host?"_s;
    QTest::addRow("upper case") << u"HTTP//Host:8080/"_s << u"Did you mean http://host:8080?"_s;
    QTest::addRow("what was typed is quoted")
            << u"http//localhost:8471"_s << u"\"http//\" where \"http://\" belongs"_s;
    QTest::addRow("nothing sensible after it")
            << u"http//:99999"_s << u"where \"http://\" belongs."_s;
    QTest::addRow("port typed after the slash")
            << u"http://localhost/:8473"_s << u"Did you mean http://localhost:8473?"_s;
    QTest::addRow("port typed after a slash that dot segments leave")
            << u"host/../:8088"_s << u"Did you mean http://host:8088?"_s;
    QTest::addRow("port typed after the slash, with a prefix")
            << u"https://host/:8443/neko/"_s << u"Did you mean https://host:8443/neko/?"_s;
}

void TestServerAddress::shouldPointOutAMistypedAddress()
{
    QFETCH(QString, input);
    QFETCH(QString, hint);

    const ServerAddress address = ServerAddress::parse(input);
    QVERIFY(!address.isValid());
    QVERIFY2(address.error().contains(hint), qPrintable(address.error()));
    QVERIFY(address.baseUrl().isEmpty());

    // A link's password never shows in the message.
    const ServerAddress link = ServerAddress::parse(input + u"?usr=admin&pwd=secret"_s);
    QVERIFY(!link.isValid());
    QVERIFY2(!link.error().contains(u"secret"_s), qPrintable(link.error()));
}

void TestServerAddress::shouldKeepPathPrefix_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("apiUrl");

    QTest::addRow("login at the root")
            << u"http://host:8080"_s << u"login"_s << u"http://host:8080/api/login"_s;
    QTest::addRow("whoami under one segment")
            << u"https://host/neko"_s << u"whoami"_s << u"https://host/neko/api/whoami"_s;
    QTest::addRow("profile under two segments") << u"https://host/apps/neko/"_s << u"profile"_s
                                                << u"https://host/apps/neko/api/profile"_s;
    QTest::addRow("link query not carried into api url")
            << u"https://host/neko/?usr=admin&pwd=secret"_s << u"logout"_s
            << u"https://host/neko/api/logout"_s;
}

void TestServerAddress::shouldKeepPathPrefix()
{
    QFETCH(QString, input);
    QFETCH(QString, endpoint);
    QFETCH(QString, apiUrl);

    const ServerAddress address = ServerAddress::parse(input);
    QVERIFY2(address.isValid(), qPrintable(address.error()));

    QCOMPARE(address.apiUrl(endpoint).toString(), apiUrl);
    QCOMPARE(ServerAddress::apiUrl(address.baseUrl(), endpoint).toString(), apiUrl);
}

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
