// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

// The system's keychain through QtKeychain: the Secret Service or KWallet on Linux, the
// Credential Manager on Windows, the Keychain on macOS.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // `service` names the app's entries in the keychain.
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    const QString m_service;
};
