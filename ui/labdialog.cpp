#include "labdialog.h"

#include "appsettings.h"
#include "lab/locallab.h"
#include "server/behaviour.h"
#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace swb {

namespace {
enum Column { ServiceColumn, TransportColumn, AddressColumn, StatusColumn, ColumnCount };
}

LabDialog::LabDialog(LocalLab *lab, QWidget *parent)
    : QDialog(parent)
    , m_lab(lab)
{
    setObjectName(QStringLiteral("labDialog"));
    setWindowTitle(tr("Local lab"));
    setModal(false);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("labSummary"));
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("labTable"));
    m_table->setHorizontalHeaderLabels({ tr("Service"), tr("Transport"), tr("Address and port"), tr("Status") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_startCheck = new QCheckBox(tr("Start the local lab when the app starts"), this);
    m_startCheck->setObjectName(QStringLiteral("labEnabledCheck"));
    m_startCheck->setChecked(AppSettings::value(AppSettings::labEnabledKey(), true).toBool());
    auto *note = new QLabel(tr("A change takes effect the next time Socket Workbench starts."), this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_startCheck);
    layout->addWidget(note);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    buttons->button(QDialogButtonBox::Close)->setFocus();
    connect(m_startCheck, &QCheckBox::toggled, this, [this](bool on) {
        AppSettings::setValue(AppSettings::labEnabledKey(), on);
        emit startAtLaunchChanged(on);
    });
    if (m_lab)
        connect(m_lab, &LocalLab::ready, this, &LabDialog::refresh);

    refresh();
    // Every service in view without scrolling; the width follows the font, for a projector too.
    const QFontMetrics metrics(font());
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
        + m_table->verticalHeader()->defaultSectionSize() * m_table->rowCount() + m_table->frameWidth() * 2 + 2);
    const int width = metrics.horizontalAdvance(QLatin1Char('x')) * 90;
    resize(width, hasHeightForWidth() ? heightForWidth(width) : sizeHint().height());
}

bool LabDialog::startAtLaunch() const
{
    return m_startCheck->isChecked();
}

void LabDialog::setStartAtLaunch(bool on)
{
    const QSignalBlocker blocker(m_startCheck);
    m_startCheck->setChecked(on);
}

void LabDialog::refresh()
{
    const bool running = !m_lab.isNull();
    const bool ready = running && m_lab->isReady();
    const QList<LabService> services = running ? m_lab->services() : LocalLab::defaultServices();
    const QString address = running ? m_lab->bindAddress() : QStringLiteral("127.0.0.1");

    if (!running)
        m_summary->setText(tr("The local lab is off. Tick the box below and restart Socket Workbench to use it."));
    else if (!ready)
        m_summary->setText(tr("The local lab is starting\u2026"));
    else
        m_summary->setText(tr("Small servers on this machine that every panel can use, with no network needed. "
                              "Each runs on its preferred port unless that port was taken; the port shown is "
                              "the one it really uses."));

    const QPalette pal = palette();
    m_table->setRowCount(int(services.size()));
    for (int row = 0; row < services.size(); ++row) {
        const LabService &service = services.at(row);
        QString status;
        bool failed = false;
        if (!running) {
            status = tr("off");
        } else if (service.running) {
            status = service.port == service.preferredPort || service.preferredPort == 0
                ? tr("running")
                : tr("running (port %1 was taken)").arg(service.preferredPort);
        } else if (!service.error.isEmpty()) {
            status = tr("could not start: %1").arg(service.error);
            failed = true;
        } else {
            status = ready ? tr("not running") : tr("starting\u2026");
        }
        const quint16 port = service.running ? service.port : service.preferredPort;
        const QString where = port == 0 ? QStringLiteral("\u2014") : Endpoint { address, port }.toString();
        const QStringList cells { service.behaviour, transportName(service.transport).toUpper(), where, status };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == ServiceColumn)
                item->setToolTip(behaviourDescription(service.behaviour));
            if (column == AddressColumn)
                item->setFont(Theme::monospaceFont(font()));
            if (failed)
                item->setForeground(Theme::errorColor(pal));
            m_table->setItem(row, column, item);
        }
    }
}

} // namespace swb
