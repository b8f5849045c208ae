// What the report content, the job stories and the highlights CSV share.
#pragma once

#include <jtbd/study.h>

#include <vector>

namespace jtbd::report_support {

// The jobs of `ids` in that order (a repeated id counts once), or every job by id when `ids` is
// empty. An unknown id is NotFound: "there is no job 7 in the study (its jobs are 1, 2, 3)".
Result<std::vector<Job>> selectJobs(const Study &study, const std::vector<Id> &ids);

} // namespace jtbd::report_support
