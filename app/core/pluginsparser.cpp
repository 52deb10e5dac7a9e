// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pluginsparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PluginsParser", text);
}

// Converts a character offset into a 1-based line and column.
void locate(const QString &text, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, text.size());
    const QStringView before = QStringView(text).left(offset);
    *line = int(before.count(u'\n')) + 1;
    *column = int(offset - (before.lastIndexOf(u'\n') + 1)) + 1;
}

// Where a key last appears as a key of the outermost object. The parser keeps the last of
// duplicate keys, so the last occurrence is the one that matters; the same text inside a
// nested value is not that key. Returns -1 for a key written with escapes.
qsizetype topLevelKeyOffset(const QString &text, const QString &key)
{
    qsizetype found = -1;
    int depth = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (c == u'{' || c == u'[') {
            ++depth;
        } else if (c == u'}' || c == u']') {
            --depth;
        } else if (c == u'"') {
            const qsizetype start = i;
            for (++i; i < size && text.at(i) != u'"'; ++i) {
                if (text.at(i) == u'\\')
                    ++i;
            }
            qsizetype next = i + 1;
            while (next < size && text.at(next).isSpace())
                ++next;
            const bool isKey = depth == 1 && next < size && text.at(next) == u':';
            if (isKey && QStringView(text).mid(start + 1, i - start - 1) == key)
                found = start;
        }
    }
    return found;
}

// The known key that a plugin key stands for, if any. neko picks a plugin's keys by their
// exact prefix and matches the rest to the setting without regard to case, so
// "chat.CAN_SEND" is read as chat.can_send.
const KnownPluginKey *knownKeyOf(const QString &key)
{
    for (const KnownPluginKey &known : PluginsParser::knownKeys()) {
        const qsizetype prefix = known.key.indexOf(u'.') + 1;
        if (key.size() == known.key.size()
            && QStringView(key).left(prefix) == known.key.left(prefix)
            && QStringView(key).mid(prefix).compare(known.key.mid(prefix), Qt::CaseInsensitive)
                    == 0)
            return &known;
    }
    return nullptr;
}

} // namespace

QString PluginsParseResult::message() const
{
    if (line <= 0)
        return error;
    return QCoreApplication::translate("PluginsParser", "Line %1, column %2: %3")
            .arg(line)
            .arg(column)
            .arg(error);
}

namespace PluginsParser {

const QList<KnownPluginKey> &knownKeys()
{
    static const QList<KnownPluginKey> keys = {
            {"chat.can_send"_L1, QT_TRANSLATE_NOOP("PluginsParser", "may send chat messages")},
            {"chat.can_receive"_L1, QT_TRANSLATE_NOOP("PluginsParser", "receives chat messages")},
            {"filetransfer.enabled"_L1, QT_TRANSLATE_NOOP("PluginsParser", "may transfer files")},
    };
    return keys;
}

PluginsParseResult parse(const QString &text)
{
    PluginsParseResult result;

    if (text.trimmed().isEmpty()) {
        result.error = tr("The plugins must be one JSON object; write {} for none.");
        return result;
    }

    // QJsonParseError counts bytes of the UTF-8 text; convert back to characters for the
    // position shown to the user.
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        qsizetype offset = QString::fromUtf8(utf8.left(parseError.offset)).size();

        // Qt reports a misspelt literal or number where it gave up, often on the next line;
        // point at the start of the word instead, where the typo is.
        if (parseError.error == QJsonParseError::IllegalValue) {
            qsizetype start = qMin(offset, text.size());
            while (start > 0 && text.at(start - 1).isSpace())
                --start;
            while (start > 0
                   && (text.at(start - 1).isLetterOrNumber() || text.at(start - 1) == u'.'
                       || text.at(start - 1) == u'-'))
                --start;
            if (start < offset && !text.at(start).isSpace())
                offset = start;
        }
        locate(text, offset, &result.line, &result.column);
        result.error = tr("This is not valid JSON: %1.").arg(parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.line = 1;
        result.column = 1;
        result.error = tr("The plugins must be a JSON object in braces, like "
                          "{\"chat.can_send\": true}.");
        return result;
    }

    const QJsonObject plugins = document.object();
    for (auto it = plugins.begin(); it != plugins.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isBool() || value.isNull() || !knownKeyOf(it.key()))
            continue;
        locate(text, topLevelKeyOffset(text, it.key()), &result.line, &result.column);
        result.error = tr("\"%1\" must be true or false; neko cannot read anything else "
                          "there.")
                               .arg(it.key());
        return result;
    }

    result.ok = true;
    result.plugins = plugins;
    return result;
}

QString format(const QJsonObject &plugins)
{
    return QString::fromUtf8(QJsonDocument(plugins).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace PluginsParser
