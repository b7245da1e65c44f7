#include "ladderdiagram.h"

#include "lookup/privacy.h"
#include "theme.h"
#include "trace/tracemodel.h"

#include <QEvent>
#include <QFontInfo>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QImage>
#include <QPaintEvent>
#include <QPainter>
#include <QSaveFile>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace swb {

namespace {

// An entry's lanes before lanes are assigned: this program's side or the other side.
constexpr int kLocalSide = 0;
constexpr int kPeerSide = 1;

// Labels longer than this many average characters are elided (the tooltip keeps the whole step).
constexpr int kMaxLabelChars = 44;

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// "fd 8, client 127.0.0.1:40312" -> "fd 8": the lane already names the client.
QString firstPart(const QString &text)
{
    const int comma = text.indexOf(u',');
    return comma < 0 ? text : text.left(comma);
}

// over with alpha (0..255) painted on base, as an opaque colour.
QColor blend(const QColor &base, const QColor &over, int alpha)
{
    const qreal a = alpha / 255.0;
    return QColor::fromRgbF(float(base.redF() + (over.redF() - base.redF()) * a),
        float(base.greenF() + (over.greenF() - base.greenF()) * a),
        float(base.blueF() + (over.blueF() - base.blueF()) * a));
}

// "ENOTCONN": the OS error name a call returned instead of "ok".
bool looksLikeErrno(const QString &result)
{
    const QString word = result.section(u' ', 0, 0);
    return word.size() > 2 && word.startsWith(u'E')
        && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isUpper() || c.isDigit() || c == u'_'; });
}

QString svgColor(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

QString svgNumber(qreal value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

LadderDiagram::LadderDiagram(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ladderDiagram"));
    // Never narrower or shorter than the diagram: a scroll area scrolls instead of squeezing the labels.
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Minimum);
    // Hide Addresses: labels and tooltips are masked as they are made, lane titles at layout.
    auto remask = [this] {
        if (m_model)
            rebuildFromModel();
        else
            relayout();
    };
    connect(Privacy::instance(), &Privacy::enabledChanged, this, remask);
    connect(Privacy::instance(), &Privacy::hostNamesChanged, this, remask);
    relayout();
}

LadderDiagram::~LadderDiagram() = default;

void LadderDiagram::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    relayout();
}

void LadderDiagram::setMaxClients(int n)
{
    n = std::max(1, n);
    if (m_maxClients == n)
        return;
    m_maxClients = n;
    relayout();
}

void LadderDiagram::setThickLines(bool on)
{
    if (m_thick == on)
        return;
    m_thick = on;
    relayout(); // arrow heads and marks grow with the pen
}

void LadderDiagram::setModel(TraceModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        m_connections << connect(
            model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid())
                    appendRows(first, last);
            });
        m_connections << connect(
            model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid())
                    rowsRemovedFrom(first, last);
            });
        m_connections << connect(model, &QAbstractItemModel::modelReset, this, &LadderDiagram::rebuildFromModel);
        m_connections << connect(model, &QAbstractItemModel::layoutChanged, this, &LadderDiagram::rebuildFromModel);
        m_connections << connect(model, &QObject::destroyed, this, [this] {
            m_connections.clear();
            clear();
        });
    }
    rebuildFromModel();
}

void LadderDiagram::setEvents(const QVector<TraceEvent> &events)
{
    setModel(nullptr);
    QVector<const TraceEvent *> pointers;
    pointers.reserve(events.size());
    for (const TraceEvent &e : events)
        pointers.append(&e);
    ingest(pointers.constData(), int(pointers.size()), 0);
    relayout();
}

void LadderDiagram::clear()
{
    m_entries.clear();
    m_peers.clear();
    m_local = {};
    m_remote = {};
    m_datagram = false;
    relayout();
}

void LadderDiagram::rebuildFromModel()
{
    m_entries.clear();
    m_peers.clear();
    m_local = {};
    m_remote = {};
    m_datagram = false;
    if (m_model && m_model->rowCount() > 0) {
        appendRows(0, m_model->rowCount() - 1);
        return;
    }
    relayout();
}

void LadderDiagram::appendRows(int first, int last)
{
    if (!m_model || last < first)
        return;
    if (first < m_model->rowCount() - (last - first + 1)) {
        // Inserted somewhere else than the end: row numbers shift, so start again.
        rebuildFromModel();
        return;
    }
    QVector<const TraceEvent *> pointers;
    pointers.reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        pointers.append(&m_model->eventAt(row));
    ingest(pointers.constData(), int(pointers.size()), first);
    relayout();
}

void LadderDiagram::rowsRemovedFrom(int first, int last)
{
    if (first != 0) {
        rebuildFromModel();
        return;
    }
    // The model trims its oldest rows: forget the steps that went with them, renumber the rest.
    const qint64 removed = last - first + 1;
    while (!m_entries.empty() && m_entries.front().sourceRow <= last)
        m_entries.pop_front();
    for (Entry &entry : m_entries)
        entry.sourceRow -= removed;
    relayout();
}

