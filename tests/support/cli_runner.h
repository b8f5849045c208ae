// Runs the jtbd command line as a user would, in a folder, capturing its output.
#pragma once

#include "test_support.h"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace jtbd::test {

struct CliOutcome
{
    int exitCode;
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string &arg)
{
    std::string q = "'";
    for (char c : arg)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// `program args…` run in `folder` through sh; stdout and stderr go through files there.
inline CliOutcome runCli(const std::filesystem::path &program,
                         const std::filesystem::path &folder,
                         const std::vector<std::string> &args)
{
    std::string command =
        "cd " + shellQuote(folder.string()) + " && " + shellQuote(program.string());
    for (const auto &arg : args)
        command += " " + shellQuote(arg);
    command += " >" + shellQuote((folder / ".out").string()) + " 2>"
               + shellQuote((folder / ".err").string());
    const int status = std::system(("sh -c " + shellQuote(command)).c_str());
    return {WEXITSTATUS(status), readBytes(folder / ".out"), readBytes(folder / ".err")};
}

} // namespace jtbd::test
