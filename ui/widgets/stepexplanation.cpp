#include "widgets/stepexplanation.h"

#include "learn/stepexplanations.h"
#include "theme.h"
#include "trace/tracemodel.h"
#include "widgets/privacytext.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace swb {

namespace {

QLabel *makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // call results may hold '<' and '&'
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

StepExplanationView::StepExplanationView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stepExplanation"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);
    m_hint = makeLabel(this, QStringLiteral("stepExplanationHint"));
    m_hint->setText(tr("Select a step to see what it does"));
    m_title = makeLabel(this, QStringLiteral("stepExplanationTitle"));
    m_what = makeLabel(this, QStringLiteral("stepExplanationWhat"));
    m_result = makeLabel(this, QStringLiteral("stepExplanationResult"));
    m_python = makeLabel(this, QStringLiteral("stepExplanationPython"));
    m_python->setToolTip(tr("The Python line that makes this call"));
    for (QLabel *label : { m_hint, m_title, m_what, m_result, m_python })
        layout->addWidget(label);
    layout->addStretch(1);
    mutePalettes();
    applyFonts();
    PrivacyText::follow(this);
    clear();
}

void StepExplanationView::follow(QTableView *stepTable)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_table = stepTable;
    if (stepTable && stepTable->selectionModel()) {
        m_connections << connect(
            stepTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StepExplanationView::refresh);
        m_connections << connect(
            stepTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StepExplanationView::refresh);
        // A cleared trace empties the selection without a selectionChanged.
        m_connections << connect(
            stepTable->model(), &QAbstractItemModel::modelReset, this, &StepExplanationView::refresh);
        m_connections << connect(
            stepTable->model(), &QAbstractItemModel::rowsRemoved, this, &StepExplanationView::refresh);
    }
    refresh();
}

void StepExplanationView::refresh()
{
    QItemSelectionModel *selection = m_table ? m_table->selectionModel() : nullptr;
    const QModelIndexList rows = selection ? selection->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return clear();
    // With several rows selected, the one the person clicked last (the current one) is explained.
    const QModelIndex current = selection->currentIndex();
    const QModelIndex index
        = current.isValid() && selection->isRowSelected(current.row(), current.parent()) ? current : rows.last();
    const QVariant event = index.data(TraceModel::EventRole);
    if (!event.canConvert<TraceEvent>())
        return clear();
    showEvent(event.value<TraceEvent>());
}

void StepExplanationView::showEvent(const TraceEvent &event)
{
    const StepExplanations::Explanation x = StepExplanations::explain(event);
    // Titles, results and Python lines may name an address or this machine: all through PrivacyText.
    PrivacyText::setText(m_title, x.title);
    PrivacyText::setText(m_what, x.what);
    PrivacyText::setText(m_result, x.result);
    PrivacyText::setText(m_python, x.python);
    m_hint->hide();
    m_title->show();
    m_what->setVisible(!x.what.isEmpty());
    m_result->setVisible(!x.result.isEmpty());
    m_python->setVisible(!x.python.isEmpty());
}

void StepExplanationView::clear()
{
    for (QLabel *label : { m_title, m_what, m_result, m_python }) {
        PrivacyText::setText(label, QString());
        label->hide();
    }
    m_hint->show();
}

void StepExplanationView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::PaletteChange)
        mutePalettes();
}

void StepExplanationView::mutePalettes()
{
    // The general text (what any such call does) is quieter than what this step's result means.
    // From this widget's palette, not the labels' own, which are already muted.
    for (QLabel *label : { m_hint, m_what }) {
        label->setPalette(palette());
        Theme::makeMuted(label);
    }
}

void StepExplanationView::applyFonts()
{
    m_title->setFont(Theme::scaledFont(font(), 1.0, true));
    m_python->setFont(Theme::monospaceFont(font()));
    // A little air between the parts, growing with the font (presentation mode).
    layout()->setSpacing(qMax(2, fontMetrics().height() / 5));
}

} // namespace swb
