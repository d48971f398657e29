#include "jobs/progress.h"

namespace saliscope {

ProgressSink::~ProgressSink() = default;

void ProgressSink::message(const std::string&) {}

} // namespace saliscope
