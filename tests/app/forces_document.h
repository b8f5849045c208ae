// The study of known forces (tests/report/forces_fixture.h) open as a workbench document, for the
// tests of the panels that draw it.
#pragma once

#include "../report/forces_fixture.h"
#include "test_support.h"

#include <app/study_document.h>
#include <memory>
#include <string>

namespace jtbd::test {

struct ForcesDocument
{
    explicit ForcesDocument(const std::string &fileName)
        : keep(std::make_unique<ForcesFixture>(dir / fileName))
        , ids(keep.get())
        , document(std::make_unique<app::StudyDocument>(std::move(keep->study)))
    {}

    TempDir dir;
    std::unique_ptr<ForcesFixture> keep;
    // The ids of the fixture; its study was moved into the document.
    ForcesFixture *ids = nullptr;
    std::unique_ptr<app::StudyDocument> document;
};

} // namespace jtbd::test
