// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakenekoserver.h"

#include "fakehttpserver.h"
#include "gojsondecoder.h"

#include <QDateTime>
#include <QDir>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFakeServer, "nekoeditor.fakeserver", QtInfoMsg)

namespace {

const auto CookieName = "NEKO_SESSION"_ba;
const auto JsonType = "application/json"_ba;
const auto TextType = "text/plain; charset=utf-8"_ba;

// The nine permission flags of Go's MemberProfile, in the struct's field order.
constexpr QLatin1String ProfileFlags[] = {
        "is_admin"_L1,
        "can_login"_L1,
        "can_connect"_L1,
        "can_watch"_L1,
        "can_host"_L1,
        "can_share_media"_L1,
        "can_access_clipboard"_L1,
        "sends_inactive_cursor"_L1,
        "can_see_inactive_cursors"_L1,
};

// The one method each known route accepts, by path below the prefix; empty for unknown paths.
QByteArray allowedMethod(const QString &path)
{
    if (path == "/health"_L1 || path == "/api/whoami"_L1)
        return "GET"_ba;
    if (path == "/api/login"_L1 || path == "/api/logout"_L1 || path == "/api/profile"_L1)
        return "POST"_ba;
    return QByteArray();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Head:
        return "HEAD"_ba;
    case QHttpServerRequest::Method::Options:
        return "OPTIONS"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    case QHttpServerRequest::Method::Connect:
        return "CONNECT"_ba;
    case QHttpServerRequest::Method::Trace:
        return "TRACE"_ba;
    default:
        return "UNKNOWN"_ba;
    }
}

// Go's http.TimeFormat, always in English and GMT.
QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

// neko clears a cookie by sending back only its name, an empty value and a 1970 expiry.
std::pair<QByteArray, QByteArray> expiredCookie()
{
    return {"Set-Cookie"_ba,
            CookieName + "=; Expires=" + httpDate(QDateTime::fromSecsSinceEpoch(0, Qt::UTC))};
}