// Only the newest kMaxItems steps of a batch can be drawn, so a batch is read from its end and stops
// there: a 100,000-row trace costs as much as its last few hundred steps (plus a cheap look for the
// addresses and the socket type).
void LadderDiagram::ingest(const TraceEvent *const *events, int count, qint64 firstRow)
{
    if (!m_datagram) {
        for (int i = 0; i < count; ++i) {
            const TraceEvent &e = *events[i];
            if (e.call == QLatin1String("socket")) {
                m_datagram = e.arguments.contains(QLatin1String("SOCK_DGRAM"));
                break;
            }
        }
    }
    std::deque<Entry> fresh;
    for (int i = count - 1; i >= 0 && int(fresh.size()) < kMaxItems; --i) {
        Entry entry;
        if (makeEntry(*events[i], &entry)) {
            entry.sourceRow = firstRow + i;
            fresh.push_front(std::move(entry));
        }
    }
    // The newest addresses win; events without items (getsockname, notes) still tell them.
    bool haveLocal = false;
    bool haveRemote = false;
    for (int i = count - 1; i >= 0 && !(haveLocal && haveRemote); --i) {
        const TraceEvent &e = *events[i];
        if (!haveLocal && e.local.isValid()) {
            m_local = e.local;
            haveLocal = true;
        }
        if (!haveRemote && e.remote.isValid() && e.connectionId == 0) {
            m_remote = e.remote;
            haveRemote = true;
        }
    }
    // A connect that failed carries no peer address, but the server's lane should still say whom it tried.
    for (int i = count - 1; i >= 0 && !m_remote.isValid(); --i) {
        const TraceEvent &e = *events[i];
        if (e.call == QLatin1String("connect") && e.arguments.startsWith(u'(') && e.arguments.endsWith(u')')) {
            const Parsed<Endpoint> target = EndpointParser::parse(e.arguments.mid(1, e.arguments.size() - 2));
            if (target.ok())
                m_remote = *target.value;
        }
    }
    for (Entry &entry : fresh) {
        if (entry.connectionId > 0 && entry.peer.isValid())
            m_peers.insert(entry.connectionId, entry.peer);
        m_entries.push_back(std::move(entry));
    }
    while (int(m_entries.size()) > kMaxItems)
        m_entries.pop_front();
    // Forget the addresses of clients that no longer have a step.
    if (m_peers.size() > 4 * kMaxItems) {
        QHash<int, Endpoint> kept;
        for (const Entry &entry : m_entries)
            kept.insert(entry.connectionId, m_peers.value(entry.connectionId));
        m_peers = kept;
    }
}

