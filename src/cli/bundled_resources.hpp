// The resource files this program was built with, as they were checked
// against their meta-schemas at build and test time
// (cmake/checked-resources.cmake): a host passes them to
// app::load_resources, which then checks only files that differ.
#pragma once

#include "schema/checked_resources.hpp"

namespace itawb::cli {

const schema::CheckedResources& bundled_resources();

}  // namespace itawb::cli
