// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "pluginsparser.h"

#include <QStringList>

using namespace Qt::StringLiterals;

// Whatever a user types or pastes into the plugins editor.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    const PluginsParseResult result = PluginsParser::parse(text);

    if (result.ok) {
        fuzzCheck(result.error.isEmpty() && result.line == 0 && result.column == 0,
                  "accepted text has no error", text);

        // Formatting what was accepted gives text that reads back as the same object.
        const QString formatted = PluginsParser::format(result.plugins);
        const PluginsParseResult again = PluginsParser::parse(formatted);
        fuzzCheck(again.ok, "formatted text is accepted", formatted + u' ' + again.message());
        fuzzCheck(again.plugins == result.plugins, "formatted text is the same object", formatted);
        fuzzCheck(PluginsParser::format(again.plugins) == formatted, "formatting is stable",
                  formatted);
        return 0;
    }

    fuzzCheck(!result.error.isEmpty(), "refused text says why", text);
    fuzzCheck(result.line >= 0 && result.column >= 0, "no negative position", text);
    fuzzCheck((result.line == 0) == (result.column == 0), "a position has a line and a column",
              text);
    if (result.line == 0) {
        fuzzCheck(result.message() == result.error, "no position, no prefix", text);
        return 0;
    }

    // The position is one the editor can put its cursor on: an existing line, and a column
    // from the first character up to just after the last one.
    const QStringList lines = text.split(u'\n');
    fuzzCheck(result.line <= lines.size(), "the error's line exists",
              text + u' ' + result.message());
    fuzzCheck(result.column >= 1 && result.column <= lines.at(result.line - 1).size() + 1,
              "the error's column is on its line", text + u' ' + result.message());
    fuzzCheck(result.message().startsWith("Line "_L1), "the message starts with the position",
              result.message());
    return 0;
}