// What a step draws as. The local side is this program (the client in Client mode, the server in Server
// mode), so bytes sent always go towards the peer and bytes received come from it.
bool LadderDiagram::makeEntry(const TraceEvent &e, Entry *entry)
{
    Item &item = entry->item;
    item.traceKind = e.kind;
    item.atNs = e.atNs;
    item.fromLane = kLocalSide;
    item.toLane = kLocalSide;
    item.kind = Item::Mark;
    entry->connectionId = e.connectionId;
    entry->peer = e.remote;
    const QString call = e.call;
    const QString callName = call + QStringLiteral("()");
    const auto arrow = [&](int from, int to) {
        item.kind = Item::Arrow;
        item.fromLane = from;
        item.toLane = to;
    };
    const bool isConnect = call == QLatin1String("connect");
    const bool isAccept = call == QLatin1String("accept");
    const bool isShutdown = call == QLatin1String("shutdown");
    const bool isSend = call.startsWith(QLatin1String("send"));
    const bool isRecv = call.startsWith(QLatin1String("recv"));

    switch (e.kind) {
    case TraceKind::Sent:
        arrow(kLocalSide, kPeerSide);
        item.label = call + u' ' + byteCount(e.size);
        entry->style = Style::Sent;
        entry->shape = Shape::Arrow;
        break;
    case TraceKind::Received: {
        arrow(kPeerSide, kLocalSide);
        const bool datagram = m_datagram || call == QLatin1String("recvfrom")
            || e.result.startsWith(byteCount(0)); // an empty datagram reads "0 bytes", an end of stream "0: ..."
        if (e.size == 0 && !datagram) {
            item.label = tr("%1 \u2192 b'' (the other side closed)").arg(call);
            entry->style = Style::Lifecycle;
        } else {
            item.label = call + u' ' + byteCount(e.size);
            entry->style = Style::Received;
        }
        entry->shape = Shape::Arrow;
        break;
    }
    case TraceKind::Opened:
        entry->style = Style::Lifecycle;
        entry->shape = Shape::Arrow;
        if (isAccept) {
            arrow(kPeerSide, kLocalSide);
            item.label = tr("connect \u2192 accept() %1").arg(firstPart(e.result)).trimmed();
        } else if (isConnect) {
            arrow(kLocalSide, kPeerSide);
            item.label = QStringLiteral("%1 \u2192 %2").arg(callName, e.result.isEmpty() ? tr("ok") : e.result);
        } else {
            item.label = callName;
            entry->shape = Shape::Dot;
        }
        break;
    case TraceKind::Closed:
        entry->style = e.error == ErrorKind::None ? Style::Lifecycle : Style::Error;
        entry->shape = Shape::Bar;
        item.error = e.error != ErrorKind::None;
        item.label = callName;
        if (e.arguments != QLatin1String("()"))
            item.label += u' ' + e.arguments;
        if (!e.result.isEmpty() && e.result != QLatin1String("ok"))
            item.label += QStringLiteral(" \u2192 ") + e.result;
        if (entry->connectionId > 0)
            item.label = QStringLiteral("#%1 ").arg(entry->connectionId) + item.label;
        break;
    case TraceKind::Call:
        if (isShutdown) {
            arrow(kLocalSide, kPeerSide);
            item.label = call + e.arguments;
            entry->style = Style::Lifecycle;
            entry->shape = Shape::DashedArrow;
            if (looksLikeErrno(e.result)) { // a server's failed shutdown is traced as a call with the errno
                item.label += QStringLiteral(" \u2192 ") + e.result;
                item.error = true;
                entry->style = Style::Error;
            }
            break;
        }
        // Steps that stay on this side (getaddrinfo, socket, bind, listen, setsockopt, a UDP connect):
        // small and quiet, so the arrows stand out.
        item.label = e.result.isEmpty() ? callName : QStringLiteral("%1 \u2192 %2").arg(callName, e.result);
        if (entry->connectionId > 0)
            item.label = QStringLiteral("#%1 ").arg(entry->connectionId) + item.label;
        entry->style = Style::Muted;
        entry->shape = Shape::Dot;
        break;
    case TraceKind::Error: {
        item.error = true;
        entry->style = Style::Error;
        const QString what = e.result.isEmpty() ? errorKindName(e.error) : e.result;
        if (call.isEmpty()) {
            // A server's own verdict ("idle timeout"): the message is in the arguments.
            item.label = e.arguments.isEmpty() ? what : e.arguments;
            entry->shape = Shape::Diamond;
        } else if (isConnect || isSend || isShutdown) {
            arrow(kLocalSide, kPeerSide);
            item.label = QStringLiteral("%1 \u2192 %2").arg(callName, what);
            entry->shape = Shape::Arrow;
        } else if (isRecv) {
            arrow(kPeerSide, kLocalSide);
            item.label = QStringLiteral("%1 \u2192 %2").arg(callName, what);
            entry->shape = Shape::Arrow;
        } else {
            item.label = QStringLiteral("%1 \u2192 %2").arg(callName, what);
            entry->shape = Shape::Diamond;
        }
        if (entry->connectionId > 0 && item.kind == Item::Mark)
            item.label = QStringLiteral("#%1 ").arg(entry->connectionId) + item.label;
        break;
    }
    case TraceKind::Note:
        // Notes explain; the step table shows them. Here only a datagram the lossy server dropped on
        // purpose is drawn, because it is an arrow that never came back.
        if (!call.isEmpty() && entry->connectionId > 0) {
            item.label = QStringLiteral("#%1 %2").arg(entry->connectionId).arg(call);
            entry->style = Style::Muted;
            entry->shape = Shape::Diamond;
            break;
        }
        return false;
    }
    if (e.error != ErrorKind::None && e.kind != TraceKind::Closed) {
        item.error = true;
        entry->style = Style::Error;
    }
    item.label = Privacy::shown(item.label);
    entry->toolTip = Privacy::shown(e.toLine());
    return true;
}

// Batches only mark the layout stale; it is computed when something asks for it (a paint, the size hint),
// so a batch that trims rows and appends others costs one layout, and a burst of batches between two
// paints costs one too.
void LadderDiagram::relayout()
{
    m_dirty = true;
    m_drawn.clear(); // it points into m_entries, which just changed
    updateGeometry();
    update();
}

void LadderDiagram::ensureLayout() const
{
    if (m_dirty)
        computeLayout();
}

