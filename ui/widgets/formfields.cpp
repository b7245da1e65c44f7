#include "widgets/formfields.h"

#include "client/tcpprobe.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>

namespace swb::FormFields {

QComboBox *makeFamilyCombo(QWidget *parent, const QString &objectName, const QString &anyText)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(anyText, int(AddressFamily::Any));
    combo->addItem(QCoreApplication::translate("FormFields", "IPv4 (AF_INET)"), int(AddressFamily::IPv4));
    combo->addItem(QCoreApplication::translate("FormFields", "IPv6 (AF_INET6)"), int(AddressFamily::IPv6));
    // Narrow enough for a presentation font; the list itself still shows whole entries.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    combo->setToolTip(QCoreApplication::translate(
        "FormFields", "Which kind of address to use: the first argument of socket.socket()"));
    return combo;
}

QLabel *makeBuddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace swb::FormFields
