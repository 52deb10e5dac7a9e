// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

// Reads a request body the way neko's HttpJsonRequest does with Go's json.Decoder: only the
// first JSON value is read and anything after it is ignored. Top-level object members are kept
// in document order, because Go matches struct fields case-insensitively and lets the last
// matching key win, which a QJsonObject (sorted, case-sensitive keys) cannot express.
class GoJsonDecoder
{
public:
    enum class Outcome {
        Object, // The first value is an object; its members are returned in document order.
        Null, // The first value is the literal null: Go decodes it as "no change".
        NoData, // Empty or whitespace-only body: Go's decoder reports io.EOF.
        Invalid, // Syntax error, or a top-level value that cannot fill a struct.
    };

    using Members = QList<std::pair<QString, QJsonValue>>;

    static Outcome decode(const QByteArray &body, Members *members);

    // Go's struct field matching: exact match first, otherwise a Unicode case-fold match.
    static bool keyMatches(const QString &jsonKey, QLatin1String fieldName);

private:
    explicit GoJsonDecoder(const QByteArray &data);

    bool atEnd() const;
    void skipWhitespace();
    bool parseValue(QJsonValue *value);
    bool parseMembers(Members *members);
    bool parseString(QString *text);
    bool parseNumber(QJsonValue *value);
    bool parseLiteral(const char *literal);
    bool parseHex4(char16_t *unit);

    const QByteArray &m_data;
    qsizetype m_pos = 0;
    int m_depth = 0;
};
