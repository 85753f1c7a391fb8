// HDMI-CEC message bytes and the playback-device claim, built by pure functions (no ioctl, no SDL).
#pragma once

#include <linux/cec.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

inline constexpr std::uint8_t cec_tv = 0;          // the TV's logical address
inline constexpr std::uint8_t cec_broadcast = 0xF; // destination of broadcast messages
inline constexpr std::uint8_t cec_unregistered = 0xF;

// A CEC physical address ("1.0.0.0" is 0x1000); f.f.f.f means no valid EDID yet (the TV was off
// or unplugged when the Pi started).
bool cec_physical_address_valid(std::uint16_t address);
std::string format_cec_physical_address(std::uint16_t address);

// The bytes of one message: header (initiator << 4 | destination), opcode, operands.
std::vector<std::uint8_t> cec_standby(std::uint8_t from);
std::vector<std::uint8_t> cec_image_view_on(std::uint8_t from);
std::vector<std::uint8_t> cec_active_source(std::uint8_t from, std::uint16_t physical_address);

// The kernel's message for those bytes: no reply awaited.
cec_msg cec_message(const std::vector<std::uint8_t>& bytes);

// One logical address of type playback (never audio system: an audio claim can mute the TV),
// primary device type playback, CEC 1.4, the name the TV's menu shows (at most 14 bytes).
cec_log_addrs cec_playback_claim(std::string_view osd_name);

// Whether a claim already configured on the adapter is a playback device (then it is kept).
bool cec_claims_playback(const cec_log_addrs& addrs);

} // namespace affiche
