#include "xlsx/zip_archive.hpp"

#include "text/thai.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <utility>

#include "xlsx/file_errors.hpp"

namespace itawb::xlsx {
namespace {

constexpr uint64_t kRatioFloor = 1ull << 20;  // ratios are checked above 1 MiB only
constexpr uint64_t kMaxEntries = 100'000;     // real workbooks have tens to hundreds

std::string mib(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  std::string s = buf;
  if (s.size() > 6 && s.compare(s.size() - 6, 6, ".0 MiB") == 0) s.erase(s.size() - 6, 2);
  return s;
}

std::string zip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

// ZIP_CHECKCONS is not used: it rejects archives that Excel and LibreOffice
// open (e.g. local headers whose extra fields differ from the central
// directory, as some Java and .NET zip writers produce). Damage inside an
// entry still surfaces as a CRC or inflate error while streaming.
ZipArchive::ZipArchive(const std::string& path, const Limits& limits)
    : path_(path), limits_(limits) {
  int code = 0;
  adopt(zip_open(path.c_str(), ZIP_RDONLY, &code), code);
}

// zip_source_buffer_create does not copy: bytes_ outlives the archive, and
// the source (freeme = 0) is freed by zip_discard once zip_open_from_source
// has taken it, by us when it has not.
ZipArchive::ZipArchive(std::string bytes, const std::string& name, const Limits& limits)
    : path_(name), limits_(limits), bytes_(std::make_unique<std::string>(std::move(bytes))) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes_->data(), bytes_->size(), 0, &error);
  if (!source) {
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    errors::corrupt_zip(path_, zip_message(code));
  }
  zip* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  const int code = archive ? 0 : zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (!archive) zip_source_free(source);
  adopt(archive, code);
}

void ZipArchive::adopt(zip* archive, int code) {
  archive_ = archive;
  if (!archive_) errors::corrupt_zip(path_, zip_message(code));
  const zip_int64_t n = zip_get_num_entries(archive_, 0);
  if (n < 0 || static_cast<uint64_t>(n) > kMaxEntries) {
    zip_discard(archive_);
    archive_ = nullptr;
    errors::too_large(path_, "zip", "มีรายการในไฟล์ zip มากกว่า 100000 รายการ",
                      "more than 100000 zip entries");
  }
  inflated_.assign(static_cast<size_t>(n), 0);
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : path_(std::move(other.path_)),
      limits_(other.limits_),
      bytes_(std::move(other.bytes_)),
      archive_(std::exchange(other.archive_, nullptr)),
      inflated_(std::move(other.inflated_)),
      inflated_total_(other.inflated_total_) {}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
  if (this != &other) {
    if (archive_) zip_discard(archive_);
    path_ = std::move(other.path_);
    limits_ = other.limits_;
    archive_ = std::exchange(other.archive_, nullptr);
    bytes_ = std::move(other.bytes_);
    inflated_ = std::move(other.inflated_);
    inflated_total_ = other.inflated_total_;
  }
  return *this;
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);  // read-only: nothing to write back
}

std::optional<uint64_t> ZipArchive::find(std::string_view name) const {
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  const std::string wanted(name);
  zip_int64_t i = zip_name_locate(archive_, wanted.c_str(), ZIP_FL_ENC_RAW);
  if (i < 0) i = zip_name_locate(archive_, wanted.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_RAW);
  if (i >= 0) return static_cast<uint64_t>(i);
  // Some writers store "/xl/..." or backslash-separated names.
  const uint64_t n = entry_count();
  for (uint64_t k = 0; k < n; ++k) {
    std::string entry = this->name(k);
    std::replace(entry.begin(), entry.end(), '\\', '/');
    std::string_view e = entry;
    while (!e.empty() && e.front() == '/') e.remove_prefix(1);
    if (iequal(e, wanted)) return k;
  }
  return std::nullopt;
}

std::string ZipArchive::name(uint64_t index) const {
  const char* n = zip_get_name(archive_, index, ZIP_FL_ENC_RAW);
  return n ? n : "";
}

