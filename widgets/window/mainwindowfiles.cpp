// The main window's files: session open, save and Open Recent, the last scene kept between
// runs, and the exports (image, CSV, JSON, clipboard).
#include "mainwindow.h"

#include "chartarea.h"
#include "dataexport.h"
#include "exportanimationdialog.h"
#include "exportimagedialog.h"
#include "functionlistpanel.h"
#include "makeaction.h"
#include "recentfiles.h"
#include "scenehistory.h"
#include "sliderplayer.h"
#include "scenemodel.h"
#include "sessionfile.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

RenderOptions MainWindow::renderOptions(QSize size, int scale) const
{
    RenderOptions o;
    o.size = size;
    o.scale = scale;
    o.secondDerivative = m_secondDerivativeAction->isChecked();
    o.overlay = m_overlayAction->isChecked();
    o.bands = m_bandsAction->isChecked();
    o.focusRow = m_functionList->currentRow();
    o.allBands = m_allBandsAction->isChecked();
    o.orientation = m_stackedAction->isChecked() ? Qt::Vertical : Qt::Horizontal;
    o.theme = m_theme;
    o.presentation = m_presentation;
    o.whiteBackground = m_whiteExportsAction->isChecked();
    return o;
}

bool MainWindow::exportTo(const QString &path, const RenderOptions &options, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeFileAtomically(path, sceneToCsv(*m_scene, m_scene->samples()), error);
    if (suffix == QLatin1String("json"))
        return writeFileAtomically(path, sceneToJson(*m_scene), error);
    if (SceneRenderer::supportedSuffixes().contains(suffix))
        return SceneRenderer::exportImage(*m_scene, options, path, error);
    if (error)
        *error = tr("Cannot export to %1: unknown file type '%2'. Use .png, .svg, .csv or .json.")
                         .arg(QDir::toNativeSeparators(path), suffix);
    return false;
}

bool MainWindow::exportInteractively(const QString &path, const RenderOptions &options)
{
    if (QFileInfo::exists(path) && !m_askOverwrite(path, this))
        return false;
    QString error;
    if (!exportTo(path, options, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return false;
    }
    m_lastExportDir = QFileInfo(path).absolutePath();
    showStatusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::exportImageDialog()
{
    ExportImageDialog dialog(this);
    dialog.setPath(QDir(m_lastExportDir).filePath(QStringLiteral("activations.png")));
    dialog.setImageSize(QSize(1600, 900));
    dialog.setWhiteBackground(m_whiteExportsAction->isChecked());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_whiteExportsAction->setChecked(dialog.whiteBackground());
    exportInteractively(dialog.path(), renderOptions(dialog.imageSize(), dialog.scale()));
}

void MainWindow::exportAnimationDialog()
{
    ExportAnimationDialog dialog(*m_scene, renderOptions(QSize(800, 450)),
                                 m_functionList->currentRow(), this);
    dialog.setPath(QDir(m_lastExportDir).filePath(QStringLiteral("animation.gif")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = dialog.path();
    if (QFileInfo::exists(path) && !m_askOverwrite(path, this))
        return;
    QString error;
    bool cancelled = false;
    if (!ExportAnimationDialog::exportWithProgress(this, *m_scene, dialog.options(), path, &error,
                                                   &cancelled)) {
        if (!cancelled)
            QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    m_lastExportDir = QFileInfo(path).absolutePath();
    showStatusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::exportDataDialog(const QString &suffix, const QString &filter)
{
    // The file dialog does not ask about replacing a file; exportInteractively() does, once.
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), QDir(m_lastExportDir).filePath(QStringLiteral("activations.") + suffix),
            filter, nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    exportInteractively(path, renderOptions(QSize(1600, 900)));
}

void MainWindow::copyImage()
{
    const QSize size = m_chartArea->size().expandedTo(QSize(640, 360));
    const QImage image = SceneRenderer::renderImage(*m_scene, renderOptions(size, 1));
    QGuiApplication::clipboard()->setImage(image);
    showStatusMessage(tr("Copied the charts (%1 × %2 pixels)").arg(image.width()).arg(image.height()),
                             5000);
}

void MainWindow::afterSceneReplaced(const QString &lesson)
{
    showLessonText(lesson);
    if (m_scene->rowCount() > 0)
        m_functionList->setCurrentRow(m_scene->rowCount() > 1 ? 1 : 0);
    // The View menu decides how many derivatives the charts draw, whatever the file said.
    updateChartLayout();
    setWindowModified(false);
    updateWindowTitle();
    // A file opened or the last scene restored is a fresh start, as on launch: Undo must not
    // take the user back into the scene it replaced.
    m_history->clear();
}

bool MainWindow::openSession(const QString &path, QString *error)
{
    QString lesson;
    // One snapshot for the scene and its lesson, not one per change (afterSceneReplaced() then
    // forgets it); a session that fails to load leaves the scene and its history as they were.
    SliderPlayer::stopAll(this);
    m_history->beginBatch();
    const bool loaded = SessionFile::load(path, *m_scene, &lesson, error);
    if (loaded)
        showLessonText(lesson);
    m_history->endBatch();
    if (!loaded)
        return false;
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    RecentFiles::add(m_sessionPath);
    updateRecentMenu();
    afterSceneReplaced(lesson);
    showStatusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_sessionPath)), 5000);
    return true;
}

bool MainWindow::saveSession(const QString &path, QString *error)
{
    if (!SessionFile::save(path, *m_scene, m_currentLesson, error))
        return false;
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    RecentFiles::add(m_sessionPath);
    updateRecentMenu();
    setWindowModified(false);
    updateWindowTitle();
    showStatusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_sessionPath)), 5000);
    return true;
}

