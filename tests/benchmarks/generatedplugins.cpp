// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatedplugins.h"

#include "pluginsparser.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QJsonValue settingValue(int plugin, int setting)
{
    switch ((plugin + setting) % 5) {
    case 0:
        return u"value %1 of plugin %2, with some words to make it longer"_s.arg(setting).arg(
                plugin);
    case 1:
        return plugin * 31 + setting;
    case 2:
        return (plugin + setting) % 2 == 0;
    case 3:
        return QJsonObject {{"mode"_L1, u"mode-%1"_s.arg(setting)},
                            {"ratio"_L1, 0.25 * setting},
                            {"enabled"_L1, true}};
    default:
        return QJsonArray {plugin, setting, u"item"_s, false};
    }
}

} // namespace

namespace GeneratedPlugins {

QJsonObject ofSize(qsizetype formattedBytes)
{
    QJsonObject plugins {{"chat.can_send"_L1, true},
                         {"chat.can_receive"_L1, true},
                         {"filetransfer.enabled"_L1, false}};

    // Plugins of eight settings each, added in steps that aim just short of the size: the
    // text is measured after each step, so the result is at most one small step larger.
    constexpr int SettingsPerPlugin = 8;
    constexpr int SmallestStep = 4;
    int plugin = 0;
    for (;;) {
        const qsizetype size = PluginsParser::format(plugins).toUtf8().size();
        if (size >= formattedBytes)
            break;
        const qsizetype perPlugin = plugin > 0 ? size / plugin : 1000;
        const qsizetype step
                = std::max<qsizetype>(SmallestStep, (formattedBytes - size) * 9 / 10 / perPlugin);
        for (const qsizetype end = plugin + step; plugin < end; ++plugin) {
            for (int setting = 0; setting < SettingsPerPlugin; ++setting) {
                plugins.insert(
                        u"plugin%1.setting_%2"_s.arg(plugin, 5, 10, QLatin1Char('0')).arg(setting),
                        settingValue(plugin, setting));
            }
        }
    }
    return plugins;
}

} // namespace GeneratedPlugins
