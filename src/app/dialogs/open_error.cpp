// What the workbench tells a person when a study cannot be opened.
#include "open_error.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <app/study_document.h>

namespace jtbd::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OpenError", text);
}

} // namespace

ErrorText describeOpenError(const QString &path, const Error &error)
{
    const QString name = QFileInfo(path).fileName();
    const QString detail = toQString(error.message);
    const QString untouched = tr("The file was not changed.");
    switch (error.code) {
    case ErrorCode::StudyMissing:
        return {tr("Study not found"), tr("There is no file at %1.").arg(path)};
    case ErrorCode::NotAStudy:
        return {tr("Not a JTBD study"),
                tr("“%1” is not a JTBD Workbench study.\n\n%2\n\n%3\n\nTo bring transcripts "
                   "into a study, use File › Import Transcripts.")
                    .arg(name, detail, untouched)};
    case ErrorCode::StudyDamaged:
        return {tr("The study is damaged"),
                tr("“%1” is damaged and cannot be opened.\n\n%2\n\n%3 If you have a backup "
                   "(a .bak file beside it, or a JSON export), open that instead.")
                    .arg(name, detail, untouched)};
    case ErrorCode::StudyTooNew:
        return {tr("Made by a newer version"),
                tr("“%1” was saved by a newer version of JTBD Workbench than this one (%2).\n\n%3"
                   "\n\n%4 Update the workbench to open it.")
                    .arg(name, QStringLiteral(JTBD_VERSION), detail, untouched)};
    case ErrorCode::StudyLocked:
        return {tr("The study is in use"),
                tr("Another program is writing to “%1”.\n\n%2\n\nClose it and try again.")
                    .arg(name, detail)};
    case ErrorCode::StudyExists:
        return {tr("The file exists"), detail};
    case ErrorCode::DiskFull:
        return {tr("The disk is full"),
                tr("“%1” could not be written: the disk is full.\n\n%2").arg(name, detail)};
    default:
        return {tr("Cannot open the study"),
                tr("“%1” could not be opened.\n\n%2\n\n%3").arg(name, detail, untouched)};
    }
}

} // namespace jtbd::app
