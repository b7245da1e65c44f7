#pragma once
// The timing waterfall of one HTTP request, as a browser's network panel draws it: a row per stage
// that happened, each a bar on a shared time axis, so a learner sees where the time went.

#include "http/httptimings.h"

#include <QList>
#include <QRectF>
#include <QWidget>

namespace swb {

class TimingWaterfall : public QWidget {
    Q_OBJECT
public:
    explicit TimingWaterfall(QWidget *parent = nullptr);

    // Cheap: stores and schedules a repaint, so it may be called on every progress tick.
    void setTimings(const HttpTimings &timings);
    void clear();
    const HttpTimings &timings() const { return m_timings; }

    // Where the bar of a stage is drawn, in widget coordinates; empty when the stage did not happen.
    QRectF barRect(HttpStageTiming::Stage stage) const;

    // "850 µs", "12.3 ms", "1.42 s": how the waterfall writes a duration.
    static QString formatDuration(qint64 ns);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Row {
        int index = 0; // into m_timings.stages
        QRect rect; // the whole row, label column included
        QRectF bar;
        bool running = false;
    };
    struct Layout {
        int pad = 0;
        int axisHeight = 0;
        int rowHeight = 0;
        QRect labels; // the label column, rows' height
        qreal plotLeft = 0;
        qreal plotRight = 0;
        qint64 spanNs = 0; // what the full width of the plot stands for
        QList<Row> rows;
        QRect summary;
    };

    Layout computeLayout() const;
    int labelColumnWidth() const;
    QString toolTipFor(const HttpStageTiming &timing) const;
    QString summaryText() const;

    HttpTimings m_timings;
};

} // namespace swb
