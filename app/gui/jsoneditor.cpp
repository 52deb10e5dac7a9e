// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsoneditor.h"

#include <QFontDatabase>
#include <QTextBlock>

JsonEditor::JsonEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter.setPalette(palette());

    // setPlainText() replaces the text, not the document, so this holds for every text.
    connect(document(), &QTextDocument::contentsChange, this, &JsonEditor::forgetColours);
}

JsonEditor::~JsonEditor() = default;

void JsonEditor::load(const QString &text)
{
    // The document clears its undo history itself and sends one change for the whole text.
    document()->setPlainText(text);
    document()->setModified(false);
    moveCursor(QTextCursor::Start);
}

void JsonEditor::markError(int line, int column)
{
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (line > 0 && block.isValid()) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                 qMin(column - 1, block.length() - 1));
        mark.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
        if (!mark.cursor.hasSelection())
            mark.cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(palette().color(QPalette::Highlight));
        QColor background = palette().color(QPalette::Highlight);
        background.setAlpha(70);
        mark.format.setBackground(background);
        selections.append(mark);
    }
    setExtraSelections(selections);
}

void JsonEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter.setPalette(palette());
        ++m_colouring;
        viewport()->update();
    }
}

void JsonEditor::paintEvent(QPaintEvent *event)
{
    colourVisibleLines();
    QPlainTextEdit::paintEvent(event);
}

void JsonEditor::forgetColours(int position, int charsRemoved, int charsAdded)
{
    Q_UNUSED(charsRemoved);
    const QTextBlock last = document()->findBlock(position + charsAdded);
    for (QTextBlock block = document()->findBlock(position); block.isValid();
         block = block.next()) {
        block.setUserState(-1);
        if (block == last)
            break;
    }
}

void JsonEditor::colourVisibleLines()
{
    const qreal bottom = viewport()->rect().bottom();
    const QPointF offset = contentOffset();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (blockBoundingGeometry(block).translated(offset).top() > bottom)
            break;
        if (block.userState() == m_colouring)
            continue;

        // The formats change the width of bold text, so the line is laid out again when it
        // is painted.
        block.layout()->setFormats(m_highlighter.formats(block.text()));
        block.clearLayout();
        block.setUserState(m_colouring);
    }
}
