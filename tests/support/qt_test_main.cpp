// The main() of the widget and drawing tests: an offscreen QApplication, settings and data folders
// in Qt's test locations, and Qt messages that matter turned into test failures.
#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace {

QtMessageHandler previousHandler = nullptr;

void failOnImportantMessages(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    const QString category = QString::fromUtf8(context.category ? context.category : "");
    // The offscreen platform warns about things it cannot do on show(): not ours to fail on.
    const bool ours =
        category.startsWith(QStringLiteral("jtbd")) || category == QStringLiteral("qt.modeltest");
    if (type == QtCriticalMsg || type == QtFatalMsg || (type == QtWarningMsg && ours))
        ADD_FAILURE() << "[" << category.toStdString() << "] " << text.toStdString();
    if (previousHandler)
        previousHandler(type, context, text);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("JTBD Workbench Tests"));
    QApplication::setApplicationName(QStringLiteral("jtbd-workbench-tests"));
    previousHandler = qInstallMessageHandler(failOnImportantMessages);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
