// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QIcon>
#include <QPushButton>
#include <QUrl>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);

    const int iconSize = 64;
    m_ui->iconLabel->setPixmap(applicationIcon().pixmap(iconSize, iconSize));

    // Larger and bold, but still from the user's font, so that it scales with it.
    QFont nameFont = m_ui->nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_ui->nameLabel->setFont(nameFont);

    m_ui->versionLabel->setText(tr("Version %1").arg(QCoreApplication::applicationVersion()));
    m_ui->licenceLabel->setText(
            tr("Free software under the <a href=\"%1\">GNU General Public License, version 3 "
               "or later</a> (GPL-3.0-or-later). It comes with absolutely no warranty.")
                    .arg("https://www.gnu.org/licenses/gpl-3.0.html"_L1));
    m_ui->homepageLabel->setText(u"<a href=\"%1\">%1</a>"_s.arg(
            QStringLiteral(NEKOEDITOR_HOMEPAGE_URL).toHtmlEscaped()));
    setServer({}, false);

    m_ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AboutDialog::reject);
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::setServer(const QUrl &server, bool signedIn)
{
    // A pasted link's credentials never reach the client's address; strip them anyway, since
    // this text can be copied.
    const QString address = server.toDisplayString(QUrl::RemoveUserInfo);
    if (server.isEmpty())
        m_ui->serverLabel->setText(tr("Not connected to a neko server."));
    else if (signedIn)
        m_ui->serverLabel->setText(tr("Connected to %1.").arg(address));
    else
        m_ui->serverLabel->setText(tr("Not signed in; the last server was %1.").arg(address));
}

QIcon AboutDialog::applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        icon.addFile(u":/icons/%1x%1/apps/"_s.arg(size) + QStringLiteral(NEKOEDITOR_APP_ID)
                             + u".png"_s,
                     QSize(size, size));
    }
    return icon;
}
