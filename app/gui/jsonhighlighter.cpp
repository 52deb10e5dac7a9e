// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include <QPalette>

using namespace Qt::StringLiterals;

JsonHighlighter::JsonHighlighter()
{
    setPalette(QPalette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    // Fixed hues, with a lightness chosen against the base colour: dark text on a light
    // editor, light text on a dark one.
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    const int lightness = dark ? 175 : 85;
    const auto colour = [lightness](int hue, int saturation) {
        return QColor::fromHsl(hue, saturation, lightness);
    };

    m_key = {};
    m_key.setForeground(colour(210, 200));
    m_key.setFontWeight(QFont::DemiBold);
    m_string = {};
    m_string.setForeground(colour(120, 150));
    m_number = {};
    m_number.setForeground(colour(25, 200));
    m_keyword = {};
    m_keyword.setForeground(colour(290, 140));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_punctuation = {};
    m_punctuation.setForeground(palette.color(QPalette::PlaceholderText));
}

QList<QTextLayout::FormatRange> JsonHighlighter::formats(QStringView text) const
{
    QList<QTextLayout::FormatRange> ranges;
    const auto add = [&ranges](qsizetype start, qsizetype length, const QTextCharFormat &format) {
        ranges.append({int(start), int(length), format});
    };

    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);

        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < size && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = qMin(end + 1, size);

            // A string followed by a colon is a key.
            qsizetype next = end;
            while (next < size && text.at(next).isSpace())
                ++next;
            const bool isKey = next < size && text.at(next) == u':';
            add(i, end - i, isKey ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || c == u'-') {
            qsizetype end = i + 1;
            while (end < size
                   && (text.at(end).isDigit() || text.at(end) == u'.' || text.at(end) == u'e'
                       || text.at(end) == u'E' || text.at(end) == u'+' || text.at(end) == u'-'))
                ++end;
            add(i, end - i, m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < size && text.at(end).isLetter())
                ++end;
            const QStringView word = text.mid(i, end - i);
            if (word == "true"_L1 || word == "false"_L1 || word == "null"_L1)
                add(i, end - i, m_keyword);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                add(i, 1, m_punctuation);
            ++i;
        }
    }
    return ranges;
}
