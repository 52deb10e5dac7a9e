// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonhighlighter.h"

#include <QPlainTextEdit>

// A plain-text editor for JSON: monospace, coloured, and able to mark the place of an error.
// Tab moves the focus on, as in any other field; the keyboard never gets stuck in here.
//
// Only the lines on screen are coloured, just before they are painted, and a line again only
// after it changed: a document of a megabyte then loads as fast as plain text and a keystroke
// recolours one line.
class JsonEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

    // Replaces the whole text with a new document, as setPlainText() does: no undo history,
    // not modified, the cursor at the start. It skips setPlainText()'s second pass that gives
    // every character the default format again, a tenth of the time for a large document.
    void load(const QString &text);

    // Underlines the character at a 1-based line and column; 0 clears the mark.
    void markError(int line, int column);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void forgetColours(int position, int charsRemoved, int charsAdded);
    void colourVisibleLines();

    JsonHighlighter m_highlighter;

    // Stored in a line's user state once it is coloured with the current palette; any other
    // state, such as the -1 of a new or changed line, means that it needs colouring.
    int m_colouring = 0;
};
