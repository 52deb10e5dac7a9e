// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// A hue per kind, mixed into the window colour: strong enough to notice, faint enough that
// the palette's text colour stays readable on it in light and dark themes alike.
QColor tint(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Success:
        return QColor::fromHsl(120, 160, 110);
    case MessageBanner::Kind::Warning:
        return QColor::fromHsl(40, 220, 120);
    case MessageBanner::Kind::Error:
        return QColor::fromHsl(0, 180, 120);
    case MessageBanner::Kind::Information:
        break;
    }
    return QColor::fromHsl(210, 160, 120);
}

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal keep = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * keep + b.redF() * amountOfB),
                            float(a.greenF() * keep + b.greenF() * amountOfB),
                            float(a.blueF() * keep + b.blueF() * amountOfB));
}

QStyle::StandardPixmap iconOf(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case MessageBanner::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    case MessageBanner::Kind::Success:
        return QStyle::SP_DialogApplyButton;
    case MessageBanner::Kind::Information:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_layout(new QGridLayout(this))
    , m_actionsLayout(new QHBoxLayout)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_closeButton(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_text->setObjectName(u"messageText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_closeButton->setObjectName(u"dismissButton"_s);
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolTip(tr("Dismiss this message"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBanner::clear);

    m_layout->addWidget(m_icon, 0, 0, Qt::AlignTop);
    m_layout->addWidget(m_text, 0, 1);
    m_layout->addWidget(m_closeButton, 0, 2, Qt::AlignTop);
    m_layout->setColumnStretch(1, 1);
    m_actionsLayout->addStretch();
    m_layout->addLayout(m_actionsLayout, 1, 1);

    setAccessibleName(tr("Message"));
    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showMessage(Kind kind, const QString &text, const QList<QAction *> &actions)
{
    m_kind = kind;
    m_text->setText(text);
    setActions(actions);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(iconOf(kind)).pixmap(size, size));
    setAccessibleDescription(text);
    applyColours();
    show();
}

void MessageBanner::clear()
{
    m_text->clear();
    setActions({});
    hide();
}

void MessageBanner::setActions(const QList<QAction *> &actions)
{
    // Buttons of an earlier message may be the sender of the click that replaces it.
    for (QPushButton *button : std::as_const(m_actionButtons)) {
        button->hide();
        button->setObjectName(QString());
        button->deleteLater();
    }
    m_actionButtons.clear();
    m_actions = actions;

    for (QAction *action : actions) {
        auto *button = new QPushButton(action->text(), this);
        button->setObjectName(action->objectName() + "Button"_L1);
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_actionsLayout->addWidget(button);
        m_actionButtons.append(button);
    }
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
}

void MessageBanner::applyColours()
{
    // Work on the parent's palette: ours already carries the last tint.
    QPalette colours = parentWidget() ? parentWidget()->palette() : palette();
    colours.setColor(QPalette::Window, mix(colours.color(QPalette::Window), tint(m_kind), 0.22));
    if (colours != palette())
        setPalette(colours);
}
