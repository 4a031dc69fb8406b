// xz decompression through Debian's liblzma (xz.hpp).
#include "powerlist/xz.hpp"

#include <lzma.h>

namespace powerlist {

std::string xz_decompress(const std::string& in, size_t max_out, std::string& out) {
  lzma_stream strm = LZMA_STREAM_INIT;
  if (lzma_stream_decoder(&strm, 256u << 20, 0) != LZMA_OK)
    return "xz 解码器无法启动 / no xz decoder";
  out.clear();
  strm.next_in = reinterpret_cast<const uint8_t*>(in.data());
  strm.avail_in = in.size();
  char buf[1 << 16];
  lzma_ret ret = LZMA_OK;
  while (ret == LZMA_OK) {
    strm.next_out = reinterpret_cast<uint8_t*>(buf);
    strm.avail_out = sizeof buf;
    ret = lzma_code(&strm, LZMA_FINISH);
    out.append(buf, sizeof buf - strm.avail_out);
    if (out.size() > max_out) {
      lzma_end(&strm);
      return "解压后过大 / too large once decompressed";
    }
  }
  lzma_end(&strm);
  if (ret != LZMA_STREAM_END)
    return ret == LZMA_BUF_ERROR ? "文件被截断 / truncated" : "数据损坏 / damaged data";
  return "";
}

}  // namespace powerlist
