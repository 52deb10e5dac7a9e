// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gojsondecoder.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cctype>
#include <cmath>
#include <cstring>

namespace {

// Go's scanner gives up at this nesting depth and reports a syntax error.
constexpr int MaxDepth = 10000;

bool isGoSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

GoJsonDecoder::GoJsonDecoder(const QByteArray &data)
    : m_data(data)
{ }

GoJsonDecoder::Outcome GoJsonDecoder::decode(const QByteArray &body, Members *members)
{
    members->clear();
    GoJsonDecoder decoder(body);
    decoder.skipWhitespace();
    if (decoder.atEnd())
        return Outcome::NoData;

    // Only an object can fill a struct; null leaves it untouched. Every other value, valid or
    // not, ends in the same 400 answer, so it does not need to be read to its end.
    if (body.at(decoder.m_pos) == '{') {
        ++decoder.m_pos;
        return decoder.parseMembers(members) ? Outcome::Object : Outcome::Invalid;
    }

    // Go decides that a literal has ended as soon as its last letter is read, so "nullx" is
    // still null followed by ignored garbage.
    if (decoder.parseLiteral("null"))
        return Outcome::Null;
    return Outcome::Invalid;
}

bool GoJsonDecoder::keyMatches(const QString &jsonKey, QLatin1String fieldName)
{
    return QString::compare(jsonKey, fieldName, Qt::CaseInsensitive) == 0;
}

bool GoJsonDecoder::atEnd() const
{
    return m_pos >= m_data.size();
}

void GoJsonDecoder::skipWhitespace()
{
    while (!atEnd() && isGoSpace(m_data.at(m_pos)))
        ++m_pos;
}

bool GoJsonDecoder::parseValue(QJsonValue *value)
{
    skipWhitespace();
    if (atEnd())
        return false;

    const char c = m_data.at(m_pos);
    if (c == '{') {
        ++m_pos;
        Members members;
        if (!parseMembers(&members))
            return false;

        // Go fills a map key by key, so a repeated key keeps its last value.
        QJsonObject object;
        for (const auto &[key, memberValue] : std::as_const(members))
            object.insert(key, memberValue);
        *value = object;
        return true;
    }

    if (c == '[') {
        ++m_pos;
        if (++m_depth > MaxDepth)
            return false;
        QJsonArray array;
        skipWhitespace();
        if (!atEnd() && m_data.at(m_pos) == ']') {
            ++m_pos;
            --m_depth;
            *value = array;
            return true;
        }
        while (true) {
            QJsonValue element;
            if (!parseValue(&element))
                return false;
            array.append(element);
            skipWhitespace();
            if (atEnd())
                return false;
            const char next = m_data.at(m_pos++);
            if (next == ']')
                break;
            if (next != ',')
                return false;
        }
        --m_depth;
        *value = array;
        return true;
    }

    if (c == '"') {
        QString text;
        if (!parseString(&text))
            return false;
        *value = text;
        return true;
    }

    if (c == '-' || isDigit(c))
        return parseNumber(value);

    if (parseLiteral("true")) {
        *value = true;
        return true;
    }
    if (parseLiteral("false")) {
        *value = false;
        return true;
    }
    if (parseLiteral("null")) {
        *value = QJsonValue(QJsonValue::Null);
        return true;
    }
    return false;
}

// Expects the opening brace to be consumed already and reads up to and including the closing one.
bool GoJsonDecoder::parseMembers(Members *members)
{
    if (++m_depth > MaxDepth)
        return false;

    skipWhitespace();
    if (!atEnd() && m_data.at(m_pos) == '}') {
        ++m_pos;
        --m_depth;
        return true;
    }

    while (true) {
        skipWhitespace();
        if (atEnd() || m_data.at(m_pos) != '"')
            return false;
        QString key;
        if (!parseString(&key))
            return false;

        skipWhitespace();
        if (atEnd() || m_data.at(m_pos) != ':')
            return false;
        ++m_pos;

        QJsonValue value;
        if (!parseValue(&value))
            return false;
        members->append({key, value});

        skipWhitespace();
        if (atEnd())
            return false;
        const char next = m_data.at(m_pos++);
        if (next == '}')
            break;
        if (next != ',')
            return false;
    }
    --m_depth;
    return true;
}

// Expects to stand on the opening quote.
bool GoJsonDecoder::parseString(QString *text)
{
    ++m_pos;
    QByteArray utf8;
    QString result;

    // Raw bytes are collected and converted in runs, so that invalid UTF-8 becomes U+FFFD the
    // way Go's decoder replaces it, while escapes are appended as decoded UTF-16.
    const auto flush = [&utf8, &result]() {
        result += QString::fromUtf8(utf8);
        utf8.clear();
    };

    while (true) {
        if (atEnd())
            return false;
        const char c = m_data.at(m_pos++);
        if (c == '"')
            break;
        if (static_cast<unsigned char>(c) < 0x20)
            return false;
        if (c != '\\') {
            utf8.append(c);
            continue;
        }

        if (atEnd())
            return false;
        const char escape = m_data.at(m_pos++);
        switch (escape) {
        case '"':
        case '\\':
        case '/':
            utf8.append(escape);
            break;
        case 'b':
            utf8.append('\b');
            break;
        case 'f':
            utf8.append('\f');
            break;
        case 'n':
            utf8.append('\n');
            break;
        case 'r':
            utf8.append('\r');
            break;
        case 't':
            utf8.append('\t');
            break;
        case 'u': {
            char16_t unit = 0;
            if (!parseHex4(&unit))
                return false;
            flush();

            // A lone or mismatched surrogate becomes U+FFFD, as Go's unquote does.
            if (QChar::isHighSurrogate(unit) && m_pos + 6 <= m_data.size()
                && m_data.at(m_pos) == '\\' && m_data.at(m_pos + 1) == 'u') {
                const qsizetype saved = m_pos;
                m_pos += 2;
                char16_t low = 0;
                if (parseHex4(&low) && QChar::isLowSurrogate(low)) {
                    result += QChar(unit);
                    result += QChar(low);
                    break;
                }
                m_pos = saved;
            }
            result += QChar::isSurrogate(unit) ? QChar(QChar::ReplacementCharacter) : QChar(unit);
            break;
        }
        default:
            return false;
        }
    }
    flush();
    *text = result;
    return true;
}

bool GoJsonDecoder::parseHex4(char16_t *unit)
{
    if (m_pos + 4 > m_data.size())
        return false;
    bool ok = false;
    const uint parsed = m_data.mid(m_pos, 4).toUInt(&ok, 16);

    // toUInt would also accept a sign or spaces, which JSON does not.
    for (qsizetype i = m_pos; i < m_pos + 4; ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(m_data.at(i))))
            return false;
    }
    if (!ok)
        return false;
    m_pos += 4;
    *unit = static_cast<char16_t>(parsed);
    return true;
}

