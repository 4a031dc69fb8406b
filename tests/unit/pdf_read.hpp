// Reading back what the PDF writer wrote: inflating streams, and every object of a file
// through its cross-reference stream and object streams (a small reader, strict about
// exactly the structure the writer promises).
#pragma once
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <string>

namespace powerlist::test {

inline std::string inflate(const std::string& z) {
  std::string out(z.size() * 40 + 1024, '\0');
  uLongf n = out.size();
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &n,
                     reinterpret_cast<const Bytef*>(z.data()), z.size()) == Z_OK);
  out.resize(n);
  return out;
}

// The integer after `key` in `dict` (-1 when absent).
inline long dict_int(const std::string& dict, const std::string& key) {
  const size_t at = dict.find(key + " ");
  return at == std::string::npos ? -1
                                 : std::strtol(dict.c_str() + at + key.size() + 1, nullptr, 10);
}

struct PdfStreamObject {
  std::string dict, data;  // data inflated
};

// The object whose header "n 0 obj" starts at `offset`: a stream (dict and inflated data).
inline PdfStreamObject pdf_stream_at(const std::string& pdf, size_t offset, long number) {
  const std::string head = std::to_string(number) + " 0 obj\n";
  REQUIRE(pdf.compare(offset, head.size(), head) == 0);
  const size_t dict_end = pdf.find(">>\nstream\n", offset);
  REQUIRE(dict_end != std::string::npos);
  PdfStreamObject s;
  s.dict = pdf.substr(offset + head.size(), dict_end + 2 - offset - head.size());
  const long length = dict_int(s.dict, "/Length");
  REQUIRE(length >= 0);
  const size_t data = dict_end + 10;
  REQUIRE(pdf.compare(data + static_cast<size_t>(length), 18, "\nendstream\nendobj\n") == 0);
  s.data = inflate(pdf.substr(data, static_cast<size_t>(length)));
  return s;
}

// Every object by number: a dictionary's text, or a stream's dictionary. Checks that each
// cross-reference entry leads to its object.
inline std::map<long, std::string> pdf_objects(const std::string& pdf) {
  const size_t sx = pdf.rfind("startxref\n");
  REQUIRE(sx != std::string::npos);
  const size_t xref_at = std::strtoul(pdf.c_str() + sx + 10, nullptr, 10);
  const long xref_number = std::strtol(pdf.c_str() + xref_at, nullptr, 10);
  const PdfStreamObject xref = pdf_stream_at(pdf, xref_at, xref_number);
  REQUIRE(xref.dict.find("/Type /XRef") != std::string::npos);
  const long size = dict_int(xref.dict, "/Size");
  const size_t w_at = xref.dict.find("/W [1 ");
  REQUIRE(w_at != std::string::npos);
  const int width = std::atoi(xref.dict.c_str() + w_at + 6);
  const size_t entry = 1 + static_cast<size_t>(width) + 2;
  REQUIRE(xref.data.size() == entry * static_cast<size_t>(size));
  std::map<long, std::string> objects;
  std::map<long, PdfStreamObject> object_streams;
  auto field = [&](size_t at, int bytes) {
    size_t v = 0;
    for (int b = 0; b < bytes; ++b) v = (v << 8) | static_cast<unsigned char>(xref.data[at + b]);
    return v;
  };
  for (long i = 0; i < size; ++i) {  // offsets first: object streams are type 1
    const size_t at = static_cast<size_t>(i) * entry;
    if (xref.data[at] != 1) continue;
    const PdfStreamObject s = pdf_stream_at(pdf, field(at + 1, width), i);
    objects[i] = s.dict;
    if (s.dict.find("/Type /ObjStm") != std::string::npos) object_streams[i] = s;
  }
  for (long i = 0; i < size; ++i) {
    const size_t at = static_cast<size_t>(i) * entry;
    if (xref.data[at] == 0) {
      CHECK(i == 0);
      continue;
    }
    if (xref.data[at] != 2) continue;
    const long stream = static_cast<long>(field(at + 1, width));
    const size_t index = field(at + 1 + static_cast<size_t>(width), 2);
    REQUIRE(object_streams.count(stream) == 1);
    const PdfStreamObject& s = object_streams[stream];
    const long first = dict_int(s.dict, "/First");
    // The header: pairs of object number and offset; entry `index` must name object i.
    const char* p = s.data.c_str();
    char* end = nullptr;
    long number = -1, offset = -1, next_offset = -1;
    for (size_t k = 0; k <= index + 1; ++k) {
      const long n = std::strtol(p, &end, 10);
      if (end == p) break;
      const long o = std::strtol(p = end, &end, 10);
      p = end;
      if (k == index) number = n, offset = o;
      if (k == index + 1) next_offset = o;
    }
    REQUIRE(number == i);
    const size_t from = static_cast<size_t>(first + offset);
    const size_t to = next_offset < 0 ? s.data.size() : static_cast<size_t>(first + next_offset);
    std::string text = s.data.substr(from, to - from);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    objects[i] = text;
  }
  return objects;
}

// All objects' text, for searching.
inline std::string pdf_object_text(const std::string& pdf) {
  std::string all;
  for (const auto& [n, text] : pdf_objects(pdf)) all += text + "\n";
  return all;
}

}  // namespace powerlist::test
