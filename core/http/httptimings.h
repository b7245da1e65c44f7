#pragma once
// When each stage of an HTTP request began and ended, in nanoseconds from the start of the
// request; what the timing waterfall draws. A stage that did not happen (no TLS for http, a name
// that needed no lookup) has begin = end = -1.

#include <QList>
#include <QMetaType>
#include <QString>

namespace swb {

struct HttpStageTiming {
    enum class Stage { Resolve, Connect, Tls, Wait, Download };
    Stage stage = Stage::Resolve;
    qint64 beginNs = -1;
    qint64 endNs = -1; // -1 while the stage is still running, or when it failed before ending
    bool failed = false; // the request failed in this stage

    bool happened() const { return beginNs >= 0; }
    qint64 durationNs() const { return endNs >= beginNs && beginNs >= 0 ? endNs - beginNs : 0; }
};

struct HttpTimings {
    // One entry per stage, in the order of Stage; stages that did not happen have beginNs -1.
    QList<HttpStageTiming> stages;
    qint64 totalNs = 0; // from start to the end of the request (or now, while it runs)

    HttpTimings();
    HttpStageTiming &at(HttpStageTiming::Stage stage) { return stages[int(stage)]; }
    const HttpStageTiming &at(HttpStageTiming::Stage stage) const { return stages[int(stage)]; }
    static QString stageName(HttpStageTiming::Stage stage); // "Resolve", "Connect", "TLS", "Waiting", "Download"
};

} // namespace swb

Q_DECLARE_METATYPE(swb::HttpTimings)
