// Helpers shared by the tests: temporary folders, file bytes, study fixtures.
#pragma once

#include <jtbd/result.h>
#include <jtbd/study.h>

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <vector>

#include <unistd.h>

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

// A real name and each part of it of two bytes or more, as written ("Hannah Price", "Hannah",
// "Price"): what a redacted export must not show.
std::vector<std::string> nameAndParts(const std::string &name);
// nameAndParts of every participant with a name.
std::vector<std::string> realNames(const std::vector<Participant> &participants);

// Whether `word` stands in `text` as a whole word, written as given ("Benefit" holds "Ben", but
// not as a word). Bytes of multi-byte UTF-8 characters count as letters.
bool containsWord(std::string_view text, std::string_view word);

// Runs `body` in a child process and returns its exit status (or 1000 + the signal that ended it),
// so a test can kill a writer or limit its file size without touching the test process.
template<typename F>
int inChild(F body)
{
    const pid_t pid = fork();
    if (pid == 0) {
        const int code = body();
        _exit(code);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? 1000 + WTERMSIG(status) : WEXITSTATUS(status);
}

} // namespace jtbd::test
