#include "widgets/ladderview.h"

#include "theme.h"
#include "trace/tracemodel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

LadderView::LadderView(LadderDiagram::Mode mode, TraceModel *model, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ladderView"));
    m_diagram = new LadderDiagram(this);
    m_diagram->setMode(mode);
    m_diagram->setModel(model);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_diagram);
    m_scroll->setWidgetResizable(true);
    m_scroll->setObjectName(QStringLiteral("ladderScroll"));

    m_pngButton = new QPushButton(tr("Save as PNG\u2026"), this);
    m_pngButton->setObjectName(QStringLiteral("ladderPngButton"));
    m_pngButton->setToolTip(tr("The whole diagram as a picture, at twice the screen's size for print and slides"));
    m_svgButton = new QPushButton(tr("Save as SVG\u2026"), this);
    m_svgButton->setObjectName(QStringLiteral("ladderSvgButton"));
    m_svgButton->setToolTip(tr("The whole diagram as a drawing that scales without blurring"));
    m_saved = new QLabel(this);
    m_saved->setObjectName(QStringLiteral("ladderSavedLabel"));
    m_saved->setTextFormat(Qt::PlainText);
    Theme::makeMuted(m_saved);
    auto *hint = new QLabel(mode == LadderDiagram::Mode::Server
            ? tr("Time runs down; the server on the left, a lifeline for each of its newest clients; each arrow "
                 "is a call that crossed between the server and a client.")
            : tr("Time runs down; each arrow is a call that crossed between the two sides."),
        this);
    hint->setWordWrap(true);
    Theme::makeMuted(hint);

    auto *row = new QHBoxLayout;
    row->addWidget(hint, 1);
    row->addWidget(m_saved);
    row->addWidget(m_pngButton);
    row->addWidget(m_svgButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_scroll, 1);

    connect(m_pngButton, &QPushButton::clicked, this, [this] { chooseFile(false); });
    connect(m_svgButton, &QPushButton::clicked, this, [this] { chooseFile(true); });
    // Follow the newest step unless the person scrolled up to read.
    QScrollBar *bar = m_scroll->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_follow = value >= bar->maximum() - 2; });
    connect(bar, &QScrollBar::rangeChanged, this, [this] { followNewest(); });
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] { m_follow = true; });
    }
}

void LadderView::followNewest()
{
    if (m_follow)
        m_scroll->verticalScrollBar()->setValue(m_scroll->verticalScrollBar()->maximum());
}

void LadderView::chooseFile(bool svg)
{
    auto *dialog = new QFileDialog(this, svg ? tr("Save the diagram as SVG") : tr("Save the diagram as PNG"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(svg ? tr("SVG drawings (*.svg)") : tr("PNG pictures (*.png)"));
    dialog->setDefaultSuffix(svg ? QStringLiteral("svg") : QStringLiteral("png"));
    dialog->selectFile(svg ? QStringLiteral("ladder.svg") : QStringLiteral("ladder.png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { save(path, 2.0); });
    dialog->open();
}

bool LadderView::save(const QString &path, qreal scale)
{
    const bool svg = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive);
    const bool ok = svg ? m_diagram->exportSvg(path) : m_diagram->exportPng(path, scale);
    m_saved->setText(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path));
    QTimer::singleShot(4000, m_saved, &QLabel::clear);
    return ok;
}

void LadderView::followWhileShown(TraceModel *model)
{
    m_lazyModel = model;
    m_diagram->setModel(isVisible() ? model : nullptr);
}

void LadderView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_lazyModel && m_diagram->model() != m_lazyModel)
        m_diagram->setModel(m_lazyModel);
}

void LadderView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_lazyModel)
        m_diagram->setModel(nullptr);
}

} // namespace swb
