// The FileErrors of the xlsx reader: one sentence each in Thai and English.
#pragma once

#include <string>

#include "xlsx/file_error.hpp"

namespace itawb::xlsx::errors {

[[noreturn]] void not_found(const std::string& path);
[[noreturn]] void empty(const std::string& path);
[[noreturn]] void not_zip(const std::string& path, const std::string& looks_like_th,
                          const std::string& looks_like_en);
[[noreturn]] void corrupt_zip(const std::string& path, const std::string& detail);
[[noreturn]] void legacy_xls(const std::string& path);
[[noreturn]] void corrupt_xls(const std::string& path, int reader_code);
[[noreturn]] void encrypted(const std::string& path);
[[noreturn]] void other_office_file(const std::string& path);
[[noreturn]] void other_odf(const std::string& path);
[[noreturn]] void xlsb(const std::string& path);
[[noreturn]] void ods_without_sheets(const std::string& path);
[[noreturn]] void missing_part(const std::string& path, const std::string& part);
[[noreturn]] void malformed_xml(const std::string& path, const std::string& part, long line,
                                const std::string& detail);
[[noreturn]] void forbidden_xml(const std::string& path, const std::string& part);
[[noreturn]] void too_large(const std::string& path, const std::string& part,
                            const std::string& what_th, const std::string& what_en);
[[noreturn]] void out_of_grid(const std::string& path, const std::string& sheet,
                              const std::string& ref);
[[noreturn]] void bad_value(const std::string& path, const std::string& sheet,
                            const std::string& ref, const std::string& detail);

}  // namespace itawb::xlsx::errors
