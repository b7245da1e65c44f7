#include "widgets/steptable.h"

#include "trace/tracebuffer.h"
#include "trace/tracemodel.h"
#include "widgets/tracestyleproxy.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <memory>

namespace swb::StepTable {

Trace makeTrace(QObject *parent, int capacity)
{
    Trace t;
    t.buffer = new TraceBuffer(parent);
    t.model = new TraceModel(parent);
    t.model->setCapacity(capacity);
    t.styled = new TraceStyleProxy(parent);
    t.styled->setSourceModel(t.model);
    QObject::connect(t.buffer, &TraceBuffer::flushed, t.model, &TraceModel::appendBatch);
    return t;
}

void setUp(QTableView *table, TraceStyleProxy *styled, TraceModel *source)
{
    table->setModel(styled);
    table->setColumnHidden(TraceModel::ConnectionColumn, true);
    for (int column = TraceModel::WallTimeColumn; column < TraceModel::ColumnCount; ++column)
        table->setColumnHidden(column, true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(TraceModel::CallColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    // Follow new steps unless the person has scrolled up to read.
    auto follow = std::make_shared<bool>(true);
    QObject::connect(source, &TraceModel::rowsAboutToBeInserted, table, [table, follow] {
        QScrollBar *bar = table->verticalScrollBar();
        *follow = bar->value() >= bar->maximum() - 1;
    });
    QObject::connect(
        source, &TraceModel::rowsInserted, table,
        [table, follow] {
            if (*follow)
                table->scrollToBottom();
        },
        Qt::QueuedConnection);
}

void applyFont(QTableView *table, const QFont &mono)
{
    table->setFont(mono);
    const QFontMetrics metrics(mono);
    table->verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
    const int pad = metrics.averageCharWidth() * 2;
    QHeaderView *header = table->horizontalHeader();
    header->resizeSection(TraceModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("99999.999")) + pad);
    header->resizeSection(TraceModel::ResultColumn, metrics.averageCharWidth() * 34 + pad);
    header->resizeSection(TraceModel::SizeColumn, metrics.horizontalAdvance(QStringLiteral("104857600")) + pad);
}

} // namespace swb::StepTable
