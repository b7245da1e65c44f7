#pragma once
// Under a step table: what the selected step's call does, what its result means, and the Python
// line that makes it, in plain language (StepExplanations), or a hint while nothing is selected.

#include "trace/traceevent.h"

#include <QMetaObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;

namespace swb {

class StepExplanationView : public QWidget {
    Q_OBJECT
public:
    explicit StepExplanationView(QWidget *parent = nullptr);

    // Shows the explanation of the step selected in table (its model, or a proxy over it, answers
    // TraceModel::EventRole). Call after the table has its model; one table at a time.
    void follow(QTableView *stepTable);
    void showEvent(const TraceEvent &event);
    // Back to the hint.
    void clear();

protected:
    using QWidget::showEvent; // the QShowEvent handler stays; showEvent(TraceEvent) is another thing
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyFonts();
    void mutePalettes();

    QPointer<QTableView> m_table;
    QList<QMetaObject::Connection> m_connections;
    QLabel *m_hint = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_what = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_python = nullptr;
};

} // namespace swb
