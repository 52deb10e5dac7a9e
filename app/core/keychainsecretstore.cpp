// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>

#ifdef NEKOEDITOR_KEYCHAIN_ON_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

using namespace Qt::StringLiterals;

namespace {

// Whether a keychain service could answer at all. Only Linux can tell; elsewhere the system
// keychain is always there.
bool keychainServiceRuns()
{
#ifdef NEKOEDITOR_KEYCHAIN_ON_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QDBusConnectionInterface *services = bus.interface();
    for (const char *name : {"org.freedesktop.secrets", "org.kde.kwalletd6", "org.kde.kwalletd5",
                             "org.kde.kwalletd"}) {
        if (services->isServiceRegistered(QString::fromLatin1(name)))
            return true;
    }

    // The Secret Service is often started on demand by the bus.
    const QStringList activatable = services->activatableServiceNames();
    return activatable.contains(u"org.freedesktop.secrets"_s);
#else
    return true;
#endif
}

SecretStore::Result resultOf(const QKeychain::Job *job)
{
    SecretStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = SecretStore::Status::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretStore::Status::NotFound;
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretStore::Status::Unavailable;
        break;
    default:
        result.status = SecretStore::Status::Failed;
        break;
    }
    result.errorString = job->errorString();

    // Without a keychain service QtKeychain often says no more than "Unknown error".
    if (!keychainServiceRuns()) {
        result.status = SecretStore::Status::Unavailable;
        result.errorString = QCoreApplication::translate(
                "KeychainSecretStore",
                "no keychain service, such as GNOME Keyring or KWallet, is running");
    }
    return result;
}

// Jobs delete themselves once they have reported; `done` runs only while `context` lives.
void run(QKeychain::Job *job, const QString &key, QObject *context,
         const std::function<void(const SecretStore::Result &)> &done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done] {
        SecretStore::Result result = resultOf(job);
        if (const auto *read = qobject_cast<const QKeychain::ReadPasswordJob *>(job);
            read && result.status == SecretStore::Status::Ok) {
            result.secret = read->textData();
        }
        done(result);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{ }

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(m_service, this), key, context, done);
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    run(job, key, context, done);
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    run(new QKeychain::DeletePasswordJob(m_service, this), key, context, done);
}
