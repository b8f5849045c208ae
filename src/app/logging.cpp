// The workbench's logging categories.
#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "jtbd.app")
Q_LOGGING_CATEGORY(lcUndo, "jtbd.app.undo")
