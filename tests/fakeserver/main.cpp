// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakenekoserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QJsonObject flags(bool isAdmin, bool canSeeInactiveCursors)
{
    return QJsonObject {
            {u"is_admin"_s, isAdmin},
            {u"can_login"_s, true},
            {u"can_connect"_s, true},
            {u"can_watch"_s, true},
            {u"can_host"_s, true},
            {u"can_share_media"_s, true},
            {u"can_access_clipboard"_s, true},
            {u"sends_inactive_cursor"_s, true},
            {u"can_see_inactive_cursors"_s, canSeeInactiveCursors},
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"neko-fake-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"A local stand-in for a neko v3 server: login, logout, whoami, profile, health."_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (default 8080)."_s, u"N"_s,
                                        u"8080"_s);
    const QCommandLineOption prefixOption(
            u"prefix"_s, u"Serve the API under this path prefix, e.g. /neko."_s, u"path"_s);
    const QCommandLineOption cookieOption(
            u"cookie-mode"_s,
            u"Send the login token as a Secure cookie instead of in the JSON body."_s);
    const QCommandLineOption stateOption(
            u"print-state"_s,
            u"After every successful POST /api/profile print the session's live profile as one"
            " line of compact JSON starting with \"state: \"."_s);
    const QCommandLineOption tlsOption(
            u"tls"_s,
            u"Serve https with this PEM certificate and its unencrypted PEM RSA key, e.g. a "
            "self-signed pair made with openssl req -x509 -newkey rsa:2048 -nodes."_s,
            u"certificate,key"_s);
    parser.addOptions({portOption, prefixOption, cookieOption, stateOption, tlsOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err << "Invalid port: " << parser.value(portOption) << Qt::endl;
        return 2;
    }

    FakeNekoServer server;
    server.setPathPrefix(parser.value(prefixOption));
    server.setCookieMode(parser.isSet(cookieOption));
    if (parser.isSet(tlsOption)) {
        const QStringList files = parser.value(tlsOption).split(u',');
        QFile certificateFile(files.value(0));
        QFile keyFile(files.value(1));
        if (files.size() != 2 || !certificateFile.open(QIODevice::ReadOnly)
            || !keyFile.open(QIODevice::ReadOnly)) {
            err << "--tls needs two readable files: certificate.pem,key.pem" << Qt::endl;
            return 2;
        }
        const QSslCertificate certificate(&certificateFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            err << "--tls: not a PEM certificate and RSA key" << Qt::endl;
            return 2;
        }
        server.useTls(certificate, key);
    }

    // The same two members as neko's multiuser defaults, but with fixed ids as the file
    // provider gives them, so that every session can be found by its username.
    QJsonObject admin = flags(true, true);
    admin.insert(u"name"_s, u"admin"_s);
    admin.insert(u"plugins"_s,
                 QJsonObject {{u"chat.can_send"_s, true},
                              {u"chat.can_receive"_s, true},
                              {u"filetransfer.enabled"_s, true}});
    server.addMember(u"admin"_s, u"admin"_s, admin);

    QJsonObject user = flags(false, false);
    user.insert(u"name"_s, u"user"_s);
    user.insert(u"plugins"_s,
                QJsonObject {{u"chat.can_send"_s, true}, {u"chat.can_receive"_s, true}});
    server.addMember(u"user"_s, u"neko"_s, user);

    if (!server.listen(static_cast<quint16>(port))) {
        err << "Cannot listen on 127.0.0.1:" << port << Qt::endl;
        return 1;
    }

    out << "neko fake server listening at " << server.baseUrl().toString() << Qt::endl;
    out << "cookie mode: " << (server.cookieMode() ? "on" : "off") << Qt::endl;
    out << "members: admin / admin (admin), user / neko (user)" << Qt::endl;

    // Scripts read these lines from a pipe, so every line is flushed at once. The profile keeps
    // the field order of neko's own answers.
    const bool printState = parser.isSet(stateOption);
    const auto report = [&out, printState](const QString &memberId, const QJsonObject &profile) {
        if (!printState) {
            out << "profile of " << memberId << " changed" << Qt::endl;
            return;
        }
        const QByteArray idMember = QJsonDocument(QJsonObject {{u"id"_s, memberId}})
                                            .toJson(QJsonDocument::Compact)
                                            .chopped(1);
        out << "state: " << idMember << ",\"profile\":" << FakeNekoServer::encodeProfile(profile)
            << '}' << Qt::endl;
    };
    QObject::connect(&server, &FakeNekoServer::profileChanged, &app, report);

    return app.exec();
}