void LadderDiagram::computeLayout() const
{
    m_dirty = false;
    m_lanes.clear();
    m_drawn.clear();
    QHash<int, int> laneOfClient;
    if (m_mode == Mode::Client) {
        m_lanes.append(Lane {
            tr("This program (client)"), m_local.isValid() ? Privacy::shown(m_local.toString()) : QString(), 0 });
        m_lanes.append(Lane { tr("Server"), m_remote.isValid() ? Privacy::shown(m_remote.toString()) : QString(), 0 });
    } else {
        m_lanes.append(Lane { tr("Server"), m_local.isValid() ? Privacy::shown(m_local.toString()) : QString(), 0 });
        // The newest clients (the highest ids) keep their lanes, left to right in the order they came.
        QVector<int> ids;
        for (const Entry &entry : m_entries) {
            if (entry.connectionId > 0 && !ids.contains(entry.connectionId))
                ids.append(entry.connectionId);
        }
        std::sort(ids.begin(), ids.end());
        if (ids.size() > m_maxClients)
            ids.remove(0, ids.size() - m_maxClients);
        for (const int id : std::as_const(ids)) {
            const Endpoint peer = m_peers.value(id);
            laneOfClient.insert(id, int(m_lanes.size()));
            m_lanes.append(Lane {
                QStringLiteral("#%1").arg(id), peer.isValid() ? Privacy::shown(peer.toString()) : QString(), id });
        }
        if (ids.isEmpty())
            m_lanes.append(Lane { tr("Clients"), tr("none yet"), 0, true });
    }

    for (const Entry &entry : m_entries) {
        Drawn drawn;
        drawn.entry = &entry;
        if (m_mode == Mode::Client) {
            drawn.fromLane = entry.item.fromLane;
            drawn.toLane = entry.item.toLane;
        } else {
            int peerLane = 0;
            if (entry.connectionId > 0) {
                peerLane = laneOfClient.value(entry.connectionId, -1);
                if (peerLane < 0)
                    continue; // an older client's step: its lane is gone
            } else if (entry.item.kind == Item::Arrow) {
                continue; // an arrow to no client in particular has nowhere to go
            }
            drawn.fromLane = entry.item.fromLane == kPeerSide ? peerLane : 0;
            drawn.toLane = entry.item.toLane == kPeerSide ? peerLane : 0;
        }
        m_drawn.append(drawn);
    }
    m_metrics = computeMetrics();
}

LadderDiagram::Metrics LadderDiagram::computeMetrics() const
{
    Metrics m;
    const QFont labelFont = Theme::monospaceFont(font());
    const QFontMetrics label(labelFont);
    const QFontMetrics title(Theme::scaledFont(font(), 1.0, true));
    const QFontMetrics plain(font());
    m.pad = std::max(4, plain.height() / 2);
    m.lineHeight = label.height();
    m.titleHeight = title.height() + label.height() + m.pad;
    m.rowHeight = m.lineHeight + std::max(10, m.lineHeight * 3 / 4) + (m_thick ? 2 : 0);

    int widestTime = label.horizontalAdvance(timeText(0));
    if (!m_drawn.isEmpty())
        widestTime = std::max(widestTime, label.horizontalAdvance(timeText(m_drawn.constLast().entry->item.atNs)));
    m.gutter = widestTime + m.pad * 2;
    int widestTitle = 0;
    for (const Lane &lane : m_lanes)
        widestTitle
            = std::max({ widestTitle, title.horizontalAdvance(lane.title), label.horizontalAdvance(lane.subtitle) });
    m.boxWidth = widestTitle + m.pad * 2;

    // An arrow's label is centred over the gaps it spans; a mark's label runs from its lifeline to the right
    // edge, over the other lifelines if it must (it has a row of its own).
    const int cap = label.averageCharWidth() * kMaxLabelChars;
    const qreal markSize = std::max<qreal>(3, m.lineHeight * 0.22) * (m_thick ? 1.4 : 1.0);
    int gap = std::max(m.boxWidth + m.pad * 2, label.averageCharWidth() * 18);
    int markRoom = 0;
    for (const Drawn &drawn : m_drawn) {
        const int w = std::min(label.horizontalAdvance(drawn.entry->item.label), cap);
        const int span = std::abs(drawn.toLane - drawn.fromLane);
        if (span == 0)
            markRoom = std::max(markRoom, w + int(markSize * 2) + m.pad * 2);
        else
            gap = std::max(gap, (w + m.pad * 4 + span - 1) / span);
    }
    const int lanes = int(m_lanes.size());
    if (lanes > 1)
        gap = std::max(gap, (markRoom - m.boxWidth / 2 + lanes - 2) / (lanes - 1));
    m.laneGap = gap;
    m.headerBottom = m.pad + m.titleHeight + m.pad;
    m.naturalWidth = m.gutter + m.pad + m.boxWidth / 2 + m.laneGap * (lanes - 1) + m.boxWidth / 2 + m.pad;
    if (lanes <= 1)
        m.naturalWidth = std::max(m.naturalWidth, m.gutter + m.pad + m.boxWidth / 2 + markRoom + m.pad);
    const int rows = std::max(1, int(m_drawn.size()));
    m.naturalHeight = m.headerBottom + rows * m.rowHeight + m.pad * 2;
    return m;
}

// Lifelines at their natural spacing, or spread out when the widget is wider (up to twice the spacing).
QVector<qreal> LadderDiagram::laneXs(int width) const
{
    const Metrics &m = m_metrics;
    const int lanes = int(m_lanes.size());
    qreal gap = m.laneGap;
    if (lanes > 1 && width > m.naturalWidth)
        gap = std::min<qreal>(m.laneGap * 2.0, m.laneGap + qreal(width - m.naturalWidth) / (lanes - 1));
    QVector<qreal> xs;
    xs.reserve(lanes);
    for (int i = 0; i < lanes; ++i)
        xs.append(std::round(m.gutter + m.pad + m.boxWidth / 2.0 + gap * i) + 0.5);
    return xs;
}

QString LadderDiagram::timeText(qint64 ns) const
{
    return tr("%1 ms").arg(QString::number(double(ns) / 1e6, 'f', 3));
}

