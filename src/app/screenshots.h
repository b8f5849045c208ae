// Screenshots of every panel, written offscreen: for the README, for reviewers, and for anyone
// running the workbench where there is no display.
#pragma once

#include <QString>
#include <QStringList>

namespace jtbd::app {

// Opens `studyPath` (or a fresh copy of the sample study when empty), renders each panel in a
// 1440x900 window and writes one PNG per panel into `folder`. Returns the files written; on
// failure, an error message in `error`.
QStringList writeScreenshots(const QString &folder, const QString &studyPath, QString *error);

} // namespace jtbd::app
