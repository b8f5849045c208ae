// Fixtures for the workbench tests: open documents over temporary studies.
#pragma once

#include "test_support.h"

#include <app/study_document.h>
#include <memory>

namespace jtbd::test {

// A temporary copy of the bundled sample study, open as a workbench document.
struct SampleDocument
{
    TempDir dir;
    std::unique_ptr<app::StudyDocument> document;

    SampleDocument();

    Study &study() { return document->mutableStudy(); }

    // The interview whose title starts with `code` ("P01").
    Id interviewOf(const std::string &code) const;
};

// A temporary small study (one participant, one short interview) open as a document.
struct SmallDocument
{
    TempDir dir;
    std::unique_ptr<app::StudyDocument> document;
    Id participantId = 0;
    Id interviewId = 0;

    SmallDocument();

    Study &study() { return document->mutableStudy(); }
};

} // namespace jtbd::test
