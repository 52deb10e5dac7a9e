// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringView>
#include <QTextCharFormat>
#include <QTextLayout>

class QPalette;

// The colours of JSON: keys, strings, numbers, true/false/null and punctuation. JSON has no
// multi-line tokens, so each line is coloured on its own; the editor asks only for the lines
// it is about to show.
class JsonHighlighter
{
public:
    JsonHighlighter();

    // Picks colours that contrast with the palette's base colour.
    void setPalette(const QPalette &palette);

    // The formats for one line of JSON, in the form QTextLayout::setFormats() takes.
    QList<QTextLayout::FormatRange> formats(QStringView line) const;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
};
