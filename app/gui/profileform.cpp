// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileform.h"

#include "ui_profileform.h"

#include "profileflags.h"

#include <QCheckBox>

using namespace Qt::StringLiterals;

namespace {

// "can_see_inactive_cursors" -> "canSeeInactiveCursorsCheckBox", so that tests and
// accessibility tools find each checkbox by a stable name.
QString objectNameOf(QLatin1StringView key)
{
    QString name;
    bool upper = false;
    for (const QChar c : QString(key)) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name + "CheckBox"_L1;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProfileForm>())
{
    m_ui->setupUi(this);
    buildCheckBoxes();

    m_ui->dependencyLabel->hide();
    m_ui->readOnlyLabel->hide();
    m_ui->pluginsEditor->setMinimumHeight(fontMetrics().lineSpacing() * 8);

    connect(m_ui->nameLineEdit, &QLineEdit::textEdited, this, &ProfileForm::edited);
    connect(m_ui->pluginsEditor, &QPlainTextEdit::textChanged, this, [this] {
        validatePlugins();
        Q_EMIT edited();
    });

    clearProfile();
}

ProfileForm::~ProfileForm() = default;

void ProfileForm::buildCheckBoxes()
{
    // Two columns, filled row by row in the order of the table.
    const QList<ProfileFlag> &flags = ProfileFlags::all();
    QWidget *previous = m_ui->nameLineEdit;
    for (qsizetype i = 0; i < flags.size(); ++i) {
        const ProfileFlag &flag = flags.at(i);
        auto *box = new QCheckBox(ProfileFlags::label(flag), m_ui->permissionsGroupBox);
        box->setObjectName(objectNameOf(flag.key));
        box->setToolTip(ProfileFlags::toolTip(flag));
        box->setAccessibleDescription(ProfileFlags::toolTip(flag));
        m_ui->permissionsLayout->addWidget(box, int(i / 2), int(i % 2));
        m_checkBoxes.insert(flag.key, box);

        setTabOrder(previous, box);
        previous = box;

        connect(box, &QCheckBox::toggled, this, [this] {
            updateDependencyWarning();
            Q_EMIT edited();
        });
    }
    setTabOrder(previous, m_ui->pluginsEditor);
}

void ProfileForm::setProfile(const MemberProfile &profile, bool isAdmin)
{
    m_loaded = profile;
    m_hasProfile = true;
    m_isAdmin = isAdmin;

    // Filling the fields is not an edit; the signal follows once, at the end.
    {
        const QSignalBlocker blocker(this);
        m_ui->nameLineEdit->setText(profile.name);
        for (const ProfileFlag &flag : ProfileFlags::all())
            m_checkBoxes.value(flag.key)->setChecked(profile.flag(flag.key));

        // After a save the server holds what the editor holds: the admin's own layout, cursor
        // and scroll position stay, rather than a text written anew from the top.
        const bool samePlugins = m_plugins.ok && m_plugins.plugins == profile.plugins;
        if (!samePlugins)
            m_ui->pluginsEditor->load(PluginsParser::format(profile.plugins));
    }

    applyEditable();
    updateDependencyWarning();
    Q_EMIT edited();
}

void ProfileForm::clearProfile()
{
    {
        const QSignalBlocker blocker(this);
        m_loaded = MemberProfile();
        m_hasProfile = false;
        m_isAdmin = false;
        m_ui->nameLineEdit->clear();
        for (QCheckBox *box : std::as_const(m_checkBoxes))
            box->setChecked(false);
        m_ui->pluginsEditor->setPlainText(u"{}"_s);
    }
    applyEditable();
    updateDependencyWarning();
    Q_EMIT edited();
}

void ProfileForm::applyEditable()
{
    m_ui->nameLineEdit->setEnabled(m_hasProfile);
    const bool editable = m_hasProfile && m_isAdmin;
    for (QCheckBox *box : std::as_const(m_checkBoxes))
        box->setEnabled(editable);
    m_ui->pluginsEditor->setReadOnly(!editable);

    // Read-only text on the window's own background, like the greyed checkboxes above it: a
    // white field invites typing that then does nothing.
    m_ui->pluginsEditor->viewport()->setBackgroundRole(editable ? QPalette::Base
                                                                : QPalette::Window);
    m_ui->pluginsEditor->setEnabled(m_hasProfile);
    m_ui->pluginsStatusLabel->setVisible(m_hasProfile);
    m_ui->readOnlyLabel->setVisible(m_hasProfile && !m_isAdmin);
}

std::optional<MemberProfile> ProfileForm::editedProfile() const
{
    if (!m_plugins.ok)
        return std::nullopt;

    MemberProfile profile;
    profile.name = m_ui->nameLineEdit->text();
    for (const ProfileFlag &flag : ProfileFlags::all())
        profile.setFlag(flag.key, m_checkBoxes.value(flag.key)->isChecked());
    profile.plugins = m_plugins.plugins;
    return profile;
}

bool ProfileForm::isModified() const
{
    if (!m_hasProfile)
        return false;
    const std::optional<MemberProfile> profile = editedProfile();
    return !profile || *profile != m_loaded;
}

ProfileDraft ProfileForm::edits() const
{
    ProfileDraft draft;
    draft.name = m_ui->nameLineEdit->text();
    for (const ProfileFlag &flag : ProfileFlags::all())
        draft.flags.insert(flag.key, m_checkBoxes.value(flag.key)->isChecked());
    draft.pluginsText = m_ui->pluginsEditor->toPlainText();
    if (m_hasProfile)
        draft.base = m_loaded;
    return draft;
}

void ProfileForm::restoreEdits(const ProfileDraft &draft)
{
    if (!m_hasProfile)
        return;
    {
        // Only what the draft changed: the profile loaded now may differ from the one the
        // edits were made on, and its other fields are the server's, not stale copies.
        const QSignalBlocker blocker(this);
        if (draft.changesName())
            m_ui->nameLineEdit->setText(draft.name);
        if (m_isAdmin) {
            for (auto it = draft.flags.cbegin(); it != draft.flags.cend(); ++it) {
                QCheckBox *box = m_checkBoxes.value(it.key());
                if (box && draft.changesFlag(it.key()))
                    box->setChecked(it.value());
            }
            if (draft.changesPlugins())
                m_ui->pluginsEditor->setPlainText(draft.pluginsText);
        }
    }
    updateDependencyWarning();
    Q_EMIT edited();
}

QStringList ProfileForm::fieldsRestoredFrom(const ProfileDraft &draft) const
{
    QStringList fields;
    if (!m_hasProfile)
        return fields;
    if (draft.changesName() && draft.name != m_ui->nameLineEdit->text())
        fields << tr("Name");
    if (!m_isAdmin)
        return fields;

    for (const ProfileFlag &flag : ProfileFlags::all()) {
        const auto typed = draft.flags.constFind(flag.key);
        if (typed != draft.flags.cend() && draft.changesFlag(flag.key)
            && *typed != m_checkBoxes.value(flag.key)->isChecked())
            fields << ProfileFlags::plainLabel(flag);
    }

    if (draft.changesPlugins()) {
        const PluginsParseResult typed = PluginsParser::parse(draft.pluginsText);
        if (!typed.ok || !m_plugins.ok || typed.plugins != m_plugins.plugins)
            fields << tr("Plugins");
    }
    return fields;
}

QCheckBox *ProfileForm::checkBox(QLatin1StringView flagKey) const
{
    return m_checkBoxes.value(flagKey);
}

void ProfileForm::validatePlugins()
{
    m_plugins = PluginsParser::parse(m_ui->pluginsEditor->toPlainText());
    m_ui->pluginsEditor->markError(m_plugins.line, m_plugins.column);
    if (m_plugins.ok) {
        m_ui->pluginsStatusLabel->setText(
                tr("Valid: %n plugin setting(s).", nullptr, int(m_plugins.plugins.size())));
        m_ui->pluginsStatusLabel->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_ui->pluginsStatusLabel->setText(m_plugins.message());
        m_ui->pluginsStatusLabel->setForegroundRole(QPalette::WindowText);
    }
    m_ui->pluginsEditor->setAccessibleDescription(m_ui->pluginsStatusLabel->text());
}

void ProfileForm::updateDependencyWarning()
{
    // neko stores any combination, but some make a permission useless; say so before saving.
    QStringList warnings;
    for (const ProfileFlag &flag : ProfileFlags::all()) {
        if (flag.needs.isEmpty() || !m_checkBoxes.value(flag.key)->isChecked())
            continue;
        const ProfileFlag *needed = ProfileFlags::find(flag.needs);
        if (needed && !m_checkBoxes.value(needed->key)->isChecked()) {
            warnings << tr("\"%1\" needs \"%2\", which is off: it has no effect.")
                                .arg(ProfileFlags::plainLabel(flag),
                                     ProfileFlags::plainLabel(*needed));
        }
    }
    m_ui->dependencyLabel->setText(warnings.join(u'\n'));
    m_ui->dependencyLabel->setVisible(m_hasProfile && !warnings.isEmpty());
}
