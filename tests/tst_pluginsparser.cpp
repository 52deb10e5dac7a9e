// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pluginsparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in a test row: %s", json.constData());
    return document.object();
}

} // namespace

class TestPluginsParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldListDocumentedKeys();
    void shouldAcceptObject_data();
    void shouldAcceptObject();
    void shouldRejectWithPosition_data();
    void shouldRejectWithPosition();
    void shouldFormatMessage_data();
    void shouldFormatMessage();
    void shouldFormatToTextThatParsesBack_data();
    void shouldFormatToTextThatParsesBack();
};

void TestPluginsParser::shouldListDocumentedKeys()
{
    // The boolean keys neko documents (SERVER-BEHAVIOR.md §8).
    QStringList keys;
    for (const KnownPluginKey &known : PluginsParser::knownKeys()) {
        keys << QString(known.key);
        QVERIFY(known.description && *known.description);
    }
    keys.sort();
    QCOMPARE(keys,
             QStringList({u"chat.can_receive"_s, u"chat.can_send"_s, u"filetransfer.enabled"_s}));
}

void TestPluginsParser::shouldAcceptObject_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonObject>("plugins");

    QTest::addRow("empty object") << u"{}"_s << QJsonObject();
    QTest::addRow("empty object over lines") << u"\n{\n}\n"_s << QJsonObject();
    QTest::addRow("known keys as booleans")
            << u"{\"chat.can_send\": false, \"chat.can_receive\": true, "
               "\"filetransfer.enabled\": false}"_s
            << object(R"({"chat.can_send": false, "chat.can_receive": true,
                          "filetransfer.enabled": false})");
    QTest::addRow("known key null means not set")
            << u"{\"chat.can_send\": null}"_s << object(R"({"chat.can_send": null})");
    QTest::addRow("unknown keys with any values")
            << u"{\"x.text\": \"yes\", \"x.number\": 0, \"x.list\": [1, \"a\"], "
               "\"x.object\": {\"chat.can_send\": \"nested is not a key\"}, \"x.null\": null}"_s
            << object(R"({"x.text": "yes", "x.number": 0, "x.list": [1, "a"],
                          "x.object": {"chat.can_send": "nested is not a key"},
                          "x.null": null})");
    QTest::addRow("known name under another plugin prefix")
            << u"{\"Chat.can_send\": \"no\", \"mychat.can_send\": 0}"_s
            << object(R"({"Chat.can_send": "no", "mychat.can_send": 0})");
    QTest::addRow("unicode keys and values")
            << u"{\"ünï.kéy\": \"日本語\", \"chat.can_send\": true}"_s
            << object(R"({"ünï.kéy": "日本語", "chat.can_send": true})");
    QTest::addRow("the same key in two nested objects")
            << u"{\"x\": {\"a\": 1}, \"y\": {\"a\": 2}}"_s
            << object(R"({"x": {"a": 1}, "y": {"a": 2}})");
    QTest::addRow("surrounding whitespace")
            << u"  \n\t{\"chat.can_send\": true}\n\n"_s << object(R"({"chat.can_send": true})");
}

void TestPluginsParser::shouldAcceptObject()
{
    QFETCH(QString, text);
    QFETCH(QJsonObject, plugins);

    const PluginsParseResult result = PluginsParser::parse(text);

    QVERIFY2(result.ok, qPrintable(result.message()));
    QCOMPARE(result.plugins, plugins);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.line, 0);
    QCOMPARE(result.column, 0);
}

