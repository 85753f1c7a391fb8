// The CEC sequence for screen power, over CecPort so tests can check it against a fake adapter.
#include "platform/cec_power.hpp"

#include "platform/cec_messages.hpp"
#include "platform/log.hpp"

#include <cstdio>

namespace affiche {

CecPower::CecPower(std::vector<std::unique_ptr<CecPort>> ports, std::string osd_name)
    : osd_name_(std::move(osd_name)) {
    for (auto& p : ports)
        adapters_.push_back(Adapter{std::move(p)});
}

bool CecPower::waiting() const {
    for (const auto& a : adapters_) {
        if (a.waiting) return true;
    }
    return false;
}

CecOutcome CecPower::set(bool on) {
    on_ = on;
    CecOutcome out;
    for (auto& a : adapters_) {
        const Sent s = send(a, on);
        out.sent += s == Sent::ok;
        out.waiting += s == Sent::waiting;
        out.failed += s == Sent::failed;
    }
    return out;
}

CecOutcome CecPower::retry() {
    CecOutcome out;
    for (auto& a : adapters_) {
        if (!a.waiting) continue;
        const Sent s = send(a, on_);
        out.sent += s == Sent::ok;
        out.waiting += s == Sent::waiting;
        out.failed += s == Sent::failed;
    }
    return out;
}

void CecPower::report(Adapter& a, const Diagnostic& d) {
    if (a.failed_logged) return; // once per adapter until it works again
    a.failed_logged = true;
    log_warning(format_diagnostic(d));
}

// The adapter's logical address, claiming a playback device first when it has none. A claim
// someone else configured (cec-ctl, say) is kept.
Result<std::uint8_t> CecPower::own_address(Adapter& a) {
    Result<cec_log_addrs> have = a.port->logical_addresses();
    if (!have) return have.error();
    if (have->num_log_addrs == 0) {
        have = a.port->claim(cec_playback_claim(osd_name_));
        if (!have) return have.error();
    }
    const std::uint8_t addr = have->num_log_addrs > 0 ? have->log_addr[0] : CEC_LOG_ADDR_INVALID;
    // Not configured yet (no physical address): the kernel sends from 15, unregistered.
    return addr == CEC_LOG_ADDR_INVALID ? cec_unregistered : addr;
}

bool CecPower::transmit(Adapter& a, const std::vector<std::uint8_t>& bytes) {
    Result<cec_msg> m = a.port->transmit(cec_message(bytes));
    if (!m) {
        report(a, m.error());
        return false;
    }
    if (!(m->tx_status & CEC_TX_STATUS_OK)) {
        char what[96];
        std::snprintf(what, sizeof what,
                      "the TV did not acknowledge CEC opcode 0x%02x (tx_status 0x%02x)",
                      bytes.size() > 1 ? bytes[1] : 0, m->tx_status);
        report(a, failure(SourceLoc{a.port->name()}, what));
        return false;
    }
    return true;
}

CecPower::Sent CecPower::send(Adapter& a, bool on) {
    Result<std::uint8_t> from = own_address(a);
    if (!from) {
        report(a, from.error());
        return Sent::failed;
    }
    Result<std::uint16_t> phys = a.port->physical_address();
    if (!phys) {
        report(a, phys.error());
        return Sent::failed;
    }
    a.waiting = !cec_physical_address_valid(*phys);
    if (a.waiting) {
        // Image View On from 15 may still wake a TV that has not read the EDID; Active Source
        // needs the address and follows at a retry.
        if (on) transmit(a, cec_image_view_on(cec_unregistered));
        return Sent::waiting;
    }
    bool ok = true;
    if (on) {
        ok = transmit(a, cec_image_view_on(*from)) && transmit(a, cec_active_source(*from, *phys));
    } else {
        ok = transmit(a, cec_standby(*from));
    }
    if (ok) a.failed_logged = false;
    return ok ? Sent::ok : Sent::failed;
}

} // namespace affiche
