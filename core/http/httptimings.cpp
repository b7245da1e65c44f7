#include "http/httptimings.h"

#include <QCoreApplication>

namespace swb {

HttpTimings::HttpTimings()
{
    for (int i = 0; i <= int(HttpStageTiming::Stage::Download); ++i) {
        HttpStageTiming t;
        t.stage = HttpStageTiming::Stage(i);
        stages.append(t);
    }
}

QString HttpTimings::stageName(HttpStageTiming::Stage stage)
{
    switch (stage) {
    case HttpStageTiming::Stage::Resolve:
        return QCoreApplication::translate("HttpTimings", "Resolve");
    case HttpStageTiming::Stage::Connect:
        return QCoreApplication::translate("HttpTimings", "Connect");
    case HttpStageTiming::Stage::Tls:
        return QCoreApplication::translate("HttpTimings", "TLS");
    case HttpStageTiming::Stage::Wait:
        return QCoreApplication::translate("HttpTimings", "Waiting");
    case HttpStageTiming::Stage::Download:
        return QCoreApplication::translate("HttpTimings", "Download");
    }
    return {};
}

} // namespace swb
