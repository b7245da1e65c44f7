#pragma once
// Everything received on a connection, as escaped text (a real line break after each \n) or as a
// hexdump -C listing, with the byte count. Appending is cheap: redraws are coalesced and text mode
// only renders what is new.

#include <QByteArray>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace swb {

class BytesView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Text, HexDump };
    Q_ENUM(Mode)

    // At most this many bytes are kept (the newest); the count still says how many arrived.
    static constexpr int kMaxKept = 1 << 20;

    explicit BytesView(QWidget *parent = nullptr);

    void append(const QByteArray &bytes);
    void clear();
    QByteArray data() const { return m_data; }
    qint64 totalBytes() const { return m_total; }
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // What the view shows right now (after any pending redraw).
    QString displayedText();

    // Text mode's rendering: escapes for unprintable bytes, a real line break after each \n.
    static QString escapedWithBreaks(const QByteArray &bytes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRender(bool rebuild);
    void render();
    void updateCount();
    void applyFonts();

    QLabel *m_countLabel = nullptr;
    QToolButton *m_textButton = nullptr;
    QToolButton *m_hexButton = nullptr;
    QToolButton *m_clearButton = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    QTimer m_renderTimer;
    QByteArray m_data;
    qint64 m_total = 0;
    int m_rendered = 0; // bytes of m_data already in the view (text mode)
    bool m_rebuild = false;
    Mode m_mode = Mode::Text;
};

} // namespace swb