// One JSON value as compact text, including scalars that QJsonDocument cannot hold on their own.
QByteArray encodeValue(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// Builds an object whose members keep the given order, as Go writes struct fields.
QByteArray encodeMembers(const QList<std::pair<QLatin1String, QByteArray>> &members)
{
    QByteArray out = "{"_ba;
    for (const auto &[key, value] : members) {
        if (out.size() > 1)
            out += ',';
        out += encodeValue(QString(key)) + ':' + value;
    }
    return out + '}';
}

// Go's encoder escapes these for safe embedding in HTML. They can only occur inside strings, so
// replacing them in the finished text cannot break its structure. A trailing newline is added
// because neko writes with json.Encoder.
QByteArray goEncoded(QByteArray json)
{
    json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    json.replace("\xe2\x80\xa8", "\\u2028").replace("\xe2\x80\xa9", "\\u2029");
    return json + '\n';
}

QJsonObject normalizedProfile(const QJsonObject &profile)
{
    QJsonObject normalized;
    normalized.insert(u"name"_s, profile.value("name"_L1).toString());
    for (const QLatin1String flag : ProfileFlags)
        normalized.insert(flag, profile.value(flag).toBool());
    const QJsonValue plugins = profile.value("plugins"_L1);
    normalized.insert(u"plugins"_s, plugins.isObject() ? plugins : QJsonValue(QJsonValue::Null));
    return normalized;
}

// Go's Header.Get: the first header of that name, compared case-insensitively.
QByteArray firstHeader(const FakeRecordedRequest &request, const QByteArray &lowerName)
{
    for (const auto &[name, value] : request.rawHeaders) {
        if (name.toLower() == lowerName)
            return value;
    }
    return QByteArray();
}

// The value of the first NEKO_SESSION cookie in any Cookie header, like Go's Request.Cookie.
bool findCookie(const FakeRecordedRequest &request, QByteArray *value)
{
    for (const auto &[name, header] : request.rawHeaders) {
        if (name.toLower() != "cookie")
            continue;
        for (const QByteArray &part : header.split(';')) {
            const QByteArray pair = part.trimmed();
            const qsizetype equals = pair.indexOf('=');
            if (equals <= 0 || pair.left(equals) != CookieName)
                continue;
            QByteArray found = pair.mid(equals + 1);
            if (found.size() >= 2 && found.startsWith('"') && found.endsWith('"'))
                found = found.mid(1, found.size() - 2);
            *value = found;
            return true;
        }
    }
    return false;
}

// Result of decoding a profile update on top of an existing profile, field by field as Go's
// decoder does: a value of the wrong type is an error but decoding goes on.
struct ProfileDecode
{
    QJsonObject profile;
    QJsonObject leakedPlugins;
    bool typeError = false;
};

ProfileDecode decodeProfile(const QJsonObject &current, const GoJsonDecoder::Members &members)
{
    ProfileDecode result;
    result.profile = current;

    // Go decodes into a copy of the profile whose plugins map is the live session's own map,
    // so plugin keys land in the live session even when the request later fails. That sharing
    // lasts only while the copy still holds the live map.
    bool pluginsShared = current.value("plugins"_L1).isObject();

    for (const auto &[key, value] : members) {
        if (GoJsonDecoder::keyMatches(key, "name"_L1)) {
            if (value.isString())
                result.profile.insert(u"name"_s, value);
            else if (!value.isNull())
                result.typeError = true;
            continue;
        }

        if (GoJsonDecoder::keyMatches(key, "plugins"_L1)) {
            if (value.isNull()) {
                result.profile.insert(u"plugins"_s, QJsonValue::Null);
                pluginsShared = false;
                continue;
            }
            if (!value.isObject()) {
                result.typeError = true;
                continue;
            }

            // A nil map is allocated first, so even {} turns null plugins into an empty object.
            // Existing keys are kept and the body's keys overwrite or add entries.
            QJsonObject plugins = result.profile.value("plugins"_L1).toObject();
            const QJsonObject update = value.toObject();
            for (auto it = update.constBegin(); it != update.constEnd(); ++it) {
                plugins.insert(it.key(), it.value());
                if (pluginsShared)
                    result.leakedPlugins.insert(it.key(), it.value());
            }
            result.profile.insert(u"plugins"_s, plugins);
            continue;
        }

        for (const QLatin1String flag : ProfileFlags) {
            if (!GoJsonDecoder::keyMatches(key, flag))
                continue;
            if (value.isBool())
                result.profile.insert(flag, value);
            else if (!value.isNull())
                result.typeError = true;
            break;
        }
    }
    return result;
}

// Decodes a string field of a request struct; false means a value of the wrong type.
bool decodeStringField(const GoJsonDecoder::Members &members, QLatin1String field, QString *out)
{
    bool ok = true;
    for (const auto &[key, value] : members) {
        if (!GoJsonDecoder::keyMatches(key, field))
            continue;
        if (value.isString())
            *out = value.toString();
        else if (!value.isNull())
            ok = false;
    }
    return ok;
}

} // namespace

FakeNekoServer::FakeNekoServer(QObject *parent)
    : QObject(parent)
    , m_http(new FakeHttpServer(this))
{
    m_http->setHandler([this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        handleRequest(request, responder);
    });
}

FakeNekoServer::~FakeNekoServer() = default;

bool FakeNekoServer::listen(quint16 port)
{
    if (m_port != 0)
        return false;

    // Newer Qt versions move listening to bind(); this is the only place that would change.
    m_port = m_http->listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

quint16 FakeNekoServer::port() const
{
    return m_port;
}

QUrl FakeNekoServer::baseUrl() const
{
    const QString scheme = m_tls ? u"https"_s : u"http"_s;
    return QUrl(u"%1://127.0.0.1:%2%3/"_s.arg(scheme).arg(m_port).arg(m_prefix));
}

void FakeNekoServer::useTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_http->sslSetup(certificate, key);
    m_tls = true;
}

void FakeNekoServer::setPathPrefix(const QString &prefix)
{
    // Same as neko's path.Join("/", path.Clean(prefix)); the root means no prefix at all.
    const QString cleaned = QDir::cleanPath(u"/"_s + prefix);
    m_prefix = cleaned == "/"_L1 ? QString() : cleaned;
}

QString FakeNekoServer::pathPrefix() const
{
    return m_prefix;
}

void FakeNekoServer::setCookieMode(bool on)
{
    m_cookieMode = on;
}

bool FakeNekoServer::cookieMode() const
{
    return m_cookieMode;
}

void FakeNekoServer::setLoginsLocked(bool on)
{
    m_loginsLocked = on;
}

void FakeNekoServer::addMember(const QString &username, const QString &password,
                               const QJsonObject &profile)
{
    Member &member = m_members[username];
    member.password = password;
    member.profile = normalizedProfile(profile);
}

