// Fixtures for the workbench tests.
#include "app_fixture.h"

#include <jtbd/sample.h>

#include <QDir>

namespace jtbd::test {

SampleDocument::SampleDocument()
{
    auto study = expectOk(createSampleStudy(dir / "sample.jtbd"), "sample study");
    document = std::make_unique<app::StudyDocument>(std::move(study));
}

Id SampleDocument::interviewOf(const std::string &code) const
{
    auto list = expectOk(document->study().interviews(), "interviews");
    for (const auto &item : list)
        if (item.participantCode == code)
            return item.interview.id;
    ADD_FAILURE() << "no interview for " << code;
    return 0;
}

SmallDocument::SmallDocument()
{
    auto small = makeSmallStudy(dir / "small.jtbd");
    participantId = small.participantId;
    interviewId = small.interviewId;
    document = std::make_unique<app::StudyDocument>(std::move(small.study));
}

void keepScreenshot(const QImage &image, const QString &fileName)
{
    const QString folder = qEnvironmentVariable("JTBD_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(image.save(QDir(folder).filePath(fileName))) << fileName.toStdString();
    }
}

} // namespace jtbd::test
