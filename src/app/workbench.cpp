// Starting the workbench.
#include "workbench.h"

#include <QApplication>

namespace jtbd::app {

int runWorkbench(QApplication &app)
{
    return app.exec();
}

} // namespace jtbd::app
