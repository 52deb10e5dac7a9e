// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcNetwork, "nekoeditor.network", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "nekoeditor.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDrafts, "nekoeditor.drafts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "nekoeditor.secrets", QtInfoMsg)
