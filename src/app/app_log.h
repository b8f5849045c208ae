// The workbench's log: a rotating file in the user's data folder, fed by Qt's and the core's
// messages.
#pragma once

#include <QString>

namespace jtbd::app {

// Sends spdlog's default logger and Qt's messages to `folder`/workbench.log (three files of 1 MiB
// at most). Returns the log file's path, or an empty string when the folder is not writable (the
// workbench then logs to stderr only).
QString startLogging(const QString &folder);

} // namespace jtbd::app