bool MainWindow::maybeSaveChanges()
{
    if (!isWindowModified())
        return true;
    // The name the title shows: the file's, or "Untitled" (updateWindowTitle()).
    const QString name = QFileInfo(windowFilePath()).fileName();
    switch (m_askUnsaved(name, this)) {
    case UnsavedChoice::Save:
        return saveCurrent();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

bool MainWindow::openRecentFile(const QString &path)
{
    if (!maybeSaveChanges())
        return false;
    QString error;
    if (openSession(path, &error))
        return true;
    RecentFiles::remove(path);
    updateRecentMenu();
    m_reportError(tr("Open failed"),
                  error + QLatin1Char('\n') + tr("It has been removed from the recent files."),
                  this);
    return false;
}

QStringList MainWindow::recentFiles() const
{
    return RecentFiles::list();
}

void MainWindow::openDialog()
{
    if (!maybeSaveChanges())
        return;
    const QString dir = m_sessionPath.isEmpty() ? m_lastExportDir
                                                : QFileInfo(m_sessionPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Session"), dir,
            tr("Sessions (*.json)") + QStringLiteral(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openSession(path, &error))
        m_reportError(tr("Open failed"), error, this);
}

bool MainWindow::saveCurrent()
{
    if (m_sessionPath.isEmpty())
        return saveAsDialog();
    QString error;
    if (!saveSession(m_sessionPath, &error)) {
        m_reportError(tr("Save failed"), error, this);
        return false;
    }
    return true;
}

bool MainWindow::saveAsDialog()
{
    // The dialog adds .json to a bare name and asks before replacing a file, that name included.
    QFileDialog dialog(this, tr("Save Session"),
                       m_sessionPath.isEmpty()
                               ? QDir(m_lastExportDir).filePath(QStringLiteral("session.json"))
                               : m_sessionPath,
                       tr("Sessions (*.json)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    QString error;
    if (!saveSession(dialog.selectedFiles().constFirst(), &error)) {
        m_reportError(tr("Save failed"), error, this);
        return false;
    }
    return true;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear(); // deletes the actions, which the menu owns
    const QStringList files = RecentFiles::list();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        auto *item = makeAction(m_recentMenu, QStringLiteral("recentFile%1").arg(i),
                                QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                                QDir::toNativeSeparators(path));
        item->setData(path);
        connect(item, &QAction::triggered, this, [this, path] { openRecentFile(path); });
        m_recentMenu->addAction(item);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = makeAction(m_recentMenu, QStringLiteral("clearRecentFilesAction"),
                                    tr("&Clear Menu"), tr("Forget the recent files"));
        connect(clear, &QAction::triggered, this, [this] {
            RecentFiles::clear();
            updateRecentMenu();
        });
        m_recentMenu->addAction(clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateWindowTitle()
{
    // No title of our own: Qt makes it from the file path, its name and a [*] that
    // setWindowModified() turns into "*", and the platform adds " — " and the application's
    // display name (main() sets it). A title holding the application's name showed it twice
    // once modified ("Activation Explorer* — Activation Explorer"). A scene never saved takes
    // a name in its place, as Qt's own examples do.
    setWindowFilePath(m_sessionPath.isEmpty() ? tr("Untitled") : m_sessionPath);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The next start opens on this scene (see restoreLastScene()), in this place (fitToScreen()).
    QSettings settings;
    settings.setValue(QStringLiteral("lastScene"),
                      QString::fromUtf8(SessionFile::toJson(*m_scene, m_currentLesson)));
    settings.setValue(QStringLiteral("windowGeometry"),
                      m_presentation ? m_geometryBeforePresentation : saveGeometry());
    QMainWindow::closeEvent(event);
}

bool MainWindow::restoreLastScene()
{
    QSettings settings;
    const QString json = settings.value(QStringLiteral("lastScene")).toString();
    if (json.isEmpty())
        return false;
    QString lesson;
    if (!SessionFile::fromJson(json.toUtf8(), *m_scene, &lesson)) {
        settings.remove(QStringLiteral("lastScene")); // it would fail every time
        return false;
    }
    m_sessionPath.clear();
    afterSceneReplaced(lesson); // the restored scene is where this run starts: nothing to undo
    return true;
}
