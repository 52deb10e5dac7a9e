// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nekoclient.h"

#include "apirequests.h"
#include "certificatetrust.h"
#include "logging.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace {

// neko's default cookie name; in cookie mode the token is only in this cookie.
constexpr char SessionCookieName[] = "NEKO_SESSION";

// Where the current hop of a redirected request started.
constexpr char HopStartProperty[] = "nekoeditor.hopStart";
constexpr char HopCountProperty[] = "nekoeditor.hopCount";

} // namespace

NekoClient::NekoClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_timeout(ApiRequests::DefaultTransferTimeout)
{ }

NekoClient::~NekoClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void NekoClient::setBaseUrl(const QUrl &baseUrl, const QByteArray &trustedCertificate)
{
    m_trustedCertificate = trustedCertificate;
    if (baseUrl == m_baseUrl)
        return;

    // A token and a parked request belong to the server they came from.
    m_baseUrl = baseUrl;
    m_token.clear();
    m_parked = {};
}

bool NekoClient::isBusy() const
{
    return !m_running.steps.isEmpty();
}

ApiOperation NekoClient::runningOperation() const
{
    // A save ends by reading the profile back, a sign-in by confirming it: the first step
    // names the whole.
    return m_running.steps.isEmpty() ? ApiOperation::Load : m_running.steps.constFirst().operation;
}

bool NekoClient::signIn(const QString &username, const QString &password)
{
    qCInfo(lcAuth) << "signing in to" << m_baseUrl.host();
    return start({{{"POST"_ba, u"login"_s, ApiRequests::loginBody(username, password),
                    ApiOperation::SignIn},
                   {"GET"_ba, u"whoami"_s, {}, ApiOperation::ConfirmSignIn}}});
}

bool NekoClient::resume(const QString &token)
{
    if (isBusy() || token.isEmpty())
        return false;
    m_token = token;
    return start({{{"GET"_ba, u"whoami"_s, {}, ApiOperation::ConfirmSignIn}}});
}

bool NekoClient::loadProfile()
{
    return start({{{"GET"_ba, u"whoami"_s, {}, ApiOperation::Load}}});
}

bool NekoClient::saveProfile(const QList<QJsonObject> &bodies)
{
    Operation operation;
    for (const QJsonObject &body : bodies)
        operation.steps.append(
                {"POST"_ba, u"profile"_s, ApiRequests::jsonBody(body), ApiOperation::Save});

    // neko answers `true` whatever it took, so only a fresh read shows what it holds now.
    operation.steps.append({"GET"_ba, u"whoami"_s, {}, ApiOperation::Save});
    return start(operation);
}

bool NekoClient::signOut()
{
    return start({{{"POST"_ba, u"logout"_s, {}, ApiOperation::SignOut}}});
}

void NekoClient::cancel()
{
    if (m_reply) {
        m_canceled = true;
        m_reply->abort();
        return;
    }
    if (hasParkedOperation()) {
        const ApiOperation operation = m_parked.steps.first().operation;
        m_parked = {};
        Q_EMIT operationFailed(ApiResult::failure(ApiResult::Kind::Canceled, operation));
    }
}

bool NekoClient::start(Operation operation)
{
    // One request at a time: a second save must never race the first.
    if (isBusy() || operation.steps.isEmpty())
        return false;

    m_running = operation;
    m_canceled = false;
    Q_EMIT busyChanged(true);
    sendNext();
    return true;
}

void NekoClient::sendNext()
{
    const Step &step = m_running.steps.at(m_running.next);
    const bool anonymous = step.operation == ApiOperation::SignIn;
    const QNetworkRequest request = ApiRequests::build(m_baseUrl, step.endpoint,
                                                       anonymous ? QString() : m_token, m_timeout);

    qCDebug(lcNetwork) << step.verb.constData() << request.url().path();
    if (step.verb == "GET"_ba)
        m_reply = m_network->get(request);
    else
        m_reply = m_network->post(request, step.body);

    m_refusal.reset();
    QNetworkReply *reply = m_reply;
    reply->setProperty(HopStartProperty, request.url());
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { checkCertificate(reply, errors); });
    connect(reply, &QNetworkReply::redirected, this,
            [this, reply](const QUrl &target) { checkRedirect(reply, target); });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, reply](qint64 received, qint64 total) { checkSize(reply, received, total); });
}

