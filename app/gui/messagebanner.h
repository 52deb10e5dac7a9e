// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>

class QAction;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

// An inline message at the top of a window: what happened and what to do, without a modal
// box in the way. Colours come from the palette so that it reads in light and dark themes.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Success, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    // Each action becomes a button under the text, named after the action with "Button"
    // appended, so that "restoreDraft" shows as restoreDraftButton. The banner does not own
    // the actions; they are dropped with the next message.
    void showMessage(Kind kind, const QString &text, const QList<QAction *> &actions = {});
    void clear();

    Kind kind() const { return m_kind; }

    // The actions the shown message offers; empty once it is cleared or replaced.
    QList<QAction *> actions() const { return m_actions; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();
    void setActions(const QList<QAction *> &actions);

    QGridLayout *m_layout;
    QHBoxLayout *m_actionsLayout; // under the text, so that the text gets the whole width
    QLabel *m_icon;
    QLabel *m_text;
    QList<QAction *> m_actions;
    QList<QPushButton *> m_actionButtons;
    QToolButton *m_closeButton;
    Kind m_kind = Kind::Information;
};
