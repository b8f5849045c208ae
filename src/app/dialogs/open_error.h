// What the workbench tells a person when a study cannot be opened or created.
#pragma once

#include <jtbd/result.h>

#include <QString>

namespace jtbd::app {

struct ErrorText
{
    QString title;
    QString text; // what is wrong, where, and what happened to the file (nothing)
};

ErrorText describeOpenError(const QString &path, const Error &error);

} // namespace jtbd::app
