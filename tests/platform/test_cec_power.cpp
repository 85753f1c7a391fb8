// Tests for HDMI-CEC screen power: the message bytes, the playback claim, and the ioctl sequence
// against a fake adapter (there is no CEC hardware here; a real TV is checked with cec-ctl).
#include "platform/cec_messages.hpp"
#include "platform/cec_power.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace affiche;

using Bytes = std::vector<std::uint8_t>;

namespace {

// Records every call as a line; behaves like an adapter whose TV answers as told.
class FakeCecPort final : public CecPort {
  public:
    FakeCecPort(std::string name, std::vector<std::string>& log)
        : name_(std::move(name)), log_(log) {}
    std::uint16_t phys = 0x1000;
    cec_log_addrs have{};
    std::uint8_t tx_status = CEC_TX_STATUS_OK;
    bool transmit_fails = false;
    std::uint8_t claimed_address = 4; // the kernel's answer to a playback claim

    const std::string& name() const override { return name_; }
    Result<std::uint16_t> physical_address() override {
        log_.push_back(name_ + " G_PHYS_ADDR");
        return phys;
    }
    Result<cec_log_addrs> logical_addresses() override {
        log_.push_back(name_ + " G_LOG_ADDRS");
        return have;
    }
    Result<cec_log_addrs> claim(const cec_log_addrs& wanted) override {
        log_.push_back(name_ + " S_LOG_ADDRS type=" + std::to_string(wanted.log_addr_type[0]) +
                       " prim=" + std::to_string(wanted.primary_device_type[0]) +
                       " n=" + std::to_string(wanted.num_log_addrs));
        have = wanted;
        // Unconfigured until the TV gives a physical address.
        have.log_addr[0] = phys == CEC_PHYS_ADDR_INVALID ? CEC_LOG_ADDR_INVALID : claimed_address;
        return have;
    }
    Result<cec_msg> transmit(const cec_msg& m) override {
        std::string line = name_ + " TRANSMIT";
        for (std::uint32_t i = 0; i < m.len; ++i) {
            char b[4];
            std::snprintf(b, sizeof b, " %02x", m.msg[i]);
            line += b;
        }
        log_.push_back(line);
        if (transmit_fails) return failure(SourceLoc{name_}, "CEC_TRANSMIT: No such device");
        cec_msg out = m;
        out.tx_status = tx_status;
        return out;
    }

  private:
    std::string name_;
    std::vector<std::string>& log_;
};

struct Rig {
    std::vector<std::string> log;
    std::vector<FakeCecPort*> ports;
    std::unique_ptr<CecPower> power;
    explicit Rig(int n) {
        std::vector<std::unique_ptr<CecPort>> owned;
        for (int i = 0; i < n; ++i) {
            auto p = std::make_unique<FakeCecPort>("cec" + std::to_string(i), log);
            ports.push_back(p.get());
            owned.push_back(std::move(p));
        }
        power = std::make_unique<CecPower>(std::move(owned));
    }
    // Sets up the ports, then forgets the calls that made them: the test checks what follows.
    void start() { log.clear(); }
};

} // namespace

TEST_CASE("cec messages: standby, image view on and active source bytes") {
    CHECK(cec_standby(4) == Bytes{0x40, 0x36});
    CHECK(cec_image_view_on(4) == Bytes{0x40, 0x04});
    CHECK(cec_image_view_on(15) == Bytes{0xF0, 0x04});
    CHECK(cec_active_source(4, 0x1000) == Bytes{0x4F, 0x82, 0x10, 0x00});
    CHECK(cec_active_source(8, 0x2130) == Bytes{0x8F, 0x82, 0x21, 0x30});
}

TEST_CASE("cec messages: the kernel message carries the bytes and awaits no reply") {
    const cec_msg m = cec_message(cec_active_source(4, 0x1000));
    CHECK(m.len == 4);
    CHECK(m.msg[0] == 0x4F);
    CHECK(m.msg[3] == 0x00);
    CHECK(m.timeout == 0);
    CHECK(m.reply == 0);
}

TEST_CASE("cec messages: physical addresses, f.f.f.f is no address") {
    CHECK(format_cec_physical_address(0x1000) == "1.0.0.0");
    CHECK(format_cec_physical_address(0x21a0) == "2.1.a.0");
    CHECK(cec_physical_address_valid(0x1000));
    CHECK_FALSE(cec_physical_address_valid(0xFFFF));
}

TEST_CASE("cec messages: the claim is a playback device, never an audio system") {
    const cec_log_addrs a = cec_playback_claim("affiche-with-a-long-name");
    CHECK(a.num_log_addrs == 1);
    CHECK(a.log_addr_type[0] == CEC_LOG_ADDR_TYPE_PLAYBACK);
    CHECK(a.primary_device_type[0] == CEC_OP_PRIM_DEVTYPE_PLAYBACK);
    CHECK(a.all_device_types[0] == CEC_OP_ALL_DEVTYPE_PLAYBACK);
    CHECK(a.log_addr_type[0] != CEC_LOG_ADDR_TYPE_AUDIOSYSTEM);
    CHECK(a.vendor_id == CEC_VENDOR_ID_NONE);
    CHECK(std::strlen(a.osd_name) == 14); // cut to the 14 bytes CEC allows, NUL-terminated
    CHECK(cec_claims_playback(a));
    cec_log_addrs audio{};
    audio.num_log_addrs = 1;
    audio.log_addr_type[0] = CEC_LOG_ADDR_TYPE_AUDIOSYSTEM;
    CHECK_FALSE(cec_claims_playback(audio));
}

