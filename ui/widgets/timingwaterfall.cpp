#include "timingwaterfall.h"

#include "theme.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace swb {

namespace {

constexpr qreal kMinBarWidth = 2.0; // so a stage of a few microseconds is still seen
constexpr int kStageCount = int(HttpStageTiming::Stage::Download) + 1;

// The colours browsers' network panels made familiar (teal lookup, orange connect, purple TLS, green
// waiting, blue download), darker on a light window and lighter on a dark one so bars and the text
// beside them stay readable. Red is kept for failure.
QColor stageColor(HttpStageTiming::Stage stage, const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    switch (stage) {
    case HttpStageTiming::Stage::Resolve:
        return dark ? QColor(0x4d, 0xb6, 0xac) : QColor(0x00, 0x89, 0x7b);
    case HttpStageTiming::Stage::Connect:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xef, 0x6c, 0x00);
    case HttpStageTiming::Stage::Tls:
        return dark ? QColor(0xb3, 0x9d, 0xdb) : QColor(0x5e, 0x35, 0xb1);
    case HttpStageTiming::Stage::Wait:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x43, 0xa0, 0x47);
    case HttpStageTiming::Stage::Download:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x1e, 0x88, 0xe5);
    }
    return palette.color(QPalette::Highlight);
}

// Black or white, whichever reads better on background.
QColor textOn(const QColor &background)
{
    const qreal luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// Every time the stages and the total mention: the axis spans all of it even if the total lags behind
// a stage's end.
qint64 spanOf(const HttpTimings &timings)
{
    qint64 span = std::max<qint64>(timings.totalNs, 0);
    for (const HttpStageTiming &stage : timings.stages)
        span = std::max({ span, stage.beginNs, stage.endNs });
    return span;
}

bool isRunning(const HttpStageTiming &timing)
{
    return timing.happened() && timing.endNs < 0 && !timing.failed;
}

// Where the bar of a stage ends: its end, or "now" (the total) while it runs or when it failed before ending.
qint64 drawnEndNs(const HttpStageTiming &timing, const HttpTimings &timings)
{
    if (timing.endNs >= timing.beginNs)
        return timing.endNs;
    return std::max(timing.beginNs, timings.totalNs);
}

const HttpStageTiming *failedStage(const HttpTimings &timings)
{
    for (const HttpStageTiming &stage : timings.stages) {
        if (stage.happened() && stage.failed)
            return &stage;
    }
    return nullptr;
}

bool anyHappened(const HttpTimings &timings)
{
    return std::any_of(
        timings.stages.cbegin(), timings.stages.cend(), [](const HttpStageTiming &stage) { return stage.happened(); });
}

// The smallest step of 1, 2 or 5 times a power of ten (in ms) whose tick labels do not crowd each other.
template<typename LabelWidth> double tickStepMs(double spanMs, double plotWidth, const LabelWidth &labelWidth, int gap)
{
    const double pxPerMs = plotWidth / spanMs;
    for (int exponent = -3; exponent <= 12; ++exponent) {
        for (const int mantissa : { 1, 2, 5 }) {
            const double step = mantissa * std::pow(10.0, exponent);
            const double lastTick = std::floor(spanMs / step + 1e-9) * step;
            if (step * pxPerMs >= labelWidth(lastTick, step) + gap)
                return step;
        }
    }
    return 0; // nothing fits: no ticks but zero
}

} // namespace

