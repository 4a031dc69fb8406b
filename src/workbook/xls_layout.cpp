// Merged cells and column widths of an .xls workbook, which FreeXL does not report: the
// compound file's Workbook stream is walked for BOUNDSHEET, MERGEDCELLS and COLINFO records
// ([MS-CFB], [MS-XLS] 2.4.28, 2.4.168, 2.4.53). Every offset is checked against the bytes;
// anything inconsistent gives no layout (the cells are FreeXL's either way).
#include "xls_layout.hpp"

#include <cstdint>
#include <set>

#include "powerlist/text.hpp"

namespace powerlist {

namespace {

constexpr uint32_t kEndOfChain = 0xFFFFFFFE;

uint16_t u16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | static_cast<uint8_t>(b[at + 1]) << 8);
}
uint32_t u32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(u16(b, at)) | static_cast<uint32_t>(u16(b, at + 2)) << 16;
}

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view b) : b_(b) {}

  // The named stream's bytes, or nullopt.
  std::optional<std::string> stream(const std::u16string& wanted) {
    if (b_.size() < 512 ||
        b_.substr(0, 8) != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
      return std::nullopt;
    const uint16_t shift = u16(b_, 0x1E);
    if (shift != 9 && shift != 12) return std::nullopt;
    sector_ = size_t{1} << shift;
    if (!read_fat()) return std::nullopt;
    const auto dir = chain_bytes(u32(b_, 0x30), b_.size());
    if (!dir) return std::nullopt;
    const uint32_t cutoff = u32(b_, 0x38);
    std::optional<std::string> mini_stream;
    for (size_t e = 0; e + 128 <= dir->size(); e += 128) {
      const std::string_view entry(dir->data() + e, 128);
      const uint16_t name_bytes = u16(entry, 0x40);
      const uint8_t type = static_cast<uint8_t>(entry[0x42]);
      const uint32_t start = u32(entry, 0x74), size = u32(entry, 0x78);
      if (e == 0) {  // the root entry holds the mini stream
        if (type != 5) return std::nullopt;
        mini_stream = chain_bytes(start, size);
        continue;
      }
      if (type != 2 || name_bytes < 2 || name_bytes > 64) continue;
      std::u16string name;
      for (size_t i = 0; i + 2 < name_bytes; i += 2) name += static_cast<char16_t>(u16(entry, i));
      if (name != wanted) continue;
      if (size > b_.size()) return std::nullopt;
      if (size >= cutoff) return chain_bytes(start, size);
      if (!mini_stream) return std::nullopt;
      return mini_chain_bytes(*mini_stream, start, size);
    }
    return std::nullopt;
  }

 private:
  bool sector_ok(uint32_t s) const { return (size_t{s} + 2) * sector_ <= b_.size() + sector_; }
  std::string_view sector(uint32_t s) const {
    const size_t at = (size_t{s} + 1) * sector_;
    return at + sector_ <= b_.size() ? b_.substr(at, sector_) : std::string_view();
  }

  bool read_fat() {
    std::vector<uint32_t> fat_sectors;
    for (size_t i = 0; i < 109; ++i) {
      const uint32_t s = u32(b_, 0x4C + 4 * i);
      if (s < 0xFFFFFFFA) fat_sectors.push_back(s);
    }
    uint32_t difat = u32(b_, 0x44);
    std::set<uint32_t> seen;
    while (difat < 0xFFFFFFFA && seen.insert(difat).second && seen.size() < 100000) {
      const std::string_view d = sector(difat);
      if (d.empty()) return false;
      for (size_t i = 0; i + 4 < sector_; i += 4) {
        const uint32_t s = u32(d, i);
        if (s < 0xFFFFFFFA) fat_sectors.push_back(s);
      }
      difat = u32(d, sector_ - 4);
    }
    for (uint32_t s : fat_sectors) {
      const std::string_view f = sector(s);
      if (f.empty()) return false;
      for (size_t i = 0; i < sector_; i += 4) fat_.push_back(u32(f, i));
    }
    return !fat_.empty();
  }

  std::optional<std::string> chain_bytes(uint32_t s, size_t size) const {
    std::string out;
    for (size_t steps = 0; s != kEndOfChain && out.size() < size; ++steps) {
      if (s >= fat_.size() || steps > fat_.size()) return std::nullopt;
      const std::string_view data = sector(s);
      if (data.empty()) return std::nullopt;
      out.append(data);
      s = fat_[s];
    }
    if (out.size() > size) out.resize(size);
    return out;
  }

  std::optional<std::string> mini_chain_bytes(const std::string& mini, uint32_t s,
                                              size_t size) const {
    const auto minifat_bytes = chain_bytes(u32(b_, 0x3C), b_.size());
    if (!minifat_bytes) return std::nullopt;
    std::vector<uint32_t> minifat;
    for (size_t i = 0; i + 4 <= minifat_bytes->size(); i += 4)
      minifat.push_back(u32(*minifat_bytes, i));
    std::string out;
    for (size_t steps = 0; s != kEndOfChain && out.size() < size; ++steps) {
      if (s >= minifat.size() || steps > minifat.size() || (size_t{s} + 1) * 64 > mini.size())
        return std::nullopt;
      out.append(mini, size_t{s} * 64, 64);
      s = minifat[s];
    }
    if (out.size() > size) out.resize(size);
    return out;
  }

  std::string_view b_;
  size_t sector_ = 512;
  std::vector<uint32_t> fat_;
};

