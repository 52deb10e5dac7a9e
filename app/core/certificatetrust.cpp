// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatetrust.h"

#include "appsettings.h"

#include <QCryptographicHash>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace {

// One entry per host and port: the same host may serve other certificates on other ports.
QString serverKey(const QUrl &server)
{
    return u"%1:%2"_s.arg(server.host()).arg(server.port(server.scheme() == "https"_L1 ? 443 : 80));
}

} // namespace

namespace CertificateTrust {

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString format(const QByteArray &fingerprint)
{
    return QString::fromLatin1(fingerprint.toHex(':').toUpper());
}

QByteArray trusted(const QUrl &server)
{
    return AppSettings().trustedCertificate(serverKey(server));
}

void trust(const QUrl &server, const QByteArray &fingerprint)
{
    AppSettings().setTrustedCertificate(serverKey(server), fingerprint);
}

} // namespace CertificateTrust
