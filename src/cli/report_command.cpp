// The drawings of the command line: the PDF report and the forces diagram as PNG or SVG.
#include "commands.h"

#include <jtbd/export.h>

#include <QGuiApplication>

#include <iostream>
#include <report/forces_diagram.h>
#include <report/pdf_report.h>

namespace jtbd::cli {

namespace fs = std::filesystem;

namespace {

// Qt draws text only with a QGuiApplication. The command line starts one the first time it
// draws, on the offscreen platform unless another is asked for, so it works without a display.
void ensureGuiApplication()
{
    if (QGuiApplication::instance())
        return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's notes about the platform (no runtime folder, no display) are not the user's concern;
    // only its errors are shown.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::cerr << "error: " << message.toStdString() << "\n";
    });
    static int argc = 1;
    static char name[] = "jtbd";
    static char *argv[] = {name, nullptr};
    // Lives until the process ends: destroying it during static destruction, after Qt's own
    // globals are gone, would crash on exit.
    new QGuiApplication(argc, argv);
}

QString toQPath(const fs::path &path)
{
    return QString::fromStdString(path.string());
}

} // namespace

int writePdf(const Study &study, const ExportOptions &options, const fs::path &out)
{
    ensureGuiApplication();
    if (auto written = report::writePdfReport(study, options, toQPath(out)); !written)
        return report(written.error());
    return kSuccess;
}

int writeForcesImage(const Study &study,
                     const Scope &scope,
                     Weighting weighting,
                     const ForcesImage &image)
{
    ensureGuiApplication();
    auto data = report::loadForcesDiagram(study, scope, weighting);
    if (!data)
        return report(data.error());
    if (image.redact) {
        // Real names inside the quotes and the titles become pseudonyms, as in a redacted
        // report.
        auto participants = study.participants();
        if (!participants)
            return report(participants.error());
        report::redact(*data, Redactor(*participants));
    }
    if (!image.png.empty()) {
        if (auto written = report::writeForcesDiagramPng(*data, toQPath(image.png)); !written)
            return report(written.error());
        std::cout << "Wrote the forces diagram" << (image.redact ? " (redacted)" : "") << " to "
                  << image.png.string() << "\n";
    }
    if (!image.svg.empty()) {
        if (auto written = report::writeForcesDiagramSvg(*data, toQPath(image.svg)); !written)
            return report(written.error());
        std::cout << "Wrote the forces diagram" << (image.redact ? " (redacted)" : "") << " to "
                  << image.svg.string() << "\n";
    }
    return kSuccess;
}

} // namespace jtbd::cli
