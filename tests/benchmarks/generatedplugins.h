// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

// A plugins object as a busy server might hold it: the three documented keys and then
// settings of many plugins, with strings, numbers, booleans, nested objects and arrays. It is
// the same for the same size, so that runs compare.
namespace GeneratedPlugins {

// An object whose text in the editor (PluginsParser::format) has at least this many bytes.
QJsonObject ofSize(qsizetype formattedBytes);

} // namespace GeneratedPlugins