void FakeNekoServer::setMemberConnected(const QString &username, bool connected)
{
    if (m_members.contains(username))
        m_members[username].connected = connected;
}

QJsonObject FakeNekoServer::sessionProfile(const QString &memberId) const
{
    return m_sessions.value(memberId).profile;
}

QString FakeNekoServer::tokenOf(const QString &memberId) const
{
    return m_sessions.value(memberId).token;
}

QStringList FakeNekoServer::sessionIds() const
{
    QStringList ids = m_sessions.keys();
    ids.sort();
    return ids;
}

void FakeNekoServer::setSessionProfile(const QString &memberId, const QJsonObject &profile)
{
    if (m_sessions.contains(memberId))
        m_sessions[memberId].profile = normalizedProfile(profile);
}

void FakeNekoServer::dropAllSessions()
{
    m_sessions.clear();
}

void FakeNekoServer::respondOnce(const QString &apiPath, int status, const QByteArray &contentType,
                                 const QByteArray &body)
{
    m_cannedAnswers[apiPath].append({status, contentType, body});
}

QList<FakeRecordedRequest> FakeNekoServer::requests() const
{
    return m_requests;
}

QList<FakeRecordedRequest> FakeNekoServer::requestsTo(const QString &apiPath) const
{
    QList<FakeRecordedRequest> matching;
    for (const FakeRecordedRequest &request : m_requests) {
        if (apiPathOf(request.path) == apiPath)
            matching.append(request);
    }
    return matching;
}

void FakeNekoServer::clearRequests()
{
    m_requests.clear();
}

QByteArray FakeNekoServer::encodeProfile(const QJsonObject &profile)
{
    const QJsonObject normalized = normalizedProfile(profile);
    QList<std::pair<QLatin1String, QByteArray>> members;
    members.append({"name"_L1, encodeValue(normalized.value("name"_L1))});
    for (const QLatin1String flag : ProfileFlags)
        members.append({flag, encodeValue(normalized.value(flag))});
    members.append({"plugins"_L1, encodeValue(normalized.value("plugins"_L1))});
    return encodeMembers(members);
}