bool GoJsonDecoder::parseNumber(QJsonValue *value)
{
    const qsizetype start = m_pos;
    if (m_data.at(m_pos) == '-')
        ++m_pos;

    // JSON numbers: no leading zeros, digits required around the optional fraction and exponent.
    if (atEnd() || !isDigit(m_data.at(m_pos)))
        return false;
    if (m_data.at(m_pos) == '0') {
        ++m_pos;
    } else {
        while (!atEnd() && isDigit(m_data.at(m_pos)))
            ++m_pos;
    }
    if (!atEnd() && m_data.at(m_pos) == '.') {
        ++m_pos;
        if (atEnd() || !isDigit(m_data.at(m_pos)))
            return false;
        while (!atEnd() && isDigit(m_data.at(m_pos)))
            ++m_pos;
    }
    if (!atEnd() && (m_data.at(m_pos) == 'e' || m_data.at(m_pos) == 'E')) {
        ++m_pos;
        if (!atEnd() && (m_data.at(m_pos) == '+' || m_data.at(m_pos) == '-'))
            ++m_pos;
        if (atEnd() || !isDigit(m_data.at(m_pos)))
            return false;
        while (!atEnd() && isDigit(m_data.at(m_pos)))
            ++m_pos;
    }

    // Go stores plugin numbers as float64 and refuses values out of its range.
    bool ok = false;
    const double number = m_data.mid(start, m_pos - start).toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return false;
    *value = number;
    return true;
}

bool GoJsonDecoder::parseLiteral(const char *literal)
{
    const auto length = static_cast<qsizetype>(std::strlen(literal));
    if (m_data.mid(m_pos, length) != QByteArray(literal))
        return false;
    m_pos += length;
    return true;
}
