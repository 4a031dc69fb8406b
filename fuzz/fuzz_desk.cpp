// The review desk's HTTP API: each input is sent, as raw bytes, as one request to a desk
// running in this process on a free loopback port (its data in a fresh temporary folder), so
// cpp-httplib's request and multipart parsing and every handler of ours see it; the JSON
// bodies also go through parse_flat_object directly. Seeds: fuzz/corpus/desk (requests with
// the CSRF placeholder @CSRF@, replaced by the desk's token so that POSTs reach the handlers).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "desk/desk_json.hpp"
#include "fuzz_common.hpp"
#include "powerlist/desk.hpp"

namespace {

struct RunningDesk {
  std::unique_ptr<powerlist::Desk> desk;
  std::thread thread;
  int port = 0;
  std::string csrf;
};

std::string send_request(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string answer;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    (void)!::write(fd, request.data(), request.size());
    // One answer: its head, then Content-Length bytes (the desk keeps connections alive, and
    // a half-closed socket makes cpp-httplib drop the request unanswered).
    char buf[65536];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) {
      answer.append(buf, static_cast<size_t>(n));
      const size_t head = answer.find("\r\n\r\n");
      if (head == std::string::npos) continue;
      const size_t len = answer.find("Content-Length: ");
      const size_t body = len < head ? std::strtoul(answer.c_str() + len + 16, nullptr, 10) : 0;
      if (answer.size() >= head + 4 + body) break;
    }
  }
  ::close(fd);
  return answer;
}

RunningDesk& desk() {
  static RunningDesk* d = [] {
    auto* r = new RunningDesk;
    powerlist::DeskConfig c;
    char tmpl[] = "/tmp/powerlist-fuzz-desk-XXXXXX";
    c.data_dir = ::mkdtemp(tmpl);
    c.port = 0;
    powerlist::Message err;
    r->desk = powerlist::Desk::open(c, err);
    if (!r->desk || (r->port = r->desk->bind(err)) < 0) {
      std::fprintf(stderr, "desk: %s\n", err.en.c_str());
      std::abort();
    }
    r->thread = std::thread([r] { r->desk->run(); });
    const std::string s = send_request(
        r->port, "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const size_t at = s.find("\"csrf\": \"");
    if (at == std::string::npos) {
      std::fprintf(stderr, "no session answer: %s\n", s.c_str());
      std::abort();
    }
    r->csrf = s.substr(at + 9, 32);
    return r;
  }();
  return *d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string request(reinterpret_cast<const char*>(bytes), size);
  (void)powerlist::desk::parse_flat_object(request);
  RunningDesk& d = desk();
  for (size_t at; (at = request.find("@CSRF@")) != std::string::npos;)
    request.replace(at, 6, d.csrf);
  (void)send_request(d.port, request);
  // The desk must still answer after any input.
  if (send_request(d.port,
                   "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .find("\"ok\": true") == std::string::npos)
    std::abort();
  return 0;
}
