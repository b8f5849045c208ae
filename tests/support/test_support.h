// Helpers shared by the tests: temporary folders, file bytes, study fixtures.
#pragma once

#include <jtbd/result.h>
#include <jtbd/study.h>

#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace jtbd::test {

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::filesystem::path &path() const { return m_path; }

    std::filesystem::path operator/(const std::string &name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

std::string readBytes(const std::filesystem::path &path);
void writeBytes(const std::filesystem::path &path, const std::string &bytes);

// The value of a Result, or a test failure that shows the error.
template<typename T>
T expectOk(Result<T> result, const char *what = "")
{
    if (!result) {
        ADD_FAILURE() << what << ": " << errorCodeName(result.error().code) << ": "
                      << result.error().message;
        throw std::runtime_error("unexpected error");
    }
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

// Runs one SQL statement on a file directly (to inspect or tamper with it as another program
// would).
std::string sqlite(const std::filesystem::path &file, const std::string &sql);

// A study with a participant, one interview with a short transcript, and nothing else.
struct SmallStudy
{
    Study study;
    Id participantId;
    Id interviewId;
};

SmallStudy makeSmallStudy(const std::filesystem::path &path);

Id codeId(const Study &study, const std::string &key);

// The built-in switch-interview guide, or a test failure when the study has none.
Guide builtinGuide(const Study &study);

} // namespace jtbd::test
