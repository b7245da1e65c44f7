#include "privacytext.h"

#include "lookup/privacy.h"

#include <QLabel>
#include <QTableWidget>
#include <QVariant>

namespace swb::PrivacyText {

namespace {
const char *const kRawProperty = "swbRawText";
constexpr int kRawRole = Qt::UserRole + 77;
} // namespace

void setText(QLabel *label, const QString &text)
{
    label->setProperty(kRawProperty, text);
    label->setText(Privacy::shown(text));
}

void setText(QTableWidgetItem *item, const QString &text)
{
    item->setData(kRawRole, text);
    item->setText(Privacy::shown(text));
}

void follow(QWidget *root)
{
    auto reshow = [root] {
        for (QLabel *label : root->findChildren<QLabel *>()) {
            const QVariant raw = label->property(kRawProperty);
            if (raw.isValid())
                label->setText(Privacy::shown(raw.toString()));
        }
        for (QTableWidget *table : root->findChildren<QTableWidget *>()) {
            for (int row = 0; row < table->rowCount(); ++row) {
                for (int column = 0; column < table->columnCount(); ++column) {
                    QTableWidgetItem *item = table->item(row, column);
                    const QVariant raw = item ? item->data(kRawRole) : QVariant();
                    if (raw.isValid())
                        item->setText(Privacy::shown(raw.toString()));
                }
            }
        }
    };
    QObject::connect(Privacy::instance(), &Privacy::enabledChanged, root, reshow);
    QObject::connect(Privacy::instance(), &Privacy::hostNamesChanged, root, reshow);
}

} // namespace swb::PrivacyText
