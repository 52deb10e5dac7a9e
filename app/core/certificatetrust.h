// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

class QSslCertificate;

// The certificates an admin chose to trust although the system does not, one per server,
// remembered by their SHA-256 fingerprint. A fingerprint is no secret: it is what the server
// shows everyone who connects.
namespace CertificateTrust {

QByteArray fingerprint(const QSslCertificate &certificate);

// "AB:CD:…", the way browsers and openssl show it.
QString format(const QByteArray &fingerprint);

// The trusted fingerprint for the server at this address (scheme, host and port); empty if
// none.
QByteArray trusted(const QUrl &server);
void trust(const QUrl &server, const QByteArray &fingerprint);

} // namespace CertificateTrust
