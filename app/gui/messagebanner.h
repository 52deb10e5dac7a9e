// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
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

    void showMessage(Kind kind, const QString &text);
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_closeButton;
    Kind m_kind = Kind::Information;
};
