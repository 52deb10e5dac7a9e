// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QMap>

// A keychain in memory for the tests. Like a real one it answers later, from the event loop,
// and it can play a system without a keychain or one that refuses access.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    // Unavailable plays a system without a keychain, Failed one that denies access.
    void setStatus(Status status) { m_status = status; }

    QMap<QString, QString> contents() const { return m_secrets; }
    void setContents(const QMap<QString, QString> &secrets) { m_secrets = secrets; }

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    void answer(QObject *context, Callback done, const Result &result);
    Result failure() const;

    QMap<QString, QString> m_secrets;
    Status m_status = Status::Ok;
};