QColor LadderDiagram::styleColor(Style style) const
{
    const QPalette pal = palette();
    switch (style) {
    case Style::Sent:
        return Theme::sentColor(pal);
    case Style::Received:
        return Theme::receivedColor(pal);
    case Style::Lifecycle:
        return Theme::lifecycleColor(pal);
    case Style::Muted:
        return Theme::mutedColor(pal);
    case Style::Error:
        return Theme::errorColor(pal);
    }
    return pal.color(QPalette::WindowText);
}

QVector<LadderDiagram::Item> LadderDiagram::items() const
{
    ensureLayout();
    QVector<Item> out;
    out.reserve(m_drawn.size());
    for (const Drawn &drawn : m_drawn) {
        Item item = drawn.entry->item;
        item.fromLane = drawn.fromLane;
        item.toLane = drawn.toLane;
        out.append(item);
    }
    return out;
}

QStringList LadderDiagram::laneTitles() const
{
    ensureLayout();
    QStringList titles;
    for (const Lane &lane : m_lanes)
        titles << (lane.subtitle.isEmpty() || lane.placeholder ? lane.title : lane.title + u' ' + lane.subtitle);
    return titles;
}

QSize LadderDiagram::sizeHint() const
{
    ensureLayout();
    return { m_metrics.naturalWidth, m_metrics.naturalHeight };
}

QSize LadderDiagram::minimumSizeHint() const
{
    return sizeHint();
}

void LadderDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::StyleChange)
        relayout();
    QWidget::changeEvent(event);
}

bool LadderDiagram::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        ensureLayout();
        const int index = (help->pos().y() - m_metrics.headerBottom) / std::max(1, m_metrics.rowHeight);
        if (help->pos().y() >= m_metrics.headerBottom && index >= 0 && index < m_drawn.size()) {
            const QRect row(0, rowTop(index), width(), m_metrics.rowHeight);
            QToolTip::showText(help->globalPos(), m_drawn.at(index).entry->toolTip, this, row);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void LadderDiagram::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    QPainter painter(this);
    paintDiagram(painter, event->rect(), size().expandedTo(sizeHint()));
}

