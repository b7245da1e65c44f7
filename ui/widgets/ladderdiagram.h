#pragma once
// The trace drawn as a ladder (sequence) diagram: a vertical lifeline per side of the conversation and a
// labelled arrow or mark per step in time order, so a learner sees who sent what to whom, and when.

#include "net/endpoint.h"
#include "trace/traceevent.h"
#include "trace/tracemodel.h"

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <deque>

class QPainter;

namespace swb {

class LadderDiagram : public QWidget {
    Q_OBJECT
public:
    // Client: "This program" and "Server" lifelines. Server: the server's lifeline plus one per client
    // (connectionId), the most recent maxClients() of them.
    enum class Mode { Client, Server };

    // What is drawn, for tests and exports: each item an arrow between two lanes or a mark on one
    // (fromLane == toLane).
    struct Item {
        enum Kind { Arrow, Mark } kind = Mark;
        int fromLane = 0;
        int toLane = 0;
        QString label;
        bool error = false;
        TraceKind traceKind = TraceKind::Note;
        qint64 atNs = 0;
    };

    // Only the newest this many steps are drawn, however long the trace: a diagram of thousands of
    // arrows teaches nothing and would make every batch slow.
    static constexpr int kMaxItems = 500;

    explicit LadderDiagram(QWidget *parent = nullptr);
    ~LadderDiagram() override;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Follows rowsInserted / rowsRemoved / modelReset: each batch only reads its new rows and marks the layout
    // stale; the layout is computed once, at the next paint or size query.
    void setModel(TraceModel *model);
    TraceModel *model() const { return m_model; }
    // An alternative to a model (tests, transcripts); detaches any model.
    void setEvents(const QVector<TraceEvent> &events);
    void clear(); // forgets what is drawn; an attached model stays attached and its later rows are drawn
    void setMaxClients(int n); // default 4
    int maxClients() const { return m_maxClients; }
    // Presentation mode: pen widths doubled (fonts come from the widget font).
    void setThickLines(bool on);
    bool thickLines() const { return m_thick; }

    QVector<Item> items() const;
    QStringList laneTitles() const; // "This program (client) 127.0.0.1:40312", "Server 127.0.0.1:7", "#3 ..."

    // The whole diagram at its natural size times scale (not only the part a scroll area shows), on the
    // palette's window colour.
    QImage toImage(qreal scale = 1.0) const;
    QByteArray toSvg() const; // written by hand: Qt SVG is not a dependency
    bool exportPng(const QString &path, qreal scale = 1.0) const;
    bool exportSvg(const QString &path) const;

    // Width from the lanes and labels, height growing with the items (the panel puts it in a QScrollArea).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Style { Sent, Received, Lifecycle, Muted, Error };
    enum class Shape { Arrow, DashedArrow, Dot, Bar, Diamond };

    // One step that makes an item, kept whether or not its client currently has a lane.
    struct Entry {
        Item item; // lanes not yet assigned: fromLane/toLane are Side values
        Style style = Style::Muted;
        Shape shape = Shape::Dot;
        int connectionId = 0;
        Endpoint peer; // servers: the client's address
        QString toolTip;
        qint64 sourceRow = -1; // model row, to follow trimming from the front
    };
    struct Lane {
        QString title;
        QString subtitle; // address:port, empty until known
        int connectionId = 0;
        bool placeholder = false;
    };
    struct Drawn {
        const Entry *entry = nullptr;
        int fromLane = 0;
        int toLane = 0;
    };
    // Sizes that depend only on the fonts, the lanes and the labels: computed once per batch.
    struct Metrics {
        int pad = 0;
        int lineHeight = 0; // label font
        int titleHeight = 0; // the title boxes
        int rowHeight = 0;
        int gutter = 0; // the time column
        int laneGap = 0; // natural distance between lifelines
        int boxWidth = 0;
        int headerBottom = 0;
        int naturalWidth = 0;
        int naturalHeight = 0;
    };

    void appendRows(int first, int last);
    void rowsRemovedFrom(int first, int last);
    void rebuildFromModel();
    void ingest(const TraceEvent *const *events, int count, qint64 firstRow);
    bool makeEntry(const TraceEvent &event, Entry *entry);
    void relayout(); // marks the layout stale
    void ensureLayout() const;
    void computeLayout() const;
    Metrics computeMetrics() const;
    QVector<qreal> laneXs(int width) const;
    int rowTop(int index) const { return m_metrics.headerBottom + index * m_metrics.rowHeight; }
    void paintDiagram(QPainter &painter, const QRect &clip, const QSize &size) const;
    QColor styleColor(Style style) const;
    QString timeText(qint64 ns) const;
    qreal penWidth() const { return m_thick ? 3.0 : 1.5; }

    QPointer<TraceModel> m_model;
    QVector<QMetaObject::Connection> m_connections;
    Mode m_mode = Mode::Client;
    int m_maxClients = 4;
    bool m_thick = false;
    bool m_datagram = false; // a SOCK_DGRAM session: recv() of 0 bytes is an empty datagram, not EOF
    Endpoint m_local; // newest known, sticky across trimming
    Endpoint m_remote;
    QHash<int, Endpoint> m_peers; // servers: each recent client's address
    std::deque<Entry> m_entries; // the newest kMaxItems steps

    // Derived from the entries when first needed after a change.
    mutable bool m_dirty = true;
    mutable QVector<Lane> m_lanes;
    mutable QVector<Drawn> m_drawn;
    mutable Metrics m_metrics;
};

} // namespace swb