std::string ZipArchive::decoded_name(uint64_t index) const {
  const std::string raw = name(index);
  // ZIP_FL_ENC_STRICT reads an unflagged name as CP-437: the same bytes back
  // means the name is flagged UTF-8 or plain ASCII.
  const char* strict = zip_get_name(archive_, index, ZIP_FL_ENC_STRICT);
  if ((strict && raw == strict) || text::is_utf8(raw)) return raw;
  return text::from_cp874(raw);
}

uint64_t ZipArchive::entry_count() const { return inflated_.size(); }

void ZipArchive::too_large(uint64_t index, const std::string& what_th,
                           const std::string& what_en) const {
  errors::too_large(path_, name(index), what_th, what_en);
}

void ZipArchive::check_declared(uint64_t index) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, index, 0, &st) != 0)
    errors::corrupt_zip(path_, zip_strerror(archive_));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    errors::encrypted(path_);
  if (!(st.valid & ZIP_STAT_SIZE)) return;
  if (st.size > limits_.max_entry_bytes)
    too_large(index, "ขนาดเมื่อขยาย " + mib(st.size) + " เกิน " + mib(limits_.max_entry_bytes),
              "declares " + mib(st.size) + " inflated, over " + mib(limits_.max_entry_bytes));
  if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > kRatioFloor &&
      st.size / std::max<uint64_t>(st.comp_size, 1) > limits_.max_ratio)
    too_large(index, "อัตราการบีบอัดเกิน " + std::to_string(limits_.max_ratio) + " เท่า",
              "compression ratio over " + std::to_string(limits_.max_ratio) + ":1");
}

void ZipArchive::stream(uint64_t index, const std::function<void(const char*, size_t)>& sink) const {
  check_declared(index);
  zip_stat_t st;
  zip_stat_init(&st);
  zip_stat_index(archive_, index, 0, &st);
  const uint64_t compressed =
      (st.valid & ZIP_STAT_COMP_SIZE) ? std::max<uint64_t>(st.comp_size, 1) : 1;
  // A genuine entry inflates to exactly the size its zip headers declare
  // (libzip does not stop at it): more is a bomb hiding its size, refused
  // within one buffer of the lie rather than at max_entry_bytes.
  const uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : UINT64_MAX;

  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive_, index, 0),
                                                          &zip_fclose);
  if (!file) {
    if (zip_error_code_zip(zip_get_error(archive_)) == ZIP_ER_NOPASSWD) errors::encrypted(path_);
    errors::corrupt_zip(path_, name(index) + ": " + zip_strerror(archive_));
  }
  std::array<char, 1 << 16> buffer;
  uint64_t count = 0;
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
    if (got < 0) errors::corrupt_zip(path_, name(index) + ": " + zip_file_strerror(file.get()));
    if (got == 0) break;
    count += static_cast<uint64_t>(got);
    if (count > declared)
      too_large(index, "ขยายได้มากกว่า " + std::to_string(declared) + " ไบต์ที่ไฟล์ zip ระบุไว้",
                "inflates to more than the " + std::to_string(declared) + " bytes its zip headers declare");
    if (count > limits_.max_entry_bytes)
      too_large(index, "ขยายได้เกิน " + mib(limits_.max_entry_bytes),
                "inflates to more than " + mib(limits_.max_entry_bytes));
    if (count > kRatioFloor && count / compressed > limits_.max_ratio)
      too_large(index, "อัตราการบีบอัดเกิน " + std::to_string(limits_.max_ratio) + " เท่า",
                "compression ratio over " + std::to_string(limits_.max_ratio) + ":1");
    if (count > inflated_[index]) {
      inflated_total_ += count - inflated_[index];
      inflated_[index] = count;
      if (inflated_total_ > limits_.max_total_bytes)
        too_large(index, "ขยายรวมทุกส่วนเกิน " + mib(limits_.max_total_bytes),
                  "all parts together inflate to more than " + mib(limits_.max_total_bytes));
    }
    sink(buffer.data(), static_cast<size_t>(got));
  }
}

std::string ZipArchive::read_all(uint64_t index) const {
  std::string out;
  stream(index, [&](const char* data, size_t n) { out.append(data, n); });
  return out;
}

}  // namespace itawb::xlsx
