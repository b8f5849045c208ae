// The workbench's logging categories (jtbd.app.*). Messages also go to the rotating log file.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcUndo)
