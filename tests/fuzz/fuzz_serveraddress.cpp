// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "serveraddress.h"

using namespace Qt::StringLiterals;

namespace {

// Everything the client asks neko for; each must stay under the address's path prefix.
const QString endpoints[] = {u"login"_s, u"logout"_s, u"whoami"_s, u"profile"_s};

QString encoded(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

// Whatever a user types or pastes into the server field.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(fuzzBytes(data, size));
    const ServerAddress address = ServerAddress::parse(input);

    if (!address.isValid()) {
        fuzzCheck(!address.error().isEmpty(), "a refused address says why", input);
        fuzzCheck(address.baseUrl().isEmpty(), "a refused address has no URL", input);
        return 0;
    }

    const QUrl base = address.baseUrl();
    const QString shown = encoded(base);
    fuzzCheck(address.error().isEmpty(), "an accepted address has no error", input);
    fuzzCheck(base.isValid(), "the base URL is valid", shown);
    fuzzCheck(base.scheme() == "http"_L1 || base.scheme() == "https"_L1,
              "the scheme is http or https", shown);
    fuzzCheck(!base.host().isEmpty(), "the base URL names a host", shown);

    // The query, fragment and user info may carry a password; none of it may be kept.
    fuzzCheck(!base.hasQuery() && !base.hasFragment() && base.userInfo().isEmpty(),
              "the base URL has no query, fragment or user info", shown);
    fuzzCheck(base.path().startsWith(u'/') && base.path().endsWith(u'/'),
              "the path prefix starts and ends with a slash", shown);

    // The settings keep the display string and the sign-in dialog reads it back: it must name
    // the same server, and carry no password of a pasted link.
    const ServerAddress again = ServerAddress::parse(address.displayString());
    fuzzCheck(again.isValid(), "the display string is a valid address",
              address.displayString() + u' ' + again.error());
    fuzzCheck(again.baseUrl() == base, "the display string reads back as the same address",
              shown + u' ' + encoded(again.baseUrl()));
    fuzzCheck(again.linkPassword().isEmpty(), "the display string carries no password", shown);

    // Every API call goes to the same server, under the path prefix, with nothing appended.
    for (const QString &endpoint : endpoints) {
        const QUrl api = address.apiUrl(endpoint);
        const QString expected = shown + "api/"_L1 + endpoint;
        fuzzCheck(api.isValid(), "the API URL is valid", encoded(api));
        fuzzCheck(api.scheme() == base.scheme() && api.host() == base.host()
                          && api.port() == base.port(),
                  "the API URL goes to the same server", shown + u' ' + encoded(api));
        fuzzCheck(encoded(api) == expected, "the API URL is the endpoint under the prefix",
                  expected + u' ' + encoded(api));
        fuzzCheck(ServerAddress::apiUrl(base, endpoint) == api,
                  "the API URL depends on the base URL only", encoded(api));
    }
    return 0;
}