void TestPluginsParser::shouldRejectWithPosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("mentions"); // a part the error must contain, if any

    // No text has no position.
    QTest::addRow("empty text") << QString() << 0 << 0 << QString();
    QTest::addRow("only whitespace") << u" \n\t\n"_s << 0 << 0 << QString();

    // Valid JSON that is not an object.
    QTest::addRow("empty array") << u"[]"_s << 1 << 1 << QString();
    QTest::addRow("array of objects") << u"[{\"chat.can_send\": true}]"_s << 1 << 1 << QString();

    // Syntax errors. The positions are those Qt's parser reports, just after the character
    // where it gave up (for a missing comma, the first character of the next key), except for
    // a misspelt value, where the start of the word is more use.
    QTest::addRow("top-level true") << u"true"_s << 1 << 1 << u"illegal value"_s;
    QTest::addRow("top-level string") << u"\"text\""_s << 1 << 2 << u"illegal value"_s;
    QTest::addRow("missing comma on line 3")
            << u"{\n  \"a\": true\n  \"b\": false\n}"_s << 3 << 4 << u"unterminated object"_s;
    QTest::addRow("missing comma on line 4")
            << u"{\n  \"a\": true,\n  \"b\": false\n  \"c\": 1\n}"_s << 4 << 4
            << u"unterminated object"_s;
    QTest::addRow("trailing comma") << u"{\"a\": 1,}"_s << 1 << 10 << QString();
    QTest::addRow("missing colon") << u"{\"a\" 1}"_s << 1 << 7 << u"missing name separator"_s;
    QTest::addRow("misspelt true on line 2")
            << u"{\n  \"a\": tr\n}"_s << 2 << 8 << u"illegal value"_s;
    QTest::addRow("unterminated object") << u"{"_s << 1 << 2 << u"unterminated object"_s;
    QTest::addRow("unterminated string")
            << u"{\"a\": \"unterminated}"_s << 1 << 21 << u"unterminated string"_s;
    QTest::addRow("garbage after the object")
            << u"{\"a\": 1} xyz"_s << 1 << 10 << u"garbage at the end"_s;

    // Non-ASCII text before the error counts as characters; in UTF-8 bytes the columns
    // would be 27 and 18.
    QTest::addRow("unquoted key after non-ASCII value")
            << u"{\"name\": \"Zoë日本\", oops}"_s << 1 << 20 << u"unterminated object"_s;
    QTest::addRow("missing colon after non-ASCII keys")
            << u"{\n  \"ä\": 1, \"ö\" 2\n}"_s << 2 << 16 << u"missing name separator"_s;

    // Known keys must be booleans; the position is that of the key's opening quote.
    QTest::addRow("chat.can_send as string \"false\"")
            << u"{\"chat.can_send\": \"false\"}"_s << 1 << 2 << u"chat.can_send"_s;
    QTest::addRow("chat.can_send as number 0 on line 3")
            << u"{\n  \"x\": 1,\n    \"chat.can_send\" : 0\n}"_s << 3 << 5 << u"chat.can_send"_s;
    QTest::addRow("chat.can_receive as number 1")
            << u"{\"chat.can_receive\": 1}"_s << 1 << 2 << u"chat.can_receive"_s;
    QTest::addRow("filetransfer.enabled as string \"true\"")
            << u"{\"a\": 1,\n\"filetransfer.enabled\": \"true\"}"_s << 2 << 1
            << u"filetransfer.enabled"_s;
    QTest::addRow("filetransfer.enabled as array")
            << u"{\"filetransfer.enabled\": [true]}"_s << 1 << 2 << u"filetransfer.enabled"_s;
    QTest::addRow("chat.can_send as object")
            << u"{\"chat.can_send\": {\"value\": false}}"_s << 1 << 2 << u"chat.can_send"_s;
    QTest::addRow("known key after non-ASCII key")
            << u"{\"名前\": 1, \"chat.can_send\": 0}"_s << 1 << 11 << u"chat.can_send"_s;
    QTest::addRow("duplicate known key, the last one is wrong")
            << u"{\"chat.can_send\": true, \"chat.can_send\": \"no\"}"_s << 1 << 25
            << u"chat.can_send"_s;

    // neko keeps the last of a key written twice, but the text would still show both.
    QTest::addRow("key written twice") << u"{\"chat.can_send\": \"no\", \"chat.can_send\": true}"_s
                                       << 1 << 25 << u"written twice"_s;
    QTest::addRow("key written twice, lines apart")
            << u"{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}"_s << 4 << 3
            << u"\"a\" is written twice"_s;

    // The same key name inside another plugin's value is no key of the plugins object; the
    // position must still be that of the top-level key.
    QTest::addRow("wrong known key before a nested one of the same name")
            << u"{\"chat.can_send\": \"no\", \"x\": {\"chat.can_send\": 1}}"_s << 1 << 2
            << u"chat.can_send"_s;

    // neko strips the case-sensitive "chat." prefix and then matches the setting name without
    // regard to case (mapstructure), so this key fails the chat plugin just the same.
    QTest::addRow("chat.CAN_SEND as string \"false\"")
            << u"{\"chat.CAN_SEND\": \"false\"}"_s << 1 << 2 << u"chat.CAN_SEND"_s;
}

void TestPluginsParser::shouldRejectWithPosition()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, mentions);

    const PluginsParseResult result = PluginsParser::parse(text);

    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
    if (!mentions.isEmpty())
        QVERIFY2(result.error.contains(mentions), qPrintable(result.error));

    // The message puts the position in front of the error.
    if (line > 0) {
        QCOMPARE(result.message(),
                 u"Line %1, column %2: %3"_s.arg(line).arg(column).arg(result.error));
    } else {
        QCOMPARE(result.message(), result.error);
    }
}

void TestPluginsParser::shouldFormatMessage_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::addRow("with position")
            << u"Something is wrong."_s << 3 << 7 << u"Line 3, column 7: Something is wrong."_s;
    QTest::addRow("first character") << u"Bad."_s << 1 << 1 << u"Line 1, column 1: Bad."_s;
    QTest::addRow("without position")
            << u"Write {} for none."_s << 0 << 0 << u"Write {} for none."_s;
}

void TestPluginsParser::shouldFormatMessage()
{
    QFETCH(QString, error);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    PluginsParseResult result;
    result.error = error;
    result.line = line;
    result.column = column;

    QCOMPARE(result.message(), message);
}

void TestPluginsParser::shouldFormatToTextThatParsesBack_data()
{
    QTest::addColumn<QJsonObject>("plugins");

    QTest::addRow("empty") << QJsonObject();
    QTest::addRow("known keys") << object(R"({"chat.can_send": false, "chat.can_receive": true,
                                             "filetransfer.enabled": null})");
    QTest::addRow("nested values") << object(R"({"x.deep": {"a": [1, 2.5, "three", null]},
                                                "x.empty": {}, "x.list": []})");
    QTest::addRow("unicode and escapes")
            << object(R"({"ünï.kéy": "日本語 😀", "x.quote": "say \"hi\"\n\ttab"})");
}

void TestPluginsParser::shouldFormatToTextThatParsesBack()
{
    QFETCH(QJsonObject, plugins);

    const QString text = PluginsParser::format(plugins);
    QVERIFY(text.startsWith(u'{'));
    QVERIFY(text.endsWith(u'}'));

    const PluginsParseResult result = PluginsParser::parse(text);
    QVERIFY2(result.ok, qPrintable(result.message()));
    QCOMPARE(result.plugins, plugins);
    QCOMPARE(PluginsParser::format(result.plugins), text);
}

QTEST_GUILESS_MAIN(TestPluginsParser)
#include "tst_pluginsparser.moc"
