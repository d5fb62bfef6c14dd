#pragma once

#include <QEvent>
#include <QObject>
#include <QWidget>

/** Counts the paint events of the widgets it watches: a test of "repaints only what changed". */
class PaintCounter : public QObject
{
public:
    int paints = 0;

    /** Counts widget's paints, and its children's too when withChildren is set. */
    void watch(QWidget *widget, bool withChildren = false)
    {
        widget->installEventFilter(this);
        if (withChildren) {
            for (QWidget *child : widget->findChildren<QWidget *>())
                child->installEventFilter(this);
        }
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};
