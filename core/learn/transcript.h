#pragma once
// A transcript of one run of a panel, for a tutorial or a lab report: what was asked (the request),
// every socket call in order (the steps), the bytes that went each way as hex dumps, what came of it
// (the result) and the Python program that does the same. As Markdown for a file, or as plain text
// for the clipboard. Masking addresses (Hide Addresses) is the caller's: Privacy::shown() on the text.

#include "trace/traceevent.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace swb {

class TraceModel;

struct Transcript {
    // One socket's calls; a panel with two sockets side by side (UDP) has two, each with a caption.
    struct Steps {
        QString caption;
        QList<TraceEvent> events; // the first TranscriptFormat::kMaxSteps of them
        qint64 notKept = 0; // older steps the model had already dropped
        qint64 notCopied = 0; // steps after events, counted only
        qint64 bytesNotCopied = 0; // of those, sends and receives with bytes
    };

    QString title; // the panel: "Connect & Inspect"
    QDateTime when; // when the run started
    QList<QPair<QString, QString>> request; // label, value: ("Host", "127.0.0.1")
    QList<Steps> steps;
    QStringList result; // lines, as the panel shows them
    QString python;

    // No run yet: nothing to write.
    bool isEmpty() const;
    // Adds the model's rows, oldest first: the first kMaxSteps are copied, the rest counted.
    void addSteps(const TraceModel *model, const QString &caption = {});
};

namespace TranscriptFormat {

// At most this many steps are written, and this many payloads dumped; the rest are counted.
constexpr int kMaxSteps = 500;
constexpr int kMaxDumps = 20;

QString markdown(const Transcript &transcript);
QString plainText(const Transcript &transcript);

} // namespace TranscriptFormat

} // namespace swb

Q_DECLARE_METATYPE(swb::Transcript)
