// A read-only zip archive over libzip that streams entries in chunks and
// enforces the resource limits of xlsx::Limits against zip bombs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx/reader.hpp"

struct zip;

namespace itawb::xlsx {

class ZipArchive {
 public:
  // Opens `path` (already sniffed as a zip by the caller). Throws FileError
  // CorruptZip when libzip cannot read the central directory.
  ZipArchive(const std::string& path, const Limits& limits);
  // Opens a zip held in memory (the archive keeps the bytes); `name` labels
  // the FileErrors as the path does.
  ZipArchive(std::string bytes, const std::string& name, const Limits& limits);
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  // Entry index by name: exact first, then ASCII case-insensitive (OPC part
  // names are case-insensitive). A leading "/" is ignored.
  std::optional<uint64_t> find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name).has_value(); }

  // Streams an entry's inflated bytes in chunks to `sink`. Checks the
  // declared size first, then counts the real inflated bytes (declared
  // sizes can lie) against the per-entry, total and ratio limits.
  // Throws FileError TooLarge / CorruptZip.
  void stream(uint64_t index, const std::function<void(const char*, size_t)>& sink) const;

  // Whole entry as a string (for small parts such as workbook.xml).
  std::string read_all(uint64_t index) const;

  std::string name(uint64_t index) const;  // the bytes as stored
  // The name as UTF-8: as stored when the entry says UTF-8 (general purpose
  // bit 11) or the bytes are ASCII or well-formed UTF-8; otherwise Windows'
  // Thai code page (CP874 / TIS-620), which a zip made on a Thai Windows uses.
  std::string decoded_name(uint64_t index) const;
  uint64_t entry_count() const;

 private:
  void adopt(zip* archive, int code);
  void check_declared(uint64_t index) const;
  [[noreturn]] void too_large(uint64_t index, const std::string& what_th,
                              const std::string& what_en) const;

  std::string path_;
  Limits limits_;
  // The bytes of an in-memory archive; on the heap so that a move keeps
  // the address libzip reads from.
  std::unique_ptr<std::string> bytes_;
  zip* archive_ = nullptr;
  // Largest count of bytes ever inflated from each entry; their sum is
  // checked against max_total_bytes (re-reading a part does not count twice).
  mutable std::vector<uint64_t> inflated_;
  mutable uint64_t inflated_total_ = 0;
};

}  // namespace itawb::xlsx
