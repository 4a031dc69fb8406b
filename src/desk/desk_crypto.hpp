// The desk's secrets, from OpenSSL's libcrypto: content hashes of uploaded files, random
// tokens (login cookies, CSRF), and salted password hashes (PBKDF2-HMAC-SHA256).
#pragma once
#include <string>
#include <string_view>

namespace powerlist::desk {

inline constexpr int kPasswordIterations = 600000;  // OWASP's figure for PBKDF2-HMAC-SHA256

std::string sha256_hex(std::string_view bytes);
// `bytes` random bytes from the system's CSPRNG, as hex; throws std::runtime_error when the
// generator fails (never a weak token).
std::string random_hex(size_t bytes);
std::string password_hash(std::string_view password, std::string_view salt_hex, int iterations);
// Equal without an early exit (the time a comparison takes says nothing of the secret).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace powerlist::desk
