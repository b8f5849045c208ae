// Starting the workbench: command-line options, logging, the first window.
#pragma once

class QApplication;

namespace jtbd::app {

// Parses the command line of `app` and runs the workbench (or writes screenshots); returns the
// process's exit code.
int runWorkbench(QApplication &app);

} // namespace jtbd::app
