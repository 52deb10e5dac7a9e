// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logindialog.h"

#include "ui_logindialog.h"

#include "appsettings.h"
#include "certificatetrust.h"
#include "nekoclient.h"
#include "serveraddress.h"

#include <QAction>
#include <QHostAddress>
#include <QLayout>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// How many characters an edit put in: what lies between the part both texts start with and
// the part both end with. A key press inserts one; a paste, a drop or an undo usually more.
qsizetype insertedLength(const QString &before, const QString &after)
{
    const qsizetype shorter = std::min(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < shorter && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    return after.size() - prefix - suffix;
}

bool isLoopback(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

LoginDialog::LoginDialog(NekoClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_client(client)
    , m_trustAction(new QAction(tr("&Trust This Certificate"), this))
{
    m_ui->setupUi(this);
    m_ui->reasonLabel->hide();
    m_ui->busyIndicator->hide();
    m_ui->plainHttpLabel->hide();

    m_trustAction->setObjectName(u"trustCertificate"_s);
    m_trustAction->setToolTip(tr("Remember this certificate's fingerprint as the one this "
                                 "server may use, and sign in again"));
    connect(m_trustAction, &QAction::triggered, this, &LoginDialog::trustRefusedCertificate);
    connect(m_ui->serverLineEdit, &QLineEdit::textChanged, this,
            &LoginDialog::serverAddressChanged);
    connect(m_ui->serverLineEdit, &QLineEdit::textEdited, this, &LoginDialog::serverAddressEdited);
    connect(m_ui->serverLineEdit, &QLineEdit::editingFinished, this,
            &LoginDialog::removeLinkCredentials);
    connect(m_ui->usernameLineEdit, &QLineEdit::textEdited, this,
            [this] { fieldEdited(m_ui->usernameLineEdit); });

    QPushButton *signInButton = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    signInButton->setText(tr("Sign &In"));
    signInButton->setDefault(true);
    signInButton->setObjectName(QStringLiteral("signInButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)
            ->setObjectName(QStringLiteral("cancelButton"));

    // The button box would close the dialog on Ok; signing in decides that instead.
    connect(signInButton, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    connect(m_client, &NekoClient::signedIn, this, [this](const SessionData &session) {
        if (!m_busy)
            return;
        setBusy(false);
        Q_EMIT signedIn(session);
        accept();
    });
    connect(m_client, &NekoClient::signInFailed, this, [this](const ApiResult &result) {
        if (!m_busy)
            return;
        setBusy(false);
        showFailure(result);
    });

    const QByteArray geometry = AppSettings().loginDialogGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

LoginDialog::~LoginDialog()
{
    // QDialog's destructor hides the fields, and a focused server field then reports that
    // editing ended, to an object that is already gone.
    m_ui->serverLineEdit->disconnect(this);
}

void LoginDialog::setServerAddress(const QString &address)
{
    m_ui->serverLineEdit->setText(address);

    // Nobody is typing here, so a link's credentials leave the field at once.
    removeLinkCredentials();
}

void LoginDialog::setUsername(const QString &username)
{
    // A link's username and password belong together: a remembered username, whether set
    // before or after the link, must not pair itself with the link's password.
    if (!m_linkUsername.isEmpty() && m_ui->usernameLineEdit->text() == m_linkUsername)
        return;
    m_ui->usernameLineEdit->setText(username);
}

void LoginDialog::setReason(const QString &reason)
{
    m_ui->reasonLabel->setText(reason);
    m_ui->reasonLabel->setVisible(!reason.isEmpty());
}

void LoginDialog::setServerLocked(bool locked)
{
    m_ui->serverLineEdit->setReadOnly(locked);
}

QString LoginDialog::serverAddress() const
{
    return m_ui->serverLineEdit->text().trimmed();
}

QString LoginDialog::username() const
{
    return m_ui->usernameLineEdit->text();
}

bool LoginDialog::rememberMe() const
{
    return m_ui->rememberCheckBox->isChecked();
}

void LoginDialog::setRememberMe(bool remember)
{
    m_ui->rememberCheckBox->setChecked(remember);
}

void LoginDialog::focusFirstEmptyField()
{
    if (m_ui->serverLineEdit->text().trimmed().isEmpty())
        m_ui->serverLineEdit->setFocus();
    else if (m_ui->usernameLineEdit->text().isEmpty())
        m_ui->usernameLineEdit->setFocus();
    else
        m_ui->passwordLineEdit->setFocus();
}

void LoginDialog::done(int result)
{
    // Closing while a sign-in is out abandons it; its answer must not sign in later.
    if (result == QDialog::Rejected && m_busy) {
        setBusy(false);
        m_client->cancel();
    }
    AppSettings().setLoginDialogGeometry(saveGeometry());
    QDialog::done(result);
}

void LoginDialog::signIn()
{
    if (m_busy)
        return;
    m_ui->errorBanner->clear();
    m_invalidField = nullptr;

    const ServerAddress address = ServerAddress::parse(m_ui->serverLineEdit->text());
    if (!address.isValid()) {
        showFieldError(m_ui->serverLineEdit, address.error());
        return;
    }

    // The link's credentials are already in the fields; show the clean address, so that the
    // password never stays in a field that is remembered.
    if (!m_ui->serverLineEdit->isReadOnly())
        m_ui->serverLineEdit->setText(address.displayString());

    if (m_ui->usernameLineEdit->text().isEmpty()) {
        showFieldError(m_ui->usernameLineEdit, tr("Enter a username."));
        return;
    }

    m_client->setBaseUrl(address.baseUrl(), CertificateTrust::trusted(address.baseUrl()));
    setBusy(true);
    if (!m_client->signIn(m_ui->usernameLineEdit->text(), m_ui->passwordLineEdit->text())) {
        setBusy(false);
        showMessage(MessageBanner::Kind::Warning,
                    tr("Another request is still out; wait for it to end, "
                       "then sign in again."));
    }
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyIndicator->setVisible(busy);
    m_ui->serverLineEdit->setEnabled(!busy);
    m_ui->usernameLineEdit->setEnabled(!busy);
    m_ui->passwordLineEdit->setEnabled(!busy);
    m_ui->rememberCheckBox->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void LoginDialog::showFailure(const ApiResult &result)
{
    if (result.kind == ApiResult::Kind::Canceled)
        return;

    // A certificate the system does not trust may still be the admin's own, self-signed one:
    // offer to trust exactly this one, which they can compare with the fingerprint shown.
    const bool refusedCertificate = result.kind == ApiResult::Kind::UntrustedCertificate
            || result.kind == ApiResult::Kind::CertificateChanged;
    if (refusedCertificate && !result.certificateFingerprint.isEmpty()) {
        m_refusedServer = m_client->baseUrl();
        m_refusedCertificate = result.certificateFingerprint;
        showMessage(MessageBanner::Kind::Error, result.errorString, {m_trustAction});

        // Not on Cancel, where Qt leaves it when the field that had it was disabled: Enter
        // would close the dialog. Trusting stays a click of its own.
        m_ui->passwordLineEdit->setFocus();
        return;
    }
    showMessage(MessageBanner::Kind::Error, result.errorString);

    // Put the cursor where the fix goes: the password after a wrong one, the address when
    // it does not lead to neko.
    switch (result.kind) {
    case ApiResult::Kind::Unauthorized:
        m_ui->passwordLineEdit->clear();
        m_ui->passwordLineEdit->setFocus();
        break;
    case ApiResult::Kind::NotNeko:
    case ApiResult::Kind::NetworkError:
    case ApiResult::Kind::Timeout:
        if (!m_ui->serverLineEdit->isReadOnly()) {
            m_ui->serverLineEdit->setFocus();
            m_ui->serverLineEdit->selectAll();
        }
        break;
    default:
        m_ui->usernameLineEdit->setFocus();
        break;
    }
}

void LoginDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);

    // Where it was and how wide, but as tall as what it shows: the height it was closed with
    // may have been grown for a message that is gone.
    fitHeight();
}

void LoginDialog::showMessage(MessageBanner::Kind kind, const QString &text,
                              const QList<QAction *> &actions)
{
    m_invalidField = nullptr;
    m_ui->errorBanner->showMessage(kind, text, actions);
    fitHeight();
}

void LoginDialog::showFieldError(QLineEdit *field, const QString &text)
{
    showMessage(MessageBanner::Kind::Error, text);
    m_invalidField = field;
    field->setFocus();
}

void LoginDialog::fieldEdited(QLineEdit *field)
{
    // What was said about a field is out of date once it is being fixed; a failure from the
    // server stays until the next try.
    if (field != m_invalidField)
        return;
    m_invalidField = nullptr;
    m_ui->errorBanner->clear();
    fitHeight();
}

void LoginDialog::fitHeight()
{
    // A window does not grow by itself for labels that wrap onto more lines; without this
    // the end of a long message, such as a certificate's fingerprint, would be cut off. It
    // shrinks back once the message is gone.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > 0 && needed != height())
        resize(width(), needed);
}

void LoginDialog::serverAddressChanged(const QString &text)
{
    m_serverTextBefore = m_serverText;
    m_serverText = text;

    const ServerAddress address = ServerAddress::parse(text);
    takeLinkCredentials(address);
    updatePlainHttpWarning(address);
}

void LoginDialog::serverAddressEdited(const QString &text)
{
    // Whatever was said about the last try, an offer to trust its certificate among it, is
    // about the address that is now being changed.
    if (!m_ui->errorBanner->text().isEmpty()) {
        m_ui->errorBanner->clear();
        fitHeight();
    }
    m_invalidField = nullptr;
    m_refusedCertificate.clear();

    // neko's screen is often shared, so a pasted link's password must not stay readable in
    // this field. But someone typing a link by hand must not see "?usr=a" vanish under the
    // cursor before the rest is typed. So the field is cleaned at once only after an edit that
    // put in more than one character (a paste or a drop), otherwise when editing ends: on
    // leaving the field, on Enter and on Sign In. Qt 6.4 reports the edit before the change;
    // the text before the edit is known in either order.
    const QString &before = text == m_serverText ? m_serverTextBefore : m_serverText;
    if (insertedLength(before, text) > 1)
        removeLinkCredentials();
}

void LoginDialog::removeLinkCredentials()
{
    // A locked address is the one signed in to before; it is left exactly as it is.
    if (m_ui->serverLineEdit->isReadOnly())
        return;
    const ServerAddress address = ServerAddress::parse(m_ui->serverLineEdit->text());
    if (!address.isValid() || !address.hasLinkCredentials())
        return;

    // setText() also drops the undo history, from which the link could come back.
    m_ui->serverLineEdit->setText(address.displayString());
}

void LoginDialog::takeLinkCredentials(const ServerAddress &address)
{
    // A pasted web-client link brings a username and a password. They go into their fields at
    // once, so that the fields always show who will sign in, and can still be changed.
    if (!address.linkUsername().isEmpty()) {
        m_linkUsername = address.linkUsername();
        m_ui->usernameLineEdit->setText(m_linkUsername);
    }
    if (!address.linkPassword().isEmpty())
        m_ui->passwordLineEdit->setText(address.linkPassword());
}

void LoginDialog::updatePlainHttpWarning(const ServerAddress &address)
{
    // A warning, not a block: neko on a private network is often served over plain http.
    const QUrl url = address.baseUrl();
    const bool plainHttp
            = address.isValid() && url.scheme() == "http"_L1 && !isLoopback(url.host());
    if (plainHttp == m_ui->plainHttpLabel->isVisibleTo(this))
        return;
    m_ui->plainHttpLabel->setVisible(plainHttp);
    fitHeight();
}

void LoginDialog::trustRefusedCertificate()
{
    if (m_refusedCertificate.isEmpty() || m_busy)
        return;
    CertificateTrust::trust(m_refusedServer, m_refusedCertificate);
    m_refusedCertificate.clear();
    signIn();
}