TEST_CASE("cec power: closing claims a playback address and sends Standby to the TV") {
    Rig rig(1);
    const CecOutcome out = rig.power->set(false);
    CHECK(out.sent == 1);
    CHECK(rig.log == std::vector<std::string>{"cec0 G_LOG_ADDRS",
                                              "cec0 S_LOG_ADDRS type=3 prim=4 n=1",
                                              "cec0 G_PHYS_ADDR", "cec0 TRANSMIT 40 36"});
}

TEST_CASE("cec power: opening sends Image View On, then Active Source with our address") {
    Rig rig(1);
    rig.ports[0]->phys = 0x2000;
    rig.power->set(false);
    rig.start();
    const CecOutcome out = rig.power->set(true);
    CHECK(out.sent == 1);
    // Claimed once: the second call finds the address and does not claim again.
    CHECK(rig.log == std::vector<std::string>{"cec0 G_LOG_ADDRS", "cec0 G_PHYS_ADDR",
                                              "cec0 TRANSMIT 40 04", "cec0 TRANSMIT 4f 82 20 00"});
}

TEST_CASE("cec power: every adapter with a valid address gets the messages") {
    Rig rig(2);
    rig.ports[1]->claimed_address = 8;
    const CecOutcome out = rig.power->set(false);
    CHECK(out.sent == 2);
    CHECK(rig.log.back() == "cec1 TRANSMIT 80 36");
    CHECK(rig.log[3] == "cec0 TRANSMIT 40 36");
}

TEST_CASE("cec power: a TV off at boot (f.f.f.f) is retried until it has an address") {
    Rig rig(2);
    rig.ports[1]->phys = CEC_PHYS_ADDR_INVALID; // the second HDMI port's TV was off
    CecOutcome out = rig.power->set(true);
    CHECK(out.sent == 1);
    CHECK(out.waiting == 1);
    CHECK(rig.power->waiting());
    // Meanwhile Image View On from 15 (unregistered), which the kernel allows unconfigured.
    CHECK(rig.log.back() == "cec1 TRANSMIT f0 04");
    rig.start();
    out = rig.power->retry(); // still no address: nothing but the wake attempt again
    CHECK(out.waiting == 1);
    CHECK(rig.log ==
          std::vector<std::string>{"cec1 G_LOG_ADDRS", "cec1 G_PHYS_ADDR", "cec1 TRANSMIT f0 04"});
    rig.ports[1]->phys = 0x1000; // the TV read the EDID; the kernel claimed address 4
    rig.ports[1]->have.log_addr[0] = 4;
    rig.start();
    out = rig.power->retry();
    CHECK(out.sent == 1);
    CHECK_FALSE(rig.power->waiting());
    // Only the adapter that waited; the first one is not woken twice.
    CHECK(rig.log == std::vector<std::string>{"cec1 G_LOG_ADDRS", "cec1 G_PHYS_ADDR",
                                              "cec1 TRANSMIT 40 04", "cec1 TRANSMIT 4f 82 10 00"});
}

TEST_CASE("cec power: a closing while the TV has no address sends Standby once it has one") {
    Rig rig(1);
    rig.ports[0]->phys = CEC_PHYS_ADDR_INVALID;
    CHECK(rig.power->set(false).waiting == 1);
    CHECK(rig.log.back() == "cec0 G_PHYS_ADDR"); // nothing sent to a TV we cannot address
    rig.ports[0]->phys = 0x1000;
    rig.ports[0]->have.log_addr[0] = 4;
    CHECK(rig.power->retry().sent == 1);
    CHECK(rig.log.back() == "cec0 TRANSMIT 40 36");
}

TEST_CASE("cec power: a claim configured by someone else is kept") {
    Rig rig(1);
    rig.ports[0]->have = cec_playback_claim("cec-ctl");
    rig.ports[0]->have.log_addr[0] = 8;
    rig.power->set(false);
    CHECK(rig.log ==
          std::vector<std::string>{"cec0 G_LOG_ADDRS", "cec0 G_PHYS_ADDR", "cec0 TRANSMIT 80 36"});
}

TEST_CASE("cec power: a TV that does not acknowledge, or a failing ioctl, counts as failed") {
    Rig rig(1);
    rig.ports[0]->tx_status = CEC_TX_STATUS_NACK;
    CecOutcome out = rig.power->set(true);
    CHECK(out.failed == 1);
    // Active Source is not sent after a refused Image View On.
    CHECK(rig.log.back() == "cec0 TRANSMIT 40 04");
    rig.ports[0]->tx_status = CEC_TX_STATUS_OK;
    rig.ports[0]->transmit_fails = true;
    out = rig.power->set(false);
    CHECK(out.failed == 1);
    CHECK_FALSE(rig.power->waiting());
}

TEST_CASE("cec power: no adapter, nothing to do") {
    Rig rig(0);
    CHECK_FALSE(rig.power->has_adapters());
    const CecOutcome out = rig.power->set(false);
    CHECK(out.sent + out.waiting + out.failed == 0);
}

TEST_CASE("cec ports: a folder without cec devices opens none") {
    CHECK(open_cec_ports(AFFICHE_SOURCE_DIR).empty());
}
