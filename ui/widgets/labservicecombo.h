#pragma once
// The "Lab service" list of a client panel: the local lab's servers of one transport with their real
// ports ("echo — 127.0.0.1:50007"), plus "Other" for a host and port typed by hand. Picking one
// fills in the panel's fields; typing a lab service's address selects it. Says so when the lab is
// off or still starting, and follows View > Hide Addresses.

#include "net/endpoint.h"

#include <QComboBox>
#include <QPointer>

namespace swb {

class LocalLab;

class LabServiceCombo : public QComboBox {
    Q_OBJECT
public:
    // lab may be null (the lab is off). Call refill() once the lab is ready.
    LabServiceCombo(LocalLab *lab, Transport transport, QWidget *parent = nullptr);

    // Lists the lab's running services of this transport again (keeping the one selected).
    void refill();
    // Selects the lab service at host:port, or "Other" when none is there.
    void sync(const QString &host, const QString &port);

signals:
    // The person picked a lab service.
    void serviceChosen(const QString &host, quint16 port);

private:
    void chosen(int index);

    QPointer<LocalLab> m_lab;
    Transport m_transport;
};

} // namespace swb