TimingWaterfall::TimingWaterfall(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timingWaterfall"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void TimingWaterfall::setTimings(const HttpTimings &timings)
{
    m_timings = timings;
    update();
}

void TimingWaterfall::clear()
{
    setTimings(HttpTimings());
}

QString TimingWaterfall::formatDuration(qint64 ns)
{
    const QLocale locale;
    ns = std::max<qint64>(ns, 0);
    // Units are chosen after rounding, so 999.97 ms reads "1.00 s", not "1000.0 ms".
    if (ns < 1000)
        return tr("%1 ns").arg(ns);
    if (ns < 999'500)
        return tr("%1 µs").arg(std::llround(ns / 1e3));
    if (ns < 999'950'000)
        return tr("%1 ms").arg(locale.toString(ns / 1e6, 'f', 1));
    if (ns < 9'995'000'000)
        return tr("%1 s").arg(locale.toString(ns / 1e9, 'f', 2));
    return tr("%1 s").arg(locale.toString(ns / 1e9, 'f', 1));
}

int TimingWaterfall::labelColumnWidth() const
{
    // All names, not only the shown ones, so the axis does not move when the TLS row comes and goes.
    const QFontMetrics metrics(font());
    int widest = 0;
    for (int i = 0; i < kStageCount; ++i)
        widest = std::max(widest, metrics.horizontalAdvance(HttpTimings::stageName(HttpStageTiming::Stage(i))));
    return widest;
}

TimingWaterfall::Layout TimingWaterfall::computeLayout() const
{
    const QFontMetrics metrics(font());
    Layout layout;
    layout.pad = std::max(4, metrics.height() / 2);
    layout.axisHeight = QFontMetrics(Theme::scaledFont(font(), 0.9)).height() + layout.pad;
    layout.rowHeight = metrics.height() + std::max(6, metrics.height() * 2 / 3);
    const int barHeight = metrics.height() + 2; // room for the duration when it is written inside
    const int top = layout.pad + layout.axisHeight;

    const int labelWidth = labelColumnWidth();
    layout.plotLeft = layout.pad + labelWidth + layout.pad * 2;
    layout.plotRight = std::max(layout.plotLeft, qreal(width() - layout.pad * 2));
    layout.spanNs = spanOf(m_timings);
    // A zero total still needs a scale: every bar then sits at zero with the minimum width.
    const double pxPerNs = (layout.plotRight - layout.plotLeft) / double(layout.spanNs > 0 ? layout.spanNs : 1'000'000);

    int y = top;
    for (int i = 0; i < m_timings.stages.size(); ++i) {
        const HttpStageTiming &timing = m_timings.stages.at(i);
        if (!timing.happened())
            continue;
        Row row;
        row.index = i;
        row.rect = QRect(layout.pad, y, std::max(0, width() - layout.pad * 2), layout.rowHeight);
        row.running = isRunning(timing);
        // Whole pixels keep the edges crisp; adjacent stages then share an edge exactly.
        qreal left = layout.plotLeft + std::round(double(timing.beginNs) * pxPerNs);
        const qreal right = layout.plotLeft + std::round(double(drawnEndNs(timing, m_timings)) * pxPerNs);
        const qreal barWidth = std::max(kMinBarWidth, right - left);
        if (left + barWidth > layout.plotRight)
            left = std::max(layout.plotLeft, layout.plotRight - barWidth);
        row.bar = QRectF(left, y + (layout.rowHeight - barHeight) / 2, barWidth, barHeight);
        layout.rows.append(row);
        y += layout.rowHeight;
    }
    layout.labels = QRect(layout.pad, top, labelWidth, y - top);
    layout.summary = QRect(layout.pad, y + layout.pad, std::max(0, width() - layout.pad * 2), metrics.height());
    return layout;
}

QRectF TimingWaterfall::barRect(HttpStageTiming::Stage stage) const
{
    const Layout layout = computeLayout();
    for (const Row &row : layout.rows) {
        if (m_timings.stages.at(row.index).stage == stage)
            return row.bar;
    }
    return {};
}

QSize TimingWaterfall::sizeHint() const
{
    const QFontMetrics metrics(font());
    const Layout layout = computeLayout();
    // Room for every stage, so the widget keeps its height as stages appear during a request.
    const int height
        = layout.pad + layout.axisHeight + kStageCount * layout.rowHeight + layout.pad + metrics.height() + layout.pad;
    return { layout.pad * 5 + labelColumnWidth() + metrics.averageCharWidth() * 64, height };
}

QSize TimingWaterfall::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return { sizeHint().width() - metrics.averageCharWidth() * 40, sizeHint().height() };
}

QString TimingWaterfall::summaryText() const
{
    QString text = tr("Total %1").arg(formatDuration(spanOf(m_timings)));
    if (const HttpStageTiming *failed = failedStage(m_timings))
        return text + QStringLiteral(" \u00b7 ") + tr("failed in %1").arg(HttpTimings::stageName(failed->stage));
    for (const HttpStageTiming &timing : m_timings.stages) {
        if (isRunning(timing))
            return text + QStringLiteral(" \u00b7 ") + tr("%1 still running").arg(HttpTimings::stageName(timing.stage));
    }
    return text;
}

QString TimingWaterfall::toolTipFor(const HttpStageTiming &timing) const
{
    const qint64 end = drawnEndNs(timing, m_timings);
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(HttpTimings::stageName(timing.stage).toHtmlEscaped());
    lines << tr("Started at %1").arg(formatDuration(timing.beginNs));
    if (isRunning(timing)) {
        lines << tr("Still running after %1").arg(formatDuration(end - timing.beginNs));
    } else if (timing.failed) {
        lines << tr("Failed at %1").arg(formatDuration(end));
        lines << tr("Failed after %1").arg(formatDuration(end - timing.beginNs));
    } else {
        lines << tr("Ended at %1").arg(formatDuration(end));
        lines << tr("Took %1").arg(formatDuration(end - timing.beginNs));
    }
    return lines.join(QStringLiteral("<br>"));
}

bool TimingWaterfall::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const Layout layout = computeLayout();
        for (const Row &row : layout.rows) {
            // The whole row answers, not only the bar: a sub-millisecond bar is too thin to aim at.
            if (row.rect.contains(help->pos())) {
                QToolTip::showText(help->globalPos(), toolTipFor(m_timings.stages.at(row.index)), this, row.rect);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void TimingWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = Theme::mutedColor(pal);
    const QFontMetrics metrics(font());

    if (!anyHappened(m_timings)) {
        const int pad = std::max(4, metrics.height() / 2);
        painter.setPen(muted);
        painter.drawText(rect().adjusted(pad, pad, -pad, -pad), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Run a request to see how long each stage takes."));
        return;
    }

    const Layout layout = computeLayout();
    const int pad = layout.pad;
    const int rowsTop = layout.labels.top();
    const int rowsBottom = layout.labels.bottom() + 1;

    // Every other row shaded, so a label is easy to follow across to its bar.
    for (int i = 1; i < layout.rows.size(); i += 2)
        painter.fillRect(layout.rows.at(i).rect, withAlpha(text, 10));

    // The axis: tick labels, tick marks, and faint grid lines down through the rows.
    const QFont axisFont = Theme::scaledFont(font(), 0.9);
    const QFontMetrics axisMetrics(axisFont);
    const double spanMs = (layout.spanNs > 0 ? layout.spanNs : 1'000'000) / 1e6;
    const double plotWidth = layout.plotRight - layout.plotLeft;
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    // Seconds once the axis passes one, so labels stay short: "0.5 s 1.0 s 1.5 s", not "1500 ms".
    const bool inSeconds = spanMs >= 1000;
    const auto tickLabel = [&locale, inSeconds](double valueMs, double stepMs) -> QString {
        if (valueMs <= 0)
            return QStringLiteral("0");
        const double step = inSeconds ? stepMs / 1000 : stepMs;
        const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
        if (inSeconds)
            return tr("%1 s").arg(locale.toString(valueMs / 1000, 'f', decimals));
        return tr("%1 ms").arg(locale.toString(valueMs, 'f', decimals));
    };
    painter.setFont(axisFont);
    const qreal axisY = rowsTop - 0.5;
    painter.setPen(QPen(withAlpha(text, 90), 1));
    painter.drawLine(QPointF(layout.plotLeft, axisY), QPointF(layout.plotRight, axisY));
    if (plotWidth >= 1) {
        const double step = tickStepMs(
            spanMs, plotWidth,
            [&](double value, double stepMs) { return axisMetrics.horizontalAdvance(tickLabel(value, stepMs)); },
            pad * 3); // a calm axis: a few round numbers, not a ruler
        const int count = step > 0 ? int(std::floor(spanMs / step + 1e-9)) : 0;
        const int tickLength = std::max(3, pad / 2);
        for (int i = 0; i <= count; ++i) {
            const double value = i * step;
            const qreal x = std::round(layout.plotLeft + value / spanMs * plotWidth) + 0.5;
            painter.setPen(QPen(withAlpha(text, 90), 1));
            painter.drawLine(QPointF(x, axisY - tickLength), QPointF(x, axisY));
            if (i > 0) {
                painter.setPen(QPen(withAlpha(text, 28), 1));
                painter.drawLine(QPointF(x, axisY + 1), QPointF(x, rowsBottom));
            }
            const QString label = tickLabel(value, step);
            const int labelWidth = axisMetrics.horizontalAdvance(label);
            // Centred on the tick, but never past either end of the widget.
            qreal labelLeft = x - labelWidth / 2.0;
            labelLeft = std::min(labelLeft, qreal(width() - pad - labelWidth));
            labelLeft = std::max(labelLeft, layout.plotLeft - pad);
            painter.setPen(muted);
            painter.drawText(QRectF(labelLeft, pad, labelWidth, axisMetrics.height()), Qt::AlignCenter, label);
        }
    }
    painter.setFont(font());

    const QColor error = Theme::errorColor(pal);
    for (const Row &row : layout.rows) {
        const HttpStageTiming &timing = m_timings.stages.at(row.index);
        const QRectF bar = row.bar;
        const QRect labelRect(layout.labels.left(), row.rect.top(), layout.labels.width(), row.rect.height());
        painter.setPen(timing.failed ? error : text);
        painter.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, HttpTimings::stageName(timing.stage));

        const QColor color = timing.failed ? error : stageColor(timing.stage, pal);
        const qreal radius = std::min<qreal>(3, bar.width() / 2);
        QPainterPath shape;
        shape.addRoundedRect(bar, radius, radius);
        if (timing.failed) {
            // Diagonal stripes: failure reads without relying on the red alone.
            painter.fillPath(shape, color);
            painter.save();
            painter.setClipPath(shape);
            const qreal spacing = std::max<qreal>(6, bar.height() / 2);
            painter.setPen(
                QPen(withAlpha(Theme::errorBackground(pal), 120), spacing / 2.5, Qt::SolidLine, Qt::FlatCap));
            for (qreal x = bar.left() - bar.height(); x < bar.right(); x += spacing)
                painter.drawLine(QPointF(x, bar.bottom()), QPointF(x + bar.height(), bar.top()));
            painter.restore();
        } else if (row.running) {
            // Fades out towards "now", with a dashed edge: this bar is still growing.
            const qreal fade = std::min(bar.width() / 2, qreal(layout.rowHeight) * 2);
            QLinearGradient gradient(bar.right() - fade, 0, bar.right(), 0);
            gradient.setColorAt(0, color);
            gradient.setColorAt(1, withAlpha(color, 70));
            painter.fillPath(shape, gradient);
            painter.setPen(QPen(color, 1, Qt::DashLine));
            painter.drawLine(QPointF(bar.right() - 0.5, bar.top()), QPointF(bar.right() - 0.5, bar.bottom()));
        } else {
            painter.fillPath(shape, color);
        }

        const qint64 duration = drawnEndNs(timing, m_timings) - timing.beginNs;
        QString label = formatDuration(duration);
        if (timing.failed)
            label = tr("failed after %1").arg(label);
        else if (row.running)
            label += QStringLiteral("\u2026");
        const int labelWidth = metrics.horizontalAdvance(label);
        const int gap = std::max(3, pad / 2);
        // Beside the bar if there is room, else inside it, else before it.
        const qreal rowTop = row.rect.top();
        const qreal rowHeight = row.rect.height();
        if (bar.right() + gap + labelWidth <= width() - pad) {
            painter.setPen(timing.failed ? error : text);
            painter.drawText(
                QRectF(bar.right() + gap, rowTop, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, label);
        } else if (bar.width() < labelWidth + gap * 4 && bar.left() - gap - labelWidth >= layout.plotLeft) {
            painter.setPen(timing.failed ? error : text);
            painter.drawText(QRectF(bar.left() - gap - labelWidth, rowTop, labelWidth, rowHeight),
                Qt::AlignLeft | Qt::AlignVCenter, label);
        } else if (timing.failed) {
            // On a plain chip, so the stripes do not cut through the letters.
            const QRectF chip(bar.left() + gap, bar.top() + 1,
                std::min<qreal>(labelWidth + gap * 2, bar.width() - gap * 2), bar.height() - 2);
            painter.setPen(Qt::NoPen);
            painter.setBrush(withAlpha(pal.color(QPalette::Window), 235));
            painter.drawRoundedRect(chip, 2, 2);
            painter.setBrush(Qt::NoBrush);
            painter.setPen(error);
            painter.drawText(chip.adjusted(gap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
        } else {
            // A finished bar carries its duration at its end; a running one at its start, away from the fade.
            const QRectF inside = bar.adjusted(gap, 0, -gap, 0);
            painter.setPen(textOn(color));
            painter.drawText(QRectF(inside.left(), rowTop, inside.width(), rowHeight),
                (row.running ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, label);
        }
    }

    // The summary, under a rule: the total in bold, what went wrong or is still going on after it.
    painter.setPen(QPen(withAlpha(text, 60), 1));
    const qreal ruleY = rowsBottom + pad / 2 + 0.5;
    painter.drawLine(QPointF(layout.pad, ruleY), QPointF(width() - layout.pad, ruleY));
    const QString total = tr("Total %1").arg(formatDuration(layout.spanNs));
    const QString summary = summaryText();
    const QFont bold = Theme::scaledFont(font(), 1.0, true);
    painter.setFont(bold);
    painter.setPen(text);
    painter.drawText(layout.summary, Qt::AlignLeft | Qt::AlignVCenter, total);
    if (summary.size() > total.size()) {
        const int totalWidth = QFontMetrics(bold).horizontalAdvance(total);
        painter.setFont(font());
        painter.setPen(failedStage(m_timings) ? error : muted);
        painter.drawText(
            layout.summary.adjusted(totalWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, summary.mid(total.size()));
    }
}

} // namespace swb
