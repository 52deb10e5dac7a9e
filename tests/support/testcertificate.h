// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QSslKey>

#include <optional>

// A self-signed certificate for 127.0.0.1, made fresh by openssl for a test.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    // nullopt when openssl is not there or failed; `error` says which.
    static std::optional<TestCertificate> create(QString *error);
};
