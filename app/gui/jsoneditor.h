// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

class JsonHighlighter;

// A plain-text editor for JSON: monospace, coloured, and able to mark the place of an error.
// Tab moves the focus on, as in any other field; the keyboard never gets stuck in here.
class JsonEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

    // Underlines the character at a 1-based line and column; 0 clears the mark.
    void markError(int line, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    JsonHighlighter *m_highlighter;
};
