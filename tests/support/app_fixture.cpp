// Fixtures for the workbench tests.
#include "app_fixture.h"

#include <jtbd/sample.h>

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

} // namespace jtbd::test
