#include "exportimagedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

ExportImageDialog::ExportImageDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Image"));
    setAccessibleDescription(
            tr("Saves the charts as a PNG, SVG or PDF file of the size and look chosen here"));
    setObjectName(QStringLiteral("exportImageDialog"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setAccessibleName(tr("File name"));
    m_path->setToolTip(tr("Where to save the image; the suffix .png, .svg or .pdf picks the format"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Browse for a file"));
    browse->setToolTip(tr("Choose the file with a file dialog"));
    connect(browse, &QPushButton::clicked, this, &ExportImageDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto makeSpin = [this](const QString &name, const QString &tip) {
        auto *spin = new QSpinBox(this);
        spin->setRange(16, 16384);
        spin->setSuffix(tr(" px"));
        spin->setAccessibleName(name);
        spin->setToolTip(tip);
        return spin;
    };
    m_width = makeSpin(tr("Width"), tr("Image width in pixels (before scaling)"));
    m_height = makeSpin(tr("Height"), tr("Image height in pixels (before scaling)"));
    m_scale = new QComboBox(this);
    m_scale->addItem(tr("1× (standard)"), 1);
    m_scale->addItem(tr("2× (high density: twice the pixels)"), 2);
    m_scale->setAccessibleName(tr("Scale"));
    m_scale->setObjectName(QStringLiteral("scaleCombo"));
    // A vector format has no pixels to double: the choice is greyed out while the path names one.
    const auto showScale = [this] {
        const QString suffix = QFileInfo(path()).suffix().toLower();
        const bool vector = suffix == QLatin1String("svg") || suffix == QLatin1String("pdf");
        m_scale->setEnabled(!vector);
        m_scale->setToolTip(vector ? tr("SVG and PDF are drawn in vectors: they stay sharp at any "
                                        "size without a scale")
                                   : tr("A 2× image has the same layout with twice the pixels in "
                                        "each direction"));
        m_scale->setAccessibleDescription(m_scale->toolTip());
    };
    connect(m_path, &QLineEdit::textChanged, this, showScale);
    showScale();

    auto *form = new QFormLayout(this);
    // A row of a layout gets a plain label from addRow(QString, …), whose "&" would show as is:
    // this one is the path's buddy, so Alt+F goes there.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    form->addRow(tr("&Scale:"), m_scale);
    m_white = new QCheckBox(tr("&White background"), this);
    m_white->setObjectName(QStringLiteral("whiteBackgroundCheck"));
    m_white->setToolTip(tr("Light colours on white, whatever the theme (for print); otherwise "
                           "the image looks like the charts on screen"));
    form->addRow(QString(), m_white);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Write the charts to the file"));
    buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without exporting"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportImageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportImageDialog::reject);
    form->addRow(buttons);
}

QString ExportImageDialog::path() const { return m_path->text().trimmed(); }
void ExportImageDialog::setPath(const QString &path) { m_path->setText(path); }
QSize ExportImageDialog::imageSize() const { return {m_width->value(), m_height->value()}; }

void ExportImageDialog::setImageSize(QSize size)
{
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

int ExportImageDialog::scale() const { return m_scale->currentData().toInt(); }
void ExportImageDialog::setScale(int scale) { m_scale->setCurrentIndex(scale == 2 ? 1 : 0); }

bool ExportImageDialog::whiteBackground() const { return m_white->isChecked(); }
void ExportImageDialog::setWhiteBackground(bool white) { m_white->setChecked(white); }

void ExportImageDialog::accept()
{
    const QString suffix = QFileInfo(path()).suffix().toLower();
    const QStringList suffixes { QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf") };
    if (path().isEmpty() || !suffixes.contains(suffix)) {
        QMessageBox::warning(this, tr("Export Image"),
                             tr("Choose a file name ending in .png, .svg or .pdf (got '%1').").arg(path()));
        return;
    }
    QDialog::accept();
}

void ExportImageDialog::browse()
{
    // The window asks about replacing an existing file once the size is chosen too.
    const QString chosen = QFileDialog::getSaveFileName(
            this, tr("Export Image"), path(), tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}
