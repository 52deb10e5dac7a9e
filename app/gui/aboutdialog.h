// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QUrl;

namespace Ui {
class AboutDialog;
}

// The app's name, version and licence, and the neko server it is signed in to.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The client's server address, which stays known after signing out.
    void setServer(const QUrl &server, bool signedIn);

    // The app's icon at every hicolor size, built into the app so that it needs no icon
    // theme and no SVG plugin.
    static QIcon applicationIcon();

private:
    const std::unique_ptr<Ui::AboutDialog> m_ui;
};
