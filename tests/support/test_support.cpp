// Shared test helpers.
#include "test_support.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <sqlite3.h>

namespace jtbd::test {

namespace fs = std::filesystem;

TempDir::TempDir()
{
    std::string pattern = (fs::temp_directory_path() / "jtbd-test-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a temporary folder");
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

std::string readBytes(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string sqlite(const fs::path &file, const std::string &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + file.string());
    }
    std::string out;
    auto collect = [](void *data, int columns, char **values, char **) {
        auto &text = *static_cast<std::string *>(data);
        for (int i = 0; i < columns; ++i)
            text += (i > 0 ? "|" : "") + std::string(values[i] ? values[i] : "NULL");
        text += "\n";
        return 0;
    };
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), collect, &out, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    if (rc != SQLITE_OK)
        throw std::runtime_error("sql failed: " + message);
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

SmallStudy makeSmallStudy(const fs::path &path)
{
    Study study = expectOk(Study::create(path), "create");
    Participant p;
    p.code = "P01";
    p.name = "Hannah Price";
    p.pseudonym = "Robin";
    const Id participantId = expectOk(study.addParticipant(p), "participant");
    Interview interview;
    interview.title = "First interview";
    interview.participantId = participantId;
    interview.status = InterviewStatus::Transcribed;
    const Id interviewId = expectOk(study.addInterview(interview), "interview");
    expectOk(study.setTranscript(
                 interviewId,
                 {{"Maya", SpeakerRole::Interviewer, 0, 4000, "When did you first think about it?"},
                  {"Hannah",
                   SpeakerRole::Participant,
                   4000,
                   9000,
                   "The brewery paid 94 days late and I went into my overdraft."}}),
             "transcript");
    return {std::move(study), participantId, interviewId};
}

Id codeId(const Study &study, const std::string &key)
{
    auto code = expectOk(study.findCode(key), "find code");
    if (!code) {
        ADD_FAILURE() << "no code " << key;
        return 0;
    }
    return code->id;
}

Guide builtinGuide(const Study &study)
{
    for (const auto &guide : expectOk(study.guides(), "guides"))
        if (guide.builtin)
            return guide;
    ADD_FAILURE() << "no built-in guide";
    return {};
}

std::vector<std::string> nameAndParts(const std::string &name)
{
    std::vector<std::string> names;
    if (name.empty())
        return names;
    names.push_back(name);
    std::size_t start = 0;
    while (start < name.size()) {
        const auto space = name.find(' ', start);
        const auto part =
            name.substr(start, space == std::string::npos ? std::string::npos : space - start);
        if (part.size() >= 2)
            names.push_back(part);
        if (space == std::string::npos)
            break;
        start = space + 1;
    }
    return names;
}

std::vector<std::string> realNames(const std::vector<Participant> &participants)
{
    std::vector<std::string> names;
    for (const auto &p : participants)
        for (auto &name : nameAndParts(p.name))
            names.push_back(std::move(name));
    return names;
}

namespace {

bool isWordByte(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

} // namespace

bool containsWord(std::string_view text, std::string_view word)
{
    for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        const bool before = at > 0 && isWordByte(text[at - 1]);
        const std::size_t end = at + word.size();
        const bool after = end < text.size() && isWordByte(text[end]);
        if (!before && !after)
            return true;
    }
    return false;
}

} // namespace jtbd::test
