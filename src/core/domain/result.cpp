// Names of error codes, for logs and test output.
#include <jtbd/result.h>

namespace jtbd {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "invalid argument";
    case ErrorCode::NotFound:
        return "not found";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::BadInput:
        return "bad input";
    case ErrorCode::StudyMissing:
        return "study missing";
    case ErrorCode::NotAStudy:
        return "not a study";
    case ErrorCode::StudyDamaged:
        return "study damaged";
    case ErrorCode::StudyTooNew:
        return "study too new";
    case ErrorCode::StudyLocked:
        return "study locked";
    case ErrorCode::StudyExists:
        return "study exists";
    case ErrorCode::DiskFull:
        return "disk full";
    case ErrorCode::Io:
        return "input/output";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Internal:
        return "internal";
    }
    return "unknown";
}

} // namespace jtbd
