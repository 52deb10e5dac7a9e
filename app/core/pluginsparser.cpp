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

// Where a key last appears as an object key in the text. The parser keeps the last of
// duplicate keys, so the last occurrence is the one that matters.
qsizetype keyOffset(const QString &text, QLatin1StringView key)
{
    const QRegularExpression pattern(u"\""_s + QRegularExpression::escape(key)
                                     + u"\"\\s*:"_s);
    qsizetype found = -1;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext())
        found = it.next().capturedStart();
    return found;
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
        const qsizetype offset = QString::fromUtf8(utf8.left(parseError.offset)).size();
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
    for (const KnownPluginKey &known : knownKeys()) {
        const QJsonValue value = plugins.value(known.key);
        if (value.isUndefined() || value.isBool() || value.isNull())
            continue;
        locate(text, keyOffset(text, known.key), &result.line, &result.column);
        result.error = tr("\"%1\" must be true or false; neko cannot read anything else "
                          "there.")
                               .arg(known.key);
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