// A BOUNDSHEET's name (ShortXLUnicodeString) as UTF-8.
std::string sheet_name(std::string_view data) {
  if (data.size() < 8) return "";
  const size_t chars = static_cast<uint8_t>(data[6]);
  const bool wide = data[7] & 1;
  std::string out;
  for (size_t i = 0; i < chars; ++i) {
    const size_t at = 8 + (wide ? 2 * i : i);
    if (at + (wide ? 2 : 1) > data.size()) break;
    append_utf8(out, wide ? u16(data, at) : static_cast<uint8_t>(data[at]));
  }
  return out;
}

}  // namespace

std::vector<XlsSheetLayout> read_xls_layout(std::string_view bytes) {
  std::vector<XlsSheetLayout> out;
  CompoundFile cf(bytes);
  auto wb = cf.stream(u"Workbook");
  if (!wb) return out;
  const std::string_view w = *wb;
  struct Bound {
    uint32_t at;
    std::string name;
  };
  std::vector<Bound> bounds;
  // The globals substream: the sheets and where they start; an encrypted file is left alone.
  for (size_t pos = 0; pos + 4 <= w.size();) {
    const uint16_t type = u16(w, pos), len = u16(w, pos + 2);
    if (pos + 4 + len > w.size()) break;
    const std::string_view data = w.substr(pos + 4, len);
    if (type == 0x002F) return {};  // FILEPASS
    if (type == 0x0085 && len >= 8) bounds.push_back({u32(data, 0), sheet_name(data)});
    pos += 4 + len;
    if (type == 0x000A) break;  // EOF of the globals
  }
  for (const Bound& s : bounds) {
    XlsSheetLayout sheet;
    sheet.name = s.name;
    int depth = 0;
    for (size_t pos = s.at; pos + 4 <= w.size();) {
      const uint16_t type = u16(w, pos), len = u16(w, pos + 2);
      if (pos + 4 + len > w.size()) break;
      const std::string_view data = w.substr(pos + 4, len);
      pos += 4 + len;
      if (type == 0x0809) ++depth;  // BOF (an embedded chart nests one)
      if (depth == 0) break;        // not at a BOF: a bad offset
      if (type == 0x000A && --depth == 0) break;
      if (depth != 1) continue;
      if (type == 0x00E5 && len >= 2) {  // MERGEDCELLS
        const size_t n = u16(data, 0);
        for (size_t i = 0; i < n && 2 + 8 * (i + 1) <= len && sheet.merges.size() < 100000; ++i) {
          const size_t at = 2 + 8 * i;
          CellRange r{u16(data, at), u16(data, at + 4), u16(data, at + 2), u16(data, at + 6)};
          if (r.first_row <= r.last_row && r.first_col <= r.last_col && r.last_col < 256)
            sheet.merges.push_back(r);
        }
      } else if (type == 0x007D && len >= 6) {  // COLINFO
        const uint16_t first = u16(data, 0), last = u16(data, 2), width = u16(data, 4);
        if (first > last || last > 255) continue;
        if (sheet.col_widths.size() <= last) sheet.col_widths.resize(size_t{last} + 1, 0.0);
        for (uint32_t c = first; c <= last; ++c) sheet.col_widths[c] = width / 256.0;
      }
    }
    out.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace powerlist
