#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

/** Asks where to save the charts as an image (PNG, SVG or PDF), and at what size and scale. */
class ExportImageDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportImageDialog(QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    /** The image size in device-independent pixels. */
    QSize imageSize() const;
    void setImageSize(QSize size);
    /** 1 or 2: a 2× image has twice the pixels in each direction, for high-density screens. */
    int scale() const;
    void setScale(int scale);
    /** The light look whatever the theme, instead of the charts as they are on screen. */
    bool whiteBackground() const;
    void setWhiteBackground(bool white);

    void accept() override;

private:
    void browse();

    QLineEdit *m_path = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QComboBox *m_scale = nullptr;
    QCheckBox *m_white = nullptr;
};
