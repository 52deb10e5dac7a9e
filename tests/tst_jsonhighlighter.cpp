// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include <QPalette>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What a format colours, told by its hue: the highlighter uses one fixed hue per kind of
// token, and the palette's placeholder colour for punctuation.
QString kindOf(const QTextCharFormat &format)
{
    switch (format.foreground().color().hslHue()) {
    case 210:
        return u"key"_s;
    case 120:
        return u"string"_s;
    case 25:
        return u"number"_s;
    case 290:
        return u"keyword"_s;
    default:
        return u"punctuation"_s;
    }
}

// The coloured runs of a line as "kind:text" in order, e.g. "key:\"a\"".
QStringList runsOf(const QString &line)
{
    QStringList runs;
    const JsonHighlighter highlighter;
    for (const QTextLayout::FormatRange &range : highlighter.formats(line))
        runs << kindOf(range.format) + u':' + line.mid(range.start, range.length);
    return runs;
}

} // namespace

class TestJsonHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldColourEachKindOfToken_data();
    void shouldColourEachKindOfToken();
    void shouldContrastWithADarkBase();
};

void TestJsonHighlighter::shouldColourEachKindOfToken_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("runs");

    QTest::addRow("key and boolean")
            << uR"(  "chat.can_send": true,)"_s
            << QStringList {uR"(key:"chat.can_send")"_s, u"punctuation::"_s, u"keyword:true"_s,
                            u"punctuation:,"_s};
    QTest::addRow("space before the colon still makes a key")
            << uR"("a" : "b")"_s
            << QStringList {uR"(key:"a")"_s, u"punctuation::"_s, uR"(string:"b")"_s};
    QTest::addRow("escaped quote stays inside the string")
            << uR"("say \"hi\"")"_s << QStringList {uR"(string:"say \"hi\"")"_s};
    QTest::addRow("numbers with sign, fraction and exponent")
            << u"[-1.5e+3, 0]"_s
            << QStringList {u"punctuation:["_s, u"number:-1.5e+3"_s, u"punctuation:,"_s,
                            u"number:0"_s, u"punctuation:]"_s};
    QTest::addRow("null and a misspelt word") << u"null nul"_s << QStringList {u"keyword:null"_s};
    QTest::addRow("unterminated string runs to the end")
            << uR"("open)"_s << QStringList {uR"(string:"open)"_s};
    QTest::addRow("empty line") << QString() << QStringList();
}

void TestJsonHighlighter::shouldColourEachKindOfToken()
{
    QFETCH(QString, line);
    QFETCH(QStringList, runs);
    QCOMPARE(runsOf(line), runs);
}

void TestJsonHighlighter::shouldContrastWithADarkBase()
{
    JsonHighlighter highlighter;
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    highlighter.setPalette(light);
    const QString line = uR"("k": 1)"_s;
    const int lightOnLight
            = highlighter.formats(line).first().format.foreground().color().lightness();

    QPalette dark = light;
    dark.setColor(QPalette::Base, Qt::black);
    highlighter.setPalette(dark);
    const int lightOnDark
            = highlighter.formats(line).first().format.foreground().color().lightness();
    QVERIFY2(lightOnDark > 128 && lightOnLight < 128,
             qPrintable(u"%1 on dark, %2 on light"_s.arg(lightOnDark).arg(lightOnLight)));
}

QTEST_GUILESS_MAIN(TestJsonHighlighter)
#include "tst_jsonhighlighter.moc"
