// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Enable with QT_LOGGING_RULES="nekoeditor.*.debug=true". The categories log methods, paths
// and statuses only: never passwords, tokens or request bodies.
Q_DECLARE_LOGGING_CATEGORY(lcNetwork)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcDrafts)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
