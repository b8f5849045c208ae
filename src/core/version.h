// The program's version, written into new studies and exports.
#pragma once

namespace jtbd {

inline constexpr const char *kAppVersion = JTBD_VERSION;

} // namespace jtbd
