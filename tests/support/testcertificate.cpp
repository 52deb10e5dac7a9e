// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcertificate.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

std::optional<TestCertificate> TestCertificate::create(QString *error)
{
    QTemporaryDir dir;
    const QString keyPath = dir.filePath(u"key.pem"_s);
    const QString certificatePath = dir.filePath(u"certificate.pem"_s);

    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                   u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                   u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, keyPath, u"-out"_s,
                   certificatePath});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        *error = u"openssl could not make a certificate: %1 %2"_s.arg(
                openssl.errorString(), QString::fromLocal8Bit(openssl.readAllStandardError()));
        return std::nullopt;
    }

    QFile keyFile(keyPath);
    QFile certificateFile(certificatePath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certificateFile.open(QIODevice::ReadOnly)) {
        *error = u"the certificate files were not written"_s;
        return std::nullopt;
    }
    TestCertificate made;
    made.key = QSslKey(&keyFile, QSsl::Rsa);
    made.certificate = QSslCertificate(&certificateFile);
    return made;
}
