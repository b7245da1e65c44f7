#pragma once
// Form controls more than one panel offers, made one way.

#include <QString>

class QComboBox;
class QLabel;
class QWidget;

namespace swb::FormFields {

// The address family of socket.socket(): Any, IPv4 (AF_INET), IPv6 (AF_INET6), with the
// AddressFamily as each item's data. anyText names the first entry ("Any", "Any (AF_UNSPEC)").
QComboBox *makeFamilyCombo(QWidget *parent, const QString &objectName, const QString &anyText);
// A field's label with its buddy set: the accelerator in text reaches the field, and a transcript
// reads the label and the field as a pair.
QLabel *makeBuddyLabel(const QString &text, QWidget *buddy, QWidget *parent);

} // namespace swb::FormFields
