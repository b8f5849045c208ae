// The main() of the widget and drawing tests: an offscreen QApplication, settings and data folders
// in Qt's test locations, and Qt messages that matter turned into test failures.
#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

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

// A message box nobody answers would block a test forever: close it and fail the test with its
// text instead.
void closeUnexpectedDialogs()
{
    auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
    if (!dialog || dialog->property("expectedByTest").toBool())
        return;
    const auto *box = qobject_cast<QMessageBox *>(dialog);
    ADD_FAILURE() << "unexpected dialog: "
                  << (box ? (box->text() + QStringLiteral(" ") + box->informativeText())
                          : dialog->windowTitle())
                         .toStdString();
    dialog->reject();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Every test process gets a home of its own, so settings, the sample study in the data folder
    // and logs never leak between tests, runs or builds.
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QTimer dialogWatch;
    QObject::connect(&dialogWatch, &QTimer::timeout, &closeUnexpectedDialogs);
    dialogWatch.start(250);
    QApplication::setOrganizationName(QStringLiteral("JTBD Workbench Tests"));
    QApplication::setApplicationName(QStringLiteral("jtbd-workbench-tests"));
    previousHandler = qInstallMessageHandler(failOnImportantMessages);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
