// Starting the workbench: the command line, the log, the first study.
#include "workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <app/app_log.h>
#include <app/main_window.h>
#include <app/screenshots.h>
#include <cstdio>

namespace jtbd::app {

int runWorkbench(QApplication &app)
{
    QApplication::setOrganizationName(QStringLiteral("JTBD Workbench"));
    QApplication::setApplicationName(QStringLiteral("jtbd-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("JTBD Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(JTBD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("JTBD Workbench: Jobs To Be Done interview research."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Write a PNG of every panel of STUDY (or of the sample "
                       "study) into DIR "
                       "and exit. Needs no display."),
        QStringLiteral("DIR"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("study"),
                                 QStringLiteral("The study file (*.jtbd) to open."),
                                 QStringLiteral("[STUDY]"));
    parser.process(app);
    const auto positional = parser.positionalArguments();
    const QString studyPath = positional.isEmpty() ? QString() : positional.front();

    if (parser.isSet(screenshot)) {
        // Keep the person's recent files and window layout out of it.
        QApplication::setApplicationName(QStringLiteral("jtbd-workbench-screenshots"));
        QString error;
        const auto files = writeScreenshots(parser.value(screenshot), studyPath, &error);
        if (files.isEmpty()) {
            std::fprintf(stderr, "jtbd-workbench: %s\n", qPrintable(error));
            return 1;
        }
        for (const auto &file : files)
            std::printf("%s\n", qPrintable(file));
        return 0;
    }

    startLogging(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                 + QStringLiteral("/logs"));

    MainWindow window;
    window.show();
    // The study named on the command line; else the last one; else, on first
    // start, the sample.
    const QString last = QSettings().value(QStringLiteral("files/last")).toString();
    if (!studyPath.isEmpty())
        window.openStudy(studyPath);
    else if (!last.isEmpty() && QFileInfo::exists(last))
        window.openStudy(last);
    else if (last.isEmpty())
        window.openSampleStudy();
    return QApplication::exec();
}

} // namespace jtbd::app
