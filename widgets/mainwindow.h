#pragma once

#include <QMainWindow>

class QAction;
class QLabel;

/** The application's main window. A placeholder until the explorer window lands. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The size a new window opens at. */
    static QSize defaultSize() { return { 1200, 800 }; }

private:
    void createActions();
    void showAbout();

    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QLabel *m_placeholder = nullptr;
};
