// jtbd-workbench: the desktop workbench.
#include <QApplication>

#include <app/workbench.h>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    return jtbd::app::runWorkbench(app);
}