// Paints what clip needs: the header when it shows, and only the rows it crosses.
void LadderDiagram::paintDiagram(QPainter &painter, const QRect &clip, const QSize &size) const
{
    const Metrics &m = m_metrics;
    const QPalette pal = palette();
    const QColor background = pal.color(backgroundRole());
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = Theme::mutedColor(pal);
    const QFont labelFont = Theme::monospaceFont(font());
    const QFont titleFont = Theme::scaledFont(font(), 1.0, true);
    const QFontMetrics labelMetrics(labelFont);
    const int cap = labelMetrics.averageCharWidth() * kMaxLabelChars;
    const qreal pen = penWidth();
    const qreal head = std::max<qreal>(6, m.lineHeight * 0.45) * (m_thick ? 1.4 : 1.0);
    const int width = size.width();
    const QVector<qreal> xs = laneXs(width);

    painter.fillRect(clip, background);
    painter.setRenderHint(QPainter::Antialiasing);

    const int firstRow = std::max(0, (clip.top() - m.headerBottom) / m.rowHeight);
    const int lastRow = std::min(int(m_drawn.size()) - 1, (clip.bottom() - m.headerBottom) / m.rowHeight);
    const int bottom = size.height() - m.pad;

    // Every other row shaded, as in the step table, so a label is easy to follow to its arrow.
    for (int i = firstRow + (firstRow % 2 == 0 ? 1 : 0); i <= lastRow; i += 2)
        painter.fillRect(QRect(0, rowTop(i), width, m.rowHeight), withAlpha(text, 10));

    // Lifelines, under everything else.
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const bool placeholder = m_lanes.at(lane).placeholder;
        painter.setPen(QPen(withAlpha(text, placeholder ? 60 : 110), m_thick ? 2.0 : 1.0,
            placeholder ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(xs.at(lane), std::max(m.headerBottom - m.pad, clip.top() - 1)),
            QPointF(xs.at(lane), std::min(bottom, clip.bottom() + 1)));
    }

    // Title boxes: the side in bold, its address under it.
    if (clip.top() < m.headerBottom) {
        const QFontMetrics titleMetrics(titleFont);
        for (int lane = 0; lane < m_lanes.size(); ++lane) {
            const Lane &l = m_lanes.at(lane);
            const QRectF box(xs.at(lane) - m.boxWidth / 2.0, m.pad, m.boxWidth, m.titleHeight);
            painter.setPen(QPen(withAlpha(text, l.placeholder ? 60 : 140), m_thick ? 2.0 : 1.0));
            painter.setBrush(background);
            painter.drawRoundedRect(box, 4, 4);
            painter.setBrush(Qt::NoBrush);
            const QRectF inner = box.adjusted(m.pad / 2.0, m.pad / 2.0, -m.pad / 2.0, -m.pad / 2.0);
            painter.setFont(titleFont);
            painter.setPen(l.placeholder ? muted : text);
            painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), titleMetrics.height()),
                Qt::AlignHCenter | Qt::AlignVCenter, l.title);
            painter.setFont(labelFont);
            painter.setPen(muted);
            painter.drawText(QRectF(inner.left(), inner.top() + titleMetrics.height(), inner.width(), m.lineHeight),
                Qt::AlignHCenter | Qt::AlignVCenter, l.subtitle.isEmpty() ? QStringLiteral("\u2014") : l.subtitle);
        }
    }

    painter.setFont(labelFont);
    if (m_drawn.isEmpty()) {
        const QString hint = tr("The steps appear here as they happen.");
        const QRect row(m.pad, m.headerBottom, std::max(0, width - m.pad * 2), m.rowHeight);
        const int w = std::min(row.width(), labelMetrics.horizontalAdvance(hint) + m.pad * 2);
        const QRect chip(row.center().x() - w / 2, row.top(), w, row.height());
        painter.fillRect(chip, background);
        painter.setPen(muted);
        painter.drawText(chip, Qt::AlignCenter, labelMetrics.elidedText(hint, Qt::ElideRight, chip.width()));
        return;
    }

    for (int i = firstRow; i <= lastRow; ++i) {
        const Drawn &drawn = m_drawn.at(i);
        const Entry &entry = *drawn.entry;
        const QColor color = styleColor(entry.style);
        const int top = rowTop(i);
        const qreal y = top + m.lineHeight + (m.rowHeight - m.lineHeight) / 2.0;
        // The colour under the row, for chips that hide the lifelines a label crosses.
        const QColor under = i % 2 ? blend(background, text, 10) : background;

        painter.setPen(muted);
        painter.drawText(QRect(m.pad, top, m.gutter - m.pad * 2, m.rowHeight),
            Qt::AlignRight | Qt::AlignVCenter | Qt::TextDontClip, timeText(entry.item.atNs));

        if (drawn.fromLane != drawn.toLane) {
            const qreal from = xs.at(drawn.fromLane);
            const qreal to = xs.at(drawn.toLane);
            const qreal direction = to > from ? 1 : -1;
            const qreal tip = to - direction * (pen + 1);
            QPen line(color, pen, entry.shape == Shape::DashedArrow ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
            painter.setPen(line);
            painter.drawLine(QPointF(from, y), QPointF(tip - direction * head * 0.8, y));
            QPolygonF arrowHead;
            arrowHead << QPointF(tip, y) << QPointF(tip - direction * head, y - head / 2)
                      << QPointF(tip - direction * head, y + head / 2);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawPolygon(arrowHead);
            painter.setBrush(Qt::NoBrush);
            if (entry.item.error) {
                // A cross where it failed: the arrow's colour is not the only sign.
                const qreal c = head / 2;
                const QPointF at(tip - direction * head * 1.8, y);
                painter.setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(at + QPointF(-c, -c), at + QPointF(c, c));
                painter.drawLine(at + QPointF(-c, c), at + QPointF(c, -c));
            }
            // The label above the arrow, on a chip so lifelines it crosses do not cut the letters.
            const qreal left = std::min(from, to) + m.pad;
            const qreal span = std::abs(to - from) - m.pad * 2;
            const QString label
                = labelMetrics.elidedText(entry.item.label, Qt::ElideRight, int(std::min<qreal>(span, cap)));
            const int w = labelMetrics.horizontalAdvance(label);
            const QRectF chip(left + (span - w) / 2.0 - 2, top + 1, w + 4, m.lineHeight);
            if (std::abs(drawn.toLane - drawn.fromLane) > 1)
                painter.fillRect(chip, under);
            painter.setPen(color);
            painter.drawText(chip, Qt::AlignCenter | Qt::TextDontClip, label);
        } else {
            const qreal x = xs.at(drawn.fromLane);
            const qreal y = top + m.rowHeight / 2.0;
            const qreal r = std::max<qreal>(3, m.lineHeight * 0.22) * (m_thick ? 1.4 : 1.0);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            switch (entry.shape) {
            case Shape::Bar:
                painter.drawRect(QRectF(x - r * 2, y - pen * 1.5, r * 4, pen * 3));
                break;
            case Shape::Diamond: {
                QPolygonF diamond;
                diamond << QPointF(x, y - r * 1.4) << QPointF(x + r * 1.4, y) << QPointF(x, y + r * 1.4)
                        << QPointF(x - r * 1.4, y);
                painter.drawPolygon(diamond);
                break;
            }
            default:
                painter.drawEllipse(QPointF(x, y), r, r);
                break;
            }
            painter.setBrush(Qt::NoBrush);
            // Beside the mark, on a chip where it crosses other lifelines.
            const qreal labelLeft = x + r * 2 + m.pad;
            const int room = int(std::min<qreal>(width - m.pad - labelLeft, cap));
            const QString label = labelMetrics.elidedText(entry.item.label, Qt::ElideRight, std::max(0, room));
            const int w = labelMetrics.horizontalAdvance(label);
            const QRectF chip(labelLeft, y - m.lineHeight / 2.0, w + 1, m.lineHeight);
            if (m_lanes.size() > 1 && chip.right() > xs.at(drawn.fromLane + 1) - 1)
                painter.fillRect(chip.adjusted(-2, 0, 2, 0), under);
            painter.setPen(color);
            painter.drawText(chip, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, label);
        }
    }
}

