#pragma once
// The step table of a client session (Connect & Inspect, HTTP GET): the time, call, result and
// size of each TraceEvent, whole rows selected, read-only, following new steps unless the person
// has scrolled up to read.

class QFont;
class QObject;
class QTableView;

namespace swb {

class TraceBuffer;
class TraceModel;
class TraceStyleProxy;

namespace StepTable {

// A session's trace on its way to a step table: a TraceBuffer (batches) feeding a TraceModel of at
// most capacity rows, and the TraceStyleProxy that colours it; all three owned by parent.
struct Trace {
    TraceBuffer *buffer = nullptr;
    TraceModel *model = nullptr;
    TraceStyleProxy *styled = nullptr;
};
Trace makeTrace(QObject *parent, int capacity);

void setUp(QTableView *table, TraceStyleProxy *styled, TraceModel *source);
// The font, the row height and the column widths, all from the font. Fixed widths, not
// ResizeToContents: measuring every row again on each batch of a download's thousands of recv()
// rows would stall the window.
void applyFont(QTableView *table, const QFont &mono);

} // namespace StepTable

} // namespace swb
