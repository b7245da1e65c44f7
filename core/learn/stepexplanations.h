#pragma once
// The plain-language explanation of one step of a trace (what the call does, what this result
// means, and the Python line that makes it), from one table of texts every panel shares.

#include "trace/traceevent.h"

#include <QString>
#include <QStringList>

namespace swb::StepExplanations {

struct Explanation {
    QString title; // "connect()"
    QString what; // what the call does, for a beginner
    QString result; // what this event's result means
    QString python; // the Python line that makes the call; empty for what is not a call
    bool known = true; // false: the call is not in the table, and the texts are a generic fallback
};

Explanation explain(const TraceEvent &event);

// Every call name the table explains ("getaddrinfo", "connect", "TLS handshake", "drop", ...).
QStringList knownCalls();

} // namespace swb::StepExplanations
