// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Where the app keeps a session token that the admin asked it to remember: the system's
// keychain in the app, a stand-in in the tests. Nothing else may hold a secret, so there is
// no fallback to a file when the keychain is missing.
//
// Every call ends in exactly one call of `done`, later, in the thread of `context`; not at
// all if `context` is destroyed first.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Ok,
        NotFound,
        Unavailable, // no keychain on this system, or none that answers
        Failed, // the keychain answered with an error, such as access denied
    };

    struct Result
    {
        Status status = Status::Ok;
        QString secret; // only for a successful read
        QString errorString; // the keychain's own words, for the user
    };

    using Callback = std::function<void(const Result &result)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback done)
            = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
};