void NekoClient::checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QSslCertificate certificate
            = errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
    const QByteArray fingerprint = CertificateTrust::fingerprint(
            certificate.isNull() ? reply->sslConfiguration().peerCertificate() : certificate);

    // Exactly the certificate the admin trusted for this server, whatever the system thinks
    // of it; anything else fails as Qt fails it.
    if (!m_trustedCertificate.isEmpty() && fingerprint == m_trustedCertificate) {
        qCInfo(lcNetwork) << "accepting the trusted certificate of" << reply->url().host();
        reply->ignoreSslErrors(errors);
        return;
    }

    // Qt's reasons come without a full stop; they are shown as sentences.
    QStringList reasons;
    for (const QSslError &error : errors) {
        QString reason = error.errorString();
        if (!reason.endsWith(u'.'))
            reason += u'.';
        reasons << reason;
    }
    const ApiOperation operation = m_running.steps.at(m_running.next).operation;
    const auto kind = m_trustedCertificate.isEmpty() ? ApiResult::Kind::UntrustedCertificate
                                                     : ApiResult::Kind::CertificateChanged;
    m_refusal = ApiResult::failure(kind, operation, reasons.join(u' '), reply->url(), fingerprint);
}

void NekoClient::checkRedirect(QNetworkReply *reply, const QUrl &target)
{
    // Qt has already moved reply->url() to the target; where the hop starts is kept apart.
    const QUrl from = reply->property(HopStartProperty).toUrl();
    const ApiOperation operation = m_running.steps.at(m_running.next).operation;
    const auto defaultPort
            = [](const QUrl &url) { return url.port(url.scheme() == "https"_L1 ? 443 : 80); };

    // Counted here rather than left to Qt, which in 6.4 does not always report too many.
    const int hops = reply->property(HopCountProperty).toInt() + 1;
    reply->setProperty(HopCountProperty, hops);

    QString reason;
    if (hops > ApiRequests::MaxRedirects)
        reason = tr("it redirected %1 times already, which points at a loop.")
                         .arg(ApiRequests::MaxRedirects);
    else if (from.scheme() == "https"_L1 && target.scheme() != "https"_L1)
        reason = tr("it leads from https to plain http.");
    else if (target.host().compare(from.host(), Qt::CaseInsensitive) != 0
             || defaultPort(target) != defaultPort(from))
        reason = tr("it leads to another server, which would receive your session token.");

    if (reason.isEmpty()) {
        qCDebug(lcNetwork) << "following a redirect to" << target.path();
        reply->setProperty(HopStartProperty, target);
        Q_EMIT reply->redirectAllowed();
        return;
    }
    refuse(reply, ApiResult::failure(ApiResult::Kind::RedirectRefused, operation, reason, target));
}

void NekoClient::checkSize(QNetworkReply *reply, qint64 received, qint64 total)
{
    if (received <= ApiRequests::MaxAnswerBytes && total <= ApiRequests::MaxAnswerBytes)
        return;
    const ApiOperation operation = m_running.steps.at(m_running.next).operation;
    refuse(reply, ApiResult::failure(ApiResult::Kind::TooLarge, operation, {}, reply->url()));
}

void NekoClient::refuse(QNetworkReply *reply, const ApiResult &refusal)
{
    if (m_refusal)
        return;
    qCInfo(lcNetwork) << "stopping a request:" << int(refusal.kind);
    m_refusal = refusal;
    reply->abort();
}

void NekoClient::finished(QNetworkReply *reply)
{
    reply->deleteLater();

    // An answer to a request we no longer wait for (cancelled, or superseded) is ignored.
    if (reply != m_reply)
        return;
    m_reply = nullptr;

    const Step step = m_running.steps.at(m_running.next);

    // Qt 6.4 sometimes ends a chain of redirects with no error and an interim status of 1xx
    // instead of the last answer; that is a broken chain, not an answer.
    const int hops = reply->property(HopCountProperty).toInt();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_refusal && hops > 0 && status >= 100 && status < 200) {
        m_refusal = ApiResult::failure(
                ApiResult::Kind::RedirectRefused, step.operation,
                tr("the redirects broke off after %1 hops without an answer.").arg(hops),
                reply->url());
    }

    const QByteArray body = m_refusal || !reply->isOpen() ? QByteArray() : reply->readAll();
    const ApiResult result = m_refusal && !m_canceled
            ? *m_refusal
            : ApiResult::fromReply(reply, body, step.operation, m_canceled);
    qCDebug(lcNetwork) << step.verb.constData() << reply->request().url().path() << "->"
                       << result.httpStatus << int(result.kind);

    if (result.ok()) {
        if (step.operation == ApiOperation::SignIn && !adoptSession(result, reply))
            return;
        stepSucceeded(step, result);
        return;
    }

    // A 401 on anything but the sign-in itself means the token is gone. Park the operation
    // at this very step so that it can go out again unchanged after a new sign-in, unless it
    // already did, which would only ask for a password in circles.
    const bool signingIn = step.operation == ApiOperation::SignIn
            || step.operation == ApiOperation::ConfirmSignIn;
    if (result.kind == ApiResult::Kind::Unauthorized && !signingIn && !m_running.resent) {
        qCInfo(lcAuth) << "session ended; waiting for a new sign-in";
        m_token.clear();
        m_parked = m_running;
        m_running = {};
        Q_EMIT busyChanged(false);
        Q_EMIT signInRequired(result.errorString);
        return;
    }

    fail(result);
}

