// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftstore.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString DraftStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts"_L1;
}

DraftStore::DraftStore(const QString &folder)
    : m_folder(folder)
{ }

QString DraftStore::fileOf(const QString &server, const QString &member) const
{
    // A hash keeps addresses and names, whatever characters they hold, out of file names.
    const QByteArray id = QCryptographicHash::hash((server + u'\n' + member).toUtf8(),
                                                   QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(32);
    return m_folder + u'/' + QString::fromLatin1(id) + ".json"_L1;
}

bool DraftStore::save(const ProfileDraft &draft) const
{
    if (!QDir().mkpath(m_folder))
        return false;

    QSaveFile file(fileOf(draft.server, draft.member));
    if (!file.open(QIODevice::WriteOnly))
        return false;

    // Edits may hold names the admin would rather keep to themselves.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(draft.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qCWarning(lcDrafts) << "Could not keep the draft:" << file.errorString();
        return false;
    }
    return true;
}

std::optional<ProfileDraft> DraftStore::load(const QString &server, const QString &member) const
{
    QFile file(fileOf(server, member));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;

    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    std::optional<ProfileDraft> draft = ProfileDraft::fromJson(document.object());

    // Another server or member with the same hash prefix is not this one's draft.
    if (!draft || draft->server != server || draft->member != member) {
        qCWarning(lcDrafts) << "Ignoring an unreadable draft file";
        return std::nullopt;
    }
    return draft;
}

void DraftStore::remove(const QString &server, const QString &member) const
{
    QFile::remove(fileOf(server, member));
}
