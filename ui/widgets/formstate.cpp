#include "widgets/formstate.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextEdit>

#include <functional>

namespace swb::FormState {

namespace {

using Visitor = std::function<void(QWidget *widget, const QString &path)>;

// Pre-order, in creation order: the order the panel's code made (and wired) its widgets.
void walk(QWidget *widget, const QString &path, const Visitor &visit)
{
    visit(widget, path);
    QHash<QString, int> seen;
    for (QObject *child : widget->children()) {
        auto *w = qobject_cast<QWidget *>(child);
        if (!w || w->isWindow())
            continue;
        QString step = w->objectName();
        if (step.isEmpty() || step.startsWith(QLatin1String("qt_"))) {
            const QString type = QString::fromLatin1(w->metaObject()->className());
            step = QStringLiteral("%1#%2").arg(type).arg(seen[type]++);
        }
        walk(w, path + QLatin1Char('/') + step, visit);
    }
}

// Parts of other widgets (a spin box's or an editable combo's line edit) are saved by their owner.
bool isPart(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    return parent && (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent));
}

QVariant valueOf(QWidget *w)
{
    if (isPart(w))
        return {};
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        if (combo->isEditable())
            return combo->currentText();
        // The item's data when it has some (the same in every language, and still right when the list
        // changed, as the network interfaces may), else its position.
        return QVariantList { combo->currentIndex(), combo->currentData() };
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(w))
        return spin->value();
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return spin->value();
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        return edit->isReadOnly() ? QVariant() : QVariant(edit->text());
    if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
        return edit->isReadOnly() ? QVariant() : QVariant(edit->toPlainText());
    if (auto *edit = qobject_cast<QTextEdit *>(w))
        return edit->isReadOnly() ? QVariant() : QVariant(edit->toPlainText());
    if (auto *button = qobject_cast<QAbstractButton *>(w))
        return button->isCheckable() ? QVariant(button->isChecked()) : QVariant();
    if (auto *tabs = qobject_cast<QTabWidget *>(w))
        return tabs->currentIndex();
    return {};
}

bool setValue(QWidget *w, const QVariant &value)
{
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        if (combo->isEditable()) {
            if (combo->currentText() == value.toString())
                return false;
            combo->setEditText(value.toString());
        } else {
            const QVariantList saved = value.toList();
            const QVariant data = saved.value(1);
            const int index = data.isValid() && !data.isNull() ? combo->findData(data) : saved.value(0).toInt();
            if (index == combo->currentIndex() || index < 0 || index >= combo->count())
                return false;
            combo->setCurrentIndex(index);
        }
        return true;
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(w)) {
        if (spin->value() == value.toDouble())
            return false;
        spin->setValue(value.toDouble());
        return true;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(w)) {
        if (spin->value() == value.toInt())
            return false;
        spin->setValue(value.toInt());
        return true;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(w)) {
        if (edit->text() == value.toString())
            return false;
        edit->setText(value.toString());
        return true;
    }
    if (auto *edit = qobject_cast<QPlainTextEdit *>(w)) {
        if (edit->toPlainText() == value.toString())
            return false;
        edit->setPlainText(value.toString());
        return true;
    }
    if (auto *edit = qobject_cast<QTextEdit *>(w)) {
        if (edit->toPlainText() == value.toString())
            return false;
        edit->setPlainText(value.toString());
        return true;
    }
    if (auto *button = qobject_cast<QAbstractButton *>(w)) {
        if (button->isChecked() == value.toBool())
            return false;
        // setChecked, not a click: a radio group keeps itself exclusive, and nothing is sent.
        button->setChecked(value.toBool());
        return true;
    }
    if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
        const int index = value.toInt();
        if (index == tabs->currentIndex() || index < 0 || index >= tabs->count())
            return false;
        tabs->setCurrentIndex(index);
        return true;
    }
    return false;
}

} // namespace

Values capture(const QWidget *root)
{
    Values values;
    walk(const_cast<QWidget *>(root), QString(), [&values](QWidget *w, const QString &path) {
        const QVariant value = valueOf(w);
        if (value.isValid())
            values.insert(path, value);
    });
    return values;
}

int restore(QWidget *root, const Values &values)
{
    int set = 0;
    for (int pass = 0; pass < 2; ++pass) {
        walk(root, QString(), [&](QWidget *w, const QString &path) {
            const auto it = values.constFind(path);
            if (it != values.cend() && valueOf(w).isValid() && setValue(w, *it))
                ++set;
        });
    }
    return set;
}

} // namespace swb::FormState
