// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// A plugin setting whose meaning neko documents; the server reads each as a boolean and fails
// the whole plugin for that member when it is anything else.
struct KnownPluginKey
{
    QLatin1StringView key;
    const char *description; // untranslated
};

// The result of reading the text of the plugins editor.
struct PluginsParseResult
{
    bool ok = false;
    QJsonObject plugins;
    QString error; // a translated sentence, without the position
    int line = 0; // 1-based; 0 when the error has no position
    int column = 0; // 1-based, in characters

    // "Line 3, column 7: …" or the bare error.
    QString message() const;
};

namespace PluginsParser {

const QList<KnownPluginKey> &knownKeys();

// The text must be one JSON object; the known keys must be booleans (or null, which neko
// reads as "not set").
PluginsParseResult parse(const QString &text);

// The canonical text for an object, as the editor shows it.
QString format(const QJsonObject &plugins);

} // namespace PluginsParser
