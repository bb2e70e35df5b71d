#include "exchange/hash.hpp"

#include <nettle/sha2.h>

#include <array>
#include <cstdint>

#include "text/thai.hpp"

namespace itawb::exchange {
namespace {

std::string canon(std::string_view s) { return text::arabic_digits(text::squeeze(s)); }

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  std::array<uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&ctx, digest.size(), digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * digest.size());
  for (const uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

std::string canonical_measure(const model::MeasureInput& m) {
  const char sep = '\x1f';
  std::string out;
  for (const std::string_view field :
       {std::string_view(m.id), std::string_view(m.deficiency), std::string_view(m.measure),
        std::string_view(m.steps), std::string_view(m.timeframe), std::string_view(m.owner),
        std::string_view(m.budget), std::string_view(m.success_indicator)}) {
    out += canon(field);
    out += sep;
  }
  out += std::to_string(m.issue);
  // The schema's other fields, in schema order, when they hold something:
  // a measure without them hashes as it always has, so adding a column to
  // the schema does not make every copy sent out look changed.
  for (const auto& [name, value] : m.extra) {
    const std::string v = canon(value);
    if (v.empty()) continue;
    out += sep;
    out += name;
    out += '=';
    out += v;
  }
  return out;
}

std::string measure_hash(const model::MeasureInput& m) {
  model::MeasureInput without_owner = m;
  without_owner.owner.clear();
  return sha256_hex(canonical_measure(without_owner)).substr(0, 16);
}

std::string measure_hash_with_owner(const model::MeasureInput& m) {
  return sha256_hex(canonical_measure(m)).substr(0, 16);
}

std::string measures_table_hash(const std::vector<model::MeasureInput>& measures) {
  std::string all;
  for (const auto& m : measures) {
    all += canon(m.id);
    all += '=';
    all += measure_hash(m);
    all += '\n';
  }
  return sha256_hex(all);
}

}  // namespace itawb::exchange