bool NekoClient::adoptSession(const ApiResult &result, QNetworkReply *reply)
{
    const QJsonObject login = result.data.toObject();
    QString token = login.value("token"_L1).toString();

    // In cookie mode neko leaves the token out of the body and sets it as a Secure cookie,
    // which Qt would never send back over plain http. neko also reads the Authorization
    // header, so the cookie's value serves as the Bearer token.
    if (token.isEmpty()) {
        const auto cookies
                = reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>();
        for (const QNetworkCookie &cookie : cookies) {
            if (cookie.name() == SessionCookieName)
                token = QString::fromUtf8(cookie.value());
        }
        if (!token.isEmpty())
            qCInfo(lcAuth) << "the server is in cookie mode; using the session cookie as token";
    }

    if (!result.data.isObject() || token.isEmpty()) {
        fail(ApiResult::failure(ApiResult::Kind::BadAnswer, ApiOperation::SignIn,
                                tr("it signed in but gave no session token")));
        return false;
    }
    m_token = token;
    return true;
}

void NekoClient::stepSucceeded(const Step &step, const ApiResult &result)
{
    if (m_running.next + 1 < m_running.steps.size()) {
        ++m_running.next;
        sendNext();
        return;
    }

    // Every operation ends with GET whoami except sign-out.
    if (step.operation == ApiOperation::SignOut) {
        m_token.clear();
        finishOperation();
        Q_EMIT signedOut();
        return;
    }

    QString error;
    const std::optional<SessionData> session
            = SessionData::fromJson(result.data.toObject(), &error);
    if (!session) {
        fail(ApiResult::failure(ApiResult::Kind::BadAnswer, step.operation, error));
        return;
    }

    finishOperation();
    switch (step.operation) {
    case ApiOperation::ConfirmSignIn: {
        qCInfo(lcAuth) << "signed in as session" << session->id;
        Q_EMIT signedIn(*session);

        // The request that the 401 interrupted goes out again, once.
        if (hasParkedOperation()) {
            Operation parked = m_parked;
            m_parked = {};
            parked.resent = true;
            start(parked);
        }
        break;
    }
    case ApiOperation::Save:
        Q_EMIT profileSaved(*session);
        break;
    default:
        Q_EMIT profileLoaded(*session);
        break;
    }
}

void NekoClient::fail(const ApiResult &result)
{
    const Step step = m_running.steps.at(m_running.next);
    const bool savedAlready = step.operation == ApiOperation::Save && step.verb == "GET"_ba;
    finishOperation();

    if (step.operation == ApiOperation::SignIn || step.operation == ApiOperation::ConfirmSignIn) {
        // A failed confirmation leaves a token we cannot use; drop it.
        m_token.clear();
        Q_EMIT signInFailed(result);
    } else if (step.operation == ApiOperation::SignOut) {
        // Signing out locally must work even when the server is gone.
        m_token.clear();
        Q_EMIT operationFailed(result);
        Q_EMIT signedOut();
    } else if (savedAlready) {
        // The save itself was answered; what timed out or was cancelled is reading the profile
        // back, a load.
        ApiResult readBack = result;
        if (result.kind == ApiResult::Kind::Timeout || result.kind == ApiResult::Kind::Canceled)
            readBack.errorString = ApiResult::describe(result.kind, ApiOperation::Load, 0, {});
        Q_EMIT saveUnconfirmed(readBack);
    } else if (step.operation == ApiOperation::Save && result.kind == ApiResult::Kind::Canceled) {
        // Cancelling stops the wait, not a request that has already left.
        ApiResult sent = result;
        sent.errorString
                = ApiResult::describe(result.kind, ApiOperation::Save, 0, ApiResult::SaveSent);
        Q_EMIT operationFailed(sent);
    } else {
        Q_EMIT operationFailed(result);
    }
}

void NekoClient::finishOperation()
{
    m_running = {};
    m_canceled = false;
    Q_EMIT busyChanged(false);
}
