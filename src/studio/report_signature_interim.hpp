// INTERIM, dropped when wip-reports ("reports: signing format") is merged: the report key's
// fingerprint and the check of a report's Ed25519 signature, as /work/spec19.md defines them.
#pragma once

#include <string>
#include <string_view>

namespace affiche {

// "3f2a-9c01-77be-d410": the first 8 bytes of SHA-256 over the 32 raw key bytes, hex in 4 groups.
std::string report_fingerprint(std::string_view public_key);

// True when signature_base64 (standard, padded) is the Ed25519 detached signature of body by the
// 32-byte public_key.
bool verify_report_signature(std::string_view body, std::string_view signature_base64,
                             std::string_view public_key);

} // namespace affiche