void FakeNekoServer::handleRequest(const QHttpServerRequest &request,
                                   QHttpServerResponder &responder)
{
    FakeRecordedRequest recorded;
    recorded.method = methodName(request.method());
    recorded.path = request.url().path(QUrl::FullyEncoded);
    recorded.query = request.query();
    recorded.body = request.body();
    recorded.rawHeaders = request.headers();
    for (const auto &[name, value] : std::as_const(recorded.rawHeaders)) {
        QByteArray &slot = recorded.headers[name.toLower()];
        slot = slot.isEmpty() ? value : slot + ", " + value;
    }

    // Recording comes first, so that a test sees the request even if answering it goes wrong.
    m_requests.append(recorded);
    Q_EMIT requestReceived(recorded);

    Response response = route(recorded);
    qCDebug(lcFakeServer) << recorded.method << recorded.path << response.status;

    // Go's server adds a Date header to every answer and sends no body for HEAD; 204 and 304
    // must never carry one either.
    response.headers.append({"Date"_ba, httpDate(QDateTime::currentDateTimeUtc())});
    const bool bodyless
            = recorded.method == "HEAD" || response.status == 204 || response.status == 304;
    if (bodyless)
        response.body.clear();

    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : std::as_const(response.headers))
        responder.writeHeader(name, value);
    if (!bodyless || !response.body.isEmpty())
        responder.writeHeader("Content-Length"_ba, QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

FakeNekoServer::Response FakeNekoServer::route(const FakeRecordedRequest &request)
{
    const Response notFound {
            404,
            {{"Content-Type"_ba, TextType}, {"X-Content-Type-Options"_ba, "nosniff"_ba}},
            "404 page not found\n"_ba};

    // Like http.StripPrefix: a path outside the prefix never reaches the router.
    QString path = request.path;
    if (!m_prefix.isEmpty()) {
        if (!path.startsWith(m_prefix))
            return notFound;
        path = path.mid(m_prefix.size());
    }

    // A canned answer wins over everything else, including the method check and auth.
    if (path.startsWith("/api/"_L1)) {
        auto canned = m_cannedAnswers.find(path.mid(5));
        if (canned != m_cannedAnswers.end() && !canned->isEmpty()) {
            const CannedAnswer answer = canned->takeFirst();
            Response response {answer.status, {}, answer.body};
            if (!answer.contentType.isEmpty())
                response.headers.append({"Content-Type"_ba, answer.contentType});
            return response;
        }
    }

    // chi refuses a method it does not know before it looks at the path.
    if (request.method == "UNKNOWN")
        return Response {405, {}, {}};

    const QByteArray allowed = allowedMethod(path);
    if (allowed.isEmpty())
        return notFound;
    if (request.method != allowed)
        return Response {405, {{"Allow"_ba, allowed}}, {}};

    if (path == "/health"_L1)
        return Response {200, {{"Content-Type"_ba, TextType}}, "true"_ba};
    if (path == "/api/login"_L1)
        return login(request);

    // Every other route sits behind neko's Authenticate middleware.
    const AuthResult auth = authenticate(request);
    if (auth.errorStatus != 0) {
        Response response = jsonError(auth.errorStatus, auth.errorMessage);

        // On failure neko expires a cookie the request carried, without any attributes.
        QByteArray cookie;
        if (m_cookieMode && findCookie(request, &cookie))
            response.headers.append(expiredCookie());
        return response;
    }

    if (path == "/api/logout"_L1)
        return logout(request, auth.sessionId);
    if (path == "/api/whoami"_L1)
        return whoami(auth.sessionId);
    return updateProfile(request, auth.sessionId);
}

FakeNekoServer::Response FakeNekoServer::jsonError(int status, const QString &message)
{
    const QByteArray body = encodeMembers(
            {{"code"_L1, QByteArray::number(status)}, {"message"_L1, encodeValue(message)}});
    return Response {status, {{"Content-Type"_ba, JsonType}}, goEncoded(body)};
}

FakeNekoServer::Response FakeNekoServer::login(const FakeRecordedRequest &request)
{
    GoJsonDecoder::Members members;
    const GoJsonDecoder::Outcome outcome = GoJsonDecoder::decode(request.body, &members);
    if (outcome == GoJsonDecoder::Outcome::NoData)
        return jsonError(400, u"no data provided"_s);
    QString username;
    QString password;
    if (outcome == GoJsonDecoder::Outcome::Invalid
        || !decodeStringField(members, "username"_L1, &username)
        || !decodeStringField(members, "password"_L1, &password)) {
        return jsonError(400, u"unable to parse provided data"_s);
    }

    // Unknown user and wrong password look the same from outside.
    const auto member = m_members.constFind(username);
    if (member == m_members.constEnd() || member->password != password)
        return jsonError(401, u"Unauthorized"_s);
    if (m_loginsLocked && !member->profile.value("is_admin"_L1).toBool())
        return jsonError(403, u"logins are locked"_s);
    if (member->connected)
        return jsonError(422, u"session already connected"_s);

    // The file and object providers use the username as session id, so a new login replaces
    // the member's old session and its token stops working.
    const QString token = newToken();
    m_sessions.insert(username, Session {token, member->profile});

    QList<std::pair<QLatin1String, QByteArray>> fields;
    fields.append({"id"_L1, encodeValue(username)});
    if (!m_cookieMode)
        fields.append({"token"_L1, encodeValue(token)});
    fields.append({"profile"_L1, encodeProfile(member->profile)});
    fields.append({"state"_L1, encodeState(username)});

    Response response {200, {{"Content-Type"_ba, JsonType}}, goEncoded(encodeMembers(fields))};
    if (m_cookieMode) {
        // neko's defaults: 24 hours, HttpOnly, Secure and therefore SameSite=None, no Path.
        const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(24 * 60 * 60);
        response.headers.append({"Set-Cookie"_ba,
                                 CookieName + '=' + token.toLatin1()
                                         + "; Expires=" + httpDate(expires)
                                         + "; HttpOnly; Secure; SameSite=None"});
    }
    return response;
}

FakeNekoServer::Response FakeNekoServer::logout(const FakeRecordedRequest &request,
                                                const QString &sessionId)
{
    m_sessions.remove(sessionId);
    Response response {200, {{"Content-Type"_ba, JsonType}}, "true\n"_ba};
    QByteArray cookie;
    if (m_cookieMode && findCookie(request, &cookie))
        response.headers.append(expiredCookie());
    return response;
}

FakeNekoServer::Response FakeNekoServer::whoami(const QString &sessionId) const
{
    const QByteArray body
            = encodeMembers({{"id"_L1, encodeValue(sessionId)},
                             {"profile"_L1, encodeProfile(m_sessions.value(sessionId).profile)},
                             {"state"_L1, encodeState(sessionId)}});
    return Response {200, {{"Content-Type"_ba, JsonType}}, goEncoded(body)};
}

FakeNekoServer::Response FakeNekoServer::updateProfile(const FakeRecordedRequest &request,
                                                       const QString &sessionId)
{
    GoJsonDecoder::Members members;
    const GoJsonDecoder::Outcome outcome = GoJsonDecoder::decode(request.body, &members);
    if (outcome == GoJsonDecoder::Outcome::NoData)
        return jsonError(400, u"no data provided"_s);
    if (outcome == GoJsonDecoder::Outcome::Invalid)
        return jsonError(400, u"unable to parse provided data"_s);

    Session &session = m_sessions[sessionId];
    QJsonObject updated = session.profile;
    if (session.profile.value("is_admin"_L1).toBool()) {
        const ProfileDecode decoded = decodeProfile(session.profile, members);
        if (decoded.typeError) {
            // The real server leaks plugin keys into the live session before it fails.
            if (!decoded.leakedPlugins.isEmpty()) {
                QJsonObject plugins = session.profile.value("plugins"_L1).toObject();
                for (auto it = decoded.leakedPlugins.constBegin();
                     it != decoded.leakedPlugins.constEnd(); ++it) {
                    plugins.insert(it.key(), it.value());
                }
                session.profile.insert(u"plugins"_s, plugins);
            }
            return jsonError(400, u"unable to parse provided data"_s);
        }
        updated = decoded.profile;
    } else {
        // Non-admins decode into an empty profile and only its name is copied, so an absent
        // or null name empties the session's name.
        const ProfileDecode decoded = decodeProfile(normalizedProfile({}), members);
        if (decoded.typeError)
            return jsonError(400, u"unable to parse provided data"_s);
        updated.insert(u"name"_s, decoded.profile.value("name"_L1));
    }

    session.profile = updated;
    Q_EMIT profileChanged(sessionId, updated);
    return Response {200, {{"Content-Type"_ba, JsonType}}, "true\n"_ba};
}

FakeNekoServer::AuthResult FakeNekoServer::authenticate(const FakeRecordedRequest &request) const
{
    // The token sources in neko's order; the first one present is the only one looked at.
    QString token;
    bool found = false;
    QByteArray cookie;
    if (m_cookieMode && findCookie(request, &cookie)) {
        token = QString::fromUtf8(cookie);
        found = true;
    }
    if (!found) {
        // Go's Header.Get returns the first header only, and the token is whatever follows the
        // literal "Bearer " when it occurs exactly once, so the scheme is case-sensitive.
        const QByteArray header = firstHeader(request, "authorization");
        const qsizetype first = header.indexOf("Bearer ");
        if (first >= 0 && header.indexOf("Bearer ", first + 7) < 0) {
            token = QString::fromUtf8(header.mid(first + 7).trimmed());
            found = true;
        }
    }
    if (!found) {
        token = request.query.queryItemValue(u"token"_s, QUrl::FullyDecoded);
        found = !token.isEmpty();
    }

    const QString sessionId = found ? findSessionByToken(token) : QString();
    if (sessionId.isEmpty())
        return AuthResult {QString(), 401, u"Unauthorized"_s};
    if (!m_sessions.value(sessionId).profile.value("can_login"_L1).toBool())
        return AuthResult {QString(), 403, u"login is disabled for this session"_s};
    return AuthResult {sessionId, 0, QString()};
}

QString FakeNekoServer::apiPathOf(const QString &path) const
{
    const QString apiRoot = m_prefix + "/api/"_L1;
    return path.startsWith(apiRoot) ? path.mid(apiRoot.size()) : QString();
}

QString FakeNekoServer::findSessionByToken(const QString &token) const
{
    if (token.isEmpty())
        return QString();
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it) {
        if (it->token == token)
            return it.key();
    }
    return QString();
}

QByteArray FakeNekoServer::encodeState(const QString &sessionId) const
{
    const bool connected = m_members.value(sessionId).connected;
    return encodeMembers({{"is_connected"_L1, connected ? "true"_ba : "false"_ba},
                          {"is_watching"_L1, "false"_ba}});
}

QString FakeNekoServer::newToken()
{
    // neko's nanoid alphabet has exactly 64 URL-safe characters.
    static const char Alphabet[]
            = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QString token;
    token.reserve(64);
    for (int i = 0; i < 64; ++i)
        token += QLatin1Char(Alphabet[QRandomGenerator::global()->bounded(64)]);
    return token;
}
