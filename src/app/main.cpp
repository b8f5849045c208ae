// jtbd-workbench: the desktop workbench.
#include <QApplication>

#include <app/workbench.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Qt aborts with a terse message when it finds no display; say what to do instead.
bool hasDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0)
            return true;
    const char *platform = std::getenv("QT_QPA_PLATFORM");
    const char *x11 = std::getenv("DISPLAY");
    const char *wayland = std::getenv("WAYLAND_DISPLAY");
    return (platform && *platform) || (x11 && *x11) || (wayland && *wayland);
}

bool wantsScreenshots(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--screenshot", 12) == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (wantsScreenshots(argc, argv) && !std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    if (!hasDisplay(argc, argv)) {
        std::fprintf(stderr,
                     "jtbd-workbench: there is no display to show the workbench on (DISPLAY is "
                     "not set).\nRun it on a desktop, under xvfb-run, or write every panel to "
                     "PNG files with: jtbd-workbench --screenshot DIR [STUDY]\n");
        return 2;
    }
    QApplication app(argc, argv);
    return jtbd::app::runWorkbench(app);
}
