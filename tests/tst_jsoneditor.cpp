// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsoneditor.h"
#include "jsonhighlighter.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace {

// A JSON object of that many lines, one key on each line but the braces.
QString manyLines(int lines)
{
    QStringList text {u"{"_s};
    for (int i = 1; i < lines - 1; ++i)
        text << uR"(  "plugin.setting_%1": %1,)"_s.arg(i);
    text << uR"(  "last": true)"_s << u"}"_s;
    return text.join(u'\n');
}

// Whether a line carries the colours the highlighter gives its text under this palette.
bool isColoured(const QTextBlock &block, const QPalette &palette)
{
    JsonHighlighter highlighter;
    highlighter.setPalette(palette);
    const QList<QTextLayout::FormatRange> expected = highlighter.formats(block.text());
    return !expected.isEmpty() && block.layout()->formats() == expected;
}

} // namespace

class TestJsonEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldColourTheLinesOnScreen();
    void shouldColourOtherLinesOnlyOnceTheyAreScrolledTo();
    void shouldRecolourAnEditedLine();
    void shouldRecolourWhenThePaletteChanges();
    void shouldMarkAndClearAnError();
    void shouldLoadADocumentAsSetPlainTextDoes();

private:
    std::unique_ptr<JsonEditor> m_editor;
};

void TestJsonEditor::init()
{
    m_editor = std::make_unique<JsonEditor>();
    m_editor->resize(400, 300);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestJsonEditor::cleanup()
{
    m_editor.reset();
}

void TestJsonEditor::shouldColourTheLinesOnScreen()
{
    m_editor->setPlainText(manyLines(5));
    m_editor->repaint();

    for (QTextBlock block = m_editor->document()->firstBlock(); block.isValid();
         block = block.next())
        QVERIFY2(isColoured(block, m_editor->palette()), qPrintable(block.text()));
}

void TestJsonEditor::shouldColourOtherLinesOnlyOnceTheyAreScrolledTo()
{
    m_editor->setPlainText(manyLines(2000));
    m_editor->repaint();
    const QTextBlock last = m_editor->document()->lastBlock().previous();
    QVERIFY(isColoured(m_editor->document()->firstBlock().next(), m_editor->palette()));
    QVERIFY2(last.layout()->formats().isEmpty(), "a line far off screen waits for its turn");

    m_editor->verticalScrollBar()->setValue(m_editor->verticalScrollBar()->maximum());
    m_editor->repaint();
    QVERIFY(isColoured(last, m_editor->palette()));
}

void TestJsonEditor::shouldRecolourAnEditedLine()
{
    m_editor->setPlainText(u"{\n  \"a\": 1\n}"_s);
    m_editor->repaint();
    const QTextBlock line = m_editor->document()->findBlockByNumber(1);
    QVERIFY(isColoured(line, m_editor->palette()));

    // "1" becomes "true": the number's colour must not linger on the new word.
    QTextCursor cursor(line);
    cursor.movePosition(QTextCursor::EndOfBlock);
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
    QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
    QTest::keyClicks(m_editor.get(), u"true"_s);
    m_editor->repaint();

    QCOMPARE(line.text(), uR"(  "a": true)"_s);
    QVERIFY(isColoured(line, m_editor->palette()));
}

void TestJsonEditor::shouldRecolourWhenThePaletteChanges()
{
    m_editor->setPlainText(uR"({"a": "b"})"_s);
    m_editor->repaint();
    const QTextBlock line = m_editor->document()->firstBlock();
    const QList<QTextLayout::FormatRange> light = line.layout()->formats();

    QPalette dark = m_editor->palette();
    dark.setColor(QPalette::Base, Qt::black);
    m_editor->setPalette(dark);
    m_editor->repaint();

    QVERIFY(isColoured(line, m_editor->palette()));
    QVERIFY(line.layout()->formats() != light);
}

void TestJsonEditor::shouldMarkAndClearAnError()
{
    m_editor->setPlainText(u"{\n  \"a\": tru\n}"_s);
    m_editor->markError(2, 8);
    QCOMPARE(m_editor->extraSelections().size(), 1);
    const QTextCursor mark = m_editor->extraSelections().first().cursor;
    QCOMPARE(mark.selectedText(), u"t"_s);

    m_editor->markError(0, 0);
    QVERIFY(m_editor->extraSelections().isEmpty());
}

void TestJsonEditor::shouldLoadADocumentAsSetPlainTextDoes()
{
    // Some typing first, so that there is something to undo and a cursor away from the start.
    m_editor->setFocus();
    QTest::keyClicks(m_editor.get(), u"{\"old\": 1}"_s);
    QVERIFY(m_editor->document()->isUndoAvailable());

    QSignalSpy changes(m_editor.get(), &QPlainTextEdit::textChanged);
    const QString text = manyLines(500);
    m_editor->load(text);

    QCOMPARE(m_editor->toPlainText(), text);
    QCOMPARE(changes.size(), 1);
    QVERIFY(!m_editor->document()->isUndoAvailable());
    QVERIFY(!m_editor->document()->isModified());
    QCOMPARE(m_editor->textCursor().position(), 0);
    QCOMPARE(m_editor->verticalScrollBar()->value(), 0);

    m_editor->repaint();
    QVERIFY(isColoured(m_editor->document()->findBlockByNumber(1), m_editor->palette()));
}

QTEST_MAIN(TestJsonEditor)
#include "tst_jsoneditor.moc"
