#include "widgets/labservicecombo.h"

#include "lab/locallab.h"
#include "lookup/privacy.h"
#include "server/behaviour.h"

namespace swb {

LabServiceCombo::LabServiceCombo(LocalLab *lab, Transport transport, QWidget *parent)
    : QComboBox(parent)
    , m_lab(lab)
    , m_transport(transport)
{
    setObjectName(QStringLiteral("labServiceCombo"));
    setToolTip(transport == Transport::Udp
            ? tr("Pick one of the local lab's UDP servers: it fills in the host and port")
            : tr("Pick one of the local lab's servers: it fills in the host and port"));
    // Narrow enough for a presentation font; the list itself still shows whole entries.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(14);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, QOverload<int>::of(&QComboBox::activated), this, &LabServiceCombo::chosen);
    // The entries show addresses.
    connect(Privacy::instance(), &Privacy::enabledChanged, this, &LabServiceCombo::refill);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, &LabServiceCombo::refill);
    refill();
}

void LabServiceCombo::refill()
{
    const QString selected = currentData().toString();
    const QSignalBlocker blocker(this);
    clear();
    if (!m_lab) {
        addItem(tr("The local lab is off"));
        setEnabled(false);
        return;
    }
    if (!m_lab->isReady()) {
        addItem(tr("The lab is starting\u2026"));
        setEnabled(false);
        return;
    }
    addItem(tr("Other: type a host and port"));
    for (const LabService &service : m_lab->services()) {
        if (service.transport != m_transport || !service.running)
            continue;
        const Endpoint at { m_lab->bindAddress(), service.port };
        addItem(Privacy::shown(tr("%1 \u2014 %2").arg(service.behaviour, at.toString())), service.behaviour);
        setItemData(count() - 1, behaviourDescription(service.behaviour), Qt::ToolTipRole);
    }
    setEnabled(count() > 1);
    if (!selected.isEmpty())
        setCurrentIndex(qMax(0, findData(selected)));
}

void LabServiceCombo::sync(const QString &host, const QString &port)
{
    if (!m_lab || !m_lab->isReady() || count() < 2)
        return;
    int match = 0;
    bool numeric = false;
    const uint number = port.trimmed().toUInt(&numeric);
    if (numeric && host.trimmed() == m_lab->bindAddress()) {
        for (int i = 1; i < count(); ++i) {
            if (m_lab->port(itemData(i).toString(), m_transport) == number) {
                match = i;
                break;
            }
        }
    }
    setCurrentIndex(match);
}

void LabServiceCombo::chosen(int index)
{
    const QString behaviour = itemData(index).toString();
    if (!m_lab || behaviour.isEmpty())
        return;
    const quint16 port = m_lab->port(behaviour, m_transport);
    if (port != 0)
        emit serviceChosen(m_lab->bindAddress(), port);
}

} // namespace swb
