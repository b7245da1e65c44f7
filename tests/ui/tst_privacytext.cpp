// Text set through PrivacyText follows View > Hide Addresses: masked while it is on, as it was after.

#include "lookup/privacy.h"
#include "widgets/privacytext.h"

#include <QLabel>
#include <QTableWidget>
#include <QtTest>

using namespace swb;

class TestPrivacyText : public QObject {
    Q_OBJECT

private slots:
    void labelsAndItemsFollowTheSwitch()
    {
        Privacy::instance()->setHostNames({ QStringLiteral("classroom-pc") });
        Privacy::instance()->setEnabled(false);
        QWidget root;
        auto *label = new QLabel(&root);
        auto *loopback = new QLabel(&root);
        auto *table = new QTableWidget(1, 1, &root);
        auto *item = new QTableWidgetItem;
        table->setItem(0, 0, item);
        PrivacyText::follow(&root);
        PrivacyText::setText(label, QStringLiteral("Connected from 192.168.1.23:40312 on classroom-pc"));
        PrivacyText::setText(loopback, QStringLiteral("127.0.0.1:50007"));
        PrivacyText::setText(item, QStringLiteral("2001:db8::5"));
        QCOMPARE(label->text(), QStringLiteral("Connected from 192.168.1.23:40312 on classroom-pc"));

        Privacy::instance()->setEnabled(true);
        QVERIFY2(!label->text().contains(QLatin1String("192.168")), qPrintable(label->text()));
        QVERIFY(!label->text().contains(QLatin1String("classroom-pc")));
        QVERIFY(label->text().contains(QLatin1String(":40312"))); // ports stay
        QCOMPARE(loopback->text(), QStringLiteral("127.0.0.1:50007"));
        QVERIFY(!item->text().contains(QLatin1String("2001")));
        // Set while on: shown masked at once.
        PrivacyText::setText(loopback, QStringLiteral("10.0.0.7"));
        QVERIFY(!loopback->text().contains(QLatin1String("10.0.0.7")));

        Privacy::instance()->setEnabled(false);
        QCOMPARE(label->text(), QStringLiteral("Connected from 192.168.1.23:40312 on classroom-pc"));
        QCOMPARE(item->text(), QStringLiteral("2001:db8::5"));
        QCOMPARE(loopback->text(), QStringLiteral("10.0.0.7"));
        Privacy::instance()->useSystemHostNames();
    }
};

QTEST_MAIN(TestPrivacyText)
#include "tst_privacytext.moc"
