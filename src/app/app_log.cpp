// The workbench's rotating log file.
#include "app_log.h"

#include <QDir>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace jtbd::app {

namespace {

void forwardQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    const std::string category = context.category ? context.category : "qt";
    const std::string message = text.toStdString();
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("[{}] {}", category, message);
        break;
    case QtInfoMsg:
        spdlog::info("[{}] {}", category, message);
        break;
    case QtWarningMsg:
        spdlog::warn("[{}] {}", category, message);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        spdlog::error("[{}] {}", category, message);
        spdlog::default_logger()->flush();
        break;
    }
}

} // namespace

QString startLogging(const QString &folder)
{
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::warn);
    sinks.push_back(console);
    QString file;
    if (QDir().mkpath(folder)) {
        file = QDir(folder).filePath(QStringLiteral("workbench.log"));
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file.toStdString(), 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex &) {
            file.clear();
        }
    }
    auto logger = std::make_shared<spdlog::logger>("workbench", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(forwardQtMessage);
    return file;
}

} // namespace jtbd::app
