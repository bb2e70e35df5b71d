// The resource files checked against their meta-schemas when the program
// was built and tested (issue 23: loading the resources is paid by every
// command, and the meta-schema checks were a third of it).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace itawb::schema {

// The resource files checked against their meta-schemas when the program
// was built and tested: file name -> the bytes that were checked
// (cmake/checked-resources.cmake). A file whose bytes are these, under a
// meta-schema that is also unchanged, is not checked again; any other file,
// such as one an officer edited, is checked in full.
using CheckedResources = std::map<std::string, std::string_view, std::less<>>;

// True when `checked` holds `name` with exactly `bytes`.
inline bool already_checked(const CheckedResources* checked, std::string_view name, std::string_view bytes) {
  if (!checked) return false;
  const auto it = checked->find(name);
  return it != checked->end() && it->second == bytes;
}

// True when a resource file and the meta-schema it is checked against are
// both exactly as they were checked: its meta-schema check may be skipped.
inline bool already_checked(const CheckedResources* checked, std::string_view name, std::string_view bytes,
                            std::string_view meta_name, std::string_view meta_bytes) {
  return already_checked(checked, name, bytes) && already_checked(checked, meta_name, meta_bytes);
}

}  // namespace itawb::schema
