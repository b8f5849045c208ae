// Fixtures for the workbench tests: open documents over temporary studies.
#pragma once

#include "test_support.h"

#include <QImage>
#include <QObject>
#include <QString>

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

// Saves `image` as `fileName` in the folder that JTBD_SCREENSHOT_DIR names, to be looked at;
// nothing when it is not set.
void keepScreenshot(const QImage &image, const QString &fileName);

// The child of `parent` called `name`, or a test failure when there is none.
template<typename T>
T *namedChild(const QObject &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QString::fromUtf8(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

} // namespace jtbd::test
