#pragma once

// The command line's refusals of --animate, --frames, --fps, --animate-mode and .gif: one row
// per bad input with the whole message, for tst_commandline (the parser) and tst_app_cli (the
// program, which exits 2 with the message).

#include <QString>
#include <QStringList>
#include <QTest>

/** Adds the rows to a _data() function whose columns are arguments (QStringList) and message
 * (QString). */
inline void addAnimationErrorRows()
{
    const QString names = "leaky_relu.negative_slope, x-min, x-max, epsilon";
    QTest::newRow("unknown name")
        << QStringList { "--functions", "leaky_relu", "--animate", "leaky_relu.slope=0:1",
                         "--export", "a.gif" }
        << "--animate leaky_relu.slope=0:1: cannot animate 'leaky_relu.slope': leaky_relu has no "
           "number parameter 'slope'; valid names: " + names;
    QTest::newRow("function not in the scene")
        << QStringList { "--functions", "leaky_relu", "--animate", "elu.alpha=0:1", "--export",
                         "a.gif" }
        << "--animate elu.alpha=0:1: cannot animate 'elu.alpha': the scene has no elu; valid "
           "names: " + names;
    QTest::newRow("not a name")
        << QStringList { "--functions", "leaky_relu", "--animate", "slope=0:1", "--export", "a.gif" }
        << "--animate: unknown name 'slope'; valid names: " + names;
    QTest::newRow("choice parameter")
        << QStringList { "--functions", "gelu", "--animate", "gelu.approximate=0:1", "--export",
                         "a.gif" }
        << "--animate gelu.approximate=0:1: cannot animate 'gelu.approximate': gelu has no number "
           "parameter 'approximate'; valid names: x-min, x-max, epsilon";
    QTest::newRow("outside the domain")
        << QStringList { "--functions", "softplus", "--animate", "softplus.beta=-1:1", "--export",
                         "a.gif" }
        << "--animate softplus.beta=-1:1: softplus.beta from -1 to 1: frame 1 (value -1): "
           "beta must be a finite number > 0 (got -1)";
    QTest::newRow("zero inside a nonzero domain")
        << QStringList { "--functions", "celu", "--animate", "celu.alpha=-1:1", "--frames", "3",
                         "--export", "a.gif" }
        << "--animate celu.alpha=-1:1: celu.alpha from -1 to 1: frame 2 (value 0): alpha must be "
           "a finite number ≠ 0 (got 0)";
    QTest::newRow("negative epsilon")
        << QStringList { "--animate", "epsilon=-0.1:0.1", "--export", "a.gif" }
        << "--animate epsilon=-0.1:0.1: epsilon: both ends must be > 0, as epsilon is swept on a "
           "log scale (got -0.1 to 0.1)";
    QTest::newRow("x-min past x-max")
        << QStringList { "--animate", "x-min=-6:6", "--frames", "2", "--export", "a.gif" }
        << "--animate x-min=-6:6: x-min from -6 to 6: frame 2 (value 6): x range: min (6) must "
           "be less than max (6)";
    QTest::newRow("no range")
        << QStringList { "--animate", "x-min", "--export", "a.gif" }
        << "--animate: 'x-min' is not NAME=A:B, e.g. --animate leaky_relu.negative_slope=0:1; "
           "names: x-min, x-max, epsilon";
    QTest::newRow("one end")
        << QStringList { "--animate", "x-min=-6", "--export", "a.gif" }
        << "--animate: 'x-min=-6' has no range A:B after '=', e.g. --animate "
           "leaky_relu.negative_slope=0:1";
    QTest::newRow("empty end")
        << QStringList { "--animate", "x-min=-6:", "--export", "a.gif" }
        << "--animate: 'x-min=-6:' has no range A:B after '=', e.g. --animate "
           "leaky_relu.negative_slope=0:1";
    QTest::newRow("three ends")
        << QStringList { "--animate", "x-min=-6:-5:-4", "--export", "a.gif" }
        << "--animate: 'x-min=-6:-5:-4' has no range A:B after '=', e.g. --animate "
           "leaky_relu.negative_slope=0:1";
    QTest::newRow("not a number")
        << QStringList { "--animate", "x-min=a:-1", "--export", "a.gif" }
        << "--animate x-min=a:-1: 'a' is not a number";
    QTest::newRow("frames 0")
        << QStringList { "--animate", "x-min=-6:-1", "--frames", "0", "--export", "a.gif" }
        << "--frames: must be a whole number between 1 and 1000 (got '0')";
    QTest::newRow("frames 1001")
        << QStringList { "--animate", "x-min=-6:-1", "--frames", "1001", "--export", "a.gif" }
        << "--frames: must be a whole number between 1 and 1000 (got '1001')";
    QTest::newRow("fps 0")
        << QStringList { "--animate", "x-min=-6:-1", "--fps", "0", "--export", "a.gif" }
        << "--fps: must be a whole number between 1 and 50 (got '0')";
    QTest::newRow("fps 51")
        << QStringList { "--animate", "x-min=-6:-1", "--fps", "51", "--export", "a.gif" }
        << "--fps: must be a whole number between 1 and 50 (got '51')";
    QTest::newRow("unknown mode")
        << QStringList { "--animate", "x-min=-6:-1", "--animate-mode", "loop", "--export", "a.gif" }
        << "--animate-mode: unknown mode 'loop'; valid modes: once, bounce";
    QTest::newRow("animate as png")
        << QStringList { "--animate", "x-min=-6:-1", "--export", "a.png" }
        << "--animate writes an animated GIF, not 'a.png': use a file name ending in .gif, e.g. "
           "--export sweep.gif";
    QTest::newRow("animate as pdf")
        << QStringList { "--animate", "x-min=-6:-1", "--export", "a.pdf" }
        << "--animate writes an animated GIF, not 'a.pdf': use a file name ending in .gif, e.g. "
           "--export sweep.gif";
    QTest::newRow("animate without export")
        << QStringList { "--animate", "x-min=-6:-1" }
        << "--animate writes an animated GIF: add --export sweep.gif";
    QTest::newRow("gif without animate")
        << QStringList { "--export", "a.gif" }
        << "--export 'a.gif': a GIF is an animation; add --animate NAME=A:B, e.g. --animate "
           "leaky_relu.negative_slope=0:1 (for a still image use .png, .svg or .pdf)";
    QTest::newRow("frames without animate")
        << QStringList { "--frames", "10", "--export", "a.png" }
        << "--frames applies only with --animate, e.g. --animate leaky_relu.negative_slope=0:1 "
           "--frames 40 --export sweep.gif";
    QTest::newRow("fps without animate")
        << QStringList { "--fps", "10", "--export", "a.png" }
        << "--fps applies only with --animate, e.g. --animate leaky_relu.negative_slope=0:1 "
           "--fps 20 --export sweep.gif";
    QTest::newRow("mode without animate")
        << QStringList { "--animate-mode", "bounce", "--export", "a.png" }
        << "--animate-mode applies only with --animate, e.g. --animate "
           "leaky_relu.negative_slope=0:1 --animate-mode bounce --export sweep.gif";
    QTest::newRow("network")
        << QStringList { "--network", "--functions", "tanh", "--animate", "x-min=-6:-1",
                         "--export", "a.json" }
        << "--animate sweeps a scene; it cannot be combined with --network";
}
