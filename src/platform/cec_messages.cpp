// CEC bytes: the three messages screen power sends, and the playback claim.
#include "platform/cec_messages.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace affiche {

namespace {
std::uint8_t header(std::uint8_t from, std::uint8_t to) {
    return static_cast<std::uint8_t>(((from & 0xF) << 4) | (to & 0xF));
}
} // namespace

bool cec_physical_address_valid(std::uint16_t address) {
    return address != CEC_PHYS_ADDR_INVALID;
}

std::string format_cec_physical_address(std::uint16_t a) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%x.%x.%x.%x", (a >> 12) & 0xF, (a >> 8) & 0xF, (a >> 4) & 0xF,
                  a & 0xF);
    return buf;
}

std::vector<std::uint8_t> cec_standby(std::uint8_t from) {
    return {header(from, cec_tv), CEC_MSG_STANDBY};
}

std::vector<std::uint8_t> cec_image_view_on(std::uint8_t from) {
    return {header(from, cec_tv), CEC_MSG_IMAGE_VIEW_ON};
}

std::vector<std::uint8_t> cec_active_source(std::uint8_t from, std::uint16_t physical_address) {
    return {header(from, cec_broadcast), CEC_MSG_ACTIVE_SOURCE,
            static_cast<std::uint8_t>(physical_address >> 8),
            static_cast<std::uint8_t>(physical_address & 0xFF)};
}

cec_msg cec_message(const std::vector<std::uint8_t>& bytes) {
    cec_msg m{};
    m.len = static_cast<std::uint32_t>(std::min<std::size_t>(bytes.size(), CEC_MAX_MSG_SIZE));
    std::copy_n(bytes.begin(), m.len, m.msg);
    m.timeout = 0; // no reply awaited
    return m;
}

cec_log_addrs cec_playback_claim(std::string_view osd_name) {
    cec_log_addrs a{};
    a.num_log_addrs = 1;
    a.cec_version = CEC_OP_CEC_VERSION_1_4;
    a.vendor_id = CEC_VENDOR_ID_NONE;
    // Address 15 when every playback address (4, 8, 11) is taken: Image View On still works.
    a.flags = CEC_LOG_ADDRS_FL_ALLOW_UNREG_FALLBACK;
    const std::size_t n = std::min(osd_name.size(), sizeof a.osd_name - 1);
    std::memcpy(a.osd_name, osd_name.data(), n);
    a.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    a.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    a.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    return a;
}

bool cec_claims_playback(const cec_log_addrs& addrs) {
    for (unsigned i = 0; i < addrs.num_log_addrs && i < CEC_MAX_LOG_ADDRS; ++i) {
        if (addrs.log_addr_type[i] == CEC_LOG_ADDR_TYPE_PLAYBACK) return true;
    }
    return false;
}

} // namespace affiche
