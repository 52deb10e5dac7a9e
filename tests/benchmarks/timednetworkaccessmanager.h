// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QString>

// A network manager that notes how long each request took as the client sees it: from the
// moment the client hands it over until its reply has finished.
class TimedNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    explicit TimedNetworkAccessManager(QObject *parent = nullptr);
    ~TimedNetworkAccessManager() override;

    // Milliseconds per request, keyed by method and endpoint, like "POST login".
    QMap<QString, QList<double>> durations() const { return m_durations; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *body) override;

private:
    QMap<QString, QList<double>> m_durations;
};
