// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// A query item as a browser reads it from a link: "+" is a space there, "%2B" a plus.
QString formValue(const QUrl &url, const QString &name)
{
    QString encoded = QUrlQuery(url).queryItemValue(name, QUrl::FullyEncoded);
    encoded.replace(u'+', "%20"_L1);
    return QUrl::fromPercentEncoding(encoded.toLatin1());
}

} // namespace

ServerAddress ServerAddress::parse(const QString &input)
{
    ServerAddress address;
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        address.m_error = QCoreApplication::translate("ServerAddress",
                                                      "Enter the address of the neko server.");
        return address;
    }

    // "http//host", "http:/host" or "http:///host" would become a server named "http", and the
    // sign-in would fail with a puzzling "not found". The intended address is plain to see, but
    // it is shown rather than used, so that nothing is sent to an address nobody typed.
    static const QRegularExpression mistypedScheme(u"^(https?)(/{2,}|:/|:/{3,})(?=[^/])"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch mistyped = mistypedScheme.match(text);
    if (mistyped.hasMatch()) {
        const QString scheme = mistyped.captured(1).toLower();
        const ServerAddress intended = parse(scheme + "://"_L1 + text.mid(mistyped.capturedEnd()));
        const QString typed = text.left(mistyped.capturedEnd());
        if (!intended.isValid()) {
            address.m_error = QCoreApplication::translate("ServerAddress",
                                                          "The address begins with \"%1\" where "
                                                          "\"%2://\" belongs.")
                                      .arg(typed, scheme);
            return address;
        }

        // The query and user info stay out of the message: they may hold a password.
        QUrl shown = intended.baseUrl();
        if (shown.path() == "/"_L1)
            shown.setPath(QString());
        address.m_error = QCoreApplication::translate("ServerAddress",
                                                      "The address begins with \"%1\" where "
                                                      "\"%2://\" belongs. Did you mean %3?")
                                  .arg(typed, scheme, shown.toDisplayString());
        return address;
    }

    // Without a scheme QUrl would read "host:8080" as scheme "host"; neko serves plain http
    // unless a proxy in front adds TLS, so http is the default people expect.
    static const QRegularExpression schemePrefix(u"^[A-Za-z][A-Za-z0-9+.-]*://"_s);
    const bool hasScheme = schemePrefix.match(text).hasMatch();
    QUrl url(hasScheme ? text : "http://"_L1 + text, QUrl::TolerantMode);

    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        address.m_error = QCoreApplication::translate("ServerAddress",
                                                      "\"%1\" is not a server address. Type it "
                                                      "like host:8080 or https://host/neko/.")
                                  .arg(text);
        return address;
    }
    if (scheme != "http"_L1 && scheme != "https"_L1) {
        address.m_error = QCoreApplication::translate("ServerAddress",
                                                      "Only http and https addresses are "
                                                      "supported, not %1.")
                                  .arg(url.scheme());
        return address;
    }

    // A web-client link carries the credentials in its query, an address like
    // http://user:password@host in its user info; take them out of the address. The two are
    // never mixed: a username from one place and a password from the other would belong to
    // different members.
    const QUrlQuery query(url);
    if (query.hasQueryItem(u"usr"_s) || query.hasQueryItem(u"pwd"_s)) {
        address.m_linkUsername = formValue(url, u"usr"_s);
        address.m_linkPassword = formValue(url, u"pwd"_s);
    } else {
        address.m_linkUsername = url.userName(QUrl::FullyDecoded);
        address.m_linkPassword = url.password(QUrl::FullyDecoded);
    }

    url.setScheme(scheme);
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());

    // The path is the reverse proxy's prefix; "api/…" is resolved below it, so it must end in
    // a slash or QUrl::resolved() would replace its last segment. It is read and written
    // encoded, so that an escaped slash ("%2F") stays inside its segment.
    QString path = url.path(QUrl::FullyEncoded);
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path, QUrl::TolerantMode);

    // QUrl::resolved() also removes "." and ".." segments, so "/neko/../" would send every
    // call to the root. Resolving "." removes them the same way here, so that the prefix shown
    // and stored is the one used. (QUrl::NormalizePathSegments differs: Qt 6.4 drops a segment
    // such as ".x" in "/a/.x/b".)
    url = url.resolved(QUrl(u"."_s));

    // "http://localhost/" with a port typed at its end reads as the path "/:8473". That is
    // never a reverse proxy's prefix, and the sign-in would go to port 80 again.
    static const QRegularExpression portInPath(u"^/:([0-9]{1,5})(/.*)?$"_s);
    const QRegularExpressionMatch strayPort = portInPath.match(url.path());
    if (url.port() == -1 && strayPort.hasMatch()) {
        const QString prefix = strayPort.captured(2) == u"/"_s ? QString() : strayPort.captured(2);
        const QUrl meant(u"%1://%2:%3%4"_s.arg(scheme, url.host(QUrl::FullyEncoded),
                                               strayPort.captured(1), prefix));
        address.m_error = QCoreApplication::translate("ServerAddress",
                                                      "The port goes right after the host name, "
                                                      "before any slash. Did you mean %1?")
                                  .arg(meant.toDisplayString());
        return address;
    }

    address.m_baseUrl = url;
    return address;
}

QString ServerAddress::displayString() const
{
    return m_baseUrl.toDisplayString();
}

QUrl ServerAddress::apiUrl(const QString &endpoint) const
{
    return apiUrl(m_baseUrl, endpoint);
}

QUrl ServerAddress::apiUrl(const QUrl &baseUrl, const QString &endpoint)
{
    return baseUrl.resolved(QUrl("api/"_L1 + endpoint));
}