QImage LadderDiagram::toImage(qreal scale) const
{
    ensureLayout();
    scale = std::max<qreal>(scale, 0.1);
    const QSize natural(m_metrics.naturalWidth, m_metrics.naturalHeight);
    QImage image(QSize(int(std::ceil(natural.width() * scale)), int(std::ceil(natural.height() * scale))),
        QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(backgroundRole()));
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintDiagram(painter, QRect(QPoint(0, 0), natural), natural);
    painter.end();
    return image;
}

bool LadderDiagram::exportPng(const QString &path, qreal scale) const
{
    return toImage(scale).save(path, "PNG");
}

bool LadderDiagram::exportSvg(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(toSvg());
    return file.commit();
}

// The same drawing as paintDiagram() at the natural width, as SVG elements; labels are not elided here,
// a viewer scales the picture instead.
QByteArray LadderDiagram::toSvg() const
{
    ensureLayout();
    const Metrics &m = m_metrics;
    const QPalette pal = palette();
    const QColor background = pal.color(backgroundRole());
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = Theme::mutedColor(pal);
    const QFont labelFont = Theme::monospaceFont(font());
    const int labelPx = QFontInfo(labelFont).pixelSize();
    const int titlePx = QFontInfo(Theme::scaledFont(font(), 1.0, true)).pixelSize();
    const QFontMetrics titleMetrics(Theme::scaledFont(font(), 1.0, true));
    const QFontMetrics labelMetrics(labelFont);
    const int cap = labelMetrics.averageCharWidth() * kMaxLabelChars;
    const qreal pen = penWidth();
    const qreal head = std::max<qreal>(6, m.lineHeight * 0.45) * (m_thick ? 1.4 : 1.0);
    const QVector<qreal> xs = laneXs(m.naturalWidth);
    const int width = m.naturalWidth;
    const int height = m.naturalHeight;
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    // Text is placed by its baseline: the middle of a line box plus half the font's ascent less descent.
    const auto baseline
        = [](qreal centre, const QFontMetrics &fm) { return centre + (fm.ascent() - fm.descent()) / 2.0; };

    QString svg;
    svg += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg += QStringLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\">\n")
               .arg(width)
               .arg(height);
    svg += QStringLiteral("<title>%1</title>\n").arg(esc(tr("Ladder diagram")));
    svg += QStringLiteral("<rect width=\"%1\" height=\"%2\" fill=\"%3\"/>\n")
               .arg(width)
               .arg(height)
               .arg(svgColor(background));
    const QString family = esc(QFontInfo(labelFont).family());
    svg += QStringLiteral("<g font-family=\"%1, monospace\" font-size=\"%2px\">\n").arg(family).arg(labelPx);

    const QColor shaded = blend(background, text, 10);
    for (int i = 1; i < m_drawn.size(); i += 2) {
        svg += QStringLiteral("<rect y=\"%1\" width=\"%2\" height=\"%3\" fill=\"%4\"/>\n")
                   .arg(rowTop(i))
                   .arg(width)
                   .arg(m.rowHeight)
                   .arg(svgColor(shaded));
    }
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const Lane &l = m_lanes.at(lane);
        const qreal x = xs.at(lane);
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-opacity=\"0.45\" "
                              "stroke-width=\"%5\"%6/>\n")
                   .arg(svgNumber(x), svgNumber(m.headerBottom - m.pad), svgNumber(height - m.pad), svgColor(text),
                       svgNumber(m_thick ? 2 : 1),
                       l.placeholder ? QStringLiteral(" stroke-dasharray=\"4 4\"") : QString());
        const qreal boxLeft = x - m.boxWidth / 2.0;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"4\" fill=\"%5\" stroke=\"%6\" "
                              "stroke-opacity=\"0.55\" stroke-width=\"%7\"/>\n")
                   .arg(svgNumber(boxLeft), svgNumber(m.pad), svgNumber(m.boxWidth), svgNumber(m.titleHeight),
                       svgColor(background), svgColor(text), svgNumber(m_thick ? 2 : 1));
        const qreal titleTop = m.pad + m.pad / 2.0;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" font-family=\"%3, sans-serif\" "
                              "font-size=\"%4px\" font-weight=\"bold\" fill=\"%5\">%6</text>\n")
                   .arg(svgNumber(x), svgNumber(baseline(titleTop + titleMetrics.height() / 2.0, titleMetrics)),
                       esc(font().family()))
                   .arg(titlePx)
                   .arg(svgColor(l.placeholder ? muted : text), esc(l.title));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"%3\">%4</text>\n")
                   .arg(svgNumber(x),
                       svgNumber(baseline(titleTop + titleMetrics.height() + m.lineHeight / 2.0, labelMetrics)),
                       svgColor(muted), esc(l.subtitle.isEmpty() ? QStringLiteral("\u2014") : l.subtitle));
    }

    for (int i = 0; i < m_drawn.size(); ++i) {
        const Drawn &drawn = m_drawn.at(i);
        const Entry &entry = *drawn.entry;
        const QString color = svgColor(styleColor(entry.style));
        const int top = rowTop(i);
        const qreal y = top + m.lineHeight + (m.rowHeight - m.lineHeight) / 2.0;
        const QString under = svgColor(i % 2 ? shaded : background);
        const auto chip = [&](const QRectF &r) {
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                       .arg(svgNumber(r.x()), svgNumber(r.y()), svgNumber(r.width()), svgNumber(r.height()), under);
        };
        svg += QStringLiteral("<g>\n<title>%1</title>\n").arg(esc(entry.toolTip));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"%3\">%4</text>\n")
                   .arg(svgNumber(m.gutter - m.pad), svgNumber(baseline(top + m.rowHeight / 2.0, labelMetrics)),
                       svgColor(muted), esc(timeText(entry.item.atNs)));
        if (drawn.fromLane != drawn.toLane) {
            const qreal from = xs.at(drawn.fromLane);
            const qreal to = xs.at(drawn.toLane);
            const qreal direction = to > from ? 1 : -1;
            const qreal tip = to - direction * (pen + 1);
            svg += QStringLiteral(
                "<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"%5\"%6/>\n")
                       .arg(svgNumber(from), svgNumber(y), svgNumber(tip - direction * head * 0.8), color,
                           svgNumber(pen),
                           entry.shape == Shape::DashedArrow ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
            svg += QStringLiteral("<polygon points=\"%1,%2 %3,%4 %3,%5\" fill=\"%6\"/>\n")
                       .arg(svgNumber(tip), svgNumber(y), svgNumber(tip - direction * head), svgNumber(y - head / 2),
                           svgNumber(y + head / 2), color);
            if (entry.item.error) {
                const qreal c = head / 2;
                const qreal cx = tip - direction * head * 1.8;
                svg += QStringLiteral("<path d=\"M%1 %2 L%3 %4 M%1 %4 L%3 %2\" stroke=\"%5\" stroke-width=\"%6\"/>\n")
                           .arg(svgNumber(cx - c), svgNumber(y - c), svgNumber(cx + c), svgNumber(y + c), color,
                               svgNumber(pen));
            }
            const qreal span = std::abs(to - from) - m.pad * 2;
            const QString label
                = labelMetrics.elidedText(entry.item.label, Qt::ElideRight, int(std::min<qreal>(span, cap)));
            const int w = labelMetrics.horizontalAdvance(label);
            if (std::abs(drawn.toLane - drawn.fromLane) > 1)
                chip(QRectF((from + to) / 2 - w / 2.0 - 2, top + 1, w + 4, m.lineHeight));
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"%3\">%4</text>\n")
                       .arg(svgNumber((from + to) / 2), svgNumber(baseline(top + 1 + m.lineHeight / 2.0, labelMetrics)),
                           color, esc(label));
        } else {
            const qreal x = xs.at(drawn.fromLane);
            const qreal y = top + m.rowHeight / 2.0;
            const qreal r = std::max<qreal>(3, m.lineHeight * 0.22) * (m_thick ? 1.4 : 1.0);
            switch (entry.shape) {
            case Shape::Bar:
                svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                           .arg(svgNumber(x - r * 2), svgNumber(y - pen * 1.5), svgNumber(r * 4), svgNumber(pen * 3),
                               color);
                break;
            case Shape::Diamond:
                svg += QStringLiteral("<polygon points=\"%1,%2 %3,%4 %1,%5 %6,%4\" fill=\"%7\"/>\n")
                           .arg(svgNumber(x), svgNumber(y - r * 1.4), svgNumber(x + r * 1.4), svgNumber(y),
                               svgNumber(y + r * 1.4), svgNumber(x - r * 1.4), color);
                break;
            default:
                svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"%3\" fill=\"%4\"/>\n")
                           .arg(svgNumber(x), svgNumber(y), svgNumber(r), color);
                break;
            }
            const qreal labelLeft = x + r * 2 + m.pad;
            const QString label = labelMetrics.elidedText(
                entry.item.label, Qt::ElideRight, std::max(0, int(std::min<qreal>(width - m.pad - labelLeft, cap))));
            const int w = labelMetrics.horizontalAdvance(label);
            if (m_lanes.size() > 1 && labelLeft + w > xs.at(drawn.fromLane + 1) - 1)
                chip(QRectF(labelLeft - 2, y - m.lineHeight / 2.0, w + 5, m.lineHeight));
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">%4</text>\n")
                       .arg(svgNumber(labelLeft), svgNumber(baseline(y, labelMetrics)), color, esc(label));
        }
        svg += QStringLiteral("</g>\n");
    }
    svg += QStringLiteral("</g>\n</svg>\n");
    return svg.toUtf8();
}

} // namespace swb
