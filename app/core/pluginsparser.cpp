// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pluginsparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

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

// Calls `visit(offset, key)` for each key of the outermost object, in the order written, with
// the offset of its opening quote and its text as written between the quotes. The same text
// inside a nested value is not such a key.
template<typename Visit>
void forEachTopLevelKey(const QString &text, Visit visit)
{
    // On raw characters: this runs after every keystroke, over documents of a megabyte.
    const char16_t *const begin = QStringView(text).utf16();
    const char16_t *const end = begin + text.size();
    int depth = 0;
    for (const char16_t *p = begin; p < end; ++p) {
        switch (*p) {
        case u'{':
        case u'[':
            ++depth;
            break;
        case u'}':
        case u']':
            --depth;
            break;
        case u'"': {
            const char16_t *const start = p;
            for (++p; p < end && *p != u'"'; ++p) {
                if (*p == u'\\' && p + 1 < end)
                    ++p;
            }
            if (depth != 1 || p >= end)
                break;
            const char16_t *next = p + 1;
            while (next < end && QChar::isSpace(*next))
                ++next;
            if (next < end && *next == u':')
                visit(start - begin, QStringView(start + 1, p));
            break;
        }
        default:
            break;
        }
    }
}

// Where a key is written as a key of the outermost object, which parse() has checked to be
// written once. Returns -1 for a key written with escapes.
qsizetype topLevelKeyOffset(const QString &text, const QString &key)
{
    qsizetype found = -1;
    forEachTopLevelKey(text, [&](qsizetype offset, QStringView written) {
        if (written == key)
            found = offset;
    });
    return found;
}

// Where a key of the outermost object is written a second time, or -1. Only called when the
// text has more keys than the parsed object, so that a valid document is scanned just once.
qsizetype duplicateKeyOffset(const QString &text, QString *key)
{
    QSet<QStringView> seen;
    qsizetype found = -1;
    forEachTopLevelKey(text, [&](qsizetype offset, QStringView written) {
        if (found < 0 && seen.contains(written)) {
            found = offset;
            *key = written.toString();
        }
        seen.insert(written);
    });
    return found;
}

qsizetype topLevelKeyCount(const QString &text)
{
    qsizetype count = 0;
    forEachTopLevelKey(text, [&count](qsizetype, QStringView) { ++count; });
    return count;
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

    // neko keeps only the last of a key written twice; the text would show both.
    const QJsonObject plugins = document.object();
    if (topLevelKeyCount(text) > plugins.size()) {
        QString key;
        const qsizetype offset = duplicateKeyOffset(text, &key);
        if (offset >= 0) {
            locate(text, offset, &result.line, &result.column);
            result.error = tr("\"%1\" is written twice; keep one of them, as neko would keep "
                              "only the last.")
                                   .arg(key);
            return result;
        }
    }

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
