// SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaint.h"

#include <QTest>
#include <QWidget>

namespace {

// A window that counts its paint events.
class CountingWindow : public QWidget
{
public:
    int paints = 0;

protected:
    void paintEvent(QPaintEvent *) override { ++paints; }
};

} // namespace

class TestFirstPaint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRunOnceAfterTheFirstFrame();
    void shouldRunTheLastOneFirst();
};

void TestFirstPaint::shouldRunOnceAfterTheFirstFrame()
{
    CountingWindow window;
    int calls = 0;
    int paintsAtCall = -1;
    FirstPaint::then(&window, [&] {
        ++calls;
        paintsAtCall = window.paints;
    });

    QTest::qWait(20);
    QCOMPARE(calls, 0);

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(calls, 1);
    QVERIFY(paintsAtCall >= 1);

    window.repaint();
    QTest::qWait(20);
    QCOMPARE(calls, 1);
}

void TestFirstPaint::shouldRunTheLastOneFirst()
{
    QWidget window;
    QList<int> order;
    FirstPaint::then(&window, [&] { order << 1; });
    FirstPaint::then(&window, [&] { order << 2; });

    window.show();
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order, QList<int>({2, 1}));
}

QTEST_MAIN(TestFirstPaint)
#include "tst_firstpaint.moc"
