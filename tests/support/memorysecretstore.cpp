// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

#include <QMetaObject>

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    if (m_status != Status::Ok)
        return answer(context, done, failure());
    Result result;
    if (m_secrets.contains(key))
        result.secret = m_secrets.value(key);
    else
        result.status = Status::NotFound;
    answer(context, done, result);
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                              Callback done)
{
    if (m_status != Status::Ok)
        return answer(context, done, failure());
    m_secrets.insert(key, secret);
    answer(context, done, {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    if (m_status != Status::Ok)
        return answer(context, done, failure());
    Result result;
    if (m_secrets.remove(key) == 0)
        result.status = Status::NotFound;
    answer(context, done, result);
}

void MemorySecretStore::answer(QObject *context, Callback done, const Result &result)
{
    QMetaObject::invokeMethod(
            context, [done, result] { done(result); }, Qt::QueuedConnection);
}

SecretStore::Result MemorySecretStore::failure() const
{
    Result result;
    result.status = m_status;
    result.errorString = m_status == Status::Unavailable
            ? QStringLiteral("No keychain service available")
            : QStringLiteral("Access denied by the test");
    return result;
}
