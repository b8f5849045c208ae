// File reading and atomic writing with errors that say which file and why.
#include <jtbd/file_io.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

namespace jtbd {

namespace fs = std::filesystem;

namespace {

Error writeError(const fs::path &path, int error)
{
    if (error == ENOSPC || error == EDQUOT || error == EFBIG)
        return makeError(ErrorCode::DiskFull,
                         "cannot write '" + path.string()
                             + "': the disk is full; nothing was written");
    std::error_code ignored;
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (error == ENOENT && !fs::is_directory(folder, ignored))
        return makeError(ErrorCode::Io,
                         "cannot write '" + path.string() + "': the folder '" + folder.string()
                             + "' does not exist; nothing was written");
    return makeError(ErrorCode::Io,
                     "cannot write '" + path.string() + "': " + std::strerror(error)
                         + "; nothing was written");
}

} // namespace

Result<std::string> readFile(const fs::path &path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError(ErrorCode::BadInput, "'" + path.string() + "' does not exist");
    if (fs::is_directory(path, ec))
        return makeError(ErrorCode::BadInput, "'" + path.string() + "' is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::BadInput,
                         "cannot read '" + path.string() + "': " + std::strerror(errno));
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return makeError(ErrorCode::BadInput, "cannot read '" + path.string() + "': read error");
    return content;
}

Status writeFileAtomically(const fs::path &path, std::string_view content)
{
    const fs::path temp = path.string() + ".partial-" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return writeError(path, errno);
    std::size_t written = 0;
    int error = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = errno;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0)
        error = errno;
    if (error != 0) {
        ::unlink(temp.c_str());
        return writeError(path, error);
    }
    return {};
}

} // namespace jtbd
