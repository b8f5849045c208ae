// Errors as values at the core boundary: every fallible call returns a Result.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jtbd {

enum class ErrorCode {
    InvalidArgument, // a value given by the caller is out of range or malformed
    NotFound,        // the record asked for does not exist
    Conflict,        // the edit contradicts what is stored (duplicate code, range in use…)
    BadInput,        // an input file (transcript, JSON, CSV) cannot be read
    StudyMissing,    // the study file does not exist
    NotAStudy,       // the file exists but is not a JTBD study
    StudyDamaged,    // the study file is corrupt or truncated
    StudyTooNew,     // written by a newer version of the program
    StudyLocked,     // another program holds the study
    StudyExists,     // refusing to overwrite an existing file
    DiskFull,        // the disk or quota is full
    Io,              // any other failure to read or write a file
    Cancelled,       // the person stopped the work; nothing of it was kept
    Internal,        // a bug: an invariant did not hold
};

const char *errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string message; // a sentence a person can act on, naming the file, line or value at fault
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}

    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_state.index() == 0; }

    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }

    const T &value() const & { return std::get<0>(m_state); }

    T &&value() && { return std::get<0>(std::move(m_state)); }

    T &operator*() & { return value(); }

    const T &operator*() const & { return value(); }

    T *operator->() { return &value(); }

    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;

    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }

    explicit operator bool() const { return ok(); }

    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, std::string message)
{
    return Error{code, std::move(message)};
}

} // namespace jtbd
